#if canImport(Glibc)
    import Glibc
#endif

/// The allocator's two knobs for work spread over threads. glibc's allocator keeps freed blocks in
/// per-thread arenas (up to 8 per core): memory freed on one thread is not used again for another's
/// allocations, so the resident memory of a build, and of serve over a long session of edits, grows
/// beyond what is in use (docs/benchmarks.md, Serve, memory). The functions are looked up at run time:
/// the Glibc module does not declare them, and elsewhere they are simply skipped.
public enum Allocator {
    /// At most `count` arenas, unless the user set `MALLOC_ARENA_MAX`. Call before the threads start.
    public static func limitArenas(to count: Int = 2) {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard getenv("MALLOC_ARENA_MAX") == nil, let symbol = lookUp("mallopt") else { return }
        let arenaMax: Int32 = -8  // M_ARENA_MAX
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, Int32(clamping: max(1, count)))
    }

    /// Returns the whole free pages of every arena to the system (`malloc_trim(0)`).
    public static func releaseFreedMemory() {
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = lookUp("malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }

    private static func lookUp(_ name: String) -> UnsafeMutableRawPointer? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)
    }
}
