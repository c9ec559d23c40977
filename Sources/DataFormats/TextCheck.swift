/// Checks that input is text we can read safely: well-formed UTF-8, no control characters other than tab and
/// line breaks, and no carriage return without a line feed (line numbers count `\n` only).
enum TextCheck {
    struct Problem {
        var offset: Int
        var message: String
    }

    /// The first problem, or nil when the text is fine. One pass; ASCII takes the fast path.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        var i = 0
        let n = bytes.count
        while i < n {
            // Eight bytes at a time while they are all printable ASCII (0x20...0x7E): no byte has the high
            // bit, none is below 0x20, none is 0x7F.
            if i + 8 <= n {
                let w = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let below20 = (w &- 0x2020_2020_2020_2020) & ~w & high
                let del = w ^ 0x7F7F_7F7F_7F7F_7F7F
                let hasDel = (del &- 0x0101_0101_0101_0101) & ~del & high
                if (w & high) | below20 | hasDel == 0 {
                    i += 8
                    continue
                }
            }
            let b = bytes[i]
            if b >= 0x20 && b < 0x7F || b == 0x0A || b == 0x09 {
                i += 1
                continue
            }
            if b == 0x0D {
                if i + 1 < n && bytes[i + 1] == 0x0A {
                    i += 2
                    continue
                }
                return Problem(
                    offset: i,
                    message: "losse CR (carriage return) zonder LF; sla het bestand op met LF- of CRLF-regeleinden")
            }
            if b < 0x80 {
                return Problem(offset: i, message: "ongeldig stuurteken (code \(b)) in de tekst")
            }
            // Multi-byte sequence: lead byte decides the length and the allowed range of the second byte.
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return invalid(i)
            }
            guard i + length <= n else { return invalid(i) }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return invalid(i) }
            var k = 2
            while k < length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return invalid(i) }
                k += 1
            }
            i += length
        }
        return nil
    }

    private static func invalid(_ offset: Int) -> Problem {
        Problem(offset: offset, message: "ongeldige UTF-8; sla het bestand op als UTF-8")
    }
}
