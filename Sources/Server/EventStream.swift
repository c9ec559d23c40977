import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One Server-Sent Event: an optional event name and its data (each line sent as a `data:` line).
struct ServerSentEvent: Sendable, Equatable {
    var name: String?
    var data: String
    /// Milliseconds the browser waits before reconnecting after the connection is lost.
    var retry: Int?

    init(name: String? = nil, data: String, retry: Int? = nil) {
        self.name = name
        self.data = data
        self.retry = retry
    }

    /// The wire format: `retry: MS`, `event: NAME`, one `data:` line per line of data, an empty line.
    var encoded: [UInt8] {
        var text = retry.map { "retry: \($0)\n" } ?? ""
        text += name.map { "event: \($0)\n" } ?? ""
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: " + line.replacingOccurrences(of: "\r", with: "") + "\n"
        }
        return Array((text + "\n").utf8)
    }
}

/// The clients of an event-stream endpoint (`text/event-stream`) and what is broadcast to them.
/// A client's connection thread blocks in `attach` until the browser goes away.
final class EventStream: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: Set<Int32> = []
    private var closed = false
    private var timer: DispatchSourceTimer?
    private let heartbeat: Double
    /// Events a new client receives first, before any broadcast (e.g. the current build state).
    private var greeting: @Sendable () -> [ServerSentEvent]

    /// `heartbeat`: seconds between comment lines that keep idle connections open and find dead ones.
    init(heartbeat: Double = 15, greeting: @escaping @Sendable () -> [ServerSentEvent] = { [] }) {
        self.heartbeat = heartbeat
        self.greeting = greeting
    }

    /// Replaces the events every new client receives first.
    func setGreeting(_ greeting: @escaping @Sendable () -> [ServerSentEvent]) {
        lock.lock()
        self.greeting = greeting
        lock.unlock()
    }

    /// How many clients are connected now.
    var clientCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    /// Sends an event to every connected client; clients that cannot take it are dropped.
    func broadcast(_ event: ServerSentEvent) {
        send(event.encoded)
    }

    private func send(_ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        for fd in clients where !Socket.send(fd, bytes) {
            clients.remove(fd)
            // Wakes the client's thread, which closes the descriptor.
            shutdown(fd, Int32(SHUT_RDWR))
        }
    }

    /// Serves one client on a connection whose response head was already sent; returns when it is gone.
    func attach(_ fd: Int32) {
        // A browser tab that stops reading must not hold up broadcasts to the others for long.
        Socket.setTimeout(fd, SO_SNDTIMEO, seconds: 2)
        lock.lock()
        if closed {
            lock.unlock()
            return
        }
        var greeted = true
        for event in greeting() where !Socket.send(fd, event.encoded) {
            greeted = false
        }
        if greeted { clients.insert(fd) }
        startHeartbeatIfNeeded()
        lock.unlock()
        guard greeted else { return }
        Socket.setTimeout(fd, SO_RCVTIMEO, seconds: 0)
        var scratch = [UInt8](repeating: 0, count: 512)
        while true {
            let n = recv(fd, &scratch, scratch.count, 0)
            if n > 0 || (n < 0 && errno == EINTR) { continue }
            break
        }
        lock.lock()
        clients.remove(fd)
        lock.unlock()
    }

    /// Disconnects every client and refuses new ones (at shutdown).
    func closeAll() {
        lock.lock()
        defer { lock.unlock() }
        closed = true
        timer?.cancel()
        timer = nil
        for fd in clients { shutdown(fd, Int32(SHUT_RDWR)) }
        clients.removeAll()
    }

    private func startHeartbeatIfNeeded() {
        guard timer == nil, heartbeat > 0 else { return }
        let source = DispatchSource.makeTimerSource(queue: .global())
        source.schedule(deadline: .now() + heartbeat, repeating: heartbeat)
        source.setEventHandler { [weak self] in self?.send(Array(": ping\n\n".utf8)) }
        source.resume()
        timer = source
    }

    deinit {
        timer?.cancel()
    }
}
