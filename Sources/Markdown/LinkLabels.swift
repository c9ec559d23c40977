import Foundation

/// Link label matching: labels are compared after Unicode case folding, with leading and trailing
/// whitespace removed and inner runs of whitespace collapsed to one space.
enum LinkLabels {
    static func normalize(_ p: Bytes, _ s: Int, _ e: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(e - s)
        var pendingSpace = false
        var ascii = true
        var i = s
        while i < e {
            let c = p[i]
            if isASCIIWhitespace(c) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace {
                    out.append(.space)
                    pendingSpace = false
                }
                if c >= 0x80 { ascii = false }
                out.append(asciiLower(c))
            }
            i += 1
        }
        if ascii { return out }
        // Full case folding (ẞ and SS must match): lower, upper, lower again.
        let string = String(decoding: out, as: UTF8.self)
        return Array(string.lowercased().uppercased().lowercased().utf8)
    }
}
