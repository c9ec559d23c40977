import Escaping

/// A request path made safe to map onto a folder: percent-decoded, split into segments, with every
/// way of climbing out (`..`, `%2e%2e`, encoded slashes) refused before the file system is touched.
///
/// Everything happens on UTF-8 bytes, as the file system sees them: a `/` followed by a combining mark,
/// a zero-width joiner or a variation selector is still a separator (Swift's `Character` would glue
/// them into one grapheme and hide the slash). The path is percent-decoded exactly once (RFC 3986):
/// `%252e%252e` is the literal name `%2e%2e`, not `..`. Overlong and other invalid UTF-8 (`%c0%ae`),
/// NUL and backslashes are refused as malformed.
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

    private static let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")

    /// Parses the path part of a request target (no query), e.g. `/thema/wonen/`.
    init(_ path: String) throws(Problem) {
        let bytes = Array(path.utf8)
        guard bytes.first == RequestPath.slash else { throw .malformed }
        guard let decoded = PercentEncoding.decoded(bytes, keepingInvalidEscapes: false) else { throw .malformed }
        // Decoding first and splitting after means `%2F` counts as a slash and `..%2F` is caught too.
        guard !decoded.contains(0), !decoded.contains(UInt8(ascii: "\\")) else { throw .malformed }
        var segments: [String] = []
        for part in decoded.split(separator: RequestPath.slash, omittingEmptySubsequences: true) {
            if part.count == 1 && part.first == RequestPath.dot { continue }
            if part.count == 2 && part.allSatisfy({ $0 == RequestPath.dot }) { throw .traversal }
            guard let segment = String(validating: part, as: UTF8.self) else { throw .malformed }
            segments.append(segment)
        }
        self.segments = segments
        let last = decoded.split(separator: RequestPath.slash, omittingEmptySubsequences: false).last
        trailingSlash = last.map { $0.isEmpty || ($0.count == 1 && $0.first == RequestPath.dot) } ?? true
    }

    /// The path relative to the served folder, e.g. `thema/wonen/index.html`.
    var relative: String { segments.joined(separator: "/") }
}
