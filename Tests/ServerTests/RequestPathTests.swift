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
        for path in [
            "/..", "/../etc/passwd", "/a/../../b", "/%2e%2e/x", "/%2E%2E/x", "/.%2e/x", "/a/..%2f..%2fetc",
            "/a%2F..%2F..%2Fetc",
        ] {
            XCTAssertThrowsError(try RequestPath(path), path) {
                XCTAssertEqual($0 as? RequestPath.Problem, .traversal, path)
            }
        }
    }

    /// Found by fuzzing (and in issue 18): split on Swift's `Character`, a `/` followed by a combining
    /// mark, a zero-width joiner or a variation selector is one grapheme and no separator, so
    /// `/..%2F%CC%81x` became the single segment `../\u{301}x`, a path above the served folder.
    func testSlashFollowedByAJoiningScalarStillSeparates() throws {
        // U+0301 combining acute, U+200D zero-width joiner, U+FE0F and U+E0100 variation selectors, U+200C.
        for joiner in ["%CC%81", "%E2%80%8D", "%EF%B8%8F", "%F3%A0%84%80", "%E2%80%8C"] {
            for path in ["/..%2F\(joiner)x", "/../\(joiner)x", "/a/..%2F..%2F\(joiner)etc", "/%2e%2e/\(joiner)"] {
                XCTAssertThrowsError(try RequestPath(path), path) {
                    XCTAssertEqual($0 as? RequestPath.Problem, .traversal, path)
                }
            }
            // Without `..`, the joining scalar after a slash starts a segment of its own, as on disk.
            let decoded = try RequestPath("/a/\(joiner)").segments
            XCTAssertEqual(decoded.count, 2, joiner)
            let scalar = decoded[1]
            XCTAssertEqual(scalar.unicodeScalars.count, 1, joiner)
            XCTAssertEqual(try RequestPath("/a/\(joiner)/b/").segments, ["a", scalar, "b"])
            XCTAssertEqual(
                try RequestPath("/a/.\(joiner)").segments.map { Array($0.utf8) }, [[0x61], [0x2E] + Array(scalar.utf8)])
        }
        XCTAssertEqual(try RequestPath("/x/%CC%81").segments.map { Array($0.utf8) }, [[0x78], [0xCC, 0x81]])
    }

    /// `..` in every encoding a client might try. Decoding happens once (RFC 3986): `%252e%252e` is the
    /// literal name `%2e%2e`, which cannot leave the folder. Overlong UTF-8 (`%c0%ae` for `.`) is invalid
    /// UTF-8 and refused; a backslash (`\`, `%5c`) is refused outright.
    func testDotDotInEveryEncoding() throws {
        for path in [
            "/..", "/../", "/%2e%2e", "/%2E%2E/", "/%2e./x", "/.%2E/x", "/%2E.", "/a/..%2f..%2fetc",
            "/a%2F..%2F..", "/a/b/../../..", "/./../x", "/a/%2e%2e%2f%2e%2e",
        ] {
            XCTAssertThrowsError(try RequestPath(path), path) {
                XCTAssertEqual($0 as? RequestPath.Problem, .traversal, path)
            }
        }
        for path in [
            "/%c0%ae%c0%ae/x", "/%C0%AE./x", "/%e0%80%ae%e0%80%ae/", "/..%5cx", "/%5c..%5c", "/a\\..",
            "/%2e%2e%00/", "/%", "/%2", "/%g0",
        ] {
            XCTAssertThrowsError(try RequestPath(path), path) {
                XCTAssertEqual($0 as? RequestPath.Problem, .malformed, path)
            }
        }
        XCTAssertEqual(try RequestPath("/%252e%252e/x").segments, ["%2e%2e", "x"])
        XCTAssertEqual(try RequestPath("/%25%32%65%25%32%65/").segments, ["%2e%2e"])
        // Names that only look like dots are ordinary names on Linux.
        XCTAssertEqual(try RequestPath("/.../x").segments, ["...", "x"])
        XCTAssertEqual(try RequestPath("/%ef%bc%8e%ef%bc%8e/").segments, ["\u{FF0E}\u{FF0E}"])
        XCTAssertEqual(try RequestPath("/..a/a..").segments, ["..a", "a.."])
        XCTAssertTrue(try RequestPath("/a/.").trailingSlash)
        XCTAssertFalse(try RequestPath("/a/.b").trailingSlash)
    }

    func testMalformedPathsAreRefused() {
        for path in ["/%zz", "/%4", "/a%00b", "/%FF%FE", "/a\\..\\b", "relative"] {
            XCTAssertThrowsError(try RequestPath(path), path) {
                XCTAssertEqual($0 as? RequestPath.Problem, .malformed, path)
            }
        }
    }

    func testLoopbackAddresses() {
        XCTAssertEqual(HostAddress.isLoopback("127.0.0.1"), true)
        XCTAssertEqual(HostAddress.isLoopback("127.1.2.3"), true)
        XCTAssertEqual(HostAddress.isLoopback("localhost"), true)
        XCTAssertEqual(HostAddress.isLoopback("::1"), true)
        XCTAssertEqual(HostAddress.isLoopback("[::1]"), true)
        // Every other spelling of the same addresses.
        for host in [
            "127.255.255.254", "::ffff:127.0.0.1", "[::ffff:127.0.0.1]", "::FFFF:127.1.2.3", "::ffff:7f00:1",
            "0:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:0000:0000:0001", "[0::1]", "LOCALHOST", "localhost.",
            "[localhost]",
        ] {
            XCTAssertEqual(HostAddress.isLoopback(host), true, host)
        }
        for host in [
            "::ffff:192.168.1.10", "::ffff:0.0.0.0", "::127.0.0.1", "::2", "1::1", "128.0.0.1", "::ffff:128.0.0.1",
        ] {
            XCTAssertEqual(HostAddress.isLoopback(host), false, host)
        }
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
