/// Liang's hyphenation algorithm (the one TeX uses) with the Dutch patterns of hyphen-nl
/// (`DutchHyphenationPatterns`). A word is looked up with a '.' at each end; every pattern found in it
/// raises the values between its letters; an odd value marks a place to hyphenate.
///
///     Hyphenator.dutch.points(in: "jaarverslag")   // [4]: jaar-verslag
///
/// Beyond the patterns: at least two letters stay on each side, never a break between the i and j of the
/// Dutch ij, never a break right before a vowel with a trema (Dutch would drop the trema there: ide-eën is
/// written ideeën broken as ide-een), and only words of letters are hyphenated.
/// The trie is built once per process, on first use; it is immutable and shared between threads.
public struct Hyphenator: Sendable {
    /// The Dutch patterns.
    public static let dutch = Hyphenator(patterns: DutchHyphenationPatterns.text)

    public let leftMinimum = 2
    public let rightMinimum = 2

    /// Scalar (below 0x250) → symbol, 0 for a scalar that no pattern has.
    private var symbolOf = [UInt8](repeating: 0, count: 0x250)
    private var symbolCount = 1
    /// The trie as first-child/next-sibling lists: a node's symbol, its first child and its next sibling
    /// (0 = none); the root's children also in a table by symbol. Compact (the patterns make some 30,000
    /// nodes) and quick to build.
    private var nodeSymbol: [UInt8] = [0]
    private var firstChild: [Int32] = [0]
    private var nextSibling: [Int32] = [0]
    private var rootChild: [Int32] = []
    /// Per node: the pattern ending there, as (start, count) into `values`, or count 0.
    private var valueStart: [Int32] = [0]
    private var valueCount: [UInt8] = [0]
    private var values: [UInt8] = []
    private var patternCount = 0

    /// Builds the trie from patterns separated by whitespace (UTF-8, letters of Latin-1 and Latin Extended).
    init(patterns text: String) {
        var bytes = Array(text.utf8)
        bytes.append(0x20)
        nodeSymbol.reserveCapacity(40_000)
        firstChild.reserveCapacity(40_000)
        nextSibling.reserveCapacity(40_000)
        valueStart.reserveCapacity(40_000)
        valueCount.reserveCapacity(40_000)
        values.reserveCapacity(100_000)
        var node = 0
        var digits: [UInt8] = [0]
        var inPattern = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A {
                if inPattern {
                    valueStart[node] = Int32(values.count)
                    valueCount[node] = UInt8(digits.count)
                    values.append(contentsOf: digits)
                    patternCount += 1
                }
                node = 0
                digits = [0]
                inPattern = false
                i += 1
                continue
            }
            inPattern = true
            if b >= 0x30 && b <= 0x39 {
                digits[digits.count - 1] = b - 0x30
                i += 1
                continue
            }
            // A letter: one byte, or two in UTF-8 (é, ë, ...).
            var scalar = UInt32(b)
            if b >= 0xC0, i + 1 < bytes.count {
                scalar = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 1
            }
            i += 1
            guard scalar < 0x250 else { continue }
            if symbolOf[Int(scalar)] == 0 {
                symbolOf[Int(scalar)] = UInt8(symbolCount)
                symbolCount += 1
            }
            node = child(of: node, symbol: symbolOf[Int(scalar)], create: true)
            digits.append(0)
        }
        rootChild = [Int32](repeating: 0, count: symbolCount)
        var c = Int(firstChild[0])
        while c != 0 {
            rootChild[Int(nodeSymbol[c])] = Int32(c)
            c = Int(nextSibling[c])
        }
    }

    /// The child of `node` for `symbol`: found among its siblings, or made.
    private mutating func child(of node: Int, symbol: UInt8, create: Bool) -> Int {
        var c = Int(firstChild[node])
        while c != 0 {
            if nodeSymbol[c] == symbol { return c }
            c = Int(nextSibling[c])
        }
        let new = nodeSymbol.count
        nodeSymbol.append(symbol)
        firstChild.append(0)
        nextSibling.append(firstChild[node])
        valueStart.append(0)
        valueCount.append(0)
        firstChild[node] = Int32(new)
        return new
    }

    /// The positions in `word` (a count of scalars from its start) after which it may be hyphenated.
    /// Empty for words with anything but letters, or shorter than the two minimums together.
    public func points(in word: [UInt32]) -> [Int] {
        let n = word.count
        guard n >= leftMinimum + rightMinimum else { return [] }
        // ".word." in lower case, as symbols.
        var symbols = [Int](repeating: 0, count: n + 2)
        symbols[0] = Int(symbolOf[0x2E])
        symbols[n + 1] = symbols[0]
        for (i, s) in word.enumerated() {
            guard TextScalars.isLetter(s) else { return [] }
            let lower = Hyphenator.lowercase(s)
            guard lower < 0x250 else { return [] }
            let symbol = Int(symbolOf[Int(lower)])
            guard symbol != 0 else { return [] }
            symbols[i + 1] = symbol
        }
        // levels[k]: the value between symbols k - 1 and k.
        var levels = [UInt8](repeating: 0, count: n + 3)
        for start in 0..<(n + 2) {
            var node = Int(rootChild[symbols[start]])
            var k = start + 1
            while node != 0 {
                let count = Int(valueCount[node])
                if count > 0 {
                    let base = Int(valueStart[node])
                    for j in 0..<count where values[base + j] > levels[start + j] {
                        levels[start + j] = values[base + j]
                    }
                }
                guard k < n + 2 else { break }
                let symbol = UInt8(symbols[k])
                var c = Int(firstChild[node])
                while c != 0 && nodeSymbol[c] != symbol { c = Int(nextSibling[c]) }
                node = c
                k += 1
            }
        }
        var result: [Int] = []
        // A break after letter p (1-based) sits between symbols p and p + 1: levels[p + 1].
        for p in leftMinimum...(n - rightMinimum) where levels[p + 1] & 1 == 1 {
            let before = Hyphenator.lowercase(word[p - 1])
            let after = Hyphenator.lowercase(word[p])
            if before == 0x69 && after == 0x6A { continue }  // i-j
            if Hyphenator.hasTrema(after) { continue }  // ide-eën
            result.append(p)
        }
        return result
    }

    /// The hyphenation points of a string (for tests and the docs).
    public func hyphenate(_ word: String, with mark: String = "-") -> String {
        let scalars = Array(word.unicodeScalars.map(\.value))
        let points = Set(self.points(in: scalars))
        var out = ""
        for (i, scalar) in word.unicodeScalars.enumerated() {
            if points.contains(i) { out += mark }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Number of patterns in the trie.
    public var count: Int { patternCount }

    @inline(__always)
    static func lowercase(_ s: UInt32) -> UInt32 {
        if s >= 0x41 && s <= 0x5A { return s + 0x20 }
        if s >= 0xC0 && s <= 0xDE && s != 0xD7 { return s + 0x20 }
        if s >= 0x100 && s <= 0x17F && s & 1 == 0 && s != 0x130 && s != 0x138 { return s + 1 }
        return s
    }

    @inline(__always)
    static func hasTrema(_ s: UInt32) -> Bool {
        s == 0xE4 || s == 0xEB || s == 0xEF || s == 0xF6 || s == 0xFC || s == 0xC4 || s == 0xCB || s == 0xCF
            || s == 0xD6 || s == 0xDC
    }
}
