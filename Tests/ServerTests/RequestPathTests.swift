import XCTest
@testable import Server

final class RequestPathTests: XCTestCase {
    func testDecodesAndSplits() throws {
        let path = try RequestPath("/thema/caf%C3%A9//./wonen/")
        XCTAssertEqual(path.segments, ["thema", "café", "wonen"])
        XCTAssertTrue(path.trailingSlash)
        XCTAssertEqual(try RequestPath("/").segments, [])
        XCTAssertFalse(try RequestPath("/a.css").trailingSlash)
    }

    func testTraversalIsRefusedInEveryEncoding() {
        for path in ["/..", "/../etc/passwd", "/a/../../b", "/%2e%2e/x", "/%2E%2E/x", "/.%2e/x", "/a/..%2f..%2fetc",
                     "/a%2F..%2F..%2Fetc"] {
            XCTAssertThrowsError(try RequestPath(path), path) { XCTAssertEqual($0 as? RequestPath.Problem, .traversal, path) }
        }
    }

    func testMalformedPathsAreRefused() {
        for path in ["/%zz", "/%4", "/a%00b", "/%FF%FE", "/a\\..\\b", "relative"] {
            XCTAssertThrowsError(try RequestPath(path), path) { XCTAssertEqual($0 as? RequestPath.Problem, .malformed, path) }
        }
    }

    func testLoopbackAddresses() {
        XCTAssertEqual(HostAddress.isLoopback("127.0.0.1"), true)
        XCTAssertEqual(HostAddress.isLoopback("127.1.2.3"), true)
        XCTAssertEqual(HostAddress.isLoopback("localhost"), true)
        XCTAssertEqual(HostAddress.isLoopback("::1"), true)
        XCTAssertEqual(HostAddress.isLoopback("[::1]"), true)
        XCTAssertEqual(HostAddress.isLoopback("0.0.0.0"), false)
        XCTAssertEqual(HostAddress.isLoopback("192.168.1.10"), false)
        XCTAssertEqual(HostAddress.isLoopback("::"), false)
        XCTAssertNil(HostAddress.isLoopback("voorbeeld.nl"))
    }

    func testContentTypes() {
        XCTAssertEqual(MIMETypes.type(forPath: "index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(MIMETypes.type(forPath: "css/site.CSS"), "text/css; charset=utf-8")
        XCTAssertEqual(MIMETypes.type(forPath: "zoek/index.json"), "application/json")
        XCTAssertEqual(MIMETypes.type(forPath: "feed.xml"), "application/xml")
        XCTAssertEqual(MIMETypes.type(forPath: "jaarverslag-2020.pdf"), "application/pdf")
        XCTAssertEqual(MIMETypes.type(forPath: "logo.svg"), "image/svg+xml")
        XCTAssertEqual(MIMETypes.type(forPath: "fonts/x.woff2"), "font/woff2")
        XCTAssertEqual(MIMETypes.type(forPath: "a.js"), "text/javascript; charset=utf-8")
        XCTAssertEqual(MIMETypes.type(forPath: "README"), MIMETypes.fallback)
        XCTAssertEqual(MIMETypes.type(forPath: ".htaccess"), MIMETypes.fallback)
    }
}
