import Foundation
import TestSupport
import XCTest

@testable import PDF

/// Font files come from the theme or from `report.yml`, so they are outside input: a truncated, damaged
/// or hostile TrueType file must give a `FontError`, never a trap, and never keep the build busy for
/// minutes (issue 18, item 2). The fonts here are built table by table.
final class HostileFontTests: XCTestCase {
    /// A minimal TrueType font: `glyphCount` glyphs (glyph data from `glyphs`, empty for the rest),
    /// 'A'…'Z' mapped to glyphs 1…26, and any extra tables.
    static func font(
        glyphCount: Int = 30, glyphs: [Int: [UInt8]] = [:], cmap: [UInt8]? = nil,
        extra: [(String, [UInt8])] = []
    ) -> [UInt8] {
        var head = [UInt8](repeating: 0, count: 54)
        head[18] = 0x03
        head[19] = 0xE8  // unitsPerEm 1000
        head[51] = 1  // long loca offsets
        var maxp = FontWriter()
        maxp.u32(0x0000_5000)
        maxp.u16(glyphCount)
        var hhea = [UInt8](repeating: 0, count: 36)
        hhea[35] = 1  // one long metric
        var hmtx = FontWriter()
        hmtx.u16(500)
        hmtx.u16(0)
        for _ in 1..<glyphCount { hmtx.u16(0) }
        var glyf: [UInt8] = []
        var loca = FontWriter()
        for g in 0..<glyphCount {
            loca.u32(glyf.count)
            glyf += glyphs[g] ?? []
            while glyf.count % 4 != 0 { glyf.append(0) }
        }
        loca.u32(glyf.count)
        var tables: [(String, [UInt8])] = [
            ("head", head), ("maxp", maxp.bytes), ("hhea", hhea), ("hmtx", hmtx.bytes),
            ("loca", loca.bytes), ("glyf", glyf), ("cmap", cmap ?? latinCmap),
        ]
        tables += extra
        return TrueTypeSubset.assemble(tables.sorted { $0.0 < $1.0 })
    }

    /// A cmap with one format-4 subtable: 'A'…'Z' → glyphs 1…26.
    static var latinCmap: [UInt8] {
        format4([(0x41, 0x5A, (1 - 0x41) & 0xFFFF)])
    }

    static func format4(_ segments: [(start: Int, end: Int, delta: Int)]) -> [UInt8] {
        let all = segments + [(0xFFFF, 0xFFFF, 1)]
        var w = FontWriter()
        w.u16(0)
        w.u16(1)
        w.u16(3)
        w.u16(1)
        w.u32(12)
        w.u16(4)
        w.u16(16 + 8 * all.count)
        w.u16(0)
        w.u16(2 * all.count)
        w.u16(0)
        w.u16(0)
        w.u16(0)
        for s in all { w.u16(s.end) }
        w.u16(0)
        for s in all { w.u16(s.start) }
        for s in all { w.u16(s.delta) }
        for _ in all { w.u16(0) }
        return w.bytes
    }

    func testTheMinimalFontReads() throws {
        let font = try TrueTypeFont(bytes: Self.font())
        XCTAssertEqual(font.glyphCount, 30)
        XCTAssertEqual(font.glyph(for: 0x41), 1)
        XCTAssertEqual(font.glyph(for: 0x5A), 26)
        XCTAssertEqual(font.advance(of: 3), 500)
    }

    /// Found by reading the subsetter for issue 18: a composite glyph whose component is a glyph the font
    /// does not have (60,000 in a font of 30) trapped on an index when the subset's metrics were written.
    func testCompositeGlyphNamingAMissingGlyph() throws {
        var composite = FontWriter()
        composite.u16(0xFFFF)  // numberOfContours -1: composite
        for _ in 0..<4 { composite.u16(0) }  // bounding box
        composite.u16(0)  // flags: byte arguments, no more components
        composite.u16(60_000)  // glyph index
        composite.u16(0)  // arguments
        let font = try TrueTypeFont(bytes: Self.font(glyphs: [1: composite.bytes]))
        XCTAssertEqual(font.components(of: 1), [60_000])
        let subset = TrueTypeSubset(font: font, glyphs: [1], scalars: [0x41])
        XCTAssertEqual(subset.glyphCount, 2, "the missing component is left out")
        let again = try TrueTypeFont(bytes: subset.bytes)
        XCTAssertEqual(again.components(of: 1), [0], "renumbered to .notdef")
        XCTAssertFalse(font.webFont(covering: [0x41, 0x42]).isEmpty)
    }

    /// Overlapping cmap ranges (each group covering all of Unicode, thousands of times) took hours to
    /// read; now they are refused.
    func testOverlappingCmapRangesAreRefused() {
        var w = FontWriter()
        w.u16(0)
        w.u16(1)
        w.u16(3)
        w.u16(10)
        w.u32(12)
        let groups = 5000
        w.u16(12)
        w.u16(0)
        w.u32(16 + 12 * groups)
        w.u32(0)
        w.u32(groups)
        for _ in 0..<groups {
            w.u32(0)
            w.u32(0x10FFFF)
            w.u32(1)
        }
        XCTAssertThrowsError(try TrueTypeFont(bytes: Self.font(cmap: w.bytes))) { error in
            XCTAssertEqual(error as? FontError, .invalid("cmap: overlappende bereiken"))
        }
        let segments = [(start: Int, end: Int, delta: Int)](repeating: (0, 0xFFFE, 1), count: 4000)
        XCTAssertThrowsError(try TrueTypeFont(bytes: Self.font(cmap: Self.format4(segments))))
    }

    /// A GPOS `kern` lookup that names one class-based pair subtable (with coverage and class tables over
    /// every glyph) 30,000 times: before, each naming read the three tables again, billions of steps.
    func testGPOSSubtableNamedThousandsOfTimes() throws {
        var gpos = FontWriter()
        gpos.u32(0x0001_0000)
        gpos.u16(10)
        gpos.u16(30)
        gpos.u16(44)  // script, feature and lookup lists
        // 10: ScriptList with 'latn' → Script at +8 → default LangSys at +4.
        gpos.u16(1)
        gpos.tag("latn")
        gpos.u16(8)
        gpos.u16(4)
        gpos.u16(0)
        gpos.u16(0)
        gpos.u16(0xFFFF)
        gpos.u16(1)
        gpos.u16(0)
        // 30: FeatureList: 'kern' → Feature at +8 with lookup 0.
        gpos.u16(1)
        gpos.tag("kern")
        gpos.u16(8)
        gpos.u16(0)
        gpos.u16(1)
        gpos.u16(0)
        // 44: LookupList → lookup at +4: type 2, 30,000 subtables, all the same one.
        let subtables = 30_000
        gpos.u16(1)
        gpos.u16(4)
        let lookup = gpos.bytes.count
        gpos.u16(2)
        gpos.u16(0)
        gpos.u16(subtables)
        let pairPos = 6 + 2 * subtables
        for _ in 0..<subtables { gpos.u16(pairPos) }
        XCTAssertEqual(gpos.bytes.count - lookup, pairPos)
        // PairPos format 2: one class each, xAdvance -50; coverage at +18, both class definitions at +28.
        gpos.u16(2)
        gpos.u16(18)
        gpos.u16(4)
        gpos.u16(0)
        gpos.u16(28)
        gpos.u16(28)
        gpos.u16(1)
        gpos.u16(1)
        gpos.u16(0xFFCE)
        gpos.u16(2)
        gpos.u16(1)
        gpos.u16(0)
        gpos.u16(0xFFFF)
        gpos.u16(0)  // coverage: all glyphs
        gpos.u16(2)
        gpos.u16(1)
        gpos.u16(0)
        gpos.u16(0xFFFF)
        gpos.u16(0)  // class 0: all glyphs
        let font = try TrueTypeFont(bytes: Self.font(extra: [("GPOS", gpos.bytes)]))
        XCTAssertEqual(font.kerningSource, "GPOS")
        XCTAssertEqual(font.kern(font.glyph(for: 0x41), font.glyph(for: 0x56)), -50)
    }

    /// The theme's fonts stay well inside the work limit of the kerning reader.
    func testThemeFontsStillKern() {
        for font in [ThemeFonts.regular, ThemeFonts.bold, ThemeFonts.italic, ThemeFonts.boldItalic] {
            XCTAssertEqual(font.kerningSource, "GPOS", font.postScriptName)
        }
    }

    /// Every prefix of a small font, and prefixes of the theme's font at many lengths, throw or read;
    /// a font that reads can be measured and subset.
    func testTruncatedFontsThrow() throws {
        let small = Self.font()
        for length in 0..<small.count {
            if let font = try? TrueTypeFont(bytes: Array(small.prefix(length))) {
                _ = font.webFont(covering: Array(0x20...0x7E))
            }
        }
        let noto = ThemeFonts.regular.file.bytes
        var random = SplitMix64(seed: 18)
        // The last table ends at most 3 bytes (padding) before the end of the file.
        let lengths =
            [0, 3, 4, 12, 100, 1000, 50_000, noto.count / 2, noto.count - 4]
            + (0..<40).map { _ in Int(random.next() % UInt64(noto.count - 4)) }
        for length in lengths {
            XCTAssertThrowsError(try TrueTypeFont(bytes: Array(noto.prefix(length))), "\(length) bytes")
        }
    }

    /// Damaged bytes anywhere in the font (not only in the first tables), read and then subset.
    func testDamagedFontsReadOrThrowAndSubset() {
        let noto = ThemeFonts.regular.file.bytes
        var random = SplitMix64(seed: 1818)
        for _ in 0..<30 {
            var damaged = noto
            for _ in 0..<50 {
                damaged[Int(random.next() % UInt64(noto.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            if let font = try? TrueTypeFont(bytes: damaged) {
                _ = font.webFont(covering: Array(0x20...0x17F))
            }
        }
    }

    /// A font without lowercase letters: each stands in as `?` (found by the `font` fuzzer, which timed
    /// out: every missing ASCII letter went through Unicode decomposition to find its stand-in).
    func testMissingASCIILettersStandInAsQuestionMarks() throws {
        let cmap = Self.format4([(0x3F, 0x3F, (27 - 0x3F) & 0xFFFF), (0x41, 0x5A, (1 - 0x41) & 0xFFFF)])
        let font = PDFFont(try TrueTypeFont(bytes: Self.font(cmap: cmap)))
        XCTAssertEqual(font.glyph(0x41), 1)
        XCTAssertEqual(font.glyph(0x61), 27)
        XCTAssertEqual(font.glyph(0x7E), 27)
        XCTAssertEqual(font.glyph(0x151), 27, "ő: no o either")
    }

    /// A folder named as a font file is a read error that says so, not a Foundation error.
    func testAFolderIsNoFont() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-font-\(getpid()).ttf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertThrowsError(try FontCache.font(at: folder)) { error in
            XCTAssertTrue("\(error)".hasSuffix("is een map, geen bestand"), "\(error)")
        }
    }
}
