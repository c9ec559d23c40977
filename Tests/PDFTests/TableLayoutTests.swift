import XCTest
@testable import PDF

final class TableLayoutTests: XCTestCase {
    func testNumericCells() {
        for numeric in ["95.677", "€ 95.677", "-3.500", "6,2%", "(1.200)", "€\u{A0}1.234,56", "0"] {
            XCTAssertTrue(TableLayout.isNumeric(numeric), numeric)
        }
        for text in ["Lid 1", "", "€", "2020-2022 plan", "n.v.t."] {
            XCTAssertFalse(TableLayout.isNumeric(text), text)
        }
    }

    func testNaturalWidthsWhenTheyFitWithExtraSpaceToTextColumns() {
        let widths = TableLayout.columnWidths(natural: [100, 50], minimum: [40, 50], available: 300, stretchable: [true, false])
        XCTAssertEqual(widths, [250, 50])
    }

    func testNarrowTablesShareWhatRemainsAfterTheMinimum() {
        let widths = TableLayout.columnWidths(natural: [400, 300, 60], minimum: [80, 60, 60], available: 400,
                                              stretchable: [true, true, false])
        XCTAssertEqual(widths.reduce(0, +), 400, accuracy: 0.001)
        XCTAssertEqual(widths[2], 60, accuracy: 0.001, "a column that is already at its natural width keeps it")
        XCTAssertGreaterThan(widths[0], widths[1])
        XCTAssertTrue(zip(widths, [80.0, 60, 60]).allSatisfy { $0 >= $1 - 0.001 })
    }

    func testHopelesslyWideWordsScaleDown() {
        let widths = TableLayout.columnWidths(natural: [500, 500], minimum: [300, 300], available: 400, stretchable: [true, true])
        XCTAssertEqual(widths, [200, 200])
    }

    func testAmountsAreRightAlignedAndCellsStayInsideTheirColumn() {
        var style = DocumentStyle()
        style.marginLeft = 0
        let layout = TableLayout(style: style, width: 300)
        let slices = layout.slices(for: Table(columns: [TableColumn(), TableColumn()], header: [["Post", "2020"]],
                                              rows: [TableRow(["Subsidie", "240.000"]), TableRow(["Resultaat", "95.677"], bold: true)]))
        XCTAssertEqual(slices.count, 3)
        var rightEdges: [Double] = []
        for slice in slices.dropFirst() {
            for case let .text(x, _, font, size, bytes, _, _, _) in slice.ops where TableLayout.isNumeric(WinAnsiEncoding.decode(bytes)) {
                rightEdges.append(x + font.width(of: bytes, size: size))
            }
        }
        XCTAssertEqual(rightEdges.count, 2)
        XCTAssertEqual(rightEdges[0], rightEdges[1], accuracy: 0.01, "amounts share their right edge")
        XCTAssertLessThanOrEqual(rightEdges[0], 300)
        XCTAssertFalse(slices[1].breakAllowedBefore, "the first row stays with the header")
    }

    func testAWideTableGetsSmallerTypeBeforeWordsAreCut() {
        var style = DocumentStyle()
        style.marginLeft = 0
        let layout = TableLayout(style: style, width: 300)
        let header = ["Doelstelling", "Personeelskosten", "Huisvestingskosten", "Projectkosten"]
        let slices = layout.slices(for: Table(columns: header.map { _ in TableColumn() }, header: [header],
                                              rows: [TableRow(["Inzichtenplatform", "48.600", "6.100", "49.250"])]))
        var sizes = Set<Double>()
        var words: [String] = []
        for slice in slices {
            for case let .text(_, _, _, size, bytes, _, _, _) in slice.ops {
                sizes.insert(size)
                words.append(WinAnsiEncoding.decode(bytes))
            }
        }
        XCTAssertEqual(sizes.count, 1)
        XCTAssertLessThan(sizes.first!, style.bodySize - 1, "smaller than the normal table type")
        XCTAssertGreaterThanOrEqual(sizes.first!, (style.bodySize - 1) * 0.75)
        for word in header + ["Inzichtenplatform"] { XCTAssertTrue(words.contains(word), "\(word) is not cut: \(words)") }
    }

    func testRaggedAndEmptyTablesDoNotCrash() {
        let layout = TableLayout(style: DocumentStyle(), width: 300)
        XCTAssertTrue(layout.slices(for: Table(columns: [], rows: [])).isEmpty)
        let ragged = layout.slices(for: Table(columns: [TableColumn()], header: [["a", "b", "c"]], rows: [TableRow(["1"]), TableRow([])]))
        XCTAssertEqual(ragged.count, 3)
    }
}
