/// A request path made safe to map onto a folder: percent-decoded, split into segments, with every
/// way of climbing out (`..`, `%2e%2e`, encoded slashes) refused before the file system is touched.
struct RequestPath: Sendable, Equatable {
    /// The decoded segments, without empty ones and `.`; never `..`.
    var segments: [String]
    /// Whether the path ended with a slash (a folder URL).
    var trailingSlash: Bool

    /// Why a path was refused.
    enum Problem: Error, Equatable {
        /// Not decodable: a bad percent escape, a NUL, invalid UTF-8, a backslash.
        case malformed
        /// A `..` segment: an attempt to reach outside the served folder.
        case traversal
    }

    init(segments: [String], trailingSlash: Bool) {
        self.segments = segments
        self.trailingSlash = trailingSlash
    }

    /// Parses the path part of a request target (no query), e.g. `/thema/wonen/`.
    init(_ path: String) throws(Problem) {
        guard path.hasPrefix("/") else { throw .malformed }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(path.utf8.count)
        var bytes = path.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = bytes.next().flatMap(RequestPath.hexValue),
                    let low = bytes.next().flatMap(RequestPath.hexValue)
                else { throw .malformed }
                decoded.append(high << 4 | low)
            } else {
                decoded.append(byte)
            }
        }
        // Decoding first and splitting after means `%2F` counts as a slash and `..%2F` is caught too.
        guard !decoded.contains(0), !decoded.contains(UInt8(ascii: "\\")),
            let text = String(validating: decoded, as: UTF8.self)
        else { throw .malformed }
        var segments: [String] = []
        for part in text.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { throw .traversal }
            segments.append(String(part))
        }
        self.segments = segments
        trailingSlash = text.hasSuffix("/") || text.hasSuffix("/.")
    }

    /// The path relative to the served folder, e.g. `thema/wonen/index.html`.
    var relative: String { segments.joined(separator: "/") }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
