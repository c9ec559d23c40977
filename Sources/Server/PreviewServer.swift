import Diagnostics
import Foundation
import Parallel

#if canImport(Glibc)
    import Glibc
#endif

/// Settings of `breingen serve`.
public struct PreviewConfiguration: Sendable {
    /// The site folder; watched folders are relative to it.
    public var root: URL
    public var host = "127.0.0.1"
    /// 0 picks a free port (tests).
    public var port: UInt16 = 8080
    /// Everything a build reads: content, themes, and the site's own static files, assets and template overrides.
    public var watchedFolders = ["content", "themes", "static", "assets", "templates"]
    /// Poll instead of using inotify.
    public var forcePolling = false
    public var pollInterval = 0.5
    /// Quiet time after the last change before a rebuild starts.
    public var debounce = 0.025
    /// Quiet time when every changed file is known to be written through (closed after writing, or
    /// renamed into place): an editor's save is complete, only a burst of saves is worth waiting for.
    public var settledDebounce = 0.002
    /// Seconds between keep-alive comments on the event stream.
    public var heartbeat = 15.0

    public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8080) {
        self.root = root
        self.host = host
        self.port = port
    }
}

/// Where serve mode reports to (the terminal, in the CLI).
public struct PreviewLog: Sendable {
    public var info: @Sendable (String) -> Void
    public var problem: @Sendable (Diagnostic) -> Void

    public init(info: @escaping @Sendable (String) -> Void, problem: @escaping @Sendable (Diagnostic) -> Void) {
        self.info = info
        self.problem = problem
    }

    public static let silent = PreviewLog(info: { _ in }, problem: { _ in })
}

/// `breingen serve`: builds the site, serves the last good build, watches the sources, rebuilds after
/// changes and tells open pages to reload (or shows the build error over them).
public final class PreviewServer: @unchecked Sendable {
    let configuration: PreviewConfiguration
    /// Broadcasts `reload` and `builderror` to the open pages.
    let events: EventStream
    private let rebuilder: Rebuilder
    private let log: PreviewLog
    private let lock = NSLock()
    private var current: ServedFolder?
    private var errors: [Diagnostic] = []
    private var generation = 0
    private var builds = 0
    private var server: HTTPServer?
    private var watcher: FileWatcher?
    private var scheduler: RebuildScheduler?
    private var stopped = false

    /// A preview that builds with `rebuilder` and reports to `log`; nothing runs until `start()` or `run(ready:)`.
    public init(configuration: PreviewConfiguration, rebuilder: Rebuilder, log: PreviewLog = .silent) {
        self.configuration = configuration
        self.rebuilder = rebuilder
        self.log = log
        events = EventStream(heartbeat: configuration.heartbeat)
        events.setGreeting { [weak self] in self?.greeting() ?? [] }
    }

    /// The port being served (after `start()`).
    var port: UInt16 { server?.port ?? 0 }

    /// The address to open in a browser.
    public var url: String {
        let host =
            configuration.host.contains(":") && !configuration.host.hasPrefix("[")
            ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)/"
    }

    /// The build generation being served; 0 until a build succeeded.
    var servedGeneration: Int {
        lock.lock()
        defer { lock.unlock() }
        return generation
    }

    /// How many builds (good or failed) have finished.
    var finishedBuilds: Int {
        lock.lock()
        defer { lock.unlock() }
        return builds
    }

    /// Binds the port (throws a `Diagnostic` if it is taken), builds once, then serves and watches.
    /// A failing first build is reported but does not stop serving: the browser shows the error.
    func start() throws {
        Allocator.limitArenas()
        var serverConfiguration = HTTPServer.Configuration(host: configuration.host, port: configuration.port)
        serverConfiguration.idleTimeout = 30
        let server = HTTPServer(configuration: serverConfiguration) { [weak self] request in
            self?.respond(to: request) ?? .message(503, "Server stopt")
        }
        try server.bind()
        self.server = server
        let scheduler = RebuildScheduler(
            debounce: configuration.debounce, settledDebounce: configuration.settledDebounce
        ) { [weak self] changes, noticed in
            self?.performBuild(changes, noticed: noticed)
        }
        rebuilder.onLaterOutput { [weak scheduler] in scheduler?.submit(ChangeSet(laterOutput: true)) }
        performBuild(.initial, noticed: .now())
        self.scheduler = scheduler
        scheduler.start()
        try server.start()
        watcher = FileWatchers.start(
            root: configuration.root, folders: configuration.watchedFolders,
            forcePolling: configuration.forcePolling, pollInterval: configuration.pollInterval
        ) { [weak scheduler] changes in scheduler?.submit(changes) }
    }

    /// How changes are noticed: "inotify" or "polling".
    public var watcherKind: String { watcher?.kind ?? "geen" }

    /// Stops watching, waits for a running build, closes every connection and removes temporary folders.
    func stop() {
        lock.lock()
        if stopped {
            lock.unlock()
            return
        }
        stopped = true
        lock.unlock()
        watcher?.stop()
        scheduler?.stop()
        events.closeAll()
        server?.stop()
        rebuilder.cleanUp()
    }

    /// Starts, calls `ready`, serves until SIGINT (Ctrl-C) or SIGTERM, then stops cleanly. Signals are
    /// caught from before the first build, so stopping at any moment leaves no temporary folders; a
    /// second signal while stopping removes them and exits at once.
    public func run(ready: () -> Void) throws {
        let signals = SignalWaiter(emergency: { [rebuilder] in rebuilder.cleanUp() })
        defer { signals.cancel() }
        try start()
        ready()
        signals.wait()
        log.info("stoppen…")
        stop()
    }

    private func greeting() -> [ServerSentEvent] {
        lock.lock()
        defer { lock.unlock() }
        // A restarted `breingen serve` is found again within half a second (browsers wait about 3 s).
        var events = [ServerSentEvent(name: "hello", data: "\(generation)", retry: 500)]
        if !errors.isEmpty { events.append(LiveReload.errorEvent(errors)) }
        return events
    }

    private func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.path == LiveReload.eventsPath {
            return .eventStream(events)
        }
        lock.lock()
        let folder = current
        let problems = errors
        lock.unlock()
        guard let folder else {
            if problems.isEmpty { return .message(503, "Bezig met bouwen", "Probeer het zo opnieuw.") }
            return LiveReload.errorPage(problems)
        }
        return StaticResponder.respond(to: request, from: folder)
    }

    /// Size and modification time of a changed file, to tell whether it was being written.
    private struct FileState: Equatable {
        var exists: Bool
        var size: Int64 = 0
        var modified: Int = 0
        var modifiedNanoseconds: Int = 0
    }

    private func states(_ paths: Set<String>) -> [String: FileState] {
        var result: [String: FileState] = [:]
        for path in paths {
            var info = stat()
            if stat(configuration.root.path + "/" + path, &info) == 0 {
                result[path] = FileState(
                    exists: true, size: Int64(info.st_size), modified: info.st_mtim.tv_sec,
                    modifiedNanoseconds: info.st_mtim.tv_nsec)
            } else {
                result[path] = FileState(exists: false)
            }
        }
        return result
    }

    /// Builds; a build that fails while a changed file is empty or was changing during the build is tried
    /// again after a pause before its error counts: editors that save by truncating and then writing
    /// leave an empty or half-written file for a moment, and that moment is no error worth a red overlay.
    private func performBuild(_ changes: ChangeSet, noticed: DispatchTime) {
        var pause = max(configuration.debounce, 0.05)
        var waited = 0.0
        // After the build, served and announced: what the build freed goes back to the system.
        defer { Allocator.releaseFreedMemory() }
        while true {
            let before = states(changes.paths)
            guard let error = attemptBuild(changes, noticed: noticed) else { return }
            let after = states(changes.paths)
            let unsettled = before != after || after.values.contains { $0.exists && $0.size == 0 }
            guard unsettled, waited + pause <= PreviewServer.settleTime, !isStopped else {
                report(error)
                return
            }
            Thread.sleep(forTimeInterval: pause)
            waited += pause
            pause *= 2
        }
    }

    /// How long a build waits in all for half-written files to settle before reporting their error.
    static let settleTime = 0.8

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// One build: serves its output and tells the pages to reload, or returns why it failed.
    private func attemptBuild(_ changes: ChangeSet, noticed: DispatchTime) -> Error? {
        let started = DispatchTime.now()
        do {
            let result = try rebuilder.rebuild(changes)
            lock.lock()
            let next = generation + 1
            lock.unlock()
            let folder = try ServedFolder(root: result.outputFolder, generation: next) { html, generation in
                LiveReload.inject(into: html, generation: generation)
            }
            lock.lock()
            current = folder
            generation = next
            errors = []
            builds += 1
            lock.unlock()
            let now = DispatchTime.now().uptimeNanoseconds
            let building = Int((Double(now - started.uptimeNanoseconds) / 1e6).rounded())
            let sinceChange = Int((Double(now - min(noticed.uptimeNanoseconds, now)) / 1e6).rounded())
            if changes == .initial {
                log.info("gebouwd" + (result.summary.map { ": \($0)" } ?? "") + " (\(building) ms)")
            } else if changes.paths.isEmpty && changes.laterOutput {
                log.info(
                    "bijgewerkt met uitvoer die later klaar was" + (result.summary.map { ": \($0)" } ?? "")
                        + " (bouwen \(building) ms)")
            } else {
                // From the change being noticed to the new output being served: the figure editors feel.
                log.info(
                    "herbouwd na wijziging in \(describe(changes))" + (result.summary.map { ": \($0)" } ?? "")
                        + " (bouwen \(building) ms, \(sinceChange) ms na de wijziging)")
            }
            events.broadcast(ServerSentEvent(name: "reload", data: "\(next)"))
            return nil
        } catch {
            return error
        }
    }

    /// A failed build: the terminal and the open pages show why; the last good build stays served.
    private func report(_ error: Error) {
        let diagnostics = Diagnostic.describing(error)
        lock.lock()
        errors = diagnostics
        builds += 1
        let hasGood = current != nil
        lock.unlock()
        diagnostics.forEach(log.problem)
        log.info(
            hasGood
                ? "bouwen mislukt; de browser toont de fout en de laatste gelukte versie"
                : "bouwen mislukt; de browser toont de fout")
        events.broadcast(LiveReload.errorEvent(diagnostics))
    }

    private func describe(_ changes: ChangeSet) -> String {
        // Paths that still exist first: a save often also reports a temporary file that is gone again.
        let root = configuration.root.path
        let sorted = changes.paths.sorted { a, b in
            let (aExists, bExists) = (access(root + "/" + a, F_OK) == 0, access(root + "/" + b, F_OK) == 0)
            return aExists != bExists ? aExists : a < b
        }
        guard let first = sorted.first else { return "de bronnen" }
        return sorted.count == 1 ? first : "\(first) en \(sorted.count - 1) andere"
    }
}

/// The pipe a signal handler writes to. A handler may only call async-signal-safe functions, so it
/// writes one byte here and a normal thread does the rest. Created before any handler is installed.
private let signalPipe: (read: Int32, write: Int32) = {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return (-1, -1) }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
    return (fds[0], fds[1])
}()

private func forwardSignal(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipe.write, &byte, 1)
}

/// Catches SIGINT and SIGTERM with a handler installed synchronously (`sigaction` through `signal`), so
/// a signal that arrives right after `init` is never lost, unlike a dispatch source, whose registration
/// completes asynchronously. A reader thread turns the bytes the handler writes into `wait()` returning;
/// a second signal while stopping runs `emergency` and exits at once.
private final class SignalWaiter: @unchecked Sendable {
    private static let wakeUp: UInt8 = 0
    private let signalled = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// `emergency` runs before exiting on a second signal.
    init(emergency: @escaping @Sendable () -> Void) {
        let fd = signalPipe.read
        // Drop bytes left by an earlier waiter in this process (tests run several).
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        var scratch = [UInt8](repeating: 0, count: 64)
        while read(fd, &scratch, scratch.count) > 0 {}
        _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)

        let signalled = self.signalled
        let finished = self.finished
        let reader = Thread {
            var count = 0
            var byte: UInt8 = 0
            while true {
                let n = read(fd, &byte, 1)
                if n < 0, errno == EINTR { continue }
                if n <= 0 || byte == SignalWaiter.wakeUp { break }
                count += 1
                if count > 1 {
                    emergency()
                    _exit(130)
                }
                signalled.signal()
            }
            finished.signal()
        }
        reader.start()
        for number in [SIGINT, SIGTERM] {
            signal(number, forwardSignal)
        }
    }

    func wait() {
        signalled.wait()
    }

    /// Restores the default handling and ends the reader thread.
    func cancel() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        var byte = SignalWaiter.wakeUp
        _ = write(signalPipe.write, &byte, 1)
        finished.wait()
    }
}
