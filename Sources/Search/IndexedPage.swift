import Escaping

/// A `SearchRecord` read for the index: its distinct stems, each with how often it occurs in the title,
/// the metadata, the headings and the body, and where it first occurs in the body; and the fragment the
/// browser shows for it. Made on any thread, one page at a time; `ShardedIndex.write` joins them.
public struct IndexedPage: Sendable {
    /// At most this many distinct stems of a page's body go into the index, to keep it small on big
    /// sites; the title, metadata and headings are always complete.
    public static let maximumBodyStems = 600

    /// The folded title: pages are numbered in this order, so results of equal rank appear by title.
    let sortKey: [UInt8]
    let title: String
    /// `{"t":…,"u":…,"k":…,"s":…,"th":[…]}`, HTML-safe JSON.
    let fragment: [UInt8]
    let filterKind: String
    let themes: [String]
    /// The hashes (`SearchText.hash`) of the distinct stems, in first-seen order; their bytes are in
    /// `StemNames`.
    var keys: [UInt64] = []
    /// Per stem: `Weights.pack` of its counts.
    var weights: [UInt32] = []
    /// Per stem: the number of the body word it first occurs as (0 when only outside the body).
    var positions: [UInt32] = []
    /// A hash of everything above: equal hashes, equal index.
    public private(set) var hash: UInt64 = 0

    /// The counts of a stem in a page, packed into one number of at most 11 bits: title (0-3), metadata
    /// (0-3), headings (0-3), body (0-31), each capped. The JavaScript unpacks it the same way.
    enum Weights {
        static func pack(title: UInt32, meta: UInt32, headings: UInt32, body: UInt32) -> UInt32 {
            min(title, 3) | min(meta, 3) << 2 | min(headings, 3) << 4 | min(body, 31) << 6
        }

        static func unpack(_ w: UInt32) -> (title: UInt32, meta: UInt32, headings: UInt32, body: UInt32) {
            (w & 3, (w >> 2) & 3, (w >> 4) & 3, w >> 6)
        }
    }

    public init(_ record: SearchRecord) {
        title = record.title
        filterKind = record.filterKind
        themes = record.themes
        sortKey = Self.sortKey(record.title)

        var json: [UInt8] = []
        json.reserveCapacity(256)
        json.append(contentsOf: "{\"t\":".utf8)
        JSONEscaper.appendQuoted(record.title, style: .htmlSafe, to: &json)
        json.append(contentsOf: ",\"u\":".utf8)
        JSONEscaper.appendQuoted(record.url, style: .htmlSafe, to: &json)
        json.append(contentsOf: ",\"k\":".utf8)
        JSONEscaper.appendQuoted(record.kind, style: .htmlSafe, to: &json)
        if let summary = record.summary, !summary.isEmpty {
            json.append(contentsOf: ",\"s\":".utf8)
            JSONEscaper.appendQuoted(summary, style: .htmlSafe, to: &json)
        }
        if !record.themes.isEmpty {
            json.append(contentsOf: ",\"th\":".utf8)
            JSONEscaper.appendArray(record.themes, style: .htmlSafe, to: &json)
        }
        json.append(UInt8(ascii: "}"))
        fragment = json

        var counter = TermCounter()
        counter.add(record.title, field: 0)
        if !record.meta.isEmpty { counter.add(record.meta.joined(separator: "\n"), field: 1) }
        for heading in record.headings { counter.add(heading, field: 2) }
        let body = record.summary.map { $0 + "\n" + record.text } ?? record.text
        counter.add(body, field: 3, newStemLimit: Self.maximumBodyStems)
        // Copies without the growth room of the counter's arrays: ten thousand pages keep these until
        // the index is written.
        keys = Array(counter.keys[...])
        positions = Array(counter.firstPositions[...])
        weights = (0..<keys.count).map { k in
            Weights.pack(
                title: counter.counts[4 * k], meta: counter.counts[4 * k + 1], headings: counter.counts[4 * k + 2],
                body: counter.counts[4 * k + 3])
        }
        var h = SearchText.hash(fragment)
        h = Self.mix(h, SearchText.hash(Array(record.filterKind.utf8)))
        for theme in record.themes { h = Self.mix(h, SearchText.hash(Array(theme.utf8))) }
        for k in keys.indices { h = Self.mix(Self.mix(h, keys[k]), UInt64(weights[k]) << 32 | UInt64(positions[k])) }
        hash = h
    }

    /// The title as the browser's `localeCompare` orders it, roughly: case and diacritics folded, spaces
    /// before other punctuation, punctuation before digits, digits before letters.
    static func sortKey(_ title: String) -> [UInt8] {
        var key: [UInt8] = []
        var title = title
        title.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): key.append(byte)
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): key.append(byte | 0x20)
                    case 0x20, 0x09, 0x0A: key.append(0x01)
                    default: key.append(0x02)
                    }
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                if length == 2, index + 1 < bytes.count {
                    let scalar = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                    if !(scalar >= 0x300 && scalar <= 0x36F), !SearchText.fold(scalar, into: &key) { key.append(0x02) }
                } else {
                    key.append(0x02)
                }
                index += length
            }
        }
        return key
    }

    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = (a ^ 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: b ^ 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
    }
}

/// Counts the stems of a page's texts per field, keeping each distinct stem once.
private struct TermCounter {
    var keys: [UInt64] = []
    /// Four counts per stem: title, metadata, headings, body.
    var counts: [UInt32] = []
    var firstPositions: [UInt32] = []
    private let slots = KeyMap(capacity: 512)
    /// Word hash → slot of its stem.
    private let words = KeyMap(capacity: 1_024)
    private var bodyWords: UInt32 = 0
    private var bodyStems = 0

    mutating func add(_ text: String, field: Int, newStemLimit: Int = .max) {
        var text = text
        text.withUTF8 { add($0, field: field, newStemLimit: newStemLimit) }
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, field: Int, newStemLimit: Int) {
        let cache = StemCache.ofThisThread
        let words = cache.wordRoom(SearchText.wordRoom(bytes.count))
        let count = SearchText.scanWords(bytes, into: words)
        add(
            words: UnsafeBufferPointer(start: words, count: 3 * count), of: bytes, field: field,
            newStemLimit: newStemLimit)
    }

    /// Counts `words`, three numbers a word as `SearchText.scanWords` wrote them.
    private mutating func add(
        words found: UnsafeBufferPointer<UInt64>, of bytes: UnsafeBufferPointer<UInt8>, field: Int, newStemLimit: Int
    ) {
        let cache = StemCache.ofThisThread
        let isBody = field == 3
        for w in stride(from: 0, to: found.count, by: 3) {
            let position = bodyWords
            if isBody { bodyWords += 1 }
            let wordKey = found[w]
            // A word met before in this page: its stem's slot, without stemming it again (or -2: a stop word, or a new stem past the body's limit).
            var slot = words.value(for: wordKey)
            if slot == -2 { continue }
            if slot < 0 {
                if SearchText.stopWords.contains(wordKey) {
                    words.set(wordKey, -2)
                    continue
                }
                let stemKey = cache.stemKey(bytes, Int(found[w + 1]), Int(found[w + 2]), key: wordKey)
                slot = slots.value(for: stemKey)
                if slot < 0 {
                    if isBody {
                        guard bodyStems < newStemLimit else {
                            // Skipped from now on like a stop word, without stemming it again: the body is
                            // the last text counted.
                            words.set(wordKey, -2)
                            continue
                        }
                        bodyStems += 1
                    }
                    slot = keys.count
                    slots.set(stemKey, slot)
                    keys.append(stemKey)
                    counts.append(0)
                    counts.append(0)
                    counts.append(0)
                    counts.append(0)
                    firstPositions.append(isBody ? position : 0)
                }
                words.set(wordKey, slot)
            }
            if isBody, counts[4 * slot + 3] == 0 {
                firstPositions[slot] = position
            }
            counts[4 * slot + field] += 1
        }
    }
}

/// Hashes (already well mixed) to small numbers, with open addressing: cheaper than a `Dictionary`
/// for the millions of look-ups of a big build. The table is memory of its own, not arrays: a look-up
/// or an insert checks no array's uniqueness or bounds. One owner at a time (a page being read, a join).
final class KeyMap {
    private var keys: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<Int32>
    /// A power of two.
    private var size: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.size = size
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: -1, count: size)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// The value of `key`, or -1.
    func value(for key: UInt64) -> Int {
        let k = key == 0 ? 1 : key
        let mask = size - 1
        var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[i] != 0 {
            if keys[i] == k { return Int(values[i]) }
            i = (i + 1) & mask
        }
        return -1
    }

    /// Sets the value of `key`.
    func set(_ key: UInt64, _ value: Int) {
        if (count + 1) * 2 > size { grow() }
        let k = key == 0 ? 1 : key
        let mask = size - 1
        var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == 0 { count += 1 }
        keys[i] = k
        values[i] = Int32(value)
    }

    private func grow() {
        let (oldKeys, oldValues, oldSize) = (keys, values, size)
        size = oldSize * 2
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: -1, count: size)
        count = 0
        for i in 0..<oldSize where oldKeys[i] != 0 { set(oldKeys[i], Int(oldValues[i])) }
        oldKeys.deallocate()
        oldValues.deallocate()
    }
}
