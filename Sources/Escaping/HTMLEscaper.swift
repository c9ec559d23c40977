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
        var runStart = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            // Every escaped byte is at most `>` (0x3E): one comparison passes the bulk of any text.
            if c > 0x3E || !needsEscape(c, style) {
                i += 1
                continue
            }
            if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            appendEntity(c, style, to: &out)
            i += 1
            runStart = i
        }
        if n > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n])) }
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

    @inlinable
    static func appendEntity(_ c: UInt8, _ style: Style, to out: inout [UInt8]) {
        let entity: StaticString
        switch c {
        case 0x26: entity = "&amp;"
        case 0x3C: entity = "&lt;"
        case 0x3E: entity = "&gt;"
        case 0x22: entity = style == .commonMark ? "&quot;" : "&#34;"
        default: entity = "&#39;"
        }
        entity.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}
