import Foundation
import TestSupport
import XCTest

/// Builds the `site-small` fixture (every content type, plus a draft and internal items carrying
/// marker words) with the real binary and checks the output.
final class SiteBuildTests: XCTestCase {
    private static var built: URL?
    private static let lock = NSLock()

    override class func tearDown() {
        if let built { try? FileManager.default.removeItem(at: built.deletingLastPathComponent()) }
        super.tearDown()
    }

    /// One public build shared by the read-only tests (building is the slow part).
    private func publicBuild() throws -> URL {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        if let built = Self.built { return built }
        let site = try BreingenProcess.copyOfFixture("site-small")
        let result = try BreingenProcess.run(["build", "--quiet"], in: site)
        XCTAssertEqual(result.status, 0, result.stderr)
        Self.built = site.appendingPathComponent("output")
        return Self.built!
    }

    func testEveryPageKindIsBuilt() throws {
        let output = try publicBuild()
        let expected = [
            "index.html", "404.html", "robots.txt", "sitemap.xml", "feed.xml",
            "themas/index.html", "themas/wonen/index.html", "themas/wonen/best-practices/index.html",
            "best-practices/index.html", "best-practices/index.json", "best-practices/housing-first/index.html",
            "best-practices/said-en-lody/index.html", "inzichten/index.html", "activiteiten/index.html",
            "activiteiten/2020-09-23-bijeenkomst/index.html", "allianties/index.html",
            "allianties/onderwijs-alliantie/index.html", "wij-school/index.html", "wij-school/de-regenboog/index.html",
            "organisatie/index.html", "publicaties/index.html", "financien/index.html", "financien/2020/index.html",
            "over-ons/index.html", "tags/index.html", "tags/dakloosheid/index.html", "zoeken/index.html",
            "zoeken/index/entry.json",
        ]
        let files = Set(SiteOutputChecks.files(in: output))
        for path in expected {
            XCTAssertTrue(files.contains(path), "ontbreekt: \(path)")
        }
        // CSS and JS carry a content hash and the pages refer to exactly those files.
        let css = try XCTUnwrap(files.first { $0.hasPrefix("assets/css/main.") && $0.hasSuffix(".css") })
        XCTAssertNotEqual(css, "assets/css/main.css")
        XCTAssertTrue(SiteOutputChecks.read(output, "index.html").contains("/brein/\(css)"))
    }

    func testInternalLinksResolve() throws {
        let output = try publicBuild()
        XCTAssertEqual(SiteOutputChecks.unresolvedLinks(in: output, baseURL: "https://proef.example.org/brein/"), [])
    }

    func testFeedAndSitemapParse() throws {
        let output = try publicBuild()
        let feed = SiteOutputChecks.read(output, "feed.xml")
        XCTAssertTrue(SiteOutputChecks.parsesAsXML(feed), feed)
        XCTAssertTrue(feed.contains("<title>Housing First</title>"))
        XCTAssertTrue(feed.contains("https://proef.example.org/brein/activiteiten/2020-09-23-bijeenkomst/"))
        let sitemap = SiteOutputChecks.read(output, "sitemap.xml")
        XCTAssertTrue(SiteOutputChecks.parsesAsXML(sitemap))
        XCTAssertTrue(sitemap.contains("<loc>https://proef.example.org/brein/best-practices/housing-first/</loc>"))
        XCTAssertFalse(sitemap.contains("404"))
        XCTAssertTrue(
            SiteOutputChecks.read(output, "robots.txt").contains("Sitemap: https://proef.example.org/brein/sitemap.xml")
        )
        let entry = try JSONSerialization.jsonObject(
            with: Data(SiteOutputChecks.read(output, "zoeken/index/entry.json").utf8))
        XCTAssertNotNil((entry as? [String: Any])?["manifest"] as? String)
    }

    /// The search index read as the theme's script reads it (entry, manifest, shards, fragments) finds
    /// the fixture's pages: folded diacritics, stemming, title hits first, nothing of drafts.
    func testSearchIndexFindsPagesAsTheBrowserDoes() throws {
        let output = try publicBuild()
        let files = Set(SiteOutputChecks.files(in: output))
        XCTAssertFalse(files.contains("zoeken/index.json"), "the old single-file index is gone")
        XCTAssertTrue(SiteOutputChecks.read(output, "zoeken/index.html").contains("zoeken/index/entry.json"))
        let reader = try ShardedIndexReader(output: output)
        XCTAssertTrue(try reader.search("creeren").contains("Saïd & Lody"), "'creeren' finds 'creëren'")
        XCTAssertTrue(try reader.search("klassen").contains("Saïd & Lody"))
        XCTAssertTrue(try reader.search("woningen").contains("Housing First"))
        let onderwijs = try reader.search("onderwijs")
        XCTAssertEqual(Array(onderwijs.prefix(2)), ["Onderwijs", "Onderwijs Alliantie"], "title hits first, by title")
        XCTAssertGreaterThan(onderwijs.count, 2)
        XCTAssertEqual(try reader.search("geheimconcept"), [])
        XCTAssertEqual(try reader.search("creeren klassen"), ["Saïd & Lody"])
        let manifest = try reader.manifest()
        XCTAssertEqual(
            manifest["themes"] as? [String], ["Sociale huisvesting", "Onderwijs"], "in the order of the themes")
        XCTAssertTrue((manifest["kinds"] as? [String] ?? []).starts(with: ["Thema", "Best practice"]))
        // Every fragment names a page of the output (or an outside link).
        let pages = try XCTUnwrap(manifest["pages"] as? Int)
        for page in 0..<pages {
            let url = try XCTUnwrap(reader.fragment(page)["u"] as? String)
            guard url.hasPrefix("/brein/") else { continue }
            let path = String(url.dropFirst("/brein/".count).split(separator: "#").first ?? "")
            XCTAssertTrue(files.contains(path + "index.html") || files.contains(path), url)
        }
    }

    func testDraftsAndInternalItemsAreNowhere() throws {
        let output = try publicBuild()
        for marker in [
            "GEHEIMCONCEPT", "INTERNGEHEIM", "INTERNSCHOOL", "Conceptstad", "Internstad", "conceptlabel", "internlabel",
        ] {
            XCTAssertEqual(SiteOutputChecks.files(in: output, containing: marker), [], marker)
        }
        // The markers are real: with --drafts --internal they do appear.
        let site = try BreingenProcess.copyOfFixture("site-small")
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try BreingenProcess.run(["build", "-q", "--drafts", "--internal"], in: site)
        XCTAssertEqual(result.status, 0, result.stderr)
        let everything = site.appendingPathComponent("output")
        XCTAssertFalse(SiteOutputChecks.files(in: everything, containing: "GEHEIMCONCEPT").isEmpty)
        XCTAssertFalse(SiteOutputChecks.files(in: everything, containing: "INTERNSCHOOL").isEmpty)
    }

    func testDutchAmountsAndDates() throws {
        let output = try publicBuild()
        let finance = SiteOutputChecks.read(output, "financien/2020/index.html")
        XCTAssertTrue(finance.contains("€\u{00A0}95.677"), "resultaat in Nederlandse notatie")
        XCTAssertTrue(
            finance.contains("<td class=\"num\">369.323</td>"),
            "bedragen in de tabel zonder €, het bijschrift zegt: bedragen in euro")
        XCTAssertTrue(finance.contains("75,1%"))
        XCTAssertTrue(finance.contains("<div class=\"bars\" role=\"img\""), "staafdiagram")
        let practice = SiteOutputChecks.read(output, "best-practices/housing-first/index.html")
        XCTAssertTrue(practice.contains("1 mei 2020"))
        XCTAssertTrue(practice.contains("€\u{00A0}1.234,56"))
        XCTAssertTrue(practice.contains("€\u{00A0}270.000"))
        let stopped = SiteOutputChecks.read(output, "best-practices/said-en-lody/index.html")
        XCTAssertTrue(stopped.contains("gestopt sinds 1 juli 2021"))
        XCTAssertTrue(SiteOutputChecks.read(output, "activiteiten/index.html").contains("23 september 2020"))
    }

    func testPageFurniture() throws {
        let output = try publicBuild()
        let page = SiteOutputChecks.read(output, "best-practices/housing-first/index.html")
        XCTAssertTrue(page.contains("<a class=\"skip-link\" href=\"#inhoud\">"))
        XCTAssertTrue(page.contains("<main id=\"inhoud\""))
        XCTAssertTrue(page.contains("aria-label=\"Kruimelpad\""))
        XCTAssertTrue(page.contains("rel=\"next\"") || page.contains("rel=\"prev\""), "vorige/volgende")
        XCTAssertFalse(page.contains("https://cdn"), "geen externe verzoeken")
        let alliance = SiteOutputChecks.read(output, "allianties/onderwijs-alliantie/index.html")
        XCTAssertTrue(alliance.contains("phase-current"), "huidige fase gemarkeerd")
        XCTAssertTrue(alliance.contains("Co-creatie <strong>(huidige fase)</strong>"))
        let scan = SiteOutputChecks.read(output, "wij-school/de-regenboog/index.html")
        XCTAssertTrue(scan.contains("<polyline"), "voortgangsgrafiek")
        XCTAssertTrue(
            scan.contains("<caption id=\"tabel-niveaus\">Niveau per fase</caption>"), "tabel als tekstalternatief")
        XCTAssertTrue(SiteOutputChecks.read(output, "organisatie/index.html").contains("Jan van der Berg"))
        // A role that ended is not shown "as of today".
        XCTAssertFalse(SiteOutputChecks.read(output, "organisatie/index.html").contains("Voorbeeld N.V."))
    }

    func testTemplateErrorFailsAndKeepsPreviousOutput() throws {
        let site = try BreingenProcess.copyOfFixture("site-small")
        defer { try? FileManager.default.removeItem(at: site) }
        XCTAssertEqual(try BreingenProcess.run(["build", "-q"], in: site).status, 0)
        let index = site.appendingPathComponent("output/index.html")
        let before = try Data(contentsOf: index)
        // The site's own templates/ overrides the theme: a broken one must stop the build.
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try Data("{% extends \"base.html\" %}\n{% block content %}\n{{ bp.titel }}\n{% endblock %}\n".utf8)
            .write(to: site.appendingPathComponent("templates/best-practice.html"))
        let result = try BreingenProcess.run(["build", "-q"], in: site)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("best-practice.html:3:"), result.stderr)
        XCTAssertEqual(try Data(contentsOf: index), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter {
            $0.hasPrefix(".breingen")
        }
        XCTAssertEqual(leftovers, [])
    }

    func testContentLinksBecomeURLs() throws {
        let output = try publicBuild()
        let theme = SiteOutputChecks.read(output, "themas/wonen/index.html")
        XCTAssertTrue(theme.contains("<a href=\"/brein/best-practices/housing-first/\">Housing First</a>"), theme)
        let practice = SiteOutputChecks.read(output, "best-practices/housing-first/index.html")
        XCTAssertTrue(practice.contains("href=\"/brein/best-practices/said-en-lody/#aanpak\""))
        XCTAssertTrue(
            SiteOutputChecks.read(output, "over-ons/index.html").contains(
                "href=\"/brein/allianties/onderwijs-alliantie/\""))
    }

    func testBrokenContentLinkIsAnErrorAtItsLine() throws {
        let site = try BreingenProcess.copyOfFixture("site-small")
        defer { try? FileManager.default.removeItem(at: site) }
        let file = site.appendingPathComponent("content/best-practices/said-en-lody.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        text += "\nZie [de tulp](../best-practices/de-tulp.md) en [het concept](geheim-concept.md).\n\n![](foto.png)\n"
        try Data(text.utf8).write(to: file)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let linkLine = lines.firstIndex { $0.contains("de-tulp.md") }! + 1
        let imageLine = lines.firstIndex { $0.contains("foto.png") }! + 1
        let result = try BreingenProcess.run(["build", "-q"], in: site)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(
            result.stderr.contains(
                "content/best-practices/said-en-lody.md:\(linkLine):15: error: link naar '../best-practices/de-tulp.md'"
            ), result.stderr)
        XCTAssertTrue(result.stderr.contains("wordt niet gepubliceerd"), "een link naar een concept: \(result.stderr)")
        XCTAssertTrue(
            result.stderr.contains(
                "said-en-lody.md:\(imageLine):1: warning: afbeelding 'foto.png' heeft geen alt-tekst"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("output").path))
    }

    func testSummaryAndQuiet() throws {
        let site = try BreingenProcess.copyOfFixture("site-small")
        defer { try? FileManager.default.removeItem(at: site) }
        let loud = try BreingenProcess.run(["build"], in: site)
        XCTAssertEqual(loud.status, 0, loud.stderr)
        XCTAssertTrue(loud.stderr.contains("gebouwd: "), loud.stderr)
        XCTAssertTrue(loud.stderr.contains(" pagina's, "), loud.stderr)
        // Not a terminal: no progress line.
        XCTAssertFalse(loud.stderr.contains("\r"))
        let quiet = try BreingenProcess.run(["build", "--quiet"], in: site)
        XCTAssertEqual(quiet.status, 0)
        XCTAssertFalse(quiet.stderr.contains("gebouwd"))
    }

    func testExampleSiteBuilds() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
            .standardizedFileURL
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try BreingenProcess.run(["build", "-q", "--root", repository.path, "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = Set(SiteOutputChecks.files(in: output))
        for path in [
            "index.html", "best-practices/index.html", "themas/index.html", "zoeken/index/entry.json", "feed.xml",
            "sitemap.xml",
        ] {
            XCTAssertTrue(files.contains(path), "ontbreekt: \(path)")
        }
        XCTAssertGreaterThan(files.filter { $0.hasPrefix("best-practices/") && $0.hasSuffix("/index.html") }.count, 12)
        // The site carries the annual report of every year it has, linked from every page's footer.
        XCTAssertTrue(files.contains("jaarverslag-2020.html"))
        XCTAssertTrue(files.contains("jaarverslag-2020.pdf"))
        XCTAssertTrue(SiteOutputChecks.read(output, "index.html").contains("href=\"/jaarverslag-2020.pdf\""))
        XCTAssertTrue(SiteOutputChecks.read(output, "financien/index.html").contains("Jaarverslag 2020"))
        XCTAssertEqual(
            SiteOutputChecks.unresolvedLinks(in: output, baseURL: "https://www.maatschappelijkealliantie.nl/"), [])
        XCTAssertTrue(SiteOutputChecks.parsesAsXML(SiteOutputChecks.read(output, "feed.xml")))
        XCTAssertTrue(SiteOutputChecks.parsesAsXML(SiteOutputChecks.read(output, "sitemap.xml")))
    }

    /// The example site published under a sub-path: every internal URL of every output (pages, links that
    /// editors wrote as `/…` in bodies and `link:` fields, search and bank indexes, feed, sitemap,
    /// robots.txt) stays under /brein/ and names a file of the output.
    func testExampleSiteUnderASubPathKeepsEveryLinkUnderIt() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
            .standardizedFileURL
        let site = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-subpath-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("content"), to: site.appendingPathComponent("content"))
        let siteFile = site.appendingPathComponent("content/site.yml")
        let settings = try String(contentsOf: siteFile, encoding: .utf8)
        XCTAssertTrue(settings.contains("baseURL: https://www.maatschappelijkealliantie.nl/"))
        try settings.replacingOccurrences(
            of: "baseURL: https://www.maatschappelijkealliantie.nl/", with: "baseURL: https://example.org/brein/"
        )
        .write(to: siteFile, atomically: true, encoding: .utf8)
        // A body link and a link field written from the site's root, as docs/content.md allows.
        let page = site.appendingPathComponent("content/pages/contact.md")
        try
            (try String(contentsOf: page, encoding: .utf8)
            + "\nZie ook [de thema's](/themas/) en [de bank](/best-practices/).\n")
            .write(to: page, atomically: true, encoding: .utf8)
        let result = try BreingenProcess.run(["build", "-q"], in: site)
        XCTAssertEqual(result.status, 0, result.stderr)
        let output = site.appendingPathComponent("output")
        XCTAssertEqual(SiteOutputChecks.unresolvedLinks(in: output, baseURL: "https://example.org/brein/"), [])
        let contact = SiteOutputChecks.read(output, "contact/index.html")
        XCTAssertTrue(contact.contains("href=\"/brein/themas/\""), contact)
        XCTAssertEqual(
            SiteOutputChecks.read(output, "robots.txt"),
            "User-agent: *\nAllow: /brein/\n\nSitemap: https://example.org/brein/sitemap.xml\n")
        // The checker itself finds a link that leaves the sub-path.
        try Data("<a href=\"/themas/\">x</a>".utf8).write(to: output.appendingPathComponent("proef.html"))
        XCTAssertEqual(
            SiteOutputChecks.unresolvedLinks(in: output, baseURL: "https://example.org/brein/"),
            ["proef.html: /themas/ (buiten /brein/)"])
    }
}
