import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One output folder being served, treated as immutable: a rebuild produces a new folder and the server
/// switches to it, so resolved files can be cached for the folder's lifetime.
///
/// Every file is checked after resolving symlinks: anything whose real path lies outside the folder is
/// refused, so a symlink in the output cannot expose the rest of the disk.
final class ServedFolder: @unchecked Sendable {
    /// What a request path resolves to.
    enum Resolution: Sendable {
        /// `etag` is a hash of the bytes served, for conditional requests.
        case file(contentType: String, body: [UInt8], etag: String)
        /// A folder asked for without its trailing slash.
        case folderWithoutSlash
        case notFound
        case forbidden
    }

    let root: URL
    /// The real path of the root (symlinks resolved), the bound every file must stay inside.
    let realRoot: String
    /// Counts the folders a server switched to; pages carry it so a browser can tell it is out of date.
    let generation: Int
    /// Applied to every HTML file when it is first read (serve mode injects its live-reload script).
    private let transformHTML: (@Sendable ([UInt8], Int) -> [UInt8])?

    private let lock = NSLock()
    private var cache: [String: Resolution] = [:]
    private var cachedBytes = 0
    /// Files above this size are read on every request instead of being kept in memory.
    private static let maxCachedFile = 4 << 20
    private static let maxCacheBytes = 256 << 20
    private static let maxCacheEntries = 50_000

    /// Throws a `Diagnostic` when the folder does not exist.
    init(root: URL, generation: Int = 1, transformHTML: (@Sendable ([UInt8], Int) -> [UInt8])? = nil) throws {
        guard let real = FileContents.realPath(root.path) else {
            throw Diagnostic(.error, "de map om te serveren bestaat niet: \(root.path)")
        }
        self.root = root
        self.realRoot = real
        self.generation = generation
        self.transformHTML = transformHTML
    }

    /// Resolves a request path; folders give their `index.html`.
    func resolve(_ path: RequestPath) -> Resolution {
        let key = path.trailingSlash ? path.relative + "/" : path.relative
        lock.lock()
        if let hit = cache[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let result = lookUp(path)
        store(result, for: key)
        return result
    }

    private func store(_ result: Resolution, for key: String) {
        var size = 0
        if case .file(_, let body, _) = result {
            guard body.count <= ServedFolder.maxCachedFile else { return }
            size = body.count
        }
        lock.lock()
        defer { lock.unlock() }
        guard cachedBytes + size <= ServedFolder.maxCacheBytes, cache.count < ServedFolder.maxCacheEntries,
            cache[key] == nil
        else { return }
        cache[key] = result
        cachedBytes += size
    }

    private func lookUp(_ path: RequestPath) -> Resolution {
        let candidate = path.segments.isEmpty ? realRoot : realRoot + "/" + path.relative
        guard let real = FileContents.realPath(candidate) else { return .notFound }
        guard inside(real) else { return .forbidden }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        if info.st_mode & S_IFMT == S_IFDIR {
            guard path.trailingSlash || path.segments.isEmpty else { return .folderWithoutSlash }
            guard let index = FileContents.realPath(real + "/index.html") else { return .notFound }
            guard inside(index) else { return .forbidden }
            return read(index)
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notFound }
        if path.trailingSlash { return .notFound }
        return read(real)
    }

    private func inside(_ real: String) -> Bool {
        real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }

    private func read(_ file: String) -> Resolution {
        guard let bytes = try? FileContents.read(file) else { return .notFound }
        let type = MIMETypes.type(forPath: file)
        let body = transformHTML != nil && MIMETypes.isHTML(type) ? transformHTML!(bytes, generation) : bytes
        return .file(contentType: type, body: body, etag: ServedFolder.etag(body))
    }

    /// A strong validator: FNV-1a (64 bit) of the bytes, quoted.
    static func etag(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }
}
