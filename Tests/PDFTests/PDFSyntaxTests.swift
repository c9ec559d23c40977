import XCTest

@testable import PDF

final class PDFSyntaxTests: XCTestCase {
    private func number(_ v: Double, _ decimals: Int = 2) -> String {
        var out: [UInt8] = []
        PDFSyntax.appendNumber(v, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testNumbers() {
        XCTAssertEqual(number(0), "0")
        XCTAssertEqual(number(12), "12")
        XCTAssertEqual(number(12.5), "12.5")
        XCTAssertEqual(number(-0.25), "-0.25")
        XCTAssertEqual(number(841.89), "841.89")
        XCTAssertEqual(number(0.001), "0")
        XCTAssertEqual(number(1.05), "1.05")
        XCTAssertEqual(number(0.333, 3), "0.333")
        XCTAssertEqual(number(100.1), "100.1")
        XCTAssertEqual(number(.nan), "0")
        XCTAssertEqual(number(1e300), "1000000000")
        XCTAssertEqual(number(-.greatestFiniteMagnitude), "-1000000000")
    }

    func testLiteralStringsEscapeDelimiters() {
        var out: [UInt8] = []
        PDFSyntax.appendLiteral(Array("a(b)c\\d\n".utf8), to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "(a\\(b\\)c\\\\d\\n)")
    }

    func testTextStringsUseUTF16ForNonAscii() {
        var ascii: [UInt8] = []
        PDFSyntax.appendTextString("nl-NL", to: &ascii)
        XCTAssertEqual(String(decoding: ascii, as: UTF8.self), "(nl-NL)")
        var dutch: [UInt8] = []
        PDFSyntax.appendTextString("Financiën", to: &dutch)
        XCTAssertEqual(String(decoding: dutch, as: UTF8.self), "<FEFF00460069006E0061006E0063006900EB006E>")
    }

    func testDates() {
        XCTAssertEqual(PDFSyntax.date(Date(timeIntervalSince1970: 1_609_459_200)), "D:20210101000000Z")
    }
}
