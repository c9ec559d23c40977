/// The package's one HTML escaper, on UTF-8 bytes. Unchanged runs are copied in one go.
public enum HTMLEscaper {
    /// Which characters become which entities. The outputs differ by design: each matches the reference
    /// implementation its module is tested against byte for byte.
    public enum Style: Sendable {
        /// `& < > "` as `&amp; &lt; &gt; &quot;`, as cmark writes Markdown output.
        case commonMark
        /// `& < > " '` as `&amp; &lt; &gt; &#34; &#39;`, as Jinja2's markupsafe does: safe in element
        /// content and in attribute values with either quote, and in XML.
        case markupSafe
    }

    /// Appends `bytes` escaped in `style` to `out`.
    @inlinable
    public static func append(_ bytes: UnsafeBufferPointer<UInt8>, style: Style = .markupSafe, to out: inout [UInt8]) {
        let n = bytes.count
        var runStart = 0
        while true {
            let i = firstEscapedIndex(in: bytes, from: runStart, style: style)
            if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            if i == n { break }
            entity(for: bytes[i], style: style).withUTF8Buffer { out.append(contentsOf: $0) }
            runStart = i + 1
        }
    }

    /// The index of the first byte in `bytes[start...]` that `style` escapes, or `bytes.count` when
    /// there is none. It looks at eight bytes at a time, so callers with their own output buffer (the
    /// Markdown renderer) escape exactly as `append` does.
    @inlinable
    public static func firstEscapedIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, style: Style) -> Int {
        let n = bytes.count
        guard let base = bytes.baseAddress, start < n else { return n }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 8 <= n {
            let found = escapedBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), style)
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        if i < n && n >= 8 {
            // The last few bytes: the word that ends at the end, shifted to start at `i` (the zero
            // bytes shifted in are not escaped; bytes before `i` would make the test inexact above).
            let word = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) >> UInt64((i - (n - 8)) * 8)
            let found = escapedBytes(word, style)
            return found == 0 ? n : i + found.trailingZeroBitCount >> 3
        }
        while i < n && !needsEscape(bytes[i], style) { i += 1 }
        return i
    }

    /// The high bit of each byte of `word` (eight bytes, little-endian) that `style` escapes; exact for
    /// the lowest one, which is all the caller uses. A byte is zero exactly when subtracting one
    /// borrows into its high bit while its own high bit is clear; `byte | 2 == '>'` holds exactly for
    /// `<` and `>`, `byte | 4 == '&'` exactly for `"` and `&`.
    @inlinable @inline(__always)
    static func escapedBytes(_ word: UInt64, _ style: Style) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func zeroBytes(_ w: UInt64) -> UInt64 { (w &- ones) & ~w & (ones << 7) }
        var found =
            zeroBytes((word | ones &* 0x02) ^ (ones &* 0x3E)) | zeroBytes((word | ones &* 0x04) ^ (ones &* 0x26))
        if style == .markupSafe { found |= zeroBytes(word ^ (ones &* 0x27)) }
        return found
    }

    /// Appends `bytes` escaped in `style` to `out`.
    @inlinable
    public static func append(_ bytes: [UInt8], style: Style = .markupSafe, to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0, style: style, to: &out) }
    }

    /// Appends the UTF-8 bytes of `text` escaped in `style` to `out`.
    @inlinable
    public static func append(_ text: String, style: Style = .markupSafe, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, style: style, to: &out) }
    }

    /// `text` escaped in `style`; `text` itself when it has nothing to escape.
    public static func escape(_ text: String, style: Style = .markupSafe) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { $0 <= 0x3E && needsEscape($0, style) }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            append(bytes, style: style, to: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    @inlinable @inline(__always)
    static func needsEscape(_ c: UInt8, _ style: Style) -> Bool {
        switch c {
        case 0x26, 0x3C, 0x3E, 0x22: return true
        case 0x27: return style == .markupSafe
        default: return false
        }
    }

    /// The entity `style` writes for a byte it escapes (see `firstEscapedIndex`).
    @inlinable
    public static func entity(for c: UInt8, style: Style) -> StaticString {
        switch c {
        case 0x26: return "&amp;"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x22: return style == .commonMark ? "&quot;" : "&#34;"
        default: return "&#39;"
        }
    }
}
