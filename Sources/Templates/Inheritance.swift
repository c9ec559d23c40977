import Diagnostics

extension Renderer {
    /// Renders a template at the current scope, following its `extends` chain: the child's blocks
    /// override the parent's, text outside blocks after `extends` is dropped, as in Jinja2.
    func run(_ template: CompiledTemplate) throws {
        let savedBlocks = blocks
        let savedParent = parentTemplate
        let savedParentLocation = parentLocation
        let savedTemplateScope = templateScope
        blocks = [:]
        parentTemplate = nil
        templateScope = scope
        var pushed = 0
        defer {
            for _ in 0..<pushed { pop() }
            blocks = savedBlocks
            parentTemplate = savedParent
            parentLocation = savedParentLocation
            templateScope = savedTemplateScope
        }
        var current = template
        while true {
            for (name, block) in current.blocks { blocks[name, default: []].append(block) }
            for node in current.body {
                if parentTemplate == nil {
                    try node.render(self)
                } else if !(node is TextNode || node is OutputNode || node is BlockNode) {
                    // After `extends` the child's own output is dropped, but its statements still run.
                    _ = try capture([node])
                }
            }
            guard let parent = parentTemplate, let location = parentLocation else { break }
            parentTemplate = nil
            try push("breidt '\(parent.name)' uit met extends", at: location)
            pushed += 1
            current = parent
        }
    }

    /// Loads a template named by a value (a name, or an already loaded template).
    func loadTemplate(_ name: Value, at location: Location, missingIsNil: Bool = false) throws -> CompiledTemplate? {
        guard let text = name.stringValue else {
            if case .undefined(let reason) = name { throw error(reason.description, at: location) }
            throw error("een templatenaam moet tekst zijn, niet \(name.typeName)", at: location)
        }
        do {
            return try environment.loadTemplate(text)
        } catch let failure as TemplateLoadError {
            if case .notFound = failure, missingIsNil { return nil }
            throw error(failure.message, at: location)
        } catch var diagnostic as Diagnostic {
            // A syntax error in the loaded template: keep its own position, add where it was loaded from.
            let position = location.source.file.position(ofByteOffset: location.offset)
            diagnostic.notes.append("\(location.source.file.name):\(position.line):\(position.column): hier geladen")
            for frame in frames.reversed() {
                let p = frame.location.source.file.position(ofByteOffset: frame.location.offset)
                diagnostic.notes.append("\(frame.location.source.file.name):\(p.line):\(p.column): \(frame.note)")
            }
            throw diagnostic
        }
    }
}

/// `super()` inside a block: renders the parent template's version of the block.
final class SuperExpression: Expression {
    override func evaluate(_ r: Renderer) throws -> Value {
        guard let (chain, level) = r.blockStack.last else {
            throw r.error("super() kan alleen binnen een block", at: location)
        }
        guard level + 1 < chain.count else {
            throw r.error("block '\(chain[level].name)' heeft geen ouderversie voor super()", at: location)
        }
        let saved = r.output
        r.output = []
        defer { r.output = saved }
        try BlockNode.renderLevel(level + 1, of: chain, r, scoped: chain[level].scoped)
        let text = String(decoding: r.output, as: UTF8.self)
        return location.source.autoescape ? .safe(text) : .string(text)
    }
}
