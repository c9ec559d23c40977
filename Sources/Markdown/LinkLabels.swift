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
        var buffer: [UInt8] = []
        return normalize(p, s, e, reusing: &buffer)
    }

    /// `normalize`, building the label in `buffer`: a label only looked up costs no allocation, and
    /// one kept as a key keeps its bytes (the next use of the buffer copies it first).
    static func normalize(_ p: Bytes, _ s: Int, _ e: Int, reusing buffer: inout [UInt8]) -> LinkLabel {
        buffer.removeAll(keepingCapacity: true)
        var pendingSpace = false
        var ascii = true
        var i = s
        while i < e {
            let c = p[i]
            if isASCIIWhitespace(c) {
                pendingSpace = !buffer.isEmpty
            } else {
                if pendingSpace {
                    buffer.append(.space)
                    pendingSpace = false
                }
                if !isASCII(c) { ascii = false }
                buffer.append(asciiLower(c))
            }
            i += 1
        }
        if ascii { return LinkLabel(bytes: buffer) }
        // Full case folding (ẞ and SS must match): lower, upper, lower again.
        let string = String(decoding: buffer, as: UTF8.self)
        return LinkLabel(bytes: Array(string.lowercased().uppercased().lowercased().utf8))
    }
}
