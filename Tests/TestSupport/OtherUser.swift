import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs code as the user `nobody` when the tests run as root: root reads and writes every file whatever
/// its mode, so a test of what an ordinary user meets (a read-only folder, an unreadable file) checks it,
/// or starts the binary, as that user. The ids are changed with `setresuid`/`setresgid` (looked up at run
/// time: the Glibc module does not declare them), keeping root as the saved id so that it comes back
/// afterwards; a process started meanwhile is `nobody` through and through (exec copies the effective id
/// to the saved one). Not root: `body` runs as it is.
public enum OtherUser {
    /// `nobody`.
    public static let id: UInt32 = 65534

    /// Thrown when the ids cannot be changed.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func run<T>(_ body: () throws -> T) throws -> T {
        guard getuid() == 0 else { return try body() }
        var groups = [gid_t](repeating: 0, count: Int(max(0, getgroups(0, nil))))
        let count = getgroups(Int32(groups.count), &groups)
        guard count >= 0 else { throw Failure(description: "getgroups: errno \(errno)") }
        // Root's supplementary groups (root among them) go too.
        guard setGroups([]) == 0, setIDs("setresgid", id) == 0, setIDs("setresuid", id) == 0 else {
            let error = errno
            restore(Array(groups.prefix(Int(count))))
            throw Failure(description: "kan niet de gebruiker nobody worden: errno \(error)")
        }
        defer { restore(Array(groups.prefix(Int(count)))) }
        return try body()
    }

    private static func restore(_ groups: [gid_t]) {
        // Root again from the saved id first: only root may set the groups.
        precondition(setIDs("setresuid", 0) == 0 && setIDs("setresgid", 0) == 0, "root did not come back")
        precondition(setGroups(groups) == 0, "root's groups did not come back")
    }

    /// `setresuid` or `setresgid` with real and effective id `id` and saved id 0.
    private static func setIDs(_ name: String, _ id: UInt32) -> Int32 {
        typealias SetIDs = @convention(c) (UInt32, UInt32, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return -1 }
        return unsafeBitCast(symbol, to: SetIDs.self)(id, id, 0)
    }

    private static func setGroups(_ groups: [gid_t]) -> Int32 {
        typealias SetGroups = @convention(c) (Int, UnsafePointer<gid_t>?) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "setgroups") else { return -1 }
        return groups.withUnsafeBufferPointer {
            unsafeBitCast(symbol, to: SetGroups.self)(groups.count, $0.baseAddress)
        }
    }
}
