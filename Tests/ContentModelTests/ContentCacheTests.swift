import ContentModel
import Diagnostics
import Foundation
import XCTest

/// The live preview's content cache against a full load: the same knowledge base and problems after a
/// change, and the in-place edits of best practices it recognises (and those it must refuse).
final class ContentCacheTests: XCTestCase {
    private static func practice(_ title: String, date: String, themes: String = "[onderwijs]", tags: String = "[wijk]",
                                 body: String = "Tekst.") -> String {
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
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/pages"), withIntermediateDirectories: true)
        try write(site, "content/pages/over.md", "---\ntitle: Over ons\nmenu: main\n---\nTekst.\n")
        let cache = ContentCache(root: site.root)
        _ = try cache.load(changed: nil)
        try write(site, "content/site.yml", "title: Proefsite\nbaseURL: https://example.org/\nlanguage: [nl: x\nmenus:\n")
        var cached: [String] = [], full: [String] = []
        XCTAssertThrowsError(try cache.load(changed: ["content/site.yml"])) { cached = Self.messages($0) }
        XCTAssertThrowsError(try site.load()) { full = Self.messages($0) }
        XCTAssertEqual(cached, full)
        // Without usable settings, references to menus and levels are not checked: no cascade.
        XCTAssertEqual(cached.count, 1, "\(cached)")
    }

    private static func messages(_ error: Error) -> [String] {
        (error as? DiagnosticError)?.diagnostics.map(\.message) ?? ["\(error)"]
    }

    func testInPlaceEditsAreRecognisedAndGiveTheFullLoadsKnowledgeBase() throws {
        let site = try makeSite()
        defer { site.remove() }
        let cache = ContentCache(root: site.root)
        let (kb, _) = try cache.load(changed: nil)
        XCTAssertEqual(titles(kb), ["Doen", "Aanpak", "Buurt", "Coach"])

        // The body alone.
        try write(site, "content/best-practices/c.md", Self.practice("Coach", date: "2019-05-05", body: "Nieuwe tekst."))
        let body = try XCTUnwrap(cache.bestPracticeEdits(["content/best-practices/c.md"], in: kb))
        XCTAssertTrue(body.bodiesOnly)
        XCTAssertEqual(body.practices.map(\.info.body?.text), ["Nieuwe tekst.\n"])

        // A new title that moves it before a tie on its date, and another theme: fields, in place.
        try write(site, "content/best-practices/b.md", Self.practice("Aanloop", date: "2020-01-01", themes: "[wonen]"))
        let fields = try XCTUnwrap(cache.bestPracticeEdits(["content/best-practices/b.md"], in: kb))
        XCTAssertFalse(fields.bodiesOnly)
        let patched = kb.replacingBestPractices(fields.practices)
        let (fresh, _) = try site.load()
        XCTAssertEqual(titles(patched), titles(fresh))
        XCTAssertEqual(titles(patched), ["Doen", "Aanloop", "Aanpak", "Coach"])
        for theme in ["onderwijs", "wonen"] {
            XCTAssertEqual(patched.byTheme[theme]?.bestPractices.map(\.title), fresh.byTheme[theme]?.bestPractices.map(\.title), theme)
        }

        // A date that moves it to the end, as a full load sorts.
        try write(site, "content/best-practices/d.md", Self.practice("Doen", date: "2018-01-01", themes: "[wonen]"))
        let moved = try XCTUnwrap(cache.bestPracticeEdits(["content/best-practices/d.md"], in: patched))
        XCTAssertEqual(titles(patched.replacingBestPractices(moved.practices)), titles(try site.load().0))
    }

    func testEditsThatAreNotInPlaceAreRefused() throws {
        let site = try makeSite()
        defer { site.remove() }
        let cache = ContentCache(root: site.root)
        let (kb, _) = try cache.load(changed: nil)
        let a = "content/best-practices/a.md"
        // An unknown theme: the full path reports it.
        try write(site, a, Self.practice("Aanpak", date: "2020-01-01", themes: "[onbekend]"))
        XCTAssertNil(cache.bestPracticeEdits([a], in: kb))
        // A new slug changes content URLs.
        try write(site, a, "---\nslug: ander\n" + Self.practice("Aanpak", date: "2020-01-01").dropFirst(4))
        XCTAssertNil(cache.bestPracticeEdits([a], in: kb))
        // A draft leaves the build.
        try write(site, a, "---\ndraft: true\n" + Self.practice("Aanpak", date: "2020-01-01").dropFirst(4))
        XCTAssertNil(cache.bestPracticeEdits([a], in: kb))
        // A syntax error.
        try write(site, a, "---\ntitle: [\n---\n")
        XCTAssertNil(cache.bestPracticeEdits([a], in: kb))
        // A theme file is no best practice.
        XCTAssertNil(cache.bestPracticeEdits(["content/themes/onderwijs.md"], in: kb))
        // A new file.
        try write(site, "content/best-practices/e.md", Self.practice("Eerst", date: "2020-02-02"))
        XCTAssertNil(cache.bestPracticeEdits(["content/best-practices/e.md"], in: kb))
    }
}
