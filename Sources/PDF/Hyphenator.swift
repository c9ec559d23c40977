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
public final class Hyphenator: @unchecked Sendable {
    /// The Dutch patterns.
    public static let dutch = Hyphenator(patterns: DutchHyphenationPatterns.text)

    public let leftMinimum = 2
    public let rightMinimum = 2

    /// Scalar (below 0x250) → symbol, 0 for a scalar that no pattern has.
    private var symbolOf = [UInt8](repeating: 0, count: 0x250)
    private var symbolCount = 1
    /// Child node per (node, symbol); 0 = none.
    private var children: [Int32] = []
    /// Per node: the pattern ending there, as (start, count) into `values`, or count 0.
    private var valueStart: [Int32] = []
    private var valueCount: [UInt8] = []
    private var values: [UInt8] = []
    private let patternCount: Int

    /// Builds the trie from patterns separated by whitespace.
    init(patterns text: String) {
        var patterns: [[UInt32]] = []
        var current: [UInt32] = []
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" {
                if !current.isEmpty { patterns.append(current); current = [] }
            } else {
                current.append(scalar.value)
            }
        }
        if !current.isEmpty { patterns.append(current) }
        patternCount = patterns.count
        // The alphabet: every letter the patterns use.
        for pattern in patterns {
            for s in pattern where !TextScalars.isDigit(s) && s < 0x250 && symbolOf[Int(s)] == 0 {
                symbolOf[Int(s)] = UInt8(symbolCount)
                symbolCount += 1
            }
        }
        children = [Int32](repeating: 0, count: symbolCount * 4096)
        valueStart = [0]
        valueCount = [0]
        var nodeCount = 1
        for pattern in patterns {
            var node = 0
            var digits: [UInt8] = [0]
            for s in pattern {
                if TextScalars.isDigit(s) {
                    digits[digits.count - 1] = UInt8(s - 0x30)
                    continue
                }
                guard s < 0x250 else { break }
                let slot = node * symbolCount + Int(symbolOf[Int(s)])
                if children[slot] == 0 {
                    if nodeCount * symbolCount >= children.count {
                        children += [Int32](repeating: 0, count: children.count)
                    }
                    children[slot] = Int32(nodeCount)
                    valueStart.append(0)
                    valueCount.append(0)
                    nodeCount += 1
                }
                node = Int(children[slot])
                digits.append(0)
            }
            valueStart[node] = Int32(values.count)
            valueCount[node] = UInt8(digits.count)
            values.append(contentsOf: digits)
        }
        children.removeLast(children.count - nodeCount * symbolCount)
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
            var node = 0
            var k = start
            while k < n + 2 {
                let next = Int(children[node * symbolCount + symbols[k]])
                if next == 0 { break }
                node = next
                k += 1
                let count = Int(valueCount[node])
                if count > 0 {
                    let base = Int(valueStart[node])
                    for j in 0..<count where values[base + j] > levels[start + j] { levels[start + j] = values[base + j] }
                }
            }
        }
        var result: [Int] = []
        // A break after letter p (1-based) sits between symbols p and p + 1: levels[p + 1].
        for p in leftMinimum...(n - rightMinimum) where levels[p + 1] & 1 == 1 {
            let before = Hyphenator.lowercase(word[p - 1]), after = Hyphenator.lowercase(word[p])
            if before == 0x69 && after == 0x6A { continue }          // i-j
            if Hyphenator.hasTrema(after) { continue }               // ide-eën
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
        s == 0xE4 || s == 0xEB || s == 0xEF || s == 0xF6 || s == 0xFC || s == 0xC4 || s == 0xCB || s == 0xCF || s == 0xD6 || s == 0xDC
    }
}
