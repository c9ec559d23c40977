import Foundation
import XCTest

/// `check` finds everything `build` and `report` would reject, with the same messages: a set of broken
/// sites goes to all three commands, and every diagnostic `build` or `report` prints, `check` has printed
/// too (and `check` fails wherever they do). A failed build leaves the previous output as it was.
final class CheckFindsWhatBuildRejectsTests: XCTestCase {
    private static let files: [String: String] = [
        "content/pages/toegankelijkheid.md":
            "---\ntitle: Toegankelijkheidsverklaring\n---\nDeze site voldoet gedeeltelijk.\n",
        "content/site.yml": """
        title: Proefsite
        baseURL: https://example.org/
        language: nl
        organisation: {name: Proef, legalName: Stichting Proef, city: Utrecht}

        """,
        "content/themes/wonen.md":
            "---\ntitle: Wonen\nnumber: \"2.1\"\nperiod: \"2022-2024\"\n---\nZie [de buurtkamer](../best-practices/buurtkamer.md).\n",
        "content/best-practices/buurtkamer.md":
            "---\ntitle: Buurtkamer\ndate: 2023-03-01\nthemes: [wonen]\ntags: [buurt]\nplaces: [Utrecht]\nstatus: actief\n---\nTekst.\n",
        "content/people/ans-bos.md":
            "---\nname: Ans Bos\nroles: [{body: bestuur, role: voorzitter, start: 2021-01-01}]\n---\n",
        "content/finance/2023/finance.yml": """
        year: 2023
        result: 1000
        incomeAndExpenses:
          file: staat.csv
          column: Werkelijk 2023
          income: Som der baten
          expenses: Som der lasten
          result: Resultaat
          management: Beheer en administratie
        distribution:
          file: verdeling.csv
          objectives: [Wonen]
          management: Beheer en administratie
          totals: [{row: Totaal, sumOf: [Personeel, Kantoor]}]

        """,
        "content/finance/2023/staat.csv":
            "Omschrijving;Werkelijk 2023\nSubsidie;5.000\nSom der baten;5.000\nWonen;3.800\nBeheer en administratie;200\nSom der lasten;4.000\nResultaat;1.000\n",
        "content/finance/2023/verdeling.csv":
            "Kostensoort;Wonen;Beheer en administratie\nPersoneel;3.000;150\nKantoor;800;50\nTotaal;3.800;200\n",
        "content/reports/2023/report.yml": """
        year: 2023
        foreword: {file: voorwoord.md}
        chapters:
          - file: 1-inleiding.md
          - generated: themes
            wijSchool: wonen
          - generated: organisation
          - generated: finance

        """,
        "content/reports/2023/voorwoord.md": "---\ntitle: Voorwoord\nsignedBy: Ans Bos\n---\nEen goed jaar.\n",
        "content/reports/2023/1-inleiding.md":
            "---\ntitle: Inleiding\n---\nOver 2023.\n\n## Achtergrond\n\nWaarom.\n\n## Plannen\n\nWat.\n",
    ]

    /// A broken variant: replacements in files (old text → new text), files added or removed, and what
    /// `check` must at least say.
    private struct Case {
        var name: String
        var edits: [String: (String, String)] = [:]
        var add: [String: String] = [:]
        var remove: [String] = []
        var expected: String
    }

    private let cases: [Case] = [
        Case(
            name: "onbekend veld in report.yml",
            edits: ["content/reports/2023/report.yml": ("year: 2023\n", "year: 2023\ntitel: Jaarverslag\n")],
            expected:
                "content/reports/2023/report.yml:2:1: error: onbekend veld 'titel' (report.yml); bedoelde je 'title'?"),
        Case(
            name: "onbekend veld in een hoofdstuk",
            edits: [
                "content/reports/2023/report.yml": (
                    "  - generated: organisation\n", "  - generated: organisation\n    titel: Mensen\n"
                )
            ],
            expected:
                "content/reports/2023/report.yml:8:5: error: onbekend veld 'titel' (hoofdstuk); bedoelde je 'title'?"),
        Case(
            name: "onbekend gegenereerd deel",
            edits: ["content/reports/2023/report.yml": ("generated: finance", "generated: financien")],
            expected: "error: onbekend gegenereerd deel 'financien'"),
        Case(
            name: "verouderd nummer in een kop",
            edits: ["content/reports/2023/1-inleiding.md": ("## Plannen", "## 1.3 Plannen")],
            expected:
                "content/reports/2023/1-inleiding.md:10:4: warning: de kop heeft nummer 1.3, maar breingen nummert hem 1.2"
        ),
        Case(
            name: "tekst ontbreekt", remove: ["content/reports/2023/1-inleiding.md"],
            expected: "content/reports/2023/report.yml:4:5: error: tekst voor het jaarverslag ontbreekt"),
        Case(
            name: "onbekend veld in de front matter van een tekst",
            edits: ["content/reports/2023/voorwoord.md": ("signedBy: Ans Bos", "ondertekend: Ans Bos")],
            expected:
                "content/reports/2023/voorwoord.md:3:1: warning: onbekend veld 'ondertekend' (voorwoord); bedoelde je 'signedBy'?"
        ),
        Case(
            name: "YAML-fout in report.yml",
            edits: ["content/reports/2023/report.yml": ("chapters:\n", "chapters: [\n")],
            expected: "content/reports/2023/report.yml:"),
        Case(
            name: "geen financiën voor het jaar", remove: ["content/finance/2023"],
            expected: "error: geen financiële staten voor 2023"),
        Case(
            name: "onbekend thema bij wijSchool",
            edits: ["content/reports/2023/report.yml": ("wijSchool: wonen", "wijSchool: wonne")],
            expected: "error: onbekend thema 'wonne' bij wijSchool; bedoelde je 'wonen'?"),
        Case(
            name: "fout in de inhoud",
            edits: ["content/best-practices/buurtkamer.md": ("themes: [wonen]", "themes: [woon]")],
            expected: "content/best-practices/buurtkamer.md:4:10: error: onbekend thema 'woon'"),
        Case(
            name: "verdeling klopt niet met de staat",
            edits: [
                "content/finance/2023/verdeling.csv": (
                    "Kantoor;800;50\nTotaal;3.800;200", "Kantoor;790;60\nTotaal;3.790;210"
                )
            ],
            expected:
                "content/finance/2023/verdeling.csv:4:8: error: 'Wonen' is in de verdeling van de lasten €\u{00A0}3.790"
        ),
        Case(
            name: "kapotte link in een tekst", edits: ["content/themes/wonen.md": ("buurtkamer.md", "buurtkamr.md")],
            expected: "content/themes/wonen.md:6:21: error: link naar '../best-practices/buurtkamr.md'"),
        Case(
            name: "tekst die in geen hoofdstuk staat",
            add: ["content/reports/2023/2-vergeten.md": "---\ntitle: Vergeten\n---\nTekst.\n"],
            expected:
                "content/reports/2023/2-vergeten.md: warning: content/reports/2023/2-vergeten.md staat in geen hoofdstuk van report.yml"
        ),
    ]

    private func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-check-vs-build-\(UUID().uuidString)")
        for (path, text) in Self.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// The diagnostic lines of a command's output: "file:line:col: severity: message".
    private func diagnostics(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter {
            $0.range(of: #"^\S+?(:\d+)?(:\d+)?: (error|warning): "#, options: .regularExpression) != nil
        }
    }

    func testTheBaseSiteIsClean() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let check = try BreingenProcess.run(["check"], in: root)
        XCTAssertEqual(check.stderr, "inhoud in orde: geen fouten, geen waarschuwingen (9 bestanden gecontroleerd)\n")
        XCTAssertEqual(try BreingenProcess.run(["build", "-q"], in: root).stderr, "")
        XCTAssertEqual(try BreingenProcess.run(["report", "--year", "2023", "-q"], in: root).stderr, "")
    }

    func testCheckSaysEverythingBuildAndReportSay() throws {
        for c in cases {
            let root = try makeSite()
            defer { try? FileManager.default.removeItem(at: root) }
            // A good build first: a failed build must leave it as it was.
            XCTAssertEqual(try BreingenProcess.run(["build", "-q"], in: root).status, 0, c.name)
            let before = try Data(contentsOf: root.appendingPathComponent("output/index.html"))
            for (path, (old, new)) in c.edits {
                let url = root.appendingPathComponent(path)
                let text = try String(contentsOf: url, encoding: .utf8)
                XCTAssertTrue(text.contains(old), "\(c.name): '\(old)' staat niet in \(path)")
                try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
            }
            for (path, text) in c.add { try Data(text.utf8).write(to: root.appendingPathComponent(path)) }
            for path in c.remove { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }

            let check = try BreingenProcess.run(["check"], in: root)
            let build = try BreingenProcess.run(["build", "-q"], in: root)
            let report = try BreingenProcess.run(
                ["report", "--year", "2023", "-q", "-o", root.appendingPathComponent("verslag").path], in: root)
            let checked = Set(diagnostics(check.stderr))
            XCTAssertTrue(
                check.stderr.contains(c.expected), "\(c.name): check zegt niet '\(c.expected)':\n\(check.stderr)")
            for (command, result) in [("build", build), ("report", report)] {
                if result.status != 0 {
                    XCTAssertEqual(result.status, 1, "\(c.name): \(command)")
                    XCTAssertEqual(check.status, 1, "\(c.name): \(command) faalt, check niet:\n\(result.stderr)")
                    XCTAssertFalse(
                        diagnostics(result.stderr).isEmpty,
                        "\(c.name): \(command) faalt zonder melding:\n\(result.stderr)")
                }
                for line in diagnostics(result.stderr) {
                    XCTAssertTrue(
                        checked.contains(line),
                        "\(c.name): \(command) meldt wat check niet meldt:\n\(line)\ncheck:\n\(check.stderr)")
                }
            }
            if build.status != 0 {
                XCTAssertEqual(
                    try Data(contentsOf: root.appendingPathComponent("output/index.html")), before,
                    "\(c.name): de vorige output/ is veranderd")
            }
        }
    }
}
