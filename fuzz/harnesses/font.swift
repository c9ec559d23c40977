// libFuzzer harness: the TrueType reader of the PDF writer. Font files are outside input: the theme's
// fonts and those `report.yml` names. The input is a font file. When it reads, it is measured (glyphs,
// advances, kerning of the Latin letters), subset as the PDF and the report's web font embed it, the
// subset read again, and a short document typeset in it.
import Foundation

@testable import PDF

/// The characters measured and embedded: printable ASCII, some Latin-1 and Latin Extended-A, the
/// euro sign, typographic quotes, and one scalar beyond the BMP.
let text: [UInt32] = Array(0x20...0x7E) + [0xA0, 0xE9, 0xEB, 0xEF, 0x133, 0x20AC, 0x201C, 0x201D, 0x2013, 0x1F600]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFont(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let font = try? TrueTypeFont(bytes: bytes) else { return 0 }
    precondition(font.glyphCount > 0 && font.unitsPerEm >= 16)
    var glyphs: [UInt16] = []
    for scalar in text {
        let glyph = font.glyph(for: scalar)
        precondition(Int(glyph) < font.glyphCount, "U+\(String(scalar, radix: 16)) -> \(glyph) of \(font.glyphCount)")
        _ = font.advance(of: glyph)
        glyphs.append(glyph)
    }
    for a in glyphs.prefix(64) {
        for b in glyphs.prefix(64) { _ = font.kern(a, b) }
    }
    for g in 0..<min(font.glyphCount, 512) { _ = font.components(of: g) }

    // The subset the PDF embeds: one new glyph per character.
    let used = text.filter { font.glyph(for: $0) != 0 }
    let subset = TrueTypeSubset(font: font, glyphs: used.map { font.glyph(for: $0) }, scalars: used)
    precondition(subset.glyphCount >= used.count + 1 && subset.glyphCount <= 0xFFFF)
    // The subset keeps the font's own head, hhea and maxp; when those are sound it reads back as written.
    if let again = try? TrueTypeFont(bytes: subset.bytes), again.glyphCount == subset.glyphCount {
        for (i, scalar) in used.enumerated() where scalar < 0xFFFF {
            precondition(Int(again.glyph(for: scalar)) == i + 1, "subset cmap of U+\(String(scalar, radix: 16))")
        }
    }
    _ = font.webFont(covering: text)

    // A short document set in the font (one page, uncompressed: the typesetting is most of the time),
    // written as the report writes its PDF, with the font embedded in all four styles.
    let set = FontSet(regular: font, bold: font, italic: font, boldItalic: font)
    var document = TypesetDocument(
        metadata: DocumentMetadata(title: "Proef", creationDate: Date(timeIntervalSince1970: 1_609_459_200)),
        blocks: [
            .heading(Heading(level: 1, text: "Financiën 2020")),
            .paragraph([
                TextRun("Tekens als é ë ï ĳ “dubbele” – en € 95.677; "), TextRun("vet", bold: true),
                TextRun(" en "), TextRun("schuin 😀", italic: true), TextRun(" AVATAR To Ta."),
            ]),
            .list(ListBlock(items: [ListItem([TextRun("een")]), ListItem([TextRun("twee")])])),
        ])
    document.style.bodyFonts = set
    document.style.headingFonts = set
    _ = Typesetter(compress: false).typeset(document)
    return 0
}
