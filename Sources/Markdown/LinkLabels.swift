import Foundation

/// A normalised link or footnote label, the key of the definitions. It hashes its bytes in one go
/// (an array of bytes would feed the hasher one byte at a time).
struct LinkLabel: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// Link label matching: labels are compared after Unicode case folding, with leading and trailing
/// whitespace removed and inner runs of whitespace collapsed to one space.
enum LinkLabels {
    static func normalize(_ p: Bytes, _ s: Int, _ e: Int) -> LinkLabel {
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
        if ascii { return LinkLabel(bytes: out) }
        // Full case folding (ẞ and SS must match): lower, upper, lower again.
        let string = String(decoding: out, as: UTF8.self)
        return LinkLabel(bytes: Array(string.lowercased().uppercased().lowercased().utf8))
    }
}
