import Foundation
import PDF
import PDFTestSupport
import XCTest

@testable import Report

/// How the 2020 report is set: justification without extremely loose lines, hyphenation, no-break
/// rules, table headers in at most two lines, reading order.
final class ReportTypesettingTests: XCTestCase {
    private static let result: Result<(ReportDocument, TypesetResult), Error> = Result {
        let (report, _) = try ExampleSite.report2020()
        return (report, AnnualReport.pdf(report, creationDate: Date(timeIntervalSince1970: 1_622_505_600)))
    }

    func testNoExtremelyLooseJustifiedLines() throws {
        let (_, pdf) = try Self.result.get()
        let spacing = pdf.spacing
        XCTAssertGreaterThan(spacing.justifiedLines, 150)
        XCTAssertEqual(spacing.raggedLooseLines, 0, "lines too loose to justify, left ragged")
        XCTAssertEqual(
            spacing.veryLooseLines, 0,
            "justified lines with spaces over twice their width (widest: \(spacing.largestSpaceRatio))")
        XCTAssertLessThanOrEqual(spacing.letterSpacedLines, 5, "letter spacing is a last resort")
        XCTAssertGreaterThan(spacing.hyphenatedLines, 0, "Dutch hyphenation is on")
        XCTAssertLessThan(
            Double(spacing.hyphenatedLines), Double(spacing.justifiedLines) * 0.25, "hyphens stay the exception")
    }

    func testDatesAmountsAndPageReferencesNeverBreak() throws {
        let (_, pdf) = try Self.result.get()
        let inspector = try PDFInspector(bytes: pdf.bytes)
        // Every line of body text: no line ends in a day number followed by a month on the next, nor in a
        // euro sign, nor in "pagina".
        let lines = inspector.shownText.flatMap { $0 }.filter { !$0.inArtifact }.map(\.text)
        let months = [
            "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december",
        ]
        for (k, line) in lines.enumerated() where k + 1 < lines.count {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let next = lines[k + 1].trimmingCharacters(in: .whitespaces)
            XCTAssertFalse(trimmed.hasSuffix("€"), "'\(line)' / '\(next)'")
            if let last = trimmed.split(separator: " ").last, Int(last) != nil, last.count <= 2,
                let first = next.split(separator: " ").first
            {
                XCTAssertFalse(months.contains(String(first)), "a date broken: '\(line)' / '\(next)'")
            }
        }
    }
}
