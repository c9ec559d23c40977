import Foundation
import XCTest

@testable import Server

/// The static server on a free port, talked to over real sockets.
final class HTTPServerTests: XCTestCase {
    private var site: URL!
    private var outside: URL!
    private var server: HTTPServer!

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-server-\(UUID().uuidString)")
        site = base.appendingPathComponent("site")
        outside = base.appendingPathComponent("geheim")
        let files: [String: String] = [
            "index.html": "<html><body><h1>Home</h1></body></html>",
            "404.html": "<html><body>Niet gevonden (eigen pagina)</body></html>",
            "thema/wonen/index.html": "<html><body>Wonen</body></html>",
            "css/site.css": "body{}",
            "js/zoek.js": "let x = 1",
            "zoek/index.json": "[]",
            "feed.xml": "<rss/>",
            "logo.svg": "<svg/>",
            "fonts/a.woff2": "w",
            "jaarverslag-2020.pdf": "%PDF-1.7",
            "lege map/café.txt": "koffie",
        ]
        for (path, text) in files {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("wachtwoord".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(
            at: site.appendingPathComponent("uitweg"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            at: site.appendingPathComponent("lek.txt"), withDestinationURL: outside.appendingPathComponent("secret.txt")
        )
        try FileManager.default.createSymbolicLink(
            at: site.appendingPathComponent("alias.css"),
            withDestinationURL: site.appendingPathComponent("css/site.css"))

        let folder = try ServedFolder(root: site)
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.limits.maxHeadBytes = 4096
        configuration.idleTimeout = 5
        server = HTTPServer(configuration: configuration) { StaticResponder.respond(to: $0, from: folder) }
        try server.start()
        XCTAssertNotEqual(server.port, 0)
    }

    override func tearDown() {
        server.stop()
        try? FileManager.default.removeItem(at: site.deletingLastPathComponent())
    }

    private func client() throws -> TestClient { try TestClient(port: server.port) }

    func testServesIndexWithStatusBodyAndType() throws {
        let response = try client().request("/")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text, "<html><body><h1>Home</h1></body></html>")
        XCTAssertEqual(response.header("content-type"), "text/html; charset=utf-8")
        XCTAssertEqual(response.header("content-length"), "\(response.body.count)")
        XCTAssertNotNil(response.header("date"))
    }

    func testContentTypesOfSiteFiles() throws {
        let connection = try client()
        let expected = [
            "/css/site.css": "text/css; charset=utf-8",
            "/js/zoek.js": "text/javascript; charset=utf-8",
            "/zoek/index.json": "application/json",
            "/feed.xml": "application/xml",
            "/logo.svg": "image/svg+xml",
            "/fonts/a.woff2": "font/woff2",
            "/jaarverslag-2020.pdf": "application/pdf",
        ]
        for (path, type) in expected.sorted(by: { $0.key < $1.key }) {
            let response = try connection.request(path)
            XCTAssertEqual(response.status, 200, path)
            XCTAssertEqual(response.header("content-type"), type, path)
        }
    }

    func testFolderRedirectsToTrailingSlashThenServesIndex() throws {
        let connection = try client()
        let redirect = try connection.request("/thema/wonen?x=1")
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect.header("location"), "/thema/wonen/?x=1")
        let page = try connection.request("/thema/wonen/")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.text, "<html><body>Wonen</body></html>")
    }

    func testEncodedNamesAreServed() throws {
        let response = try client().request("/lege%20map/caf%C3%A9.txt")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text, "koffie")
        XCTAssertEqual(try client().request("/lege%20map").header("location"), "/lege%20map/")
    }

    func testMissingPageGetsTheSitesOwn404() throws {
        let connection = try client()
        let response = try connection.request("/bestaat/niet")
        XCTAssertEqual(response.status, 404)
        XCTAssertTrue(response.text.contains("eigen pagina"))
        XCTAssertEqual(try connection.request("/css/site.css/").status, 404, "a file asked for as a folder")
        XCTAssertEqual(try connection.request("/lege%20map/").status, 404, "a folder without index.html")
    }

    func testHeadHasHeadersButNoBody() throws {
        let connection = try client()
        let head = try connection.request("/css/site.css", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("content-length"), "6")
        XCTAssertEqual(head.body, [])
        // The next response on the same connection is read correctly, so no body was sent.
        let get = try connection.request("/css/site.css")
        XCTAssertEqual(get.text, "body{}")
    }

    func testKeepAliveServesManyRequestsOnOneConnection() throws {
        let connection = try client()
        for _ in 0..<20 {
            let response = try connection.request("/feed.xml")
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.header("connection"), "keep-alive")
        }
        let last = try connection.request("/feed.xml", headers: ["Connection: close"])
        XCTAssertEqual(last.header("connection"), "close")
        XCTAssertTrue(connection.isClosedByServer())
    }

    func testPipelinedRequestsAreAnsweredInOrder() throws {
        let connection = try client()
        try connection.send("GET /feed.xml HTTP/1.1\r\nHost: a\r\n\r\nGET /logo.svg HTTP/1.1\r\nHost: a\r\n\r\n")
        XCTAssertEqual(try connection.readResponse().text, "<rss/>")
        XCTAssertEqual(try connection.readResponse().text, "<svg/>")
    }

    func testTraversalAttemptsAreRefused() throws {
        for path in [
            "/../geheim/secret.txt", "/%2e%2e/geheim/secret.txt", "/css/%2E%2E/%2e%2e/geheim/secret.txt",
            "/..%2fgeheim%2fsecret.txt",
        ] {
            let response = try client().request(path)
            XCTAssertEqual(response.status, 403, path)
            XCTAssertFalse(response.text.contains("wachtwoord"), path)
        }
        for path in ["/uitweg/secret.txt", "/lek.txt", "/uitweg/"] {
            let response = try client().request(path)
            XCTAssertEqual(response.status, 403, path)
            XCTAssertFalse(response.text.contains("wachtwoord"), path)
        }
        XCTAssertEqual(try client().request("/alias.css").status, 200, "a symlink that stays inside is fine")
    }

    func testMalformedRequestGets400AndOtherClientsContinue() throws {
        let good = try client()
        XCTAssertEqual(try good.request("/").status, 200)
        let bad = try client()
        try bad.send("DIT IS GEEN HTTP\r\n\r\n")
        let response = try bad.readResponse()
        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.header("connection"), "close")
        XCTAssertTrue(bad.isClosedByServer())
        XCTAssertEqual(try good.request("/").status, 200)
    }

    func testOversizedRequestGets400() throws {
        let connection = try client()
        try connection.send("GET / HTTP/1.1\r\nHost: a\r\nX-Groot: " + String(repeating: "x", count: 8000) + "\r\n\r\n")
        XCTAssertEqual(try connection.readResponse().status, 400)
        XCTAssertEqual(try client().request("/").status, 200)
    }

    func testOtherMethodsGet405() throws {
        let response = try client().request("/", method: "POST")
        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.header("allow"), "GET, HEAD")
    }

    func testManyClientsAtOnce() throws {
        let port = server.port
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            do {
                let connection = try TestClient(port: port)
                for i in 0..<25 {
                    let path = (worker + i) % 2 == 0 ? "/css/site.css" : "/thema/wonen/"
                    let response = try connection.request(path)
                    if response.status != 200 { failures.add("\(path): \(response.status)") }
                }
            } catch {
                failures.add("\(error)")
            }
        }
        XCTAssertEqual(failures.items, [])
    }

    func testUnchangedFileGets304WithItsETag() throws {
        let connection = try client()
        let first = try connection.request("/css/site.css")
        let etag = try XCTUnwrap(first.header("etag"))
        XCTAssertTrue(etag.hasPrefix("\"") && etag.hasSuffix("\""), etag)
        let again = try connection.request("/css/site.css", headers: ["If-None-Match: \"ander\", W/\(etag)"])
        XCTAssertEqual(again.status, 304)
        XCTAssertEqual(again.body, [])
        XCTAssertNil(again.header("content-length"))
        XCTAssertEqual(try connection.request("/css/site.css", headers: ["If-None-Match: \"ander\""]).status, 200)
        XCTAssertNotEqual(try connection.request("/feed.xml").header("etag"), etag)
    }

    func testRequestHeadTricklingInTooSlowlyGets408() throws {
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.idleTimeout = 0.3
        let slow = HTTPServer(configuration: configuration) { _ in HTTPResponse(status: 200) }
        try slow.start()
        defer { slow.stop() }
        let connection = try TestClient(port: slow.port)
        for byte in "GET / HTTP/1.1\r\n" {
            guard (try? connection.send(String(byte))) != nil else { break }
            usleep(50_000)
        }
        XCTAssertEqual(try connection.readResponse().status, 408)
    }

    func testStopClosesConnectionsAndFreesThePort() throws {
        let connection = try client()
        XCTAssertEqual(try connection.request("/").status, 200)
        server.stop()
        XCTAssertTrue(connection.isClosedByServer())
        XCTAssertEqual(server.activeConnections, 0)
        XCTAssertThrowsError(try TestClient(port: server.port))
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var items: [String] = []
    func add(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }
}
