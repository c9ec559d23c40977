import Diagnostics
import Foundation
import Markdown
import XCTest

@testable import ContentModel

final class LoaderTests: XCTestCase {
    func testValidSiteLoadsWithoutDiagnostics() throws {
        let site = try TestSite([
            "content/themes/onderwijs.md": TestSite.theme,
            "content/best-practices/said-en-lody.md": """
            ---
            title: Saïd & Lody
            date: 2020-03-01
            themes: [onderwijs]
            tags: [tolerantie]
            places: [Amsterdam, Utrecht]
            status: gestopt
            stopped: 2021-01-31
            businessModel: creëren
            assessment:
              meten: {judgement: zwak, note: Nog niet gemeten.}
              sustainability: {strategy: Handboek}
            costBenefit:
              - {party: Gemeente, investment: "€ 270.000", benefits: Minder kosten}
            ---
            ## Aanpak

            Klassen worden drie of vier maanden begeleid.
            """,
            "content/people/jan.md":
                "---\nname: Jan van der Berg\nroles:\n  - {body: bestuur, role: voorzitter, start: 2019-01-01}\n---\n",
            "content/pages/over.md": "---\ntitle: Over ons\nmenu: main\n---\nTekst\n",
        ])
        defer { site.remove() }
        let (kb, diagnostics) = try site.load()
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(kb.checkedFiles, 5)
        let practice = try XCTUnwrap(kb.bestPractices.first)
        XCTAssertEqual(practice.slug, "said-en-lody")
        XCTAssertEqual(practice.title, "Saïd & Lody")
        XCTAssertEqual(practice.status, .gestopt)
        XCTAssertEqual(practice.stopped, ContentDate(year: 2021, month: 1, day: 31))
        XCTAssertEqual(practice.businessModel, .creëren)
        XCTAssertEqual(practice.assessment?.meten?.judgement, .zwak)
        XCTAssertEqual(practice.costBenefit.first?.investment, Decimal(270_000))
        XCTAssertEqual(practice.info.body?.firstLine, 16)
        XCTAssertTrue(practice.info.body?.text.hasPrefix("## Aanpak") ?? false)
        XCTAssertEqual(kb.people.first?.sortName, "Berg, Jan van der")
        XCTAssertEqual(kb.byTheme["onderwijs"]?.bestPractices.count, 1)
        XCTAssertEqual(kb.site.pyramidLevels.map(\.slug), ["bewust", "handelen", "borgen"])
    }

    func testEveryProblemIsReportedInOneRun() throws {
        let site = try TestSite([
            "content/themes/onderwijs.md": TestSite.theme,
            // Missing required fields, an unknown field with a did-you-mean, a wrong type.
            "content/best-practices/a.md":
                "---\ntitel: A\ndate: gisteren\nthemes: onderwijs\ntags: []\nplaces: []\nstatus: actief\n---\n",
            // Unknown theme reference, stopped without a date.
            "content/best-practices/b.md":
                "---\ntitle: B\ndate: 2021-02-28\nthemes: [onderwys]\ntags: []\nplaces: []\nstatus: gestopt\n---\n",
            // An impossible date (the YAML reader rejects it, pointing at the value).
            "content/best-practices/bb.md":
                "---\ntitle: B\ndate: 2021-02-29\nthemes: [onderwijs]\ntags: []\nplaces: []\nstatus: actief\n---\n",
            // Duplicate slug of c.md.
            "content/best-practices/c.md":
                "---\ntitle: C\ndate: 2020-01-01\nthemes: [onderwijs]\ntags: []\nplaces: []\nstatus: actief\n---\n",
            "content/best-practices/d.md":
                "---\nslug: c\ntitle: D\ndate: 2020-01-01\nthemes: [onderwijs]\ntags: []\nplaces: []\nstatus: actief\n---\n",
        ])
        defer { site.remove() }
        let problems = try site.problems()
        XCTAssertEqual(
            problems,
            [
                "content/best-practices/a.md:2:1: warning: onbekend veld 'titel' (best practice); bedoelde je 'title'?",
                "content/best-practices/a.md:2:1: error: verplicht veld 'title' ontbreekt (best practice)",
                "content/best-practices/a.md:3:7: error: veld 'date' moet een datum zijn (zoals 2020-09-23), niet tekst 'gisteren'",
                "content/best-practices/a.md:4:9: error: veld 'themes' moet een lijst zijn, niet tekst 'onderwijs'",
                "content/best-practices/b.md:4:10: error: onbekend thema 'onderwys'; bedoelde je 'onderwijs'?",
                "content/best-practices/b.md:7:9: error: een gestopte best practice heeft een datum 'stopped' nodig",
                "content/best-practices/bb.md:3:7: error: onmogelijke datum 2021-02-29: die maand heeft 28 dagen",
                "content/best-practices/d.md:2:7: error: dubbele slug 'c': content/best-practices/c.md heeft die al (best practice)",
            ])
    }

    func testDiagnosticsCarryTheLineForTheCaret() throws {
        let site = try TestSite([
            "content/themes/onderwijs.md": TestSite.theme,
            "content/insights/x.md":
                "---\ntitle: X\ntheme: onderwijs\nyear: 2020\nkind: succesvoorwaarde\nitems: [a]\n---\n",
        ])
        defer { site.remove() }
        let diagnostic = try XCTUnwrap(site.load().1.first)
        XCTAssertEqual(
            diagnostic.description,
            """
            content/insights/x.md:5:7: error: veld 'kind': onbekende waarde 'succesvoorwaarde'; bedoelde je 'succesvoorwaarden'?
            kind: succesvoorwaarde
                  ^
            note: mogelijk: succesvoorwaarden, belemmeringen, acties-voor-opschaling, werkzame-mechanismen
            """)
    }

    func testScanPhasesOutOfOrderAndUnknownLevels() throws {
        let site = try TestSite([
            "content/wij-school/s.md": """
            ---
            school: De Brug (voorbeeld)
            place: Delft
            schoolYear: "2020-2021"
            projectLeader: P
            phases:
              - {phase: 1, date: 2020-09-01, level: bewust}
              - {phase: 3, date: 2020-08-01, level: handelen}
            classes:
              - name: groep 7
                phases:
                  - {phase: 1, date: 2020-09-02, level: bewst}
            advice:
              - {id: a1, text: Doe iets., class: groep 8}
            interventions:
              - {title: Training, by: extern, advice: a2}
            keurmerk: toegekend
            ---
            """
        ])
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            [
                "content/wij-school/s.md:8:13: error: scanfase 3 staat niet op zijn plaats: verwacht fase 2",
                "content/wij-school/s.md:8:22: error: fase 3 (2020-08-01) ligt niet na fase 1 (2020-09-01)",
                "content/wij-school/s.md:12:45: error: onbekend niveau van de inclusiepiramide 'bewst'; bedoelde je 'bewust'?",
                "content/wij-school/s.md:14:38: error: onbekende klas 'groep 8'; bedoelde je 'groep 7'?",
                "content/wij-school/s.md:16:43: error: onbekend advies 'a2'",
            ])
    }

    func testDraftsAndInternalItemsAreLeftOutUnlessAsked() throws {
        let site = try TestSite([
            "content/themes/onderwijs.md": TestSite.theme,
            "content/themes/concept.md": "---\ntitle: Concept\ndraft: true\n---\n",
            "content/pages/intern.md": "---\ntitle: Intern\nvisibility: internal\n---\n",
            "content/pages/open.md": "---\ntitle: Open\n---\n",
            "content/publications/p.md": "---\ntitle: P\nkind: rapport\ndate: 2020-05-01\nthemes: [concept]\n---\n",
        ])
        defer { site.remove() }
        let (published, diagnostics) = try site.load(.publicBuild)
        XCTAssertEqual(published.themes.map(\.slug), ["onderwijs"])
        XCTAssertEqual(published.pages.map(\.slug), ["open"])
        XCTAssertEqual(diagnostics.map(\.message), ["thema 'concept' is een concept (draft) en komt niet in deze bouw"])
        let (everything, none) = try site.load(.everything)
        XCTAssertEqual(everything.themes.map(\.slug), ["onderwijs", "concept"])  // numbered themes first
        XCTAssertEqual(everything.pages.map(\.slug).sorted(), ["intern", "open"])
        XCTAssertEqual(none, [])
    }

    func testMissingSiteFileThrowsWithAllDiagnostics() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-cm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content/themes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertThrowsError(try ContentLoader.load(root: root)) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.file, "content/site.yml")
        }
    }

    func testUnknownFoldersAndFilesWarn() throws {
        let site = try TestSite([
            "content/best-practice/x.md": "---\ntitle: X\n---\n",
            "content/themes/notities.txt": "x",
        ])
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            [
                "content/best-practice: warning: onbekende map content/best-practice/: hoort bij geen inhoudstype; bedoelde je 'best-practices'?",
                "content/themes/notities.txt: warning: content/themes/ bevat .md-bestanden; dit bestand wordt niet gelezen",
            ])
    }
}

final class URLFieldTests: XCTestCase {
    func testAddressesWithoutSchemeWarn() throws {
        let site = try TestSite(
            [
                "content/themes/onderwijs.md": TestSite.theme,
                "content/best-practices/b.md":
                    "---\ntitle: B\ndate: 2020-01-01\nthemes: [onderwijs]\ntags: []\nplaces: []\nstatus: actief\nwebsite: www.voorbeeld.nl\n---\n",
                "content/publications/p.md":
                    "---\ntitle: P\nkind: rapport\ndate: 2020-01-01\nlink: /rapport.pdf\n---\n",
            ], site: "title: T\nbaseURL: https://example.org\nlanguage: nl\n")
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            [
                "content/best-practices/b.md:8:10: warning: veld 'website': 'www.voorbeeld.nl' is geen volledig webadres",
                "content/site.yml:2:10: warning: baseURL eindigt niet op '/'",
            ])
    }
}

extension LoaderTests {
    /// Found reading the code for issue 18: a school year whose first number is the largest integer
    /// (`9223372036854775807-1`) overflowed in `a + 1` before its range was checked.
    func testSchoolYearWithHugeNumbersIsAnError() throws {
        for text in ["9223372036854775807-1", "-9223372036854775808-x", "2020-9223372036854775807"] {
            let site = try TestSite([
                "content/wij-school/s.md": """
                ---
                school: De Brug (voorbeeld)
                place: Delft
                schoolYear: "\(text)"
                projectLeader: P
                phases:
                  - {phase: 1, date: 2020-09-01, level: bewust}
                ---
                """
            ])
            defer { site.remove() }
            XCTAssertEqual(
                try site.problems().filter { $0.contains("schooljaar") },
                [
                    "content/wij-school/s.md:4:13: error: schooljaar '\(text)' moet twee opeenvolgende jaren zijn, zoals \"2020-2021\""
                ])
        }
    }
}

extension LoaderTests {
    /// Found reading the Markdown size limit for issue 18: a content text longer than 256 MiB was cut
    /// there by the parser without a word; now it is an error naming the file and the line the text starts.
    func testTextBeyondTheMarkdownLimitIsAnError() {
        let head = Array("---\ntitle: Groot\n---\n".utf8)
        let bytes = head + [UInt8](repeating: 0x61, count: Markdown.maximumInputSize + 1)
        let result = FileDecoder.decode(name: "content/pages/groot.md", bytes: bytes, type: .page)
        XCTAssertNil(result.item)
        XCTAssertEqual(
            result.diagnostics.map { "\($0.file ?? ""):\($0.line ?? 0): \($0.message)" },
            ["content/pages/groot.md:4: de tekst is langer dan 256 MiB, de grens; deel hem op"])
        let fits = FileDecoder.decode(name: "content/pages/klein.md", bytes: head + Array("Tekst.\n".utf8), type: .page)
        XCTAssertEqual(fits.diagnostics.map(\.message), [])
    }
}
