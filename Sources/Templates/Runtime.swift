import Diagnostics
import Escaping
import Foundation

/// Where a node came from: its template and byte offset, for diagnostics.
struct Location {
    let source: TemplateSource
    let offset: Int
}

/// A template's text and name, shared by all nodes compiled from it.
final class TemplateSource: @unchecked Sendable {
    let file: SourceFile
    /// Whether `{{ }}` output is HTML-escaped (`.html`, `.htm`, `.xml`, `.svg`).
    let autoescape: Bool

    init(file: SourceFile, autoescape: Bool) {
        self.file = file
        self.autoescape = autoescape
    }
}

/// A frame of local variables. Names are interned to integers at compile time, so a look-up in a loop
/// body compares integers, not strings.
///
/// A scope belongs to one render, and a render to one thread: no two accesses to its slots can overlap,
/// so they are exempt from the run-time exclusivity checks, which cost a third of the render time.
final class Scope {
    @exclusivity(unchecked) var names: [Int] = []
    @exclusivity(unchecked) var values: [Value] = []
    let parent: Scope?
    /// Only the root scope of a render has the context the host passed in.
    let context: [String: Value]?

    init(parent: Scope?) {
        self.parent = parent
        self.context = nil
    }

    init(context: [String: Value]) {
        self.parent = nil
        self.context = context
    }

    @inline(__always)
    func lookup(_ symbol: Int, _ name: String) -> Value? {
        var scope: Scope? = self
        while let s = scope {
            let names = s.names
            var i = names.count - 1
            while i >= 0 {
                if names[i] == symbol { return s.values[i] }
                i -= 1
            }
            if let context = s.context, let value = context[name] { return value }
            scope = s.parent
        }
        return nil
    }

    @inline(__always)
    func set(_ symbol: Int, _ value: Value) {
        for i in 0..<names.count where names[i] == symbol {
            values[i] = value
            return
        }
        names.append(symbol)
        values.append(value)
    }

    /// Every name visible here, for "did you mean" suggestions (rare path).
    func visibleNames(_ symbols: SymbolTable) -> [String] {
        var result: [String] = []
        var scope: Scope? = self
        while let s = scope {
            result += s.names.map { symbols.name($0) }
            if let context = s.context { result += context.keys }
            scope = s.parent
        }
        return result
    }
}

/// Interns variable names to integers; shared by every template of an environment.
final class SymbolTable: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: Int] = [:]
    private var names: [String] = []

    func id(_ name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[name] { return id }
        ids[name] = names.count
        names.append(name)
        return names.count - 1
    }

    func name(_ id: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        return names[id]
    }
}

/// The state of one render: output buffer, current scope, the chain of includes, extends and macro
/// calls (for diagnostics and the recursion limit) and the block table of an inheritance chain.
public final class Renderer {
    let environment: Environment
    // A renderer belongs to one render on one thread (see `Scope`): its hot state skips the run-time
    // exclusivity checks.
    @exclusivity(unchecked) var output: [UInt8] = []
    @exclusivity(unchecked) var scope: Scope
    var frames: [(note: String, location: Location)] = []
    /// For each block name, the implementations from the most derived template to the base.
    var blocks: [String: [BlockNode]] = [:]
    /// The parent template set by `extends` while rendering a child, and where that `extends` stood.
    var parentTemplate: CompiledTemplate?
    var parentLocation: Location?
    /// The scope of the template being rendered (its context and top-level `set`s); blocks start here.
    var templateScope: Scope?
    /// The blocks being rendered, innermost last, with their inheritance chain, for `super()`.
    var blockStack: [(chain: [BlockNode], level: Int)] = []
    /// Scopes that macros and `caller` blocks were defined in: they refer to them weakly (the scope holds
    /// the macro), so the render keeps them alive until it ends.
    private var retainedScopes: [Scope] = []

    static let maximumDepth = 100

    init(environment: Environment, context: [String: Value]) {
        self.environment = environment
        self.scope = Scope(context: context)
        output.reserveCapacity(4096)
    }

    var lenient: Bool { environment.lenient }

    /// Keeps `scope` alive until the render ends (see `retainedScopes`).
    func retain(_ scope: Scope) {
        if retainedScopes.last !== scope { retainedScopes.append(scope) }
    }

    /// Namespaces made by this render: a template can store a namespace in itself (`set ns.me = ns`) or
    /// in a value it holds, a cycle no reference counting frees. They are emptied when the render ends;
    /// nothing outside the render can reach them.
    private var namespaces: [NamespaceObject] = []

    func track(_ namespace: NamespaceObject) {
        namespaces.append(namespace)
    }

    deinit {
        for namespace in namespaces { namespace.values = OrderedDict() }
    }

    func error(_ message: String, at location: Location) -> Diagnostic {
        var notes: [String] = []
        for frame in frames.reversed() {
            let position = frame.location.source.file.position(ofByteOffset: frame.location.offset)
            notes.append("\(frame.location.source.file.name):\(position.line):\(position.column): \(frame.note)")
        }
        return Diagnostic.error(message, in: location.source.file, at: location.offset, notes: notes)
    }

    /// Enters an include, extends or macro call; fails past the depth limit instead of overflowing the stack.
    func push(_ note: String, at location: Location) throws {
        if frames.count >= Renderer.maximumDepth {
            throw error(
                "te diepe nesting (meer dan \(Renderer.maximumDepth) niveaus include/extends/macro): oneindige recursie?",
                at: location)
        }
        frames.append((note, location))
    }

    func pop() { frames.removeLast() }

    /// Renders nodes into a separate buffer and returns the text (for macros, `set` blocks, filters).
    func capture(_ body: [Node]) throws -> String {
        let saved = output
        output = []
        output.reserveCapacity(256)
        defer { output = saved }
        for node in body { try node.render(self) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes a value as `{{ }}` does: escaped when the template autoescapes and the value is not safe.
    @inline(__always)
    func write(_ value: Value, escape: Bool, at location: Location) throws {
        switch value {
        case .string(let s):
            if escape { HTMLEscaper.append(s, to: &output) } else { output.append(contentsOf: s.utf8) }
        case .safe(let s):
            output.append(contentsOf: s.utf8)
        case .int(let i):
            appendInt(i)
        case .undefined(let message):
            if !lenient { throw error(message.description, at: location) }
        default:
            let text = value.printed
            if escape { HTMLEscaper.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        }
    }

    @inline(__always)
    private func appendInt(_ value: Int) {
        if value >= 0 && value < 10 {
            output.append(UInt8(truncatingIfNeeded: 0x30 + value))
            return
        }
        if value < 0 {
            output.append(contentsOf: String(value).utf8)
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while n > 0 {
                buffer[19 - count] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
                n /= 10
                count += 1
            }
            output.append(contentsOf: buffer[(20 - count)...])
        }
    }
}

/// The `loop` variable inside a `for` body.
final class LoopObject: TemplateObject, @unchecked Sendable {
    let items: [Value]
    @exclusivity(unchecked) var index0 = 0
    let depth0: Int
    /// Set for `recursive` loops: `loop(children)` renders the body for the children.
    var recurse: ((Arguments, Renderer) throws -> Value)?
    /// The values `loop.changed(...)` saw last.
    var lastChanged: [Value]?

    init(items: [Value], depth0: Int) {
        self.items = items
        self.depth0 = depth0
    }

    var printed: String { "<LoopContext \(index0 + 1)/\(items.count)>" }

    func attribute(_ name: String) -> Value? {
        let length = items.count
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "revindex": return .int(length - index0)
        case "revindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "depth": return .int(depth0 + 1)
        case "depth0": return .int(depth0)
        case "previtem":
            return index0 > 0
                ? items[index0 - 1] : .undefined("'loop.previtem' is niet gedefinieerd bij de eerste herhaling")
        case "nextitem":
            return index0 + 1 < length
                ? items[index0 + 1] : .undefined("'loop.nextitem' is niet gedefinieerd bij de laatste herhaling")
        case "cycle":
            let index = index0
            return .callable(
                Callable(
                    name: "loop.cycle",
                    internal: { arguments, _ in
                        guard !arguments.positional.isEmpty else {
                            throw TemplateRuntimeError("loop.cycle() verwacht minstens één waarde")
                        }
                        return arguments.positional[index % arguments.positional.count]
                    }))
        case "changed":
            return .callable(
                Callable(
                    name: "loop.changed",
                    internal: { [self] arguments, _ in
                        let values = arguments.positional
                        defer { lastChanged = values }
                        guard let last = lastChanged, last.count == values.count else { return .bool(true) }
                        return .bool(!zip(last, values).allSatisfy { Operators.equal($0, $1) })
                    }))
        default: return nil
        }
    }
}

/// The object `namespace()` makes: the one thing a template can change from inside a loop.
final class NamespaceObject: TemplateObject, @unchecked Sendable {
    var values: OrderedDict

    init(_ values: OrderedDict) { self.values = values }

    var printed: String { Value.object(self).repr }

    func attribute(_ name: String) -> Value? { values[name] }
}
