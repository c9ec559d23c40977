import Foundation
import XCTest

final class CheckCommandTests: XCTestCase {
    private func site(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-check-\(UUID().uuidString)")
        var all = files
        all["content/site.yml"] =
            all["content/site.yml"] ?? "title: Proef\nbaseURL: https://example.org/\nlanguage: nl\n"
        // Without an accessibility statement check warns; these sites have one, so that warning is tested apart.
        all["content/pages/toegankelijkheid.md"] =
            all["content/pages/toegankelijkheid.md"] ?? "---\ntitle: Toegankelijkheid\n---\nStatus C.\n"
        for (path, text) in all {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    func testCleanSiteExitsZero() throws {
        let root = try site(["content/themes/onderwijs.md": "---\ntitle: Onderwijs\n---\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try BreingenProcess.run(["check", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "inhoud in orde: geen fouten, geen waarschuwingen (3 bestanden gecontroleerd)\n")
    }

    func testErrorsAndWarningsArePrintedLikeACompilerAndExitOne() throws {
        let root = try site([
            "content/themes/sociale-huisvesting.md": "---\ntitle: Sociale huisvesting\n---\n",
            "content/best-practices/housing-first.md": """
            ---
            title: Housing First
            date: 2020-05-01
            themes: [huisvesting]
            tags: []
            places: [Den Haag]
            status: actief
            categorie: Nieuwbouw
            ---

            """,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try BreingenProcess.run(["check"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            """
            content/best-practices/housing-first.md:4:10: error: onbekend thema 'huisvesting'; bedoelde je 'sociale-huisvesting'?
            themes: [huisvesting]
                     ^
            content/best-practices/housing-first.md:8:1: warning: onbekend veld 'categorie' (best practice); bedoelde je 'category'?
            categorie: Nieuwbouw
            ^
            1 fout, 1 waarschuwing (4 bestanden gecontroleerd)

            """)
    }

    func testBrokenContentLinkIsAnErrorAtItsLineAndMissingAltAWarning() throws {
        let root = try site([
            "content/themes/onderwijs.md":
                "---\ntitle: Onderwijs\n---\n\nZie [de bank](../best-practices/bestaat-niet.md).\n\n![](foto.png)\n"
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try BreingenProcess.run(["check", "--root", root.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("content/themes/onderwijs.md:5:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("error:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Zie [de bank](../best-practices/bestaat-niet.md)."), result.stderr)
        XCTAssertTrue(result.stderr.contains("content/themes/onderwijs.md:7:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("warning:"), result.stderr)
    }

    func testWarningsAloneExitZero() throws {
        let root = try site(["content/themes/onderwijs.md": "---\ntitle: Onderwijs\nnummer: \"2.2\"\n---\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try BreingenProcess.run(["check", "--root", root.path])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(
            result.stderr.contains("warning: onbekend veld 'nummer' (thema); bedoelde je 'number'?"), result.stderr)
    }

    func testMissingSiteFileIsAnError() throws {
        let root = try site([:])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/site.yml"))
        let result = try BreingenProcess.run(["check", "--root", root.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("content/site.yml: error: geen content/site.yml gevonden"), result.stderr)
    }

    /// The example site in the repository passes with no errors and no warnings.
    func testExampleContentIsClean() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let result = try BreingenProcess.run(["check", "--root", repository.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("inhoud in orde: geen fouten, geen waarschuwingen"), result.stderr)
    }

    func testNewWritesAnExampleThatPassesCheckAndNeverOverwrites() throws {
        let root = try site([
            "content/site.yml": """
            title: Proef
            baseURL: https://example.org/
            language: nl
            menus:
              main: [{title: Home, url: /}]
            wijschool:
              levels: [{slug: start, title: Start, order: 1}]

            """,
            "content/themes/onderwijs.md": "---\ntitle: Onderwijs\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        for (type, title) in [
            ("best-practice", "Saïd & Lody"), ("theme", "Nieuw thema"), ("insight", "Lessen"),
            ("activity", "Webinar"), ("result", "onderwijs"), ("alliance", "Onderwijs Alliantie"),
            ("publication", "Onderwijsmanifest"), ("person", "Jan van der Berg"),
            ("wij-school", "De Regenboog"), ("page", "Over ons"), ("finance", "2021"),
        ] {
            let result = try BreingenProcess.run(["new", type, title, "--root", root.path])
            XCTAssertEqual(result.status, 0, "\(type): \(result.stderr)")
        }
        let created = try String(
            contentsOf: root.appendingPathComponent("content/best-practices/said-lody.md"), encoding: .utf8)
        XCTAssertTrue(created.contains("title: \"Saïd & Lody\""), created)
        XCTAssertTrue(created.contains("assessment:"))
        let check = try BreingenProcess.run(["check", "--root", root.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.hasPrefix("inhoud in orde"), check.stderr)

        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: root.appendingPathComponent("content/finance/2021/verdeling-lasten.csv").path))
        let financeAgain = try BreingenProcess.run(["new", "finance", "2021", "--root", root.path])
        XCTAssertEqual(financeAgain.status, 1)
        XCTAssertTrue(financeAgain.stderr.contains("content/finance/2021/ bestaat al"), financeAgain.stderr)

        let again = try BreingenProcess.run(["new", "best-practice", "Saïd & Lody", "--root", root.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("content/best-practices/said-lody.md bestaat al"), again.stderr)
        XCTAssertEqual(
            try String(contentsOf: root.appendingPathComponent("content/best-practices/said-lody.md"), encoding: .utf8),
            created)
    }

    func testNewRejectsUnknownTypeWithSuggestion() throws {
        let result = try BreingenProcess.run([
            "new", "best-practise", "X", "--root", FileManager.default.temporaryDirectory.path,
        ])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.contains("onbekend inhoudstype 'best-practise'; bedoelde je 'best-practice'?"), result.stderr)
    }

    func testSiteArchetypeOverridesTheBuiltIn() throws {
        let root = try site(["archetypes/page.md": "---\ntitle: \"{{title}}\"\nsummary: Eigen sjabloon\n---\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try BreingenProcess.run(["new", "page", "Contact", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "content/pages/contact.md\n")
        XCTAssertEqual(
            try String(contentsOf: root.appendingPathComponent("content/pages/contact.md"), encoding: .utf8),
            "---\ntitle: \"Contact\"\nsummary: Eigen sjabloon\n---\n")
    }

    func testNewResultTakesAYearAndRefusesAYearInTheThemeSlug() throws {
        let root = try site(["content/themes/onderwijs.md": "---\ntitle: Onderwijs\n---\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try BreingenProcess.run(["new", "result", "onderwijs", "--year", "2021", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "content/results/2021-onderwijs.yml\n")
        let text = try String(
            contentsOf: root.appendingPathComponent("content/results/2021-onderwijs.yml"), encoding: .utf8)
        XCTAssertTrue(text.contains("year: 2021\n"), text)

        let withYear = try BreingenProcess.run(["new", "result", "2021-onderwijs", "--root", root.path])
        XCTAssertEqual(withYear.status, 1)
        XCTAssertTrue(
            withYear.stderr.contains("error: '2021-onderwijs' begint met een jaar; geef het thema en het jaar apart"),
            withYear.stderr)
        XCTAssertTrue(withYear.stderr.contains("breingen new result onderwijs --year 2021"), withYear.stderr)
        let unknown = try BreingenProcess.run(["new", "result", "onderwjis", "--root", root.path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("onbekend thema 'onderwjis'; bedoelde je 'onderwijs'?"), unknown.stderr)
        let results = try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("content/results").path)
        XCTAssertEqual(results, ["2021-onderwijs.yml"], "niets geschreven bij een fout")
        let badYear = try BreingenProcess.run([
            "new", "result", "onderwijs", "--year", "volgend jaar", "--root", root.path,
        ])
        XCTAssertEqual(badYear.status, 2)
    }

    func testNewReportWritesADefinitionThatPassesCheck() throws {
        let root = try site([
            "content/themes/onderwijs.md": "---\ntitle: Onderwijs\n---\n",
            "content/people/a.md":
                "---\nname: Ans Bos\nroles: [{body: bestuur, role: voorzitter, start: 2020-01-01}]\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try BreingenProcess.run(["new", "report", "2023", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "content/reports/2023/report.yml\n")
        let text = try String(
            contentsOf: root.appendingPathComponent("content/reports/2023/report.yml"), encoding: .utf8)
        XCTAssertTrue(
            text.contains("year: 2023\n") && text.contains("  - generated: themes\n")
                && text.contains("  - generated: organisation\n"), text)
        XCTAssertTrue(
            text.contains("  # - generated: finance   (maak eerst de staten: breingen new finance 2023)"), text)
        let check = try BreingenProcess.run(["check", "--root", root.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.hasPrefix("inhoud in orde"), check.stderr)
        let report = try BreingenProcess.run(["report", "--year", "2023", "--root", root.path, "-q"])
        XCTAssertEqual(report.status, 0, report.stderr)
        let again = try BreingenProcess.run(["new", "report", "2023", "--root", root.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("content/reports/2023/report.yml bestaat al"), again.stderr)
    }

    func testNewWithARootThatDoesNotExistIsAnError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-bestaat-niet-\(UUID().uuidString)")
        let result = try BreingenProcess.run(["new", "theme", "Wonen", "--root", missing.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("error: de map \(missing.path) bestaat niet"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path), "new maakt geen map aan")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-leeg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let noContent = try BreingenProcess.run(["new", "theme", "Wonen", "--root", empty.path])
        XCTAssertEqual(noContent.status, 1)
        XCTAssertTrue(noContent.stderr.contains("heeft geen map content/"), noContent.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: empty.path), [])
    }
}
