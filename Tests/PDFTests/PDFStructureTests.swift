import PDFTestSupport
import XCTest

@testable import PDF

/// Reads our own output back: cross-reference offsets, page tree, outline, metadata, links, fonts, and
/// the tagging (our own structural check, `PDFInspector.taggingProblems`).
final class PDFStructureTests: XCTestCase {
    private static let sample = Typesetter().typeset(ThemeFonts.sample())

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
        XCTAssertTrue(
            pdf.outline.contains(PDFInspector.OutlineItem(level: 1, title: "4 Financiën", page: result.pageCount)))
        XCTAssertTrue(
            pdf.outline.contains { $0.level == 2 && $0.title == "2.3 Stimuleren van tolerantie bij kinderen" })
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
        // Every font an embedded subset (six capitals and a plus) with Unicode.
        XCTAssertEqual(
            Set(pdf.fontInfo.map { String($0.baseFont.dropFirst(7)) }),
            ["NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic"])
        for font in pdf.fontInfo {
            XCTAssertTrue(font.baseFont.range(of: "^[A-Z]{6}\\+", options: .regularExpression) != nil, font.baseFont)
            XCTAssertEqual(font.subtype, "Type0")
            XCTAssertTrue(font.embedded && font.hasToUnicode, font.baseFont)
        }
        let xmp = try XCTUnwrap(pdf.metadata)
        for claim in [
            "<pdfuaid:part>1</pdfuaid:part>", "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>A</pdfaid:conformance>",
            "<rdf:li>nl-NL</rdf:li>", "<xmp:CreateDate>2021-01-01T00:00:00Z</xmp:CreateDate>",
        ] {
            XCTAssertTrue(xmp.contains(claim), claim)
        }
        XCTAssertNotNil(pdf.catalog["OutputIntents"])
    }

    /// Our own structural check: every text-showing operator tagged or an artifact, headings equal to
    /// the outline, figures with /Alt, table headers with /Scope, links in Link elements, and the rest
    /// of `taggingProblems`.
    func testTheSampleIsTaggedForPDFUAAndPDFA() throws {
        let pdf = try PDFInspector(bytes: PDFStructureTests.sample.bytes)
        XCTAssertEqual(pdf.taggingProblems(), [])
        let types = Set(pdf.structure.map(\.type))
        XCTAssertTrue(
            types.isSuperset(of: [
                "Document", "Sect", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "THead",
                "TBody", "TR", "TH", "TD", "Figure", "Caption", "Link", "TOC", "TOCI",
            ]), "\(types)")
        let figure = try XCTUnwrap(pdf.structure.first { $0.type == "Figure" })
        XCTAssertTrue(figure.alt?.hasPrefix("Lasten per doelstelling") == true, figure.alt ?? "")
        // The running header and page numbers are artifacts; the first text of a page after the cover too.
        XCTAssertTrue(pdf.shownText[2].first?.inArtifact == true)
        XCTAssertTrue(pdf.shownText[2].last?.inArtifact == true)
    }

    /// A document set in the standard fonts is still tagged, but claims neither PDF/A nor PDF/UA.
    func testStandardFontsStayAnOption() throws {
        let result = Typesetter().typeset(SampleDocument.annualReport(sectionsPerTheme: 1, tableRows: 5))
        let pdf = try PDFInspector(bytes: result.bytes)
        XCTAssertTrue(Set(pdf.fonts).isSuperset(of: ["Helvetica", "Helvetica-Bold", "Times-Roman", "Times-Italic"]))
        XCTAssertTrue(String(decoding: result.bytes, as: UTF8.self).contains("/Encoding /WinAnsiEncoding"))
        XCTAssertFalse(pdf.metadata?.contains("<pdfuaid:part>") ?? true)
        XCTAssertFalse(pdf.metadata?.contains("<pdfaid:part>") ?? true)
        XCTAssertNil(pdf.catalog["OutputIntents"])
        XCTAssertEqual(
            pdf.taggingProblems(requirePDFA: false).filter {
                !$0.hasPrefix("PDF/UA-1 7.21") && !$0.hasPrefix("PDF/UA-1 5")
            }, [])
    }

    func testThePDFAClaimCanBeTurnedOff() throws {
        var document = ThemeFonts.sample(sectionsPerTheme: 1, tableRows: 5)
        document.claimPDFA = false
        let pdf = try PDFInspector(bytes: Typesetter().typeset(document).bytes)
        XCTAssertFalse(pdf.metadata?.contains("pdfaid:part") ?? true)
        XCTAssertTrue(pdf.metadata?.contains("<pdfuaid:part>1</pdfuaid:part>") ?? false)
        XCTAssertEqual(pdf.taggingProblems(requirePDFA: false), [])
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
        XCTAssertTrue(pdf.text(ofPage: 3).contains("€ 95.677"), "the amount, its glued space read as a space")
        XCTAssertEqual(pdf.text.components(separatedBy: "\u{0C}").count, result.pageCount)
        XCTAssertTrue(pdf.text.contains("Resultaat"))
    }

    func testExplicitAndAutomaticNumbers() {
        let document = TypesetDocument(
            metadata: DocumentMetadata(title: "Nummers"),
            blocks: [
                .heading(Heading(level: 1, text: "Voorwoord", numbered: false)),
                .heading(Heading(level: 1, text: "Visie")),
                .heading(Heading(level: 2, text: "Missie")),
                .heading(Heading(level: 3, text: "Doel")),
                .heading(Heading(level: 2, text: "Strategie")),
                .heading(Heading(level: 1, text: "Thema's")),
                .heading(Heading(level: 2, text: "Onderwijs", number: "2.2")),
                .heading(Heading(level: 3, text: "Resultaten")),
            ])
        XCTAssertEqual(
            Typesetter().typeset(document).headings.map(\.title),
            [
                "Voorwoord", "1 Visie", "1.1 Missie", "1.1.1 Doel", "1.2 Strategie", "2 Thema's", "2.2 Onderwijs",
                "2.2.1 Resultaten",
            ])
        var unnumbered = document
        unnumbered.numberHeadings = false
        XCTAssertEqual(
            Typesetter().typeset(unnumbered).headings.map(\.title).prefix(3), ["Voorwoord", "Visie", "Missie"])
    }

    func testUncompressedContentIsPlainText() throws {
        let plain = Typesetter(compress: false).typeset(ThemeFonts.sample(sectionsPerTheme: 1, tableRows: 5))
        let pdf = try PDFInspector(bytes: plain.bytes)
        XCTAssertFalse(String(decoding: plain.bytes, as: UTF8.self).contains("/FlateDecode"))
        XCTAssertTrue(pdf.pageContents[1].contains("BT\n"))
        XCTAssertLessThan(
            PDFStructureTests.sample.bytes.count * 2,
            Typesetter(compress: false)
                .typeset(ThemeFonts.sample()).bytes.count, "compression halves the file at least")
    }

    func testTheSameDocumentGivesTheSameBytes() {
        let again = Typesetter().typeset(ThemeFonts.sample())
        XCTAssertEqual(again.bytes, PDFStructureTests.sample.bytes)
    }

    func testOddInputGivesAValidFileAndNoCrash() throws {
        let odd = TypesetDocument(
            metadata: DocumentMetadata(
                title: "Test (met haakjes) \\ en één", creationDate: Date(timeIntervalSince1970: 0)),
            blocks: [
                .heading(Heading(level: 0, text: "")),
                .heading(Heading(level: 12, text: "Diep 🙂 genest")),
                .paragraph([]),
                .paragraph([
                    TextRun(String(repeating: "x", count: 3000)), TextRun(" zie", link: .anchor("bestaat-niet")),
                ]),
                .list(ListBlock(ordered: true, items: [])),
                .list(ListBlock(items: [ListItem([])])),
                .table(Table(columns: [], rows: [])),
                .table(
                    Table(
                        columns: [TableColumn(alignment: .center)], header: [],
                        rows: [TableRow([String(repeating: "y", count: 500)])])),
                .barChart(BarChart(title: "", bars: [])),
                .barChart(
                    BarChart(
                        title: "nul",
                        bars: [
                            BarChart.Bar(label: "a", value: .nan, valueLabel: "?"),
                            BarChart.Bar(label: "b", value: -5, valueLabel: "-5"),
                        ],
                        reference: BarChart.Reference(value: .infinity, label: "oneindig"))),
                .barChart(
                    BarChart(
                        title: "enorm",
                        bars: [
                            BarChart.Bar(label: "a", value: .greatestFiniteMagnitude, valueLabel: "max"),
                            BarChart.Bar(label: "b", value: -.greatestFiniteMagnitude, valueLabel: "min"),
                        ])),
                .pageBreak, .pageBreak,
                .tableOfContents(title: "Inhoud", maxLevel: 0),
            ])
        var themed = odd
        themed.style.bodyFonts = ThemeFonts.set
        themed.style.headingFonts = ThemeFonts.set
        let result = Typesetter().typeset(themed)
        let pdf = try PDFInspector(bytes: result.bytes)
        XCTAssertEqual(pdf.taggingProblems(), [])
        XCTAssertEqual(pdf.info["Title"], "Test (met haakjes) \\ en één")
        XCTAssertEqual(pdf.pageCount, result.pageCount)
        XCTAssertEqual(pdf.internalLinkCount, 0, "a link to a missing anchor is left out")

        let empty = Typesetter().typeset(TypesetDocument(metadata: DocumentMetadata(title: "Leeg")))
        XCTAssertEqual(try PDFInspector(bytes: empty.bytes).pageCount, 1)
    }
}
