import ContentModel
import Diagnostics
import Foundation
import XCTest

/// The live preview's content cache against a full load: the same knowledge base and problems after a
/// change, and the in-place edits of best practices it recognises (and those it must refuse).
final class ContentCacheTests: XCTestCase {
    private static func practice(
        _ title: String, date: String, themes: String = "[onderwijs]", tags: String = "[wijk]",
        body: String = "Tekst."
    ) -> String {
        "---\ntitle: \(title)\ndate: \(date)\nthemes: \(themes)\ntags: \(tags)\nplaces: [Utrecht]\nstatus: actief\n---\n\(body)\n"
    }

    private func makeSite() throws -> TestSite {
        try TestSite([
            "content/themes/onderwijs.md": TestSite.theme,
            "content/themes/wonen.md": "---\ntitle: Wonen\nnumber: \"2.3\"\n---\nTekst.\n",
            "content/best-practices/a.md": Self.practice("Aanpak", date: "2020-01-01"),
            "content/best-practices/b.md": Self.practice("Buurt", date: "2020-01-01"),
            "content/best-practices/c.md": Self.practice("Coach", date: "2019-05-05"),
            "content/best-practices/d.md": Self.practice("Doen", date: "2021-02-02", themes: "[wonen]"),
        ])
    }

    private func write(_ site: TestSite, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: site.root.appendingPathComponent(path))
    }

    private func titles(_ kb: KnowledgeBase) -> [String] { kb.bestPractices.map(\.title) }

    func testABrokenSiteFileGivesItsOwnErrorOnlyAsAFullLoadDoes() throws {
        let site = try makeSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("content/pages"), withIntermediateDirectories: true)
        try write(site, "content/pages/over.md", "---\ntitle: Over ons\nmenu: main\n---\nTekst.\n")
        let cache = ContentCache(root: site.root)
        _ = try cache.load(changed: nil)
        try write(
            site, "content/site.yml", "title: Proefsite\nbaseURL: https://example.org/\nlanguage: [nl: x\nmenus:\n")
        var cached: [String] = []
        var full: [String] = []
        XCTAssertThrowsError(try cache.load(changed: ["content/site.yml"])) { cached = Self.messages($0) }
        XCTAssertThrowsError(try site.load()) { full = Self.messages($0) }
        XCTAssertEqual(cached, full)
        // Without usable settings, references to menus and levels are not checked: no cascade.
        XCTAssertEqual(cached.count, 1, "\(cached)")
    }

    private static func messages(_ error: Error) -> [String] {
        (error as? DiagnosticError)?.diagnostics.map(\.message) ?? ["\(error)"]
    }

    /// After every kind of change, the loader's next load equals a load from nothing.
    func testLoadsAfterChangesGiveTheFullLoadsKnowledgeBase() throws {
        let site = try makeSite()
        defer { site.remove() }
        let cache = ContentCache(root: site.root)
        let (kb, _) = try cache.load(changed: nil)
        XCTAssertEqual(titles(kb), ["Doen", "Aanpak", "Buurt", "Coach"])
        func assertSameAsFullLoad(_ changed: Set<String>, _ what: String) throws {
            let (cached, cachedProblems) = try cache.load(changed: changed)
            let (fresh, freshProblems) = try site.load()
            XCTAssertEqual(titles(cached), titles(fresh), what)
            XCTAssertEqual(cached.bestPractices, fresh.bestPractices, what)
            for theme in ["onderwijs", "wonen"] {
                XCTAssertEqual(
                    cached.byTheme[theme]?.bestPractices.map(\.title), fresh.byTheme[theme]?.bestPractices.map(\.title),
                    what)
            }
            XCTAssertEqual(cachedProblems.map(\.message), freshProblems.map(\.message), what)
        }
        try write(
            site, "content/best-practices/c.md", Self.practice("Coach", date: "2019-05-05", body: "Nieuwe tekst."))
        try assertSameAsFullLoad(["content/best-practices/c.md"], "a body")
        try write(site, "content/best-practices/b.md", Self.practice("Aanloop", date: "2020-01-01", themes: "[wonen]"))
        try assertSameAsFullLoad(["content/best-practices/b.md"], "a title and a theme")
        try write(site, "content/best-practices/e.md", Self.practice("Eerst", date: "2020-02-02"))
        try assertSameAsFullLoad(["content/best-practices/e.md"], "a new file")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/best-practices/d.md"))
        try assertSameAsFullLoad(["content/best-practices/d.md"], "a deleted file")
        try write(
            site, "content/best-practices/a.md",
            "---\ndraft: true\n" + Self.practice("Aanpak", date: "2020-01-01").dropFirst(4))
        try assertSameAsFullLoad(["content/best-practices/a.md"], "a draft")
    }

    /// The knowledge base of other options (the report's, with internal items) from the files already
    /// decoded equals a load with those options; with nothing that the options keep differently, it is the
    /// same knowledge base.
    func testAnotherViewOfTheSameLoad() throws {
        let site = try makeSite()
        defer { site.remove() }
        let cache = ContentCache(root: site.root)
        let (kb, _) = try cache.load(changed: nil)
        let report = LoadOptions(includeDrafts: false, includeInternal: true)
        XCTAssertEqual(cache.knowledgeBase(options: report)?.bestPractices, kb.bestPractices)
        try write(
            site, "content/best-practices/a.md",
            "---\nvisibility: internal\n" + Self.practice("Aanpak", date: "2020-01-01").dropFirst(4))
        let (publicBuild, _) = try cache.load(changed: ["content/best-practices/a.md"])
        XCTAssertEqual(titles(publicBuild), ["Doen", "Buurt", "Coach"])
        let withInternal = try XCTUnwrap(cache.knowledgeBase(options: report))
        XCTAssertEqual(titles(withInternal), ["Doen", "Aanpak", "Buurt", "Coach"])
        XCTAssertEqual(
            withInternal.bestPractices, try ContentLoader.load(root: site.root, options: report).0.bestPractices)

        // Later loads patch the view too: an internal practice edited, a public one added, one made internal.
        func assertViewIsAFullLoads(_ what: String) throws {
            let view = try XCTUnwrap(cache.knowledgeBase(options: report))
            let full = try ContentLoader.load(root: site.root, options: report).0
            XCTAssertEqual(view.bestPractices, full.bestPractices, what)
            XCTAssertEqual(view.byTheme["onderwijs"]?.bestPractices, full.byTheme["onderwijs"]?.bestPractices, what)
        }
        try write(
            site, "content/best-practices/a.md",
            "---\nvisibility: internal\n" + Self.practice("Aanpak 2", date: "2019-01-01").dropFirst(4))
        _ = try cache.load(changed: ["content/best-practices/a.md"])
        try assertViewIsAFullLoads("an internal practice edited")
        try write(site, "content/best-practices/e.md", Self.practice("Eerst", date: "2024-01-01"))
        _ = try cache.load(changed: ["content/best-practices/e.md"])
        try assertViewIsAFullLoads("a public practice added")
        try write(
            site, "content/best-practices/e.md",
            "---\nvisibility: internal\n" + Self.practice("Eerst", date: "2024-01-01").dropFirst(4))
        let (afterHiding, _) = try cache.load(changed: ["content/best-practices/e.md"])
        XCTAssertFalse(titles(afterHiding).contains("Eerst"))
        try assertViewIsAFullLoads("a public practice made internal")
    }

    func testAViewLikeTheLoadStaysSoOnlyWhileEditsKeepItSo() throws {
        let site = try makeSite()
        defer { site.remove() }
        let cache = ContentCache(root: site.root)
        _ = try cache.load(changed: nil)
        let report = LoadOptions(includeDrafts: false, includeInternal: true)
        // No internal items: the view is the load's own; then one practice becomes internal.
        XCTAssertEqual(cache.knowledgeBase(options: report).map(titles), ["Doen", "Aanpak", "Buurt", "Coach"])
        try write(
            site, "content/best-practices/b.md",
            "---\nvisibility: internal\n" + Self.practice("Buurt", date: "2021-01-01").dropFirst(4))
        let (publicBuild, _) = try cache.load(changed: ["content/best-practices/b.md"])
        XCTAssertFalse(titles(publicBuild).contains("Buurt"))
        XCTAssertEqual(
            try XCTUnwrap(cache.knowledgeBase(options: report)).bestPractices,
            try ContentLoader.load(root: site.root, options: report).0.bestPractices)
    }
}
