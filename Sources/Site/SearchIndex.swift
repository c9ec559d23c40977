import Escaping

/// The prebuilt index behind the search page (`zoeken/index.json`): per page its title, URL, kind and
/// summary for display, and the stems of its title, metadata and text for matching. The browser only
/// stems the query; the pages were stemmed here, with the same algorithm.
struct SearchIndex {
    /// Where a document stands in the index: the kinds come in this order, so results of equal score
    /// appear grouped (themes, best practices, the rest).
    enum Section: Int, Comparable, CaseIterable, Sendable {
        case theme, bestPractice, insight, activity, alliance, publication, scan, page

        static func < (a: Section, b: Section) -> Bool { a.rawValue < b.rawValue }
    }

    /// One searchable page (or part of one: an insight, a publication).
    struct Document {
        var section: Section
        var title: String
        var url: String
        /// "Best practice", "Thema", … shown beside the result.
        var kind: String
        var summary: String?
        /// Tags, places, theme names: matched above the text, below the title.
        var meta: [String]
        /// The page's plain text.
        var text: String
    }

    /// At most this many distinct stems of a page's text go into the index, to keep it small on big
    /// sites; the title and metadata are always complete.
    static let maximumTextStems = 600

    /// One document's entry of the index, with where it goes: built on the page's thread, right after the
    /// page, and kept with the page for later builds.
    struct Entry: Sendable {
        var section: Section
        var json: [UInt8]
    }

    static func entry(_ document: Document) -> Entry {
        var json: [UInt8] = []
        json.reserveCapacity(2_048)
        append(document, to: &json)
        return Entry(section: document.section, json: json)
    }

    /// The parts of the index file (`{"docs":[...]}`) from entries already in order: written one after
    /// the other, they are the file, without joining many megabytes in memory first.
    static func parts(_ entries: [Entry]) -> [[UInt8]] {
        var parts: [[UInt8]] = [Array("{\"docs\":[".utf8)]
        parts.reserveCapacity(entries.count * 2 + 2)
        let separator = Array(",\n".utf8)
        for (index, entry) in entries.enumerated() {
            if index > 0 { parts.append(separator) }
            parts.append(entry.json)
        }
        parts.append(Array("]}\n".utf8))
        return parts
    }

    /// The index file (`{"docs":[...]}`) from entries already in order.
    static func document(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(32) { $0 + $1.json.count + 2 })
        out.append(contentsOf: "{\"docs\":[".utf8)
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.append(contentsOf: ",\n".utf8) }
            out.append(contentsOf: entry.json)
        }
        out.append(contentsOf: "]}\n".utf8)
        return out
    }

    /// One document as a JSON object (no separators), so callers can build entries in parallel.
    static func append(_ document: Document, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"t\":".utf8)
        JSONEscaper.appendQuoted(document.title, style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"u\":".utf8)
        JSONEscaper.appendQuoted(document.url, style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"k\":".utf8)
        JSONEscaper.appendQuoted(document.kind, style: .htmlSafe, to: &out)
        if let summary = document.summary, !summary.isEmpty {
            out.append(contentsOf: ",\"s\":".utf8)
            JSONEscaper.appendQuoted(summary, style: .htmlSafe, to: &out)
        }
        // Stems are only a-z and 0-9: they go into the JSON strings without escaping.
        out.append(contentsOf: ",\"ts\":\"".utf8)
        SearchText.appendStems(of: document.title, to: &out)
        if !document.meta.isEmpty {
            out.append(contentsOf: "\",\"ms\":\"".utf8)
            SearchText.appendStems(of: document.meta.joined(separator: " "), to: &out)
        }
        out.append(contentsOf: "\",\"x\":\"".utf8)
        let text = document.summary.map { $0 + "\n" + document.text } ?? document.text
        SearchText.appendStems(of: text, limit: maximumTextStems, to: &out)
        out.append(contentsOf: "\"}".utf8)
    }
}
