import Foundation
import PDF
import PDFTestSupport
import TestSupport
import XCTest

@testable import Report

/// The report of `Tests/EndToEndTests/Fixtures/report-blocks`, a site whose report uses every kind of
/// block: nested lists, a table that breaks across pages, charts, links, footnotes, a quotation, a
/// signature. Its PDF must pass our tagging check and keep every character of the source.
final class ReportFixtureTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EndToEndTests/Fixtures/report-blocks")

    /// The fixture's content with the default theme beside it, as an editor's site has it.
    static func site() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: target.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: fixture.appendingPathComponent("content"), to: target.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: ExampleSite.root.appendingPathComponent("themes/default"),
            to: target.appendingPathComponent("themes/default"))
        return target
    }

    private static let built: Result<(URL, ReportDocument, [String], TypesetResult, String), Error> = Result {
        let root = try site()
        let (report, warnings) = try AnnualReport.document(root: root, year: 2024)
        let pdf = AnnualReport.pdf(report, creationDate: Date(timeIntervalSince1970: 1_714_521_600))
        return (root, report, warnings.map(\.message), pdf, AnnualReport.html(report))
    }

    override class func tearDown() {
        if case .success((let root, _, _, _, _)) = built { try? FileManager.default.removeItem(at: root) }
    }

    func testTheFixtureReportPassesOurTaggingCheck() throws {
        let (_, _, warnings, result, _) = try Self.built.get()
        XCTAssertEqual(warnings, [])
        let pdf = try PDFInspector(bytes: result.bytes)
        XCTAssertEqual(pdf.taggingProblems(), [])
        let types = pdf.structure.map(\.type)
        for type in [
            "Note", "Figure", "Table", "Link", "L", "LI", "Lbl", "LBody", "TOC", "TOCI", "TH", "TD", "Caption",
        ] {
            XCTAssertTrue(types.contains(type), "no \(type) in \(Set(types))")
        }
        // A nested list: an L inside an LBody, three levels deep.
        let nested = pdf.structure.filter {
            $0.type == "L" && $0.parent >= 0 && pdf.structure[$0.parent].type == "LBody"
        }
        XCTAssertGreaterThanOrEqual(nested.count, 3)
        // Every note has an ID, and a link points at it.
        let notes = pdf.structure.filter { $0.type == "Note" }
        XCTAssertEqual(notes.count, 3)
        let streets = try XCTUnwrap(
            pdf.structure.firstIndex { $0.type == "Table" && pdf.text(of: $0).contains("Amazonedreef") })
        // The long table breaks across pages: its rows are on two pages, its header repeated as an artifact.
        let pages = Set(
            pdf.structure.indices.filter { isInside($0, streets, pdf) }.flatMap {
                pdf.structure[$0].content.map(\.page)
            })
        XCTAssertGreaterThanOrEqual(pages.count, 2)
        let repeatedHeaders = pdf.shownText.flatMap { $0 }.filter { $0.inArtifact && $0.text == "Straat" }
        XCTAssertEqual(repeatedHeaders.count, pages.count - 1)
    }

    private func isInside(_ element: Int, _ ancestor: Int, _ pdf: PDFInspector) -> Bool {
        var e = element
        while e >= 0 {
            if e == ancestor { return true }
            e = pdf.structure[e].parent
        }
        return false
    }

    func testEveryDutchCharacterComesBackFromPdftotext() throws {
        guard let pdftotext = ExternalTool.find("pdftotext") else { return }
        let (root, _, _, result, _) = try Self.built.get()
        let url = root.appendingPathComponent("fixture.pdf")
        try result.data.write(to: url)
        let (status, raw) = try ExternalTool.run(pdftotext, [url.path, "-"])
        XCTAssertEqual(status, 0, raw)
        let text = raw.replacingOccurrences(of: "\u{AD}\n", with: "")
        for phrase in [
            "Fenna de Wit-Özdemir", "Jan-Willem van Rijswijk-Ünal", "Saïd el Idrissi", "€ 2.500", "1 maart 2024",
            "Wat een straat zelf bedenkt, houdt ze ook zelf vol.", "Camera Obscuradreef", "Siriusdreef",
            "info@buurtkracht.example.nl", "Buitenbioscoop in augustus",
        ] {
            XCTAssertTrue(text.contains(phrase), "'\(phrase)' missing from pdftotext")
        }
        // Reading order: the foreword, the lists, the table from first to last row, the finance chapter.
        var cursor = text.startIndex
        for expected in [
            "Voorwoord", "Een jaar met veel ontmoetingen", "Buurtkamers", "Overvecht, in het oude postkantoor",
            "met een lijst van wat een verzekering dekt", "Amazonedreef", "Siriusdreef", "Hoe we het deden",
            "Financieel resultaat 2024", "Lasten per doelstelling 2024",
        ] {
            guard let found = text.range(of: expected, range: cursor..<text.endIndex) else {
                return XCTFail("'\(expected)' missing or out of order")
            }
            cursor = found.upperBound
        }
    }

    func testTheHTMLHasTheNotesAndTheirReferences() throws {
        let (_, _, _, _, html) = try Self.built.get()
        XCTAssertTrue(html.contains("<aside class=\"notes\" aria-label=\"Noten\">"))
        XCTAssertTrue(
            html.contains("<sup class=\"noteref\"><a href=\"#noot-1-het-jaar-1\">1</a></sup>"),
            "a reference links to its note")
        XCTAssertTrue(html.contains("<li id=\"noot-1-het-jaar-1\" value=\"1\">"))
    }
}
