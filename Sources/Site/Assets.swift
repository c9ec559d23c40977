import Diagnostics
import Foundation

/// The theme's `assets/` (overridden file by file by the site's own `assets/`): CSS and JavaScript
/// get a content hash in their file name, so browsers may cache them forever; templates reach every
/// asset through the `asset` filter, which maps the logical name ("css/main.css") to that URL.
struct AssetPipeline {
    struct Asset {
        /// "css/main.css"
        var logicalPath: String
        /// "assets/css/main.3f2a9c01d4.css"
        var outputPath: String
        var data: Data
    }

    private(set) var assets: [Asset] = []
    /// Logical path → root-relative URL.
    private(set) var urls: [String: String] = [:]

    /// Collects the assets of the given folders; later folders override earlier ones.
    init(folders: [URL], routes: Routes) throws {
        var byPath: [String: URL] = [:]
        for folder in folders {
            for relative in try Self.files(under: folder) {
                byPath[relative] = folder.appendingPathComponent(relative)
            }
        }
        for logical in byPath.keys.sorted() {
            guard let data = FileManager.default.contents(atPath: byPath[logical]!.path) else {
                throw Diagnostic(.error, "kan \(logical) niet lezen", file: byPath[logical]!.path)
            }
            let output = "assets/" + Self.fingerprinted(logical, data: data)
            assets.append(Asset(logicalPath: logical, outputPath: output, data: data))
            urls[logical] = routes.url(output)
        }
    }

    /// "css/main.css" → "css/main.<hash>.css" for CSS and JavaScript; other files keep their name.
    static func fingerprinted(_ path: String, data: Data) -> String {
        guard path.hasSuffix(".css") || path.hasSuffix(".js"), let dot = path.lastIndex(of: ".") else { return path }
        return String(path[..<dot]) + "." + contentHash(data) + String(path[dot...])
    }

    /// The first 10 hex digits of the FNV-1a 64-bit hash: enough to tell versions of a file apart.
    static func contentHash(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { raw in
            for byte in raw {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }

    /// Every regular file under `folder`, as paths relative to it, hidden files skipped.
    static func files(under folder: URL) throws -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        var result: [String] = []
        func walk(_ url: URL, _ prefix: String) throws {
            for name in try fm.contentsOfDirectory(atPath: url.path).sorted() where !name.hasPrefix(".") {
                let child = url.appendingPathComponent(name)
                var childIsDirectory: ObjCBool = false
                guard fm.fileExists(atPath: child.path, isDirectory: &childIsDirectory) else { continue }
                if childIsDirectory.boolValue {
                    try walk(child, prefix + name + "/")
                } else {
                    result.append(prefix + name)
                }
            }
        }
        try walk(folder, "")
        return result
    }
}
