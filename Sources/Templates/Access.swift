import Diagnostics
import Escaping
import Foundation

/// Attribute and item access: `p.titel`, `p['plaats']`, `xs[0]`, slices.
enum Access {
    static func attribute(_ base: Value, _ name: String, described: @autoclosure () -> String) -> Value {
        switch base {
        case .dict(let dict):
            if let value = dict[name] { return value }
            // Only the keys: the dictionary's values may hold this very value (a cycle, never freed).
            let keys = dict.keys
            return .undefined(
                Undefined("\(described()) heeft geen attribuut '\(name)'") {
                    Suggestions.nearest(to: name, in: keys)
                })
        case .object(let object):
            if let value = object.attribute(name) { return value }
        case .date(let date):
            switch name {
            case "year": return .int(date.year)
            case "month": return .int(date.month)
            case "day": return .int(date.day)
            case "hour": return .int(date.hour ?? 0)
            case "minute": return .int(date.minute ?? 0)
            case "second": return .int(date.second ?? 0)
            default: break
            }
        case .undefined:
            return base
        default:
            break
        }
        return .undefined("\(described()) (\(base.typeName)) heeft geen attribuut '\(name)'")
    }

    static func item(_ base: Value, _ key: Value, described: @autoclosure () -> String) throws -> Value {
        switch (base, key) {
        case (.list(let items), _), (.tuple(let items), _):
            guard case .int(var i) = key.asIntegerIfBool ?? key else {
                if case .string(let name) = key { return attribute(base, name, described: described()) }
                throw TemplateRuntimeError("een lijst verwacht een geheel getal als index, niet \(key.typeName)")
            }
            if i < 0 { i += items.count }
            guard i >= 0 && i < items.count else {
                return .undefined("index \(i) valt buiten \(described()) (lengte \(items.count))")
            }
            return items[i]
        case (.string(let s), .int(var i)), (.safe(let s), .int(var i)):
            let scalars = Array(s.unicodeScalars)
            if i < 0 { i += scalars.count }
            guard i >= 0 && i < scalars.count else { return .undefined("index \(i) valt buiten de tekst") }
            return .string(String(scalars[i]))
        case (_, .string(let name)), (_, .safe(let name)):
            return attribute(base, name, described: described())
        case (.dict, _):
            return .undefined("\(described()) heeft geen sleutel \(key.repr)")
        default:
            return .undefined("\(described()) (\(base.typeName)) heeft geen element \(key.repr)")
        }
    }

    /// Python slice semantics on an array.
    static func slice<T>(_ items: [T], _ start: Int?, _ stop: Int?, _ step: Int?) throws -> [T] {
        let n = items.count
        let step = step ?? 1
        if step == 0 { throw TemplateRuntimeError("de stap van een slice mag geen nul zijn") }
        func clamp(_ value: Int?, _ defaultValue: Int, low: Int, high: Int) -> Int {
            guard var v = value else { return defaultValue }
            if v < 0 { v += n }
            return min(max(v, low), high)
        }
        var result: [T] = []
        if step > 0 {
            var i = clamp(start, 0, low: 0, high: n)
            let end = clamp(stop, n, low: 0, high: n)
            while i < end {
                result.append(items[i])
                let (next, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = next
            }
        } else {
            var i = clamp(start, n - 1, low: -1, high: n - 1)
            let end = clamp(stop, -1, low: -1, high: n - 1)
            while i > end {
                result.append(items[i])
                let (next, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = next
            }
        }
        return result
    }
}

/// Methods on built-in values that Jinja users write: `.items()`, `.keys()`, `.values()`, `.get()`,
/// and the common string methods.
enum Methods {
    static func lookup(_ base: Value, _ name: String) -> ((Arguments) throws -> Value)? {
        switch base {
        case .dict(let dict):
            switch name {
            case "items": return { _ in .list(dict.pairs.map { .tuple([.string($0.0), $0.1]) }) }
            case "keys": return { _ in .list(dict.keys.map { .string($0) }) }
            case "values": return { _ in .list(dict.values) }
            case "get":
                return { arguments in
                    guard let key = arguments.value(0, "key")?.stringValue else {
                        throw TemplateRuntimeError("get() verwacht een sleutel")
                    }
                    return dict[key] ?? arguments.value(1, "default") ?? .none
                }
            default: return nil
            }
        case .string(let s), .safe(let s):
            let wrap: (String) -> Value = base.isSafe ? { .safe($0) } : { .string($0) }
            switch name {
            case "upper": return { _ in wrap(s.uppercased()) }
            case "lower": return { _ in wrap(s.lowercased()) }
            case "strip": return { _ in wrap(s.trimmingCharacters(in: .whitespacesAndNewlines)) }
            case "title": return { _ in wrap(TextFilters.title(s)) }
            case "capitalize": return { _ in wrap(TextFilters.capitalize(s)) }
            case "startswith":
                return { arguments in .bool(s.hasPrefix(arguments.value(0, "prefix")?.stringValue ?? "\u{0}")) }
            case "endswith":
                return { arguments in .bool(s.hasSuffix(arguments.value(0, "suffix")?.stringValue ?? "\u{0}")) }
            case "replace":
                return { arguments in
                    guard let old = arguments.value(0, "old")?.stringValue,
                        let new = arguments.value(1, "new")?.stringValue
                    else {
                        throw TemplateRuntimeError("replace() verwacht twee teksten")
                    }
                    return wrap(s.replacingOccurrences(of: old, with: new))
                }
            case "format":
                return { arguments in
                    guard base.isSafe else { return .string(try StringFormat.format(s, arguments)) }
                    // Markup.format escapes what it inserts.
                    let escape: (Value) -> Value = {
                        $0.isSafe || $0.isNumber ? $0 : .safe(HTMLEscaper.escape($0.printed))
                    }
                    let escaped = Arguments(
                        arguments.positional.map(escape), keyword: arguments.keyword.map { ($0.0, escape($0.1)) })
                    return .safe(try StringFormat.format(s, escaped))
                }
            case "split":
                return { arguments in
                    if let separator = arguments.value(0, "sep")?.stringValue {
                        return .list(s.components(separatedBy: separator).map { .string($0) })
                    }
                    return .list(s.split(whereSeparator: { $0.isWhitespace }).map { .string(String($0)) })
                }
            default: return nil
            }
        default:
            return nil
        }
    }
}
