import Escaping

/// A response: status, headers and the whole body in memory (site files are small), or an event
/// stream that stays open.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: [HTTPHeader]
    var body: [UInt8]
    /// Set for a Server-Sent Events response: the connection is handed to this stream after the head.
    var eventStream: EventStream?

    init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A small HTML page with a Dutch text, for errors that have no page of the site's own.
    static func message(_ status: Int, _ title: String, _ text: String = "") -> HTTPResponse {
        let html =
            "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>\(HTMLEscaper.escape(title))</title></head>"
            + "<body><h1>\(HTMLEscaper.escape(title))</h1>"
            + (text.isEmpty ? "" : "<p>\(HTMLEscaper.escape(text))</p>") + "</body></html>\n"
        return HTTPResponse(
            status: status, headers: [HTTPHeader("Content-Type", "text/html; charset=utf-8")],
            body: Array(html.utf8))
    }

    /// A redirect to `location` (a path on this server).
    static func redirect(to location: String, status: Int = 301) -> HTTPResponse {
        var response = message(status, "Verplaatst", "Deze pagina staat op \(location)")
        response.headers.append(HTTPHeader("Location", location))
        return response
    }

    /// A response that hands the connection to an event stream.
    static func eventStream(_ stream: EventStream) -> HTTPResponse {
        var response = HTTPResponse(
            status: 200,
            headers: [
                HTTPHeader("Content-Type", "text/event-stream; charset=utf-8"),
                HTTPHeader("Cache-Control", "no-store"),
            ])
        response.eventStream = stream
        return response
    }

    /// The first value of a header, matched case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// The status line and headers, ending with the empty line. Content-Length is added from the body
    /// (for HEAD too, so it matches GET) except on event streams, which have no length.
    func head(keepAlive: Bool, date: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        add("HTTP/1.1 \(status) ")
        add(HTTPResponse.reason(status))
        add("\r\n")
        for header in headers {
            add(header.name)
            add(": ")
            add(header.value)
            add("\r\n")
        }
        if eventStream == nil && status != 304 {
            add("Content-Length: \(body.count)\r\n")
        }
        add("Date: ")
        add(date)
        add("\r\nServer: breingen\r\nX-Content-Type-Options: nosniff\r\n")
        add(keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n")
        return out
    }

    /// The reason phrase for a status code.
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        case 505: return "HTTP Version Not Supported"
        default: return "Status \(status)"
        }
    }
}
