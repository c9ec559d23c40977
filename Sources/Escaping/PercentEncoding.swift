/// The package's one percent-encoder for URL path segments, and its one decoder.
public enum PercentEncoding {
    /// `segment` with RFC 3986's unreserved characters as they are and every other byte of its UTF-8
    /// as `%XX` (upper-case hex): safe as one segment of a path.
    public static func pathSegment(_ segment: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(segment.utf8.count)
        for byte in segment.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `bytes` with every `%XX` (either case of hex) made the byte it stands for. A `%` not followed by
    /// two hex digits is kept as written with `keepingInvalidEscapes` (a link as an editor wrote it), and
    /// makes the whole nil without (a request path, refused). The result need not be valid UTF-8.
    public static func decoded(_ bytes: some Collection<UInt8>, keepingInvalidEscapes: Bool) -> [UInt8]? {
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: return byte - 0x30
            case 0x41...0x46: return byte - 0x41 + 10
            case 0x61...0x66: return byte - 0x61 + 10
            default: return nil
            }
        }
        let bytes = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                if i + 2 < bytes.count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
                if !keepingInvalidEscapes { return nil }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}
