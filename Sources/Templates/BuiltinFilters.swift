import Escaping
import Foundation

/// Registers the Jinja2 built-in filters a theme needs (the site adds its own, see `SiteFilters` in Site).
enum BuiltinFilters {
    typealias Body = (Value, FilterArguments, FilterCall) throws -> Value

    static func register(in environment: Environment) {
        func add(_ name: String, _ parameters: [String], acceptsUndefined: Bool = false, _ body: @escaping Body) {
            environment.setFilter(
                name,
                FilterFunction(acceptsUndefined: acceptsUndefined) { value, arguments, call in
                    try body(value, try FilterArguments(arguments, parameters, owner: "filter '\(name)'"), call)
                })
        }

        let defaultFilter: Body = { value, a, _ in
            let useDefault = a.bool("boolean", false) ? !value.truthy : value.isUndefined
            return useDefault ? (a["default_value"] ?? .string("")) : value
        }
        add("default", ["default_value", "boolean"], acceptsUndefined: true, defaultFilter)
        add("d", ["default_value", "boolean"], acceptsUndefined: true, defaultFilter)

        add("abs", []) { value, _, _ in
            switch value.asIntegerIfBool ?? value {
            case .int(let i):
                if i == Int.min { throw TemplateRuntimeError("getal te groot") }
                return .int(abs(i))
            case .double(let d): return .double(abs(d))
            case .decimal(let d): return .decimal(abs(d))
            default: throw TemplateRuntimeError("abs verwacht een getal, kreeg \(value.typeName)")
            }
        }
        add("attr", ["name"]) { value, a, _ in
            Access.attribute(value, try a.string("name", nil) ?? "", described: "de waarde")
        }
        add("batch", ["linecount", "fill_with"]) { value, a, _ in
            let size = try a.int("linecount", 1)
            if size <= 0 || size > 1_000_000 {
                throw TemplateRuntimeError("batch verwacht een aantal van 1 tot 1.000.000")
            }
            let items = try value.sequence(for: "batch")
            var result: [Value] = []
            var index = 0
            while index < items.count {
                var chunk = Array(items[index..<min(index + size, items.count)])
                if chunk.count < size, let fill = a["fill_with"], !(fill.isNone) {
                    chunk += [Value](repeating: fill, count: size - chunk.count)
                }
                result.append(.list(chunk))
                index += size
            }
            return .list(result)
        }
        add("capitalize", []) { value, _, _ in value.mapText(TextFilters.capitalize) }
        add("center", ["width"]) { value, a, _ in
            let width = try a.int("width", 80)
            return value.mapText { TextFilters.center($0, width) }
        }
        add("dictsort", ["case_sensitive", "by", "reverse"]) { value, a, _ in
            guard case .dict(let dict) = value else {
                throw TemplateRuntimeError("dictsort verwacht een woordenboek, kreeg \(value.typeName)")
            }
            let byValue: Bool
            switch try a.string("by", "key") {
            case "key": byValue = false
            case "value": byValue = true
            default: throw TemplateRuntimeError("dictsort: 'by' moet 'key' of 'value' zijn")
            }
            let pairs = dict.pairs.map { Value.tuple([.string($0.0), $0.1]) }
            let caseSensitive = a.bool("case_sensitive", false)
            let keys = dict.pairs.map { Access.sortKey(byValue ? $0.1 : .string($0.0), caseSensitive) }
            return .list(try stableSorted(pairs, keys: keys, reverse: a.bool("reverse", false)))
        }
        let escapeFilter: Body = { value, _, _ in value.isSafe ? value : .safe(HTMLEscaper.escape(value.text)) }
        add("escape", [], escapeFilter)
        add("e", [], escapeFilter)
        add("forceescape", []) { value, _, _ in .safe(HTMLEscaper.escape(value.text)) }
        add("first", []) { value, _, _ in
            let items = try value.sequence(for: "first")
            return items.first ?? .undefined("de lijst is leeg: geen eerste element")
        }
        add("last", []) { value, _, _ in
            let items = try value.sequence(for: "last")
            return items.last ?? .undefined("de lijst is leeg: geen laatste element")
        }
        add("float", ["default"]) { value, a, _ in
            let fallback = a["default"] ?? .double(0)
            switch value {
            case .int(let i): return .double(Double(i))
            case .bool(let b): return .double(b ? 1 : 0)
            case .double: return value
            case .decimal(let d): return .double(NSDecimalNumber(decimal: d).doubleValue)
            case .string(let s), .safe(let s):
                return Double(s.trimmingCharacters(in: .whitespaces)).map { .double($0) } ?? fallback
            default: return fallback
            }
        }
        add("int", ["default", "base"]) { value, a, _ in
            let fallback = a["default"] ?? .int(0)
            var base = try a.int("base", 10)
            // Python's int() takes 0 (base from the prefix) or 2...36; anything else is a template error
            // rather than a trap in Int(_:radix:).
            guard base == 0 || (2...36).contains(base) else {
                throw TemplateRuntimeError("int: grondtal \(base) bestaat niet; gebruik 0 of 2 t/m 36")
            }
            switch value {
            case .int: return value
            case .bool(let b): return .int(b ? 1 : 0)
            case .double(let d): return d.isFinite && abs(d) < 9e18 ? .int(Int(d)) : fallback
            case .decimal(let d):
                let n = NSDecimalNumber(decimal: d).doubleValue
                return abs(n) < 9e18 ? .int(Int(n)) : fallback
            case .string(let s), .safe(let s):
                var trimmed = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
                let prefixes = [16: "0x", 8: "0o", 2: "0b"]
                if base == 0 {
                    let lower = trimmed.lowercased()
                    base = prefixes.first(where: { lower.hasPrefix($0.value) })?.key ?? 10
                }
                if let prefix = prefixes[base], trimmed.lowercased().hasPrefix(prefix) { trimmed.removeFirst(2) }
                if let i = Int(trimmed, radix: base) { return .int(i) }
                if base == 10, let d = Double(trimmed), d.isFinite, abs(d) < 9e18 { return .int(Int(d)) }
                return fallback
            default: return fallback
            }
        }
        environment.setFilter(
            "format",
            FilterFunction { value, arguments, _ in
                guard value.stringValue != nil else {
                    throw TemplateRuntimeError("format verwacht tekst, kreeg \(value.typeName)")
                }
                if !arguments.keyword.isEmpty && !arguments.positional.isEmpty {
                    throw TemplateRuntimeError("format: gebruik positionele of benoemde argumenten, niet beide")
                }
                return try PercentFormat.apply(value, arguments.positional)
            })
        add("indent", ["width", "first", "blank"]) { value, a, _ in
            let count = try a.int("width", 4)
            if count > 10_000 { throw TemplateRuntimeError("indent: breedte te groot") }
            let width = a["width"]?.stringValue ?? String(repeating: " ", count: max(0, count))
            return value.mapText {
                TextFilters.indent($0, width, first: a.bool("first", false), blank: a.bool("blank", false))
            }
        }
        add("join", ["d", "attribute"]) { value, a, call in
            var items = try value.sequence(for: "join")
            if let attribute = try a.string("attribute", nil) { items = items.map { Access.path($0, attribute) } }
            let separator = a["d"] ?? .string("")
            if call.autoescape && (separator.isSafe || items.contains(where: \.isSafe)) {
                let escaped = items.map { $0.isSafe ? $0.stringValue! : HTMLEscaper.escape($0.printed) }
                let sep = separator.isSafe ? separator.stringValue! : HTMLEscaper.escape(separator.printed)
                return .safe(escaped.joined(separator: sep))
            }
            return .string(items.map(\.printed).joined(separator: separator.printed))
        }
        let length: Body = { value, _, _ in
            switch value {
            case .list(let l), .tuple(let l): return .int(l.count)
            case .dict(let d): return .int(d.count)
            case .string(let s), .safe(let s): return .int(s.unicodeScalars.count)
            default: throw TemplateRuntimeError("length werkt niet op \(value.typeName)")
            }
        }
        add("length", [], length)
        add("count", [], length)
        add("list", []) { value, _, _ in .list(try value.sequence(for: "list")) }
        add("lower", []) { value, _, _ in value.mapText { $0.lowercased() } }
        add("upper", []) { value, _, _ in value.mapText { $0.uppercased() } }
        add("items", []) { value, _, _ in
            guard case .dict(let d) = value else { throw TemplateRuntimeError("items verwacht een woordenboek") }
            return .list(d.pairs.map { .tuple([.string($0.0), $0.1]) })
        }
        environment.setFilter(
            "map",
            FilterFunction { value, arguments, call in
                let items = try value.sequence(for: "map")
                if let attribute = arguments.keyword.first(where: { $0.0 == "attribute" })?.1.stringValue {
                    let fallback = arguments.keyword.first(where: { $0.0 == "default" })?.1
                    return .list(
                        items.map {
                            let v = Access.path($0, attribute)
                            if v.isUndefined, let fallback { return fallback }
                            return v
                        })
                }
                guard let name = arguments.positional.first?.stringValue else {
                    throw TemplateRuntimeError("map verwacht een filternaam of attribute=")
                }
                guard let filter = call.renderer.environment.filter(name) else {
                    throw TemplateRuntimeError("onbekend filter '\(name)' in map")
                }
                let rest = Arguments(Array(arguments.positional.dropFirst()), keyword: arguments.keyword)
                return .list(
                    try items.map {
                        try filter.body(
                            $0, rest, FilterCall(renderer: call.renderer, autoescape: call.autoescape, name: name))
                    })
            })
        let extremum: (Bool) -> Body = { wantMax in
            { value, a, _ in
                let items = try value.sequence(for: wantMax ? "max" : "min")
                guard !items.isEmpty else { return .undefined("de lijst is leeg") }
                let attribute = try a.string("attribute", nil)
                let caseSensitive = a.bool("case_sensitive", false)
                var best = 0
                var bestKey = Access.key(items[0], attribute, caseSensitive: caseSensitive)
                for i in 1..<items.count {
                    let key = Access.key(items[i], attribute, caseSensitive: caseSensitive)
                    if try (wantMax ? Operators.less(bestKey, key) : Operators.less(key, bestKey)) {
                        best = i
                        bestKey = key
                    }
                }
                return items[best]
            }
        }
        add("max", ["case_sensitive", "attribute"], extremum(true))
        add("min", ["case_sensitive", "attribute"], extremum(false))
        add("replace", ["old", "new", "count"]) { value, a, call in
            guard let old = try a.string("old", nil), let new = try a.string("new", nil) else {
                throw TemplateRuntimeError("replace verwacht twee teksten")
            }
            let count = try a.int("count", -1)
            if call.autoescape && (value.isSafe || a["new"]!.isSafe || a["old"]!.isSafe) {
                let source = value.isSafe ? value.stringValue! : HTMLEscaper.escape(value.text)
                let o = a["old"]!.isSafe ? old : HTMLEscaper.escape(old)
                let n = a["new"]!.isSafe ? new : HTMLEscaper.escape(new)
                return .safe(TextFilters.replace(source, o, n, count))
            }
            return .string(TextFilters.replace(value.text, old, new, count))
        }
        add("reverse", []) { value, _, _ in
            switch value {
            case .string(let s): return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
            case .safe(let s): return .safe(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
            default: return .list(try value.sequence(for: "reverse").reversed())
            }
        }
        add("round", ["precision", "method"]) { value, a, _ in
            let precision = try a.int("precision", 0)
            let method = try a.string("method", "common") ?? "common"
            if case .int = value, method == "common", precision >= 0 { return value }  // Python's round() keeps ints.
            guard let number = value.doubleValue else {
                throw TemplateRuntimeError("round verwacht een getal, kreeg \(value.typeName)")
            }
            return .double(try TextFilters.round(number, precision, method))
        }
        add("safe", []) { value, _, _ in value.isSafe ? value : .safe(value.text) }
        add("slice", ["slices", "fill_with"]) { value, a, _ in
            let items = try value.sequence(for: "slice")
            let slices = try a.int("slices", 1)
            if slices <= 0 || slices > 1_000_000 {
                throw TemplateRuntimeError("slice verwacht een aantal van 1 tot 1.000.000")
            }
            let perSlice = items.count / slices
            let withExtra = items.count % slices
            var offset = 0
            var result: [Value] = []
            for index in 0..<slices {
                let start = offset + index * perSlice
                if index < withExtra { offset += 1 }
                let end = offset + (index + 1) * perSlice
                var part = Array(items[start..<end])
                if let fill = a["fill_with"], !fill.isNone, index >= withExtra { part.append(fill) }
                result.append(.list(part))
            }
            return .list(result)
        }
        add("sort", ["reverse", "case_sensitive", "attribute"]) { value, a, _ in
            let items = try value.sequence(for: "sort")
            let attribute = try a.string("attribute", nil)
            let caseSensitive = a.bool("case_sensitive", false)
            let keys = items.map { Access.key($0, attribute, caseSensitive: caseSensitive) }
            for key in keys { if case .undefined(let message) = key { throw TemplateRuntimeError("sort: \(message)") } }
            return .list(try stableSorted(items, keys: keys, reverse: a.bool("reverse", false)))
        }
        add("unique", ["case_sensitive", "attribute"]) { value, a, _ in
            let items = try value.sequence(for: "unique")
            let attribute = try a.string("attribute", nil)
            let caseSensitive = a.bool("case_sensitive", false)
            var seen: [Value] = []
            var result: [Value] = []
            for item in items {
                let key = Access.key(item, attribute, caseSensitive: caseSensitive)
                if !seen.contains(where: { Operators.equal($0, key) }) {
                    seen.append(key)
                    result.append(item)
                }
            }
            return .list(result)
        }
        add("string", []) { value, _, _ in value.isSafe ? value : .string(value.printed) }
        add("striptags", []) { value, _, _ in .string(TextFilters.striptags(value.text)) }
        add("sum", ["attribute", "start"]) { value, a, _ in
            var items = try value.sequence(for: "sum")
            if let attribute = try a.string("attribute", nil) { items = items.map { Access.path($0, attribute) } }
            var total = a["start"] ?? .int(0)
            for item in items { total = try Operators.apply(.add, total, item) }
            return total
        }
        add("title", []) { value, _, _ in .string(TextFilters.title(value.text)) }
        add("tojson", ["indent"]) { value, a, _ in
            var indent = a["indent"].flatMap { if case .int(let i) = $0 { return i } else { return nil } }
            // As Python's json.dumps: a negative indent puts each item on its own line without spaces.
            // A huge one would ask for gigabytes of spaces (and indent × level overflowed).
            if let width = indent {
                guard width <= 10_000 else { throw TemplateRuntimeError("tojson: inspringing te groot") }
                indent = max(0, width)
            }
            return .safe(try JSONOutput.htmlSafe(value, indent: indent))
        }
        add("trim", ["chars"]) { value, a, _ in
            let chars = try a.string("chars", nil)
            return value.mapText { TextFilters.trim($0, chars) }
        }
        add("truncate", ["length", "killwords", "end", "leeway"]) { value, a, _ in
            // Safe HTML stays safe (only `end` is escaped), as Jinja2's Markup slicing does.
            let end = try a.string("end", "...") ?? "..."
            let suffix = value.isSafe && a["end"]?.isSafe != true ? HTMLEscaper.escape(end) : end
            let text = try TextFilters.truncate(
                value.text, length: try a.int("length", 255), killwords: a.bool("killwords", false),
                end: end, suffix: suffix, leeway: try a.int("leeway", 5))
            return value.isSafe ? .safe(text) : .string(text)
        }
        add("urlencode", []) { value, _, _ in
            switch value {
            case .dict(let d):
                return .string(
                    d.pairs.map { TextFilters.queryQuote($0.0) + "=" + TextFilters.queryQuote($0.1.printed) }
                        .joined(separator: "&"))
            case .list(let items), .tuple(let items):
                return .string(
                    try items.map { item -> String in
                        guard let pair = item.items, pair.count == 2 else {
                            throw TemplateRuntimeError("urlencode verwacht paren")
                        }
                        return TextFilters.queryQuote(pair[0].printed) + "=" + TextFilters.queryQuote(pair[1].printed)
                    }.joined(separator: "&"))
            default:
                return .string(TextFilters.urlQuote(value.text, safe: "/"))
            }
        }
        add("wordcount", []) { value, _, _ in .int(TextFilters.wordcount(value.text)) }
        add("wordwrap", ["width", "break_long_words", "wrapstring", "break_on_hyphens"]) { value, a, _ in
            if try a.int("width", 79) <= 0 { throw TemplateRuntimeError("wordwrap: de breedte moet groter dan 0 zijn") }
            return .string(
                TextFilters.wordwrap(
                    value.text, width: try a.int("width", 79), breakLongWords: a.bool("break_long_words", true),
                    breakOnHyphens: a.bool("break_on_hyphens", true),
                    wrapstring: try a.string("wrapstring", "\n") ?? "\n"))
        }
        add("filesizeformat", ["binary"]) { value, a, _ in
            guard let bytes = value.doubleValue ?? value.stringValue.flatMap({ Double($0) }) else {
                throw TemplateRuntimeError("filesizeformat verwacht een getal, kreeg \(value.typeName)")
            }
            // Python's int() of an infinite or NaN size fails too; anything finite has a text.
            guard bytes.isFinite else {
                throw TemplateRuntimeError("filesizeformat: \(PythonFormat.float(bytes)) is geen grootte")
            }
            return .string(TextFilters.filesize(bytes, binary: a.bool("binary", false)))
        }
        add("xmlattr", ["autospace"]) { value, a, _ in
            guard case .dict(let d) = value else { throw TemplateRuntimeError("xmlattr verwacht een woordenboek") }
            let parts = d.pairs.compactMap { key, v -> String? in
                if v.isNone || v.isUndefined { return nil }
                return "\(HTMLEscaper.escape(key))=\"\(HTMLEscaper.escape(v.text))\""
            }
            let text = parts.joined(separator: " ")
            return .safe(a.bool("autospace", true) && !text.isEmpty ? " " + text : text)
        }
        add("pprint", []) { value, _, _ in .string(value.repr) }

        // select / reject and their attribute forms run a test on each item.
        func filterByTest(_ name: String, byAttribute: Bool, keep: Bool) {
            environment.setFilter(
                name,
                FilterFunction { value, arguments, call in
                    let items = try value.sequence(for: name)
                    var positional = arguments.positional[...]
                    var attribute: String?
                    if byAttribute {
                        guard let a = positional.popFirst()?.stringValue else {
                            throw TemplateRuntimeError("\(name) verwacht een attribuutnaam")
                        }
                        attribute = a
                    }
                    let testName = positional.popFirst()?.stringValue
                    var test: TestFunction?
                    if let testName {
                        guard let t = call.renderer.environment.test(testName) else {
                            throw TemplateRuntimeError("onbekende test '\(testName)' in \(name)")
                        }
                        test = t
                    }
                    let rest = Arguments(Array(positional), keyword: arguments.keyword)
                    return .list(
                        try items.filter { item in
                            let subject = attribute.map { Access.path(item, $0) } ?? item
                            let passed: Bool
                            if let test {
                                if subject.isUndefined && !test.acceptsUndefined && !call.renderer.lenient {
                                    if case .undefined(let message) = subject {
                                        throw TemplateRuntimeError("\(name): \(message)")
                                    }
                                }
                                passed = try test.body(subject, rest)
                            } else {
                                passed = subject.truthy
                            }
                            return passed == keep
                        })
                })
        }
        filterByTest("select", byAttribute: false, keep: true)
        filterByTest("reject", byAttribute: false, keep: false)
        filterByTest("selectattr", byAttribute: true, keep: true)
        filterByTest("rejectattr", byAttribute: true, keep: false)

        environment.setFilter(
            "groupby",
            FilterFunction { value, arguments, _ in
                let a = try FilterArguments(
                    arguments, ["attribute", "default", "case_sensitive"], owner: "filter 'groupby'")
                guard let attribute = try a.string("attribute", nil) else {
                    throw TemplateRuntimeError("groupby verwacht een attribuut")
                }
                let caseSensitive = a.bool("case_sensitive", false)
                let items = try value.sequence(for: "groupby")
                let raw = items.map { item -> Value in
                    let v = Access.path(item, attribute)
                    if v.isUndefined, let fallback = a["default"] { return fallback }
                    return v
                }
                for key in raw {
                    if case .undefined(let message) = key { throw TemplateRuntimeError("groupby: \(message)") }
                }
                let keys = raw.map { Access.sortKey($0, caseSensitive) }
                var order = Array(items.indices)
                try order.sort { x, y in
                    if try Operators.less(keys[x], keys[y]) { return true }
                    if try Operators.less(keys[y], keys[x]) { return false }
                    return x < y
                }
                var groups: [Value] = []
                var currentKey: Value?
                var grouper: Value = .none
                var members: [Value] = []
                for index in order {
                    if let key = currentKey, Operators.equal(key, keys[index]) {
                        members.append(items[index])
                        continue
                    }
                    if currentKey != nil { groups.append(.object(GroupObject(grouper: grouper, list: members))) }
                    currentKey = keys[index]
                    grouper = caseSensitive ? raw[index] : raw[index]
                    members = [items[index]]
                }
                if currentKey != nil { groups.append(.object(GroupObject(grouper: grouper, list: members))) }
                return .list(groups)
            })

    }
}

/// One group of `groupby`: `.grouper` and `.list`, and unpacks as `(grouper, list)`.
final class GroupObject: TemplateObject, @unchecked Sendable {
    let grouper: Value
    let list: [Value]
    init(grouper: Value, list: [Value]) {
        self.grouper = grouper
        self.list = list
    }
    func attribute(_ name: String) -> Value? {
        switch name {
        case "grouper": return grouper
        case "list": return .list(list)
        default: return nil
        }
    }
    var printed: String { Value.tuple([grouper, .list(list)]).repr }
}

extension Value {
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
