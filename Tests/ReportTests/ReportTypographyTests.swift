import Diagnostics
import Foundation
import PDF
import PDFTestSupport
import XCTest

@testable import Report

/// The typeface and the PDF/A claim: the theme's `fonts/fonts.yml`, and `fonts` and `pdfa` in report.yml.
final class ReportTypographyTests: XCTestCase {
    private func pdf(_ site: URL) throws -> PDFInspector {
        let (report, _) = try AnnualReport.document(root: site, year: 2020)
        return try PDFInspector(bytes: AnnualReport.pdf(report, creationDate: Date(timeIntervalSince1970: 0)).bytes)
    }

    private func appendToDefinition(_ site: URL, _ text: String) throws {
        let url = site.appendingPathComponent("content/reports/2020/report.yml")
        try (String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
    }

    func testTheThemeTypefaceByDefault() throws {
        let (report, warnings) = try ExampleSite.report2020()
        XCTAssertEqual(report.typography.family?.name, "Noto Sans")
        XCTAssertTrue(report.typography.claimPDFA)
        XCTAssertTrue(warnings.allSatisfy { !$0.message.contains("lettertype") })
    }

    func testStandardFontsAndNoPDFAClaim() throws {
        let site = try ExampleSite.copy()
        defer { try? FileManager.default.removeItem(at: site) }
        try appendToDefinition(site, "fonts: standard\n")
        let standard = try pdf(site)
        XCTAssertTrue(standard.fonts.contains("Helvetica-Bold"), "\(standard.fonts)")
        XCTAssertFalse(standard.metadata?.contains("<pdfaid:part>") ?? true)
        XCTAssertFalse(standard.metadata?.contains("<pdfuaid:part>") ?? true)

        let other = try ExampleSite.copy()
        defer { try? FileManager.default.removeItem(at: other) }
        try appendToDefinition(other, "pdfa: false\n")
        let noClaim = try pdf(other)
        XCTAssertFalse(noClaim.metadata?.contains("<pdfaid:part>") ?? true)
        XCTAssertTrue(noClaim.metadata?.contains("<pdfuaid:part>1</pdfuaid:part>") ?? false)
        XCTAssertNil(noClaim.catalog["OutputIntents"])
        XCTAssertEqual(noClaim.taggingProblems(requirePDFA: false), [])
    }

    func testOtherFontFilesFromReportYml() throws {
        let site = try ExampleSite.copy()
        defer { try? FileManager.default.removeItem(at: site) }
        // The theme's files under other names, as a report's own fonts.
        let fonts = site.appendingPathComponent("fonts")
        try FileManager.default.createDirectory(at: fonts, withIntermediateDirectories: true)
        for style in ["Regular", "Italic", "Bold", "BoldItalic"] {
            try FileManager.default.copyItem(
                at: site.appendingPathComponent("themes/default/fonts/NotoSans-\(style).ttf"),
                to: fonts.appendingPathComponent("Huis-\(style).ttf"))
        }
        try appendToDefinition(
            site,
            """
            fonts:
              family: Huisletter
              regular: fonts/Huis-Regular.ttf
              italic: fonts/Huis-Italic.ttf
              bold: fonts/Huis-Bold.ttf
              boldItalic: fonts/Huis-BoldItalic.ttf

            """)
        let (report, _) = try AnnualReport.document(root: site, year: 2020)
        XCTAssertEqual(report.typography.family?.name, "Huisletter")
        XCTAssertTrue(AnnualReport.html(report).contains("font-family: \"Huisletter\""))
    }

    func testMissingOrUnusableFontFilesAreErrorsWithTheirLine() throws {
        let site = try ExampleSite.copy()
        defer { try? FileManager.default.removeItem(at: site) }
        try "geen lettertype".write(to: site.appendingPathComponent("nep.ttf"), atomically: true, encoding: .utf8)
        try appendToDefinition(
            site,
            """
            fonts:
              regular: fonts/bestaat-niet.ttf
              italic: nep.ttf
              bold: nep.ttf
              boldItalics: nep.ttf

            """)
        XCTAssertThrowsError(try AnnualReport.document(root: site, year: 2020)) { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            let messages = diagnostics.map(\.message)
            XCTAssertTrue(messages.contains { $0.contains("fonts/bestaat-niet.ttf bestaat niet") }, "\(messages)")
            XCTAssertTrue(
                messages.contains { $0.contains("nep.ttf is geen bruikbaar TrueType-lettertype") }, "\(messages)")
            XCTAssertTrue(
                messages.contains { $0.contains("onbekend veld 'boldItalics'") && $0.contains("boldItalic") },
                "\(messages)")
            let missing = diagnostics.first { $0.message.contains("bestaat-niet") }
            XCTAssertEqual(missing?.file, "content/reports/2020/report.yml")
            XCTAssertEqual(missing?.sourceLine, "  regular: fonts/bestaat-niet.ttf")
        }
    }

    func testAThemeWithoutFontsWarnsAndUsesTheStandardFonts() throws {
        let site = try ExampleSite.copy()
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.removeItem(at: site.appendingPathComponent("themes/default/fonts/fonts.yml"))
        let (report, warnings) = try AnnualReport.document(root: site, year: 2020)
        XCTAssertNil(report.typography.family)
        XCTAssertTrue(warnings.contains { $0.severity == .warning && $0.message.contains("geen lettertypen") })
    }
}
