/// A TrueType font cut down to the glyphs a document uses, renumbered from 1 in the order given (glyph 0
/// stays .notdef), so it can be embedded with `CIDToGIDMap /Identity`: the code of a character in the
/// content stream is its glyph in the subset. Each entry of `glyphs` becomes one new glyph, so two
/// characters that share a glyph in the font (space and no-break space) keep their own code and their own
/// Unicode value. Composite glyphs bring their components along (added after the requested glyphs).
/// Hinting instructions are left out (`fpgm`, `prep`, `cvt `, and each glyph's instructions): print and
/// screen rendering at these sizes do not need them, and they are a large part of a font.
struct TrueTypeSubset {
    /// The font file.
    let bytes: [UInt8]
    /// Number of glyphs in the subset, .notdef and components included.
    let glyphCount: Int

    /// - Parameters:
    ///   - glyphs: the original glyph of new glyph 1, 2, 3, ...
    ///   - scalars: the character each of those new glyphs shows, for the subset's own `cmap` (0 for none).
    init(font: TrueTypeFont, glyphs: [UInt16], scalars: [UInt32]) {
        // New glyph → original glyph; components of composite glyphs are appended as they are found.
        var order: [Int] = [0] + glyphs.map(Int.init)
        var componentNew: [Int: Int] = [:]
        var k = 0
        while k < order.count {
            // A component the font does not have, or beyond the 65,535 glyphs a font can hold, shows .notdef.
            for component in font.components(of: order[k])
            where component < font.glyphCount && componentNew[component] == nil && order.count < 0xFFFF {
                componentNew[component] = order.count
                order.append(component)
            }
            k += 1
        }

        // glyf and loca (long offsets).
        var glyf: [UInt8] = []
        var loca: [Int] = []
        glyf.reserveCapacity(order.count * 120)
        for original in order {
            loca.append(glyf.count)
            glyf.append(
                contentsOf: TrueTypeSubset.withoutInstructions(font.glyphData(original), components: componentNew))
            while glyf.count % 4 != 0 { glyf.append(0) }
        }
        loca.append(glyf.count)

        var tables: [(String, [UInt8])] = []
        let source = font.file.bytes
        func original(_ tag: String) -> [UInt8]? {
            font.tables[tag].map { Array(source[$0.offset..<($0.offset + $0.length)]) }
        }

        var head = original("head") ?? [UInt8](repeating: 0, count: 54)
        if head.count >= 54 {
            head[8...11] = [0, 0, 0, 0]  // checkSumAdjustment, set below
            head[50] = 0
            head[51] = 1  // indexToLocFormat: long
        }
        var hhea = original("hhea") ?? [UInt8](repeating: 0, count: 36)
        if hhea.count >= 36 {
            hhea[34] = UInt8(order.count >> 8)
            hhea[35] = UInt8(order.count & 0xFF)
        }
        var maxp = original("maxp") ?? [UInt8](repeating: 0, count: 6)
        if maxp.count >= 6 {
            maxp[4] = UInt8(order.count >> 8)
            maxp[5] = UInt8(order.count & 0xFF)
            // No instructions are left, so no function, twilight or storage space is needed.
            if maxp.count >= 32 {
                for i in [16, 18, 20, 22, 24, 26] {
                    maxp[i] = 0
                    maxp[i + 1] = 0
                }
                maxp[14] = 0
                maxp[15] = 1  // maxZones: 1
            }
        }
        var hmtx = FontWriter()
        for g in order {
            hmtx.u16(font.advance(of: UInt16(g)))
            hmtx.u16(Int(UInt16(bitPattern: font.sideBearings[g])))
        }
        var locaTable = FontWriter()
        for offset in loca { locaTable.u32(offset) }
        var post = FontWriter()
        post.u32(0x0003_0000)  // version 3: no glyph names
        if let p = original("post"), p.count >= 32 {
            post.bytes.append(contentsOf: p[4..<32])
        } else {
            post.bytes += [UInt8](repeating: 0, count: 28)
        }

        tables.append(("OS/2", original("OS/2") ?? []))
        tables.append(("cmap", TrueTypeSubset.cmap(scalars: scalars)))
        tables.append(("glyf", glyf))
        tables.append(("head", head))
        tables.append(("hhea", hhea))
        tables.append(("hmtx", hmtx.bytes))
        tables.append(("loca", locaTable.bytes))
        tables.append(("maxp", maxp))
        if let name = original("name") { tables.append(("name", name)) }
        tables.append(("post", post.bytes))
        tables = tables.filter { !$0.1.isEmpty }.sorted { $0.0 < $1.0 }

        bytes = TrueTypeSubset.assemble(tables)
        glyphCount = order.count
    }

    /// The sfnt file: offset table, table records (sorted by tag) and the tables, 4-byte aligned, with
    /// their checksums and the `head` checksum adjustment.
    static func assemble(_ tables: [(String, [UInt8])]) -> [UInt8] {
        var w = FontWriter()
        let n = tables.count
        var power = 1
        var exponent = 0
        while power * 2 <= n {
            power *= 2
            exponent += 1
        }
        w.u32(0x0001_0000)
        w.u16(n)
        w.u16(power * 16)
        w.u16(exponent)
        w.u16(n * 16 - power * 16)
        var offset = 12 + 16 * n
        var headOffset = -1
        for (tag, data) in tables {
            w.tag(tag)
            w.u32(Int(FontWriter.checksum(data)))
            w.u32(offset)
            w.u32(data.count)
            if tag == "head" { headOffset = offset }
            offset += (data.count + 3) & ~3
        }
        for (_, data) in tables {
            w.bytes.append(contentsOf: data)
            w.pad4()
        }
        if headOffset >= 0 {
            let adjustment = 0xB1B0_AFBA &- FontWriter.checksum(w.bytes)
            w.set32(Int(adjustment), at: headOffset + 8)
        }
        return w.bytes
    }

    /// A glyph without its hinting instructions; a composite glyph's components renumbered.
    static func withoutInstructions(_ data: ArraySlice<UInt8>, components: [Int: Int]) -> [UInt8] {
        guard data.count >= 10 else { return [] }
        var out = Array(data)
        let contours = Int(Int16(bitPattern: UInt16(out[0]) << 8 | UInt16(out[1])))
        if contours >= 0 {
            let lengthAt = 10 + 2 * contours
            guard lengthAt + 2 <= out.count else { return out }
            let length = Int(out[lengthAt]) << 8 | Int(out[lengthAt + 1])
            guard lengthAt + 2 + length <= out.count else { return out }
            out.removeSubrange((lengthAt + 2)..<(lengthAt + 2 + length))
            out[lengthAt] = 0
            out[lengthAt + 1] = 0
            // Drop the padding after the last coordinate, so that only our own 4-byte padding follows.
            if contours > 0, let end = simpleGlyphEnd(out, contours: contours) { out.removeSubrange(end...) }
            return out
        }
        var p = 10
        while p + 4 <= out.count {
            var flags = Int(out[p]) << 8 | Int(out[p + 1])
            let component = Int(out[p + 2]) << 8 | Int(out[p + 3])
            let renumbered = components[component] ?? 0
            out[p + 2] = UInt8(renumbered >> 8)
            out[p + 3] = UInt8(renumbered & 0xFF)
            let more = flags & CompositeGlyph.moreComponents != 0
            if flags & CompositeGlyph.haveInstructions != 0 {
                flags &= ~CompositeGlyph.haveInstructions
                out[p] = UInt8(flags >> 8)
                out[p + 1] = UInt8(flags & 0xFF)
            }
            p += 4 + CompositeGlyph.argumentAndScaleSize(flags)
            if !more {
                out.removeSubrange(min(p, out.count)...)
                break
            }
        }
        return out
    }

    /// Where a simple glyph without instructions ends: after its flags and x and y coordinates.
    static func simpleGlyphEnd(_ g: [UInt8], contours: Int) -> Int? {
        let lastEnd = 10 + 2 * (contours - 1)
        guard lastEnd + 2 <= g.count else { return nil }
        let points = (Int(g[lastEnd]) << 8 | Int(g[lastEnd + 1])) + 1
        var p = 10 + 2 * contours + 2
        var xBytes = 0
        var yBytes = 0
        var read = 0
        while read < points {
            guard p < g.count else { return nil }
            let flag = g[p]
            p += 1
            var repeats = 1
            if flag & 0x08 != 0 {
                guard p < g.count else { return nil }
                repeats += Int(g[p])
                p += 1
            }
            let x = flag & 0x02 != 0 ? 1 : (flag & 0x10 != 0 ? 0 : 2)
            let y = flag & 0x04 != 0 ? 1 : (flag & 0x20 != 0 ? 0 : 2)
            xBytes += x * repeats
            yBytes += y * repeats
            read += repeats
        }
        let end = p + xBytes + yBytes
        return end <= g.count ? end : nil
    }

    /// A `cmap` with one format-4 subtable (Windows, Unicode BMP): scalar → new glyph (1, 2, 3, ...).
    static func cmap(scalars: [UInt32]) -> [UInt8] {
        var pairs: [(Int, Int)] = []
        var seen = Set<UInt32>()
        for (i, s) in scalars.enumerated() where s > 0 && s < 0xFFFF && !seen.contains(s) {
            seen.insert(s)
            pairs.append((Int(s), i + 1))
        }
        pairs.sort { $0.0 < $1.0 }
        // Segments of consecutive scalars with consecutive glyphs, each with its delta.
        var segments: [(start: Int, end: Int, delta: Int)] = []
        for (s, g) in pairs {
            if let last = segments.last, last.end == s - 1,
                (last.start + last.delta) & 0xFFFF == (g - (s - last.start)) & 0xFFFF
            {
                segments[segments.count - 1].end = s
            } else {
                segments.append((s, s, (g - s) & 0xFFFF))
            }
        }
        segments.append((0xFFFF, 0xFFFF, 1))
        let n = segments.count
        var power = 1
        var exponent = 0
        while power * 2 <= n {
            power *= 2
            exponent += 1
        }
        var sub = FontWriter()
        sub.u16(4)
        sub.u16(16 + 8 * n)
        sub.u16(0)
        sub.u16(2 * n)
        sub.u16(2 * power)
        sub.u16(exponent)
        sub.u16(2 * n - 2 * power)
        for s in segments { sub.u16(s.end) }
        sub.u16(0)
        for s in segments { sub.u16(s.start) }
        for s in segments { sub.u16(s.delta) }
        for _ in segments { sub.u16(0) }
        var w = FontWriter()
        w.u16(0)
        w.u16(1)
        w.u16(3)
        w.u16(1)
        w.u32(12)
        w.bytes.append(contentsOf: sub.bytes)
        return w.bytes
    }
}

/// WOFF 1.0: the sfnt tables, each zlib-compressed when that makes it smaller, for `@font-face`.
enum WOFF {
    static func wrap(_ sfnt: [UInt8]) -> [UInt8] {
        guard sfnt.count >= 12 else { return [] }
        let n = Int(sfnt[4]) << 8 | Int(sfnt[5])
        var records: [(tag: [UInt8], checksum: [UInt8], data: [UInt8], original: Int)] = []
        for i in 0..<n {
            let r = 12 + 16 * i
            guard r + 16 <= sfnt.count else { return [] }
            let offset = Int(sfnt[r + 8]) << 24 | Int(sfnt[r + 9]) << 16 | Int(sfnt[r + 10]) << 8 | Int(sfnt[r + 11])
            let length = Int(sfnt[r + 12]) << 24 | Int(sfnt[r + 13]) << 16 | Int(sfnt[r + 14]) << 8 | Int(sfnt[r + 15])
            guard offset + length <= sfnt.count else { return [] }
            let table = Array(sfnt[offset..<(offset + length)])
            let compressed = Deflate.zlib(table, chain: Deflate.fontChain)
            records.append(
                (
                    Array(sfnt[r..<(r + 4)]), Array(sfnt[(r + 4)..<(r + 8)]),
                    compressed.count < table.count ? compressed : table, length
                ))
        }
        var w = FontWriter()
        w.tag("wOFF")
        w.bytes.append(contentsOf: sfnt[0..<4])
        let lengthAt = w.bytes.count
        w.u32(0)  // length, set below
        w.u16(n)
        w.u16(0)
        w.u32(12 + 16 * n + records.reduce(0) { $0 + (($1.original + 3) & ~3) })
        w.u16(1)
        w.u16(0)
        for _ in 0..<5 { w.u32(0) }  // no metadata, no private data
        var offset = 44 + 20 * n
        for r in records {
            w.bytes.append(contentsOf: r.tag)
            w.u32(offset)
            w.u32(r.data.count)
            w.u32(r.original)
            w.bytes.append(contentsOf: r.checksum)
            offset += (r.data.count + 3) & ~3
        }
        for r in records {
            w.bytes.append(contentsOf: r.data)
            w.pad4()
        }
        w.set32(w.bytes.count, at: lengthAt)
        return w.bytes
    }
}

extension TrueTypeFont {
    /// A WOFF font with the glyphs of the given characters (those the font has), for a CSS `@font-face`:
    /// a subset with its own `cmap`, hinting left out, tables zlib-compressed.
    public func webFont(covering scalars: [UInt32]) -> [UInt8] {
        var kept: [UInt32] = []
        var seen = Set<UInt32>()
        for s in scalars.sorted() where s >= 0x20 && s < 0xFFFF && !seen.contains(s) && glyph(for: s) != 0 {
            seen.insert(s)
            kept.append(s)
        }
        let subset = TrueTypeSubset(font: self, glyphs: kept.map { glyph(for: $0) }, scalars: kept)
        return WOFF.wrap(subset.bytes)
    }
}
