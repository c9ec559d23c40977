import Foundation
import XCTest

@testable import Site

#if canImport(FoundationXML)
    import FoundationXML
#endif

final class OutputFilesTests: XCTestCase {
    private func parses(_ xml: String) -> Bool {
        let parser = XMLParser(data: Data(xml.utf8))
        return parser.parse()
    }

    func testAtomFeedIsWellFormedAndEscaped() {
        let routes = Routes(baseURL: "https://example.org/")
        let feed = Feeds.atom(
            title: "Brein & co", subtitle: "<nieuw>", routes: routes,
            entries: [
                .init(
                    title: "Saïd & Lody", path: "best-practices/said-lody/", date: "2020-09-23", summary: "a < b",
                    category: "Best practice")
            ], updated: "2020-09-23")
        XCTAssertTrue(parses(feed), feed)
        XCTAssertTrue(feed.contains("<title>Saïd &amp; Lody</title>"))
        XCTAssertTrue(feed.contains("<id>https://example.org/best-practices/said-lody/</id>"))
    }

    func testSitemapAndRobots() {
        let routes = Routes(baseURL: "https://example.org/brein/")
        let sitemap = Feeds.sitemap(routes: routes, paths: ["", "themas/"])
        XCTAssertTrue(parses(sitemap))
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/brein/themas/</loc>"))
        XCTAssertEqual(
            Feeds.robots(routes: routes),
            "User-agent: *\nAllow: /brein/\n\nSitemap: https://example.org/brein/sitemap.xml\n")
    }

    func testAssetsAreFingerprintedByContent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(UUID().uuidString)")
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: site)
        }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("css"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("css"), withIntermediateDirectories: true)
        try Data("body{}".utf8).write(to: folder.appendingPathComponent("css/main.css"))
        try Data("logo".utf8).write(to: folder.appendingPathComponent("logo.svg"))
        try Data("body{color:red}".utf8).write(to: site.appendingPathComponent("css/main.css"))
        let bounds = [FileManager.default.temporaryDirectory.resolvingSymlinksInPath().path]
        let themeOnly = try AssetPipeline(
            folders: [(folder, "thema")], bounds: bounds, routes: Routes(baseURL: "https://e.org/x/"))
        let overridden = try AssetPipeline(
            folders: [(folder, "thema"), (site, "site")], bounds: bounds,
            routes: Routes(baseURL: "https://e.org/x/"))
        let url = try XCTUnwrap(themeOnly.urls["css/main.css"])
        XCTAssertTrue(url.hasPrefix("/x/assets/css/main.") && url.hasSuffix(".css"), url)
        XCTAssertEqual(url.count, "/x/assets/css/main.".count + 10 + ".css".count)
        XCTAssertNotEqual(url, overridden.urls["css/main.css"])
        XCTAssertEqual(themeOnly.urls["logo.svg"], "/x/assets/logo.svg")
        XCTAssertEqual(overridden.assets.first { $0.logicalPath == "css/main.css" }?.data, Data("body{color:red}".utf8))
    }
}

final class SharedTagsTests: XCTestCase {
    func testSharedTags() {
        XCTAssertEqual(SiteData.sharedCount([1, 3, 5, 7], [2, 3, 7, 9]), 2)
        XCTAssertEqual(SiteData.sharedCount([], [1]), 0)
    }
}
