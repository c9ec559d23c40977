import Foundation

/// Readable URL fragments from text, the one slug rule of the package (heading ids, template `slugify`,
/// item slugs): `Slug.make("Één stap verder!")` is `een-stap-verder`.
public enum Slug {
    /// Lower case, diacritics folded, letters and digits kept, apostrophes dropped ("Saïd's" → "saids"),
    /// everything else one `-`, no `-` at either end. Empty when the text has no letters or digits.
    ///
    /// `asciiOnly` gives the names of content items, which must pass `isValid`: only `a-z` and `0-9`
    /// survive, a few letters without a decomposition are spelled out ("Ærø" → "aero", "ß" → "ss") and
    /// any other letter counts as a separator.
    public static func make(_ text: String, asciiOnly: Bool = false) -> String {
        // Plain ASCII, most headings and names: both rules agree, and nothing needs decomposing or the
        // Unicode tables.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
        var out = ""
        var pendingDash = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch asciiOnly ? asciiPiece(scalar) : piece(scalar) {
            case .skip:
                continue
            case .separator:
                pendingDash = true
            case .text(let piece):
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out += piece
            }
        }
        return out
    }

    /// `make` of a text of ASCII only, byte by byte.
    private static func asciiSlug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            let lower = byte | 0x20
            if lower &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
                if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(byte &- UInt8(ascii: "0") < 10 ? byte : lower)
            } else if byte != UInt8(ascii: "'") {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is a slug as `make(_:asciiOnly: true)` writes them: `a-z`, `0-9` and single hyphens,
    /// not starting or ending with one, i.e. non-empty and unchanged by `make`.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text, asciiOnly: true).utf8.elementsEqual(text.utf8)
    }

    /// What one scalar of the decomposed text becomes.
    private enum Piece {
        case skip  // accents split off by decomposition, apostrophes
        case separator
        case text(String)
    }

    private static func piece(_ scalar: Unicode.Scalar) -> Piece {
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark { return .skip }
        if scalar == "ß" || scalar == "ẞ" { return .text("ss") }
        if properties.isAlphabetic || properties.numericType == .decimal {
            return .text(String(scalar).lowercased())
        }
        return scalar == "'" || scalar == "’" ? .skip : .separator
    }

    private static func asciiPiece(_ scalar: Unicode.Scalar) -> Piece {
        if (0x0300...0x036F).contains(scalar.value) { return .skip }  // Combining diacritical marks.
        switch scalar {
        case "a"..."z", "0"..."9": return .text(String(scalar))
        case "A"..."Z": return .text(String(Unicode.Scalar(scalar.value | UInt32(asciiCaseBit))!))
        case "ß": return .text("ss")
        case "æ", "Æ": return .text("ae")
        case "œ", "Œ": return .text("oe")
        case "ø", "Ø": return .text("o")
        case "ł", "Ł": return .text("l")
        case "đ", "Đ": return .text("d")
        case "ĳ", "Ĳ": return .text("ij")
        case "'", "’", "‘": return .skip
        default: return .separator
        }
    }

    /// Makes slugs unique within one document: a repeated slug gets `-2`, `-3`, ...; an empty one
    /// becomes `sectie`.
    public struct Uniquer {
        private var used: [String: Int] = [:]

        public init() {}

        public mutating func unique(_ slug: String) -> String {
            let base = slug.isEmpty ? "sectie" : slug
            var candidate = base
            var n = used[base] ?? 1
            while used[candidate] != nil {
                n += 1
                candidate = "\(base)-\(n)"
            }
            used[base] = n
            used[candidate] = used[candidate] ?? 1
            return candidate
        }
    }
}
