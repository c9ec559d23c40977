import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folder trees with Linux inotify: one watch per folder, new folders added as they appear.
final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    let kind = "inotify"
    private let root: String
    private let folders: [String]
    private var fd: Int32 = -1
    /// A pipe whose write end wakes the reading thread at `stop()`.
    private var wake: [Int32] = [-1, -1]
    /// Watch descriptor → folder path relative to the root ("" for the root itself).
    private var watches: [Int32: String] = [:]
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var running = false

    private static let treeMask = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR)
    private static let rootMask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)

    /// inotify cannot be used here (no kernel support, or the watch limit is reached).
    struct Unavailable: Error {}

    /// Watches `folders` (relative to `root`) and everything below them.
    init(root: URL, folders: [String]) {
        self.root = root.path
        self.folders = folders
    }

    func start(onChange: @escaping @Sendable (ChangeSet) -> Void) throws {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw Unavailable() }
        guard pipe(&wake) == 0 else {
            close(fd)
            throw Unavailable()
        }
        // The root watch notices a watched folder being created (e.g. `static/` added later).
        guard inotify_add_watch(fd, root, InotifyWatcher.rootMask) >= 0 else {
            closeAll()
            throw Unavailable()
        }
        watches[1] = ""
        for folder in folders {
            var info = stat()
            if stat(root + "/" + folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                guard addTree(folder, found: nil) else {
                    closeAll()
                    throw Unavailable()
                }
            }
        }
        running = true
        let thread = Thread { [self] in
            readLoop(onChange)
            closeAll()
            finished.signal()
        }
        thread.name = "breingen-inotify"
        thread.start()
    }

    func stop() {
        lock.lock()
        let wasRunning = running
        running = false
        lock.unlock()
        guard wasRunning else { return }
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
        finished.wait()
    }

    private func closeAll() {
        if fd >= 0 { close(fd) }
        for end in wake where end >= 0 { close(end) }
        fd = -1
        wake = [-1, -1]
    }

    /// Watches a folder and every folder below it; false when the kernel's watch limit is reached.
    /// Files already inside (a folder moved in whole) are added to `found`.
    @discardableResult
    private func addTree(_ relative: String, found: UnsafeMutablePointer<Set<String>>?) -> Bool {
        let wd = inotify_add_watch(fd, root + "/" + relative, InotifyWatcher.treeMask)
        guard wd >= 0 else { return errno != ENOSPC }
        watches[wd] = relative
        var ok = true
        var subfolders: [String] = []
        DirectoryWalker.walk(base: root, relative: relative) { path, stamp in
            found?.pointee.insert(path)
            if stamp.isDirectory { subfolders.append(path) }
        }
        for path in subfolders {
            let sub = inotify_add_watch(fd, root + "/" + path, InotifyWatcher.treeMask)
            if sub >= 0 {
                watches[sub] = path
            } else if errno == ENOSPC {
                ok = false
            }
        }
        return ok
    }

    private func readLoop(_ onChange: @Sendable (ChangeSet) -> Void) {
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        var polls = [
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&polls, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if polls[1].revents != 0 { return }
            var changes = ChangeSet()
            var created = Set<String>()
            while true {
                let n = read(fd, buffer, capacity)
                if n <= 0 { break }
                handle(UnsafeRawBufferPointer(start: buffer, count: n), into: &changes, createdInBatch: &created)
            }
            if !changes.isEmpty { onChange(changes) }
        }
    }

    private func handle(
        _ bytes: UnsafeRawBufferPointer, into changes: inout ChangeSet, createdInBatch: inout Set<String>
    ) {
        let header = MemoryLayout<inotify_event>.size
        var offset = 0
        while offset + header <= bytes.count {
            let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = bytes[(offset + header)..<min(offset + header + length, bytes.count)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += header + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                changes.everything = true
                continue
            }
            guard let folder = watches[wd] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                watches[wd] = nil
                continue
            }
            if name.isEmpty {
                // An event about the watched folder itself (deleted).
                if !folder.isEmpty { changes.paths.insert(folder) }
                continue
            }
            if WatchFilter.isIgnored(name) { continue }
            if folder.isEmpty && !folders.contains(name) { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            if isFolder && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                var found = Set<String>()
                if !addTree(path, found: &found) { changes.everything = true }
                changes.paths.formUnion(found)
            }
            if mask & UInt32(IN_CREATE) != 0 { createdInBatch.insert(path) }
            if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0, createdInBatch.contains(path) {
                // Came and went within one batch (an editor's or sed's temporary file): not a change.
                changes.paths.remove(path)
                changes.written.remove(path)
                continue
            }
            if isFolder && mask & UInt32(IN_MOVED_FROM) != 0 {
                // The folder now lives elsewhere (or outside): forget the watches under its old name.
                for (descriptor, watched) in watches where watched == path || watched.hasPrefix(path + "/") {
                    inotify_rm_watch(fd, descriptor)
                    watches[descriptor] = nil
                }
            }
            changes.paths.insert(path)
            // Whether this path's newest event ends a write: closed after writing, or renamed into place.
            if !isFolder && mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 {
                changes.written.insert(path)
            } else if mask & UInt32(IN_CREATE | IN_MODIFY | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF) != 0 {
                changes.written.remove(path)
            }
        }
    }
}
