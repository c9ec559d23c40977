import Diagnostics
import Foundation

/// A filter's arguments bound to its parameter names, with their number, names and types checked.
public struct FilterArguments {
    private var values: [Value?]
    let names: [String]
    let owner: String

    init(_ arguments: Arguments, _ names: [String], owner: String) throws {
        self.names = names
        self.owner = owner
        if arguments.positional.count > names.count {
            throw TemplateRuntimeError(
                "\(owner) verwacht hoogstens \(names.count) argument(en), kreeg \(arguments.positional.count)")
        }
        var values = [Value?](repeating: nil, count: names.count)
        for (i, value) in arguments.positional.enumerated() { values[i] = value }
        for (name, value) in arguments.keyword {
            guard let index = names.firstIndex(of: name) else {
                var message = "\(owner) kent geen argument '\(name)'"
                if let near = Suggestions.nearest(to: name, in: names) { message += "; bedoelde je '\(near)'?" }
                throw TemplateRuntimeError(message)
            }
            if values[index] != nil { throw TemplateRuntimeError("\(owner) kreeg '\(name)' twee keer") }
            values[index] = value
        }
        self.values = values
    }

    /// The argument called `name`, if given.
    public subscript(_ name: String) -> Value? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return values[index]
    }

    /// The argument as a whole number; `defaultValue` when not given.
    public func int(_ name: String, _ defaultValue: Int) throws -> Int {
        guard let value = self[name] else { return defaultValue }
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .double(let d) where d.isFinite && d.rounded() == d:
            // Int(1e308) traps: a whole number beyond Int is an error like any other wrong argument.
            guard abs(d) < 9e18 else {
                throw TemplateRuntimeError("\(owner): '\(name)' is te groot (\(PythonFormat.float(d)))")
            }
            return Int(d)
        default: throw TemplateRuntimeError("\(owner): '\(name)' moet een geheel getal zijn, niet \(value.typeName)")
        }
    }

    /// The argument's truth; `defaultValue` when not given.
    public func bool(_ name: String, _ defaultValue: Bool) -> Bool {
        self[name]?.truthy ?? defaultValue
    }

    /// The argument as text; `defaultValue` when not given or none.
    public func string(_ name: String, _ defaultValue: String?) throws -> String? {
        guard let value = self[name] else { return defaultValue }
        if case .none = value { return defaultValue }
        guard let s = value.stringValue else {
            throw TemplateRuntimeError("\(owner): '\(name)' moet tekst zijn, niet \(value.typeName)")
        }
        return s
    }

    func require(_ name: String) throws -> Value {
        guard let value = self[name] else { throw TemplateRuntimeError("\(owner) mist het argument '\(name)'") }
        return value
    }
}

extension Value {
    /// The items of a list-like value, for filters that take sequences.
    func sequence(for owner: String) throws -> [Value] {
        switch self {
        case .list(let items), .tuple(let items): return items
        case .dict(let d): return d.keys.map { .string($0) }
        case .string(let s), .safe(let s): return s.unicodeScalars.map { .string(String($0)) }
        default: throw TemplateRuntimeError("\(owner) verwacht een lijst, kreeg \(typeName)")
        }
    }

    /// Text for filters that work on strings (Jinja's `soft_str`: safe stays safe).
    var text: String { stringValue ?? printed }

    /// Applies `transform` to the text, keeping the result safe when the input was.
    func mapText(_ transform: (String) -> String) -> Value {
        isSafe ? .safe(transform(stringValue!)) : .string(transform(text))
    }
}

extension Access {
    /// Jinja's attribute getter: `a.b.0` follows attributes and (for digits) indices.
    static func path(_ value: Value, _ path: String) -> Value {
        var current = value
        for part in path.split(separator: ".") {
            if let index = Int(part) {
                current =
                    (try? item(current, .int(index), described: "de waarde")) ?? .undefined("geen element \(index)")
            } else {
                current = attribute(current, String(part), described: "het element")
            }
        }
        return current
    }

    /// One or more comma-separated attribute paths, for `sort(attribute='jaar,titel')`.
    static func key(_ value: Value, _ attribute: String?, caseSensitive: Bool) -> Value {
        guard let attribute else { return sortKey(value, caseSensitive) }
        let parts = attribute.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 1 { return sortKey(path(value, parts[0]), caseSensitive) }
        return .list(parts.map { sortKey(path(value, $0), caseSensitive) })
    }

    static func sortKey(_ value: Value, _ caseSensitive: Bool) -> Value {
        if !caseSensitive, let s = value.stringValue { return .string(s.lowercased()) }
        return value
    }
}

/// A stable sort with a throwing comparison (Python's `sorted` is stable).
func stableSorted(_ items: [Value], keys: [Value], reverse: Bool) throws -> [Value] {
    var order = Array(items.indices)
    try order.sort { a, b in
        if try Operators.less(keys[a], keys[b]) { return !reverse }
        if try Operators.less(keys[b], keys[a]) { return reverse }
        return a < b
    }
    return order.map { items[$0] }
}
