import Diagnostics
import Foundation

/// A compiled statement or piece of output. Subclasses render themselves into the renderer's buffer.
class Node {
    let location: Location
    init(_ location: Location) { self.location = location }
    func render(_ r: Renderer) throws { fatalError("abstract") }
    /// The nodes inside this one (a loop's body, an if's branches), for walks over the tree.
    var children: [Node] { [] }
    /// The name of the template this node extends, includes or imports.
    var templateReference: Expression? { nil }
}

final class TextNode: Node {
    let bytes: [UInt8]
    init(_ text: String, _ location: Location) {
        self.bytes = Array(text.utf8)
        super.init(location)
    }
    override func render(_ r: Renderer) throws { r.output.append(contentsOf: bytes) }
}

final class OutputNode: Node {
    let expression: Expression
    let escape: Bool
    init(_ expression: Expression, escape: Bool, _ location: Location) {
        self.expression = expression
        self.escape = escape
        super.init(location)
    }
    override func render(_ r: Renderer) throws {
        try r.write(try expression.evaluate(r), escape: escape, at: expression.location)
    }
}

/// Nodes rendered in order (the body of an `autoescape` block).
final class SequenceNode: Node {
    let body: [Node]
    init(_ body: [Node], _ location: Location) {
        self.body = body
        super.init(location)
    }
    override var children: [Node] { body }
    override func render(_ r: Renderer) throws {
        for node in body { try node.render(r) }
    }
}

final class IfNode: Node {
    let branches: [(condition: Expression, body: [Node])]
    let otherwise: [Node]
    init(_ branches: [(condition: Expression, body: [Node])], otherwise: [Node], _ location: Location) {
        self.branches = branches
        self.otherwise = otherwise
        super.init(location)
    }
    override var children: [Node] { branches.flatMap(\.body) + otherwise }
    override func render(_ r: Renderer) throws {
        for branch in branches where try branch.condition.condition(r) {
            for node in branch.body { try node.render(r) }
            return
        }
        for node in otherwise { try node.render(r) }
    }
}

/// Names on the left of `for … in` or `set … =`: one name, or several to unpack.
struct Targets {
    var names: [String]
    var symbols: [Int]

    func bind(_ value: Value, into scope: Scope, firstSlot: Int?, _ r: Renderer, at location: Location) throws {
        if symbols.count == 1 {
            if let firstSlot { scope.values[firstSlot] = value } else { scope.set(symbols[0], value) }
            return
        }
        let parts: [Value]
        switch value {
        case .list(let items), .tuple(let items): parts = items
        case .string(let s): parts = s.unicodeScalars.map { .string(String($0)) }
        case .object(let group as GroupObject): parts = [group.grouper, .list(group.list)]
        default: throw r.error("kan \(value.typeName) niet uitpakken in \(names.count) namen", at: location)
        }
        guard parts.count == names.count else {
            throw r.error(
                "kan \(parts.count) waarden niet uitpakken in \(names.count) namen (\(names.joined(separator: ", ")))",
                at: location)
        }
        for (i, symbol) in symbols.enumerated() {
            if let firstSlot { scope.values[firstSlot + i] = parts[i] } else { scope.set(symbol, parts[i]) }
        }
    }
}

final class ForNode: Node {
    let targets: Targets
    let iterable: Expression
    let filter: Expression?
    let body: [Node]
    let otherwise: [Node]
    let recursive: Bool
    let autoescape: Bool
    let loopSymbol: Int

    init(
        _ targets: Targets, _ iterable: Expression, filter: Expression?, body: [Node], otherwise: [Node],
        recursive: Bool, autoescape: Bool, loopSymbol: Int, _ location: Location
    ) {
        self.targets = targets
        self.iterable = iterable
        self.filter = filter
        self.body = body
        self.otherwise = otherwise
        self.recursive = recursive
        self.autoescape = autoescape
        self.loopSymbol = loopSymbol
        super.init(location)
    }

    override var children: [Node] { body + otherwise }
    override func render(_ r: Renderer) throws {
        try run(try iterable.evaluate(r), depth0: 0, r)
    }

    /// One pass of the loop; a `recursive` loop calls this again through `loop(children)`.
    private func run(_ value: Value, depth0: Int, _ r: Renderer) throws {
        var items = try ForNode.items(of: value, r, at: iterable.location)
        let outer = r.scope
        let scope = Scope(parent: outer)
        scope.names = targets.symbols + [loopSymbol]
        scope.values = [Value](repeating: .none, count: targets.symbols.count + 1)
        r.scope = scope
        defer { r.scope = outer }
        if let filter {
            var kept: [Value] = []
            for item in items {
                try targets.bind(item, into: scope, firstSlot: 0, r, at: location)
                if try filter.condition(r) { kept.append(item) }
            }
            items = kept
        }
        if items.isEmpty {
            r.scope = outer
            for node in otherwise { try node.render(r) }
            return
        }
        let loop = LoopObject(items: items, depth0: depth0)
        if recursive {
            loop.recurse = { [unowned self] arguments, r in
                guard arguments.positional.count == 1, arguments.keyword.isEmpty else {
                    throw TemplateRuntimeError("loop() in een recursieve loop verwacht één lijst")
                }
                try r.push("recursieve loop", at: self.location)
                defer { r.pop() }
                let saved = r.output
                r.output = []
                defer { r.output = saved }
                try self.run(arguments.positional[0], depth0: depth0 + 1, r)
                let text = String(decoding: r.output, as: UTF8.self)
                return self.autoescape ? .safe(text) : .string(text)
            }
        }
        let loopSlot = targets.symbols.count
        scope.values[loopSlot] = .object(loop)
        let baseCount = scope.names.count
        for index in 0..<items.count {
            loop.index0 = index
            if scope.names.count != baseCount {
                // A `set` in the previous iteration added names; Jinja starts each iteration afresh.
                scope.names.removeSubrange(baseCount...)
                scope.values.removeSubrange(baseCount...)
            }
            try targets.bind(items[index], into: scope, firstSlot: 0, r, at: location)
            for node in body { try node.render(r) }
        }
    }

    static func items(of value: Value, _ r: Renderer, at location: Location) throws -> [Value] {
        switch value {
        case .list(let items), .tuple(let items): return items
        case .dict(let dict): return dict.keys.map { .string($0) }
        case .string(let s), .safe(let s): return s.unicodeScalars.map { .string(String($0)) }
        case .undefined(let message):
            if r.lenient { return [] }
            throw r.error(message.description, at: location)
        default:
            throw r.error("kan niet herhalen over \(value.typeName)", at: location)
        }
    }
}

final class SetNode: Node {
    let targets: Targets
    let value: Expression
    init(_ targets: Targets, _ value: Expression, _ location: Location) {
        self.targets = targets
        self.value = value
        super.init(location)
    }
    override func render(_ r: Renderer) throws {
        try targets.bind(try value.evaluate(r), into: r.scope, firstSlot: nil, r, at: location)
    }
}

/// `{% set ns.attr = value %}` on a `namespace()` object.
final class SetAttributeNode: Node {
    let object: NameExpression
    let attribute: String
    let value: Expression
    init(_ object: NameExpression, _ attribute: String, _ value: Expression, _ location: Location) {
        self.object = object
        self.attribute = attribute
        self.value = value
        super.init(location)
    }
    override func render(_ r: Renderer) throws {
        guard case .object(let o) = try object.evaluate(r), let namespace = o as? NamespaceObject else {
            throw r.error("alleen een namespace() kan een attribuut krijgen met 'set'", at: location)
        }
        namespace.values[attribute] = try value.evaluate(r)
    }
}

/// `{% set x %}…{% endset %}`, optionally with filters.
final class SetBlockNode: Node {
    let symbol: Int
    let body: [Node]
    let filters: [FilterExpression]
    let autoescape: Bool
    init(symbol: Int, body: [Node], filters: [FilterExpression], autoescape: Bool, _ location: Location) {
        self.symbol = symbol
        self.body = body
        self.filters = filters
        self.autoescape = autoescape
        super.init(location)
    }
    override var children: [Node] { body }
    override func render(_ r: Renderer) throws {
        let text = try r.capture(body)
        var value: Value = autoescape ? .safe(text) : .string(text)
        for filter in filters { value = try filter.apply(to: value, r) }
        r.scope.set(symbol, value)
    }
}

final class FilterBlockNode: Node {
    let filters: [FilterExpression]
    let body: [Node]
    let autoescape: Bool
    init(filters: [FilterExpression], body: [Node], autoescape: Bool, _ location: Location) {
        self.filters = filters
        self.body = body
        self.autoescape = autoescape
        super.init(location)
    }
    override var children: [Node] { body }
    override func render(_ r: Renderer) throws {
        let text = try r.capture(body)
        var value: Value = autoescape ? .safe(text) : .string(text)
        for filter in filters { value = try filter.apply(to: value, r) }
        try r.write(value, escape: autoescape, at: location)
    }
}

final class WithNode: Node {
    let assignments: [(Int, Expression)]
    let body: [Node]
    init(_ assignments: [(Int, Expression)], body: [Node], _ location: Location) {
        self.assignments = assignments
        self.body = body
        super.init(location)
    }
    override var children: [Node] { body }
    override func render(_ r: Renderer) throws {
        let outer = r.scope
        let scope = Scope(parent: outer)
        for (symbol, expression) in assignments { scope.set(symbol, try expression.evaluate(r)) }
        r.scope = scope
        defer { r.scope = outer }
        for node in body { try node.render(r) }
    }
}

final class BlockNode: Node {
    let name: String
    let body: [Node]
    let scoped: Bool
    init(name: String, body: [Node], scoped: Bool, _ location: Location) {
        self.name = name
        self.body = body
        self.scoped = scoped
        super.init(location)
    }

    override var children: [Node] { body }
    override func render(_ r: Renderer) throws {
        let chain = r.blocks[name] ?? [self]
        try BlockNode.renderLevel(0, of: chain, r, scoped: scoped)
    }

    static func renderLevel(_ level: Int, of chain: [BlockNode], _ r: Renderer, scoped: Bool) throws {
        let block = chain[level]
        let outer = r.scope
        r.scope = Scope(parent: scoped ? outer : (r.templateScope ?? outer))
        r.blockStack.append((chain, level))
        defer {
            r.scope = outer
            r.blockStack.removeLast()
        }
        for node in block.body { try node.render(r) }
    }
}

final class ExtendsNode: Node {
    let template: Expression
    init(_ template: Expression, _ location: Location) {
        self.template = template
        super.init(location)
    }
    override var templateReference: Expression? { template }
    override func render(_ r: Renderer) throws {
        if r.parentTemplate != nil { throw r.error("een template kan maar één keer 'extends' gebruiken", at: location) }
        let name = try template.evaluate(r)
        r.parentTemplate = try r.loadTemplate(name, at: template.location)
        r.parentLocation = location
    }
}

final class IncludeNode: Node {
    let template: Expression
    let ignoreMissing: Bool
    let withContext: Bool
    let loopSymbol: Int
    init(_ template: Expression, ignoreMissing: Bool, withContext: Bool, loopSymbol: Int, _ location: Location) {
        self.template = template
        self.ignoreMissing = ignoreMissing
        self.withContext = withContext
        self.loopSymbol = loopSymbol
        super.init(location)
    }
    override var templateReference: Expression? { template }
    override func render(_ r: Renderer) throws {
        let name = try template.evaluate(r)
        let names: [Value]
        names = name.items ?? [name]
        var found: CompiledTemplate?
        for candidate in names {
            if let template = try r.loadTemplate(
                candidate, at: template.location, missingIsNil: ignoreMissing || names.count > 1)
            {
                found = template
                break
            }
        }
        guard let included = found else {
            if ignoreMissing { return }
            throw r.error("geen van de templates \(Value.list(names).repr) bestaat", at: template.location)
        }
        try r.push("ingevoegd met include", at: location)
        defer { r.pop() }
        let outer = r.scope
        let scope = withContext ? Scope(parent: outer) : Scope(context: [:])
        // As in Jinja2, an included template sees the loop variables but not `loop` itself.
        scope.set(loopSymbol, .undefined("'loop' is niet gedefinieerd in een include"))
        r.scope = scope
        defer { r.scope = outer }
        try r.run(included)
    }
}

/// `{% import 'x' as m %}` and `{% from 'x' import a, b as c %}`.
final class ImportNode: Node {
    let template: Expression
    let alias: Int?
    let names: [(name: String, symbol: Int)]
    let withContext: Bool
    init(
        _ template: Expression, alias: Int?, names: [(name: String, symbol: Int)], withContext: Bool,
        _ location: Location
    ) {
        self.template = template
        self.alias = alias
        self.names = names
        self.withContext = withContext
        super.init(location)
    }
    override var templateReference: Expression? { template }
    override func render(_ r: Renderer) throws {
        let name = try template.evaluate(r)
        guard let imported = try r.loadTemplate(name, at: template.location) else { return }
        try r.push("geïmporteerd", at: location)
        defer { r.pop() }
        let outer = r.scope
        let moduleScope = withContext ? Scope(parent: outer) : Scope(context: [:])
        r.scope = moduleScope
        let savedOutput = r.output
        r.output = []
        defer {
            r.scope = outer
            r.output = savedOutput
        }
        try r.run(imported)
        var exports = OrderedDict()
        for (i, symbol) in moduleScope.names.enumerated() {
            let exportedName = r.environment.symbols.name(symbol)
            if !exportedName.hasPrefix("_") { exports[exportedName] = moduleScope.values[i] }
        }
        r.scope = outer
        if let alias {
            outer.set(alias, .dict(exports))
        }
        for (importedName, symbol) in names {
            guard let value = exports[importedName] else {
                throw r.error("'\(importedName)' bestaat niet in \(name.repr)", at: location)
            }
            outer.set(symbol, value)
        }
    }
}

struct MacroParameter {
    var name: String
    var symbol: Int
    var defaultValue: Expression?
}

final class MacroNode: Node {
    let name: String
    let symbol: Int
    let parameters: [MacroParameter]
    let body: [Node]
    let autoescape: Bool
    let usesVarargs: Bool, usesKwargs: Bool, usesCaller: Bool
    let symbols: (varargs: Int, kwargs: Int, caller: Int)

    init(
        name: String, symbol: Int, parameters: [MacroParameter], body: [Node], autoescape: Bool,
        uses: (varargs: Bool, kwargs: Bool, caller: Bool), symbols: (varargs: Int, kwargs: Int, caller: Int),
        _ location: Location
    ) {
        self.name = name
        self.symbol = symbol
        self.parameters = parameters
        self.body = body
        self.autoescape = autoescape
        self.usesVarargs = uses.varargs
        self.usesKwargs = uses.kwargs
        self.usesCaller = uses.caller
        self.symbols = symbols
        super.init(location)
    }

    override var children: [Node] { body }
    override func render(_ r: Renderer) throws {
        r.scope.set(symbol, .callable(makeCallable(definedIn: r.scope, r)))
    }

    /// The macro as a value. It sees the scope it was defined in, but holds it weakly: that scope holds
    /// the macro, and a strong reference both ways would keep every render's scopes alive for ever. The
    /// renderer keeps the scope alive instead, for as long as the render runs.
    func makeCallable(definedIn scope: Scope, _ r: Renderer) -> Callable {
        r.retain(scope)
        return Callable(
            name: "macro '\(name)'",
            internal: { [self, weak scope] arguments, r in
                guard let scope else {
                    throw TemplateRuntimeError("macro '\(self.name)' is buiten zijn render aangeroepen")
                }
                return try self.call(arguments, r, definedIn: scope)
            })
    }

    private func call(_ arguments: Arguments, _ r: Renderer, definedIn definingScope: Scope) throws -> Value {
        let outer = r.scope
        let scope = Scope(parent: definingScope)
        r.scope = scope
        defer { r.scope = outer }
        var positional = arguments.positional[...]
        var keyword = arguments.keyword
        var caller: Value?
        if let index = keyword.firstIndex(where: { $0.0 == "caller" }) {
            caller = keyword[index].1
            keyword.remove(at: index)
        }
        for parameter in parameters {
            if let value = positional.popFirst() {
                if keyword.contains(where: { $0.0 == parameter.name }) {
                    throw TemplateRuntimeError("macro '\(name)' kreeg '\(parameter.name)' twee keer")
                }
                scope.set(parameter.symbol, value)
            } else if let index = keyword.firstIndex(where: { $0.0 == parameter.name }) {
                scope.set(parameter.symbol, keyword[index].1)
                keyword.remove(at: index)
            } else if let defaultValue = parameter.defaultValue {
                scope.set(parameter.symbol, try defaultValue.evaluate(r))
            } else {
                scope.set(
                    parameter.symbol, .undefined("parameter '\(parameter.name)' van macro '\(name)' is niet meegegeven")
                )
            }
        }
        if !positional.isEmpty && !usesVarargs {
            throw TemplateRuntimeError(
                "macro '\(name)' verwacht hoogstens \(parameters.count) argument(en), kreeg \(arguments.positional.count)"
            )
        }
        if let unknown = keyword.first, !usesKwargs {
            var message = "macro '\(name)' kent geen argument '\(unknown.0)'"
            if let near = Suggestions.nearest(to: unknown.0, in: parameters.map(\.name)) {
                message += "; bedoelde je '\(near)'?"
            }
            throw TemplateRuntimeError(message)
        }
        if caller != nil && !usesCaller {
            throw TemplateRuntimeError("macro '\(name)' gebruikt caller() niet, maar werd met 'call' aangeroepen")
        }
        scope.set(symbols.varargs, .tuple(Array(positional)))
        scope.set(symbols.kwargs, .dict(OrderedDict(keyword)))
        if let caller { scope.set(symbols.caller, caller) }
        let text = try r.capture(body)
        return autoescape ? .safe(text) : .string(text)
    }
}

/// `{% call(args) macro(...) %}body{% endcall %}`: the body becomes `caller()` inside the macro.
final class CallBlockNode: Node {
    let call: CallExpression
    let parameters: [MacroParameter]
    let body: [Node]
    let autoescape: Bool
    init(call: CallExpression, parameters: [MacroParameter], body: [Node], autoescape: Bool, _ location: Location) {
        self.call = call
        self.parameters = parameters
        self.body = body
        self.autoescape = autoescape
        super.init(location)
    }
    override var children: [Node] { body }
    override func render(_ r: Renderer) throws {
        let definingScope = r.scope
        // Weakly, as for macros: the caller may be stored back into the scope it sees (`set ns.f = caller`).
        r.retain(definingScope)
        let caller = Callable(
            name: "caller",
            internal: { [self, weak definingScope] arguments, r in
                guard let definingScope else {
                    throw TemplateRuntimeError("caller() is buiten zijn render aangeroepen")
                }
                let outer = r.scope
                let scope = Scope(parent: definingScope)
                r.scope = scope
                defer { r.scope = outer }
                for (i, parameter) in parameters.enumerated() {
                    if let value = arguments.value(i, parameter.name) {
                        scope.set(parameter.symbol, value)
                    } else if let defaultValue = parameter.defaultValue {
                        scope.set(parameter.symbol, try defaultValue.evaluate(r))
                    } else {
                        scope.set(
                            parameter.symbol,
                            .undefined("parameter '\(parameter.name)' van caller() is niet meegegeven"))
                    }
                }
                let text = try r.capture(body)
                return autoescape ? .safe(text) : .string(text)
            })
        let function = try call.callee.evaluate(r)
        guard case .callable(let callable) = function else {
            try call.callee.requireDefined(function, r)
            throw r.error("\(describe(call.callee)) is geen macro maar \(function.typeName)", at: call.location)
        }
        var arguments = try call.arguments.evaluate(r)
        arguments.keyword.append(("caller", .callable(caller)))
        try r.push("in \(callable.name), aangeroepen met call", at: call.location)
        defer { r.pop() }
        let result = try call.located(r) { try callable.body(arguments, r) }
        try r.write(result, escape: autoescape, at: location)
    }
}
