// Entity and numeric character references, and backslash escapes, decoded on bytes.

enum Entities {
    /// One named reference: its name and its value (hex code points separated by spaces) as byte
    /// ranges of `entityTableData`.
    struct Entry {
        var nameStart: Int32
        var nameEnd: Int32
        var valueStart: Int32
        var valueEnd: Int32
    }

    /// The entries sorted by name, indexed once from the table text (no dictionary of 2,000 arrays to
    /// build: a lookup is a binary search over the static bytes).
    static let entries: [Entry] = {
        var result: [Entry] = []
        result.reserveCapacity(2200)
        entityTableData.withUTF8Buffer { t in
            var i = 0
            while i < t.count {
                let nameStart = i
                while i < t.count && t[i] != .equalsSign { i += 1 }
                let nameEnd = i
                i += 1
                let valueStart = i
                while i < t.count && t[i] != .semicolon { i += 1 }
                if nameEnd > nameStart && i > valueStart {
                    result.append(
                        Entry(
                            nameStart: Int32(nameStart), nameEnd: Int32(nameEnd),
                            valueStart: Int32(valueStart), valueEnd: Int32(i)))
                }
                i += 1
                while i < t.count && isASCIIWhitespace(t[i]) { i += 1 }
            }
            result.sort { compare(t, $0, Bytes(rebasing: t[Int($1.nameStart)..<Int($1.nameEnd)])) < 0 }
        }
        return result
    }()

    /// Orders an entry's name against `name` (bytewise): negative, zero or positive.
    private static func compare(_ table: Bytes, _ entry: Entry, _ name: Bytes) -> Int {
        let s = Int(entry.nameStart)
        let n = Int(entry.nameEnd) - s
        for k in 0..<min(n, name.count) where table[s + k] != name[k] {
            return Int(table[s + k]) - Int(name[k])
        }
        return n - name.count
    }

    /// Appends the value of the entry named `p[s..<e]`; false when there is no such entity.
    static func appendValue(named p: Bytes, _ s: Int, _ e: Int, into out: inout RawArray<UInt8>) -> Bool {
        let name = Bytes(rebasing: p[s..<e])
        let table = entries
        return entityTableData.withUTF8Buffer { t -> Bool in
            var lo = 0
            var hi = table.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                let order = compare(t, table[mid], name)
                if order == 0 {
                    var value: UInt32 = 0
                    for k in Int(table[mid].valueStart)..<Int(table[mid].valueEnd) {
                        if t[k] == .space {
                            appendScalar(value, to: &out)
                            value = 0
                        } else {
                            value = value * 16 + hexValue(t[k])
                        }
                    }
                    appendScalar(value, to: &out)
                    return true
                }
                if order < 0 { lo = mid + 1 } else { hi = mid - 1 }
            }
            return false
        }
    }

    /// The longest entity name in the table; longer candidates are rejected without a lookup.
    static let longestName = 32

    /// Decodes `&...;` at `i` (p[i] == '&'): the matched length and appends the replacement, or 0.
    static func decode(_ p: Bytes, _ i: Int, _ end: Int, into out: inout RawArray<UInt8>) -> Int {
        var j = i + 1
        guard j < end else { return 0 }
        if p[j] == .numberSign {
            j += 1
            var value: UInt32 = 0
            let digitsStart: Int
            if j < end && (p[j] | asciiCaseBit) == UInt8(ascii: "x") {
                j += 1
                digitsStart = j
                while j < end && isHexDigit(p[j]) && j - digitsStart < 7 {
                    value = value * 16 + hexValue(p[j])
                    j += 1
                }
                guard j - digitsStart >= 1 && j - digitsStart <= 6 else { return 0 }
            } else {
                digitsStart = j
                while j < end && isDigit(p[j]) && j - digitsStart < 8 {
                    value = value * 10 + UInt32(p[j] - .digitZero)
                    j += 1
                }
                guard j - digitsStart >= 1 && j - digitsStart <= 7 else { return 0 }
            }
            guard j < end && p[j] == .semicolon else { return 0 }
            appendScalar(value, to: &out)
            return j + 1 - i
        }
        let nameStart = j
        while j < end && isAlphanumeric(p[j]) && j - nameStart <= longestName { j += 1 }
        guard j > nameStart, j < end, p[j] == .semicolon, appendValue(named: p, nameStart, j, into: &out) else {
            return 0
        }
        return j + 1 - i
    }

    /// Appends `p[s..<e]` with backslash escapes and references resolved (link destinations, titles,
    /// info strings).
    static func unescape(_ p: Bytes, _ s: Int, _ e: Int, into out: inout RawArray<UInt8>) {
        var j = s
        while j < e {
            let c = p[j]
            if c == .backslash && j + 1 < e && isASCIIPunctuation(p[j + 1]) {
                out.append(p[j + 1])
                j += 2
            } else if c == .ampersand {
                let n = decode(p, j, e, into: &out)
                if n > 0 {
                    j += n
                } else {
                    out.append(c)
                    j += 1
                }
            } else {
                out.append(c)
                j += 1
            }
        }
    }

    /// Whether `p[s..<e]` needs `unescape` at all (the common case is a plain copy or a reference).
    static func needsUnescape(_ p: Bytes, _ s: Int, _ e: Int) -> Bool {
        var j = s
        while j < e {
            if p[j] == .backslash || p[j] == .ampersand { return true }
            j += 1
        }
        return false
    }

    /// Whether `p[s..<e]` holds an `&` (which may start a reference).
    static func containsAmpersand(_ p: Bytes, _ s: Int, _ e: Int) -> Bool {
        var j = s
        while j < e {
            if p[j] == .ampersand { return true }
            j += 1
        }
        return false
    }
}
