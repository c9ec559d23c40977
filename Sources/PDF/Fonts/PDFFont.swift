import Diagnostics
import Foundation

/// A font the typesetter sets text in: a TrueType font, embedded as a subset (the default for the
/// report, from the theme), or one of the standard 14 fonts, which readers supply themselves (not
/// embedded, WinAnsi only; a PDF with them is neither PDF/A nor PDF/UA).
///
/// Text is measured by Unicode scalar. A character the font lacks is drawn with a stand-in (the letter
/// without its accent, a plain hyphen for a Unicode hyphen, else `?`) but keeps its own Unicode value in
/// the PDF, so copying the text gives back what was written.
public final class PDFFont: @unchecked Sendable, Hashable, CustomStringConvertible {
    public enum Source: Sendable {
        case standard(StandardFont)
        case trueType(TrueTypeFont)
    }

    public let source: Source
    /// 1000 / unitsPerEm for a TrueType font.
    private let scale: Double

    /// A TrueType font; parse it once (`TrueTypeFont`) and share it between documents.
    public init(_ font: TrueTypeFont) {
        source = .trueType(font)
        scale = 1000 / Double(font.unitsPerEm)
    }

    private init(standard: StandardFont) {
        source = .standard(standard)
        scale = 1
    }

    /// The shared instance of a standard font.
    public static func standard(_ font: StandardFont) -> PDFFont { standardFonts[font.rawValue] }
    private static let standardFonts = StandardFont.allCases.map { PDFFont(standard: $0) }

    public static func == (a: PDFFont, b: PDFFont) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    public var description: String { name }

    /// The PostScript name ("NotoSans-Bold", "Helvetica").
    public var name: String {
        switch source {
        case .standard(let f): return f.baseFontName
        case .trueType(let f): return f.postScriptName
        }
    }

    /// Whether the font program goes into the PDF.
    public var isEmbedded: Bool {
        if case .trueType = source { return true }
        return false
    }

    // MARK: Metrics (1/1000 em)

    /// The advance of the glyph shown for `scalar`, in 1/1000 em.
    @inline(__always)
    public func advance(_ scalar: UInt32) -> Double {
        switch source {
        case .trueType(let f): return Double(f.advance(of: glyph(scalar))) * scale
        case .standard(let f): return Double(f.widths[Int(code(scalar))])
        }
    }

    /// The kerning between two characters in 1/1000 em (negative brings them closer).
    @inline(__always)
    public func kern(_ left: UInt32, _ right: UInt32) -> Double {
        switch source {
        case .trueType(let f): return Double(f.kern(glyph(left), glyph(right))) * scale
        case .standard(let f): return Double(f.kern(code(left), code(right)))
        }
    }

    /// The width in points of `text` at `size`, kerning included.
    public func width(of text: [UInt32], size: Double, kerning: Bool = true) -> Double {
        var units = 0.0
        for (i, s) in text.enumerated() {
            units += advance(s)
            if kerning && i > 0 { units += kern(text[i - 1], s) }
        }
        return units * size / 1000
    }

    /// The width in points of a string at `size`, kerning included.
    public func width(of text: String, size: Double, kerning: Bool = true) -> Double {
        width(of: TextScalars.of(text), size: size, kerning: kerning)
    }

    /// The kerning of `text` as (index, adjustment in 1/1000 em) pairs, applied before that character.
    func kerningPairs(_ text: [UInt32]) -> [(Int, Double)] {
        var pairs: [(Int, Double)] = []
        if text.count < 2 { return pairs }
        for i in 1..<text.count {
            let k = kern(text[i - 1], text[i])
            if k != 0 { pairs.append((i, k)) }
        }
        return pairs
    }

    /// Ascender, descender (negative) and cap height in 1/1000 em.
    public var ascender: Double {
        switch source {
        case .trueType(let f): return Double(f.ascender) * scale
        case .standard(let f): return Double(f.ascender)
        }
    }

    public var descender: Double {
        switch source {
        case .trueType(let f): return Double(f.descender) * scale
        case .standard(let f): return Double(f.descender)
        }
    }

    public var capHeight: Double {
        switch source {
        case .trueType(let f): return Double(f.capHeight) * scale
        case .standard(let f): return Double(f.capHeight)
        }
    }

    // MARK: Glyphs and codes

    /// The glyph drawn for a scalar in a TrueType font: its own, else a stand-in's.
    @inline(__always)
    func glyph(_ scalar: UInt32) -> UInt16 {
        guard case .trueType(let f) = source else { return 0 }
        let g = f.glyph(for: scalar == TextScalars.gluedSpace ? TextScalars.space : scalar)
        return g != 0 ? g : PDFFont.standInGlyph(scalar, in: f)
    }

    /// The WinAnsi code drawn for a scalar in a standard font.
    @inline(__always)
    func code(_ scalar: UInt32) -> UInt8 {
        if scalar < 0x80 { return scalar >= 0x20 ? UInt8(scalar) : 0x20 }
        if scalar == 0xAD { return 0x2D }  // a hyphen printed at a line break
        if scalar == TextScalars.gluedSpace { return 0x20 }
        guard let s = Unicode.Scalar(scalar) else { return 0x3F }
        if let c = WinAnsiEncoding.code(for: s) { return c }
        return WinAnsiEncoding.replacement(for: s).first ?? 0x3F
    }

    /// A glyph for a character the font lacks: the stand-in that WinAnsi uses (a letter without its
    /// accent, `-` for the Unicode hyphens, ...), else `?`.
    private static func standInGlyph(_ scalar: UInt32, in font: TrueTypeFont) -> UInt16 {
        switch scalar {
        case 0xAD, 0x2010, 0x2011: return font.glyph(for: 0x2D)
        case 0xA0, 0x202F, 0x2007, TextScalars.gluedSpace: return font.glyph(for: 0x20)
        // Printable ASCII has no stand-in but `?` (found by the font fuzzer: a font without lowercase
        // letters went through Unicode decomposition for every letter, seconds per document).
        case 0x21...0x7E: return font.glyph(for: 0x3F)
        default: break
        }
        if let s = Unicode.Scalar(scalar), let byte = WinAnsiEncoding.replacement(for: s).first {
            let decoded = WinAnsiEncoding.decode([byte]).unicodeScalars.first?.value ?? 0x3F
            let g = font.glyph(for: decoded)
            if g != 0 { return g }
        }
        return font.glyph(for: 0x3F)
    }
}

/// The four styles of a typeface: regular, bold, italic and bold italic.
public struct FontSet: Sendable {
    public var regular: PDFFont
    public var bold: PDFFont
    public var italic: PDFFont
    public var boldItalic: PDFFont

    public init(regular: PDFFont, bold: PDFFont, italic: PDFFont, boldItalic: PDFFont) {
        self.regular = regular
        self.bold = bold
        self.italic = italic
        self.boldItalic = boldItalic
    }

    /// The four TrueType fonts of a family.
    public init(regular: TrueTypeFont, bold: TrueTypeFont, italic: TrueTypeFont, boldItalic: TrueTypeFont) {
        self.init(
            regular: PDFFont(regular), bold: PDFFont(bold), italic: PDFFont(italic), boldItalic: PDFFont(boldItalic))
    }

    /// A standard family (Helvetica or Times): not embedded.
    public static func standard(_ family: FontFamily) -> FontSet {
        FontSet(
            regular: .standard(.of(family, bold: false, italic: false)),
            bold: .standard(.of(family, bold: true, italic: false)),
            italic: .standard(.of(family, bold: false, italic: true)),
            boldItalic: .standard(.of(family, bold: true, italic: true)))
    }

    public func font(bold: Bool, italic: Bool) -> PDFFont {
        switch (bold, italic) {
        case (false, false): return regular
        case (true, false): return self.bold
        case (false, true): return self.italic
        case (true, true): return boldItalic
        }
    }

    /// Whether every style is embedded.
    public var isEmbedded: Bool { [regular, bold, italic, boldItalic].allSatisfy(\.isEmbedded) }
}

/// Parsed font files, by path, for the whole process: a build that writes several reports (or a server
/// that rebuilds) reads and parses each font once. A file that changes on disk is read again.
public enum FontCache {
    private static let lock = NSLock()
    private static var fonts: [String: (size: Int, modified: Date?, font: TrueTypeFont)] = [:]

    /// The parsed font at `url`; throws `FontError` for a file that is not a usable font, `FileSystemError`
    /// for one that cannot be read (a folder, no access).
    public static func font(at url: URL) throws -> TrueTypeFont {
        let path = url.standardizedFileURL.path
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        let modified = attributes?[.modificationDate] as? Date
        lock.lock()
        if let cached = fonts[path], cached.size == size, cached.modified == modified {
            lock.unlock()
            return cached.font
        }
        lock.unlock()
        let font = try TrueTypeFont(bytes: try FileContents.read(path))
        lock.lock()
        fonts[path] = (size, modified, font)
        lock.unlock()
        return font
    }
}
