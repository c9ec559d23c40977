import Diagnostics
import Escaping
import Foundation

/// A compiled expression. Subclasses evaluate themselves; errors carry the expression's location.
class Expression {
    let location: Location

    init(_ location: Location) { self.location = location }

    func evaluate(_ r: Renderer) throws -> Value { fatalError("abstract") }

    /// Runs `body`, turning a host or operator error into a diagnostic at this expression.
    @inline(__always)
    final func located<T>(_ r: Renderer, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TemplateRuntimeError {
            throw r.error(error.message, at: location)
        }
    }

    /// Evaluates as a condition. Undefined is false in lenient mode and an error in strict mode, as
    /// Jinja2's `StrictUndefined`; use `is defined` or `| default` for optional values.
    @inline(__always)
    final func condition(_ r: Renderer) throws -> Bool {
        let value = try evaluate(r)
        if case .undefined = value {
            try requireDefined(value, r)
            return false
        }
        return value.truthy
    }

    /// An undefined value reached an operation that needs a real one: an error in strict mode.
    final func requireDefined(_ value: Value, _ r: Renderer) throws {
        if case .undefined(let reason) = value, !r.lenient { throw r.error(reason.description, at: location) }
    }
}

final class Literal: Expression {
    let value: Value
    init(_ value: Value, _ location: Location) {
        self.value = value
        super.init(location)
    }
    override func evaluate(_ r: Renderer) throws -> Value { value }
}

final class NameExpression: Expression {
    let name: String
    let symbol: Int

    init(_ name: String, symbol: Int, _ location: Location) {
        self.name = name
        self.symbol = symbol
        super.init(location)
    }

    override func evaluate(_ r: Renderer) throws -> Value {
        if let value = r.scope.lookup(symbol, name) { return value }
        if let value = r.environment.global(name) { return value }
        let scope = r.scope
        let symbols = r.environment.symbols
        let name = self.name
        // The scope weakly: the undefined value may be stored in it (`set x = nope`, a namespace), and a
        // strong reference back would keep the render's scopes alive. Suggestions are made during the
        // render, while the scope lives.
        return .undefined(
            Undefined("'\(name)' is niet gedefinieerd") { [weak scope] in
                scope.flatMap { Suggestions.nearest(to: name, in: $0.visibleNames(symbols)) }
            })
    }
}

final class AttributeExpression: Expression {
    let target: Expression
    let name: String

    init(_ target: Expression, _ name: String, _ location: Location) {
        self.target = target
        self.name = name
        super.init(location)
    }

    override func evaluate(_ r: Renderer) throws -> Value {
        let base = try target.evaluate(r)
        if case .undefined = base {
            if r.lenient { return base }
            try target.requireDefined(base, r)
        }
        return Access.attribute(base, name, described: describe(target))
    }
}

final class ItemExpression: Expression {
    let target: Expression
    let index: Expression

    init(_ target: Expression, _ index: Expression, _ location: Location) {
        self.target = target
        self.index = index
        super.init(location)
    }

    override func evaluate(_ r: Renderer) throws -> Value {
        let base = try target.evaluate(r)
        if case .undefined = base {
            if r.lenient { return base }
            try target.requireDefined(base, r)
        }
        let key = try index.evaluate(r)
        try requireDefined(key, r)
        return try located(r) { try Access.item(base, key, described: describe(target)) }
    }
}

final class SliceExpression: Expression {
    let target: Expression
    let start: Expression?, stop: Expression?, step: Expression?

    init(_ target: Expression, _ start: Expression?, _ stop: Expression?, _ step: Expression?, _ location: Location) {
        self.target = target
        self.start = start
        self.stop = stop
        self.step = step
        super.init(location)
    }

    override func evaluate(_ r: Renderer) throws -> Value {
        let base = try target.evaluate(r)
        try requireDefined(base, r)
        func bound(_ e: Expression?) throws -> Int? {
            guard let e else { return nil }
            let v = try e.evaluate(r)
            if case .none = v { return nil }
            guard case .int(let i) = v.asIntegerIfBool ?? v else {
                throw r.error("een slice verwacht gehele getallen", at: e.location)
            }
            return i
        }
        let (a, b, c) = (try bound(start), try bound(stop), try bound(step))
        return try located(r) {
            switch base {
            case .list(let items): return .list(try Access.slice(items, a, b, c))
            case .tuple(let items): return .tuple(try Access.slice(items, a, b, c))
            case .string(let s):
                return .string(String(String.UnicodeScalarView(try Access.slice(Array(s.unicodeScalars), a, b, c))))
            case .safe(let s):
                return .safe(String(String.UnicodeScalarView(try Access.slice(Array(s.unicodeScalars), a, b, c))))
            default: throw TemplateRuntimeError("\(base.typeName) kan niet gesneden worden")
            }
        }
    }
}

final class ListExpression: Expression {
    let items: [Expression]
    let tuple: Bool
    init(_ items: [Expression], tuple: Bool = false, _ location: Location) {
        self.items = items
        self.tuple = tuple
        super.init(location)
    }
    override func evaluate(_ r: Renderer) throws -> Value {
        let values = try items.map { try $0.evaluate(r) }
        return tuple ? .tuple(values) : .list(values)
    }
}

final class DictExpression: Expression {
    let pairs: [(Expression, Expression)]
    init(_ pairs: [(Expression, Expression)], _ location: Location) {
        self.pairs = pairs
        super.init(location)
    }
    override func evaluate(_ r: Renderer) throws -> Value {
        var dict = OrderedDict()
        for (k, v) in pairs {
            let key = try k.evaluate(r)
            guard let name = key.stringValue else {
                throw r.error("sleutels van een woordenboek moeten tekst zijn, niet \(key.typeName)", at: k.location)
            }
            dict[name] = try v.evaluate(r)
        }
        return .dict(dict)
    }
}

final class NotExpression: Expression {
    let operand: Expression
    init(_ operand: Expression, _ location: Location) {
        self.operand = operand
        super.init(location)
    }
    override func evaluate(_ r: Renderer) throws -> Value { .bool(!(try operand.condition(r))) }
}

final class NegateExpression: Expression {
    let operand: Expression
    let negate: Bool
    init(_ operand: Expression, negate: Bool, _ location: Location) {
        self.operand = operand
        self.negate = negate
        super.init(location)
    }
    override func evaluate(_ r: Renderer) throws -> Value {
        let v = try operand.evaluate(r)
        try requireDefined(v, r)
        switch v.asIntegerIfBool ?? v {
        case .int(let i):
            if !negate { return .int(i) }
            if i == Int.min { throw r.error("getal te groot", at: location) }
            return .int(-i)
        case .double(let d): return .double(negate ? -d : d)
        case .decimal(let d): return .decimal(negate ? -d : d)
        default: throw r.error("'\(negate ? "-" : "+")' werkt niet op \(v.typeName)", at: location)
        }
    }
}

final class ArithmeticExpression: Expression {
    let op: Operators.Arithmetic
    let left: Expression, right: Expression

    init(_ op: Operators.Arithmetic, _ left: Expression, _ right: Expression, _ location: Location) {
        self.op = op
        self.left = left
        self.right = right
        super.init(location)
    }

    override func evaluate(_ r: Renderer) throws -> Value {
        let a = try left.evaluate(r)
        let b = try right.evaluate(r)
        try left.requireDefined(a, r)
        try right.requireDefined(b, r)
        if case .int(let x) = a, case .int(let y) = b, op == .add {
            let (sum, overflow) = x.addingReportingOverflow(y)
            if !overflow { return .int(sum) }
        }
        return try located(r) { try Operators.apply(op, a, b) }
    }
}

/// `a ~ b`: joins as text; in an autoescaping template a safe operand makes the result safe and the
/// other operand escaped, as Jinja2's `markup_join`.
final class ConcatExpression: Expression {
    let operands: [Expression]
    let autoescape: Bool

    init(_ operands: [Expression], autoescape: Bool, _ location: Location) {
        self.operands = operands
        self.autoescape = autoescape
        super.init(location)
    }

    override func evaluate(_ r: Renderer) throws -> Value {
        let values = try operands.map { e -> Value in
            let v = try e.evaluate(r)
            try e.requireDefined(v, r)
            return v
        }
        if autoescape && values.contains(where: \.isSafe) {
            return .safe(values.map { $0.isSafe ? $0.stringValue! : HTMLEscaper.escape($0.printed) }.joined())
        }
        return .string(values.map(\.printed).joined())
    }
}

final class AndExpression: Expression {
    let left: Expression, right: Expression
    init(_ left: Expression, _ right: Expression, _ location: Location) {
        self.left = left
        self.right = right
        super.init(location)
    }
    override func evaluate(_ r: Renderer) throws -> Value {
        let a = try left.evaluate(r)
        try left.requireDefined(a, r)
        return a.truthy ? try right.evaluate(r) : a
    }
}

final class OrExpression: Expression {
    let left: Expression, right: Expression
    init(_ left: Expression, _ right: Expression, _ location: Location) {
        self.left = left
        self.right = right
        super.init(location)
    }
    override func evaluate(_ r: Renderer) throws -> Value {
        let a = try left.evaluate(r)
        try left.requireDefined(a, r)
        return a.truthy ? a : try right.evaluate(r)
    }
}

final class CompareExpression: Expression {
    enum Op: String {
        case eq = "=="
        case ne = "!="
        case lt = "<"
        case le = "<="
        case gt = ">"
        case ge = ">="
        case isIn = "in"
        case notIn = "not in"
    }
    let first: Expression
    let rest: [(Op, Expression)]

    init(_ first: Expression, _ rest: [(Op, Expression)], _ location: Location) {
        self.first = first
        self.rest = rest
        super.init(location)
    }

    override func evaluate(_ r: Renderer) throws -> Value {
        var a = try first.evaluate(r)
        for (op, expression) in rest {
            let b = try expression.evaluate(r)
            if op != .eq && op != .ne {
                try first.requireDefined(a, r)
                try expression.requireDefined(b, r)
            }
            let result: Bool = try located(r) {
                switch op {
                case .eq: return Operators.equal(a, b)
                case .ne: return !Operators.equal(a, b)
                case .lt: return try Operators.less(a, b)
                case .le: return try Operators.less(a, b) || Operators.equal(a, b)
                case .gt: return try Operators.less(b, a)
                case .ge: return try Operators.less(b, a) || Operators.equal(a, b)
                case .isIn: return try Operators.contains(b, a)
                case .notIn: return !(try Operators.contains(b, a))
                }
            }
            if !result { return .bool(false) }
            a = b
        }
        return .bool(true)
    }
}

final class ConditionalExpression: Expression {
    let condition: Expression, then: Expression, otherwise: Expression?
    init(_ condition: Expression, _ then: Expression, _ otherwise: Expression?, _ location: Location) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        super.init(location)
    }
    override func evaluate(_ r: Renderer) throws -> Value {
        if try condition.condition(r) { return try then.evaluate(r) }
        if let otherwise { return try otherwise.evaluate(r) }
        return .undefined("de 'if'-expressie heeft geen 'else' en de voorwaarde was onwaar")
    }
}

/// Arguments as written at a call site, evaluated on each call.
struct ArgumentList {
    var positional: [Expression] = []
    var keyword: [(String, Expression)] = []
    /// `*lijst` and `**woordenboek` at a call site.
    var splat: Expression?
    var keywordSplat: Expression?

    var isEmpty: Bool { positional.isEmpty && keyword.isEmpty && splat == nil && keywordSplat == nil }

    func evaluate(_ r: Renderer) throws -> Arguments {
        if isEmpty { return Arguments() }
        var arguments = Arguments(
            try positional.map { try $0.evaluate(r) }, keyword: try keyword.map { ($0.0, try $0.1.evaluate(r)) })
        if let splat {
            let value = try splat.evaluate(r)
            try splat.requireDefined(value, r)
            guard let items = value.items else {
                throw r.error("*argumenten verwacht een lijst, niet \(value.typeName)", at: splat.location)
            }
            arguments.positional += items
        }
        if let keywordSplat {
            let value = try keywordSplat.evaluate(r)
            try keywordSplat.requireDefined(value, r)
            guard case .dict(let dict) = value else {
                throw r.error(
                    "**argumenten verwacht een woordenboek, niet \(value.typeName)", at: keywordSplat.location)
            }
            arguments.keyword += dict.pairs
        }
        return arguments
    }
}

final class FilterExpression: Expression {
    let target: Expression
    let name: String
    let function: FilterFunction
    let arguments: ArgumentList
    let autoescape: Bool

    init(
        _ target: Expression, _ name: String, _ function: FilterFunction, _ arguments: ArgumentList, autoescape: Bool,
        _ location: Location
    ) {
        self.target = target
        self.name = name
        self.function = function
        self.arguments = arguments
        self.autoescape = autoescape
        super.init(location)
    }

    override func evaluate(_ r: Renderer) throws -> Value {
        let value = try target.evaluate(r)
        return try apply(to: value, r)
    }

    func apply(to value: Value, _ r: Renderer) throws -> Value {
        if case .undefined = value, !function.acceptsUndefined {
            if !r.lenient { try requireDefined(value, r) }
        }
        let arguments = try self.arguments.evaluate(r)
        let call = FilterCall(renderer: r, autoescape: autoescape, name: name)
        return try located(r) { try function.body(value, arguments, call) }
    }
}

final class TestExpression: Expression {
    let target: Expression
    let name: String
    let function: TestFunction
    let arguments: ArgumentList
    let negated: Bool

    init(
        _ target: Expression, _ name: String, _ function: TestFunction, _ arguments: ArgumentList, negated: Bool,
        _ location: Location
    ) {
        self.target = target
        self.name = name
        self.function = function
        self.arguments = arguments
        self.negated = negated
        super.init(location)
    }

    override func evaluate(_ r: Renderer) throws -> Value {
        let value = try target.evaluate(r)
        if case .undefined = value, !function.acceptsUndefined, !r.lenient { try target.requireDefined(value, r) }
        let arguments = try self.arguments.evaluate(r)
        let result = try located(r) { try function.body(value, arguments) }
        return .bool(result != negated)
    }
}

final class CallExpression: Expression {
    let callee: Expression
    let arguments: ArgumentList

    init(_ callee: Expression, _ arguments: ArgumentList, _ location: Location) {
        self.callee = callee
        self.arguments = arguments
        super.init(location)
    }

    override func evaluate(_ r: Renderer) throws -> Value {
        // Method calls on built-in values (`d.items()`, `s.upper()`).
        if let attribute = callee as? AttributeExpression {
            let base = try attribute.target.evaluate(r)
            try attribute.target.requireDefined(base, r)
            if let method = Methods.lookup(base, attribute.name) {
                let arguments = try self.arguments.evaluate(r)
                return try located(r) { try method(arguments) }
            }
        }
        let function = try callee.evaluate(r)
        if case .object(let object) = function, let loop = object as? LoopObject, let recurse = loop.recurse {
            let arguments = try self.arguments.evaluate(r)
            return try located(r) { try recurse(arguments, r) }
        }
        guard case .callable(let callable) = function else {
            try callee.requireDefined(function, r)
            throw r.error("\(describe(callee)) is geen functie maar \(function.typeName)", at: location)
        }
        let arguments = try self.arguments.evaluate(r)
        try r.push("\(callable.name) aangeroepen", at: location)
        defer { r.pop() }
        return try located(r) { try callable.body(arguments, r) }
    }
}

/// A readable name for an expression in messages: `page.titel`, `xs[0]`, or "de waarde".
func describe(_ expression: Expression) -> String {
    switch expression {
    case let n as NameExpression: return "'\(n.name)'"
    case let a as AttributeExpression:
        let inner = describe(a.target)
        return inner.hasPrefix("'") ? "'\(inner.dropFirst().dropLast()).\(a.name)'" : "de waarde"
    default: return "de waarde"
    }
}
