import Diagnostics
import Foundation
import Parallel

#if canImport(Glibc)
    import Glibc
#endif

/// Temporary folders named `PREFIX<pid>-…` that a build or `breingen serve` makes and removes when it
/// ends; after a `kill -9` or a crash they stay, and the next run removes them once that process is gone.
public enum LeftoverFolders {
    /// The folders of killed builds of earlier versions, which wrote into a temporary folder beside the
    /// output and moved the old output aside (`PublishedOutput` keeps its spare in one folder instead).
    static let stagingPrefix = ".breingen-staging-"
    static let oldPrefix = ".breingen-old-"

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
            if isLeftover(name, prefix: oldPrefix) {
                olds.append(name)
            } else if isLeftover(name, prefix: stagingPrefix) {
                warnings += remove(parent.appendingPathComponent(name))
            }
        }
        var present = stat()
        if lstat(target.path, &present) != 0, errno == ENOENT, let last = olds.popLast() {
            _ = rename(parent.appendingPathComponent(last).path, target.path)
        }
        for name in olds { warnings += remove(parent.appendingPathComponent(name)) }
        return warnings
    }

    /// Removes a folder tree, its top-level entries on all cores: deleting the previous build of a big
    /// site is thousands of system calls.
    static func removeInParallel(_ folder: URL) {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        Parallel.forEach(entries.count) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entries[$0]))
        }
        try? fm.removeItem(at: folder)
    }

    /// Whether `name` is `prefix` + the id of a process that no longer runs + `-…`.
    public static func isLeftover(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }) else {
            return false
        }
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
            guard lstat(path.path, &info) == 0, info.st_uid == getuid(), info.st_mode & S_IFMT == S_IFDIR else {
                continue
            }
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
        removeInParallel(folder)
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { return [] }
        makeWritable(folder.path)
        removeInParallel(folder)
        guard lstat(folder.path, &info) == 0 else { return [] }
        do {
            try FileManager.default.removeItem(at: folder)
            return []
        } catch {
            let cause = FileSystemError(error, path: folder.path, writing: true)?.cause ?? "onbekende fout"
            return [
                Diagnostic(
                    .warning, "kan de tijdelijke map \(folder.path) niet verwijderen: \(cause); verwijder hem zelf")
            ]
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
