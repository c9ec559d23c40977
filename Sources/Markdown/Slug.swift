import Foundation

/// Readable URL fragments from text, shared by heading ids, templates and the site:
/// `Slug.make("Één stap verder!")` is `een-stap-verder`.
public enum Slug {
    /// Lower case, diacritics folded, letters and digits kept, everything else one `-`, no `-` at
    /// either end. Empty when the text has no letters or digits.
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            if scalar == "ß" || scalar == "ẞ" {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append("ss")
                continue
            }
            if properties.isAlphabetic || properties.numericType == .decimal {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(contentsOf: String(scalar).lowercased())
            } else if scalar != "'" && scalar != "’" {
                pendingDash = true
            }
        }
        return out
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
