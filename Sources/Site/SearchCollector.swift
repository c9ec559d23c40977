import Foundation

/// Gathers search-index entries from the rendering threads (each page adds its own, stemmed on its
/// thread) and writes them in a stable order, so two builds of the same content give the same index.
final class SearchCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(order: Int, json: [UInt8])] = []

    /// Adds `document`; `order` sorts the index (lower first).
    func add(_ document: SearchIndex.Document, order: Int) {
        var json: [UInt8] = []
        json.reserveCapacity(2_048)
        SearchIndex.append(document, to: &json)
        lock.lock()
        entries.append((order, json))
        lock.unlock()
    }

    /// Adds an entry already in index form (kept from an earlier build by the incremental builder).
    func add(json: [UInt8], order: Int) {
        lock.lock()
        entries.append((order, json))
        lock.unlock()
    }

    /// Every entry so far, by order; the incremental builder keeps them for pages it does not re-render.
    var entriesByOrder: [Int: [UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return Dictionary(entries.map { ($0.order, $0.json) }, uniquingKeysWith: { a, _ in a })
    }

    /// The index file: `{"docs":[...]}`.
    func json() -> [UInt8] {
        lock.lock()
        let sorted = entries.sorted { $0.order < $1.order }
        lock.unlock()
        return Self.document(sorted.map(\.json))
    }

    /// The index file from entries already in order.
    static func document(_ sorted: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sorted.reduce(32) { $0 + $1.count + 2 })
        out.append(contentsOf: opening)
        for (index, entry) in sorted.enumerated() {
            if index > 0 { out.append(contentsOf: separator) }
            out.append(contentsOf: entry)
        }
        out.append(contentsOf: closing)
        return out
    }

    /// What comes before, between and after the entries in the index file.
    static let opening = Array("{\"docs\":[".utf8), separator = Array(",\n".utf8), closing = Array("]}\n".utf8)
}

/// Search-order bands, so kinds appear grouped when scores tie: themes, best practices, the rest.
enum SearchOrder {
    static let theme = 0
    static let bestPractice = 1_000
    static let insight = 10_000_000
    static let activity = 20_000_000
    static let alliance = 30_000_000
    static let publication = 40_000_000
    static let scan = 50_000_000
    static let page = 60_000_000
}
