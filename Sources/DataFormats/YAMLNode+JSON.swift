import Escaping
import Foundation

extension YAMLNode {
    /// The node as compact JSON text, keys in document order.
    ///
    /// Plain mode (`typed: false`) is ordinary JSON: dates become ISO 8601 strings and non-string keys their
    /// text. Typed mode is the canonical form of the compatibility suite, where nothing may be ambiguous:
    /// decimals always have a fraction digit (`1500.0`), dates are `{"$date":"2020-09-23"}` and date-times
    /// `{"$datetime":"2020-09-23T14:30:00+02:00"}`, and a non-string key is `"$key:"` plus its typed JSON.
    /// `scripts/yaml-compat/generate.py` writes exactly this form from PyYAML's values.
    public func jsonText(typed: Bool = false) -> String {
        var out = ""
        YAMLJSONWriter(typed: typed).write(self, into: &out)
        return out
    }
}

struct YAMLJSONWriter {
    var typed: Bool

    func write(_ node: YAMLNode, into out: inout String) {
        switch node.value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .decimal(let d): out += typed ? Self.canonical(d) : d.description
        case .string(let s): Self.writeString(s, into: &out)
        case .date(let date):
            if typed {
                out += date.hasTime ? "{\"$datetime\":\"" : "{\"$date\":\""
                out += Self.isoText(date)
                out += "\"}"
            } else {
                out += "\"" + Self.isoText(date) + "\""
            }
        case .sequence(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .mapping(let pairs):
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                Self.writeString(keyText(pair.key), into: &out)
                out += ":"
                write(pair.value, into: &out)
            }
            out += "}"
        }
    }

    private func keyText(_ key: YAMLNode) -> String {
        if case .string(let s) = key.value { return s }
        if typed { return "$key:" + key.jsonText(typed: true) }
        switch key.value {
        case .date(let d): return Self.isoText(d)
        case .decimal(let d): return d.description
        default: return key.jsonText()
        }
    }

    /// `2020-09-23`, or `2020-09-23T14:30:00[.ffffff][±HH:MM]` (microseconds, as Python prints them).
    static func isoText(_ date: YAMLDate) -> String {
        var text = date.description
        guard date.hasTime else { return text }
        if let ns = date.nanosecond, ns / 1000 > 0 {
            text += "." + pad(ns / 1000, 6)
        }
        if let offset = date.utcOffsetMinutes {
            text += offset < 0 ? "-" : "+"
            text += pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
        }
        return text
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// Plain notation with at least one fraction digit and no trailing zeros beyond it: `2.2`, `1500.0`.
    static func canonical(_ d: Decimal) -> String {
        var text = d.description
        if text.hasPrefix("-0") && d == 0 { text = "0" }
        if let dot = text.firstIndex(of: ".") {
            while text.hasSuffix("0") && text.index(before: text.endIndex) > text.index(after: dot) {
                text.removeLast()
            }
            return text
        }
        return text + ".0"
    }

    /// A JSON string, escaped as Python's `json.dumps(ensure_ascii=False)` does.
    static func writeString(_ s: String, into out: inout String) {
        out += JSONEscaper.quoted(s, style: .standard)
    }
}
