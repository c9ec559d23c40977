import Diagnostics
import XCTest

@testable import ContentModel

final class CSVCellsTests: XCTestCase {
    func testSemicolonsQuotesAndPositions() throws {
        let source = SourceFile(
            name: "t.csv", text: "Omschrijving;Bedrag\n\"Huur; kantoor\";1.234,56\n\"Zeg \"\"hoi\"\"\";-2.500\n")
        let cells = try CSVCells.read(source)
        XCTAssertEqual(cells.rows.count, 3)
        XCTAssertEqual(cells.rows[1].map(\.text), ["Huur; kantoor", "1.234,56"])
        XCTAssertEqual(cells.rows[2][0].text, "Zeg \"hoi\"")
        XCTAssertEqual(cells.rows[1][1].line, 2)
        XCTAssertEqual(cells.rows[1][1].column, 17)
    }

    func testCommaSeparatorCRLFAndUnterminatedQuote() throws {
        let cells = try CSVCells.read(SourceFile(name: "t.csv", text: "a,b\r\n1,2\r\n"))
        XCTAssertEqual(cells.rows.map { $0.map(\.text) }, [["a", "b"], ["1", "2"]])
        XCTAssertThrowsError(try CSVCells.read(SourceFile(name: "t.csv", text: "a;b\n\"open;1\n")))
    }
}
