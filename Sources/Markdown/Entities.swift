// Entity and numeric character references, and backslash escapes, decoded on bytes.

enum Entities {
    /// Name (without `&` and `;`) to its UTF-8 replacement, parsed once from the generated table.
    static let table: [[UInt8]: [UInt8]] = {
        var result: [[UInt8]: [UInt8]] = [:]
        result.reserveCapacity(2200)
        for item in entityTableData.split(separator: ";") {
            guard let eq = item.firstIndex(of: "=") else { continue }
            let name = Array(item[..<eq].utf8)
            var value: [UInt8] = []
            for hex in item[item.index(after: eq)...].split(separator: " ") {
                String(Unicode.Scalar(UInt32(hex, radix: 16) ?? 0xFFFD) ?? "\u{FFFD}").utf8.forEach { value.append($0) }
            }
            result[name] = value
        }
        return result
    }()

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
        guard j > nameStart, j < end, p[j] == .semicolon else { return 0 }
        guard let value = table[Array(p[nameStart..<j])] else { return 0 }
        out.append(contentsOf: value)
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
