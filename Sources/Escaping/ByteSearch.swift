#if canImport(Glibc)
    import Glibc
#endif

/// The package's one search for a byte string in bytes (HTML tags in a body, markers in a report): the
/// first byte found by `memchr`, the second compared before the rest, since the needles are mostly
/// tags and every tag begins with `<`.
public enum ByteSearch {
    /// The first index at or after `start` where `needle` occurs in `bytes`.
    public static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { firstIndex(of: needle, in: $0, from: start) }
    }

    /// Whether `text` holds `needle` (as bytes: no Unicode matching).
    public static func contains(_ needle: String, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { firstIndex(of: Array(needle.utf8), in: $0, from: 0) != nil }
    }

    /// The first index at or after `start` where `needle` occurs in `haystack`.
    public static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int)
        -> Int?
    {
        guard !needle.isEmpty, start >= 0, needle.count <= haystack.count - start, let base = haystack.baseAddress
        else { return nil }
        return needle.withUnsafeBufferPointer { needle in
            let last = haystack.count - needle.count
            let (first, count) = (needle[0], needle.count)
            var i = start
            while i <= last {
                guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if count == 1 || (base[i + 1] == needle[1] && memcmp(base + i, needle.baseAddress!, count) == 0) {
                    return i
                }
                i += 1
            }
            return nil
        }
    }
}
