import Foundation

/// Reports changes below some folders of a site root. Callbacks come from the watcher's own thread.
protocol FileWatcher: AnyObject, Sendable {
    /// Starts watching; throws when this kind of watcher cannot work here.
    func start(onChange: @escaping @Sendable (ChangeSet) -> Void) throws
    func stop()
    /// "inotify" or "polling", for the terminal.
    var kind: String { get }
}

/// Chooses the watcher: inotify where the kernel offers it, polling otherwise or when asked.
enum FileWatchers {
    /// `folders` are relative to `root`; ones that do not exist yet are picked up when they appear.
    static func start(
        root: URL, folders: [String], forcePolling: Bool = false, pollInterval: Double = 0.5,
        onChange: @escaping @Sendable (ChangeSet) -> Void
    ) -> FileWatcher {
        if !forcePolling {
            let watcher = InotifyWatcher(root: root, folders: folders)
            if (try? watcher.start(onChange: onChange)) != nil { return watcher }
        }
        let watcher = PollingWatcher(root: root, folders: folders, interval: pollInterval)
        try? watcher.start(onChange: onChange)
        return watcher
    }
}
