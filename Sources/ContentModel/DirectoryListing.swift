import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entries of a folder with their kind, from one `readdir` pass: no `stat` per file for thousands of
/// content files (the file system's entry type is used; `stat` only when it does not say).
enum DirectoryListing {
    struct Entry {
        var name: String
        var isDirectory: Bool
        var isLink = false
        /// For a symbolic link, the real path it leads to (nil when it leads nowhere).
        var linkTarget: String?
    }

    /// Sorted by name. Throws a `FileSystemError` when the folder cannot be read.
    static func entries(of path: String) throws -> [Entry] {
        guard let dir = opendir(path) else { throw FileSystemError.last(path) }
        defer { closedir(dir) }
        var result: [Entry] = []
        errno = 0
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            errno = 0
            if name == "." || name == ".." { continue }
            var isDirectory: Bool
            var isLink = false
            var linkTarget: String?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): isDirectory = true
            case Int32(DT_REG): isDirectory = false
            default:
                // Unknown type or a symbolic link: ask stat, which follows links.
                let full = path + "/" + name
                var info = stat()
                if lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                    isLink = true
                    linkTarget = FileContents.realPath(full)
                }
                isDirectory = stat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                errno = 0
            }
            result.append(Entry(name: name, isDirectory: isDirectory, isLink: isLink, linkTarget: linkTarget))
        }
        if errno != 0 { throw FileSystemError.last(path) }
        return result.sorted { $0.name < $1.name }
    }
}
