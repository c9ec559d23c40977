import DataFormats
import Foundation

/// Money and dates: the values whose spelling editors most often get subtly wrong.
extension FieldReader {
    func amount(_ key: String, required: Bool = false) -> Decimal? {
        guard let value = raw(key, required: required) else { return nil }
        return Self.amount(value, key: key, context: context)
    }

    /// Money: a plain number, or a quoted Dutch amount (`"95.677"`, `"€ 1.234,56"`, `"(2.500)"`).
    static func amount(_ value: YAMLNode, key: String, context: DecodeContext) -> Decimal? {
        switch value.value {
        case .int(let n):
            return Decimal(n)
        case .decimal(let d):
            if let text = context.source.lineText(value.line), looksLikeThousands(text, column: value.column) {
                context.warning(
                    "veld '\(key)': \(d) is een getal met drie decimalen; bedoel je een bedrag met een duizendtal-punt?",
                    at: value, notes: ["schrijf het bedrag zonder punt (95677) of tussen aanhalingstekens (\"95.677\")"]
                )
            }
            return d
        case .string(let s):
            if let amount = DutchNumber.parseAmount(s) { return amount }
            context.error("veld '\(key)': '\(s)' is geen bedrag (zoals 95677, \"95.677\" of \"€ 1.234,56\")", at: value)
            return nil
        default:
            context.error("veld '\(key)' moet een bedrag zijn, niet \(describe(value.value))", at: value)
            return nil
        }
    }

    /// Whether the number written at `column` has exactly three digits after its point.
    fileprivate static func looksLikeThousands(_ line: String, column: Int) -> Bool {
        let scalars = Array(line.unicodeScalars.dropFirst(column - 1))
        var i = 0
        while i < scalars.count, scalars[i] == "-" || scalars[i] == "+" { i += 1 }
        while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
        guard i < scalars.count, scalars[i] == "." else { return false }
        i += 1
        var digits = 0
        while i < scalars.count, ("0"..."9").contains(scalars[i]) {
            digits += 1
            i += 1
        }
        return digits == 3
    }

    func date(_ key: String, required: Bool = false) -> ContentDate? {
        guard let value = raw(key, required: required) else { return nil }
        return Self.date(value, key: key, context: context)
    }

    static func date(_ value: YAMLNode, key: String, context: DecodeContext) -> ContentDate? {
        switch value.value {
        case .date(let d):
            if let problem = DateCheck.problem(d) {
                context.error("veld '\(key)': onmogelijke datum \(d): \(problem)", at: value)
                return nil
            }
            return d
        case .string(let s):
            if let problem = DateCheck.problem(inText: s) {
                context.error("veld '\(key)': onmogelijke datum '\(s)': \(problem)", at: value)
            } else {
                context.error("veld '\(key)' moet een datum zijn (zoals 2020-09-23), niet tekst '\(s)'", at: value)
            }
            return nil
        default:
            context.error(
                "veld '\(key)' moet een datum zijn (zoals 2020-09-23), niet \(describe(value.value))", at: value)
            return nil
        }
    }
}
