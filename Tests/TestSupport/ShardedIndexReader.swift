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
        let build = try need(m["build"] as? String, "build")
        let shard = try need(
            json("s-\(build)-\(shardNumber(of: stem, firsts: firsts)).json") as? [String: [Int]], "shard of \(stem)")
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
        let build = try need(m["build"] as? String, "build")
        let list = try need(json("f-\(build)-\(page / group).json") as? [[String: Any]], "fragments of \(page)")
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
