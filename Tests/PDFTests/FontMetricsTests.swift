import XCTest

@testable import PDF

final class FontMetricsTests: XCTestCase {
    func testWidthsMatchTheStandardFonts() {
        // Reference values of Adobe's Helvetica and Times metrics.
        XCTAssertEqual(StandardFont.helvetica.widths[Int(UInt8(ascii: "A"))], 667)
        XCTAssertEqual(StandardFont.helvetica.widths[0x20], 278)
        XCTAssertEqual(StandardFont.helveticaBold.widths[Int(UInt8(ascii: "m"))], 889)
        XCTAssertEqual(StandardFont.timesRoman.widths[Int(UInt8(ascii: "a"))], 444)
        XCTAssertEqual(StandardFont.timesBold.widths[Int(UInt8(ascii: "W"))], 1000)
        XCTAssertEqual(StandardFont.timesItalic.widths[Int(UInt8(ascii: "f"))], 278)
        XCTAssertEqual(StandardFont.helvetica.widths[0x80], 556, "euro")
        XCTAssertEqual(StandardFont.helvetica.widths[0x97], 1000, "em dash")
        XCTAssertEqual(StandardFont.timesRoman.widths[0xE9], 444, "e acute")
    }

    func testEveryWinAnsiCodeHasAWidthInEveryFont() {
        let unused: Set<Int> = [0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x7F]
        for font in StandardFont.allCases {
            for code in 0x20...0xFF where !unused.contains(code) {
                XCTAssertGreaterThan(font.widths[code], 0, "\(font.baseFontName) code \(code)")
            }
        }
    }

    func testStringWidthSumsTheGlyphs() {
        // H e l l o = 722 + 556 + 222 + 222 + 556 in Helvetica.
        XCTAssertEqual(StandardFont.helvetica.width(of: "Hello", size: 10, kerning: false), 22.78, accuracy: 0.0001)
        XCTAssertEqual(
            StandardFont.helvetica.width(of: "€ 1", size: 1000, kerning: false), 556 + 278 + 556, accuracy: 0.0001)
    }

    func testKerningNarrowsClassicPairs() {
        let a = UInt8(ascii: "A")
        let v = UInt8(ascii: "V")
        let t = UInt8(ascii: "T")
        let o = UInt8(ascii: "o")
        XCTAssertLessThan(StandardFont.helvetica.kern(a, v), 0)
        XCTAssertLessThan(StandardFont.timesRoman.kern(t, o), 0)
        XCTAssertEqual(StandardFont.helvetica.kern(o, o), 0)
        XCTAssertLessThan(
            StandardFont.helvetica.width(of: "AV", size: 10),
            StandardFont.helvetica.width(of: "AV", size: 10, kerning: false))
    }

    func testFamiliesAndStyles() {
        XCTAssertEqual(StandardFont.of(.helvetica, bold: true, italic: true).baseFontName, "Helvetica-BoldOblique")
        XCTAssertEqual(StandardFont.of(.times, bold: false, italic: true).baseFontName, "Times-Italic")
        XCTAssertGreaterThan(StandardFont.helvetica.ascender, 600)
        XCTAssertLessThan(StandardFont.timesRoman.descender, -150)
    }
}
