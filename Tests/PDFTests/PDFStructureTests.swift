import XCTest
@testable import PDF

/// Reads our own output back: cross-reference offsets, page tree, outline, metadata, links.
final class PDFStructureTests: XCTestCase {
    private static let sample = Typesetter().typeset(SampleDocument.annualReport(sectionsPerTheme: 3, tableRows: 60))

    func testCrossReferenceOffsetsAndPageTree() throws {
        let result = PDFStructureTests.sample
        let pdf = try PDFInspector(bytes: result.bytes)  // checks every xref offset points at "N 0 obj"
        XCTAssertGreaterThan(pdf.offsets.count, 20)
        XCTAssertEqual(pdf.pageCount, result.pageCount)
        XCTAssertGreaterThanOrEqual(result.pageCount, 10)
        XCTAssertTrue(String(decoding: result.bytes.prefix(9), as: UTF8.self).hasPrefix("%PDF-1.7"))
        XCTAssertTrue(String(decoding: result.bytes.suffix(200), as: UTF8.self).contains("/ID [<"))
    }

    func testOutlineHasEveryHeadingNestedWithItsPage() throws {
        let result = PDFStructureTests.sample
        let pdf = try PDFInspector(bytes: result.bytes)
        XCTAssertEqual(pdf.outline.count, result.headings.count)
        XCTAssertEqual(pdf.outlineCount, result.headings.count)
        XCTAssertEqual(pdf.outline.map(\.title), result.headings.map(\.title))
        XCTAssertEqual(pdf.outline.map(\.page), result.headings.map(\.page))
        XCTAssertEqual(pdf.outline.map(\.level), result.headings.map(\.level))
        XCTAssertTrue(pdf.outline.contains(PDFInspector.OutlineItem(level: 1, title: "4 Financiën", page: result.pageCount)))
        XCTAssertTrue(pdf.outline.contains { $0.level == 2 && $0.title == "2.3 Stimuleren van tolerantie bij kinderen" })
        XCTAssertTrue(pdf.outline.contains { $0.level == 3 && $0.title == "2.5.3 Resultaten" })
        XCTAssertEqual(pdf.outline.prefix(2).map(\.title), ["Inhoud", "Voorwoord"])
    }

    func testMetadataLanguageAndFonts() throws {
        let pdf = try PDFInspector(bytes: PDFStructureTests.sample.bytes)
        XCTAssertEqual(pdf.info["Title"], "Jaarverslag 2020")
        XCTAssertEqual(pdf.info["Author"], "Stichting de Maatschappelijke Alliantie")
        XCTAssertEqual(pdf.info["Subject"], "Jaarverslag 2020 van de Maatschappelijke Alliantie")
        XCTAssertEqual(pdf.info["Producer"], "breingen PDF")
        XCTAssertEqual(pdf.info["CreationDate"], "D:20210101000000Z")
        XCTAssertEqual(pdf.language, "nl-NL")
        XCTAssertTrue(Set(pdf.fonts).isSuperset(of: ["Helvetica", "Helvetica-Bold", "Times-Roman", "Times-Italic"]))
        let fontObject = String(decoding: PDFStructureTests.sample.bytes, as: UTF8.self)
        XCTAssertTrue(fontObject.contains("/Encoding /WinAnsiEncoding"))
    }

    func testLinks() throws {
        let result = PDFStructureTests.sample
        let pdf = try PDFInspector(bytes: result.bytes)
        XCTAssertTrue(pdf.uriLinks.contains("https://hetmaatschappelijkbrein.nl/"))
        // Every contents entry is clickable, and so are "hoofdstuk 4" in the foreword and "tabel 4.1".
        let entries = result.headings.filter { $0.level <= 2 && $0.title != "Inhoud" }.count
        XCTAssertEqual(pdf.internalLinkCount, entries + 2)
    }

    func testContentsShowTheRealPageNumbers() throws {
        // The contents page ends every entry with the page number of its heading.
        let result = PDFStructureTests.sample
        let pdf = try PDFInspector(bytes: result.bytes)
        let contents = pdf.text(ofPage: 2).split(separator: "\n").map(String.init)
        let financien = result.headings.first { $0.title == "4 Financiën" }!
        XCTAssertEqual(financien.page, result.pageCount)
        // The entry, its leader, then its page number.
        let entry = contents.firstIndex(of: "4 Financiën")!
        XCTAssertEqual(contents[entry + 2], "\(financien.page)")
        XCTAssertEqual(contents.last, "pagina 2 van \(result.pageCount)")
        XCTAssertTrue(pdf.text(ofPage: 3).contains("€\u{A0}95.677"), "the amount with its no-break space")
        XCTAssertEqual(pdf.text.components(separatedBy: "\u{0C}").count, result.pageCount)
        XCTAssertTrue(pdf.text.contains("Resultaat"))
    }

    func testExplicitAndAutomaticNumbers() {
        let document = TypesetDocument(metadata: DocumentMetadata(title: "Nummers"), blocks: [
            .heading(Heading(level: 1, text: "Voorwoord", numbered: false)),
            .heading(Heading(level: 1, text: "Visie")),
            .heading(Heading(level: 2, text: "Missie")),
            .heading(Heading(level: 3, text: "Doel")),
            .heading(Heading(level: 2, text: "Strategie")),
            .heading(Heading(level: 1, text: "Thema's")),
            .heading(Heading(level: 2, text: "Onderwijs", number: "2.2")),
            .heading(Heading(level: 3, text: "Resultaten")),
        ])
        XCTAssertEqual(Typesetter().typeset(document).headings.map(\.title),
                       ["Voorwoord", "1 Visie", "1.1 Missie", "1.1.1 Doel", "1.2 Strategie", "2 Thema's", "2.2 Onderwijs",
                        "2.2.1 Resultaten"])
        var unnumbered = document
        unnumbered.numberHeadings = false
        XCTAssertEqual(Typesetter().typeset(unnumbered).headings.map(\.title).prefix(3), ["Voorwoord", "Visie", "Missie"])
    }

    func testUncompressedContentIsPlainText() throws {
        let plain = Typesetter(compress: false).typeset(SampleDocument.annualReport(sectionsPerTheme: 1, tableRows: 5))
        let pdf = try PDFInspector(bytes: plain.bytes)
        XCTAssertFalse(String(decoding: plain.bytes, as: UTF8.self).contains("/FlateDecode"))
        XCTAssertTrue(pdf.pageContents[1].contains("BT\n"))
        XCTAssertLessThan(PDFStructureTests.sample.bytes.count * 2, Typesetter(compress: false)
            .typeset(SampleDocument.annualReport(sectionsPerTheme: 3, tableRows: 60)).bytes.count, "compression halves the file at least")
    }

    func testTheSameDocumentGivesTheSameBytes() {
        let again = Typesetter().typeset(SampleDocument.annualReport(sectionsPerTheme: 3, tableRows: 60))
        XCTAssertEqual(again.bytes, PDFStructureTests.sample.bytes)
    }

    func testOddInputGivesAValidFileAndNoCrash() throws {
        let odd = TypesetDocument(
            metadata: DocumentMetadata(title: "Test (met haakjes) \\ en één", creationDate: Date(timeIntervalSince1970: 0)),
            blocks: [
                .heading(Heading(level: 0, text: "")),
                .heading(Heading(level: 12, text: "Diep 🙂 genest")),
                .paragraph([]),
                .paragraph([TextRun(String(repeating: "x", count: 3000)), TextRun(" zie", link: .anchor("bestaat-niet"))]),
                .list(ListBlock(ordered: true, items: [])),
                .list(ListBlock(items: [ListItem([])])),
                .table(Table(columns: [], rows: [])),
                .table(Table(columns: [TableColumn(alignment: .center)], header: [], rows: [TableRow([String(repeating: "y", count: 500)])])),
                .barChart(BarChart(title: "", bars: [])),
                .barChart(BarChart(title: "nul", bars: [BarChart.Bar(label: "a", value: .nan, valueLabel: "?"),
                                                        BarChart.Bar(label: "b", value: -5, valueLabel: "-5")],
                                   reference: BarChart.Reference(value: .infinity, label: "oneindig"))),
                .barChart(BarChart(title: "enorm", bars: [BarChart.Bar(label: "a", value: .greatestFiniteMagnitude, valueLabel: "max"),
                                                          BarChart.Bar(label: "b", value: -.greatestFiniteMagnitude, valueLabel: "min")])),
                .pageBreak, .pageBreak,
                .tableOfContents(title: "Inhoud", maxLevel: 0),
            ])
        let result = Typesetter().typeset(odd)
        let pdf = try PDFInspector(bytes: result.bytes)
        XCTAssertEqual(pdf.info["Title"], "Test (met haakjes) \\ en één")
        XCTAssertEqual(pdf.pageCount, result.pageCount)
        XCTAssertEqual(pdf.internalLinkCount, 0, "a link to a missing anchor is left out")

        let empty = Typesetter().typeset(TypesetDocument(metadata: DocumentMetadata(title: "Leeg")))
        XCTAssertEqual(try PDFInspector(bytes: empty.bytes).pageCount, 1)
    }
}
