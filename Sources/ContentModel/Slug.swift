import Foundation

/// Slugs: the lower-case ASCII names of items in URLs and references.
public enum Slug {
    /// Whether `text` is a slug: `a-z`, `0-9` and single hyphens, not starting or ending with one.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else {
            return false
        }
        var previousHyphen = false
        for b in bytes {
            let hyphen = b == UInt8(ascii: "-")
            guard hyphen || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) else { return false }
            if hyphen && previousHyphen { return false }
            previousHyphen = hyphen
        }
        return true
    }

    /// A slug made from a title: lower case, diacritics folded ("Saïd & Lody" → "said-lody"), every run of
    /// other characters one hyphen.
    public static func make(from title: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in title.decomposedStringWithCanonicalMappingCompat.unicodeScalars {
            // Combining marks (the accents split off by decomposition) disappear.
            if (0x0300...0x036F).contains(scalar.value) { continue }
            let folded: String
            switch scalar {
            case "ß": folded = "ss"
            case "æ", "Æ": folded = "ae"
            case "œ", "Œ": folded = "oe"
            case "ø", "Ø": folded = "o"
            case "ł", "Ł": folded = "l"
            case "đ", "Đ": folded = "d"
            case "ĳ", "Ĳ": folded = "ij"
            case "'", "’", "‘": continue  // "Saïd's" → "saids", not "said-s"
            default:
                if scalar.isASCII, let c = Character(scalar).lowercased().unicodeScalars.first,
                   (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                    folded = String(c)
                } else {
                    folded = ""
                }
            }
            if folded.isEmpty {
                pendingHyphen = !out.isEmpty
                continue
            }
            if pendingHyphen { out += "-" }
            pendingHyphen = false
            out += folded
        }
        return out
    }
}

extension String {
    /// Canonical decomposition (NFD), so "ï" becomes "i" plus a combining diaeresis.
    fileprivate var decomposedStringWithCanonicalMappingCompat: String {
        (self as NSString).decomposedStringWithCanonicalMapping
    }
}
