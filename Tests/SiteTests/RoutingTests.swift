import Foundation
import XCTest

@testable import Site

final class RoutingTests: XCTestCase {
    func testBasePathFromBaseURL() {
        XCTAssertEqual(Routes(baseURL: "https://example.org/").basePath, "/")
        XCTAssertEqual(Routes(baseURL: "https://example.org").basePath, "/")
        let sub = Routes(baseURL: "https://example.org/brein")
        XCTAssertEqual(sub.basePath, "/brein/")
        XCTAssertEqual(sub.url(Routes.bestPractice("housing-first")), "/brein/best-practices/housing-first/")
        XCTAssertEqual(sub.permalink(Routes.feed), "https://example.org/brein/feed.xml")
    }

    func testOutputFiles() {
        XCTAssertEqual(Routes.file(for: ""), "index.html")
        XCTAssertEqual(Routes.file(for: "themas/onderwijs/"), "themas/onderwijs/index.html")
        XCTAssertEqual(Routes.file(for: "feed.xml"), "feed.xml")
        XCTAssertEqual(Routes.paginated("best-practices/", page: 1), "best-practices/")
        XCTAssertEqual(Routes.paginated("best-practices/", page: 3), "best-practices/pagina/3/")
    }

    func testPagination() {
        let pages = Pagination(total: 45, perPage: 20)
        XCTAssertEqual(pages.pageCount, 3)
        XCTAssertEqual(pages.range(ofPage: 3), 40..<45)
        XCTAssertEqual(Pagination(total: 0, perPage: 20).pageCount, 1)
        XCTAssertEqual(Pagination(total: 0, perPage: 20).range(ofPage: 1), 0..<0)
        let many = Pagination(total: 500, perPage: 20)
        XCTAssertEqual(many.visiblePages(around: 1), [1, 2, 3, nil, 25])
        XCTAssertEqual(many.visiblePages(around: 10), [1, nil, 8, 9, 10, 11, 12, nil, 25])
        XCTAssertEqual(many.visiblePages(around: 4), [1, 2, 3, 4, 5, 6, nil, 25])
    }

    func testContentLinksResolve() {
        let resolver = LinkResolver(urls: [
            "best-practices/housing-first.md": "/best-practices/housing-first/",
            "themes/onderwijs.md": "/themas/onderwijs/",
        ])
        XCTAssertEqual(
            resolver.resolve("../best-practices/housing-first.md", from: "best-practices/papageno.md"),
            .url("/best-practices/housing-first/"))
        XCTAssertEqual(
            resolver.resolve("housing-first.md#aanpak", from: "best-practices/papageno.md"),
            .url("/best-practices/housing-first/#aanpak"))
        XCTAssertEqual(
            resolver.resolve("../themes/onderwijs.md", from: "best-practices/a.md"), .url("/themas/onderwijs/"))
        XCTAssertEqual(
            resolver.resolve("../best-practices/bestaat-niet.md", from: "themes/onderwijs.md"),
            .broken(target: "best-practices/bestaat-niet.md"))
        XCTAssertEqual(resolver.resolve("https://example.org/x.md", from: "themes/a.md"), .unchanged)
        XCTAssertEqual(resolver.resolve("mailto:info@example.org", from: "themes/a.md"), .unchanged)
        XCTAssertEqual(resolver.resolve("#aanpak", from: "themes/a.md"), .unchanged)
        XCTAssertEqual(resolver.resolve("../images/foto.png", from: "themes/a.md"), .unchanged)
        XCTAssertEqual(resolver.resolve("/best-practices/", from: "themes/a.md"), .unchanged)
    }

    /// The destination's bytes: escapes, a query, a colon after a slash, `.yml`, and escapes that are
    /// no valid UTF-8 (kept as written).
    func testContentLinksReadAsBytes() {
        let resolver = LinkResolver(urls: [
            "best-practices/café.md": "/best-practices/cafe/",
            "best-practices/housing-first.md": "/best-practices/housing-first/",
            "data/cijfers.yml": "/cijfers/",
        ])
        XCTAssertEqual(
            resolver.resolve("../best-practices/caf%C3%A9.md", from: "themes/a.md"), .url("/best-practices/cafe/"))
        XCTAssertEqual(
            resolver.resolve("housing-first.md?x=1#aanpak", from: "best-practices/b.md"),
            .url("/best-practices/housing-first/#aanpak"))
        XCTAssertEqual(
            resolver.resolve("./map:x/../housing-first.md", from: "best-practices/b.md"),
            .url("/best-practices/housing-first/"), "a colon after a slash is no scheme")
        XCTAssertEqual(resolver.resolve("../data/cijfers.yml", from: "themes/a.md"), .url("/cijfers/"))
        XCTAssertEqual(
            resolver.resolve("caf%C3.md", from: "best-practices/b.md"), .broken(target: "best-practices/caf%C3.md"))
        XCTAssertEqual(
            resolver.resolve("%zz.md", from: "best-practices/b.md"), .broken(target: "best-practices/%zz.md"))
        XCTAssertEqual(resolver.resolve("readme.txt", from: "themes/a.md"), .unchanged)
        XCTAssertEqual(resolver.resolve("", from: "themes/a.md"), .unchanged)
    }
}
