#if canImport(Glibc)
    import Glibc
#endif

/// Turns text into the search terms the site's JavaScript search also uses: lower case, diacritics
/// folded ("creëren" → "creeren"), split into runs of `a-z` and `0-9`, Dutch stop words dropped, and
/// each word stemmed by `DutchStemmer`. The theme's `search.js` implements the same steps; a test
/// (`SearchTests.StemmerTests`) keeps the two in step.
public enum SearchText {
    /// Words too common to help a search; the same list as in `search.js`.
    static let stopWordList =
        ("de het een en van in op te dat die is voor met zijn aan er om als door bij ook tot uit naar dan of "
        + "maar nog wel niet wat ze hij zij we wij je u ik dit deze was worden wordt werd kan kunnen heeft "
        + "hebben had geen meer over onder al zo").split(separator: " ").map { Array($0.utf8) }
    /// The stop words by hash (see `hash`), for a cheap test per word.
    static let stopWords: HashSet = {
        var set = HashSet(capacity: 128)
        for word in stopWordList { _ = set.insert(hash(word)) }
        return set
    }()

    /// FNV-1a of a word: sets of words are kept as sets of these (a collision could only drop a word
    /// from a page's index terms, and with 64 bits it does not happen in practice).
    @inline(__always) static func hash(_ word: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Reads the next folded word of `bytes` from `index` into `word` (cleared first); false at the end.
    /// A loop over this, rather than a callback, keeps the hot path free of closure captures.
    static func nextWord(in bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, into word: inout [UInt8]) -> Bool
    {
        word.removeAll(keepingCapacity: true)
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
                default: if !word.isEmpty { return true }
                }
                continue
            }
            // Multi-byte scalar: decode its length, then fold the Latin letters we know.
            let length: Int
            if byte >= 0xF0 {
                length = 4
            } else if byte >= 0xE0 {
                length = 3
            } else if byte >= 0xC0 {
                length = 2
            } else {
                length = 1
            }
            if length == 2, index + 1 < count {
                let scalar = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                index += 2
                if scalar >= 0x300 && scalar <= 0x36F { continue }  // a combining mark: part of the letter before it
                if !fold(scalar, into: &word) && !word.isEmpty { return true }
                continue
            }
            index += length
            if !word.isEmpty { return true }
        }
        return !word.isEmpty
    }

    /// Like `nextWord`, without making the word: the hash of the next folded word of `bytes` from `index`
    /// (`hash` of what `nextWord` would give) and the range of bytes it was read from; nil at the end.
    /// Most words of a text were met before: only a new one needs `foldedWord`.
    @inline(__always)
    static func nextWordHash(in bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> (
        hash: UInt64, start: Int, end: Int
    )? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var start = -1
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if isWordByte(byte) {
                    if start < 0 { start = index }
                    h = (h ^ UInt64(byte | 0x20)) &* 0x0000_0100_0000_01B3
                    index += 1
                    // The rest of a run of ASCII letters and digits, the common case, in a loop of its own.
                    while index < count, isWordByte(bytes[index]) {
                        h = (h ^ UInt64(bytes[index] | 0x20)) &* 0x0000_0100_0000_01B3
                        index += 1
                    }
                    continue
                }
                index += 1
                if start >= 0 { return (h, start, index - 1) }
                continue
            }
            let length: Int
            if byte >= 0xF0 {
                length = 4
            } else if byte >= 0xE0 {
                length = 3
            } else if byte >= 0xC0 {
                length = 2
            } else {
                length = 1
            }
            if length == 2, index + 1 < count {
                let scalar = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                if scalar >= 0x300 && scalar <= 0x36F {
                    index += 2
                    continue
                }
                if let folded = hashFolded(scalar, h) {
                    h = folded
                    if start < 0 { start = index }
                    index += 2
                    continue
                }
                index += 2
                if start >= 0 { return (h, start, index - 2) }
                continue
            }
            index += length
            if start >= 0 { return (h, start, index - length) }
        }
        return start >= 0 ? (h, start, count) : nil
    }

    /// An ASCII letter or digit. Its lower case is `byte | 0x20`: the digits already have that bit.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    /// The words of `bytes` as `nextWordHash` finds them, three numbers a word (its hash, its first byte
    /// and the byte after it) written to `words`, which has room for `wordRoom(bytes.count)` numbers;
    /// returns the number of words. A loop of its own: inside the counting loop of `IndexedPage`, the
    /// hash being made did not stay in a register.
    @inline(never)
    static func scanWords(_ bytes: UnsafeBufferPointer<UInt8>, into words: UnsafeMutablePointer<UInt64>) -> Int {
        var index = 0
        var count = 0
        while let next = nextWordHash(in: bytes, from: &index) {
            words[3 * count] = next.hash
            words[3 * count + 1] = UInt64(next.start)
            words[3 * count + 2] = UInt64(next.end)
            count += 1
        }
        return count
    }

    /// The room `scanWords` needs for a text of `byteCount` bytes: a word and the byte that ends it take
    /// two bytes at least.
    static func wordRoom(_ byteCount: Int) -> Int { 3 * (byteCount / 2 + 1) }

    /// `h` with the letters `scalar` folds to hashed in; nil when it is no letter we fold. Apart from
    /// `nextWordHash`, and returning the hash rather than taking it `inout`, so that its loop over plain
    /// ASCII keeps the hash in a register and no array.
    @inline(never)
    private static func hashFolded(_ scalar: UInt32, _ h: UInt64) -> UInt64? {
        var folded: [UInt8] = []
        guard fold(scalar, into: &folded) else { return nil }
        var h = h
        for b in folded { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The folded word of `bytes[start..<end]`, a range `nextWordHash` gave.
    static func foldedWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into word: inout [UInt8]) {
        var index = start
        let slice = UnsafeBufferPointer(rebasing: bytes[0..<end])
        _ = nextWord(in: slice, from: &index, into: &word)
    }

    /// The unique stems of `text`'s words, in first-seen order, without stop words.
    public static func stems(of text: String, limit: Int = .max) -> [String] {
        var out: [UInt8] = []
        appendStems(of: text, limit: limit, to: &out)
        return out.isEmpty ? [] : out.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends the unique stems of `text`, separated by spaces, to `out`. Stems are only `a-z0-9`, so
    /// this can go straight into a JSON string.
    public static func appendStems(of text: String, limit: Int = .max, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendStems(of: $0, limit: limit, to: &out) }
    }

    static func appendStems(of bytes: UnsafeBufferPointer<UInt8>, limit: Int, to out: inout [UInt8]) {
        // Words repeat a lot in a text: stem each distinct word once; and across the texts of a build,
        // the few thousand words of its vocabulary are stemmed once per thread.
        let cache = StemCache.ofThisThread
        var seenWords = HashSet()
        var seenStems = HashSet()
        var index = 0
        var count = 0
        var word: [UInt8] = []
        word.reserveCapacity(32)
        while count < limit, nextWord(in: bytes, from: &index, into: &word) {
            let key = hash(word)
            guard seenWords.insert(key), !stopWords.contains(key) else { continue }
            let (stem, stemKey) = cache.stem(word, key: key)
            if seenStems.insert(stemKey) {
                if count > 0 { out.append(0x20) }
                out.append(contentsOf: stem)
                count += 1
            }
        }
    }

    /// Appends the ASCII letters a Latin letter folds to (lower case); false when it is no letter we fold.
    static func fold(_ scalar: UInt32, into word: inout [UInt8]) -> Bool {
        switch scalar {
        case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105:
            word.append(0x61)
            return true  // a
        case 0xC6, 0xE6:
            word.append(0x61)
            word.append(0x65)
            return true  // ae
        case 0xC7, 0xE7, 0x106...0x10D:
            word.append(0x63)
            return true  // c
        case 0x10E, 0x10F:
            word.append(0x64)
            return true  // d
        case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B:
            word.append(0x65)
            return true  // e
        case 0x11C...0x123:
            word.append(0x67)
            return true  // g
        case 0x124, 0x125:
            word.append(0x68)
            return true  // h
        case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x130:
            word.append(0x69)
            return true  // i
        case 0x132, 0x133:
            word.append(0x69)
            word.append(0x6A)
            return true  // ij
        case 0x134, 0x135:
            word.append(0x6A)
            return true  // j
        case 0x136, 0x137:
            word.append(0x6B)
            return true  // k
        case 0x139...0x13E:
            word.append(0x6C)
            return true  // l
        case 0xD1, 0xF1, 0x143...0x148:
            word.append(0x6E)
            return true  // n
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151:
            word.append(0x6F)
            return true  // o
        case 0x152, 0x153:
            word.append(0x6F)
            word.append(0x65)
            return true  // oe
        case 0x154...0x159:
            word.append(0x72)
            return true  // r
        case 0x15A...0x161:
            word.append(0x73)
            return true  // s
        case 0xDF:
            word.append(0x73)
            word.append(0x73)
            return true  // ss
        case 0x162...0x165:
            word.append(0x74)
            return true  // t
        case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173:
            word.append(0x75)
            return true  // u
        case 0x174, 0x175:
            word.append(0x77)
            return true  // w
        case 0xDD, 0xFD, 0xFF, 0x176...0x178:
            word.append(0x79)
            return true  // y
        case 0x179...0x17E:
            word.append(0x7A)
            return true  // z
        default: return false
        }
    }
}

/// The stems of the words one thread has met, by the hash of the word (`SearchText.hash`), with the hash
/// of each stem: open addressing on the already mixed hashes, as `HashSet`.
final class StemCache {
    /// Per table place, three numbers side by side: the word's key (0: empty), its stem's key, and the
    /// stem's entry in `stems`. A hit, the common case, reads one cache line.
    private var table = [UInt64](repeating: 0, count: 3 << 14)
    private var stems: [[UInt8]] = []
    /// The folded word of a miss in `stemKey`, reused.
    private var scratch: [UInt8] = []
    /// The words of the text being counted (`SearchText.scanWords`), reused: one allocation a thread, not
    /// one a text.
    private var words: UnsafeMutablePointer<UInt64>?
    private var wordCapacity = 0

    deinit { words?.deallocate() }

    /// Room for `count` numbers, valid until the next call on this thread.
    func wordRoom(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        if let words, count <= wordCapacity { return words }
        words?.deallocate()
        wordCapacity = Swift.max(count, 2 * wordCapacity, 4_096)
        let room = UnsafeMutablePointer<UInt64>.allocate(capacity: wordCapacity)
        words = room
        return room
    }

    func stem(_ word: [UInt8], key: UInt64) -> (stem: [UInt8], key: UInt64) {
        let place = self.place(word, key: key)
        return (stems[Int(table[place + 2])], table[place + 1])
    }

    /// The key of the stem of the word `nextWordHash` found at `start..<end` of `bytes` with hash `key`:
    /// the word is folded and stemmed only the first time this thread meets it.
    @inline(__always)
    func stemKey(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, key: UInt64) -> UInt64 {
        let wanted = key == 0 ? 1 : key
        let places = table.count / 3
        var i = Int(truncatingIfNeeded: (wanted &* 0x9E37_79B9_7F4A_7C15) >> 32) & (places - 1)
        while true {
            let found = table[3 * i]
            if found == wanted { return table[3 * i + 1] }
            if found == 0 { break }
            i = (i + 1) & (places - 1)
        }
        SearchText.foldedWord(bytes, start, end, into: &scratch)
        return table[place(scratch, key: key) + 1]
    }

    /// The place in `table` of `word` (whose hash is `key`), made when it is new.
    private func place(_ word: [UInt8], key: UInt64) -> Int {
        let wanted = key == 0 ? 1 : key
        var places = table.count / 3
        var i = Int(truncatingIfNeeded: (wanted &* 0x9E37_79B9_7F4A_7C15) >> 32) & (places - 1)
        while table[3 * i] != 0 {
            if table[3 * i] == wanted { return 3 * i }
            i = (i + 1) & (places - 1)
        }
        // A site's vocabulary is a few thousand words; a text of random words cannot grow this for ever.
        if stems.count >= 1 << 18 {
            table = [UInt64](repeating: 0, count: 3 << 14)
            stems.removeAll(keepingCapacity: true)
        }
        if (stems.count + 1) * 2 > places { grow() }
        places = table.count / 3
        i = Int(truncatingIfNeeded: (wanted &* 0x9E37_79B9_7F4A_7C15) >> 32) & (places - 1)
        while table[3 * i] != 0 { i = (i + 1) & (places - 1) }
        let stem = DutchStemmer.stem(word)
        let stemKey = stem == word ? key : SearchText.hash(stem)
        StemNames.shared.note(stemKey, stem)
        table[3 * i] = wanted
        table[3 * i + 1] = stemKey
        table[3 * i + 2] = UInt64(stems.count)
        stems.append(stem)
        return 3 * i
    }

    private func grow() {
        let old = table
        table = [UInt64](repeating: 0, count: old.count * 2)
        let mask = table.count / 3 - 1
        for place in stride(from: 0, to: old.count, by: 3) where old[place] != 0 {
            var i = Int(truncatingIfNeeded: (old[place] &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while table[3 * i] != 0 { i = (i + 1) & mask }
            table[3 * i] = old[place]
            table[3 * i + 1] = old[place + 1]
            table[3 * i + 2] = old[place + 2]
        }
    }

    private static let slot: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<StemCache>.fromOpaque(pointer).release() }
        }
        return key
    }()

    /// The cache of the calling thread (made on first use, freed with the thread).
    static var ofThisThread: StemCache {
        if let pointer = pthread_getspecific(slot) {
            return Unmanaged<StemCache>.fromOpaque(pointer).takeUnretainedValue()
        }
        let cache = StemCache()
        pthread_setspecific(slot, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }
}

/// Every stem made, by its key: `IndexedPage` keeps only the keys (8 bytes less per page and stem: 37 MB
/// at 10,000 pages), `ShardedIndex` finds their bytes here. A thread's `StemCache` notes each stem the
/// first time it makes it, so the lock is taken a few thousand times a build; the table is as big as the
/// vocabulary of all the texts read.
final class StemNames: @unchecked Sendable {
    static let shared = StemNames()
    private var mutex = pthread_mutex_t()
    private var names: [UInt64: [UInt8]] = [:]

    private init() { pthread_mutex_init(&mutex, nil) }

    func note(_ key: UInt64, _ stem: [UInt8]) {
        pthread_mutex_lock(&mutex)
        if names[key] == nil { names[key] = stem }
        pthread_mutex_unlock(&mutex)
    }

    /// The stem of `key`; every key of an `IndexedPage` was noted when its page was read.
    func stem(_ key: UInt64) -> [UInt8] {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return names[key] ?? []
    }
}

/// A set of 64-bit hashes with open addressing (slot from the high bits of the hash times a constant: FNV
/// hashes of similar words share low bits), cheaper than the per-insert hashing a `Set<UInt64>` does.
struct HashSet {
    private var slots: [UInt64]
    private var count = 0

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
    }

    /// Whether `value` is in the set.
    func contains(_ value: UInt64) -> Bool {
        let key = value == 0 ? 1 : value
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while slots[i] != 0 {
            if slots[i] == key { return true }
            i = (i + 1) & mask
        }
        return false
    }

    /// Adds `value`; true when it was not there yet.
    mutating func insert(_ value: UInt64) -> Bool {
        let key = value == 0 ? 1 : value  // 0 marks an empty slot
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let slot = slots[i]
            if slot == 0 {
                slots[i] = key
                count += 1
                return true
            }
            if slot == key { return false }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        count = 0
        for key in old where key != 0 { _ = insert(key) }
    }
}
