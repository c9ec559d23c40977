// Escaping for HTML text and attributes, URL percent-encoding, the GFM tag filter and the safe-mode
// URL check, all on bytes.

enum HTMLEscaping {
    /// Appends text with `&`, `<`, `>` and `"` escaped. Eight bytes at a time: `byte | 2 == '>'` holds
    /// exactly for `<` and `>`, `byte | 4 == '&'` exactly for `"` and `&`, so two zero-byte tests on a
    /// word find the first byte to escape.
    static func appendText(_ p: Bytes, to out: inout RawArray<UInt8>) {
        let n = p.count
        guard n > 0, let base = p.baseAddress else { return }
        out.reserve(n)
        let raw = UnsafeRawPointer(base)
        let angleBrackets = SWAR.repeated(.greaterThan)
        let quoteOrAmpersand = SWAR.repeated(.ampersand)
        let bit1 = SWAR.repeated(0x02)
        let bit2 = SWAR.repeated(0x04)
        var runStart = 0
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let found = SWAR.zeroBytes((word | bit1) ^ angleBrackets) | SWAR.zeroBytes((word | bit2) ^ quoteOrAmpersand)
                if found == 0 {
                    i += 8
                    continue
                }
                i += found.trailingZeroBitCount >> 3
            } else if !needsEscaping(p[i]) {
                i += 1
                continue
            }
            if i > runStart { out.append(contentsOf: Bytes(rebasing: p[runStart..<i])) }
            appendEscaped(p[i], to: &out)
            i += 1
            runStart = i
        }
        if n > runStart { out.append(contentsOf: Bytes(rebasing: p[runStart..<n])) }
    }

    @inline(__always) static func needsEscaping(_ c: UInt8) -> Bool {
        c == .ampersand || c == .lessThan || c == .greaterThan || c == .quotationMark
    }

    @inline(__always) static func appendEscaped(_ c: UInt8, to out: inout RawArray<UInt8>) {
        switch c {
        case .ampersand: out.append("&amp;")
        case .lessThan: out.append("&lt;")
        case .greaterThan: out.append("&gt;")
        default: out.append("&quot;")
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
        for c in p {
            if hrefSafe[Int(c)] {
                out.append(c)
            } else if c == .ampersand {
                out.append("&amp;")
            } else if c == .apostrophe {
                out.append("&#x27;")
            } else {
                out.append(.percentSign)
                out.append(hexDigits[Int(c >> 4)])
                out.append(hexDigits[Int(c & 15)])
            }
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
            let j = i + name.utf8CodeUnitCount
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
