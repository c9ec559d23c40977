/// Writes the fonts a document uses: an embedded TrueType font as a `Type0` font with `Identity-H`
/// encoding over a `CIDFontType2` subset (`CIDToGIDMap /Identity`, the widths of every code, a
/// `FontFile2` with the subset, and a `ToUnicode` CMap so copying and searching give back the text); a
/// standard font as a simple `Type1` font in WinAnsiEncoding.
///
/// Codes are assigned per character in order of first use: code 1 is the first character the document
/// shows in that font. Each code gets a glyph of its own in the subset, so every code has exactly one
/// Unicode value.
struct FontEmbedding {
    let font: PDFFont
    /// Resource name, e.g. `/F1`.
    let resourceName: [UInt8]
    /// Characters in code order (code = index + 1), embedded fonts only.
    private(set) var scalars: [UInt32] = []
    private(set) var codes: [UInt32: UInt16] = [:]

    init(font: PDFFont, index: Int) {
        self.font = font
        resourceName = Array("/F\(index + 1)".utf8)
    }

    /// Notes the characters of a text (embedded fonts only).
    mutating func use(_ text: [UInt32]) {
        guard font.isEmbedded else { return }
        for s in text where codes[s] == nil {
            guard scalars.count < 0xFFFE else { return }
            scalars.append(s)
            codes[s] = UInt16(scalars.count)
        }
    }

    var encoding: FontEncoding {
        FontEncoding(name: resourceName, cids: font.isEmbedded ? codes : nil, font: font)
    }

    /// Writes the font's objects and returns the number of the font dictionary.
    func write(into writer: inout PDFObjectWriter, compress: Bool) -> Int {
        switch font.source {
        case .standard(let standard):
            return writeStandard(standard, into: &writer)
        case .trueType(let trueType):
            return writeTrueType(trueType, into: &writer, compress: compress)
        }
    }

    private func writeStandard(_ font: StandardFont, into writer: inout PDFObjectWriter) -> Int {
        let object = writer.reserve()
        var body: [UInt8] = []
        body.append("<< /Type /Font /Subtype /Type1 /BaseFont ")
        PDFSyntax.appendName(font.baseFontName, to: &body)
        body.append(" /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [")
        let widths = font.widths
        for code in 32...255 {
            // Unused codes get the width of the space, as readers substitute it anyway.
            PDFSyntax.appendInt(Int(widths[code] == 0 ? widths[32] : widths[code]), to: &body)
            body.append(code % 16 == 15 ? 0x0A : 0x20)
        }
        body.append("] >>")
        writer.write(object, body)
        return object
    }

    private func writeTrueType(_ font: TrueTypeFont, into writer: inout PDFObjectWriter, compress: Bool) -> Int {
        let glyphs = scalars.map { self.font.glyph($0) }
        let subset = TrueTypeSubset(font: font, glyphs: glyphs, scalars: scalars)
        let name = FontEmbedding.subsetTag(font.postScriptName, glyphs) + "+" + font.postScriptName
        let scale = 1000 / Double(font.unitsPerEm)

        let type0 = writer.reserve()
        let cidFont = writer.reserve()
        let descriptor = writer.reserve()
        let file = writer.reserve()
        let toUnicode = writer.reserve()

        var body: [UInt8] = []
        body.append("<< /Type /Font /Subtype /Type0 /BaseFont ")
        PDFSyntax.appendName(name, to: &body)
        body.append(" /Encoding /Identity-H /DescendantFonts [")
        PDFSyntax.appendInt(cidFont, to: &body)
        body.append(" 0 R] /ToUnicode ")
        PDFSyntax.appendInt(toUnicode, to: &body)
        body.append(" 0 R >>")
        writer.write(type0, body)

        body = []
        body.append("<< /Type /Font /Subtype /CIDFontType2 /BaseFont ")
        PDFSyntax.appendName(name, to: &body)
        body.append(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ")
        PDFSyntax.appendInt(descriptor, to: &body)
        body.append(" 0 R /CIDToGIDMap /Identity /DW ")
        PDFSyntax.appendNumber(Double(font.advance(of: 0)) * scale, decimals: 3, to: &body)
        // The width of every code, exactly as the subset's hmtx has it (PDF/A wants them to agree).
        body.append(" /W [0 [")
        PDFSyntax.appendNumber(Double(font.advance(of: 0)) * scale, decimals: 3, to: &body)
        for (k, g) in glyphs.enumerated() {
            body.append(k % 16 == 15 ? 0x0A : 0x20)
            PDFSyntax.appendNumber(Double(font.advance(of: g)) * scale, decimals: 3, to: &body)
        }
        body.append("]] >>")
        writer.write(cidFont, body)

        body = []
        body.append("<< /Type /FontDescriptor /FontName ")
        PDFSyntax.appendName(name, to: &body)
        if !font.familyName.isEmpty {
            body.append(" /FontFamily ")
            PDFSyntax.appendTextString(font.familyName, to: &body)
        }
        // Nonsymbolic (32), italic (64).
        body.append(" /Flags ")
        PDFSyntax.appendInt(
            32 | (font.isItalic || font.italicAngle != 0 ? 64 : 0) | (font.isFixedPitch ? 1 : 0), to: &body)
        body.append(" /FontBBox [")
        let box = font.boundingBox
        for (k, v) in [box.0, box.1, box.2, box.3].enumerated() {
            if k > 0 { body.append(0x20) }
            PDFSyntax.appendInt(Int((Double(v) * scale).rounded()), to: &body)
        }
        body.append("] /ItalicAngle ")
        PDFSyntax.appendNumber(font.italicAngle, to: &body)
        body.append(" /Ascent ")
        PDFSyntax.appendInt(Int((Double(font.ascender) * scale).rounded()), to: &body)
        body.append(" /Descent ")
        PDFSyntax.appendInt(Int((Double(font.descender) * scale).rounded()), to: &body)
        body.append(" /CapHeight ")
        PDFSyntax.appendInt(Int((Double(font.capHeight) * scale).rounded()), to: &body)
        body.append(" /XHeight ")
        PDFSyntax.appendInt(Int((Double(font.xHeight) * scale).rounded()), to: &body)
        // The dominant stem width is not in a TrueType font; an estimate from the weight, as usual.
        body.append(" /StemV ")
        PDFSyntax.appendInt(font.weightClass >= 600 ? 120 : 80, to: &body)
        body.append(" /FontFile2 ")
        PDFSyntax.appendInt(file, to: &body)
        body.append(" 0 R >>")
        writer.write(descriptor, body)

        var length1: [UInt8] = Array("/Length1 ".utf8)
        PDFSyntax.appendInt(subset.bytes.count, to: &length1)
        writer.writeStream(
            file, extraEntries: length1,
            data: compress ? Deflate.zlib(subset.bytes, chain: Deflate.fontChain) : subset.bytes, flate: compress)

        let cmap = FontEmbedding.toUnicodeCMap(scalars)
        writer.writeStream(toUnicode, data: compress ? Deflate.zlib(cmap) : cmap, flate: compress)
        return type0
    }

    /// Six capital letters that name a subset (ISO 32000-1, 9.6.4): derived from the font and its glyphs,
    /// so the same subset gets the same name.
    static func subsetTag(_ name: String, _ glyphs: [UInt16]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in name.utf8 { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        for g in glyphs {
            hash = (hash ^ UInt64(g & 0xFF)) &* 0x0000_0100_0000_01B3
            hash = (hash ^ UInt64(g >> 8)) &* 0x0000_0100_0000_01B3
        }
        var tag = ""
        for _ in 0..<6 {
            tag.unicodeScalars.append(Unicode.Scalar(UInt8(65 + hash % 26)))
            hash /= 26
        }
        return tag
    }

    /// The `ToUnicode` CMap: code (index + 1) → the character, in blocks of at most 100 entries.
    static func toUnicodeCMap(_ scalars: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        out.append(
            """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """)
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        func append16(_ v: UInt16) {
            out.append(hex[Int(v >> 12)])
            out.append(hex[Int(v >> 8 & 0xF)])
            out.append(hex[Int(v >> 4 & 0xF)])
            out.append(hex[Int(v & 0xF)])
        }
        var start = 0
        while start < scalars.count {
            let end = min(start + 100, scalars.count)
            PDFSyntax.appendInt(end - start, to: &out)
            out.append(" beginbfchar\n")
            for k in start..<end {
                out.append(0x3C)
                append16(UInt16(k + 1))
                out.append("> <")
                // A glued space reads as the space it was.
                let scalar = Unicode.Scalar(scalars[k] == TextScalars.gluedSpace ? 0x20 : scalars[k]) ?? "?"
                for unit in String(Character(scalar)).utf16 { append16(unit) }
                out.append(">\n")
            }
            out.append("endbfchar\n")
            start = end
        }
        out.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        return out
    }
}
