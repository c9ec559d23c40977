import Diagnostics

/// Turns tokens into the compiled tree. Unknown filters and tests are reported here, at compile time,
/// with their position, as Jinja2 does.
struct Parser {
    private let tokens: [Token]
    private var position = 0
    private let source: TemplateSource
    private let environment: Environment
    private var blocks: [String: BlockNode] = [:]
    private var depth = 0
    /// Names used inside the macro being parsed, to know whether it takes `varargs`, `kwargs`, `caller`.
    private var usedNames: Set<String> = []
    /// Whether output is escaped here: the template's default, changed inside `{% autoescape %}` blocks.
    private var autoescape: Bool

    static let maximumNesting = 200

    init(tokens: [Token], source: TemplateSource, environment: Environment) {
        self.tokens = tokens
        self.source = source
        self.environment = environment
        self.autoescape = source.autoescape
    }

    mutating func parseTemplate() throws -> (body: [Node], blocks: [String: BlockNode]) {
        let (body, end) = try parseBody(until: [])
        if let end { throw error("onverwacht '\(end.text)': er is geen open blok dat hiermee eindigt", at: end) }
        return (body, blocks)
    }

    // MARK: - Helpers

    private var current: Token { tokens[position] }

    private func location(_ token: Token) -> Location { Location(source: source, offset: token.offset) }

    private func error(_ message: String, at token: Token) -> Diagnostic {
        Diagnostic.error(message, in: source.file, at: token.offset)
    }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if token.kind != .end { position += 1 }
        return token
    }

    private func isOp(_ op: String) -> Bool { current.kind == .op && current.text == op }
    private func isName(_ name: String) -> Bool { current.kind == .name && current.text == name }

    private mutating func expectOp(_ op: String) throws {
        guard isOp(op) else { throw error("'\(op)' verwacht, maar vond \(describe(current))", at: current) }
        position += 1
    }

    private mutating func expectName(_ what: String = "een naam") throws -> Token {
        guard current.kind == .name else {
            throw error("\(what) verwacht, maar vond \(describe(current))", at: current)
        }
        return advance()
    }

    private mutating func expectKeyword(_ name: String) throws {
        guard isName(name) else { throw error("'\(name)' verwacht, maar vond \(describe(current))", at: current) }
        position += 1
    }

    private mutating func expectBlockEnd() throws {
        guard current.kind == .blockEnd else {
            let hint = isOp("=") ? "; vergelijken gaat met '=='" : ""
            throw error("'%}' verwacht, maar vond \(describe(current))\(hint)", at: current)
        }
        position += 1
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: return "het einde van de template"
        case .blockEnd: return "'%}'"
        case .variableEnd: return "'}}'"
        case .string: return "tekst '\(token.text)'"
        case .text: return "tekst"
        default: return "'\(token.text)'"
        }
    }

    private mutating func nest(at token: Token) throws {
        depth += 1
        if depth > Parser.maximumNesting {
            throw error("te diep genest (meer dan \(Parser.maximumNesting) niveaus)", at: token)
        }
    }

    // MARK: - Statements

    /// Parses nodes until a block tag whose name is in `terminators`; returns that tag's name token
    /// (positioned after the name), or nil at the end of the template.
    private mutating func parseBody(until terminators: Set<String>) throws -> ([Node], Token?) {
        var nodes: [Node] = []
        while true {
            let token = current
            switch token.kind {
            case .end:
                return (nodes, nil)
            case .text:
                position += 1
                nodes.append(TextNode(token.text, location(token)))
            case .variableBegin:
                position += 1
                let expression = try parseExpression()
                guard current.kind == .variableEnd else {
                    throw error("'}}' verwacht, maar vond \(describe(current))", at: current)
                }
                position += 1
                nodes.append(OutputNode(expression, escape: autoescape, location(token)))
            case .blockBegin:
                position += 1
                let name = try expectName("een opdracht")
                if terminators.contains(name.text) { return (nodes, name) }
                if name.text.hasPrefix("end") || name.text == "else" || name.text == "elif" {
                    var message = "onverwacht '\(name.text)'"
                    let expected = terminators.filter { $0.hasPrefix("end") }.sorted()
                    message +=
                        expected.isEmpty
                        ? ": er is geen open blok dat hiermee eindigt"
                        : "; verwacht '\(expected.joined(separator: "' of '"))'"
                    throw error(message, at: name)
                }
                try nest(at: name)
                nodes.append(try parseStatement(name, begin: token))
                depth -= 1
            default:
                throw error("onverwacht \(describe(token))", at: token)
            }
        }
    }

    private mutating func parseStatement(_ name: Token, begin: Token) throws -> Node {
        let at = location(name)
        switch name.text {
        case "if": return try parseIf(at)
        case "for": return try parseFor(at)
        case "set": return try parseSet(at)
        case "block": return try parseBlock(at)
        case "extends":
            let template = try parseExpression()
            try expectBlockEnd()
            return ExtendsNode(template, at)
        case "include": return try parseInclude(at)
        case "import": return try parseImport(at)
        case "from": return try parseFromImport(at)
        case "macro": return try parseMacro(at)
        case "call": return try parseCallBlock(at)
        case "filter": return try parseFilterBlock(at)
        case "with": return try parseWith(at)
        case "autoescape": return try parseAutoescape(at)
        default:
            var message = "onbekende opdracht '\(name.text)'"
            let known = [
                "if", "for", "set", "block", "extends", "include", "import", "from", "macro", "call", "filter", "with",
                "raw", "autoescape",
            ]
            if let near = Suggestions.nearest(to: name.text, in: known) { message += "; bedoelde je '\(near)'?" }
            throw error(message, at: name)
        }
    }

    private mutating func requireEnd(_ end: Token?, _ expected: String, opened: Location) throws -> Token {
        guard let end else {
            let p = source.file.position(ofByteOffset: opened.offset)
            throw Diagnostic.error(
                "'\(expected)' ontbreekt voor het blok dat op regel \(p.line) begint", in: source.file,
                at: opened.offset, notes: ["het einde van de template kwam eerder"])
        }
        return end
    }

    private mutating func parseIf(_ at: Location) throws -> Node {
        var branches: [(condition: Expression, body: [Node])] = []
        var condition = try parseExpression()
        try expectBlockEnd()
        while true {
            let (body, end) = try parseBody(until: ["elif", "else", "endif"])
            let tag = try requireEnd(end, "{% endif %}", opened: at)
            branches.append((condition, body))
            switch tag.text {
            case "elif":
                condition = try parseExpression()
                try expectBlockEnd()
            case "else":
                try expectBlockEnd()
                let (otherwise, end) = try parseBody(until: ["endif"])
                _ = try requireEnd(end, "{% endif %}", opened: at)
                try expectBlockEnd()
                return IfNode(branches, otherwise: otherwise, at)
            default:
                try expectBlockEnd()
                return IfNode(branches, otherwise: [], at)
            }
        }
    }

    private mutating func parseTargets() throws -> Targets {
        var names: [String] = []
        let parenthesised = isOp("(")
        if parenthesised { position += 1 }
        repeat {
            if !names.isEmpty { position += 1 }
            if parenthesised && isOp(")") { break }
            names.append(try expectName().text)
        } while isOp(",")
        if parenthesised { try expectOp(")") }
        return Targets(names: names, symbols: names.map { environment.symbols.id($0) })
    }

    private mutating func parseFor(_ at: Location) throws -> Node {
        let targets = try parseTargets()
        try expectKeyword("in")
        let iterable = try parseExpression(allowConditional: false)
        var filter: Expression?
        if isName("if") {
            position += 1
            filter = try parseExpression()
        }
        var recursive = false
        if isName("recursive") {
            position += 1
            recursive = true
        }
        try expectBlockEnd()
        let (body, end) = try parseBody(until: ["else", "endfor"])
        let tag = try requireEnd(end, "{% endfor %}", opened: at)
        var otherwise: [Node] = []
        if tag.text == "else" {
            try expectBlockEnd()
            let (elseBody, end) = try parseBody(until: ["endfor"])
            _ = try requireEnd(end, "{% endfor %}", opened: at)
            otherwise = elseBody
        }
        try expectBlockEnd()
        return ForNode(
            targets, iterable, filter: filter, body: body, otherwise: otherwise, recursive: recursive,
            autoescape: autoescape, loopSymbol: environment.symbols.id("loop"), at)
    }

    private mutating func parseSet(_ at: Location) throws -> Node {
        // `set ns.attr = value`
        if current.kind == .name, tokens[position + 1].kind == .op, tokens[position + 1].text == "." {
            let object = advance()
            position += 1
            let attribute = try expectName("een attribuutnaam")
            try expectOp("=")
            let value = try parseExpression()
            try expectBlockEnd()
            let target = NameExpression(object.text, symbol: environment.symbols.id(object.text), location(object))
            return SetAttributeNode(target, attribute.text, value, at)
        }
        let targets = try parseTargets()
        if isOp("=") {
            position += 1
            var value = try parseExpression()
            if isOp(",") {
                var items = [value]
                while isOp(",") {
                    position += 1
                    items.append(try parseExpression())
                }
                value = ListExpression(items, tuple: true, value.location)
            }
            try expectBlockEnd()
            return SetNode(targets, value, at)
        }
        guard targets.names.count == 1 else { throw error("'=' verwacht", at: current) }
        var filters: [FilterExpression] = []
        var placeholder: Expression = Literal(.none, at)
        while isOp("|") {
            position += 1
            let filter = try parseFilter(placeholder)
            filters.append(filter)
            placeholder = filter
        }
        try expectBlockEnd()
        let (body, end) = try parseBody(until: ["endset"])
        _ = try requireEnd(end, "{% endset %}", opened: at)
        try expectBlockEnd()
        return SetBlockNode(symbol: targets.symbols[0], body: body, filters: filters, autoescape: autoescape, at)
    }

    private mutating func parseBlock(_ at: Location) throws -> Node {
        let name = try expectName("een blocknaam")
        var scoped = false
        while isName("scoped") || isName("required") {
            if current.text == "scoped" { scoped = true }
            position += 1
        }
        try expectBlockEnd()
        let (body, end) = try parseBody(until: ["endblock"])
        _ = try requireEnd(end, "{% endblock %}", opened: at)
        if current.kind == .name {
            let closing = advance()
            if closing.text != name.text {
                throw error("'endblock \(closing.text)' sluit block '\(name.text)' af", at: closing)
            }
        }
        try expectBlockEnd()
        if blocks[name.text] != nil { throw error("block '\(name.text)' staat twee keer in deze template", at: name) }
        let block = BlockNode(name: name.text, body: body, scoped: scoped, at)
        blocks[name.text] = block
        return block
    }

    private mutating func parseContextModifier(default defaultValue: Bool) throws -> Bool {
        if (isName("with") || isName("without")) && tokens[position + 1].kind == .name
            && tokens[position + 1].text == "context"
        {
            let with = current.text == "with"
            position += 2
            return with
        }
        return defaultValue
    }

    private mutating func parseInclude(_ at: Location) throws -> Node {
        let template = try parseExpression()
        var ignoreMissing = false
        if isName("ignore") && tokens[position + 1].text == "missing" {
            position += 2
            ignoreMissing = true
        }
        let withContext = try parseContextModifier(default: true)
        try expectBlockEnd()
        return IncludeNode(
            template, ignoreMissing: ignoreMissing, withContext: withContext,
            loopSymbol: environment.symbols.id("loop"), at)
    }

    private mutating func parseImport(_ at: Location) throws -> Node {
        let template = try parseExpression()
        try expectKeyword("as")
        let alias = try expectName()
        let withContext = try parseContextModifier(default: false)
        try expectBlockEnd()
        return ImportNode(template, alias: environment.symbols.id(alias.text), names: [], withContext: withContext, at)
    }

    private mutating func parseFromImport(_ at: Location) throws -> Node {
        let template = try parseExpression()
        try expectKeyword("import")
        var names: [(name: String, symbol: Int)] = []
        repeat {
            if !names.isEmpty { position += 1 }
            if isName("with") || isName("without") { break }
            let name = try expectName()
            var alias = name.text
            if isName("as") {
                position += 1
                alias = try expectName().text
            }
            names.append((name.text, environment.symbols.id(alias)))
        } while isOp(",")
        let withContext = try parseContextModifier(default: false)
        try expectBlockEnd()
        return ImportNode(template, alias: nil, names: names, withContext: withContext, at)
    }

    private mutating func parseParameters() throws -> [MacroParameter] {
        var parameters: [MacroParameter] = []
        try expectOp("(")
        while !isOp(")") {
            if !parameters.isEmpty { try expectOp(",") }
            if isOp(")") { break }
            let name = try expectName("een parameternaam")
            var defaultValue: Expression?
            if isOp("=") {
                position += 1
                defaultValue = try parseExpression()
            } else if parameters.last?.defaultValue != nil {
                throw error("parameter '\(name.text)' zonder standaardwaarde na een met standaardwaarde", at: name)
            }
            parameters.append(
                MacroParameter(name: name.text, symbol: environment.symbols.id(name.text), defaultValue: defaultValue))
        }
        position += 1
        return parameters
    }

    private mutating func parseMacro(_ at: Location) throws -> Node {
        let name = try expectName("een macronaam")
        let parameters = try parseParameters()
        try expectBlockEnd()
        let savedUsed = usedNames
        usedNames = []
        let (body, end) = try parseBody(until: ["endmacro"])
        let used = usedNames
        usedNames = savedUsed.union(used)
        _ = try requireEnd(end, "{% endmacro %}", opened: at)
        if current.kind == .name { position += 1 }
        try expectBlockEnd()
        return MacroNode(
            name: name.text, symbol: environment.symbols.id(name.text), parameters: parameters, body: body,
            autoescape: autoescape,
            uses: (used.contains("varargs"), used.contains("kwargs"), used.contains("caller")),
            symbols: (
                environment.symbols.id("varargs"), environment.symbols.id("kwargs"), environment.symbols.id("caller")
            ), at)
    }

    private mutating func parseCallBlock(_ at: Location) throws -> Node {
        var parameters: [MacroParameter] = []
        if isOp("(") { parameters = try parseParameters() }
        let start = current
        guard let call = try parseExpression() as? CallExpression else {
            throw error("'call' verwacht een macro-aanroep, zoals {% call kaart(x) %}", at: start)
        }
        try expectBlockEnd()
        let (body, end) = try parseBody(until: ["endcall"])
        _ = try requireEnd(end, "{% endcall %}", opened: at)
        try expectBlockEnd()
        return CallBlockNode(call: call, parameters: parameters, body: body, autoescape: autoescape, at)
    }

    private mutating func parseFilterBlock(_ at: Location) throws -> Node {
        var filters: [FilterExpression] = []
        var placeholder: Expression = Literal(.none, at)
        repeat {
            if !filters.isEmpty { position += 1 }
            let filter = try parseFilter(placeholder)
            filters.append(filter)
            placeholder = filter
        } while isOp("|")
        try expectBlockEnd()
        let (body, end) = try parseBody(until: ["endfilter"])
        _ = try requireEnd(end, "{% endfilter %}", opened: at)
        try expectBlockEnd()
        return FilterBlockNode(filters: filters, body: body, autoescape: autoescape, at)
    }

    /// `{% autoescape true %}…{% endautoescape %}`: the setting is fixed when the template compiles.
    private mutating func parseAutoescape(_ at: Location) throws -> Node {
        let start = current
        guard let literal = try parseExpression() as? Literal, case .bool(let enabled) = literal.value else {
            throw error("'autoescape' verwacht true of false", at: start)
        }
        try expectBlockEnd()
        let saved = autoescape
        autoescape = enabled
        defer { autoescape = saved }
        let (body, end) = try parseBody(until: ["endautoescape"])
        _ = try requireEnd(end, "{% endautoescape %}", opened: at)
        try expectBlockEnd()
        return SequenceNode(body, at)
    }

    private mutating func parseWith(_ at: Location) throws -> Node {
        var assignments: [(Int, Expression)] = []
        while current.kind != .blockEnd {
            if !assignments.isEmpty { try expectOp(",") }
            let name = try expectName()
            try expectOp("=")
            assignments.append((environment.symbols.id(name.text), try parseExpression()))
        }
        try expectBlockEnd()
        let (body, end) = try parseBody(until: ["endwith"])
        _ = try requireEnd(end, "{% endwith %}", opened: at)
        try expectBlockEnd()
        return WithNode(assignments, body: body, at)
    }

    // MARK: - Expressions

    mutating func parseExpression(allowConditional: Bool = true) throws -> Expression {
        try nest(at: current)
        defer { depth -= 1 }
        let start = current
        let value = try parseOr()
        if allowConditional && isName("if") {
            position += 1
            let condition = try parseOr()
            var otherwise: Expression?
            if isName("else") {
                position += 1
                otherwise = try parseExpression()
            }
            return ConditionalExpression(condition, value, otherwise, location(start))
        }
        return value
    }

    private mutating func parseOr() throws -> Expression {
        var left = try parseAnd()
        while isName("or") {
            let op = advance()
            left = OrExpression(left, try parseAnd(), location(op))
        }
        return left
    }

    private mutating func parseAnd() throws -> Expression {
        var left = try parseNot()
        while isName("and") {
            let op = advance()
            left = AndExpression(left, try parseNot(), location(op))
        }
        return left
    }

    private mutating func parseNot() throws -> Expression {
        if isName("not") {
            let op = advance()
            try nest(at: op)
            defer { depth -= 1 }
            return NotExpression(try parseNot(), location(op))
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws -> Expression {
        let first = try parseMath1()
        var rest: [(CompareExpression.Op, Expression)] = []
        while true {
            let op: CompareExpression.Op
            if current.kind == .op, let o = CompareExpression.Op(rawValue: current.text) {
                op = o
                position += 1
            } else if isName("in") {
                op = .isIn
                position += 1
            } else if isName("not") && tokens[position + 1].kind == .name && tokens[position + 1].text == "in" {
                op = .notIn
                position += 2
            } else {
                break
            }
            rest.append((op, try parseMath1()))
        }
        return rest.isEmpty ? first : CompareExpression(first, rest, first.location)
    }

    private mutating func parseMath1() throws -> Expression {
        var left = try parseConcat()
        while isOp("+") || isOp("-") {
            let op = advance()
            left = ArithmeticExpression(op.text == "+" ? .add : .subtract, left, try parseConcat(), location(op))
        }
        return left
    }

    private mutating func parseConcat() throws -> Expression {
        let first = try parseMath2()
        guard isOp("~") else { return first }
        var operands = [first]
        let op = current
        while isOp("~") {
            position += 1
            operands.append(try parseMath2())
        }
        return ConcatExpression(operands, autoescape: autoescape, location(op))
    }

    private mutating func parseMath2() throws -> Expression {
        var left = try parsePow()
        while isOp("*") || isOp("/") || isOp("//") || isOp("%") {
            let op = advance()
            left = ArithmeticExpression(Operators.Arithmetic(rawValue: op.text)!, left, try parsePow(), location(op))
        }
        return left
    }

    private mutating func parsePow() throws -> Expression {
        var left = try parseUnary()
        while isOp("**") {
            let op = advance()
            left = ArithmeticExpression(.power, left, try parseUnary(), location(op))
        }
        return left
    }

    private mutating func parseUnary(withFilters: Bool = true) throws -> Expression {
        var node: Expression
        if isOp("-") || isOp("+") {
            let op = advance()
            try nest(at: op)
            defer { depth -= 1 }
            node = NegateExpression(try parseUnary(withFilters: false), negate: op.text == "-", location(op))
        } else {
            node = try parsePostfix(try parsePrimary())
        }
        if withFilters { node = try parseFiltersAndTests(node) }
        return node
    }

    private mutating func parsePrimary() throws -> Expression {
        let token = current
        let at = location(token)
        switch token.kind {
        case .name:
            position += 1
            switch token.text {
            case "true", "True": return Literal(.bool(true), at)
            case "false", "False": return Literal(.bool(false), at)
            case "none", "None": return Literal(.none, at)
            case "super" where isOp("("):
                position += 1
                try expectOp(")")
                return SuperExpression(at)
            default:
                usedNames.insert(token.text)
                return NameExpression(token.text, symbol: environment.symbols.id(token.text), at)
            }
        case .string:
            var text = token.text
            position += 1
            while current.kind == .string { text += advance().text }
            return Literal(.string(text), at)
        case .integer:
            position += 1
            guard let value = Int(token.text) else { throw error("getal te groot: \(token.text)", at: token) }
            return Literal(.int(value), at)
        case .float:
            position += 1
            return Literal(.double(Double(token.text) ?? 0), at)
        case .op:
            switch token.text {
            case "(":
                position += 1
                if isOp(")") {
                    position += 1
                    return ListExpression([], tuple: true, at)
                }
                let first = try parseExpression()
                if isOp(",") {
                    var items = [first]
                    while isOp(",") {
                        position += 1
                        if isOp(")") { break }
                        items.append(try parseExpression())
                    }
                    try expectOp(")")
                    return ListExpression(items, tuple: true, at)
                }
                try expectOp(")")
                return first
            case "[":
                position += 1
                var items: [Expression] = []
                while !isOp("]") {
                    if !items.isEmpty { try expectOp(",") }
                    if isOp("]") { break }
                    items.append(try parseExpression())
                }
                position += 1
                return ListExpression(items, at)
            case "{":
                position += 1
                var pairs: [(Expression, Expression)] = []
                while !isOp("}") {
                    if !pairs.isEmpty { try expectOp(",") }
                    if isOp("}") { break }
                    let key = try parseExpression()
                    try expectOp(":")
                    pairs.append((key, try parseExpression()))
                }
                position += 1
                return DictExpression(pairs, at)
            default:
                break
            }
        default:
            break
        }
        throw error("expressie verwacht, maar vond \(describe(token))", at: token)
    }

    private mutating func parsePostfix(_ base: Expression) throws -> Expression {
        var node = base
        while true {
            if isOp(".") {
                let dot = advance()
                let token = current
                if token.kind == .name {
                    position += 1
                    node = AttributeExpression(node, token.text, location(token))
                } else if token.kind == .integer, let index = Int(token.text) {
                    position += 1
                    node = ItemExpression(node, Literal(.int(index), location(token)), location(token))
                } else {
                    throw error("attribuutnaam verwacht na '.'", at: dot)
                }
            } else if isOp("[") {
                let open = advance()
                node = try parseSubscript(node, open)
            } else if isOp("(") {
                let open = advance()
                _ = open
                node = CallExpression(node, try parseArguments(), node.location)
            } else {
                return node
            }
        }
    }

    private mutating func parseSubscript(_ target: Expression, _ open: Token) throws -> Expression {
        var parts: [Expression?] = [nil]
        var isSlice = false
        while !isOp("]") {
            if isOp(":") {
                position += 1
                isSlice = true
                parts.append(nil)
                continue
            }
            guard parts[parts.count - 1] == nil else { throw error("']' verwacht", at: current) }
            parts[parts.count - 1] = try parseExpression()
        }
        position += 1
        if !isSlice {
            guard let index = parts[0] else { throw error("index verwacht tussen [ ]", at: open) }
            return ItemExpression(target, index, location(open))
        }
        guard parts.count <= 3 else { throw error("een slice heeft hoogstens drie delen", at: open) }
        return SliceExpression(
            target, parts[0], parts.count > 1 ? parts[1] : nil, parts.count > 2 ? parts[2] : nil, location(open))
    }

    /// After `(`: positional and keyword arguments up to `)`.
    private mutating func parseArguments() throws -> ArgumentList {
        var arguments = ArgumentList()
        var first = true
        while !isOp(")") {
            if !first { try expectOp(",") }
            first = false
            if isOp(")") { break }
            if isOp("*") || isOp("**") {
                let star = advance()
                let value = try parseExpression()
                if star.text == "*" {
                    guard arguments.splat == nil else { throw error("maar één *argument per aanroep", at: star) }
                    arguments.splat = value
                } else {
                    guard arguments.keywordSplat == nil else {
                        throw error("maar één **argument per aanroep", at: star)
                    }
                    arguments.keywordSplat = value
                }
            } else if current.kind == .name, tokens[position + 1].kind == .op, tokens[position + 1].text == "=" {
                let name = advance()
                position += 1
                arguments.keyword.append((name.text, try parseExpression()))
            } else {
                if !arguments.keyword.isEmpty {
                    throw error("een positioneel argument na een benoemd argument", at: current)
                }
                arguments.positional.append(try parseExpression())
            }
        }
        position += 1
        return arguments
    }

    private mutating func parseFiltersAndTests(_ base: Expression) throws -> Expression {
        var node = base
        while true {
            if isOp("|") {
                position += 1
                node = try parseFilter(node)
            } else if isName("is") {
                position += 1
                node = try parseTest(node)
            } else {
                return node
            }
        }
    }

    private mutating func parseFilter(_ target: Expression) throws -> FilterExpression {
        let name = try expectName("een filternaam")
        guard let function = environment.filter(name.text) else {
            var message = "onbekend filter '\(name.text)'"
            if let near = Suggestions.nearest(to: name.text, in: environment.filterNames) {
                message += "; bedoelde je '\(near)'?"
            }
            throw error(message, at: name)
        }
        var arguments = ArgumentList()
        if isOp("(") {
            position += 1
            arguments = try parseArguments()
        }
        return FilterExpression(target, name.text, function, arguments, autoescape: autoescape, location(name))
    }

    private mutating func parseTest(_ target: Expression) throws -> Expression {
        var negated = false
        if isName("not") {
            position += 1
            negated = true
        }
        let name = try expectName("een testnaam")
        let testName: String
        switch name.text {
        case "none", "None": testName = "none"
        case "true", "True": testName = "true"
        case "false", "False": testName = "false"
        default: testName = name.text
        }
        guard let function = environment.test(testName) else {
            var message = "onbekende test '\(name.text)'"
            if let near = Suggestions.nearest(to: name.text, in: environment.testNames) {
                message += "; bedoelde je '\(near)'?"
            }
            throw error(message, at: name)
        }
        var arguments = ArgumentList()
        if isOp("(") {
            position += 1
            arguments = try parseArguments()
        } else if startsPrimary(current) {
            arguments.positional = [try parsePostfix(try parsePrimary())]
        }
        return TestExpression(target, testName, function, arguments, negated: negated, location(name))
    }

    private func startsPrimary(_ token: Token) -> Bool {
        switch token.kind {
        case .string, .integer, .float: return true
        case .name: return !["else", "or", "and", "if", "is", "in", "not"].contains(token.text)
        case .op: return token.text == "[" || token.text == "{"
        default: return false
        }
    }
}
