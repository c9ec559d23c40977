/// One of the eight standard 14 fonts we typeset with: Helvetica and Times in four styles each.
/// Readers ship these fonts, so they are never embedded; their widths come from generated AFM tables.
public enum StandardFont: Int, CaseIterable, Sendable {
    case helvetica, helveticaBold, helveticaOblique, helveticaBoldOblique
    case timesRoman, timesBold, timesItalic, timesBoldItalic

    /// The PostScript name written as `/BaseFont`.
    public var baseFontName: String {
        switch self {
        case .helvetica: return "Helvetica"
        case .helveticaBold: return "Helvetica-Bold"
        case .helveticaOblique: return "Helvetica-Oblique"
        case .helveticaBoldOblique: return "Helvetica-BoldOblique"
        case .timesRoman: return "Times-Roman"
        case .timesBold: return "Times-Bold"
        case .timesItalic: return "Times-Italic"
        case .timesBoldItalic: return "Times-BoldItalic"
        }
    }

    /// The font of `family` in the given style.
    public static func of(_ family: FontFamily, bold: Bool, italic: Bool) -> StandardFont {
        switch (family, bold, italic) {
        case (.helvetica, false, false): return .helvetica
        case (.helvetica, true, false): return .helveticaBold
        case (.helvetica, false, true): return .helveticaOblique
        case (.helvetica, true, true): return .helveticaBoldOblique
        case (.times, false, false): return .timesRoman
        case (.times, true, false): return .timesBold
        case (.times, false, true): return .timesItalic
        case (.times, true, true): return .timesBoldItalic
        }
    }

    /// Advance widths in 1/1000 em by WinAnsi code; built once per font.
    public var widths: [UInt16] { StandardFont.widthTables[rawValue] }

    /// Width in points of WinAnsi-encoded `bytes` at `size`, kerning included.
    public func width(of bytes: [UInt8], size: Double, kerning: Bool = true) -> Double {
        let table = StandardFont.widthTables[rawValue]
        var units = 0
        var previous: UInt8 = 0
        for (i, b) in bytes.enumerated() {
            units += Int(table[Int(b)])
            if kerning && i > 0 { units += kern(previous, b) }
            previous = b
        }
        return Double(units) * size / 1000
    }

    /// Width in points of a Swift string (encoded to WinAnsi first).
    public func width(of text: String, size: Double, kerning: Bool = true) -> Double {
        width(of: WinAnsiEncoding.encode(text), size: size, kerning: kerning)
    }

    /// The kerning adjustment between two WinAnsi codes in 1/1000 em (negative brings them closer).
    @inline(__always)
    public func kern(_ left: UInt8, _ right: UInt8) -> Int {
        Int(StandardFont.kerningTables[rawValue][Int(left) << 8 | Int(right)])
    }

    /// The kerning of `bytes` as (index, adjustment) pairs for a text op: the same kerning that
    /// `width(of:size:)` measures, so right-aligned text ends exactly where it was measured to.
    func kerningPairs(_ bytes: [UInt8]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        if bytes.count < 2 { return pairs }
        for i in 1..<bytes.count {
            let k = kern(bytes[i - 1], bytes[i])
            if k != 0 { pairs.append((i, k)) }
        }
        return pairs
    }

    /// Ascender of the letters in 1/1000 em.
    public var ascender: Int { StandardFont.generatedAscender(self) }
    /// Descender of the letters in 1/1000 em (negative).
    public var descender: Int { StandardFont.generatedDescender(self) }
    /// Height of the capitals in 1/1000 em.
    public var capHeight: Int { StandardFont.generatedCapHeight(self) }

    private static let widthTables: [[UInt16]] = StandardFont.allCases.map { generatedWidths($0) }
    /// A 256 x 256 table per font (128 KB each): the line breaker looks up a pair for every letter.
    private static let kerningTables: [[Int16]] = StandardFont.allCases.map { font in
        var table = [Int16](repeating: 0, count: 65536)
        for entry in generatedKerning(font) {
            table[Int(entry >> 16)] = Int16(Int(entry & 0xFFFF) - 32768)
        }
        return table
    }
}

/// A typeface family of the standard 14 fonts.
public enum FontFamily: Sendable {
    case helvetica, times
}
