import Foundation
import PDFTestSupport
import TestSupport
import XCTest

@testable import PDF

/// The theme's fonts, parsed once for the PDF tests.
enum ThemeFonts {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes/default/fonts")

    static let regular = load("NotoSans-Regular.ttf")
    static let bold = load("NotoSans-Bold.ttf")
    static let italic = load("NotoSans-Italic.ttf")
    static let boldItalic = load("NotoSans-BoldItalic.ttf")

    /// The four styles as a font set.
    static let set = FontSet(regular: regular, bold: bold, italic: italic, boldItalic: boldItalic)

    /// The sample document set in the theme's fonts, as the report is.
    static func sample(sectionsPerTheme: Int = 3, tableRows: Int = 60) -> TypesetDocument {
        var document = SampleDocument.annualReport(sectionsPerTheme: sectionsPerTheme, tableRows: tableRows)
        document.style.bodyFonts = set
        document.style.headingFonts = set
        return document
    }

    private static func load(_ name: String) -> TrueTypeFont {
        // swiftlint:disable:next force_try
        try! TrueTypeFont(contentsOf: folder.appendingPathComponent(name))
    }
}

final class TrueTypeFontTests: XCTestCase {
    /// Expected values read with fontTools 4 from the same file.
    func testNotoSansMetrics() {
        let font = ThemeFonts.regular
        XCTAssertEqual(font.postScriptName, "NotoSans-Regular")
        XCTAssertEqual(font.familyName, "Noto Sans")
        XCTAssertEqual(font.unitsPerEm, 1000)
        XCTAssertEqual(font.glyphCount, 3317)
        XCTAssertEqual(font.ascender, 1069)
        XCTAssertEqual(font.descender, -293)
        XCTAssertEqual(font.capHeight, 714)
        XCTAssertEqual(font.embeddingFlags, 0)
        XCTAssertEqual(font.italicAngle, 0)
        XCTAssertFalse(font.isItalic)
        XCTAssertLessThan(ThemeFonts.italic.italicAngle, -5)
        XCTAssertTrue(ThemeFonts.italic.isItalic)
        XCTAssertTrue(ThemeFonts.bold.isBold)
        let expected: [(Character, UInt16, Int)] = [
            ("A", 36, 639), ("V", 57, 600), ("o", 82, 605), ("€", 539, 572), ("ĳ", 244, 516), ("Ĳ", 243, 612),
            ("ő", 274, 605), ("é", 171, 564), ("\u{A0}", 98, 260), ("\u{AD}", 111, 322), ("‘", 517, 175),
            ("”", 522, 359), ("–", 513, 500), ("—", 514, 1000), ("…", 527, 791),
        ]
        for (character, glyph, advance) in expected {
            let scalar = character.unicodeScalars.first!.value
            XCTAssertEqual(font.glyph(for: scalar), glyph, "\(character)")
            XCTAssertEqual(font.advance(of: glyph), advance, "\(character)")
        }
        XCTAssertEqual(font.glyph(for: 0x4E00), 0, "no CJK in Noto Sans")
    }

    /// Pair kerning from the GPOS `kern` feature; expected values from fontTools.
    func testGPOSPairKerning() {
        let font = ThemeFonts.regular
        XCTAssertEqual(font.kerningSource, "GPOS")
        let pairs: [(String, Int)] = [
            ("AV", -40), ("To", -70), ("Ta", -80), ("LT", -20), ("Yo", -50), ("r,", -160),
            ("F.", -60), ("P.", -130), ("Vo", -20), ("av", 0), ("ij", 0),
        ]
        for (pair, value) in pairs {
            let s = Array(pair.unicodeScalars)
            XCTAssertEqual(font.kern(font.glyph(for: s[0].value), font.glyph(for: s[1].value)), value, pair)
        }
    }

    func testDamagedFontsThrowInsteadOfCrashing() throws {
        let bytes = ThemeFonts.regular.file.bytes
        XCTAssertThrowsError(try TrueTypeFont(bytes: []))
        XCTAssertThrowsError(try TrueTypeFont(bytes: Array("OTTO".utf8) + [UInt8](repeating: 0, count: 20)))
        XCTAssertThrowsError(try TrueTypeFont(bytes: Array(bytes.prefix(5000))))
        var random = SplitMix64(seed: 12)
        for _ in 0..<40 {
            var damaged = bytes
            for _ in 0..<20 { damaged[Int(random.next() % UInt64(2000))] = UInt8(truncatingIfNeeded: random.next()) }
            _ = try? TrueTypeFont(bytes: damaged)
        }
    }
}

final class TrueTypeSubsetTests: XCTestCase {
    /// A subset parses again with our reader, maps each character to its new glyph with the original
    /// advance, keeps composite glyphs whole, and is a small fraction of the font.
    func testSubsetRoundTrip() throws {
        let font = ThemeFonts.regular
        let text = Array("Financiën é ĳ € “ő” \u{A0} Åbc".unicodeScalars.map(\.value))
        var scalars: [UInt32] = []
        for s in text where !scalars.contains(s) { scalars.append(s) }
        let subset = TrueTypeSubset(font: font, glyphs: scalars.map { font.glyph(for: $0) }, scalars: scalars)
        let again = try TrueTypeFont(bytes: subset.bytes)
        XCTAssertEqual(again.unitsPerEm, font.unitsPerEm)
        XCTAssertGreaterThanOrEqual(subset.glyphCount, scalars.count + 1)
        for (i, s) in scalars.enumerated() {
            XCTAssertEqual(Int(again.glyph(for: s)), i + 1, "U+\(String(s, radix: 16))")
            XCTAssertEqual(again.advance(of: UInt16(i + 1)), font.advance(of: font.glyph(for: s)))
        }
        // Every component of a composite glyph is in the subset (numbers below the glyph count).
        for g in 0..<subset.glyphCount {
            for c in again.components(of: g) { XCTAssertLessThan(c, subset.glyphCount) }
        }
        XCTAssertLessThan(subset.bytes.count, 20_000)
        if let dump = ProcessInfo.processInfo.environment["BREINGEN_SUBSET_DUMP"] {
            try Data(subset.bytes).write(to: URL(fileURLWithPath: dump))
            try Data(WOFF.wrap(subset.bytes)).write(to: URL(fileURLWithPath: dump + ".woff"))
        }
    }
}
