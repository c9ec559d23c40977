import Foundation

/// Byte-level helpers for PDF syntax: numbers, names, strings, dates. Everything appends to a byte
/// buffer, so the writer never goes through Foundation formatters.
enum PDFSyntax {
    /// Appends a number with at most `decimals` decimals and no trailing zeros ("12", "12.5", "-0.25").
    static func appendNumber(_ value: Double, decimals: Int = 2, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(0x30)
            return
        }
        // Far beyond any page; clamping keeps the integer conversion below from trapping.
        let value = min(max(value, -1e9), 1e9)
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        var scaled = Int((abs(value) * Double(scale)).rounded())
        if scaled == 0 {
            out.append(0x30)
            return
        }
        if value < 0 { out.append(0x2D) }
        let whole = scaled / scale
        scaled %= scale
        appendInt(whole, to: &out)
        if scaled > 0 {
            out.append(0x2E)
            var digits = decimals
            var fraction = scaled
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            var divisor = 1
            for _ in 1..<max(digits, 1) { divisor *= 10 }
            while divisor > 0 {
                out.append(0x30 + UInt8(fraction / divisor % 10))
                divisor /= 10
            }
        }
    }

    /// Appends a non-negative or negative integer in decimal.
    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        if value < 0 {
            out.append(0x2D)
            appendInt(-value, to: &out)
            return
        }
        if value < 10 {
            out.append(0x30 + UInt8(value))
            return
        }
        var digits: [UInt8] = []
        var v = value
        while v > 0 {
            digits.append(0x30 + UInt8(v % 10))
            v /= 10
        }
        out.append(contentsOf: digits.reversed())
    }

    /// Appends a literal string `( ... )` of raw bytes, escaping the delimiters and the backslash.
    /// Line breaks are escaped too, so a string never spans lines.
    static func appendLiteral(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.append(0x28)
        appendEscaped(bytes, to: &out)
        out.append(0x29)
    }

    /// The escaped body of a literal string, without the parentheses.
    static func appendEscaped(_ bytes: [UInt8], to out: inout [UInt8]) {
        for b in bytes {
            switch b {
            case 0x28, 0x29, 0x5C:
                out.append(0x5C)
                out.append(b)
            case 0x0A:
                out.append(0x5C)
                out.append(0x6E)
            case 0x0D:
                out.append(0x5C)
                out.append(0x72)
            default: out.append(b)
            }
        }
    }

    /// Appends a text string (PDF 32000-1, 7.9.2.2) for metadata and bookmarks: a literal string when the
    /// text is printable ASCII, otherwise UTF-16BE with a byte-order mark, in hex.
    static func appendTextString(_ text: String, to out: inout [UInt8]) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            appendLiteral(Array(text.utf8), to: &out)
            return
        }
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        out.append(contentsOf: Array("<FEFF".utf8))
        for unit in text.utf16 {
            out.append(hex[Int(unit >> 12)])
            out.append(hex[Int(unit >> 8 & 0xF)])
            out.append(hex[Int(unit >> 4 & 0xF)])
            out.append(hex[Int(unit & 0xF)])
        }
        out.append(0x3E)
    }

    /// Appends a name object (`/Name`), escaping characters outside the regular set as `#xx`.
    static func appendName(_ name: String, to out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        out.append(0x2F)
        for b in name.utf8 {
            let delimiter =
                b == 0x28 || b == 0x29 || b == 0x3C || b == 0x3E || b == 0x5B || b == 0x5D
                || b == 0x7B || b == 0x7D || b == 0x2F || b == 0x25 || b == 0x23
            if b <= 0x20 || b >= 0x7F || delimiter {
                out.append(0x23)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            } else {
                out.append(b)
            }
        }
    }

    /// A date in PDF format, `D:YYYYMMDDHHmmSSZ`, in UTC.
    static func date(_ date: Date) -> String {
        let t = utc(date)
        return "D:\(t.year)\(t.month)\(t.day)\(t.hour)\(t.minute)\(t.second)Z"
    }

    /// A date in XMP (ISO 8601) format, `2021-06-01T00:00:00Z`: the same instant as `date(_:)`.
    static func xmpDate(_ date: Date) -> String {
        let t = utc(date)
        return "\(t.year)-\(t.month)-\(t.day)T\(t.hour):\(t.minute):\(t.second)Z"
    }

    /// The date's UTC fields as text, two digits each (four for the year).
    private static func utc(_ date: Date) -> (
        year: String, month: String, day: String, hour: String, minute: String, second: String
    ) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return (
            "\(parts.tm_year + 1900)", two(parts.tm_mon + 1), two(parts.tm_mday), two(parts.tm_hour), two(parts.tm_min),
            two(parts.tm_sec)
        )
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of a string literal; for PDF keywords and operators.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
