import Foundation

/// Finds changes by comparing snapshots of the watched trees (modification time, size, inode) at a
/// fixed interval: for file systems without inotify (network mounts, some containers).
final class PollingWatcher: FileWatcher, @unchecked Sendable {
    let kind = "polling"
    private let root: String
    private let folders: [String]
    private let interval: Double
    private let condition = NSCondition()
    private var stopped = false
    private var running = false
    private let finished = DispatchSemaphore(value: 0)
    /// The last snapshot; only the polling thread touches it once started.
    private var previous: [String: FileStamp] = [:]

    /// Compares snapshots of `folders` (relative to `root`) every `interval` seconds.
    init(root: URL, folders: [String], interval: Double = 0.5) {
        self.root = root.path
        self.folders = folders
        self.interval = interval
    }

    func start(onChange: @escaping @Sendable (ChangeSet) -> Void) throws {
        previous = snapshot()
        condition.lock()
        running = true
        condition.unlock()
        let thread = Thread { [self] in
            condition.lock()
            while !stopped {
                _ = condition.wait(until: Date().addingTimeInterval(interval))
                if stopped { break }
                condition.unlock()
                let current = snapshot()
                let changed = PollingWatcher.difference(previous, current)
                previous = current
                if !changed.isEmpty { onChange(ChangeSet(paths: changed)) }
                condition.lock()
            }
            condition.unlock()
            finished.signal()
        }
        thread.name = "breingen-poll"
        thread.start()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        let wait = running
        running = false
        condition.unlock()
        if wait { finished.wait() }
    }

    private func snapshot() -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        for folder in folders {
            var info = stat()
            guard lstat(root + "/" + folder, &info) == 0 else { continue }
            result[folder] = FileStamp(info)
            DirectoryWalker.walk(base: root, relative: folder) { path, stamp in result[path] = stamp }
        }
        return result
    }

    /// Paths added, removed or changed between two snapshots. A folder's own time changes whenever an
    /// entry is added or removed, which is already reported through the entry, so folders only count
    /// when they appear or disappear.
    static func difference(_ old: [String: FileStamp], _ new: [String: FileStamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new {
            guard let before = old[path] else {
                changed.insert(path)
                continue
            }
            if stamp.isDirectory && before.isDirectory { continue }
            if before != stamp { changed.insert(path) }
        }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }
}
