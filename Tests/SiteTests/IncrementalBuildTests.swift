import ContentModel
import Foundation
import XCTest

@testable import Site

/// The incremental builder against the full build: after every kind of change (a best practice edited,
/// added, deleted, a theme, a template, site.yml, a broken file and its fix) the folder it returns must
/// be byte-identical to what `SiteBuilder` writes for the same content, and it must have rendered only
/// some pages where it could.
final class IncrementalBuildTests: XCTestCase {
    private var site: URL!
    private var work: URL!
    private let fm = FileManager.default

    override func setUpWithError() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let base = fm.temporaryDirectory.appendingPathComponent("incremental-\(UUID().uuidString)")
        site = base.appendingPathComponent("site")
        work = base.appendingPathComponent("work")
        try fm.createDirectory(at: site.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        try fm.copyItem(at: repository.appendingPathComponent("content"), to: site.appendingPathComponent("content"))
        try fm.copyItem(
            at: repository.appendingPathComponent("themes/default"), to: site.appendingPathComponent("themes/default"))
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: site.deletingLastPathComponent())
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = site.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(text, changed, "the edit of \(path) changed nothing")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Asserts the incremental folder equals a full build of the same content.
    private func assertSameAsFullBuild(
        _ summary: IncrementalSummary, _ what: String, file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        try FullBuildComparison(site: site, scratch: work.appendingPathComponent("full"))
            .assertSame(summary.folder, what, file: file, line: line)
    }

    private func files(_ folder: URL) throws -> [String: Data] { try FullBuildComparison.files(folder) }

    func testEveryKindOfChangeGivesTheFullBuildsBytes() throws {
        let builder = IncrementalSiteBuilder(options: BuildOptions(root: site, quiet: true), workDirectory: work)
        let first = try builder.build(changed: nil)
        XCTAssertTrue(first.full)
        XCTAssertEqual(first.rendered, first.pages)
        try assertSameAsFullBuild(first, "first build")

        // One best practice: a new title and body text; its page and the pages that list it, not all.
        let buuv = "content/best-practices/buuv.md"
        try edit(buuv) {
            $0.replacingOccurrences(of: "title: BUUV", with: "title: BUUV Haarlem")
                .replacingOccurrences(of: "BUUV begon als experiment", with: "BUUV begon in 2013 als experiment")
        }
        let edited = try builder.build(changed: [buuv])
        XCTAssertFalse(edited.full)
        XCTAssertFalse(edited.full)
        XCTAssertGreaterThan(edited.rendered, 1, "a new title shows on other pages too")
        XCTAssertLessThan(edited.rendered, edited.pages / 2, "an edited best practice re-rendered most pages")
        try assertSameAsFullBuild(edited, "edited best practice")
        let page = try String(
            contentsOf: edited.folder.appendingPathComponent("best-practices/buuv/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("BUUV begon in 2013 als experiment"))

        // Only the body: the page itself (and the search index), nothing that merely lists it. The folder
        // served before is left exactly as it was (requests may still be reading it).
        let servedBefore = try files(edited.folder)
        try edit(buuv) { $0.replacingOccurrences(of: "BUUV begon in 2013", with: "BUUV begon in januari 2013") }
        // `sed -i` reports its temporary file too, gone by the time the build runs.
        let body = try builder.build(changed: [buuv, "content/best-practices/sedX4k2Qa"])
        XCTAssertEqual(body.rendered, 1, "only the practice's own page shows its body")
        XCTAssertNotEqual(body.folder, edited.folder)
        XCTAssertEqual(try files(edited.folder), servedBefore, "the previously served folder was written to")
        try assertSameAsFullBuild(body, "edited body")

        // Then a new title for the practice before it in the list: the edited page shows that title as its
        // neighbour link and is rendered again, with the new body kept from the body-only build.
        let practices = try ContentLoader.load(root: site).0.bestPractices
        let position = try XCTUnwrap(practices.firstIndex { $0.slug == "buuv" })
        let neighbour = practices[position == 0 ? 1 : position - 1].info.file
        try edit(neighbour) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                guard line.hasPrefix("title: ") else { return String(line) }
                return line.hasSuffix("\"") ? String(line.dropLast()) + " (bijgewerkt)\"" : line + " (bijgewerkt)"
            }.joined(separator: "\n")
        }
        let neighbourEdited = try builder.build(changed: [neighbour])
        XCTAssertFalse(neighbourEdited.full)
        try assertSameAsFullBuild(neighbourEdited, "a neighbour's title after a body-only edit")
        let buuvPage = try String(
            contentsOf: neighbourEdited.folder.appendingPathComponent("best-practices/buuv/index.html"), encoding: .utf8
        )
        XCTAssertTrue(buuvPage.contains("BUUV begon in januari 2013") && buuvPage.contains("(bijgewerkt)"))

        // A new best practice, then its deletion: the page appears and goes, with its folder.
        let added = "content/best-practices/nieuwe-praktijk.md"
        try """
        ---
        title: Nieuwe praktijk
        date: 2024-03-01
        themes: [onderwijs]
        tags: [wijk, onderwijs]
        places: [Utrecht]
        status: actief
        summary: Een nieuwe praktijk voor de test.
        ---

        Leerlingen en buurtbewoners werken samen aan de wijk.

        """.write(to: site.appendingPathComponent(added), atomically: true, encoding: .utf8)
        let withNew = try builder.build(changed: [added])
        XCTAssertTrue(
            fm.fileExists(
                atPath: withNew.folder.appendingPathComponent("best-practices/nieuwe-praktijk/index.html").path))
        XCTAssertFalse(withNew.full, "a new page is linked from nowhere yet")
        XCTAssertLessThan(withNew.rendered, withNew.pages / 2)
        try assertSameAsFullBuild(withNew, "added best practice")
        try fm.removeItem(at: site.appendingPathComponent(added))
        let withoutNew = try builder.build(changed: [added])
        XCTAssertFalse(
            fm.fileExists(atPath: withoutNew.folder.appendingPathComponent("best-practices/nieuwe-praktijk").path))
        XCTAssertFalse(withoutNew.full, "no body links to the deleted page")
        try assertSameAsFullBuild(withoutNew, "deleted best practice")

        // A page that another body links to goes: the build fails at that link, as a full build does.
        let target = "content/best-practices/doel.md"
        let linking = "content/best-practices/verwijzer.md"
        try """
        ---
        title: Doel
        date: 2024-03-02
        themes: [onderwijs]
        tags: [wijk]
        places: [Utrecht]
        status: actief
        ---

        Een praktijk waarnaar verwezen wordt.

        """.write(to: site.appendingPathComponent(target), atomically: true, encoding: .utf8)
        try """
        ---
        title: Verwijzer
        date: 2001-01-01
        themes: [tolerantie-bij-kinderen]
        tags: [oud]
        places: [Leiden]
        status: actief
        ---

        Zie [het doel](doel.md).

        """.write(to: site.appendingPathComponent(linking), atomically: true, encoding: .utf8)
        try assertSameAsFullBuild(try builder.build(changed: [target, linking]), "a practice and one linking to it")
        try fm.removeItem(at: site.appendingPathComponent(target))
        XCTAssertThrowsError(
            try SiteBuilder(options: BuildOptions(root: site, output: work.appendingPathComponent("x"), quiet: true))
                .build())
        XCTAssertThrowsError(try builder.build(changed: [target]), "the link to the deleted page must fail the build")
        // The link taken out: the page whose body linked to the page that went is rendered again, and only
        // the pages that show something of it.
        try edit(linking) { $0.replacingOccurrences(of: "Zie [het doel](doel.md).", with: "Zie het doel.") }
        let unlinked = try builder.build(changed: [linking])
        XCTAssertFalse(unlinked.full)
        XCTAssertLessThan(unlinked.rendered, unlinked.pages / 2)
        try assertSameAsFullBuild(unlinked, "the link taken out")
        try fm.removeItem(at: site.appendingPathComponent(linking))
        let bothGone = try builder.build(changed: [linking])
        XCTAssertFalse(bothGone.full)
        try assertSameAsFullBuild(bothGone, "both gone")

        // A theme's title shows on many pages.
        let theme = "content/themes/onderwijs.md"
        try edit(theme) { $0.replacingOccurrences(of: "title: ", with: "title: Het ") }
        try assertSameAsFullBuild(try builder.build(changed: [theme]), "edited theme")

        // An alias gives a redirect page, which shows the practice's title: a new title renders it again.
        try edit(buuv) {
            $0.replacingOccurrences(of: "title: BUUV Haarlem", with: "title: BUUV Haarlem\naliases: [/buuv-oud/]")
        }
        let aliased = try builder.build(changed: [buuv])
        XCTAssertFalse(aliased.full)
        try assertSameAsFullBuild(aliased, "a new alias")
        try edit(buuv) { $0.replacingOccurrences(of: "title: BUUV Haarlem", with: "title: BUUV in Haarlem") }
        let renamed = try builder.build(changed: [buuv])
        let redirect = try String(
            contentsOf: renamed.folder.appendingPathComponent("buuv-oud/index.html"), encoding: .utf8)
        XCTAssertTrue(redirect.contains("BUUV in Haarlem"), "the redirect page shows the practice's new title")
        try assertSameAsFullBuild(renamed, "a renamed practice with an alias")

        // A template: the pages that use it, and only those.
        let template = "themes/default/templates/best-practice.html"
        try edit(template) { $0 + "\n<!-- gewijzigd -->\n" }
        let templated = try builder.build(changed: [template])
        XCTAssertFalse(templated.full)
        XCTAssertEqual(
            templated.rendered,
            try files(templated.folder).keys.filter {
                $0.hasPrefix("best-practices/") && $0.hasSuffix("/index.html")
                    && !$0.hasPrefix("best-practices/pagina/")
                    && $0 != "best-practices/index.html"
            }.count)
        try assertSameAsFullBuild(templated, "edited template")

        // A broken file fails the build; the fix brings back the same bytes as a full build.
        let good = try String(contentsOf: site.appendingPathComponent(buuv), encoding: .utf8)
        try "---\ntitle: [\n---\n".write(to: site.appendingPathComponent(buuv), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try builder.build(changed: [buuv]))
        try good.replacingOccurrences(of: "januari", with: "februari")
            .write(to: site.appendingPathComponent(buuv), atomically: true, encoding: .utf8)
        let fixed = try builder.build(changed: [buuv])
        XCTAssertFalse(fixed.full, "fixing a typo should not rebuild everything")
        try assertSameAsFullBuild(fixed, "after a failed build")

        // site.yml rebuilds everything.
        try edit("content/site.yml") { $0.replacingOccurrences(of: "title: ", with: "title: Test ") }
        let global = try builder.build(changed: ["content/site.yml"])
        XCTAssertTrue(global.full)
        try assertSameAsFullBuild(global, "edited site.yml")
        // The copies of a full build are made in the background; an edit right after still matches.
        try edit(buuv) { $0.replacingOccurrences(of: "februari", with: "maart") }
        try assertSameAsFullBuild(try builder.build(changed: [buuv]), "body edit after a full build")
        builder.waitUntilIdle()
    }

    /// The live preview does not wait for an annual report being made anew: the build serves the pages
    /// with the last report, says when the new one is made, and a build without changes then serves it.
    func testReportsMadeAnewComeWithALaterBuild() throws {
        let builder = IncrementalSiteBuilder(
            options: BuildOptions(root: site, quiet: true), workDirectory: work, defersSlowOutput: true)
        let ready = DispatchSemaphore(value: 0)
        builder.whenLaterOutputIsReady { ready.signal() }
        _ = try builder.build(changed: nil)
        // The report work waits until the edit's build is done, as it would behind a slow report.
        let gate = DispatchSemaphore(value: 0)
        builder.session.reportGate = gate
        // A practice's title is in the report of 2020 (its theme's list of best practices).
        let buuv = "content/best-practices/buuv.md"
        try edit(buuv) { $0.replacingOccurrences(of: "title: BUUV", with: "title: BUUV Haarlem") }
        let edited = try builder.build(changed: [buuv])
        builder.session.reportGate = nil
        gate.signal()
        // Two works say when they are done: the report's and the search index's (the title is in it).
        XCTAssertEqual(ready.wait(timeout: .now() + 300), .success, "the new report was never reported ready")
        XCTAssertEqual(ready.wait(timeout: .now() + 300), .success, "the new index was never reported ready")
        let later = try builder.build(changed: [])
        XCTAssertEqual(later.rendered, 0)
        let (before, after) = (try files(edited.folder), try files(later.folder))
        let differing = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        XCTAssertEqual(
            differing.filter { !$0.hasPrefix("zoeken/index/") }.sorted(),
            ["jaarverslag-2020.html", "jaarverslag-2020.pdf"], "only the report and the search index came later")
        try assertSameAsFullBuild(later, "the report served by the later build")
        builder.waitUntilIdle()
    }

    /// The live preview does not wait for the search index to be joined again: an edited body is served
    /// with the last index (entry, manifest and all, so that it stays whole), and a later build without
    /// changes serves the new one, the same as a full build's.
    func testSearchIndexMadeAnewComesWithALaterBuild() throws {
        let builder = IncrementalSiteBuilder(
            options: BuildOptions(root: site, quiet: true), workDirectory: work, defersSlowOutput: true)
        let ready = DispatchSemaphore(value: 0)
        builder.whenLaterOutputIsReady { ready.signal() }
        let first = try builder.build(changed: nil)
        let index = { (folder: URL) in try self.files(folder).filter { $0.key.hasPrefix("zoeken/index/") } }
        let firstIndex = try index(first.folder)
        let buuv = "content/best-practices/buuv.md"
        try edit(buuv) { $0 + "\n\nEen alinea met het woord zeldzaamheidsonderzoek.\n" }
        let edited = try builder.build(changed: [buuv])
        XCTAssertEqual(edited.rendered, 1, "only the edited page")
        XCTAssertEqual(try index(edited.folder), firstIndex, "the edit is served with the last index")
        XCTAssertEqual(ready.wait(timeout: .now() + 300), .success, "the new index was never reported ready")
        let later = try builder.build(changed: [])
        XCTAssertEqual(later.rendered, 0)
        let laterIndex = try index(later.folder)
        XCTAssertNotEqual(laterIndex, firstIndex)
        XCTAssertTrue(
            laterIndex.values.contains { String(decoding: $0, as: UTF8.self).contains("\"zeldzaamheidsonderzoek\"") },
            "the new word is in a shard of the later index")
        try assertSameAsFullBuild(later, "the search index served by the later build")
        // An edit whose pages read as before (the same text again) keeps the index without waiting.
        try edit(buuv) { $0.replacingOccurrences(of: "zeldzaamheidsonderzoek", with: "zeldzaamheidsonderzoek ") }
        let same = try builder.build(changed: [buuv])
        XCTAssertEqual(try index(same.folder), laterIndex)
        try assertSameAsFullBuild(same, "an edit that changes no search term")
        builder.waitUntilIdle()
    }

    func testChangedPathsAreClassified() {
        let changes = ChangedPaths([
            "content/best-practices/x.md", "content/site.yml", "themes/default/templates/partials/card.html",
            "templates/base.html", "themes/default/assets/css/main.css", "static/logo.png",
        ])
        XCTAssertEqual(changes.content, ["content/best-practices/x.md", "content/site.yml"])
        XCTAssertEqual(changes.templates, ["partials/card.html", "base.html"])
        XCTAssertTrue(changes.assets)
        XCTAssertTrue(changes.statics)
        XCTAssertFalse(changes.unknown)
        XCTAssertTrue(ChangedPaths(["themes/default/theme.yml"]).unknown)
        XCTAssertTrue(ChangedPaths(["elders.txt"]).unknown)
    }
}
