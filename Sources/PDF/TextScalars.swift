/// Text as the typesetter handles it: Unicode scalar values, with the characters that print nothing
/// taken out. Line feeds become forced breaks (or spaces) and soft hyphens stay as break points for the
/// line breaker (or go); tabs and other line separators become spaces; zero-width characters and other
/// control characters are dropped.
enum TextScalars {
    static let space: UInt32 = 0x20
    static let noBreakSpace: UInt32 = 0xA0
    static let softHyphen: UInt32 = 0xAD
    static let lineFeed: UInt32 = 0x0A
    /// A space the no-break rules glued ("1 mei 2021"): set and read as a space (U+0020 in the PDF's
    /// text), but never a line break. A private-use scalar, internal to the typesetter.
    static let gluedSpace: UInt32 = 0xE000

    /// The scalars of `text`. With `keepBreaks`, `\n` stays a forced break and U+00AD a place to hyphenate.
    static func of(_ text: String, keepBreaks: Bool = false) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 && v < 0x7F {
                out.append(v)
                continue
            }
            switch v {
            case 0x0A: out.append(keepBreaks ? lineFeed : space)
            case 0xAD: if keepBreaks { out.append(softHyphen) }
            case 0x09, 0x0D, 0x0B, 0x0C, 0x2028, 0x2029: out.append(space)
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, gluedSpace: continue
            default:
                if v < 0x20 || (v >= 0x7F && v < 0xA0) { continue }
                out.append(v)
            }
        }
        return out
    }

    @inline(__always)
    static func isDigit(_ s: UInt32) -> Bool { s >= 0x30 && s <= 0x39 }

    /// A letter of the scripts we hyphenate and set (Latin, with its accents).
    @inline(__always)
    static func isLetter(_ s: UInt32) -> Bool {
        (s >= 0x41 && s <= 0x5A) || (s >= 0x61 && s <= 0x7A) || (s >= 0xC0 && s <= 0x24F && s != 0xD7 && s != 0xF7)
            || (s >= 0x1E00 && s <= 0x1EFF)
    }

    @inline(__always)
    static func isUppercase(_ s: UInt32) -> Bool {
        (s >= 0x41 && s <= 0x5A) || (s >= 0xC0 && s <= 0xDE && s != 0xD7)
            || (s >= 0x100 && s <= 0x17F && s & 1 == 0 && s != 0x138)
    }
}

/// Dutch no-break rules: the spaces in a date ("1 mei 2021"), after a euro sign ("€ 95.677"), in a
/// page reference ("pagina 3 van 21") and between a number and its unit ("2,2 fte", "15 %", "3 jaar")
/// become no-break spaces, so the line breaker keeps those together.
public enum DutchNoBreak {
    private static let months: Set<String> = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
    ]
    /// Words that belong to the number before them.
    private static let units: Set<String> = [
        "%", "‰", "procent", "procentpunt", "fte", "uur", "uren", "minuten", "min", "seconden", "sec", "km", "m", "m²",
        "m2", "cm", "mm", "kg", "g", "gram", "liter", "l", "ml", "euro", "eur", "jaar", "maand", "maanden", "week",
        "weken", "dag", "dagen", "keer", "x", "×", "miljoen", "miljard", "duizend", "mln", "mld", "leden", "scholen",
        "personen", "deelnemers", "kinderen", "pagina's", "p.", "pp.",
    ]
    /// Words that belong to the number after them.
    private static let before: Set<String> = [
        "pagina", "p.", "blz.", "nr.", "art.", "artikel", "hoofdstuk", "paragraaf", "bijlage", "€", "eur",
    ]

    /// The text with the rules' spaces made no-break spaces (U+00A0), as a string (for HTML).
    public static func apply(to text: String) -> String {
        var scalars = Array(text.unicodeScalars.map(\.value))
        apply(&scalars)
        return String(
            String.UnicodeScalarView(scalars.compactMap { Unicode.Scalar($0 == TextScalars.gluedSpace ? 0xA0 : $0) }))
    }

    /// Replaces the spaces the rules name with `TextScalars.gluedSpace`, in place.
    static func apply(_ text: inout [UInt32]) {
        // Tokens between single spaces; only spaces between two tokens are candidates.
        var starts: [Int] = []
        var ends: [Int] = []
        var i = 0
        let n = text.count
        while i < n {
            while i < n && text[i] == TextScalars.space { i += 1 }
            if i >= n { break }
            let start = i
            while i < n && text[i] != TextScalars.space && text[i] != TextScalars.lineFeed { i += 1 }
            starts.append(start)
            ends.append(i)
            if i < n && text[i] == TextScalars.lineFeed {
                i += 1
                starts.append(-1)
                ends.append(-1)
            }
        }
        guard starts.count > 1 else { return }
        func word(_ k: Int) -> String {
            guard starts[k] >= 0 else { return "" }
            var s = String.UnicodeScalarView()
            for v in text[starts[k]..<ends[k]] {
                if let u = Unicode.Scalar(v) { s.append(u) }
            }
            // Punctuation after the token ("2021," "fte.") does not change what it is.
            var w = String(s).lowercased()
            while let last = w.last, ",;:)".contains(last) { w.removeLast() }
            if w.hasSuffix("."), !before.contains(w), !units.contains(w) { w.removeLast() }
            while let first = w.first, "(".contains(first) { w.removeFirst() }
            return w
        }
        func isNumber(_ w: String) -> Bool {
            var digits = 0
            for c in w.unicodeScalars {
                if TextScalars.isDigit(c.value) {
                    digits += 1
                } else if !".,-–+".unicodeScalars.contains(c) {
                    return false
                }
            }
            return digits > 0
        }
        // Every rule but the euro sign's involves a number on one side: only those pairs are looked at.
        var hasDigit = [Bool](repeating: false, count: starts.count)
        for k in 0..<starts.count where starts[k] >= 0 {
            hasDigit[k] = text[starts[k]..<ends[k]].contains(where: TextScalars.isDigit)
        }
        var words = [String?](repeating: nil, count: starts.count)
        func w(_ k: Int) -> String {
            if let cached = words[k] { return cached }
            let value = word(k)
            words[k] = value
            return value
        }
        for k in 0..<(starts.count - 1) {
            guard starts[k] >= 0, starts[k + 1] >= 0, ends[k] + 1 == starts[k + 1] else { continue }
            var keep = false
            if text[ends[k] - 1] == 0x20AC {
                keep = true  // € 95.677
            } else if hasDigit[k] || hasDigit[k + 1] {
                let left = w(k)
                let right = w(k + 1)
                if isNumber(left) && (units.contains(right) || months.contains(right)) {
                    keep = true  // 2,2 fte; 1 mei
                } else if months.contains(left) && isNumber(right) && right.count == 4 {
                    keep = true  // mei 2021
                } else if before.contains(left) && isNumber(right) {
                    keep = true  // pagina 3
                } else if left == "van", k > 0, hasDigit[k - 1], isNumber(w(k - 1)), isNumber(right) {
                    keep = true  // 3 van 21
                } else if isNumber(left) && right == "van" && k + 2 < starts.count && hasDigit[k + 2]
                    && isNumber(w(k + 2))
                {
                    keep = true
                }
            }
            if keep { text[ends[k]] = TextScalars.gluedSpace }
        }
    }
}
