import Escaping
import Foundation

/// The string filters, with Python's exact behaviour where Jinja2 relies on it.
public enum TextFilters {
    static func capitalize(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        return String(first).uppercased() + String(String.UnicodeScalarView(s.unicodeScalars.dropFirst())).lowercased()
    }

    /// Jinja2's `title`: capitalise each piece after a run of spaces, `-`, `(`, `{`, `[` or `<`.
    static func title(_ s: String) -> String {
        var out = ""
        var atStart = true
        for scalar in s.unicodeScalars {
            let delimiter = scalar.properties.isWhitespace || "-({[<".unicodeScalars.contains(scalar)
            if delimiter {
                out.unicodeScalars.append(scalar)
                atStart = true
            } else if atStart {
                out += String(scalar).uppercased()
                atStart = false
            } else {
                out += String(scalar).lowercased()
            }
        }
        return out
    }

    /// Python's `str.center`.
    static func center(_ s: String, _ width: Int) -> String {
        let length = s.unicodeScalars.count
        guard width > length, width <= 1_000_000 else { return s }
        let padding = width - length
        let left = padding / 2 + (padding & width & 1)
        return String(repeating: " ", count: left) + s + String(repeating: " ", count: padding - left)
    }

    /// Jinja2's `indent`, including its handling of the trailing newline.
    static func indent(_ s: String, _ width: String, first: Bool, blank: Bool) -> String {
        // Python's splitlines of `s + "\n"`: the last (empty) piece is dropped.
        var lines = (s + "\n").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .components(separatedBy: "\n")
        lines.removeLast()
        var result: String
        if blank {
            result = lines.joined(separator: "\n" + width)
        } else {
            result = lines[0]
            if lines.count > 1 {
                result += "\n" + lines[1...].map { $0.isEmpty ? $0 : width + $0 }.joined(separator: "\n")
            }
        }
        return first ? width + result : result
    }

    static func replace(_ s: String, _ old: String, _ new: String, _ count: Int) -> String {
        if count < 0 {
            if old.isEmpty {
                return new + s.unicodeScalars.map { String($0) + new }.joined()
            }
            return s.replacingOccurrences(of: old, with: new)
        }
        var result = ""
        var rest = Substring(s)
        var done = 0
        while done < count, let range = rest.range(of: old), !old.isEmpty {
            result += rest[..<range.lowerBound] + new
            rest = rest[range.upperBound...]
            done += 1
        }
        return result + rest
    }

    static func round(_ value: Double, _ precision: Int, _ method: String) throws -> Double {
        switch method {
        case "common":
            if precision < 0 {
                if precision < -308 { return 0 }
                let factor = pow(10, Double(-precision))
                return (value / factor).rounded(.toNearestOrEven) * factor
            }
            // Beyond 17 digits a Double does not change.
            if precision > 17 || !value.isFinite { return value }
            // printf rounds the exact binary value half-to-even, as Python's round() does.
            return Double(String(format: "%.\(precision)f", value)) ?? value
        case "ceil", "floor":
            let factor = pow(10, Double(precision))
            return method == "ceil" ? (value * factor).rounded(.up) / factor : (value * factor).rounded(.down) / factor
        default:
            throw TemplateRuntimeError("round: 'method' moet 'common', 'ceil' of 'floor' zijn")
        }
    }

    /// Removes tags and comments, collapses whitespace and decodes entities (Markup.striptags).
    public static func striptags(_ s: String) -> String {
        var out = ""
        var scalars = s.unicodeScalars[...]
        while let c = scalars.first {
            if c == "<" {
                let rest = String(String.UnicodeScalarView(scalars))
                if rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
                    scalars = scalars.dropFirst(
                        rest.unicodeScalars.distance(from: rest.unicodeScalars.startIndex, to: end.upperBound))
                    continue
                }
                if let close = scalars.firstIndex(of: ">") {
                    scalars = scalars[scalars.index(after: close)...]
                    out += " "
                    continue
                }
            }
            out.unicodeScalars.append(c)
            scalars = scalars.dropFirst()
        }
        let collapsed = out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return Entities.decode(collapsed)
    }

    static func trim(_ s: String, _ chars: String?) -> String {
        guard let chars else { return s.trimmingCharacters(in: .whitespacesAndNewlines) }
        let set = Set(chars.unicodeScalars)
        var scalars = s.unicodeScalars[...]
        while let f = scalars.first, set.contains(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, set.contains(l) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// `end` counts towards the length; `suffix` (normally `end` itself) is what is appended.
    static func truncate(_ s: String, length: Int, killwords: Bool, end: String, suffix: String? = nil, leeway: Int)
        throws -> String
    {
        let suffix = suffix ?? end
        let scalars = Array(s.unicodeScalars)
        let endLength = end.unicodeScalars.count
        if length < endLength { throw TemplateRuntimeError("truncate: de lengte moet minstens die van 'end' zijn") }
        if leeway < 0 { throw TemplateRuntimeError("truncate: 'leeway' mag niet negatief zijn") }
        // Subtracting, not adding: `length + leeway` overflows for a length near Int.max.
        if scalars.count - leeway <= length { return s }
        let kept = String(String.UnicodeScalarView(scalars[0..<(length - endLength)]))
        if killwords { return kept + suffix }
        if let space = kept.range(of: " ", options: .backwards) { return String(kept[..<space.lowerBound]) + suffix }
        return kept + suffix
    }

    /// Python's `urllib.parse.quote` on UTF-8.
    static func urlQuote(_ s: String, safe: String) -> String {
        let safeBytes = Set(safe.utf8)
        var out = ""
        for b in s.utf8 {
            let isUnreserved =
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x5F || b == 0x2E || b == 0x2D || b == 0x7E
            if isUnreserved || safeBytes.contains(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += String(format: "%%%02X", b)
            }
        }
        return out
    }

    /// Quoting for query strings: nothing is safe and spaces become `+`.
    static func queryQuote(_ s: String) -> String {
        urlQuote(s, safe: "").replacingOccurrences(of: "%20", with: "+")
    }

    /// Counts runs of word characters (letters, digits, underscore), as `re.findall(r"\w+")`.
    public static func wordcount(_ s: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in s.unicodeScalars {
            let word = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
            if word && !inWord { count += 1 }
            inWord = word
        }
        return count
    }

    /// Python's `textwrap.wrap` per line, as Jinja2's `wordwrap` uses it: words (split after hyphens
    /// between letters) fill lines up to `width`; a longer word fills the rest of the line and continues.
    static func wordwrap(_ s: String, width: Int, breakLongWords: Bool, breakOnHyphens: Bool = true, wrapstring: String)
        -> String
    {
        let lines = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .components(separatedBy: "\n")
        let body = lines.last == "" && lines.count > 1 ? Array(lines.dropLast()) : lines
        return body.map {
            wrap(Array($0.unicodeScalars), width: width, breakLongWords: breakLongWords, breakOnHyphens: breakOnHyphens)
                .joined(separator: wrapstring)
        }.joined(separator: wrapstring)
    }

    private static func wrap(_ text: [Unicode.Scalar], width: Int, breakLongWords: Bool, breakOnHyphens: Bool)
        -> [String]
    {
        // Chunks: runs of whitespace, and words split after a hyphen that follows a letter.
        var chunks: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var currentIsSpace = false
        for scalar in text {
            let isSpace = scalar.properties.isWhitespace
            if !current.isEmpty && isSpace != currentIsSpace {
                chunks.append(current)
                current = []
            }
            current.append(scalar)
            currentIsSpace = isSpace
            if !isSpace && breakOnHyphens && scalar == "-" && current.count > 1
                && current[current.count - 2].properties.isAlphabetic
            {
                chunks.append(current)
                current = []
            }
        }
        if !current.isEmpty { chunks.append(current) }
        func blank(_ chunk: [Unicode.Scalar]) -> Bool { chunk.allSatisfy { $0.properties.isWhitespace } }

        var result: [String] = []
        var pending = Array(chunks.reversed())
        while !pending.isEmpty {
            var line: [[Unicode.Scalar]] = []
            var length = 0
            if blank(pending[pending.count - 1]) && !result.isEmpty { pending.removeLast() }
            while let next = pending.last, length + next.count <= width {
                line.append(pending.removeLast())
                length += next.count
            }
            if let next = pending.last, next.count > width {
                let spaceLeft = width < 1 ? 1 : width - length
                if breakLongWords {
                    var end = spaceLeft
                    if breakOnHyphens && next.count > spaceLeft,
                        let hyphen = next[0..<spaceLeft].lastIndex(of: "-"), hyphen > 0,
                        next[0..<hyphen].contains(where: { $0 != "-" })
                    {
                        end = hyphen + 1
                    }
                    line.append(Array(next[0..<end]))
                    pending[pending.count - 1] = Array(next[end...])
                } else if line.isEmpty {
                    line.append(pending.removeLast())
                }
            }
            if let last = line.last, blank(last) { line.removeLast() }
            if !line.isEmpty { result.append(String(String.UnicodeScalarView(line.joined()))) }
        }
        return result
    }

    /// Jinja2's `filesizeformat`: "1.2 MB" (powers of 1000), or "1.2 MiB" with `binary`.
    static func filesize(_ bytes: Double, binary: Bool) -> String {
        let base: Double = binary ? 1024 : 1000
        let prefixes =
            binary
            ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
            : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        if bytes == 1 { return "1 Byte" }
        // All the digits of the whole part, as Python's int() gives them (Int(bytes) traps past ±9.2e18).
        if bytes < base { return String(format: "%.0f", bytes.rounded(.towardZero)) + " Bytes" }
        var unit = base
        for prefix in prefixes {
            unit *= base
            if bytes < unit || prefix == prefixes.last! { return String(format: "%.1f ", base * bytes / unit) + prefix }
        }
        return ""
    }
}

/// Decodes the HTML entities `striptags` meets: named basics and numeric references.
enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "euro": "€",
        "eacute": "é", "euml": "ë", "iuml": "ï", "ouml": "ö", "uuml": "ü", "mdash": "—", "ndash": "–",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©",
    ]

    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16),
                    let u = Unicode.Scalar(v)
                {
                    replacement = String(u)
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) {
                    replacement = String(u)
                } else {
                    replacement = named[name]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}

/// JSON output as Jinja2's `tojson`: sorted keys, ASCII only, and `< > & '` escaped for HTML.
enum JSONOutput {
    static func htmlSafe(_ value: Value, indent: Int?) throws -> String {
        var out = ""
        try write(value, into: &out, indent: indent, level: 0)
        return out
    }

    private static func write(_ value: Value, into out: inout String, indent: Int?, level: Int) throws {
        if level > 100 { throw TemplateRuntimeError("tojson: de waarde is te diep genest") }
        switch value {
        case .none: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isNaN {
                out += "NaN"
            } else if d.isInfinite {
                out += d < 0 ? "-Infinity" : "Infinity"
            } else {
                out += PythonFormat.float(d)
            }
        case .decimal:
            throw TemplateRuntimeError("tojson kan een bedrag (Decimal) niet omzetten; gebruik | float of | string")
        case .string(let s), .safe(let s): out += quote(s)
        case .date(let d): out += quote(d.description)
        case .list(let items), .tuple(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += indent == nil ? ", " : "," }
                newline(&out, indent, level + 1)
                try write(item, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case .dict(let d):
            if d.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (i, key) in d.keys.sorted(by: Operators.codepointLess).enumerated() {
                if i > 0 { out += indent == nil ? ", " : "," }
                newline(&out, indent, level + 1)
                out += quote(key) + ": "
                try write(d[key]!, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "}"
        case .object(let o as NamespaceObject): try write(.dict(o.values), into: &out, indent: indent, level: level)
        case .undefined(let reason): throw TemplateRuntimeError(reason.description)
        default: throw TemplateRuntimeError("tojson kan \(value.typeName) niet omzetten")
        }
    }

    private static func quote(_ s: String) -> String { JSONEscaper.quoted(s, style: .htmlSafeASCII) }

    private static func newline(_ out: inout String, _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: " ", count: indent * level)
    }

}
