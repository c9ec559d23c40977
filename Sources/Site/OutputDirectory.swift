import Diagnostics
import Foundation
import Parallel

#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into a fresh temporary folder beside the target and swaps it in only when the
/// whole build succeeded, so a failed build leaves the previous output exactly as it was.
///
/// The swap is one atomic exchange of the two folders where the system has one (`renameat2` with
/// `RENAME_EXCHANGE`: Linux), so a build killed at any moment leaves the target either the whole old
/// build or the whole new one. The temporary folders it leaves when killed (`.breingen-staging-PID-N`,
/// `.breingen-old-PID-N`) are removed by the next build, once their process is gone.
public struct StagedOutput {
    public let target: URL
    public let staging: URL
    /// Problems met while clearing up after earlier builds (a leftover folder that could not be
    /// removed); the build goes on, the user is told.
    public private(set) var warnings: [Diagnostic] = []

    static let stagingPrefix = ".breingen-staging-"
    static let oldPrefix = ".breingen-old-"

    public init(target: URL) throws {
        self.target = target
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Self.failure(error, parent.path, "kan de map \(parent.path) niet maken")
        }
        warnings = Self.removeLeftovers(beside: target)
        staging = parent.appendingPathComponent("\(Self.stagingPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard mkdir(staging.path, 0o755) == 0 else {
            throw FileSystemError.last(staging.path, writing: true)
                .diagnostic("kan geen tijdelijke bouwmap maken in \(parent.path)")
        }
    }

    /// Writes `data` at `relativePath` inside the staging folder, creating folders as needed.
    public func write(_ data: Data, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        } catch {
            throw Self.failure(error, url.path, "kan \(relativePath) niet schrijven in \(staging.path)")
        }
    }

    /// Replaces the target with the staged build. A `.gitignore` in the old output is carried over,
    /// since a repository keeps one there to ignore the built files. Returns warnings about the old
    /// build when it could not be removed (it is then left beside the target, and the next build tries again).
    @discardableResult
    public func commit() throws -> [Diagnostic] {
        let fm = FileManager.default
        let keep = target.appendingPathComponent(".gitignore")
        if fm.fileExists(atPath: keep.path), !fm.fileExists(atPath: staging.appendingPathComponent(".gitignore").path) {
            do {
                try fm.copyItem(at: keep, to: staging.appendingPathComponent(".gitignore"))
            } catch {
                throw Self.failure(error, keep.path, "kan \(keep.path) niet overnemen in de nieuwe build")
            }
        }
        var exists = stat()
        guard lstat(target.path, &exists) == 0 else {
            guard rename(staging.path, target.path) == 0 else {
                throw FileSystemError.last(target.path, writing: true).diagnostic("kan de nieuwe build niet in \(target.path) zetten")
            }
            return []
        }
        // One atomic step: the new build appears under the target's name and the old one under the
        // staging name, with no moment without a target.
        if Self.exchange(staging.path, target.path) {
            return Self.remove(staging)
        }
        // Without an atomic exchange: move the old build aside, then the new one in. A build killed
        // between the two leaves no target; the next build puts the old one back (`removeLeftovers`).
        let old = target.deletingLastPathComponent()
            .appendingPathComponent("\(Self.oldPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard rename(target.path, old.path) == 0 else {
            throw FileSystemError.last(target.path, writing: true).diagnostic("kan de vorige build in \(target.path) niet vervangen")
        }
        guard rename(staging.path, target.path) == 0 else {
            let failure = FileSystemError.last(target.path, writing: true)
            _ = rename(old.path, target.path)
            throw failure.diagnostic("kan de nieuwe build niet in \(target.path) zetten")
        }
        return Self.remove(old)
    }

    /// Drops the staged build; the target is untouched.
    public func discard() {
        _ = Self.remove(staging)
    }

    // MARK: - Clearing up

    /// Removes the staging and old-output folders beside `target` that builds killed before they could
    /// clear up left behind (only those whose process is gone: a build running beside this one keeps
    /// its own). When a killed build had moved the old output aside and died before moving the new one
    /// in, the old output is put back first.
    public static func removeLeftovers(beside target: URL) -> [Diagnostic] {
        let parent = target.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        var warnings: [Diagnostic] = []
        var olds: [String] = []
        for name in names.sorted() {
            if LeftoverFolders.isLeftover(name, prefix: oldPrefix) {
                olds.append(name)
            } else if LeftoverFolders.isLeftover(name, prefix: stagingPrefix) {
                warnings += LeftoverFolders.remove(parent.appendingPathComponent(name))
            }
        }
        var present = stat()
        if lstat(target.path, &present) != 0, errno == ENOENT, let last = olds.popLast() {
            _ = rename(parent.appendingPathComponent(last).path, target.path)
        }
        for name in olds { warnings += LeftoverFolders.remove(parent.appendingPathComponent(name)) }
        return warnings
    }

    /// Removes a folder tree (see `LeftoverFolders.remove`).
    static func remove(_ folder: URL) -> [Diagnostic] {
        LeftoverFolders.remove(folder)
    }

    /// Removes a folder tree, its top-level entries on all cores: deleting the previous build of a big
    /// site is thousands of system calls.
    static func removeInParallel(_ folder: URL) {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        Parallel.forEach(entries.count) { try? FileManager.default.removeItem(at: folder.appendingPathComponent(entries[$0])) }
        try? fm.removeItem(at: folder)
    }

    /// Swaps two paths atomically with `renameat2(RENAME_EXCHANGE)`, which Glibc's Swift module does not
    /// declare: looked up at run time. False where the system or the file system lacks it.
    static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = renameAt2 else { return false }
        let exchangeFlag: UInt32 = 2  // RENAME_EXCHANGE
        return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0
    }

    private static let renameAt2: UnsafeMutableRawPointer? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")

    /// A Foundation error as a Dutch diagnostic; other errors as they are.
    static func failure(_ error: Error, _ path: String, _ action: String) -> Error {
        if let known = FileSystemError(error, path: path, writing: true) { return known.diagnostic(action) }
        return error
    }
}

/// Temporary folders named `PREFIX<pid>-…` that a build or `breingen serve` makes and removes when it
/// ends; after a `kill -9` or a crash they stay, and the next run removes them once that process is gone.
public enum LeftoverFolders {
    /// Whether `name` is `prefix` + the id of a process that no longer runs + `-…`.
    public static func isLeftover(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }) else { return false }
        return !isRunning(pid)
    }

    /// Removes the leftovers with `prefix` in `folder` that belong to this user; warnings for those that
    /// could not be removed.
    public static func removeAll(in folder: URL, prefix: String) -> [Diagnostic] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var warnings: [Diagnostic] = []
        for name in names.sorted() where isLeftover(name, prefix: prefix) {
            var info = stat()
            let path = folder.appendingPathComponent(name)
            guard lstat(path.path, &info) == 0, info.st_uid == getuid(), info.st_mode & S_IFMT == S_IFDIR else { continue }
            warnings += remove(path)
        }
        return warnings
    }

    /// Whether a process with this id exists (the run that made a folder may still be going).
    static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Removes a folder tree; folders the user made read-only are made writable first, since it is our
    /// own build. A warning names what could not be removed and why.
    public static func remove(_ folder: URL) -> [Diagnostic] {
        StagedOutput.removeInParallel(folder)
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { return [] }
        makeWritable(folder.path)
        StagedOutput.removeInParallel(folder)
        guard lstat(folder.path, &info) == 0 else { return [] }
        do {
            try FileManager.default.removeItem(at: folder)
            return []
        } catch {
            let cause = FileSystemError(error, path: folder.path, writing: true)?.cause ?? "onbekende fout"
            return [Diagnostic(.warning, "kan de tijdelijke map \(folder.path) niet verwijderen: \(cause); verwijder hem zelf")]
        }
    }

    /// Gives the owner write and search permission on every folder under `path` (links not followed).
    private static func makeWritable(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        _ = chmod(path, (info.st_mode & 0o7777) | S_IRWXU)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            makeWritable(path + "/" + name)
        }
    }
}
