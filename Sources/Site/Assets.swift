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
    /// The content hash of each asset's bytes, in the order of `assets`.
    private(set) var hashes: [UInt64] = []
    /// Logical path → root-relative URL.
    private(set) var urls: [String: String] = [:]
    /// What the walk of the folders left out (links out of the site, loops, special files).
    private(set) var warnings: [Diagnostic] = []

    /// Collects the assets of the given folders (`shown` names each in messages); later folders override
    /// earlier ones. Links may point into `bounds` only (see `FolderWalk`).
    init(folders: [(url: URL, shown: String)], bounds: [String], routes: Routes) throws {
        var byPath: [String: (path: String, shown: String)] = [:]
        for folder in folders {
            let walk = try FolderWalk(folder: folder.url, shown: folder.shown, bounds: bounds)
            warnings += walk.warnings
            for file in walk.files {
                byPath[file.relative] = (file.path, folder.shown + "/" + file.relative)
            }
        }
        for (logical, file) in byPath.sorted(by: { $0.key < $1.key }) {
            let data: Data
            do {
                data = Data(try FileContents.read(file.path))
            } catch let error as FileSystemError {
                throw error.diagnostic("kan \(file.shown) niet lezen", file: file.shown)
            }
            let output = "assets/" + Self.fingerprinted(logical, data: data)
            assets.append(Asset(logicalPath: logical, outputPath: output, data: data))
            hashes.append(data.withUnsafeBytes { ContentHash.of($0) })
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

}
