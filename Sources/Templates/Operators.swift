import Escaping
import Foundation

/// Python semantics for the operators templates use: arithmetic, comparison, equality, membership.
enum Operators {
    enum Arithmetic: String {
        case add = "+"
        case subtract = "-"
        case multiply = "*"
        case divide = "/"
        case floorDivide = "//"
        case modulo = "%"
        case power = "**"
    }

    static func apply(_ op: Arithmetic, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            return try integer(op, x, y)
        case (.bool, _), (_, .bool):
            if let x = a.asIntegerIfBool, let y = b.asIntegerIfBool { return try apply(op, x, y) }
        default:
            break
        }
        if a.isNumber && b.isNumber {
            if case .decimal = a, case .double = b { throw mixed(op, a, b) }
            if case .double = a, case .decimal = b { throw mixed(op, a, b) }
            if case .decimal = a { return try decimal(op, a.decimalValue!, b.decimalValue!) }
            if case .decimal = b { return try decimal(op, a.decimalValue!, b.decimalValue!) }
            return try double(op, a.doubleValue!, b.doubleValue!)
        }
        switch (op, a, b) {
        case (.add, .safe(let x), _) where b.stringValue != nil:
            return .safe(x + (b.isSafe ? b.stringValue! : HTMLEscaper.escape(b.stringValue!)))
        case (.add, .string(let x), .safe(let y)):
            return .safe(HTMLEscaper.escape(x) + y)
        case (.add, .string(let x), .string(let y)):
            return .string(x + y)
        case (.add, .list(let x), .list(let y)):
            return .list(x + y)
        case (.add, .tuple(let x), .tuple(let y)):
            return .tuple(x + y)
        case (.multiply, .string(let s), .int(let n)), (.multiply, .int(let n), .string(let s)):
            try checkSize(s.utf8.count, n)
            return .string(String(repeating: s, count: max(0, n)))
        case (.multiply, .list(let l), .int(let n)), (.multiply, .int(let n), .list(let l)):
            try checkSize(l.count, n)
            return .list(Array([[Value]](repeating: l, count: max(0, n)).joined()))
        case (.modulo, .string(let format), _), (.modulo, .safe(let format), _):
            let values: [Value]
            if case .tuple(let l) = b { values = l } else { values = [b] }
            _ = format
            return try PercentFormat.apply(a, values)
        default:
            throw TemplateRuntimeError("'\(op.rawValue)' kan niet met \(a.typeName) en \(b.typeName)")
        }
    }

    /// Repetition must not exhaust memory: a template is not allowed to build more than 100 MB at once.
    static func checkSize(_ unit: Int, _ count: Int) throws {
        let (total, overflow) = unit.multipliedReportingOverflow(by: max(0, count))
        if overflow || total > 100_000_000 { throw TemplateRuntimeError("resultaat te groot (meer dan 100 MB)") }
    }

    private static func mixed(_ op: Arithmetic, _ a: Value, _ b: Value) -> TemplateRuntimeError {
        TemplateRuntimeError(
            "'\(op.rawValue)' kan een bedrag en een kommagetal niet combineren; gebruik | float of een bedrag")
    }

    private static func integer(_ op: Arithmetic, _ x: Int, _ y: Int) throws -> Value {
        let overflow = TemplateRuntimeError("getal te groot bij '\(op.rawValue)'")
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw overflow }
            return .int(r)
        case .subtract:
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw overflow }
            return .int(r)
        case .multiply:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw overflow }
            return .int(r)
        case .divide:
            if y == 0 { throw TemplateRuntimeError("deling door nul") }
            return .double(Double(x) / Double(y))
        case .floorDivide:
            if y == 0 { throw TemplateRuntimeError("deling door nul") }
            if x == Int.min && y == -1 { throw overflow }
            var q = x / y
            if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
            return .int(q)
        case .modulo:
            if y == 0 { throw TemplateRuntimeError("modulo door nul") }
            if x == Int.min && y == -1 { return .int(0) }
            var m = x % y
            if m != 0 && ((m < 0) != (y < 0)) { m += y }
            return .int(m)
        case .power:
            if y < 0 { return .double(pow(Double(x), Double(y))) }
            var result = 1
            var base = x
            var e = y
            while e > 0 {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { throw overflow }
                    result = r
                }
                e >>= 1
                if e > 0 {
                    let (b2, o) = base.multipliedReportingOverflow(by: base)
                    if o { throw overflow }
                    base = b2
                }
            }
            return .int(result)
        }
    }

    private static func double(_ op: Arithmetic, _ x: Double, _ y: Double) throws -> Value {
        switch op {
        case .add: return .double(x + y)
        case .subtract: return .double(x - y)
        case .multiply: return .double(x * y)
        case .divide:
            if y == 0 { throw TemplateRuntimeError("deling door nul") }
            return .double(x / y)
        case .floorDivide:
            if y == 0 { throw TemplateRuntimeError("deling door nul") }
            return .double((x / y).rounded(.down))
        case .modulo:
            if y == 0 { throw TemplateRuntimeError("modulo door nul") }
            var m = fmod(x, y)
            if m != 0 && ((m < 0) != (y < 0)) { m += y }
            return .double(m)
        case .power: return .double(pow(x, y))
        }
    }

    private static func decimal(_ op: Arithmetic, _ x: Decimal, _ y: Decimal) throws -> Value {
        switch op {
        case .add: return .decimal(x + y)
        case .subtract: return .decimal(x - y)
        case .multiply: return .decimal(x * y)
        case .divide:
            if y.isZero { throw TemplateRuntimeError("deling door nul") }
            return .decimal(x / y)
        case .floorDivide, .modulo:
            if y.isZero { throw TemplateRuntimeError("deling door nul") }
            var quotient = x / y
            var truncated = Decimal()
            NSDecimalRound(&truncated, &quotient, 0, .down)  // Python's Decimal truncates towards zero here.
            return op == .floorDivide ? .decimal(truncated) : .decimal(x - truncated * y)
        case .power:
            guard let n = Int(exactly: NSDecimalNumber(decimal: y).doubleValue) else {
                throw TemplateRuntimeError("'**' met een bedrag vraagt een gehele exponent")
            }
            // -Int.min traps, and a Decimal has 38 digits: a larger exponent gives nothing meaningful.
            guard n.magnitude <= 1000 else { throw TemplateRuntimeError("'**' met een bedrag: exponent \(n) te groot") }
            return .decimal(n >= 0 ? pow(x, n) : 1 / pow(x, -n))
        }
    }

    /// `==` as Python: numbers compare by value across int, float and Decimal; `True == 1`.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.none, .none): return true
        case (.undefined, .undefined): return true
        case (.string(let x), .string(let y)), (.safe(let x), .safe(let y)),
            (.string(let x), .safe(let y)), (.safe(let x), .string(let y)):
            return x == y
        case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.dict(let x), .dict(let y)):
            return x.count == y.count && x.keys.allSatisfy { k in y[k].map { equal(x[k]!, $0) } ?? false }
        case (.date(let x), .date(let y)): return x == y
        case (.callable(let x), .callable(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        default:
            if let x = a.numericForComparison, let y = b.numericForComparison {
                if case .decimal = a, case .decimal = b { return a.decimalValue! == b.decimalValue! }
                if case .int(let i) = a.asIntegerIfBool ?? a, case .int(let j) = b.asIntegerIfBool ?? b {
                    return i == j
                }
                return x == y
            }
            return false
        }
    }

    /// `<` as Python; comparing unlike types is an error.
    static func less(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.string(let x), .string(let y)), (.safe(let x), .safe(let y)),
            (.string(let x), .safe(let y)), (.safe(let x), .string(let y)):
            return codepointLess(x, y)
        case (.date(let x), .date(let y)): return x < y
        case (.decimal(let x), .decimal(let y)): return x < y
        case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)):
            for (p, q) in zip(x, y) where !equal(p, q) { return try less(p, q) }
            return x.count < y.count
        default:
            if let x = a.numericForComparison, let y = b.numericForComparison { return x < y }
            throw TemplateRuntimeError("kan \(a.typeName) en \(b.typeName) niet vergelijken")
        }
    }

    /// Python compares strings by code point, not by Unicode collation as Swift's `<` does.
    static func codepointLess(_ x: String, _ y: String) -> Bool {
        var i = x.unicodeScalars.makeIterator()
        var j = y.unicodeScalars.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let p?, let q?): if p != q { return p.value < q.value }
            }
        }
    }

    /// `a in b`.
    static func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .list(let items), .tuple(let items): return items.contains { equal($0, item) }
        case .dict(let d):
            guard let key = item.stringValue else { return false }
            return d[key] != nil
        case .string(let s), .safe(let s):
            guard let needle = item.stringValue else {
                throw TemplateRuntimeError("'in' met tekst verwacht tekst links, kreeg \(item.typeName)")
            }
            return needle.isEmpty || s.contains(needle)
        default:
            throw TemplateRuntimeError("'in' werkt niet op \(container.typeName)")
        }
    }
}

extension Value {
    var asIntegerIfBool: Value? {
        switch self {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int: return self
        default: return nil
        }
    }

    var numericForComparison: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .double(let d): return d
        case .decimal(let d): return NSDecimalNumber(decimal: d).doubleValue
        default: return nil
        }
    }

    var doubleValue: Double? { numericForComparison }

    var decimalValue: Decimal? {
        switch self {
        case .int(let i): return Decimal(i)
        case .bool(let b): return b ? 1 : 0
        case .decimal(let d): return d
        case .double(let d): return Decimal(string: PythonFormat.float(d))
        default: return nil
        }
    }
}

/// Python's `%` string formatting for the common conversions (`%s %d %i %f %.2f %r %%`).
enum PercentFormat {
    /// `format % values`; a safe format string escapes the values and stays safe (Markup's `%`).
    static func apply(_ format: Value, _ values: [Value]) throws -> Value {
        guard format.isSafe else { return .string(try self.format(format.text, values)) }
        let escaped = values.map { $0.isSafe || $0.isNumber ? $0 : Value.safe(HTMLEscaper.escape($0.printed)) }
        return .safe(try self.format(format.text, escaped))
    }

    static func format(_ format: String, _ values: [Value]) throws -> String {
        var out = ""
        var chars = Array(format.unicodeScalars)[...]
        var next = 0
        func take() throws -> Value {
            guard next < values.count else {
                throw TemplateRuntimeError("te weinig waarden voor de opmaak '\(format)'")
            }
            defer { next += 1 }
            return values[next]
        }
        while let c = chars.popFirst() {
            guard c == "%" else {
                out.unicodeScalars.append(c)
                continue
            }
            var spec = ""
            while let d = chars.first, "-+ 0#.0123456789".unicodeScalars.contains(d) {
                spec.unicodeScalars.append(d)
                chars.removeFirst()
            }
            guard let conversion = chars.popFirst() else {
                throw TemplateRuntimeError("onvolledige opmaak '\(format)'")
            }
            // Flags, then a width and a precision of digits only, as Python reads them ('%.-3s' is an error).
            let sizes = spec.drop(while: { "-+ 0#".contains($0) }).split(
                separator: ".", omittingEmptySubsequences: false)
            guard sizes.count <= 2, sizes.allSatisfy({ $0.allSatisfy { "0123456789".contains($0) } }) else {
                throw TemplateRuntimeError("onbekende opmaak '%\(spec)\(conversion)'")
            }
            if spec.split(separator: ".").contains(where: { ($0.filter(\.isNumber).count) > 4 }) {
                throw TemplateRuntimeError("opmaak '%\(spec)\(conversion)': breedte of precisie te groot")
            }
            switch conversion {
            case "%": out += "%"
            case "s": out += pad(try take().printed, spec)
            case "r": out += pad(try take().repr, spec)
            case "d", "i":
                let v = try take()
                guard let d = v.doubleValue else {
                    throw TemplateRuntimeError("%d verwacht een getal, kreeg \(v.typeName)")
                }
                guard d.isFinite, abs(d) < 9e18 else { throw TemplateRuntimeError("%d: getal te groot") }
                out += String(format: "%" + spec + "ld", Int(d.rounded(.towardZero)))
            case "f", "F", "e", "g":
                let v = try take()
                guard let d = v.doubleValue else {
                    throw TemplateRuntimeError("%\(conversion) verwacht een getal, kreeg \(v.typeName)")
                }
                out += String(format: "%" + spec + String(conversion), d)
            case "x", "X", "o":
                let v = try take()
                guard case .int(let i) = v else {
                    throw TemplateRuntimeError("%\(conversion) verwacht een geheel getal")
                }
                out += String(format: "%" + spec + "l" + String(conversion), i)
            default:
                throw TemplateRuntimeError("onbekende opmaak '%\(conversion)'")
            }
        }
        if next < values.count { throw TemplateRuntimeError("niet alle waarden gebruikt bij de opmaak '\(format)'") }
        return out
    }

    /// `%10s`, `%-10s`, `%.3s`: width, left alignment and precision (a maximum length) for text.
    private static func pad(_ text: String, _ spec: String) -> String {
        let left = spec.contains("-")
        let parts = spec.drop(while: { "-+ 0#".contains($0) }).split(separator: ".", omittingEmptySubsequences: false)
        var text = text
        if parts.count > 1, let precision = Int(parts[1]), precision < text.count {
            text = String(text.prefix(precision))
        }
        guard let width = parts.first.flatMap({ Int($0) }), width > text.count, width <= 10_000 else { return text }
        let padding = String(repeating: " ", count: width - text.count)
        return left ? text + padding : padding + text
    }
}
