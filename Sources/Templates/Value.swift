import DataFormats
import Foundation

/// A value a template works with: what the site passes in and what expressions produce.
///
/// Lists and dictionaries have value semantics; `safe` holds text that is already HTML-escaped and is
/// never escaped again.
public enum Value: Sendable {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// Exact amounts (money); printed as Python prints a `Decimal`.
    indirect case decimal(Decimal)
    case string(String)
    /// Already-escaped HTML (Jinja's `Markup`).
    case safe(String)
    case list([Value])
    /// Python's tuple: what `.items()`, `dictsort` and `(a, b)` produce; prints as `(a, b)`.
    case tuple([Value])
    case dict(OrderedDict)
    indirect case date(YAMLDate)
    case callable(Callable)
    /// An object that answers attribute look-ups itself (the loop object, lazily computed site data).
    case object(TemplateObject)
    /// The result of looking up something that does not exist; carries the error message to show when
    /// it is used where a real value is needed.
    case undefined(Undefined)
}

/// Why a value is undefined. The "did you mean" part of the message is computed only when the message
/// is shown, so `x is defined` and `| default` stay cheap.
public struct Undefined: Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    private let base: String
    private let suggestion: SuggestionSource?

    public init(stringLiteral value: String) {
        base = value
        suggestion = nil
    }

    init(_ base: String, suggest: @escaping () -> String?) {
        self.base = base
        self.suggestion = SuggestionSource(suggest)
    }

    public var description: String {
        guard let near = suggestion?.compute() else { return base }
        return base + "; bedoelde je '\(near)'?"
    }
}

/// Holds the suggestion computation; only ever run on the thread of the render that made it.
final class SuggestionSource: @unchecked Sendable {
    let compute: () -> String?
    init(_ compute: @escaping () -> String?) { self.compute = compute }
}

/// An object whose attributes are computed on demand. Return nil for an unknown attribute.
public protocol TemplateObject: AnyObject, Sendable {
    func attribute(_ name: String) -> Value?
    /// How the object prints; defaults to its type name.
    var printed: String { get }
}

extension TemplateObject {
    public var printed: String { String(describing: type(of: self)) }
}

/// Arguments of a filter, test or function call: positional ones in order, then keyword ones.
public struct Arguments: Sendable {
    public var positional: [Value]
    public var keyword: [(String, Value)]

    public init(_ positional: [Value] = [], keyword: [(String, Value)] = []) {
        self.positional = positional
        self.keyword = keyword
    }

    /// The argument at `index` or named `name`, if given.
    public func value(_ index: Int, _ name: String) -> Value? {
        if index < positional.count { return positional[index] }
        for (key, value) in keyword where key == name { return value }
        return nil
    }

    public var isEmpty: Bool { positional.isEmpty && keyword.isEmpty }
}

/// A function a template can call: a global such as `asset(path)`, a macro, `caller`, `loop.cycle`.
public final class Callable: @unchecked Sendable {
    public let name: String
    let body: (Arguments, Renderer) throws -> Value

    /// A function from the host. Throw `TemplateRuntimeError` to report a problem at the call.
    public init(name: String, _ body: @escaping @Sendable (Arguments) throws -> Value) {
        self.name = name
        self.body = { arguments, _ in try body(arguments) }
    }

    init(name: String, internal body: @escaping (Arguments, Renderer) throws -> Value) {
        self.name = name
        self.body = body
    }
}

/// A problem a host filter or function reports; the engine adds the template position.
public struct TemplateRuntimeError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// A dictionary that keeps its keys in insertion order, as Python's `dict` does.
public struct OrderedDict: Sendable {
    public private(set) var keys: [String] = []
    public private(set) var values: [Value] = []
    /// Key → place, only past `indexedFrom` keys: a template's dictionaries are mostly a page's or a
    /// card's dozen fields, where comparing the (short, inline) keys in turn costs less than hashing
    /// the name on every access and every insert.
    private var places: [String: Int]?
    private static let indexedFrom = 16

    public init() {}

    public init(_ pairs: [(String, Value)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    private func place(of key: String) -> Int? {
        if let places { return places[key] }
        // Lengths first: a String comparison of two different keys takes a call out of line.
        let length = key.utf8.count
        return keys.firstIndex { $0.utf8.count == length && $0 == key }
    }

    public subscript(key: String) -> Value? {
        get { place(of: key).map { values[$0] } }
        set {
            if let newValue {
                if let at = place(of: key) {
                    values[at] = newValue
                    return
                }
                keys.append(key)
                values.append(newValue)
                if places != nil {
                    places![key] = keys.count - 1
                } else if keys.count > Self.indexedFrom {
                    places = Dictionary(uniqueKeysWithValues: zip(keys, keys.indices))
                }
            } else if let at = place(of: key) {
                keys.remove(at: at)
                values.remove(at: at)
                places = keys.count > Self.indexedFrom ? Dictionary(uniqueKeysWithValues: zip(keys, keys.indices)) : nil
            }
        }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }
    public var pairs: [(String, Value)] { Array(zip(keys, values)) }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) { self = .dict(OrderedDict(elements)) }
    public init(nilLiteral: ()) { self = .none }
}

extension Value {
    /// Converts a YAML value from the DataFormats reader, keeping mapping order.
    public init(yaml value: YAMLValue) {
        switch value {
        case .null: self = .none
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .decimal(let d): self = .decimal(d)
        case .string(let s): self = .string(s)
        case .date(let d): self = .date(d)
        case .sequence(let items): self = .list(items.map { Value(yaml: $0.value) })
        case .mapping(let pairs):
            var dict = OrderedDict()
            for pair in pairs {
                let key: String
                switch pair.key.value {
                case .string(let s): key = s
                default: key = Value(yaml: pair.key.value).printed
                }
                dict[key] = Value(yaml: pair.value.value)
            }
            self = .dict(dict)
        }
    }

    public var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    public var isSafe: Bool {
        if case .safe = self { return true }
        return false
    }

    /// Python truthiness; undefined is false.
    public var truthy: Bool {
        switch self {
        case .none, .undefined: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .decimal(let d): return !d.isZero
        case .string(let s), .safe(let s): return !s.isEmpty
        case .list(let l), .tuple(let l): return !l.isEmpty
        case .dict(let d): return !d.isEmpty
        case .date, .callable, .object: return true
        }
    }

    /// The text `{{ value }}` prints (before escaping), as Python's `str()` does.
    public var printed: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return PythonFormat.float(d)
        case .decimal(let d): return PythonFormat.decimal(d)
        case .string(let s), .safe(let s): return s
        case .list, .tuple, .dict: return repr
        case .object(let namespace as NamespaceObject): return Value.object(namespace).repr
        case .date(let d): return PythonFormat.date(d)
        case .callable(let c): return "<function \(c.name)>"
        case .object(let o): return o.printed
        case .undefined: return ""
        }
    }

    /// Python's `repr()`, used inside printed lists and dictionaries.
    public var repr: String { repr(depth: 0) }

    /// Nesting past 50 levels (a namespace holding itself) prints `...` instead of recursing forever.
    func repr(depth: Int) -> String {
        if depth > 50 { return "..." }
        switch self {
        case .string(let s), .safe(let s): return PythonFormat.quote(s)
        case .list(let items): return "[" + items.map { $0.repr(depth: depth + 1) }.joined(separator: ", ") + "]"
        case .tuple(let items):
            return "(" + items.map { $0.repr(depth: depth + 1) }.joined(separator: ", ")
                + (items.count == 1 ? ",)" : ")")
        case .dict(let d):
            return "{"
                + d.pairs.map { PythonFormat.quote($0.0) + ": " + $0.1.repr(depth: depth + 1) }.joined(separator: ", ")
                + "}"
        case .object(let namespace as NamespaceObject):
            return "<Namespace " + Value.dict(namespace.values).repr(depth: depth + 1) + ">"
        case .decimal(let d): return "Decimal('\(PythonFormat.decimal(d))')"
        case .date(let d):
            return d.hasTime
                ? "datetime.datetime(\(d.year), \(d.month), \(d.day), \(d.hour ?? 0), \(d.minute ?? 0))"
                : "datetime.date(\(d.year), \(d.month), \(d.day))"
        default: return printed
        }
    }

    /// A short name of the value's type for error messages, in Dutch.
    public var typeName: String {
        switch self {
        case .none: return "none"
        case .bool: return "boolean"
        case .int: return "geheel getal"
        case .double: return "kommagetal"
        case .decimal: return "bedrag"
        case .string, .safe: return "tekst"
        case .list: return "lijst"
        case .tuple: return "tupel"
        case .dict: return "woordenboek"
        case .date: return "datum"
        case .callable: return "functie"
        case .object: return "object"
        case .undefined: return "ongedefinieerd"
        }
    }

    var isNumber: Bool {
        switch self {
        case .int, .double, .decimal: return true
        default: return false
        }
    }

    /// The items of a list or tuple.
    public var items: [Value]? {
        switch self {
        case .list(let items), .tuple(let items): return items
        default: return nil
        }
    }

    /// The text of a string or safe string; nil for other values.
    public var stringValue: String? {
        switch self {
        case .string(let s), .safe(let s): return s
        default: return nil
        }
    }
}

/// Python's way of printing numbers and strings, so output matches Jinja2 byte for byte.
enum PythonFormat {
    /// `repr(float)`: shortest round-trip digits, exponent outside 1e-4 ..< 1e16.
    static func float(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        var text = d.description  // Swift also prints the shortest round-trip digits.
        let magnitude = abs(d)
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let exponent = Int(text[text.index(after: e)...])!
            if magnitude >= 1e-4 && magnitude < 1e16 {
                // Expand: Python writes these without an exponent.
                let negative = text.hasPrefix("-")
                var mantissa = String(text[..<e])
                if negative { mantissa.removeFirst() }
                var digits = mantissa.replacingOccurrences(of: ".", with: "")
                let point =
                    (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
                        ?? mantissa.count) + exponent
                if point <= 0 {
                    digits = "0." + String(repeating: "0", count: -point) + digits
                } else if point >= digits.count {
                    digits += String(repeating: "0", count: point - digits.count) + ".0"
                } else {
                    digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point))
                }
                return (negative ? "-" : "") + digits
            }
            // Python pads the exponent to two digits and always gives its sign.
            var mantissa = String(text[..<e])
            if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
            let sign = exponent < 0 ? "-" : "+"
            let digits = String(abs(exponent))
            return mantissa + "e" + sign + (digits.count < 2 ? "0" + digits : digits)
        }
        if magnitude >= 1e16 {
            // Swift writes e.g. 1e+16 itself; this branch only catches integral values printed in full.
            let digits = text.hasSuffix(".0") ? String(text.dropLast(2)) : text
            let negative = digits.hasPrefix("-")
            var body = negative ? String(digits.dropFirst()) : digits
            let exponent = body.count - 1
            body = String(body.prefix(1)) + "." + String(body.dropFirst())
            while body.hasSuffix("0") { body.removeLast() }
            if body.hasSuffix(".") { body.removeLast() }
            text = (negative ? "-" : "") + body + "e+" + String(exponent)
        }
        return text
    }

    /// `str(date)` and `str(datetime)`: `2020-09-23`, `2020-09-23 14:30:00`, `2020-09-23 14:30:00+02:00`.
    static func date(_ d: YAMLDate) -> String {
        guard d.hasTime else { return d.description }
        var text = d.description.replacingOccurrences(of: "T", with: " ")
        if let offset = d.utcOffsetMinutes {
            let magnitude = abs(offset)
            let hours = magnitude / 60
            let minutes = magnitude % 60
            text +=
                (offset < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "")
                + String(minutes)
        }
        return text
    }

    /// `str(Decimal)` for the values content uses: plain notation, the digits as stored.
    static func decimal(_ d: Decimal) -> String {
        var value = d
        var text = NSDecimalString(&value, Locale(identifier: "en_US_POSIX"))
        if text == "-0" { text = "0" }
        return text
    }

    /// Python's `repr(str)`: single quotes unless the text has a single quote and no double quote.
    static func quote(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let quote: Character = useDouble ? "\"" : "'"
        var out = String(quote)
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "'" where !useDouble: out += "\\'"
            default:
                if ch.value < 0x20 || ch.value == 0x7F {
                    out += String(format: "\\x%02x", ch.value)
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        out.append(quote)
        return out
    }
}
