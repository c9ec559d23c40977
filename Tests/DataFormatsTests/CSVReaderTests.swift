import DataFormats
import Diagnostics
import XCTest

final class CSVReaderTests: XCTestCase {
    private func parse(_ text: String, hasHeader: Bool = true) throws -> CSVTable {
        try CSVReader.parse(SourceFile(name: "baten.csv", text: text), hasHeader: hasHeader)
    }

    func testSemicolonsWithDutchAmounts() throws {
        let table = try parse("post;2020;2019\nSubsidie;240.000;235.000\nResultaat;95.677;-2.500\n")
        XCTAssertEqual(table.separator, ";")
        XCTAssertEqual(table.header?.fields, ["post", "2020", "2019"])
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(table.rows[1].fields, ["Resultaat", "95.677", "-2.500"])
        XCTAssertEqual(table.rows[1].line, 3)
        XCTAssertEqual(table.rows[1].columns, [1, 11, 18])
        XCTAssertEqual(table.value(table.rows[0], " 2020 "), "240.000")
        XCTAssertEqual(DutchNumber.parseAmount(table.rows[1][1]!), Decimal(95677))
    }

    func testQuotingRFC4180() throws {
        let table = try parse("naam,omschrijving\r\n\"Jansen, A.\",\"zei \"\"ja\"\"\r\nen ging\"\r\nB,\r\n")
        XCTAssertEqual(table.separator, ",")
        XCTAssertEqual(table.rows[0].fields, ["Jansen, A.", "zei \"ja\"\nen ging"])
        XCTAssertEqual(table.rows[1].fields, ["B", ""])
        XCTAssertEqual(table.rows[1].line, 4)
    }

    func testBOMBlankLinesAndNoHeader() throws {
        let table = try parse("\u{FEFF}a,b\n\n1,2\n", hasHeader: false)
        XCTAssertNil(table.header)
        XCTAssertEqual(table.rows.map(\.fields), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(table.rows[1].line, 3)
        XCTAssertEqual(try parse("").rows, [])
    }

    func testSemicolonDetectionIgnoresQuotedSeparators() throws {
        XCTAssertEqual(try parse("\"a;b;c\",d\n1,2\n").separator, ",")
        XCTAssertEqual(try parse("\"a,b,c\";d\n1;2\n").separator, ";")
    }

    func testExplicitAndTabSeparators() throws {
        let tabbed = try parse("a\tb\n1\t2\n")
        XCTAssertEqual(tabbed.separator, "\t")
        XCTAssertEqual(tabbed.rows[0].fields, ["1", "2"])
        let forced = try CSVReader.parse(SourceFile(name: "x.csv", text: "a;b,c\n1;2,3\n"), separator: ",")
        XCTAssertEqual(forced.header?.fields, ["a;b", "c"])
        XCTAssertThrowsError(try CSVReader.parse(SourceFile(name: "x.csv", text: "a\n"), separator: "\""))
        let headerOnly = try parse("post;bedrag\n")
        XCTAssertEqual(headerOnly.header?.fields, ["post", "bedrag"])
        XCTAssertEqual(headerOnly.rows, [])
        XCTAssertEqual(headerOnly.columnIndex("Bedrag"), 1)
        XCTAssertNil(headerOnly.columnIndex("saldo"))
    }

    func testColumnsCountCharactersNotBytes() throws {
        let table = try parse("één;twee\nëë;x\n")
        XCTAssertEqual(table.header?.columns, [1, 5])
        XCTAssertEqual(table.rows[0].columns, [1, 4])
    }

    func testErrorsHavePositions() {
        func check(_ text: String, _ line: Int, _ column: Int, _ fragment: String, l: UInt = #line) {
            XCTAssertThrowsError(try parse(text), line: l) { error in
                guard let d = error as? Diagnostic else { return XCTFail("not a diagnostic", line: l) }
                XCTAssertEqual(d.file, "baten.csv", line: l)
                XCTAssertEqual(d.line, line, "\(d)", line: l)
                XCTAssertEqual(d.column, column, "\(d)", line: l)
                XCTAssertTrue(d.message.contains(fragment), d.message, line: l)
            }
        }
        check("a;b\n1;2;3\n", 2, 5, "3 velden, de eerste rij 2")
        check("a;b;c\n1;2\n", 2, 4, "2 velden, de eerste rij 3")
        check("a,b\n\"open,2\n3,4\n", 2, 1, "niet gesloten")
        check("a,b\n\"x\"y,2\n", 2, 4, "sluitende aanhalingsteken")
        check("a,b\nx\"y,2\n", 2, 2, "midden in een veld")
        check("a,b\n1,\u{7}\n", 2, 3, "stuurteken")
        check("a,b\n1,2\r3,4\n", 2, 4, "losse CR")
    }
}

final class DutchNumberTests: XCTestCase {
    private func d(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    func testAmounts() {
        XCTAssertEqual(DutchNumber.parseAmount("95.677"), d("95677"))
        XCTAssertEqual(DutchNumber.parseAmount("1.234,56"), d("1234.56"))
        XCTAssertEqual(DutchNumber.parseAmount("-2.500"), d("-2500"))
        XCTAssertEqual(DutchNumber.parseAmount("(2.500)"), d("-2500"))
        XCTAssertEqual(DutchNumber.parseAmount("€ 1.234,56"), d("1234.56"))
        XCTAssertEqual(DutchNumber.parseAmount("€\u{A0}240.000"), d("240000"))
        XCTAssertEqual(DutchNumber.parseAmount("-€ 12,50"), d("-12.5"))
        XCTAssertEqual(DutchNumber.parseAmount("€ -12,50"), d("-12.5"))
        XCTAssertEqual(DutchNumber.parseAmount("(€ 2.500,00)"), d("-2500"))
        XCTAssertEqual(DutchNumber.parseAmount("\u{2212}7"), d("-7"))
        XCTAssertEqual(DutchNumber.parseAmount("€ 25,-"), d("25"))
        XCTAssertEqual(DutchNumber.parseAmount("12 EUR"), d("12"))
        XCTAssertEqual(DutchNumber.parseAmount(" 2,2 "), d("2.2"))
        XCTAssertEqual(DutchNumber.parseAmount("1234567,891"), d("1234567.891"))
        XCTAssertEqual(DutchNumber.parseAmount("1.234.567,01"), d("1234567.01"))
        XCTAssertEqual(DutchNumber.parseAmount("0,1"), d("0.1"))
    }

    func testExactNotDouble() {
        // 0,1 + 0,2 is exactly 0,3 in Decimal; through Double it would not be.
        let sum = DutchNumber.parseAmount("0,1")! + DutchNumber.parseAmount("0,2")!
        XCTAssertEqual(sum, d("0.3"))
        XCTAssertEqual(DutchNumber.parseAmount("12345678901234567890,12"), d("12345678901234567890.12"))
    }

    /// Found by fuzzing: more than 19 digits with leading zeros trapped on a range in the scanner
    /// ("Range requires lowerBound <= upperBound"), killing `check` and `build`.
    func testManyDecimalsDoNotTrap() {
        XCTAssertEqual(DutchNumber.parseAmount("0,00000000000000000001"), d("0.00000000000000000001"))
        XCTAssertEqual(DutchNumber.parseAmount("1234,5600000000000001"), d("1234.5600000000000001"))
        XCTAssertEqual(DutchNumber.parseAmount("-0,000000000000000000000000005"), d("-0.000000000000000000000000005"))
        XCTAssertEqual(DutchNumber.parseAmount("000000000000000000000012,5"), d("12.5"))
        // Beyond Decimal's 38 significant digits it is no number rather than a wrong one.
        XCTAssertNil(DutchNumber.parseAmount("1" + String(repeating: "1", count: 40) + ",5"))
    }

    func testRejects() {
        for text in [
            "", " ", "€", "-", "2.5", "1,234.56", "1.23", "12.3456", ".123", "1,", "abc", "1,2,3", "--5", "1 234",
        ] {
            XCTAssertNil(DutchNumber.parseAmount(text), text)
        }
    }

    func testFormat() {
        XCTAssertEqual(DutchFormat.number(d("1234.56"), decimals: 2), "1.234,56")
        XCTAssertEqual(DutchFormat.number(d("95677"), decimals: 0), "95.677")
        XCTAssertEqual(DutchFormat.number(d("-2500"), decimals: 2), "-2.500,00")
        XCTAssertEqual(DutchFormat.number(d("0.005"), decimals: 2), "0,01")
        XCTAssertEqual(DutchFormat.number(d("-0.001"), decimals: 2), "0,00")
        XCTAssertEqual(DutchFormat.number(d("1234567.5"), decimals: 1, grouping: false), "1234567,5")
        XCTAssertEqual(DutchFormat.number(d("999"), decimals: 2), "999,00")
    }
}
