import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The "pagina's 1234/10000" line a build shows on a terminal. Thread-safe: rendering threads call
/// `advance()`; the line is redrawn at most every 100 ms, and only when standard error is a terminal.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var done = 0
    private var total = 0
    private var lastDraw: UInt64 = 0
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) != 0
    }

    func start(total: Int) {
        lock.lock()
        self.total = total
        done = 0
        lock.unlock()
    }

    func advance(by count: Int = 1) {
        guard enabled else { return }
        lock.lock()
        done += count
        let now = DispatchTime.now().uptimeNanoseconds
        if now - lastDraw >= 100_000_000 || done == total {
            lastDraw = now
            drawn = true
            let text = "\r\u{1B}[2Kpagina's \(done)/\(total)"
            FileHandle.standardError.write(Data(text.utf8))
        }
        lock.unlock()
    }

    /// Clears the line, so the summary (or an error) starts on a clean line.
    func finish() {
        guard enabled else { return }
        lock.lock()
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
        lock.unlock()
    }
}
