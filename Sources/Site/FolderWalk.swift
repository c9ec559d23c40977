import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files of a folder the build copies as they are (the site's `static/`, the theme's and the site's
/// `assets/`), found without following anything out of the site:
///
/// - a symbolic link whose target lies outside the site folder (or outside the theme, for the theme's
///   own files) is left out with a warning naming the link, so a committed link never publishes a file
///   of the build machine;
/// - a link to a folder that contains it (a loop) is left out with a warning instead of walked for ever;
/// - a link that points nowhere, and anything that is no regular file or folder (a named pipe would
///   block the build), is left out with a warning;
/// - a folder or file that cannot be read is an error, so nothing silently goes missing from the site.
///
/// Hidden files (`.DS_Store`, `.gitkeep`) are skipped, as before.
struct FolderWalk {
    /// A file found: its path relative to the walked folder and the path to read it from.
    struct File {
        var relative: String
        var path: String
    }

    private(set) var files: [File] = []
    private(set) var warnings: [Diagnostic] = []

    /// More entries than this means links that multiply the tree (each folder linking twice to the next).
    static let maximumEntries = 500_000

    private let bounds: [String]
    private var ancestors: [(device: UInt64, inode: UInt64, shown: String)] = []
    private var entries = 0

    /// Walks `folder` (nothing when it does not exist). `shown` is how messages name it ("static",
    /// "themes/default/assets"); `bounds` are the real paths links may point into (the site folder, and
    /// the theme's folder when it lies elsewhere).
    init(folder: URL, shown: String, bounds: [String]) throws {
        self.bounds = bounds
        var info = stat()
        guard lstat(folder.path, &info) == 0 else {
            if errno == ENOENT { return }
            throw FileSystemError.last(folder.path).diagnostic("kan de map \(shown)/ niet lezen", file: shown)
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let real = FileContents.realPath(folder.path) else {
                warnings.append(
                    Diagnostic(
                        .warning, "symbolische link \(shown) wijst naar iets dat niet bestaat; overgeslagen",
                        file: shown))
                return
            }
            guard inside(real) else {
                warnings.append(
                    Diagnostic(
                        .warning, "symbolische link \(shown) wijst buiten de sitemap (naar \(real)); niet gekopieerd",
                        file: shown))
                return
            }
            guard stat(folder.path, &info) == 0 else {
                throw FileSystemError.last(folder.path).diagnostic("kan de map \(shown)/ niet lezen", file: shown)
            }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return }
        ancestors.append((UInt64(info.st_dev), UInt64(info.st_ino), shown + "/"))
        try walk(folder.path, relative: "", shown: shown)
    }

    private mutating func walk(_ directory: String, relative: String, shown: String) throws {
        for name in try FolderWalk.names(in: directory, shown: shown + "/" + relative) where !name.hasPrefix(".") {
            entries += 1
            if entries > FolderWalk.maximumEntries {
                throw Diagnostic(
                    .error,
                    "meer dan \(FolderWalk.maximumEntries) bestanden in \(shown)/: "
                        + "wijzen symbolische links naar elkaar?", file: shown)
            }
            let path = directory + "/" + name
            let relativePath = relative + name
            let label = shown + "/" + relativePath
            var info = stat()
            guard lstat(path, &info) == 0 else {
                throw FileSystemError.last(path).diagnostic("kan \(label) niet lezen", file: label)
            }
            if info.st_mode & S_IFMT == S_IFLNK {
                guard let real = FileContents.realPath(path) else {
                    let why = errno == ELOOP ? "wijst in een kring naar zichzelf" : "wijst naar iets dat niet bestaat"
                    warnings.append(Diagnostic(.warning, "symbolische link \(label) \(why); overgeslagen", file: label))
                    continue
                }
                guard inside(real) else {
                    warnings.append(
                        Diagnostic(
                            .warning,
                            "symbolische link \(label) wijst buiten de sitemap (naar \(real)); niet gekopieerd",
                            file: label))
                    continue
                }
                guard stat(path, &info) == 0 else {
                    throw FileSystemError.last(path).diagnostic("kan \(label) niet lezen", file: label)
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if let loop = ancestors.first(where: {
                    $0.device == UInt64(info.st_dev) && $0.inode == UInt64(info.st_ino)
                }) {
                    warnings.append(
                        Diagnostic(
                            .warning,
                            "symbolische link \(label) maakt een lus: hij wijst naar \(loop.shown), waar hij zelf in staat; overgeslagen",
                            file: label))
                    continue
                }
                ancestors.append((UInt64(info.st_dev), UInt64(info.st_ino), label + "/"))
                try walk(path, relative: relativePath + "/", shown: shown)
                ancestors.removeLast()
            case S_IFREG:
                files.append(File(relative: relativePath, path: path))
            default:
                warnings.append(
                    Diagnostic(
                        .warning,
                        "\(label) is geen gewoon bestand of map (\(FolderWalk.kind(info.st_mode))); niet gekopieerd",
                        file: label))
            }
        }
    }

    private func inside(_ real: String) -> Bool {
        bounds.contains { real == $0 || real.hasPrefix($0 == "/" ? "/" : $0 + "/") }
    }

    /// The names in a folder, sorted; an unreadable folder is an error naming it and the cause.
    private static func names(in directory: String, shown: String) throws -> [String] {
        guard let handle = opendir(directory) else {
            throw FileSystemError.last(directory).diagnostic("kan de map \(shown) niet lezen", file: shown)
        }
        defer { closedir(handle) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
            errno = 0
        }
        if errno != 0 {
            throw FileSystemError.last(directory).diagnostic("kan de map \(shown) niet lezen", file: shown)
        }
        return names.sorted()
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "een named pipe"
        case S_IFSOCK: return "een socket"
        case S_IFCHR, S_IFBLK: return "een apparaat"
        default: return "onbekende soort"
        }
    }
}
