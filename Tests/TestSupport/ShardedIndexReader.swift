import Foundation
import Search

/// Reads the files `ShardedIndex.write` made the way `search.js` does: entry, manifest, the shards of
/// the query's stems, fragments of the results. For the tests of the Search module and of built sites.
public struct ShardedIndexReader {
    public var files: [String: [UInt8]]
    public var folder: String

    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    public init(files: [String: [UInt8]], folder: String = "zoeken/index/") {
        self.files = files
        self.folder = folder
    }

    /// The index files of a built site's output folder.
    public init(output: URL, folder: String = "zoeken/index/") throws {
        var files: [String: [UInt8]] = [:]
        let base = output.appendingPathComponent(folder)
        for name in try FileManager.default.contentsOfDirectory(atPath: base.path) {
            files[folder + name] = Array(try Data(contentsOf: base.appendingPathComponent(name)))
        }
        self.init(files: files, folder: folder)
    }

    private func need<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw Missing(description: what) }
        return value
    }

    public func json(_ name: String) throws -> Any {
        let bytes = try need(files[folder + name], "no file \(folder + name)")
        return try JSONSerialization.jsonObject(with: Data(bytes))
    }

    public func manifest() throws -> [String: Any] {
        let entry = try need(json(ShardedIndex.entryName) as? [String: Any], "entry")
        let name = try need(entry["manifest"] as? String, "manifest name in the entry")
        return try need(json(name) as? [String: Any], "manifest")
    }

    /// The file name of word shard `number`, as the manifest gives it (its 8-character hash in `shardHashes`).
    public static func shardName(_ manifest: [String: Any], _ number: Int) -> String {
        "s-\(number)-\(hashPart(manifest["shardHashes"], number)).json"
    }

    /// The file name of fragment group `number`, as the manifest gives it.
    public static func groupName(_ manifest: [String: Any], _ number: Int) -> String {
        "f-\(number)-\(hashPart(manifest["groupHashes"], number)).json"
    }

    private static func hashPart(_ hashes: Any?, _ number: Int) -> String {
        let all = Array((hashes as? String ?? "").utf8)
        let length = ShardedIndex.fileHashLength
        guard (number + 1) * length <= all.count else { return "?" }
        return String(decoding: all[(number * length)..<((number + 1) * length)], as: UTF8.self)
    }

    /// The shard that holds `stem`: the last whose first stem is not after it.
    public func shardNumber(of stem: String, firsts: [String]) -> Int {
        var number = 0
        for (k, first) in firsts.enumerated() where first <= stem { number = k }
        return number
    }

    /// Page number → packed weights and first position of `stem` (exact).
    public func postings(_ stem: String) throws -> [Int: (w: Int, p: Int)] {
        let m = try manifest()
        let firsts = try need(m["shards"] as? [String], "shards")
        let shard = try need(
            json(Self.shardName(m, shardNumber(of: stem, firsts: firsts))) as? [String: [Int]], "shard of \(stem)")
        guard let list = shard[stem] else { return [:] }
        var out: [Int: (w: Int, p: Int)] = [:]
        var page = 0
        for k in stride(from: 0, to: list.count, by: 3) {
            page += list[k]
            out[page] = (list[k + 1], list[k + 2])
        }
        return out
    }

    public func fragment(_ page: Int) throws -> [String: Any] {
        let m = try manifest()
        let group = try need(m["group"] as? Int, "group")
        let list = try need(json(Self.groupName(m, page / group)) as? [[String: Any]], "fragments of \(page)")
        return list[page % group]
    }

    /// The titles of the pages holding every word of `query`, ranked as `search.js` ranks them (exact
    /// stems only: the prefix matching is the script's).
    public func search(_ query: String) throws -> [String] {
        var perStem: [[Int: (w: Int, p: Int)]] = []
        for stem in SearchText.stems(of: query) { perStem.append(try postings(stem)) }
        guard let first = perStem.first else { return [] }
        var hits: [(page: Int, titleHits: Int, score: Int)] = []
        for page in first.keys {
            var titleHits = 0
            var score = 0
            var all = true
            for postings in perStem {
                guard let w = postings[page]?.w else {
                    all = false
                    break
                }
                if w & 3 > 0 {
                    titleHits += 1
                    score += 10
                } else if (w >> 2) & 3 > 0 {
                    score += 3
                } else if (w >> 4) & 3 > 0 {
                    score += 2
                } else {
                    score += 1
                }
            }
            if all { hits.append((page, titleHits, score)) }
        }
        hits.sort { ($1.titleHits, $1.score, $0.page) < ($0.titleHits, $0.score, $1.page) }
        return try hits.map { try need(fragment($0.page)["t"] as? String, "title of \($0.page)") }
    }
}
