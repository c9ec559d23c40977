import ContentModel
import DataFormats
import Escaping
import Foundation
import PDF
import PDFTestSupport
import XCTest

@testable import Report

/// The HTML and the PDF come from one model, so they must print the same figures: every amount of the
/// financial statements, the result and the ratios.
final class ReportFiguresTests: XCTestCase {
    private static let rendered: (html: String, pdfText: String, pdf: TypesetResult)? = {
        guard let (report, _) = try? ExampleSite.report2020() else { return nil }
        let pdf = AnnualReport.pdf(report)
        return (AnnualReport.html(report), PDFText.extract(pdf.bytes), pdf)
    }()

    private func outputs() throws -> (html: String, pdfText: String, pdf: TypesetResult) {
        try XCTUnwrap(Self.rendered, "het voorbeeldverslag 2020 kon niet worden gebouwd")
    }

    /// HTML as plain text: tags dropped, the few entities we write decoded.
    private func text(ofHTML html: String) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" {
                inTag = true
                out.append(" ")
                continue
            }
            if c == ">" {
                inTag = false
                continue
            }
            if !inTag { out.append(c) }
        }
        return out.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
    }

    func testEveryAmountOfTheStatementsIsInTheHTMLAndThePDF() throws {
        let (html, pdfText, _) = try outputs()
        let htmlText = text(ofHTML: html)
        let (kb, _) = try ContentLoader.load(root: ExampleSite.root)
        let finance = try XCTUnwrap(kb.financialYear(2020))
        var tables = [finance.incomeStatement.table]
        if let d = finance.distribution { tables.append(d.table) }
        var checked = 0
        for table in tables {
            for row in table.rows {
                for value in row.values.compactMap({ $0 }) where value != 0 {
                    let figure = DutchFormat.number(value)
                    XCTAssertTrue(htmlText.contains(figure), "\(row.label): \(figure) ontbreekt in de HTML")
                    XCTAssertTrue(pdfText.contains(figure), "\(row.label): \(figure) ontbreekt in de PDF")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 60)
        // The stated result, the ratios and the WIJ SCHOOL figures too.
        for figure in ["95.677", "80,8%", "4,3%", "minimaal 80,0%", "maximaal 7,0%", "gehaald", "2,2 fte"] {
            XCTAssertTrue(htmlText.contains(figure), "\(figure) ontbreekt in de HTML")
            XCTAssertTrue(
                pdfText.replacingOccurrences(of: "\u{A0}", with: " ").contains(figure), "\(figure) ontbreekt in de PDF")
        }
    }

    func testTheTablesOfBothFormatsHaveTheSameCellsInTheSameOrder() throws {
        let (report, _) = try ExampleSite.report2020()
        let document = AnnualReport.typesetDocument(report)
        let pdfCells = document.blocks.compactMap { block -> [String]? in
            if case .table(let t) = block {
                return t.header.flatMap { $0 } + t.rows.flatMap(\.cells)
            } else {
                return nil
            }
        }
        let html = try outputs().html
        var htmlCells: [[String]] = []
        for table in html.components(separatedBy: "<table>").dropFirst() {
            let body = table.components(separatedBy: "</table>")[0]
            var cells: [String] = []
            for piece in body.components(separatedBy: "<t").dropFirst()
            where piece.hasPrefix("h") || piece.hasPrefix("d") {
                guard let close = piece.firstIndex(of: ">"), !piece.hasPrefix("head"), !piece.hasPrefix("body") else {
                    continue
                }
                let content = piece[piece.index(after: close)...].components(separatedBy: "</t")[0]
                cells.append(text(ofHTML: content))
            }
            htmlCells.append(cells)
        }
        XCTAssertGreaterThanOrEqual(pdfCells.count, 8)
        XCTAssertEqual(htmlCells.count, pdfCells.count)
        XCTAssertEqual(htmlCells, pdfCells)
    }

    func testHTMLHasEverySectionWithItsNumberAndTheContentsLinkToThem() throws {
        let (report, _) = try ExampleSite.report2020()
        let html = try outputs().html
        for section in report.allSections {
            let number = section.number.map { "<span class=\"num\">\($0)</span> " } ?? ""
            let title = HTMLEscaper.escape(section.title)
            XCTAssertTrue(
                html.contains("id=\"\(section.anchor)\">\(number)\(title)</h"), "kop \(section.title) ontbreekt")
        }
        for chapter in [report.foreword].compactMap({ $0 }) + report.chapters {
            XCTAssertTrue(
                html.contains("<a href=\"#\(chapter.anchor)\">"), "de inhoud linkt niet naar \(chapter.title)")
        }
        XCTAssertEqual(Set(report.allSections.map(\.anchor)).count, report.allSections.count, "ankers zijn niet uniek")
    }

    func testHTMLIsSelfContained() throws {
        let html = try outputs().html
        for forbidden in ["<script", "<link", "<img", " src=", "@import", "<iframe"] {
            XCTAssertFalse(html.contains(forbidden), "de HTML verwijst naar iets buiten het bestand: \(forbidden)")
        }
        // The fonts are in the file itself: every url( is a data: URL.
        XCTAssertEqual(
            html.components(separatedBy: "url(").count - 1,
            html.components(separatedBy: "url(data:font/woff;base64,").count - 1)
        // Regular, bold and italic; bold italic only when the report has bold italic text.
        let faces = html.components(separatedBy: "@font-face").count - 1
        XCTAssertEqual(faces, html.contains("<strong><em>") ? 4 : 3)
        XCTAssertTrue(
            html.contains("<div class=\"bars\" role=\"img\" aria-label="), "de grafieken horen in de HTML zelf te staan"
        )
        XCTAssertTrue(html.contains("@page"), "printregels voor A4 ontbreken")
        XCTAssertTrue(html.contains("size: A4"))
        XCTAssertTrue(html.contains("counter(pages)"))
        XCTAssertTrue(html.contains("break-before: page"))
    }

    func testPDFStructure() throws {
        let (report, _) = try ExampleSite.report2020()
        let result = try outputs().pdf
        let pdf = try PDFInspector(bytes: result.bytes)  // every xref offset, the page tree
        XCTAssertEqual(pdf.pageCount, result.pageCount)
        XCTAssertGreaterThan(pdf.pageCount, 12)
        XCTAssertEqual(pdf.language, "nl-NL")
        XCTAssertEqual(pdf.info["Title"], "Jaarverslag 2020")
        XCTAssertEqual(pdf.info["Author"], "Stichting de Maatschappelijke Alliantie")
        XCTAssertTrue(pdf.info["Subject"]?.contains("Jaarverslag 2020") == true)
        // The theme's Noto Sans, embedded as subsets with Unicode maps; tagged for PDF/UA-1 and PDF/A-2a.
        XCTAssertTrue(pdf.fonts.contains { $0.hasSuffix("+NotoSans-Regular") }, "\(pdf.fonts)")
        XCTAssertTrue(pdf.fonts.contains { $0.hasSuffix("+NotoSans-Bold") }, "\(pdf.fonts)")
        XCTAssertEqual(pdf.taggingProblems(), [])
        XCTAssertLessThan(result.bytes.count, 400_000, "the 2020 report stays under 400 KB")
        // The contents link to every chapter and section; results and sources link out.
        XCTAssertGreaterThanOrEqual(
            pdf.internalLinkCount, report.chapters.count + report.chapters.map(\.subsections.count).reduce(0, +))
        XCTAssertFalse(pdf.uriLinks.isEmpty)
        // The outline has every section of the report, in order, at its depth, on a real page.
        let numbered = report.allSections.map { s -> (Int, String) in
            (min(s.level, 3), s.number.map { "\($0) \(s.title)" } ?? s.title)
        }
        let fromOutline = pdf.outline.filter { $0.level <= 3 }.map { ($0.level, $0.title) }
        let sections = fromOutline.filter { item in numbered.contains { $0 == item } }
        XCTAssertEqual(sections.map(\.1), numbered.map(\.1))
        for item in pdf.outline {
            XCTAssertTrue((2...pdf.pageCount).contains(item.page), "\(item.title) wijst naar pagina \(item.page)")
        }
        // Chapters start on a new page, in order.
        let chapterPages = report.chapters.compactMap { c in
            result.headings.first { $0.title == (c.number.map { "\($0) \(c.title)" } ?? c.title) }?.page
        }
        XCTAssertEqual(chapterPages.count, report.chapters.count)
        XCTAssertEqual(chapterPages, chapterPages.sorted())
        XCTAssertEqual(Set(chapterPages).count, chapterPages.count)
    }

    func testPDFTextShowsPageXOfY() throws {
        let (_, pdfText, pdf) = try outputs()
        XCTAssertTrue(pdfText.contains("pagina 3 van \(pdf.pageCount)"))
        XCTAssertTrue(pdfText.contains("Jaarverslag 2020 · Maatschappelijke Alliantie"))
        XCTAssertTrue(pdfText.contains("Saïd"), "Nederlandse tekens horen in de PDF")
        XCTAssertTrue(pdfText.contains("€"))
    }
}

/// Found reading the code for issue 18: a bar whose value is infinite or not a number (a share of a
/// total of nearly nothing) trapped in `Int(_:)` while the HTML chart was written; the PDF chart already
/// drew it as no bar, and so does the HTML one now.
final class HTMLBarChartTests: XCTestCase {
    func testBarsThatAreNoNumberAreDrawnEmpty() {
        let chart = ReportChart(
            title: "Besteed aan doelstellingen",
            bars: [
                .init(label: "2020", value: .nan, valueLabel: "–", highlighted: false),
                .init(label: "2019", value: .infinity, valueLabel: "–", highlighted: false),
                .init(label: "2018", value: 50, valueLabel: "50%", highlighted: false),
            ], reference: .init(value: -.infinity, label: "norm"))
        let html = HTMLBarChart.render(chart)
        XCTAssertEqual(
            html.components(separatedBy: "class=\"bar\" style=\"width: calc((100% - 7.5em) * 0)\"").count - 1, 2)
        XCTAssertTrue(html.contains("class=\"bar\" style=\"width: calc((100% - 7.5em) * 1)\""), html)
    }
}
