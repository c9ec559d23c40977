/// The package's one JSON string writer, on UTF-8 bytes.
public enum JSONEscaper {
    /// How much is escaped beyond what JSON requires. The outputs differ by design.
    public enum Style: Sendable {
        /// What JSON requires (`"`, `\`, control characters; `\b \f \n \r \t` in short form), as Python's
        /// `json.dumps(ensure_ascii=False)` writes it.
        case standard
        /// Also `<`, `>`, `&`, `'`, U+2028 and U+2029 as `\u` escapes, so the text stays inert inside a
        /// `<script>` element, an HTML attribute or JavaScript source.
        case htmlSafe
        /// `htmlSafe` with every character beyond ASCII (and DEL) as `\u` escapes, in UTF-16 pairs beyond
        /// the BMP: Jinja2's `tojson`.
        case htmlSafeASCII
    }

    /// Appends `text` as a JSON string literal, quotes included.
    public static func appendQuoted(_ text: String, style: Style, to out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            let n = bytes.count
            func flush(_ end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            while i < n {
                let c = bytes[i]
                if c >= 0x80 {
                    guard style != .standard else {
                        i += 1
                        continue
                    }
                    let (scalar, length) = decode(bytes, at: i)
                    if style == .htmlSafeASCII || scalar == 0x2028 || scalar == 0x2029 {
                        flush(i)
                        if scalar > 0xFFFF {
                            let v = scalar - 0x10000
                            appendUnicodeEscape(0xD800 + (v >> 10), to: &out)
                            appendUnicodeEscape(0xDC00 + (v & 0x3FF), to: &out)
                        } else {
                            appendUnicodeEscape(scalar, to: &out)
                        }
                        runStart = i + length
                    }
                    i += length
                    continue
                }
                let short: UInt8
                switch c {
                case 0x22: short = 0x22
                case 0x5C: short = 0x5C
                case 0x0A: short = UInt8(ascii: "n")
                case 0x0D: short = UInt8(ascii: "r")
                case 0x09: short = UInt8(ascii: "t")
                case 0x08: short = UInt8(ascii: "b")
                case 0x0C: short = UInt8(ascii: "f")
                case 0x00..<0x20: short = 0
                case 0x3C, 0x3E, 0x26, 0x27: short = style == .standard ? 0xFF : 0
                case 0x7F: short = style == .htmlSafeASCII ? 0 : 0xFF
                default: short = 0xFF
                }
                if short == 0xFF {
                    i += 1
                    continue
                }
                flush(i)
                if short == 0 {
                    appendUnicodeEscape(UInt32(c), to: &out)
                } else {
                    out.append(0x5C)
                    out.append(short)
                }
                i += 1
                runStart = i
            }
            flush(n)
        }
        out.append(0x22)
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String, style: Style) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, style: style, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a JSON array of strings.
    public static func appendArray(_ list: [String], style: Style, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, item) in list.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendQuoted(item, style: style, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendUnicodeEscape(_ value: UInt32, to out: inout [UInt8]) {
        out.append(0x5C)
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)]) }
    }

    /// The scalar starting at `i` of valid UTF-8 (a Swift string's bytes) and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 >= 0xF0 {
            return (
                ((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12) | ((UInt32(bytes[i + 2]) & 0x3F) << 6)
                    | (UInt32(bytes[i + 3]) & 0x3F), 4
            )
        }
        if b0 >= 0xE0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F), 3)
        }
        return (((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F), 2)
    }
}
