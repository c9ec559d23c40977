import Diagnostics

#if canImport(Glibc)
import Glibc
#endif

/// Writes a big file in pieces through one small reused buffer, so a file of many megabytes made of many
/// parts (the search index) is never assembled in memory first: no large allocation to fault in, and
/// the copies stay in the cache. Like `OutputRing.write`, through a temporary file and a rename.
struct StreamedFile {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 20

    /// Writes what `produce` appends to `path` inside `folder`.
    static func write(to path: String, in folder: String, _ produce: (inout StreamedFile) throws -> Void) throws {
        let full = folder + "/" + path
        try OutputRing.makeParents(of: full, below: folder)
        let temporary = full + ".breingen-tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw FileSystemError.last(temporary, writing: true).diagnostic("kan \(temporary) niet schrijven") }
        var file = StreamedFile(fd: fd, path: temporary)
        do {
            try produce(&file)
            try file.flush()
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, full) == 0 else {
            throw FileSystemError.last(full, writing: true).diagnostic("kan \(full) niet vervangen")
        }
    }

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(Self.chunk)
    }

    mutating func append<S: Collection>(_ bytes: S) throws where S.Element == UInt8 {
        if buffer.count + bytes.count > Self.chunk { try flush() }
        if bytes.count >= Self.chunk {
            buffer.append(contentsOf: bytes)
            try flush()
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    private mutating func flush() throws {
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError.last(path, writing: true).diagnostic("kan \(path) niet schrijven")
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
