import Foundation
import XCTest

@testable import ContentModel

/// Themes have a life span: a period with an end year, or an `ended` date. A year's views leave out a
/// theme that ended before that year and has no content in it.
final class ThemeSpanTests: XCTestCase {
    func testPeriodsAreReadAndChecked() throws {
        let site = try TestSite([
            "content/themes/a.md": "---\ntitle: A\nperiod: \"2020-2022\"\n---\n",
            "content/themes/b.md": "---\ntitle: B\nperiod: \"2021 – 2023\"\nended: 2022-06-30\n---\n",
            "content/themes/c.md": "---\ntitle: C\nperiod: \"2026-2022\"\n---\n",
            "content/themes/d.md": "---\ntitle: D\nperiod: drie jaar\n---\n",
            "content/themes/e.md": "---\ntitle: E\nperiod: \"2023\"\nended: 2021-01-01\n---\n",
        ])
        defer { site.remove() }
        let (kb, diagnostics) = try site.load()
        XCTAssertEqual(
            diagnostics.map { "\($0.location!): \($0.severity.rawValue): \($0.message)" },
            [
                "content/themes/c.md:3:9: error: periode '2026-2022' eindigt vóór hij begint",
                "content/themes/d.md:3:9: warning: periode 'drie jaar' is geen jaar of periode van jaren",
                "content/themes/e.md:4:8: error: thema beëindigd op 2021-01-01, vóór het begin van de periode (2023)",
            ])
        let a = try XCTUnwrap(kb.theme("a"))
        let b = try XCTUnwrap(kb.theme("b"))
        XCTAssertEqual([a.startYear, a.endYear, a.lastYear], [2020, 2022, 2022])
        XCTAssertEqual([b.startYear, b.endYear, b.lastYear], [2021, 2023, 2022], "ended comes before the planned end")
        XCTAssertTrue(a.runs(in: 2022))
        XCTAssertFalse(a.runs(in: 2023))
        XCTAssertFalse(b.runs(in: 2023))
    }

    /// A period of one year means the end is open, so it reads "vanaf 2024", never as a theme of one year.
    func testPeriodTextSaysWhenTheEndIsOpen() {
        func theme(_ period: String?) -> Theme {
            Theme(info: ItemInfo(slug: "t", file: "content/themes/t.md"), title: "T", period: period)
        }
        XCTAssertEqual(theme("2024").periodText, "vanaf 2024")
        XCTAssertEqual(theme("2020-2022").periodText, "2020-2022")
        XCTAssertEqual(theme("2021 – 2023").periodText, "2021 – 2023")
        XCTAssertEqual(theme("drie jaar").periodText, "drie jaar")
        XCTAssertNil(theme(nil).periodText)
    }

    func testAYearLeavesOutThemesThatEndedBeforeItWithoutContentInIt() throws {
        let site = try TestSite([
            "content/themes/lopend.md": "---\ntitle: Lopend\nperiod: \"2022\"\n---\n",
            "content/themes/afgerond.md": "---\ntitle: Afgerond\nperiod: \"2019-2021\"\n---\n",
            "content/themes/nagekomen.md": "---\ntitle: Nagekomen\nperiod: \"2019-2021\"\n---\n",
            "content/themes/gestopt.md": "---\ntitle: Gestopt\nperiod: \"2021-2025\"\nended: 2022-12-31\n---\n",
            "content/activities/a.md": "---\ntitle: Slotbijeenkomst\ndate: 2023-02-01\ntheme: nagekomen\n---\n",
        ])
        defer { site.remove() }
        let (kb, diagnostics) = try site.load()
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(kb.themes(in: 2023).map(\.slug), ["lopend", "nagekomen"])
        XCTAssertEqual(kb.themes(in: 2022).map(\.slug), ["gestopt", "lopend"])
        XCTAssertEqual(kb.themes(in: 2021).map(\.slug), ["afgerond", "gestopt", "nagekomen"])
    }

    func testNewThemeWritesAPeriodFromThisYearOn() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        let url = try NewItem.create(
            root: site.root, typeName: "theme", title: "Wonen", date: ContentDate(year: 2026, month: 5, day: 4))
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains("period: \"2026-2027\""), text)
        let (kb, diagnostics) = try site.load(.everything)
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(kb.theme("wonen")?.startYear, 2026)
        XCTAssertEqual(kb.theme("wonen")?.endYear, 2027)
    }

    /// Found by a new editor (the wijkkracht fixture): `new theme` wrote `number: "2.9"` whatever the site's
    /// numbering, and an objective naming "de Maatschappelijke Alliantie" on another organisation's site.
    func testNewThemeContinuesTheSitesNumberingAndNamesItsOrganisation() throws {
        let site = try TestSite(
            [
                "content/themes/a.md": "---\ntitle: A\nnumber: \"1.9\"\n---\n",
                "content/themes/b.md": "---\ntitle: B\nnumber: '1.10'\n---\n",
                "content/themes/c.md": "---\ntitle: C\n---\n",
            ], site: TestSite.siteYAML + "organisation: {name: Wijkkracht Utrecht}\n")
        defer { site.remove() }
        let url = try NewItem.create(
            root: site.root, typeName: "theme", title: "Wonen", date: ContentDate(year: 2026, month: 5, day: 4))
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains("number: \"1.11\""), text)
        XCTAssertTrue(text.contains("wat Wijkkracht Utrecht met dit thema wil bereiken"), text)
        XCTAssertFalse(text.contains("Maatschappelijke Alliantie"), text)
        let (_, diagnostics) = try site.load(.everything)
        XCTAssertEqual(diagnostics.map(\.description), [])

        let empty = try TestSite([:])
        defer { empty.remove() }
        let first = try String(
            contentsOf: try NewItem.create(
                root: empty.root, typeName: "theme", title: "Eerste", date: ContentDate(year: 2026, month: 5, day: 4)),
            encoding: .utf8)
        XCTAssertTrue(first.contains("number: \"1.1\""), first)
        XCTAssertTrue(first.contains("wat Proefsite met dit thema"), first)
    }
}
