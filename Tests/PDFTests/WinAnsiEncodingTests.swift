import XCTest

@testable import PDF

final class WinAnsiEncodingTests: XCTestCase {
    func testDutchCharactersAndPunctuation() {
        let text = "é ë ï ó ö ü è à ç ‘ ’ “ ” – — … • €"
        let expected: [UInt8] = [
            0xE9, 0xEB, 0xEF, 0xF3, 0xF6, 0xFC, 0xE8, 0xE0, 0xE7, 0x91, 0x92, 0x93, 0x94,
            0x96, 0x97, 0x85, 0x95, 0x80,
        ]
        XCTAssertEqual(WinAnsiEncoding.encode(text).filter { $0 != 0x20 }, expected)
        XCTAssertEqual(WinAnsiEncoding.decode(WinAnsiEncoding.encode(text)), text)
    }

    func testAsciiIsUnchanged() {
        XCTAssertEqual(WinAnsiEncoding.encode("Jaarverslag 2020 (concept)"), Array("Jaarverslag 2020 (concept)".utf8))
    }

    func testCharactersOutsideWinAnsiGetAReplacement() {
        XCTAssertEqual(WinAnsiEncoding.encode("Erdős"), Array("Erdos".utf8))
        XCTAssertEqual(WinAnsiEncoding.encode("Łódź"), [0x4C, 0xF3, 0x64, 0x7A])
        XCTAssertEqual(WinAnsiEncoding.encode("ﬁets"), Array("fiets".utf8))
        XCTAssertEqual(WinAnsiEncoding.encode("3 − 2"), Array("3 - 2".utf8))
        XCTAssertEqual(
            WinAnsiEncoding.encode("a\u{200B}b\u{00AD}c"), Array("abc".utf8), "zero-width and soft hyphen dropped")
        XCTAssertEqual(
            WinAnsiEncoding.encode("€\u{202F}5"), [0x80, 0xA0, 0x35], "narrow no-break space stays unbreakable")
        XCTAssertEqual(WinAnsiEncoding.encode("大🙂"), [0x3F, 0x3F])
        XCTAssertEqual(WinAnsiEncoding.encode("a\tb\nc"), Array("a b c".utf8))
        XCTAssertEqual(WinAnsiEncoding.encode("e\u{0301}"), [0x65], "a lone combining mark adds nothing")
    }
}
