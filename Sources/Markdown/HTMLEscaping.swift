import Escaping

// URL percent-encoding, the GFM tag filter and the safe-mode URL check, all on bytes. Text and
// attributes are escaped by the package's one escaper (`HTMLEscaper`, in cmark's style).

enum HTMLEscaping {
    /// Appends text escaped by `HTMLEscaper` in cmark's style to the renderer's own buffer.
    static func appendText(_ p: Bytes, to out: inout RawArray<UInt8>) {
        let n = p.count
        out.reserve(n)
        var runStart = 0
        while true {
            let i = HTMLEscaper.firstEscapedIndex(in: p, from: runStart, style: .commonMark)
            if i > runStart { out.append(contentsOf: Bytes(rebasing: p[runStart..<i])) }
            if i == n { break }
            out.append(HTMLEscaper.entity(for: p[i], style: .commonMark))
            runStart = i + 1
        }
    }

    static func appendText(_ bytes: [UInt8], to out: inout RawArray<UInt8>) {
        bytes.withUnsafeBufferPointer { appendText($0, to: &out) }
    }

    /// Bytes that stay as they are in an `href`; everything else is percent-encoded, except `&` and
    /// `'`, which become entities.
    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "-_.+!*(),%#@?=;:/$~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8 {
            table[Int(c)] = true
        }
        return table
    }()

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends a URL for an `href`/`src` attribute, percent-encoded where needed.
    static func appendURL(_ p: Bytes, to out: inout RawArray<UInt8>) {
        let n = p.count
        out.reserve(n)
        hrefSafe.withUnsafeBufferPointer { safe in
            var runStart = 0
            var i = 0
            while i < n {
                let c = p[i]
                if safe[Int(c)] {
                    i += 1
                    continue
                }
                if i > runStart { out.append(contentsOf: Bytes(rebasing: p[runStart..<i])) }
                if c == .ampersand {
                    out.append("&amp;")
                } else if c == .apostrophe {
                    out.append("&#x27;")
                } else {
                    out.append(.percentSign)
                    out.append(hexDigits[Int(c >> 4)])
                    out.append(hexDigits[Int(c & 15)])
                }
                i += 1
                runStart = i
            }
            if n > runStart { out.append(contentsOf: Bytes(rebasing: p[runStart..<n])) }
        }
    }

    /// Appends raw HTML with the GFM tag filter applied: `<` of the filtered tags becomes `&lt;`.
    static func appendFiltered(_ p: Bytes, to out: inout RawArray<UInt8>) {
        var runStart = 0
        var i = 0
        let n = p.count
        while i < n {
            if p[i] == .lessThan && isFilteredTag(p, i + 1, n) {
                out.append(contentsOf: Bytes(rebasing: p[runStart..<i]))
                out.append("&lt;")
                runStart = i + 1
            }
            i += 1
        }
        out.append(contentsOf: Bytes(rebasing: p[runStart..<n]))
    }

    private static func isFilteredTag(_ p: Bytes, _ start: Int, _ n: Int) -> Bool {
        var i = start
        if i < n && p[i] == .slash { i += 1 }
        for name in HTMLNames.filtered where matchesLowercase(p, i, n, name) {
            let j = i + name.withUTF8Buffer { $0.count }
            if j >= n { return true }
            let c = p[j]
            if isASCIIWhitespace(c) || c == .greaterThan { return true }
            if c == .slash && j + 1 < n && p[j + 1] == .greaterThan { return true }
        }
        return false
    }

    /// Whether a URL is dangerous in safe mode: `javascript:`, `vbscript:`, `file:`, or `data:` other
    /// than PNG, GIF, JPEG and WebP images.
    static func isDangerousURL(_ p: Bytes) -> Bool {
        let n = p.count
        if matchesLowercase(p, 0, n, "javascript:") || matchesLowercase(p, 0, n, "vbscript:")
            || matchesLowercase(p, 0, n, "file:")
        {
            return true
        }
        if matchesLowercase(p, 0, n, "data:") {
            return
                !(matchesLowercase(p, 5, n, "image/png") || matchesLowercase(p, 5, n, "image/gif")
                || matchesLowercase(p, 5, n, "image/jpeg") || matchesLowercase(p, 5, n, "image/webp"))
        }
        return false
    }
}
