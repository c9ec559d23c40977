import XCTest

@testable import PDF

final class TableLayoutTests: XCTestCase {
    /// The theme's fonts, so widths are those of the report.
    private var style: DocumentStyle {
        var style = DocumentStyle()
        style.marginLeft = 0
        let noto = FontSet(
            regular: ThemeFonts.regular, bold: ThemeFonts.bold, italic: ThemeFonts.italic,
            boldItalic: ThemeFonts.boldItalic)
        style.bodyFonts = noto
        style.headingFonts = noto
        style.bodySize = 10
        return style
    }

    private func layout(_ width: Double = 459) -> TableLayout {
        TableLayout(style: style, width: width, hyphenation: HyphenationCache(Hyphenator.dutch))
    }

    /// Per column of the first row of `slices`: the text ops' x positions.
    private func textOps(_ slice: Slice) -> [(x: Double, text: String, size: Double, width: Double)] {
        slice.ops.compactMap { op in
            guard case .text(let x, _, let font, let size, let text, let adjustments, _, _) = op else { return nil }
            let width =
                font.width(of: text, size: size, kerning: false) + adjustments.reduce(0) { $0 + $1.1 } * size / 1000
            return (
                x,
                String(
                    String.UnicodeScalarView(
                        text.compactMap { Unicode.Scalar($0 == 0xAD ? 0x2D : $0 == TextScalars.gluedSpace ? 0x20 : $0) }
                    )), size, width
            )
        }
    }

    func testNumericCells() {
        for numeric in ["95.677", "€ 95.677", "-3.500", "6,2%", "(1.200)", "€\u{A0}1.234,56", "0"] {
            XCTAssertTrue(TableLayout.isNumeric(numeric), numeric)
        }
        for text in ["Lid 1", "", "€", "2020-2022 plan", "n.v.t."] {
            XCTAssertFalse(TableLayout.isNumeric(text), text)
        }
    }

    func testAmountsAreRightAlignedAndCellsStayInsideTheirColumn() {
        let slices = layout(300).slices(
            for: Table(
                columns: [TableColumn(), TableColumn()], header: [["Post", "2020"]],
                rows: [TableRow(["Subsidie", "240.000"]), TableRow(["Resultaat", "95.677"], bold: true)]))
        XCTAssertEqual(slices.count, 3)
        var rightEdges: [Double] = []
        for slice in slices.dropFirst() {
            for op in textOps(slice) where TableLayout.isNumeric(op.text) { rightEdges.append(op.x + op.width) }
        }
        XCTAssertEqual(rightEdges.count, 2)
        XCTAssertEqual(rightEdges[0], rightEdges[1], accuracy: 0.01, "amounts share their right edge")
        XCTAssertLessThanOrEqual(rightEdges[0], 300)
        XCTAssertFalse(slices[1].breakAllowedBefore, "the first row stays with the header")
    }

    /// The 2020 distribution of costs: six columns on A4. Every header takes at most two lines;
    /// "Kantoor- en algemene kosten" breaks at its spaces (after "Kantoor-"), no word is cut, and the
    /// objectives' column gets the room that saves lines.
    func testTheDistributionTableFitsA4WithHeadersInTwoLines() {
        let header = [
            "Doelstelling", "Personeelskosten", "Huisvestingskosten", "Kantoor- en algemene kosten",
            "Directe projectkosten", "Totaal",
        ]
        let rows = [
            ["Sociale huisvesting", "48.600", "6.100", "4.250", "33.400", "92.350"],
            ["Onderwijs", "72.900", "9.150", "6.370", "64.300", "152.720"],
            ["Stimuleren van tolerantie bij kinderen", "36.450", "4.575", "3.190", "30.200", "74.415"],
            ["Inzichtenplatform", "48.600", "6.100", "4.258", "49.250", "108.208"],
            ["Totaal 2020", "255.150", "32.025", "30.058", "201.090", "518.323"],
        ]
        let slices = layout().slices(
            for: Table(
                columns: header.map { _ in TableColumn() }, header: [header],
                rows: rows.map { TableRow($0) }, rowHeaders: true))
        let headerOps = textOps(slices[0])
        // One text op per line of each header cell: group them by x.
        var linesPerColumn: [Double: [String]] = [:]
        for op in headerOps { linesPerColumn[(op.x / 40).rounded(.down), default: []].append(op.text) }
        let kantoor = headerOps.filter {
            $0.text.hasPrefix("Kantoor") || $0.text.hasPrefix("algemene") || $0.text.hasPrefix("en")
        }
        XCTAssertEqual(kantoor.map(\.text), ["Kantoor- en", "algemene kosten"])
        let size = headerOps[0].size
        let lineHeight = size * 1.3
        XCTAssertLessThanOrEqual(slices[0].height, 2 * lineHeight + 6 + 0.01, "no header cell over more than two lines")
        XCTAssertGreaterThanOrEqual(size, 9 * 0.75)
        // Nothing cut: every body cell is there whole (a hyphenated word joins back).
        let body = slices.dropFirst().flatMap { textOps($0).map(\.text) }.joined(separator: " ").replacingOccurrences(
            of: "- ", with: "")
        for row in rows { for cell in row { XCTAssertTrue(body.contains(cell), "\(cell) in \(body)") } }
        // The widest row of text takes at most two lines.
        XCTAssertLessThanOrEqual(slices[3].height, 2 * lineHeight + 6 + 0.01)
    }

    func testExtraSpaceGoesToTheTextColumns() {
        let slices = layout(400).slices(
            for: Table(
                columns: [TableColumn(), TableColumn()], header: [["Naam", "fte"]],
                rows: [TableRow(["Quirine Hoogeveen", "0,6"])]))
        let ops = textOps(slices[1])
        XCTAssertEqual(ops.count, 2)
        // The amount sits at the right edge, the name at the left: the text column took the room.
        XCTAssertEqual(ops[1].x + ops[1].width, 400 - 5, accuracy: 0.5)
        XCTAssertEqual(ops[0].x, 5, accuracy: 0.01)
    }

    func testAHopelesslyWideTableGetsSmallerTypeBeforeWordsAreCut() {
        let header = ["Doelstelling", "Personeelskosten", "Huisvestingskosten", "Projectkosten"]
        let slices = layout(300).slices(
            for: Table(
                columns: header.map { _ in TableColumn() }, header: [header],
                rows: [TableRow(["Inzichtenplatform", "48.600", "6.100", "49.250"])]))
        let sizes = Set(slices.flatMap { textOps($0).map(\.size) })
        XCTAssertEqual(sizes.count, 1)
        XCTAssertGreaterThanOrEqual(sizes.first!, 9 * 0.75)
        let words = slices.flatMap { textOps($0).map(\.text) }.joined(separator: " ").replacingOccurrences(
            of: "- ", with: "")
        for word in header + ["Inzichtenplatform"] {
            XCTAssertTrue(words.contains(word), "\(word) is not cut: \(words)")
        }
    }

    func testRaggedAndEmptyTablesDoNotCrash() {
        let layout = TableLayout(style: DocumentStyle(), width: 300)
        XCTAssertTrue(layout.slices(for: Table(columns: [], rows: [])).isEmpty)
        let ragged = layout.slices(
            for: Table(columns: [TableColumn()], header: [["a", "b", "c"]], rows: [TableRow(["1"]), TableRow([])]))
        XCTAssertEqual(ragged.count, 3)
    }
}
