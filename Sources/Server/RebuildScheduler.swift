import Foundation

/// Collects change reports and runs one build at a time after the changes have been quiet for the
/// debounce interval, so an editor's save (often several file events) causes a single rebuild. When
/// every changed file is known to be written through (`ChangeSet.isSettled`), the much shorter settled
/// interval is enough: only a burst of saves (a `git checkout`) still needs gathering.
/// Changes that arrive during a build are merged into the next one.
final class RebuildScheduler: @unchecked Sendable {
    private let condition = NSCondition()
    private let debounce: Double
    private let settledDebounce: Double
    /// Gets the changes and when the first of them was noticed (for the latency in the log).
    private let perform: @Sendable (ChangeSet, DispatchTime) -> Void
    private var pending = ChangeSet()
    private var lastChange = Date.distantPast
    private var firstNoticed = DispatchTime.now()
    private var stopped = false
    private var building = false
    private var finished = DispatchSemaphore(value: 0)
    private var started = false

    init(
        debounce: Double, settledDebounce: Double = 0, perform: @escaping @Sendable (ChangeSet, DispatchTime) -> Void
    ) {
        self.debounce = debounce
        self.settledDebounce = min(settledDebounce, debounce)
        self.perform = perform
    }

    func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return }
        started = true
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "breingen-rebuild"
        thread.start()
    }

    /// Notes changes (from any thread).
    func submit(_ changes: ChangeSet) {
        guard !changes.isEmpty else { return }
        condition.lock()
        if pending.isEmpty { firstNoticed = .now() }
        pending.formUnion(changes)
        lastChange = Date()
        condition.broadcast()
        condition.unlock()
    }

    /// Stops scheduling; waits for a build that is running to finish.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        let wasStarted = started
        condition.unlock()
        if wasStarted { finished.wait() }
    }

    /// Whether nothing is pending or building (for tests).
    var isIdle: Bool {
        condition.lock()
        defer { condition.unlock() }
        return pending.isEmpty && !building
    }

    private func run() {
        condition.lock()
        while true {
            while pending.isEmpty && !stopped { condition.wait() }
            if stopped { break }
            // Wait until no change arrived for `debounce` seconds (less when the files are written through).
            while !stopped {
                let deadline = lastChange.addingTimeInterval(pending.isSettled ? settledDebounce : debounce)
                if Date() >= deadline { break }
                _ = condition.wait(until: deadline)
            }
            if stopped { break }
            let changes = pending
            pending = ChangeSet()
            building = true
            condition.unlock()
            perform(changes, firstNoticed)
            condition.lock()
            building = false
        }
        condition.unlock()
    }
}
