/// One header line of a request or response.
struct HTTPHeader: Sendable, Equatable {
    var name: String
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A parsed request head: what a static file server needs, nothing more.
struct HTTPRequest: Sendable, Equatable {
    var method: String
    /// The request target as sent, e.g. `/thema/wonen/?x=1` (absolute-form targets are reduced to it).
    var target: String
    /// The path part of the target, still percent-encoded.
    var path: String
    /// The query without its `?`, if any.
    var query: String?
    /// Minor version of HTTP/1.x.
    var minorVersion: Int
    var headers: [HTTPHeader]

    init(method: String, target: String, minorVersion: Int = 1, headers: [HTTPHeader] = []) {
        self.method = method
        self.target = target
        // On bytes: a `?` followed by a combining mark is still the start of the query.
        let bytes = Array(target.utf8)
        if let mark = bytes.firstIndex(of: UInt8(ascii: "?")) {
            path = String(decoding: bytes[..<mark], as: UTF8.self)
            query = String(decoding: bytes[(mark + 1)...], as: UTF8.self)
        } else {
            path = target
            query = nil
        }
        self.minorVersion = minorVersion
        self.headers = headers
    }

    /// The first value of a header, matched case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// Whether the connection stays open after the response (HTTP/1.1 unless `close`, 1.0 only on request).
    var keepAlive: Bool {
        var close = false
        var keep = false
        for header in headers where header.name.caseInsensitiveEquals("connection") {
            for token in header.value.utf8.split(separator: UInt8(ascii: ",")) {
                let option = Substring(token).trimmingSpaces
                if option.caseInsensitiveEquals("close") { close = true }
                if option.caseInsensitiveEquals("keep-alive") { keep = true }
            }
        }
        return minorVersion >= 1 ? !close : keep
    }
}

extension String {
    /// ASCII case-insensitive comparison; header names are ASCII tokens.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8
        let b = other.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where asciiLowercase(x) != asciiLowercase(y) {
            return false
        }
        return true
    }
}

/// Lowercases an ASCII letter byte; every other byte is returned as is.
@inline(__always)
func asciiLowercase(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
}

extension Substring {
    var trimmingSpaces: String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
