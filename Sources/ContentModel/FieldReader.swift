import DataFormats
import Diagnostics
import Foundation

/// Reads the fields of one YAML mapping into typed values. Every problem (missing required field, wrong
/// type, value out of range) becomes a diagnostic in the context and the field reads as nil, so decoding
/// always goes on and one run reports everything. Keys that were asked for are the known fields; `finish()`
/// warns about the others, with a did-you-mean.
final class FieldReader {
    let node: YAMLNode
    let context: DecodeContext
    /// What the mapping is, in Dutch, for messages ("best practice", "rol").
    let what: String
    private var known: [String] = []
    private let pairs: [YAMLPair]
    /// Not a mapping at all: that one error says it; missing fields would only repeat it.
    private let broken: Bool

    init(_ node: YAMLNode, context: DecodeContext, what: String) {
        self.node = node
        self.context = context
        self.what = what
        switch node.value {
        case .mapping(let pairs):
            self.pairs = pairs
            self.broken = false
        case .null:
            self.pairs = []
            self.broken = false
        default:
            self.pairs = []
            self.broken = true
            context.error("\(what): verwacht velden (sleutel: waarde), niet \(describe(node.value))", at: node)
        }
    }

    /// The raw node of a field (nil when absent or empty); marks the key as known.
    func raw(_ key: String, required: Bool = false) -> YAMLNode? {
        known.append(key)
        guard let index = index(of: key) else {
            if required { missing(key) }
            return nil
        }
        let pair = pairs[index]
        if case .null = pair.value.value {
            if required {
                context.error("verplicht veld '\(key)' is leeg", at: pair.key)
            }
            return nil
        }
        return pair.value
    }

    /// Whether the mapping has the key at all (also when empty).
    func has(_ key: String) -> Bool {
        index(of: key) != nil
    }

    /// Pattern matching, not `YAMLValue ==`: this runs for every field of every file.
    private func index(of key: String) -> Int? {
        for i in pairs.indices {
            if case .string(let name) = pairs[i].key.value, name == key { return i }
        }
        return nil
    }

    func missing(_ key: String) {
        guard !broken else { return }
        context.error("verplicht veld '\(key)' ontbreekt (\(what))", at: node)
    }

    func text(_ key: String, required: Bool = false) -> String? {
        guard let value = raw(key, required: required) else { return nil }
        return Self.text(value, key: key, context: context)
    }

    static func text(_ value: YAMLNode, key: String, context: DecodeContext) -> String? {
        if case .string(let s) = value.value { return s }
        var notes: [String] = []
        switch value.value {
        case .int, .decimal, .bool, .date:
            notes.append("zet de waarde tussen aanhalingstekens als het tekst is")
        default: break
        }
        context.error("veld '\(key)' moet tekst zijn, niet \(describe(value.value))", at: value, notes: notes)
        return nil
    }

    /// A web address: `https://…`, `http://…`, `mailto:…` or a path on the site (`/…`). Anything else
    /// (most often a forgotten `https://`) is a warning, since the link would be relative to the page.
    func url(_ key: String) -> String? {
        guard let value = raw(key), let text = Self.text(value, key: key, context: context) else { return nil }
        let ok = ["https://", "http://", "mailto:", "/"].contains { text.hasPrefix($0) }
        if !ok {
            context.warning(
                "veld '\(key)': '\(text)' is geen volledig webadres", at: value,
                notes: ["begin met https:// (of / voor een pagina op deze site)"])
        }
        return text
    }

    func bool(_ key: String) -> Bool? {
        guard let value = raw(key) else { return nil }
        if case .bool(let b) = value.value { return b }
        context.error("veld '\(key)' moet true of false zijn, niet \(describe(value.value))", at: value)
        return nil
    }

    func int(_ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = raw(key, required: required) else { return nil }
        guard case .int(let n) = value.value else {
            context.error("veld '\(key)' moet een geheel getal zijn, niet \(describe(value.value))", at: value)
            return nil
        }
        if let range, !range.contains(n) {
            context.error(
                "veld '\(key)' moet tussen \(range.lowerBound) en \(range.upperBound) liggen, niet \(n)", at: value)
            return nil
        }
        return n
    }

    /// A year: an integer between 1900 and 2200.
    func year(_ key: String, required: Bool = false) -> Int? {
        int(key, required: required, in: 1900...2200)
    }

    /// Any number, exactly.
    func decimal(_ key: String, required: Bool = false) -> Decimal? {
        guard let value = raw(key, required: required) else { return nil }
        switch value.value {
        case .int(let n): return Decimal(n)
        case .decimal(let d): return d
        default:
            context.error("veld '\(key)' moet een getal zijn, niet \(describe(value.value))", at: value)
            return nil
        }
    }

    /// A share between 0 and 1 (`0.80`).
    func share(_ key: String) -> Decimal? {
        guard let value = decimal(key) else { return nil }
        if value < 0 || value > 1 {
            context.error("veld '\(key)' is een aandeel tussen 0 en 1 (zoals 0.80), niet \(value)", at: raw(key)!)
            return nil
        }
        return value
    }

    /// A list of text; a single value where a list belongs is an error (it is easy to forget the brackets).
    func texts(_ key: String, required: Bool = false) -> [String]? {
        guard let value = raw(key, required: required) else {
            return has(key) && !required ? [] : nil
        }
        guard case .sequence(let items) = value.value else {
            context.error(
                "veld '\(key)' moet een lijst zijn, niet \(describe(value.value))", at: value,
                notes: ["schrijf [\(key == "themes" ? "thema" : "waarde")] of één '- waarde' per regel"])
            return nil
        }
        var result: [String] = []
        for item in items {
            if let s = Self.text(item, key: key, context: context) { result.append(s) }
        }
        return result
    }

    /// A list of slugs of another type; each is recorded as a reference.
    func references(_ key: String, to kind: ReferenceKind, required: Bool = false) -> [String]? {
        guard let value = raw(key, required: required) else {
            return has(key) && !required ? [] : nil
        }
        guard case .sequence(let items) = value.value else {
            context.error(
                "veld '\(key)' moet een lijst zijn, niet \(describe(value.value))", at: value,
                notes: ["schrijf \(key): [\(value.string ?? "slug")]"])
            return nil
        }
        var result: [String] = []
        for item in items {
            if let s = Self.text(item, key: key, context: context) {
                context.refer(to: kind, s, at: item)
                result.append(s)
            }
        }
        return result
    }

    /// One slug of another type, recorded as a reference.
    func reference(_ key: String, to kind: ReferenceKind, required: Bool = false) -> String? {
        guard let value = raw(key, required: required), let s = Self.text(value, key: key, context: context) else {
            return nil
        }
        context.refer(to: kind, s, at: value)
        return s
    }

    /// One of a fixed set of words, with a did-you-mean for a misspelling.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false, as type: E.Type = E.self)
        -> E?
    where E.RawValue == String {
        guard let value = raw(key, required: required) else { return nil }
        return Self.choice(value, key: key, context: context)
    }

    static func choice<E: RawRepresentable & CaseIterable>(_ value: YAMLNode, key: String, context: DecodeContext) -> E?
    where E.RawValue == String {
        guard let s = text(value, key: key, context: context) else { return nil }
        if let e = E(rawValue: s) { return e }
        let options = E.allCases.map(\.rawValue)
        var message = "veld '\(key)': onbekende waarde '\(s)'"
        if let nearest = Suggestions.nearest(to: s, in: options) { message += "; bedoelde je '\(nearest)'?" }
        context.error(message, at: value, notes: ["mogelijk: " + options.joined(separator: ", ")])
        return nil
    }

    /// A nested mapping, read with its own reader (finish it when done).
    func mapping(_ key: String, required: Bool = false, what: String) -> FieldReader? {
        guard let value = raw(key, required: required) else { return nil }
        guard case .mapping = value.value else {
            context.error(
                "veld '\(key)' moet velden bevatten (sleutel: waarde), niet \(describe(value.value))", at: value)
            return nil
        }
        return FieldReader(value, context: context, what: what)
    }

    /// The items of a list field.
    func list(_ key: String, required: Bool = false) -> [YAMLNode]? {
        guard let value = raw(key, required: required) else {
            return has(key) && !required ? [] : nil
        }
        guard case .sequence(let items) = value.value else {
            context.error("veld '\(key)' moet een lijst zijn, niet \(describe(value.value))", at: value)
            return nil
        }
        return items
    }

    /// Warns about every field that was never asked for, with the nearest known field. A "field" that is
    /// really the rest of a text cut at an unquoted comma inside `{…}` is an error that says how to quote it.
    func finish() {
        for (index, pair) in pairs.enumerated() {
            guard case .string(let key) = pair.key.value else {
                context.error("\(what): een veldnaam moet tekst zijn, niet \(describe(pair.key.value))", at: pair.key)
                continue
            }
            if known.contains(key) { continue }
            if isCutByComma(index) {
                // One error for a text cut in several places: at its first piece.
                if index > 0, isCutByComma(index - 1) { continue }
                reportCutText(at: index)
                continue
            }
            let (message, notes) = FieldNames.unknownFieldMessage(key, what: what, known: known)
            context.warning(message, at: pair.key, notes: notes)
        }
    }

    /// Whether the pair at `index` is a piece of the previous field's text: a plain word without a value,
    /// written after a comma inside a `{…}` flow mapping (`{benefits: Minder kosten, meer rust}`).
    private func isCutByComma(_ index: Int) -> Bool {
        guard index > 0, case .null = pairs[index].value.value, case .string(let key) = pairs[index].key.value,
            let line = context.source.lineText(pairs[index].key.line)
        else { return false }
        let scalars = Array(line.unicodeScalars)
        let start = pairs[index].key.column - 1
        guard start > 0, start <= scalars.count else { return false }
        var before = start - 1
        while before >= 0, scalars[before] == " " { before -= 1 }
        guard before >= 0, scalars[before] == ",", scalars[..<before].contains("{") else { return false }
        var after = start + key.unicodeScalars.count
        while after < scalars.count, scalars[after] == " " { after += 1 }
        return after >= scalars.count || scalars[after] == "," || scalars[after] == "}"
    }

    private func reportCutText(at index: Int) {
        var owner = index - 1
        while owner > 0, isCutByComma(owner) { owner -= 1 }
        var pieces: [String] = []
        var next = index
        while next < pairs.count, next == index || isCutByComma(next), case .string(let piece) = pairs[next].key.value {
            pieces.append(piece)
            next += 1
        }
        let field = pairs[owner].key.string ?? "?"
        let first: String
        switch pairs[owner].value.value {
        case .string(let s): first = s
        case .int(let n): first = String(n)
        case .decimal(let d): first = "\(d)"
        default: first = "…"
        }
        let whole = ([first] + pieces).joined(separator: ", ")
        let escaped = whole.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        context.error(
            "de tekst van '\(field)' bevat een komma zonder aanhalingstekens: binnen {…} scheidt een komma de velden, dus de tekst is afgebroken bij '\(pieces[0])'",
            at: pairs[index].key, notes: ["zet de tekst tussen aanhalingstekens: \(field): \"\(escaped)\""])
    }
}

/// A short Dutch description of a value for type errors.
func describe(_ value: YAMLValue) -> String {
    switch value {
    case .null: return "een lege waarde"
    case .bool(let b): return "ja/nee-waarde \(b)"
    case .int(let n): return "getal \(n)"
    case .decimal(let d): return "getal \(d)"
    case .string(let s): return "tekst '\(s.count > 40 ? String(s.prefix(40)) + "…" : s)'"
    case .date(let d): return "datum \(d)"
    case .sequence: return "een lijst"
    case .mapping: return "velden (sleutel: waarde)"
    }
}
