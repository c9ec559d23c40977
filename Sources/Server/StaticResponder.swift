import Escaping

/// Answers GET and HEAD from a served folder: files with their content type, `index.html` for folders
/// (after a redirect to the trailing slash), the site's own `404.html` with status 404.
enum StaticResponder {
    /// The response to a request for a file of `folder`.
    static func respond(to request: HTTPRequest, from folder: ServedFolder) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = HTTPResponse.message(
                405, "Methode niet toegestaan", "Alleen GET en HEAD worden ondersteund.")
            response.headers.append(HTTPHeader("Allow", "GET, HEAD"))
            return response
        }
        let path: RequestPath
        do {
            path = try RequestPath(request.path)
        } catch .traversal {
            return .message(403, "Toegang geweigerd", "Dit pad ligt buiten de site.")
        } catch {
            return .message(400, "Ongeldige aanvraag", "Het pad is ongeldig.")
        }
        switch folder.resolve(path) {
        case .file(let contentType, let body, let etag):
            // `no-cache` makes browsers ask again on every load; an unchanged file then costs a 304.
            if let match = request.header("if-none-match"), matches(match, etag) {
                return HTTPResponse(
                    status: 304, headers: [HTTPHeader("ETag", etag), HTTPHeader("Cache-Control", "no-cache")])
            }
            return HTTPResponse(
                status: 200,
                headers: [
                    HTTPHeader("Content-Type", contentType),
                    HTTPHeader("Cache-Control", "no-cache"),
                    HTTPHeader("ETag", etag),
                ], body: body)
        case .folderWithoutSlash:
            // Rebuilt from the decoded segments so the Location is always a plain local path.
            var location = "/" + path.segments.map(percentEncode).joined(separator: "/") + "/"
            if let query = request.query { location += "?" + query }
            return .redirect(to: location)
        case .forbidden:
            return .message(403, "Toegang geweigerd", "Dit pad ligt buiten de site.")
        case .notFound:
            return notFound(folder)
        }
    }

    /// The site's `404.html` with status 404, or a plain Dutch page when the site has none.
    static func notFound(_ folder: ServedFolder) -> HTTPResponse {
        if case .file(let contentType, let body, _) = folder.resolve(
            RequestPath(segments: ["404.html"], trailingSlash: false))
        {
            return HTTPResponse(status: 404, headers: [HTTPHeader("Content-Type", contentType)], body: body)
        }
        return .message(404, "Pagina niet gevonden", "Deze pagina bestaat niet (meer).")
    }

    /// Whether an `If-None-Match` value (a list of tags, or `*`) names the tag; weak tags compare equal.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.utf8.split(separator: UInt8(ascii: ",")).contains { candidate in
            var tag = Substring(candidate).trimmingSpaces
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }

    /// Percent-encodes a path segment: unreserved characters stay, everything else becomes `%XX`.
    static func percentEncode(_ segment: String) -> String {
        PercentEncoding.pathSegment(segment)
    }
}
