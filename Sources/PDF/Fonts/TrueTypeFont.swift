import Diagnostics
import Foundation

/// A TrueType font file (glyf outlines), read by our own parser: the tables the typesetter needs for
/// measuring (`cmap`, `hmtx`, pair kerning from `GPOS` or `kern`) and for embedding a subset (`glyf`,
/// `loca`, `head`, `hhea`, `maxp`, `OS/2`, `name`, `post`).
///
///     let font = try TrueTypeFont(bytes: [UInt8](data))
///     font.glyph(for: "ë")       // glyph index
///     font.advance(of: glyph)    // in font units
///
/// Immutable after `init`, so one parsed font serves every thread and every document of a build.
public final class TrueTypeFont: @unchecked Sendable {
    /// The PostScript name (`name` table, ID 6), e.g. "NotoSans-Regular".
    public let postScriptName: String
    /// The family name (`name` ID 1), e.g. "Noto Sans".
    public let familyName: String
    public let unitsPerEm: Int
    /// Typographic ascender and descender (OS/2, else hhea), in font units; the descender is negative.
    public let ascender: Int
    public let descender: Int
    public let capHeight: Int
    public let xHeight: Int
    /// The font's bounding box (xMin, yMin, xMax, yMax) in font units.
    public let boundingBox: (Int, Int, Int, Int)
    /// Degrees, counter-clockwise from vertical (negative for an italic leaning right).
    public let italicAngle: Double
    public let isFixedPitch: Bool
    public let weightClass: Int
    public let isItalic: Bool
    public let isBold: Bool
    /// OS/2 fsType: 0 installable; bit 1 (value 2) forbids embedding.
    public let embeddingFlags: Int
    public let glyphCount: Int
    /// Where the kerning came from: "GPOS", "kern" or "" (none).
    public let kerningSource: String

    let file: FontBytes
    /// Table tag → (offset, length).
    let tables: [String: (offset: Int, length: Int)]
    /// Advance width of every glyph, in font units.
    let advances: [UInt16]
    /// Left side bearing of every glyph, in font units.
    let sideBearings: [Int16]
    /// Start of every glyph in `glyf` (glyphCount + 1 entries, relative to the table).
    let glyphOffsets: [Int]
    /// cmap for the Basic Multilingual Plane: scalar → glyph (0 = none).
    let bmp: [UInt16]
    /// cmap beyond the BMP.
    let supplementary: [UInt32: UInt16]
    /// Pair kerning in font units over the glyphs of the common Latin characters.
    let kerning: KerningMatrix

    /// Parses a TrueType font. Throws `FontError` for anything that is not a usable TrueType font
    /// (CFF-flavoured OpenType, a collection, a truncated or damaged file).
    public init(bytes: [UInt8]) throws {
        let f = FontBytes(bytes)
        file = f
        let version = try f.u32(0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else {  // 1.0 or 'true'
            if version == 0x4F54_544F { throw FontError.notTrueType("OpenType met CFF-contouren") }
            if version == 0x7474_6366 { throw FontError.notTrueType("een verzameling (.ttc)") }
            throw FontError.notTrueType("onbekende kop")
        }
        let count = try f.u16(4)
        var tables: [String: (offset: Int, length: Int)] = [:]
        for i in 0..<count {
            let record = 12 + 16 * i
            let tag = try f.tag(record)
            let offset = try f.u32(record + 8)
            let length = try f.u32(record + 12)
            guard offset + length <= bytes.count else { throw FontError.truncated(offset) }
            tables[tag] = (offset, length)
        }
        self.tables = tables
        func table(_ tag: String) throws -> Int {
            guard let t = tables[tag] else { throw FontError.missingTable(tag) }
            return t.offset
        }

        let head = try table("head")
        unitsPerEm = try f.u16(head + 18)
        guard unitsPerEm >= 16 && unitsPerEm <= 16384 else { throw FontError.invalid("unitsPerEm \(unitsPerEm)") }
        boundingBox = (try f.i16(head + 36), try f.i16(head + 38), try f.i16(head + 40), try f.i16(head + 42))
        let macStyle = try f.u16(head + 44)
        let longOffsets = try f.i16(head + 50) == 1

        let maxp = try table("maxp")
        glyphCount = try f.u16(maxp + 4)
        guard glyphCount > 0 else { throw FontError.invalid("numGlyphs 0") }

        let hhea = try table("hhea")
        let hheaAscender = try f.i16(hhea + 4)
        let hheaDescender = try f.i16(hhea + 6)
        let metricsCount = try f.u16(hhea + 34)
        guard metricsCount >= 1 && metricsCount <= glyphCount else { throw FontError.invalid("numberOfHMetrics") }

        let hmtx = try table("hmtx")
        var advances = [UInt16](repeating: 0, count: glyphCount)
        var bearings = [Int16](repeating: 0, count: glyphCount)
        for g in 0..<metricsCount {
            advances[g] = UInt16(try f.u16(hmtx + 4 * g))
            bearings[g] = Int16(try f.i16(hmtx + 4 * g + 2))
        }
        for g in metricsCount..<glyphCount {
            advances[g] = advances[metricsCount - 1]
            bearings[g] = Int16(try f.i16(hmtx + 4 * metricsCount + 2 * (g - metricsCount)))
        }
        self.advances = advances
        sideBearings = bearings

        // OS/2 has the better vertical metrics and the embedding licence; old fonts may lack it.
        var ascender = hheaAscender
        var descender = hheaDescender
        var capHeight = Int(Double(unitsPerEm) * 0.7)
        var xHeight = Int(Double(unitsPerEm) * 0.5)
        var weight = macStyle & 1 != 0 ? 700 : 400
        var fsType = 0
        var fsSelection = 0
        if let os2 = tables["OS/2"]?.offset {
            let os2Version = try f.u16(os2)
            weight = try f.u16(os2 + 4)
            fsType = try f.u16(os2 + 8)
            fsSelection = try f.u16(os2 + 62)
            ascender = try f.i16(os2 + 68)
            descender = try f.i16(os2 + 70)
            if os2Version >= 2 {
                xHeight = try f.i16(os2 + 86)
                capHeight = try f.i16(os2 + 88)
            }
        }
        self.ascender = ascender
        self.descender = descender
        self.capHeight = capHeight
        self.xHeight = xHeight
        weightClass = weight
        embeddingFlags = fsType
        isBold = weight >= 600 || macStyle & 1 != 0
        isItalic = macStyle & 2 != 0 || fsSelection & 1 != 0

        if let post = tables["post"]?.offset {
            let whole = try f.i16(post + 4)
            let fraction = try f.u16(post + 6)
            italicAngle = Double(whole) + Double(fraction) / 65536
            isFixedPitch = try f.u32(post + 12) != 0
        } else {
            italicAngle = 0
            isFixedPitch = false
        }

        let loca = try table("loca")
        _ = try table("glyf")
        var offsets = [Int](repeating: 0, count: glyphCount + 1)
        for g in 0...glyphCount {
            offsets[g] = longOffsets ? try f.u32(loca + 4 * g) : 2 * (try f.u16(loca + 2 * g))
        }
        let glyfLength = tables["glyf"]!.length
        for g in 0..<glyphCount where offsets[g] > offsets[g + 1] || offsets[g + 1] > glyfLength {
            throw FontError.invalid("loca van glyph \(g)")
        }
        glyphOffsets = offsets

        let names = try TrueTypeFont.readNames(f, tables["name"]?.offset)
        postScriptName = names.postScript ?? "Font"
        familyName = names.family ?? postScriptName

        (bmp, supplementary) = try TrueTypeFont.readCmap(f, try table("cmap"), glyphCount: glyphCount)

        // Kerning over the glyphs of the characters a Dutch text uses; GPOS wins over `kern`, as in
        // browsers and HarfBuzz.
        var dense: [UInt16] = []
        var seen = Set<UInt16>()
        for range in KerningMatrix.scalarRanges {
            for s in range {
                let g = bmp[Int(s)]
                if g != 0 && !seen.contains(g) {
                    seen.insert(g)
                    dense.append(g)
                }
            }
        }
        var matrix = KerningMatrix(glyphs: dense, glyphCount: glyphCount)
        var source = ""
        if let gpos = tables["GPOS"]?.offset, try GlyphPositioning.readPairKerning(f, gpos, into: &matrix) {
            source = "GPOS"
        } else if let kern = tables["kern"]?.offset, try KerningMatrix.readKernTable(f, kern, into: &matrix) {
            source = "kern"
        }
        kerning = matrix
        kerningSource = source
    }

    /// Reads a font file.
    public convenience init(contentsOf url: URL) throws {
        try self.init(bytes: try FileContents.read(url.path))
    }

    // MARK: - Metrics

    /// The glyph for a Unicode scalar, or 0 (.notdef) when the font has none.
    @inline(__always)
    public func glyph(for scalar: UInt32) -> UInt16 {
        scalar < 0x10000 ? bmp[Int(scalar)] : supplementary[scalar] ?? 0
    }

    /// The advance width of a glyph in font units.
    @inline(__always)
    public func advance(of glyph: UInt16) -> Int {
        Int(advances[Int(glyph) < advances.count ? Int(glyph) : 0])
    }

    /// The kerning between two glyphs in font units (negative brings them closer); zero for glyphs
    /// outside the common Latin characters.
    @inline(__always)
    public func kern(_ left: UInt16, _ right: UInt16) -> Int {
        kerning.value(left, right)
    }

    /// The outline data of a glyph (empty for a glyph without contours, such as the space).
    func glyphData(_ glyph: Int) -> ArraySlice<UInt8> {
        guard glyph >= 0 && glyph < glyphCount, let glyf = tables["glyf"] else { return [] }
        return file.bytes[(glyf.offset + glyphOffsets[glyph])..<(glyf.offset + glyphOffsets[glyph + 1])]
    }

    /// The glyphs a composite glyph is built from (empty for a simple glyph), as the font names them: a
    /// damaged font may name glyphs it does not have.
    func components(of glyph: Int) -> [Int] {
        let data = glyphData(glyph)
        guard data.count >= 10 else { return [] }
        let base = data.startIndex
        let contours = Int16(bitPattern: UInt16(data[base]) << 8 | UInt16(data[base + 1]))
        guard contours < 0 else { return [] }
        var out: [Int] = []
        var p = base + 10
        while p + 4 <= data.endIndex {
            let flags = Int(data[p]) << 8 | Int(data[p + 1])
            out.append(Int(data[p + 2]) << 8 | Int(data[p + 3]))
            p += 4 + CompositeGlyph.argumentAndScaleSize(flags)
            if flags & CompositeGlyph.moreComponents == 0 { break }
        }
        return out
    }

    // MARK: - Tables

    private static func readNames(_ f: FontBytes, _ offset: Int?) throws -> (postScript: String?, family: String?) {
        guard let offset else { return (nil, nil) }
        let count = try f.u16(offset + 2)
        let storage = offset + (try f.u16(offset + 4))
        var postScript: String?
        var family: String?
        var familyIsWindows = false
        // Records may all point at the same long string; decoding stops after a few megabytes of them.
        var decoded = 0
        for i in 0..<count where decoded < 4_000_000 {
            let r = offset + 6 + 12 * i
            let platform = try f.u16(r)
            let encoding = try f.u16(r + 2)
            let id = try f.u16(r + 6)
            let length = try f.u16(r + 8)
            let start = storage + (try f.u16(r + 10))
            guard id == 1 || id == 6 else { continue }
            let raw = try f.slice(start, length)
            decoded += length
            var text: String?
            if platform == 3 && (encoding == 1 || encoding == 0) || platform == 0 {
                var units: [UInt16] = []
                var k = raw.startIndex
                while k + 1 < raw.endIndex {
                    units.append(UInt16(raw[k]) << 8 | UInt16(raw[k + 1]))
                    k += 2
                }
                text = String(decoding: units, as: UTF16.self)
            } else if platform == 1 && encoding == 0 {
                text = String(decoding: raw.filter { $0 < 0x80 }, as: UTF8.self)
            }
            guard let text, !text.isEmpty else { continue }
            if id == 6 && postScript == nil { postScript = text }
            if id == 1 && (family == nil || (platform == 3 && !familyIsWindows)) {
                family = text
                familyIsWindows = platform == 3
            }
        }
        // A PostScript name has printable ASCII without spaces or delimiters.
        postScript = postScript.map {
            String(
                $0.unicodeScalars.filter {
                    $0.value > 0x20 && $0.value < 0x7F && !"[](){}<>/%".unicodeScalars.contains($0)
                })
        }
        return (postScript, family)
    }

    /// The Unicode cmap: format 12 (3,10 or 0,4+) when there is one, else format 4 (3,1 or 0,x).
    private static func readCmap(_ f: FontBytes, _ offset: Int, glyphCount: Int) throws -> ([UInt16], [UInt32: UInt16])
    {
        let count = try f.u16(offset + 2)
        var format4: Int?
        var format12: Int?
        for i in 0..<count {
            let r = offset + 4 + 8 * i
            let platform = try f.u16(r)
            let encoding = try f.u16(r + 2)
            let sub = offset + (try f.u32(r + 4))
            let format = try f.u16(sub)
            let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard unicode else { continue }
            if format == 12 && format12 == nil { format12 = sub }
            if format == 4 && format4 == nil { format4 = sub }
        }
        var bmp = [UInt16](repeating: 0, count: 0x10000)
        var supplementary: [UInt32: UInt16] = [:]
        func set(_ scalar: Int, _ glyph: Int) {
            guard glyph > 0 && glyph < glyphCount else { return }
            if scalar < 0x10000 {
                bmp[scalar] = UInt16(glyph)
            } else if scalar <= 0x10FFFF {
                supplementary[UInt32(scalar)] = UInt16(glyph)
            }
        }
        // A font's groups or segments do not overlap, so together they cover each scalar at most once;
        // more than that is a damaged (or hostile) font that would keep us busy for minutes.
        var covered = 0
        func cover(_ count: Int, limit: Int) throws {
            covered += count
            if covered > limit { throw FontError.invalid("cmap: overlappende bereiken") }
        }
        if let sub = format12 {
            let groups = try f.u32(sub + 12)
            for i in 0..<groups {
                let g = sub + 16 + 12 * i
                let start = try f.u32(g)
                let end = try f.u32(g + 4)
                let glyph = try f.u32(g + 8)
                guard start <= end, end <= 0x10FFFF else { continue }
                try cover(end - start + 1, limit: 0x110000)
                for s in start...end { set(s, glyph + s - start) }
            }
        } else if let sub = format4 {
            let segments = (try f.u16(sub + 6)) / 2
            let ends = sub + 14
            let starts = ends + 2 * segments + 2
            let deltas = starts + 2 * segments
            let rangeOffsets = deltas + 2 * segments
            for i in 0..<segments {
                let end = try f.u16(ends + 2 * i)
                let start = try f.u16(starts + 2 * i)
                let delta = try f.u16(deltas + 2 * i)
                let rangeOffset = try f.u16(rangeOffsets + 2 * i)
                guard start <= end else { continue }
                try cover(end - start + 1, limit: 0x10000)
                for s in start...end where s != 0xFFFF {
                    if rangeOffset == 0 {
                        set(s, (s + delta) & 0xFFFF)
                    } else {
                        let at = rangeOffsets + 2 * i + rangeOffset + 2 * (s - start)
                        let glyph = try f.u16(at)
                        if glyph != 0 { set(s, (glyph + delta) & 0xFFFF) }
                    }
                }
            }
        } else {
            throw FontError.missingTable("cmap (Unicode)")
        }
        return (bmp, supplementary)
    }
}

/// Flags of a composite glyph's component records (TrueType `glyf`).
enum CompositeGlyph {
    static let argsAreWords = 0x0001
    static let haveScale = 0x0008
    static let moreComponents = 0x0020
    static let haveXYScale = 0x0040
    static let haveTwoByTwo = 0x0080
    static let haveInstructions = 0x0100

    /// Bytes after the flags and glyph index: the two arguments and the optional transformation.
    static func argumentAndScaleSize(_ flags: Int) -> Int {
        var size = flags & argsAreWords != 0 ? 4 : 2
        if flags & haveScale != 0 {
            size += 2
        } else if flags & haveXYScale != 0 {
            size += 4
        } else if flags & haveTwoByTwo != 0 {
            size += 8
        }
        return size
    }
}
