import Diagnostics
import Foundation

/// What a filter implementation gets besides its value and arguments.
struct FilterCall {
    let renderer: Renderer
    /// Whether the template the filter appears in autoescapes.
    let autoescape: Bool
    let name: String
}

final class FilterFunction: @unchecked Sendable {
    let body: (Value, Arguments, FilterCall) throws -> Value
    /// `default` must see undefined values; every other filter fails on them in strict mode.
    let acceptsUndefined: Bool

    init(acceptsUndefined: Bool = false, _ body: @escaping (Value, Arguments, FilterCall) throws -> Value) {
        self.body = body
        self.acceptsUndefined = acceptsUndefined
    }
}

final class TestFunction: @unchecked Sendable {
    let body: (Value, Arguments) throws -> Bool
    let acceptsUndefined: Bool

    init(acceptsUndefined: Bool = false, _ body: @escaping (Value, Arguments) throws -> Bool) {
        self.body = body
        self.acceptsUndefined = acceptsUndefined
    }
}

/// The template engine: filters, tests and globals, a loader, and a cache of compiled templates.
///
/// Register filters, tests and globals before loading templates (unknown filters are compile-time
/// errors). After that an environment is safe to use from many threads at once: each template compiles
/// once and every render has its own state.
public final class Environment: @unchecked Sendable {
    public let loader: TemplateLoader
    /// Lenient mode prints undefined values as nothing, as Jinja2's default does. Strict (false) is the
    /// default: an undefined value in output, a loop, arithmetic or attribute access is an error.
    public var lenient: Bool

    let symbols = SymbolTable()
    private let lock = NSLock()
    private var filters: [String: FilterFunction] = [:]
    private var tests: [String: TestFunction] = [:]
    private var globals: [String: Value] = [:]
    /// Compiled templates by name. They do not refer back to the environment (a `Template` handed out
    /// does), so an environment that is dropped is freed with its cache.
    private var cache: [String: CompiledTemplate] = [:]

    public init(loader: TemplateLoader, lenient: Bool = false) {
        self.loader = loader
        self.lenient = lenient
        BuiltinFilters.register(in: self)
        BuiltinTests.register(in: self)
        globals["range"] = .callable(Callable(name: "range", { try BuiltinFunctions.range($0) }))
        globals["dict"] = .callable(Callable(name: "dict", { arguments in .dict(OrderedDict(arguments.keyword)) }))
        globals["namespace"] = .callable(
            Callable(
                name: "namespace",
                internal: { arguments, r in
                    let namespace = try BuiltinFunctions.namespace(arguments)
                    if case .object(let object as NamespaceObject) = namespace { r.track(object) }
                    return namespace
                }))
    }

    /// Templates from folders, searched in order (the site's `templates/`, then the theme's).
    public convenience init(searchPaths: [URL], lenient: Bool = false) {
        self.init(loader: FileSystemLoader(searchPaths: searchPaths), lenient: lenient)
    }

    // MARK: Registration

    /// Adds (or replaces) a filter, e.g. `markdown`. Throw `TemplateRuntimeError` for bad input.
    public func registerFilter(_ name: String, _ body: @escaping @Sendable (Value, Arguments) throws -> Value) {
        setFilter(name, FilterFunction { value, arguments, _ in try body(value, arguments) })
    }

    /// Adds (or replaces) a filter with named parameters: `{{ x | name(a, b=1) }}` binds positional and
    /// keyword arguments to `parameters`, and too many or unknown ones are errors at the call.
    public func registerFilter(
        _ name: String, parameters: [String],
        _ body: @escaping @Sendable (Value, FilterArguments) throws -> Value
    ) {
        setFilter(
            name,
            FilterFunction { value, arguments, _ in
                try body(value, try FilterArguments(arguments, parameters, owner: "filter '\(name)'"))
            })
    }

    /// Adds a global variable visible in every template, below the render context.
    public func registerGlobal(_ name: String, _ value: Value) {
        lock.lock()
        globals[name] = value
        lock.unlock()
    }

    /// Adds a global function, e.g. `asset(path)` for fingerprinted files.
    public func registerFunction(_ name: String, _ body: @escaping @Sendable (Arguments) throws -> Value) {
        registerGlobal(name, .callable(Callable(name: name, body)))
    }

    func setFilter(_ name: String, _ function: FilterFunction) {
        lock.lock()
        filters[name] = function
        lock.unlock()
    }

    func setTest(_ name: String, _ function: TestFunction) {
        lock.lock()
        tests[name] = function
        lock.unlock()
    }

    func filter(_ name: String) -> FilterFunction? {
        lock.lock()
        defer { lock.unlock() }
        return filters[name]
    }

    func test(_ name: String) -> TestFunction? {
        lock.lock()
        defer { lock.unlock() }
        return tests[name]
    }

    func global(_ name: String) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return globals[name]
    }

    var filterNames: [String] {
        lock.lock()
        defer { lock.unlock() }
        return Array(filters.keys)
    }

    var testNames: [String] {
        lock.lock()
        defer { lock.unlock() }
        return Array(tests.keys)
    }

    // MARK: Templates

    /// The compiled template called `name`, from the cache or compiled now.
    /// Throws a `Diagnostic` when it cannot be found or has a syntax error.
    public func template(named name: String) throws -> Template {
        do {
            return Template(try loadTemplate(name), environment: self)
        } catch let error as TemplateLoadError {
            throw Diagnostic(.error, error.message, file: name)
        }
    }

    /// Compiles a template from text (not cached). `name` decides autoescaping and appears in diagnostics.
    public func template(source: String, name: String) throws -> Template {
        Template(
            try compile(LoadedTemplate(displayName: name, bytes: Array(source.utf8)), name: name), environment: self)
    }

    /// Renders the template called `name` with a context.
    public func render(_ name: String, context: [String: Value] = [:]) throws -> String {
        try template(named: name).render(context)
    }

    /// Throws `TemplateLoadError` or a `Diagnostic`.
    func loadTemplate(_ name: String) throws -> CompiledTemplate {
        lock.lock()
        if let cached = cache[name] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let loaded = try loader.load(name)
        let template = try compile(loaded, name: name)
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[name] { return cached }  // Another thread compiled it meanwhile.
        cache[name] = template
        return template
    }

    private func compile(_ loaded: LoadedTemplate, name: String) throws -> CompiledTemplate {
        let file = SourceFile(name: loaded.displayName, bytes: loaded.bytes)
        let source = TemplateSource(file: file, autoescape: Environment.autoescapes(name))
        var lexer = Lexer(source: file)
        let tokens = try lexer.tokenize()
        var parser = Parser(tokens: tokens, source: source, environment: self)
        let (body, blocks) = try parser.parseTemplate()
        return CompiledTemplate(name: name, source: source, body: body, blocks: blocks)
    }

    /// HTML, XML and SVG templates escape their output.
    public static func autoescapes(_ name: String) -> Bool {
        let lower = name.lowercased()
        return [".html", ".htm", ".xml", ".svg"].contains { lower.hasSuffix($0) }
    }
}

/// A template of an environment, ready to render: parse once, render many times, from any thread.
/// It keeps its environment alive (filters, globals, the templates it extends or includes).
public final class Template: @unchecked Sendable {
    public var name: String { compiled.name }
    let compiled: CompiledTemplate
    let environment: Environment

    init(_ compiled: CompiledTemplate, environment: Environment) {
        self.compiled = compiled
        self.environment = environment
    }

    /// Renders with `context` as the template's variables. Throws a `Diagnostic` pointing at the
    /// template line, with the chain of includes, extends and macro calls as notes.
    public func render(_ context: [String: Value] = [:]) throws -> String {
        String(decoding: try renderBytes(context), as: UTF8.self)
    }

    /// The templates this one extends, includes and imports, read from its parsed tree as Jinja2's
    /// `meta.find_referenced_templates` does; nil when one of them is named by an expression that only
    /// rendering knows (it may be any template).
    public var referencedTemplates: Set<String>? {
        var names: Set<String> = []
        var nodes = compiled.body
        while let node = nodes.popLast() {
            if let reference = node.templateReference {
                guard let named = Self.literalNames(reference) else { return nil }
                names.formUnion(named)
            }
            nodes += node.children
        }
        return names
    }

    /// The names an expression gives when it is a literal name or a list of them.
    private static func literalNames(_ expression: Expression) -> [String]? {
        if let literal = expression as? Literal, case .string(let name) = literal.value { return [name] }
        guard let list = expression as? ListExpression else { return nil }
        var names: [String] = []
        for item in list.items {
            guard let literal = item as? Literal, case .string(let name) = literal.value else { return nil }
            names.append(name)
        }
        return names
    }

    /// Renders into UTF-8 bytes (no String conversion), for writing files directly.
    public func renderBytes(_ context: [String: Value] = [:]) throws -> [UInt8] {
        let renderer = Renderer(environment: environment, context: context)
        try renderer.run(compiled)
        return renderer.output
    }
}

/// The compiled tree of one template, as the environment caches it. It holds no reference to the
/// environment: the cache holds these, and a reference back would keep both alive for ever (every
/// rebuild of `breingen serve` makes a new environment).
final class CompiledTemplate: @unchecked Sendable {
    let name: String
    let source: TemplateSource
    let body: [Node]
    let blocks: [String: BlockNode]

    init(name: String, source: TemplateSource, body: [Node], blocks: [String: BlockNode]) {
        self.name = name
        self.source = source
        self.body = body
        self.blocks = blocks
    }
}

enum BuiltinFunctions {
    static func range(_ arguments: Arguments) throws -> Value {
        let numbers = try arguments.positional.map { value -> Int in
            guard case .int(let i) = value.asIntegerIfBool ?? value else {
                throw TemplateRuntimeError("range() verwacht gehele getallen")
            }
            return i
        }
        var start = 0
        var stop = 0
        var step = 1
        switch numbers.count {
        case 1: stop = numbers[0]
        case 2: (start, stop) = (numbers[0], numbers[1])
        case 3: (start, stop, step) = (numbers[0], numbers[1], numbers[2])
        default: throw TemplateRuntimeError("range() verwacht 1 tot 3 argumenten")
        }
        if step == 0 { throw TemplateRuntimeError("range() met stap 0") }
        // In Double, so extreme bounds cannot overflow; the limit below keeps the result exact.
        let span = step > 0 ? Double(stop) - Double(start) : Double(start) - Double(stop)
        let count = span <= 0 ? 0 : Int(min((span / abs(Double(step))).rounded(.up), 2_000_000))
        if count > 1_000_000 { throw TemplateRuntimeError("range() is te groot (\(count) elementen)") }
        return .list((0..<count).map { .int(start + $0 * step) })
    }

    static func namespace(_ arguments: Arguments) throws -> Value {
        var values = OrderedDict()
        for argument in arguments.positional {
            if case .dict(let d) = argument { for (k, v) in d.pairs { values[k] = v } }
        }
        for (k, v) in arguments.keyword { values[k] = v }
        return .object(NamespaceObject(values))
    }
}
