import Foundation

/// Unicode to WinAnsiEncoding (PDF 32000-1, Annex D), the single-byte encoding we use for the standard
/// fonts. Characters outside it get a sensible replacement (a close look-alike, the letter without its
/// accent, or `?`), never a crash.
public enum WinAnsiEncoding {
    /// The WinAnsi code of a scalar, or nil when WinAnsi has no such character.
    public static func code(for scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if v >= 0x20 && v <= 0x7E { return UInt8(v) }
        // The soft hyphen would print as a visible hyphen; it is dropped instead.
        if v >= 0xA0 && v <= 0xFF { return v == 0xAD ? nil : UInt8(v) }
        switch v {
        case 0x20AC: return 0x80  // €
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85  // …
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91  // ‘
        case 0x2019: return 0x92  // ’
        case 0x201C: return 0x93  // “
        case 0x201D: return 0x94  // ”
        case 0x2022: return 0x95  // •
        case 0x2013: return 0x96  // –
        case 0x2014: return 0x97  // —
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }

    /// Encodes `text`; each character outside WinAnsi becomes its replacement. Control characters
    /// (tabs, line breaks) become spaces; zero-width characters and soft hyphens are dropped.
    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        // Fast path: pure ASCII text is its own encoding.
        var ascii = true
        for b in text.utf8 where b >= 0x80 || b < 0x20 || b == 0x7F {
            ascii = false
            break
        }
        if ascii {
            out.append(contentsOf: text.utf8)
            return out
        }
        for scalar in text.unicodeScalars { appendEncoded(scalar, to: &out) }
        return out
    }

    /// Appends the encoding of one scalar (or its replacement) to `out`.
    static func appendEncoded(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if let c = code(for: scalar) {
            out.append(c)
            return
        }
        out.append(contentsOf: replacement(for: scalar))
    }

    /// The bytes printed for a scalar that WinAnsi lacks.
    static func replacement(for scalar: Unicode.Scalar) -> [UInt8] {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x2028, 0x2029: return [0x20]
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return []
        case 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return [0xA0]  // typographic spaces stay non-breaking
        case 0x2010, 0x2011, 0x2012, 0x2212, 0x2043: return [0x2D]
        case 0x2015: return [0x97]
        case 0x2032, 0x02B9: return [0x27]
        case 0x2033: return [0x22]
        case 0x201B: return [0x91]
        case 0x201F: return [0x93]
        case 0x2024: return [0x2E]
        case 0x2044, 0x2215: return [0x2F]
        case 0x2190: return Array("<-".utf8)
        case 0x2192: return Array("->".utf8)
        case 0x2264: return Array("<=".utf8)
        case 0x2265: return Array(">=".utf8)
        case 0x2260: return Array("!=".utf8)
        case 0x2248: return [0x98]
        case 0x2713, 0x2714: return [0x76]
        case 0x25CF, 0x25AA, 0x25A0, 0x2023, 0x2219: return [0x95]
        case 0xFB00: return Array("ff".utf8)
        case 0xFB01: return Array("fi".utf8)
        case 0xFB02: return Array("fl".utf8)
        case 0xFB03: return Array("ffi".utf8)
        case 0xFB04: return Array("ffl".utf8)
        case 0x0132: return Array("IJ".utf8)
        case 0x0133: return Array("ij".utf8)
        case 0x0141: return [0x4C]
        case 0x0142: return [0x6C]
        case 0x0110: return [0xD0]
        case 0x0111: return [0x64]
        case 0x0131: return [0x69]
        default: break
        }
        if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) { return [] }
        // A letter with a diacritic WinAnsi lacks (ő, ł, ș, ā...): print the base letter.
        let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
        if decomposed.count > 1, let base = decomposed.first, let c = code(for: base) { return [c] }
        // Combining marks on their own add nothing printable.
        if scalar.properties.generalCategory == .nonspacingMark { return [] }
        return [0x3F]
    }

    /// Decodes WinAnsi bytes back to a string (used by tests and the inspector).
    public static func decode(_ bytes: [UInt8]) -> String {
        var reverse = [UInt8: Unicode.Scalar]()
        var result = String.UnicodeScalarView()
        for b in bytes {
            if b < 0x80 || b >= 0xA0 {
                result.append(Unicode.Scalar(b))
                continue
            }
            if reverse.isEmpty {
                for v in 0x2000...0x2200 { if let s = Unicode.Scalar(v), let c = code(for: s) { reverse[c] = s } }
                for v in [0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017D, 0x017E, 0x0192, 0x02C6, 0x02DC] {
                    if let s = Unicode.Scalar(v), let c = code(for: s) { reverse[c] = s }
                }
            }
            result.append(reverse[b] ?? "?")
        }
        return String(result)
    }
}
