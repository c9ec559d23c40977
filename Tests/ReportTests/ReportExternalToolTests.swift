import Foundation
import TestSupport
import XCTest

@testable import Report

/// Checks the example report's PDF with independent tools: `qpdf --check` and poppler's `pdftotext`.
/// When a tool is missing the test prints so and passes; CI installs both (qpdf, poppler-utils).
final class ReportExternalToolTests: XCTestCase {
    /// What a missing tool's note says is skipped.
    private static let check = "this check of the report PDF"

    private func writePDF() throws -> URL {
        let (report, _) = try ExampleSite.report2020()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-jaarverslag-\(UUID().uuidString).pdf")
        try AnnualReport.pdf(report).data.write(to: url)
        return url
    }

    func testQpdfFindsNoErrors() throws {
        guard let qpdf = ExternalTool.find("qpdf", skipping: Self.check) else { return }
        let url = try writePDF()
        defer { try? FileManager.default.removeItem(at: url) }
        let (status, output) = try ExternalTool.run(qpdf, ["--check", url.path])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("No syntax or stream encoding errors"), output)
        XCTAssertFalse(output.contains("WARNING"), output)
    }

    func testPdftotextReadsTheReportInOrder() throws {
        guard let pdftotext = ExternalTool.find("pdftotext", skipping: Self.check) else { return }
        let url = try writePDF()
        defer { try? FileManager.default.removeItem(at: url) }
        let (status, raw) = try ExternalTool.run(pdftotext, [url.path, "-"])
        XCTAssertEqual(status, 0, raw)
        let text = raw.replacingOccurrences(of: "\u{A0}", with: " ")
        var cursor = text.startIndex
        for expected in [
            "Jaarverslag 2020", "Inhoud", "Voorwoord: wat een jaar!", "Hayde Zarkeshan",
            "1 Visie, missie, strategie en doelstelling", "1.9 Beleidsvisie van het kabinet op filantropie",
            "2.1 Sociale huisvesting", "2.2 Onderwijs", "2.3 Stimuleren van tolerantie bij kinderen",
            "WIJ SCHOOL in 2020",
            "3 Organisatie", "3.2.1 Nieuwe leden", "3.3 Programmabureau", "2,2 fte",
            "4 Financiën", "Het resultaat over 2020 is € 95.677", "4.2 Staat van baten en lasten", "Som der baten",
            "614.000",
            "Resultaat", "95.677", "4.3 Verdeling van de lasten over doelstellingen", "518.323",
        ] {
            guard let range = text.range(of: expected, range: cursor..<text.endIndex) else {
                return XCTFail("'\(expected)' staat niet (of niet op zijn plaats) in de tekst van pdftotext")
            }
            cursor = range.upperBound
        }
        XCTAssertTrue(text.contains("pagina 2 van "))
    }
}
