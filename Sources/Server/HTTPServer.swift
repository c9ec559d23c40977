import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Our HTTP/1.1 server on POSIX sockets: one thread per connection (blocking I/O keeps it simple and
/// fast for the few dozen connections a preview has), keep-alive and pipelining, strict request parsing.
/// A bad request gets its 400 and closes only its own connection.
final class HTTPServer: @unchecked Sendable {
    /// Where to listen and how patient to be with clients.
    struct Configuration: Sendable {
        /// An IP literal or `localhost`.
        var host = "127.0.0.1"
        /// 0 picks a free port; `port` tells which after `start()`.
        var port: UInt16 = 8080
        var limits = HTTPLimits()
        /// Seconds an idle keep-alive connection (or a slow request head) may wait.
        var idleTimeout: Double = 30
        /// Connections beyond this many get a 503 at once.
        var maxConnections = 1024

        init(host: String = "127.0.0.1", port: UInt16 = 8080) {
            self.host = host
            self.port = port
        }
    }

    /// Answers one request; called on the connection's thread, so it must be thread-safe.
    typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    let configuration: Configuration
    private let handler: Handler
    private let date = HTTPDate()
    private let lock = NSLock()
    private let idle = NSCondition()
    private var listenFD: Int32 = -1
    private var connections: Set<Int32> = []
    private var stopping = false
    private var acceptDone = DispatchSemaphore(value: 0)
    /// The port actually bound (meaningful after `start()`).
    private(set) var port: UInt16 = 0

    /// A server that answers every request with `handler`; nothing happens until `bind()` or `start()`.
    init(configuration: Configuration, handler: @escaping Handler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// Binds and listens; throws a `Diagnostic` when the address or port cannot be used.
    /// Connections queue up until `start()` begins accepting them.
    func bind() throws {
        guard listenFD < 0 else { return }
        let (fd, actual) = try Socket.listen(host: configuration.host, port: configuration.port)
        listenFD = fd
        port = actual
    }

    /// Binds if needed and starts accepting connections on a thread of its own.
    func start() throws {
        try bind()
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "breingen-accept"
        thread.start()
    }

    /// Stops accepting, closes every connection and waits (briefly) for their threads to finish.
    func stop() {
        lock.lock()
        guard !stopping, listenFD >= 0 else {
            lock.unlock()
            return
        }
        stopping = true
        // Wakes the blocked accept(); the accept thread closes the descriptor.
        shutdown(listenFD, Int32(SHUT_RDWR))
        for fd in connections { shutdown(fd, Int32(SHUT_RDWR)) }
        lock.unlock()
        _ = acceptDone.wait(timeout: .now() + 2)
        idle.lock()
        let deadline = Date().addingTimeInterval(2)
        while activeConnections > 0, idle.wait(until: deadline) {}
        idle.unlock()
    }

    /// Open connections right now.
    var activeConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return connections.count
    }

    private func acceptLoop() {
        defer {
            close(listenFD)
            acceptDone.signal()
        }
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                let code = errno
                lock.lock()
                let done = stopping
                lock.unlock()
                if done { return }
                if code == EINTR || code == ECONNABORTED { continue }
                if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM {
                    usleep(10_000)
                    continue
                }
                return
            }
            lock.lock()
            if stopping {
                lock.unlock()
                close(fd)
                return
            }
            let full = connections.count >= configuration.maxConnections
            if !full { connections.insert(fd) }
            lock.unlock()
            if full {
                let response = HTTPResponse.message(
                    503, "Server bezet", "Te veel verbindingen; probeer het zo opnieuw.")
                _ = Socket.send(fd, response.head(keepAlive: false, date: date.now), response.body)
                close(fd)
                continue
            }
            Socket.setNoDelay(fd)
            Socket.setTimeout(fd, SO_RCVTIMEO, seconds: configuration.idleTimeout)
            Socket.setTimeout(fd, SO_SNDTIMEO, seconds: configuration.idleTimeout)
            let thread = Thread { [self] in
                serve(fd)
                lock.lock()
                connections.remove(fd)
                close(fd)
                lock.unlock()
                idle.lock()
                idle.broadcast()
                idle.unlock()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Reads and answers requests on one connection until either side closes it.
    private func serve(_ fd: Int32) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        // When the current request's first bytes arrived: a head trickling in a byte at a time must
        // still be complete within the idle timeout.
        var headStarted: UInt64?
        while true {
            if !buffer.isEmpty {
                switch HTTPRequestParser.parse(buffer, limits: configuration.limits) {
                case .request(let request, let consumed):
                    buffer.removeFirst(consumed)
                    headStarted = nil
                    let response = handler(request)
                    lock.lock()
                    let keepAlive = request.keepAlive && !stopping
                    lock.unlock()
                    if let stream = response.eventStream {
                        guard request.method == "GET" else {
                            _ = Socket.send(fd, response.head(keepAlive: false, date: date.now))
                            return
                        }
                        guard Socket.send(fd, response.head(keepAlive: true, date: date.now)) else { return }
                        stream.attach(fd)
                        return
                    }
                    let body = request.method == "HEAD" ? [] : response.body
                    guard Socket.send(fd, response.head(keepAlive: keepAlive, date: date.now), body), keepAlive else {
                        return
                    }
                    continue
                case .invalid(let error):
                    let response = HTTPResponse.message(error.status, "Ongeldige aanvraag", error.message)
                    _ = Socket.send(fd, response.head(keepAlive: false, date: date.now), response.body)
                    lingeringClose(fd)
                    return
                case .incomplete:
                    let now = DispatchTime.now().uptimeNanoseconds
                    if let started = headStarted {
                        if Double(now - started) / 1e9 > configuration.idleTimeout {
                            let response = HTTPResponse.message(
                                408, "Te traag", "De aanvraag kwam niet op tijd binnen.")
                            _ = Socket.send(fd, response.head(keepAlive: false, date: date.now), response.body)
                            lingeringClose(fd)
                            return
                        }
                    } else {
                        headStarted = now
                    }
                }
            }
            let n = recv(fd, &chunk, chunk.count, 0)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    /// Stops sending but reads what the client still sends for a moment, so the error response is not
    /// lost to a TCP reset caused by unread data.
    private func lingeringClose(_ fd: Int32) {
        shutdown(fd, Int32(SHUT_WR))
        Socket.setTimeout(fd, SO_RCVTIMEO, seconds: 0.5)
        var scratch = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while total < 1 << 20 {
            let n = recv(fd, &scratch, scratch.count, 0)
            if n <= 0 { break }
            total += n
        }
    }
}
