import Diagnostics
import Foundation
import XCTest

@testable import Report

/// What the report does with the content: internal scans, missed targets, missing parts, hand numbers.
final class ReportContentRulesTests: XCTestCase {
    private func plainText(_ report: ReportDocument) -> String {
        AnnualReport.html(report)
    }

    func testInternalScansAreCountedButNotNamed() throws {
        let (report, _) = try ExampleSite.report2020()
        let html = AnnualReport.html(report)
        let pdf = PDFText.extract(AnnualReport.pdf(report).bytes)
        // Het Baken's scan data are internal; De Brug's are public. Both had their first scan in 2020.
        for text in [html, pdf] {
            XCTAssertFalse(text.contains("Het Baken"), "een interne school wordt bij naam genoemd")
            XCTAssertTrue(text.contains("De Brug"))
            XCTAssertTrue(text.contains("Eén school staat in de cijfers, maar wordt niet bij naam genoemd"))
        }
        let section = try XCTUnwrap(report.allSections.first { $0.title == "WIJ SCHOOL in 2020" })
        XCTAssertTrue(
            section.number?.hasPrefix("2.3.") == true, "WIJ SCHOOL hoort bij thema 2.3, niet \(section.number ?? "-")")
        guard
            case .table(let table)? = section.blocks.first(where: {
                if case .table = $0 { return true } else { return false }
            })
        else {
            return XCTFail("geen tabel met de WIJ SCHOOL-cijfers")
        }
        XCTAssertEqual(table.rows[0].cells, ["Scan fase 1 (start)", "2"])
    }

    func testInternalReportNamesInternalSchools() throws {
        let (report, _) = try AnnualReport.document(root: ExampleSite.root, year: 2020, includeInternal: true)
        let html = AnnualReport.html(report)
        XCTAssertTrue(html.contains("Het Baken"))
        XCTAssertFalse(html.contains("niet bij naam genoemd"))
    }

    func testMissedTargetIsMarkedInBothFormats() throws {
        let site = try ExampleSite.copy()
        defer { try? FileManager.default.removeItem(at: site) }
        // Beheer en administratie is 4,3% of the expenses; a 3% norm is missed.
        try ExampleSite.edit(
            site, "content/site.yml", replacing: "maximumManagementShareOfExpenses: 0.07",
            with: "maximumManagementShareOfExpenses: 0.03")
        let (report, _) = try AnnualReport.document(root: site, year: 2020)
        let html = AnnualReport.html(report)
        XCTAssertTrue(
            html.contains("<p class=\"callout warning\" role=\"alert\"><strong>Norm niet gehaald: </strong>"), html)
        XCTAssertTrue(
            html.contains(
                "<tr class=\"total warning\"><th scope=\"row\">Beheer en administratie, in % van de lasten</th>"),
            "de rij van de gemiste norm hoort rood te zijn")
        XCTAssertTrue(html.contains("<td>niet gehaald</td>"), "het oordeel is hetzelfde woord als op de site")
        XCTAssertFalse(html.contains("Beide normen gehaald"))
        XCTAssertTrue(
            html.contains("<div class=\"bar-row highlighted\">"), "de balk die de norm mist hoort rood te zijn")
        let pdf = PDFText.extract(AnnualReport.pdf(report).bytes)
        XCTAssertTrue(pdf.contains("Let op – norm niet gehaald:"), pdf)
        XCTAssertTrue(pdf.contains("niet gehaald"))
    }

    func testTargetsMetSaySo() throws {
        let (report, _) = try ExampleSite.report2020()
        XCTAssertTrue(AnnualReport.html(report).contains("Beide normen gehaald in 2020."))
    }

    func testYearWithoutReportSaysWhatIsMissing() {
        XCTAssertThrowsError(try AnnualReport.document(root: ExampleSite.root, year: 2019)) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.message, "geen jaarverslag voor 2019: content/reports/2019/report.yml ontbreekt")
            XCTAssertEqual(d?.notes.last, "jaren met een jaarverslag: 2020")
        }
    }

    func testReportWithoutFinanceForItsYearPointsAtTheChapter() throws {
        let site = try ExampleSite.copy()
        defer { try? FileManager.default.removeItem(at: site) }
        let fm = FileManager.default
        try fm.copyItem(
            at: site.appendingPathComponent("content/reports/2020"),
            to: site.appendingPathComponent("content/reports/2021"))
        try ExampleSite.edit(site, "content/reports/2021/report.yml", replacing: "year: 2020", with: "year: 2021")
        XCTAssertEqual(AnnualReport.availableYears(root: site), [2020, 2021])
        XCTAssertThrowsError(try AnnualReport.document(root: site, year: 2021)) { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            let finance = diagnostics.first { $0.message.hasPrefix("geen financiële staten voor 2021") }
            XCTAssertNotNil(finance, "\(diagnostics)")
            XCTAssertEqual(finance?.file, "content/reports/2021/report.yml")
            XCTAssertEqual(finance?.sourceLine?.trimmingCharacters(in: .whitespaces), "- file: 4-financien.md")
            XCTAssertEqual(finance?.notes, ["jaren met financiële staten: 2020"])
        }
    }

    func testMissingEditorTextAndUnknownPartAreErrorsWithTheirLine() throws {
        let site = try ExampleSite.copy()
        defer { try? FileManager.default.removeItem(at: site) }
        try ExampleSite.edit(
            site, "content/reports/2020/report.yml", replacing: "- file: 1-visie-missie-strategie.md",
            with: "- file: 1-visie.md")
        try ExampleSite.edit(
            site, "content/reports/2020/report.yml", replacing: "generated: organisation",
            with: "generated: organisatoin")
        XCTAssertThrowsError(try AnnualReport.document(root: site, year: 2020)) { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            let messages = diagnostics.map(\.message)
            XCTAssertTrue(
                messages.contains(
                    "onbekend gegenereerd deel 'organisatoin'; kies uit themes, organisation, finance; bedoelde je 'organisation'?"
                ), "\(messages)")
            let missing = diagnostics.first { $0.message.contains("1-visie.md bestaat niet") }
            XCTAssertEqual(missing?.line, 15)
            XCTAssertEqual(missing?.sourceLine, "  - file: 1-visie.md")
        }
    }

    func testStaleHandNumberInAHeadingIsAWarningWithItsLine() throws {
        let site = try ExampleSite.copy()
        defer { try? FileManager.default.removeItem(at: site) }
        try ExampleSite.edit(
            site, "content/reports/2020/1-visie-missie-strategie.md", replacing: "## 1.2 Achtergrond",
            with: "## 1.3 Achtergrond")
        let (report, warnings) = try AnnualReport.document(root: site, year: 2020)
        XCTAssertTrue(report.outline.contains("1.2 Achtergrond"))
        XCTAssertEqual(warnings.count, 1)
        let w = try XCTUnwrap(warnings.first)
        XCTAssertEqual(w.severity, .warning)
        XCTAssertEqual(w.file, "content/reports/2020/1-visie-missie-strategie.md")
        XCTAssertEqual(w.sourceLine, "## 1.3 Achtergrond")
        XCTAssertEqual(w.column, 4)
        XCTAssertTrue(w.message.contains("nummer 1.3"))
    }

    func testEditorSectionsMergeIntoGeneratedOnes() throws {
        let (report, _) = try ExampleSite.report2020()
        let council = try XCTUnwrap(report.allSections.first { $0.number == "3.2" })
        XCTAssertEqual(council.title, "Raad van advies")
        // The editors' text first, then the generated count and table.
        guard case .paragraph(let first)? = council.blocks.first else { return XCTFail("geen tekst") }
        XCTAssertTrue(first.map(\.text).joined().hasPrefix("De raad van advies helpt"))
        XCTAssertTrue(council.blocks.contains { if case .table = $0 { return true } else { return false } })
        XCTAssertEqual(council.subsections.map(\.title), ["Nieuwe leden"])
    }

    func testOddDefinitionsGiveErrorsNotCrashes() throws {
        let site = try ExampleSite.copy()
        defer { try? FileManager.default.removeItem(at: site) }
        let file = site.appendingPathComponent("content/reports/2020/report.yml")
        let cases: [(String, String)] = [
            ("year: twintig\nchapters: geen lijst\n", "'year' moet een jaartal zijn"),
            ("year: 2020\nchapters:\n  - 42\n  - {generated: [themes]}\n", "een hoofdstuk heeft 'file'"),
            ("year: 2020\nforeword: 7\nchapters:\n  - {generated: themes}\n", "'foreword' heeft een 'file' nodig"),
            (
                "year: 2020\nchapters:\n  - {file: ../../site.yml}\n  - {file: /etc/passwd.md}\n",
                "staan in content/reports/2020/"
            ),
            ("year: 2020\nchapters: [\n", "wordt niet gesloten"),
            ("- alleen\n- een lijst\n", "verwacht velden"),
            (
                "year: 2020\ntitel: Jaarverslag\nchapters:\n  - {generated: finance, thema: x}\n",
                "onbekend veld 'titel' (report.yml); bedoelde je 'title'?"
            ),
        ]
        for (text, expected) in cases {
            try text.write(to: file, atomically: true, encoding: .utf8)
            do {
                _ = try AnnualReport.document(root: site, year: 2020)
                XCTFail("geen fout voor:\n\(text)")
            } catch let d as Diagnostic {
                XCTAssertTrue(d.message.contains(expected), "\(d.message) bij:\n\(text)")
                XCTAssertEqual(d.file, "content/reports/2020/report.yml")
            } catch let e as DiagnosticError {
                XCTAssertTrue(
                    e.diagnostics.contains { $0.message.contains(expected) },
                    "\(e.diagnostics.map(\.message)) bij:\n\(text)")
            }
        }
    }
}
