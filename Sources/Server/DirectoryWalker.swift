#if canImport(Glibc)
    import Glibc
#endif

/// A file's identity and last change, compared by the polling watcher.
struct FileStamp: Equatable {
    var seconds: Int
    var nanoseconds: Int
    var size: Int
    var inode: UInt
    var isDirectory: Bool

    init(_ info: stat) {
        seconds = info.st_mtim.tv_sec
        nanoseconds = info.st_mtim.tv_nsec
        size = Int(info.st_size)
        inode = UInt(info.st_ino)
        isDirectory = info.st_mode & S_IFMT == S_IFDIR
    }
}

/// Walks a folder tree with `opendir`/`lstat` (faster than FileManager for a tree of thousands of files).
enum DirectoryWalker {
    /// Calls `visit` with each entry's path relative to `base` and its stamp; symlinks are not followed.
    /// Names the watcher ignores (editor swap files, hidden files) are skipped.
    static func walk(base: String, relative: String, visit: (String, FileStamp) -> Void) {
        let absolute = relative.isEmpty ? base : base + "/" + relative
        guard let directory = opendir(absolute) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." || WatchFilter.isIgnored(name) { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(base + "/" + path, &info) == 0 else { continue }
            let stamp = FileStamp(info)
            visit(path, stamp)
            if stamp.isDirectory { walk(base: base, relative: path, visit: visit) }
        }
    }
}

/// Which file names changes are ignored for: editor swap and backup files, hidden files.
enum WatchFilter {
    /// True for names whose changes never trigger a rebuild.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913"
    }
}
