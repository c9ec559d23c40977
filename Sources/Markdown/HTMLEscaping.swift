// URL percent-encoding, the GFM tag filter and the safe-mode URL check, all on bytes. Text and
// attributes are escaped by the package's one escaper (`HTMLEscaper`, in cmark's style).

enum HTMLEscaping {
    /// Bytes that stay as they are in an `href`; everything else is percent-encoded, except `&` and
    /// `'`, which become entities.
    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "-_.+!*(),%#@?=;:/$~".utf8 { table[Int(c)] = true }
        for c in UInt8(0x30)...0x39 { table[Int(c)] = true }
        for c in UInt8(0x41)...0x5A { table[Int(c)] = true }
        for c in UInt8(0x61)...0x7A { table[Int(c)] = true }
        return table
    }()

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends a URL for an `href`/`src` attribute, percent-encoded where needed.
    static func appendURL(_ bytes: [UInt8], to out: inout [UInt8]) {
        for c in bytes {
            if hrefSafe[Int(c)] {
                out.append(c)
            } else if c == 0x26 {
                out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])
            } else if c == 0x27 {
                out.append(contentsOf: [0x26, 0x23, 0x78, 0x32, 0x37, 0x3B])  // &#x27;
            } else {
                out.append(0x25)
                out.append(hex[Int(c >> 4)])
                out.append(hex[Int(c & 15)])
            }
        }
    }

    /// Appends raw HTML with the GFM tag filter applied: `<` of the filtered tags becomes `&lt;`.
    static func appendFiltered(_ p: Bytes, to out: inout [UInt8]) {
        var runStart = 0
        var i = 0
        let n = p.count
        while i < n {
            if p[i] == 0x3C && isFilteredTag(p, i + 1, n) {
                out.append(contentsOf: Bytes(rebasing: p[runStart..<i]))
                out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])
                runStart = i + 1
            }
            i += 1
        }
        out.append(contentsOf: Bytes(rebasing: p[runStart..<n]))
    }

    private static func isFilteredTag(_ p: Bytes, _ start: Int, _ n: Int) -> Bool {
        var i = start
        if i < n && p[i] == 0x2F { i += 1 }
        for name in HTMLNames.filtered where matchesLowercase(p, i, n, name) {
            let j = i + name.utf8CodeUnitCount
            if j >= n { return true }
            let c = p[j]
            if isASCIIWhitespace(c) || c == 0x3E { return true }
            if c == 0x2F && j + 1 < n && p[j + 1] == 0x3E { return true }
        }
        return false
    }

    /// Whether a URL is dangerous in safe mode: `javascript:`, `vbscript:`, `file:`, or `data:` other
    /// than PNG, GIF, JPEG and WebP images.
    static func isDangerousURL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { p -> Bool in
            let n = p.count
            if matchesLowercase(p, 0, n, "javascript:") || matchesLowercase(p, 0, n, "vbscript:")
                || matchesLowercase(p, 0, n, "file:") {
                return true
            }
            if matchesLowercase(p, 0, n, "data:") {
                return !(matchesLowercase(p, 5, n, "image/png") || matchesLowercase(p, 5, n, "image/gif")
                    || matchesLowercase(p, 5, n, "image/jpeg") || matchesLowercase(p, 5, n, "image/webp"))
            }
            return false
        }
    }
}
