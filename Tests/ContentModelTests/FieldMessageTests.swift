import Foundation
import XCTest

@testable import ContentModel

/// Unknown fields always come with the field the editor meant (also for a Dutch word), with the caret on
/// the key; a text cut at an unquoted comma inside `{…}` says so and shows how to quote it.
final class FieldMessageTests: XCTestCase {
    func testSuggestionsForTyposDutchWordsAndCapitals() {
        let activity = [
            "slug", "draft", "visibility", "title", "date", "theme", "format", "partners", "goal", "outcome",
        ]
        XCTAssertEqual(FieldNames.suggestion(for: "doel", among: activity), "goal")
        XCTAssertEqual(FieldNames.suggestion(for: "titel", among: activity), "title")
        XCTAssertEqual(FieldNames.suggestion(for: "Datum", among: activity), "date")
        XCTAssertEqual(FieldNames.suggestion(for: "opbrengst", among: activity), "outcome")
        XCTAssertEqual(FieldNames.suggestion(for: "thema", among: activity), "theme")
        XCTAssertEqual(FieldNames.suggestion(for: "thema", among: ["themes", "title"]), "themes")
        XCTAssertEqual(FieldNames.suggestion(for: "Partners", among: activity), "partners")
        XCTAssertNil(FieldNames.suggestion(for: "xq", among: activity))
    }

    func testEveryTypeSuggestsForDutchFieldNames() throws {
        let site = try TestSite([
            "content/themes/onderwijs.md": "---\ntitle: Onderwijs\ndoelstelling: Iets.\n---\n",
            "content/activities/a.md": "---\ntitle: A\ndate: 2020-01-01\ntheme: onderwijs\ndoel: Iets bereiken.\n---\n",
            "content/publications/p.md": "---\ntitel: P\ntitle: P\nkind: rapport\ndate: 2020-01-01\n---\n",
            "content/people/x.md":
                "---\nname: X\nroles:\n  - {body: bestuur, rol: lid, role: lid, start: 2020-01-01}\n---\n",
            "content/pages/p.md": "---\ntitle: P\nxyz: 1\n---\n",
        ])
        defer { site.remove() }
        let (_, diagnostics) = try site.load()
        let lines = diagnostics.map { "\($0.location ?? ""): \($0.message)" }
        XCTAssertEqual(
            lines,
            [
                "content/activities/a.md:5:1: onbekend veld 'doel' (activiteit); bedoelde je 'goal'?",
                "content/pages/p.md:3:1: onbekend veld 'xyz' (pagina)",
                "content/people/x.md:4:21: onbekend veld 'rol' (rol); bedoelde je 'role'?",
                "content/publications/p.md:2:1: onbekend veld 'titel' (publicatie); bedoelde je 'title'?",
                "content/themes/onderwijs.md:3:1: onbekend veld 'doelstelling' (thema); bedoelde je 'objective'?",
            ])
        // Nothing close: the valid fields are listed instead.
        let page = diagnostics.first { $0.message.contains("'xyz'") }!
        XCTAssertEqual(page.notes, ["geldige velden: slug, draft, visibility, aliases, title, menu, weight, summary"])
    }

    func testUnquotedCommaInAFlowMappingIsAnErrorThatShowsTheQuotes() throws {
        let site = try TestSite([
            "content/themes/onderwijs.md": TestSite.theme,
            "content/best-practices/b.md": """
            ---
            title: B
            date: 2020-01-01
            themes: [onderwijs]
            tags: []
            places: []
            status: actief
            costBenefit:
              - {party: Gemeente, benefits: Minder kosten, meer rust, minder zorgen, note: per jaar}
            ---

            """,
        ])
        defer { site.remove() }
        let (kb, diagnostics) = try site.load()
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)")
        let d = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.location, "content/best-practices/b.md:9:48")
        XCTAssertEqual(
            d.message,
            "de tekst van 'benefits' bevat een komma zonder aanhalingstekens: binnen {…} scheidt een komma de velden, dus de tekst is afgebroken bij 'meer rust'"
        )
        XCTAssertEqual(
            d.notes, ["zet de tekst tussen aanhalingstekens: benefits: \"Minder kosten, meer rust, minder zorgen\""])
        XCTAssertTrue(kb.bestPractices.isEmpty || kb.bestPractices[0].costBenefit[0].note == "per jaar")
    }

    func testAnEmptyFieldOutsideFlowMappingsIsStillAnUnknownField() throws {
        let site = try TestSite(["content/themes/onderwijs.md": "---\ntitle: Onderwijs\nperiode:\n---\n"])
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            ["content/themes/onderwijs.md:3:1: warning: onbekend veld 'periode' (thema); bedoelde je 'period'?"])
    }
}
