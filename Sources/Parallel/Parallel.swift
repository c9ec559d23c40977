import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The package's one parallel map: independent work items spread over worker threads, results in item
/// order. Workers take chunks of items as they go (so uneven items balance out) and stop taking new
/// ones after a failure; the error of the lowest failing item is thrown, so a report never depends on
/// thread timing.
public enum Parallel {
    /// Worker threads when a caller does not say: the active cores.
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(i)` for every `i` in `0..<count`, in parallel; the results in index order.
    /// - Parameters:
    ///   - chunk: items a worker takes at a time (more for many small items).
    ///   - threads: worker threads, the calling thread included; more than the cores pays off when items
    ///     wait in the kernel (writing files).
    public static func map<T>(_ count: Int, chunk: Int = 1, threads: Int = cores, _ body: (Int) throws -> T) throws
        -> [T]
    {
        guard count > 0 else { return [] }
        let slots = UnsafeMutablePointer<T>.allocate(capacity: count)
        let filled = UnsafeMutablePointer<Bool>.allocate(capacity: count)
        filled.initialize(repeating: false, count: count)
        defer {
            for i in 0..<count where filled[i] { (slots + i).deinitialize(count: 1) }
            slots.deallocate()
            filled.deallocate()
        }
        let slotsAddress = UInt(bitPattern: slots)
        let filledAddress = UInt(bitPattern: filled)
        try run(count, chunk: chunk, threads: threads) { i in
            let value = try body(i)
            (UnsafeMutablePointer<T>(bitPattern: slotsAddress)! + i).initialize(to: value)
            UnsafeMutablePointer<Bool>(bitPattern: filledAddress)![i] = true
        }
        var results: [T] = []
        results.reserveCapacity(count)
        for i in 0..<count {
            results.append((slots + i).move())
            filled[i] = false
        }
        return results
    }

    /// `map` for a body that cannot fail.
    public static func map<T>(_ count: Int, chunk: Int = 1, threads: Int = cores, _ body: (Int) -> T) -> [T] {
        try! map(count, chunk: chunk, threads: threads) { (i: Int) throws -> T in body(i) }
    }

    /// `known` with each nil at `i` replaced by `body(i)`, made on every core: values an earlier build
    /// kept are taken as they are, and only the missing ones are handed to the threads.
    public static func fill<T>(_ known: [T?], chunk: Int = 1, _ body: (Int) -> T) -> [T] {
        let missing = known.indices.filter { known[$0] == nil }
        let made = map(missing.count, chunk: chunk) { body(missing[$0]) }
        if missing.count == known.count { return made }
        var all = known
        for (k, i) in missing.enumerated() { all[i] = made[k] }
        return all.map { $0! }
    }

    /// `body(i)` for every `i` in `0..<count`, in parallel.
    public static func forEach(_ count: Int, chunk: Int = 1, threads: Int = cores, _ body: (Int) throws -> Void) throws
    {
        try run(count, chunk: chunk, threads: threads, body)
    }

    /// `forEach` for a body that cannot fail.
    public static func forEach(_ count: Int, chunk: Int = 1, threads: Int = cores, _ body: (Int) -> Void) {
        try! run(count, chunk: chunk, threads: threads) { (i: Int) throws in body(i) }
    }

    private static func run(_ count: Int, chunk: Int, threads: Int, _ body: (Int) throws -> Void) throws {
        guard count > 0 else { return }
        let chunk = max(1, chunk)
        let chunks = (count + chunk - 1) / chunk
        let workers = max(1, min(threads, chunks))
        let state = RunState()
        func work() {
            while let c = state.take(below: chunks) {
                for i in (c * chunk)..<min(count, (c + 1) * chunk) {
                    do {
                        try body(i)
                    } catch {
                        state.fail(error, at: i)
                        return
                    }
                }
            }
        }
        if workers == 1 {
            work()
        } else {
            // Our own threads rather than Dispatch's, whose pool never grows past the cores; joined before
            // returning, so `work` (and the caller's `body`) is not used after this call.
            withoutActuallyEscaping(work) { work in
                var threads: [pthread_t] = []
                for _ in 1..<workers {
                    if let thread = WorkerThread.start(work) { threads.append(thread) }
                }
                work()
                for thread in threads { pthread_join(thread, nil) }
            }
        }
        if let error = state.error { throw error }
    }
}

/// A POSIX thread running one closure, with a stack deep enough for nested templates and Markdown.
private final class WorkerThread {
    let work: () -> Void

    private init(_ work: @escaping () -> Void) { self.work = work }

    /// Starts a thread running `work`; nil when the system has no thread to give (the caller's own thread
    /// then does the work).
    static func start(_ work: @escaping () -> Void) -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        let box = Unmanaged.passRetained(WorkerThread(work))
        var thread = pthread_t()
        let started = pthread_create(
            &thread, &attributes,
            { argument in
                let worker = Unmanaged<WorkerThread>.fromOpaque(argument!).takeRetainedValue()
                worker.work()
                return nil
            }, box.toOpaque())
        guard started == 0 else {
            box.release()
            return nil
        }
        return thread
    }
}

/// The chunk counter and the first failure of one run, shared by its workers.
private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var failure: (index: Int, error: Error)?

    /// The next chunk to do, or nil when all are handed out or an item failed.
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, next < limit else { return nil }
        next += 1
        return next - 1
    }

    func fail(_ error: Error, at index: Int) {
        lock.lock()
        if failure == nil || index < failure!.index { failure = (index, error) }
        lock.unlock()
    }

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return failure?.error
    }
}
