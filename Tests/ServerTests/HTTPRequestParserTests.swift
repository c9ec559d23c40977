import XCTest

@testable import Server

final class HTTPRequestParserTests: XCTestCase {
    private func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPRequestParser.Result {
        HTTPRequestParser.parse(Array(text.utf8), limits: limits)
    }

    private func status(_ text: String, limits: HTTPLimits = HTTPLimits()) -> Int? {
        if case .invalid(let error) = parse(text, limits: limits) { return error.status }
        return nil
    }

    func testSimpleGet() {
        let text = "GET /thema/wonen/?x=1 HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n"
        guard case .request(let request, let consumed) = parse(text) else { return XCTFail("\(parse(text))") }
        XCTAssertEqual(consumed, text.utf8.count)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.path, "/thema/wonen/")
        XCTAssertEqual(request.query, "x=1")
        XCTAssertEqual(request.minorVersion, 1)
        XCTAssertEqual(request.header("HOST"), "localhost")
        XCTAssertEqual(request.header("accept"), "*/*")
        XCTAssertTrue(request.keepAlive)
    }

    func testIncompleteHeadWaitsForMore() {
        XCTAssertEqual(parse("GET / HTTP/1.1\r\nHost: a\r\n"), .incomplete)
        XCTAssertEqual(parse("GET / HT"), .incomplete)
    }

    func testPipelinedRequestsAreConsumedOneAtATime() {
        let one = "GET /a HTTP/1.1\r\nHost: h\r\n\r\n"
        let two = "HEAD /b HTTP/1.1\r\nHost: h\r\n\r\n"
        guard case .request(let first, let consumed) = parse(one + two) else { return XCTFail() }
        XCTAssertEqual(first.path, "/a")
        XCTAssertEqual(consumed, one.utf8.count)
        guard case .request(let second, _) = parse(two) else { return XCTFail() }
        XCTAssertEqual(second.method, "HEAD")
    }

    func testBareLineFeedsAndLeadingEmptyLinesAreAccepted() {
        guard case .request(let request, _) = parse("\r\nGET / HTTP/1.0\n\n") else { return XCTFail() }
        XCTAssertEqual(request.minorVersion, 0)
        XCTAssertFalse(request.keepAlive)
    }

    func testKeepAliveRules() {
        guard case .request(let close, _) = parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n\r\n"),
            case .request(let old, _) = parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        else { return XCTFail() }
        XCTAssertFalse(close.keepAlive)
        XCTAssertTrue(old.keepAlive)
    }

    func testAbsoluteFormTargetIsReducedToPath() {
        guard
            case .request(let request, _) = parse("GET http://example.org/a/b?q HTTP/1.1\r\nHost: example.org\r\n\r\n")
        else { return XCTFail() }
        XCTAssertEqual(request.path, "/a/b")
        XCTAssertEqual(request.query, "q")
    }

    func testMalformedRequestsAreRefused() {
        XCTAssertEqual(status("GARBAGE\r\n\r\n"), 400)
        XCTAssertEqual(status("GET  / HTTP/1.1\r\nHost: h\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1 extra\r\nHost: h\r\n\r\n"), 400)
        XCTAssertEqual(status("GET relative HTTP/1.1\r\nHost: h\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTX/1.1\r\nHost: h\r\n\r\n"), 400)
        XCTAssertEqual(status("G(T / HTTP/1.1\r\nHost: h\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost h\r\n\r\n"), 400, "header without colon")
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost : h\r\n\r\n"), 400, "space before colon")
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n"), 400, "obsolete folding")
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\u{1}b\r\n\r\n"), 400, "control character")
        XCTAssertEqual(status("GET / HTTP/1.1\r\n\r\n"), 400, "HTTP/1.1 without Host")
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), 400, "two Hosts")
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"), 400)
        XCTAssertEqual(status("GET /\u{7F} HTTP/1.1\r\nHost: a\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/2.0\r\nHost: a\r\n\r\n"), 505)
    }

    func testOversizedRequestsAreRefused() {
        var limits = HTTPLimits()
        limits.maxHeadBytes = 256
        XCTAssertEqual(status("GET /" + String(repeating: "a", count: 300) + " HTTP/1.1\r\n", limits: limits), 400)
        XCTAssertEqual(
            status("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 300), limits: limits), 400)
        limits = HTTPLimits()
        limits.maxHeaderCount = 3
        let many = (0..<5).map { "X-\($0): y\r\n" }.joined()
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\n" + many + "\r\n", limits: limits), 400)
        limits = HTTPLimits()
        limits.maxBodyBytes = 10
        XCTAssertEqual(status("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits: limits), 400)
    }

    func testSmallBodyIsConsumedAndDiscarded() {
        let text = "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n"
        XCTAssertEqual(parse(text + "ab"), .incomplete)
        guard case .request(_, let consumed) = parse(text + "abcGET") else { return XCTFail() }
        XCTAssertEqual(consumed, text.utf8.count + 3)
    }
}
