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
                appendScalar(UInt32(hex, radix: 16) ?? 0xFFFD, to: &value)
            }
            result[name] = value
        }
        return result
    }()

    /// The longest entity name in the table; longer candidates are rejected without a lookup.
    static let longestName = 32

    /// Decodes `&...;` at `i` (p[i] == '&'): the matched length and appends the replacement, or 0.
    static func decode(_ p: Bytes, _ i: Int, _ end: Int, into out: inout [UInt8]) -> Int {
        var j = i + 1
        guard j < end else { return 0 }
        if p[j] == 0x23 {
            j += 1
            var value: UInt32 = 0
            let digitsStart: Int
            if j < end && (p[j] | 0x20) == 0x78 {
                j += 1
                digitsStart = j
                while j < end && isHexDigit(p[j]) && j - digitsStart < 7 {
                    let c = p[j]
                    value = value * 16 + UInt32(isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10)
                    j += 1
                }
                guard j - digitsStart >= 1 && j - digitsStart <= 6 else { return 0 }
            } else {
                digitsStart = j
                while j < end && isDigit(p[j]) && j - digitsStart < 8 {
                    value = value * 10 + UInt32(p[j] - 0x30)
                    j += 1
                }
                guard j - digitsStart >= 1 && j - digitsStart <= 7 else { return 0 }
            }
            guard j < end && p[j] == 0x3B else { return 0 }
            appendScalar(value, to: &out)
            return j + 1 - i
        }
        let nameStart = j
        while j < end && isAlphanumeric(p[j]) && j - nameStart <= longestName { j += 1 }
        guard j > nameStart, j < end, p[j] == 0x3B else { return 0 }
        guard let value = table[Array(p[nameStart..<j])] else { return 0 }
        out.append(contentsOf: value)
        return j + 1 - i
    }

    /// Appends `p[s..<e]` with backslash escapes and references resolved (link destinations, titles,
    /// info strings).
    static func unescape(_ p: Bytes, _ s: Int, _ e: Int, into out: inout [UInt8]) {
        var j = s
        while j < e {
            let c = p[j]
            if c == 0x5C && j + 1 < e && isASCIIPunctuation(p[j + 1]) {
                out.append(p[j + 1])
                j += 2
            } else if c == 0x26 {
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
}
