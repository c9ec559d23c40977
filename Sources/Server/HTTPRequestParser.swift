/// Why a request was refused before it reached a handler: the status to answer with and a Dutch reason.
struct HTTPRequestError: Error, Sendable, Equatable {
    var status: Int
    var message: String

    init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }
}

/// Size limits that keep one client from exhausting the server.
struct HTTPLimits: Sendable {
    /// Request line plus headers, in bytes.
    var maxHeadBytes = 16 * 1024
    var maxHeaderCount = 100
    /// A GET or HEAD body is read and discarded; anything bigger is refused.
    var maxBodyBytes = 64 * 1024

    init() {}
}

/// Parses HTTP/1.x request heads from raw bytes (RFC 9112), strictly: anything ambiguous is a 400,
/// since a preview server has no reason to be lenient with clients that are not browsers.
enum HTTPRequestParser {
    /// The outcome of parsing what has arrived so far.
    enum Result: Equatable {
        /// Not a whole request yet: read more bytes.
        case incomplete
        /// A request, and how many bytes it used (head and discarded body).
        case request(HTTPRequest, consumed: Int)
        /// Refuse and close the connection.
        case invalid(HTTPRequestError)
    }

    /// Parses the request at the start of `bytes` (what a connection has received so far).
    static func parse(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits()) -> Result {
        bytes.withUnsafeBufferPointer { parse($0, limits: limits) }
    }

    /// Parses the request at the start of `buffer`.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, limits: HTTPLimits) -> Result {
        let count = buffer.count
        var lines: [Range<Int>] = []
        var lineStart = 0
        var headEnd = -1
        var index = 0
        // Split the head into lines (CRLF, or a bare LF as RFC 9112 allows) up to the empty line.
        while index < count {
            if index >= limits.maxHeadBytes {
                return .invalid(HTTPRequestError(400, "de aanvraagkop is te groot"))
            }
            if buffer[index] == 0x0A {
                var end = index
                if end > lineStart, buffer[end - 1] == 0x0D { end -= 1 }
                if end == lineStart {
                    // Empty lines before the request line are ignored (RFC 9112 §2.2).
                    if lines.isEmpty {
                        lineStart = index + 1
                        index += 1
                        continue
                    }
                    headEnd = index + 1
                    break
                }
                lines.append(lineStart..<end)
                if lines.count > limits.maxHeaderCount + 1 {
                    return .invalid(HTTPRequestError(400, "te veel kopregels"))
                }
                lineStart = index + 1
            }
            index += 1
        }
        guard headEnd >= 0 else {
            return count >= limits.maxHeadBytes
                ? .invalid(HTTPRequestError(400, "de aanvraagkop is te groot")) : .incomplete
        }
        var request: HTTPRequest
        switch parseRequestLine(buffer, lines[0]) {
        case .success(let value): request = value
        case .failure(let error): return .invalid(error)
        }
        for line in lines.dropFirst() {
            switch parseHeader(buffer, line) {
            case .success(let header): request.headers.append(header)
            case .failure(let error): return .invalid(error)
            }
        }
        let hosts = request.headers.filter { $0.name.caseInsensitiveEquals("host") }
        if request.minorVersion >= 1 && hosts.count != 1 || hosts.count > 1 {
            return .invalid(HTTPRequestError(400, "precies één Host-kopregel vereist"))
        }
        if request.header("transfer-encoding") != nil {
            return .invalid(HTTPRequestError(400, "Transfer-Encoding wordt niet ondersteund"))
        }
        var bodyLength = 0
        let lengths = request.headers.filter { $0.name.caseInsensitiveEquals("content-length") }.map(\.value)
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.count <= 18,
                first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(first)
            else {
                return .invalid(HTTPRequestError(400, "ongeldige Content-Length"))
            }
            guard value <= limits.maxBodyBytes else {
                return .invalid(HTTPRequestError(400, "de aanvraag is te groot"))
            }
            bodyLength = value
        }
        guard count - headEnd >= bodyLength else { return .incomplete }
        return .request(request, consumed: headEnd + bodyLength)
    }

    private static func parseRequestLine(_ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>)
        -> Swift.Result<HTTPRequest, HTTPRequestError>
    {
        let bad = HTTPRequestError(400, "ongeldige aanvraagregel")
        // method SP request-target SP HTTP-version, with exactly one space between the parts.
        var parts: [Range<Int>] = []
        var start = line.lowerBound
        for i in line where buffer[i] == 0x20 {
            parts.append(start..<i)
            start = i + 1
        }
        parts.append(start..<line.upperBound)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return .failure(bad) }
        guard parts[0].allSatisfy({ isTokenByte(buffer[$0]) }) else { return .failure(bad) }
        // Visible ASCII only (browsers percent-encode everything else), and no fragment.
        guard parts[1].allSatisfy({ buffer[$0] > 0x20 && buffer[$0] < 0x7F && buffer[$0] != UInt8(ascii: "#") }) else {
            return .failure(bad)
        }
        let version = Array(buffer[parts[2]])
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)), version[6] == UInt8(ascii: "."),
            isDigit(version[5]), isDigit(version[7])
        else { return .failure(bad) }
        guard version[5] == UInt8(ascii: "1") else {
            return .failure(HTTPRequestError(505, "alleen HTTP/1.0 en HTTP/1.1 worden ondersteund"))
        }
        let method = String(decoding: buffer[parts[0]], as: UTF8.self)
        var target = Array(buffer[parts[1]])
        if target[0] != UInt8(ascii: "/") {
            // Absolute form (`http://host/path`) must be accepted by servers (RFC 9112 §3.2.2).
            let lower = target.map(asciiLowercase)
            let scheme =
                lower.starts(with: Array("http://".utf8)) ? 7 : lower.starts(with: Array("https://".utf8)) ? 8 : 0
            guard scheme > 0 else { return .failure(bad) }
            if let end = target[scheme...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) {
                target = (target[end] == UInt8(ascii: "/") ? [] : [UInt8(ascii: "/")]) + target[end...]
            } else {
                target = [UInt8(ascii: "/")]
            }
        }
        let targetText = String(decoding: target, as: UTF8.self)
        return .success(HTTPRequest(method: method, target: targetText, minorVersion: Int(version[7] - 0x30)))
    }

    private static func parseHeader(_ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>)
        -> Swift.Result<HTTPHeader, HTTPRequestError>
    {
        let bad = HTTPRequestError(400, "ongeldige kopregel")
        guard let colon = line.first(where: { buffer[$0] == UInt8(ascii: ":") }), colon > line.lowerBound else {
            return .failure(bad)
        }
        // No whitespace before the colon and no obsolete line folding (RFC 9112 §5.1, §5.2).
        guard (line.lowerBound..<colon).allSatisfy({ isTokenByte(buffer[$0]) }) else { return .failure(bad) }
        var valueStart = colon + 1
        var valueEnd = line.upperBound
        while valueStart < valueEnd, buffer[valueStart] == 0x20 || buffer[valueStart] == 0x09 { valueStart += 1 }
        while valueEnd > valueStart, buffer[valueEnd - 1] == 0x20 || buffer[valueEnd - 1] == 0x09 { valueEnd -= 1 }
        for i in valueStart..<valueEnd {
            let b = buffer[i]
            if b == 0x7F || (b < 0x20 && b != 0x09) { return .failure(bad) }
        }
        return .success(
            HTTPHeader(
                String(decoding: buffer[line.lowerBound..<colon], as: UTF8.self),
                String(decoding: buffer[valueStart..<valueEnd], as: UTF8.self)))
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// `tchar` of RFC 9110 §5.6.2.
    @inline(__always)
    static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default: return false
        }
    }
}
