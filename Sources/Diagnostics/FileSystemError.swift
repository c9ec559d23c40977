import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file-system call that failed: which path, the `errno`, and whether it was writing. Every module
/// turns file-system failures into one of these, so the user always reads a Dutch cause with the path
/// ("map is alleen-lezen", "schijf vol", "geen toegang"), never Foundation's own error text.
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `errno` of the failed call (a Foundation error is mapped to the nearest one).
    public var code: Int32
    public var path: String
    /// Whether the call wrote (creating, writing, moving, removing): a refused write in a folder that is
    /// not writable reads "map is alleen-lezen" instead of "geen toegang".
    public var writing: Bool

    public init(code: Int32, path: String, writing: Bool = false) {
        self.code = code
        self.path = path
        self.writing = writing
    }

    /// The current `errno` after a failed system call on `path`.
    public static func last(_ path: String, writing: Bool = false) -> FileSystemError {
        FileSystemError(code: errno, path: path, writing: writing)
    }

    /// Reads an error that Foundation's `FileManager` or `Data` threw (`NSCocoaErrorDomain`, usually with
    /// an `NSPOSIXErrorDomain` error beneath); nil when `error` is no file-system error. `path` is used
    /// when the error names none.
    public init?(_ error: Error, path: String? = nil, writing: Bool = false) {
        if let known = error as? FileSystemError {
            self = known
            return
        }
        let ns = error as NSError
        let named = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        var code: Int32?
        if ns.domain == NSPOSIXErrorDomain {
            code = Int32(ns.code)
        } else if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            code = Int32(underlying.code)
        } else if ns.domain == NSCocoaErrorDomain {
            code = Self.posixCode(cocoa: ns.code)
        }
        guard let code else { return nil }
        let isWrite = writing || (ns.domain == NSCocoaErrorDomain && (512...699).contains(ns.code))
        self.init(code: code, path: named ?? path ?? "?", writing: isWrite)
    }

    /// The errno nearest to a Cocoa file error code.
    private static func posixCode(cocoa: Int) -> Int32 {
        switch cocoa {
        case 4, 260: return ENOENT  // NSFileNoSuchFileError, NSFileReadNoSuchFileError
        case 257, 513: return EACCES  // read / write no permission
        case 516: return EEXIST  // NSFileWriteFileExistsError
        case 640: return ENOSPC  // NSFileWriteOutOfSpaceError
        case 642: return EROFS  // NSFileWriteVolumeReadOnlyError
        case 258, 514: return ENAMETOOLONG  // invalid file name
        default: return EIO
        }
    }

    /// The cause in Dutch, for a message "kan X niet schrijven: <cause>".
    public var cause: String {
        switch code {
        case EACCES, EPERM:
            return writing && !Self.folderIsWritable(path) ? "map is alleen-lezen" : "geen toegang"
        case EROFS: return "het bestandssysteem is alleen-lezen"
        case ENOSPC: return "schijf vol"
        case EDQUOT: return "schijfquotum op"
        case ENOENT: return "bestaat niet"
        case ENOTDIR: return "een deel van het pad is geen map"
        case EISDIR: return "is een map, geen bestand"
        case EEXIST: return "bestaat al"
        case ENOTEMPTY: return "map is niet leeg"
        case ELOOP: return "te veel symbolische links achter elkaar (een lus?)"
        case ENAMETOOLONG: return "naam te lang"
        case EMFILE, ENFILE: return "te veel bestanden tegelijk open"
        case EIO: return "lees- of schrijffout van de schijf"
        case EBUSY, ETXTBSY: return "in gebruik"
        case EXDEV: return "staat op een ander bestandssysteem"
        case EFBIG: return "bestand te groot"
        case ENXIO, ENODEV: return "apparaat niet beschikbaar"
        default: return "systeemfout \(code) (\(String(cString: strerror(code))))"
        }
    }

    public var description: String { "\(path): \(cause)" }

    /// A diagnostic reading "<action>: <cause>", e.g. action "kan output/index.html niet schrijven".
    public func diagnostic(_ action: String, file: String? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, "\(action): \(cause)", file: file, notes: notes)
    }

    /// Whether the nearest existing folder that holds `path` accepts new entries.
    private static func folderIsWritable(_ path: String) -> Bool {
        var folder = path
        while true {
            guard let slash = folder.lastIndex(of: "/") else { return access(".", W_OK) == 0 }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
            var info = stat()
            if stat(folder, &info) == 0 { return access(folder, W_OK) == 0 }
            if folder == "/" { return false }
        }
    }
}

/// Reading a whole file with plain system calls, failing with a `FileSystemError` that says why.
public enum FileContents {
    /// The path with every symbolic link, `.` and `..` resolved (`realpath`); nil when it leads nowhere
    /// (then `errno` says why: `ENOENT`, `ELOOP`, ...).
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The bytes of the regular file at `path` (symlinks followed).
    public static func read(_ path: String) throws -> [UInt8] {
        // Non-blocking, so opening a named pipe does not wait for a writer; regular files read as usual.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FileSystemError.last(path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileSystemError.last(path) }
        // Reading a folder fails (EISDIR); a FIFO or a device would block or never end.
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw FileSystemError(code: info.st_mode & S_IFMT == S_IFDIR ? EISDIR : ENXIO, path: path)
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var total = 0
        while total < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileSystemError.last(path)
            }
            if n == 0 { break }
            total += n
        }
        // A file that grew while being read is read to its end, not cut at the size seen before.
        if total == bytes.count {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError.last(path)
                }
                if n == 0 { break }
                bytes += chunk[..<n]
            }
        } else {
            bytes.removeLast(bytes.count - total)
        }
        return bytes
    }
}

extension Diagnostic {
    /// Any error as the diagnostics to show: a `Diagnostic` or `DiagnosticError` as it is, a file-system
    /// error (ours or Foundation's) with its path and Dutch cause, anything else by its description.
    public static func describing(_ error: Error) -> [Diagnostic] {
        switch error {
        case let diagnostic as Diagnostic: return [diagnostic]
        case let many as DiagnosticError: return many.diagnostics
        default:
            if let failure = FileSystemError(error) {
                return [failure.diagnostic("bestandsfout bij \(failure.path)")]
            }
            return [Diagnostic(.error, "\(error)")]
        }
    }
}
