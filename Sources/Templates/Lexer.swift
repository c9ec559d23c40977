import Diagnostics

/// One token of a template: literal text, a tag delimiter, or a piece of an expression.
struct Token {
    enum Kind: Equatable {
        case text, blockBegin, blockEnd, variableBegin, variableEnd
        case name, string, integer, float, op
        case end
    }

    var kind: Kind
    /// Byte offset where the token starts, for diagnostics.
    var offset: Int
    /// The decoded text: literal text, a name, a string literal's value, an operator, a number's digits.
    var text: String
}

/// Splits a template into tokens, working on its UTF-8 bytes. Handles comments, `raw`, whitespace
/// control (`{%-`, `-%}`) and Jinja's default of dropping one trailing newline.
struct Lexer {
    let source: SourceFile
    private let bytes: [UInt8]
    private var index = 0
    private var tokens: [Token] = []
    /// Set by a closing `-%}`: the next text loses its leading whitespace.
    private var stripNextLeading = false

    init(source: SourceFile) {
        self.source = source
        var bytes = source.bytes
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        }
        self.bytes = bytes
    }

    private static let lbrace = UInt8(ascii: "{"), percent = UInt8(ascii: "%"), hash = UInt8(ascii: "#")
    private static let minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+"), rbrace = UInt8(ascii: "}")

    mutating func tokenize() throws -> [Token] {
        while index < bytes.count {
            // Find the next tag opener.
            var scan = index
            var opener: UInt8 = 0
            while scan + 1 < bytes.count {
                if bytes[scan] == Self.lbrace {
                    let next = bytes[scan + 1]
                    if next == Self.lbrace || next == Self.percent || next == Self.hash {
                        opener = next
                        break
                    }
                }
                scan += 1
            }
            if opener == 0 {
                emitText(from: index, to: bytes.count, stripTrailing: false)
                index = bytes.count
                break
            }
            let stripBefore = scan + 2 < bytes.count && bytes[scan + 2] == Self.minus
            emitText(from: index, to: scan, stripTrailing: stripBefore)
            let tagStart = scan
            index = scan + 2
            if index < bytes.count && (bytes[index] == Self.minus || bytes[index] == Self.plus) { index += 1 }
            switch opener {
            case Self.hash:
                try skipComment(start: tagStart)
            case Self.lbrace:
                tokens.append(Token(kind: .variableBegin, offset: tagStart, text: "{{"))
                try lexExpression(until: Self.rbrace, start: tagStart)
            default:
                if try lexRaw(start: tagStart) { continue }
                tokens.append(Token(kind: .blockBegin, offset: tagStart, text: "{%"))
                try lexExpression(until: Self.percent, start: tagStart)
            }
        }
        tokens.append(Token(kind: .end, offset: bytes.count, text: ""))
        return tokens
    }

    private func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B
    }

    private mutating func emitText(from start: Int, to end: Int, stripTrailing: Bool) {
        var start = start
        var end = end
        if stripNextLeading {
            while start < end && isSpace(bytes[start]) { start += 1 }
            stripNextLeading = false
        }
        if stripTrailing {
            while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        }
        if end > start {
            var text = String(decoding: bytes[start..<end], as: UTF8.self)
            if bytes[start..<end].contains(0x0D) {
                // Jinja2 normalises line breaks in template text to "\n".
                text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            }
            tokens.append(Token(kind: .text, offset: start, text: text))
        }
    }

    /// After `{#`: skip to `#}`, honouring `-#}`.
    private mutating func skipComment(start: Int) throws {
        while index + 1 < bytes.count {
            if bytes[index] == Self.hash && bytes[index + 1] == Self.rbrace {
                stripNextLeading = index > 0 && bytes[index - 1] == Self.minus
                index += 2
                return
            }
            index += 1
        }
        throw Diagnostic.error("commentaar zonder einde: '#}' ontbreekt", in: source, at: start)
    }

    /// `{% raw %}…{% endraw %}`: everything between is literal text. Returns false if this is not a raw tag.
    private mutating func lexRaw(start: Int) throws -> Bool {
        var i = index
        while i < bytes.count && isSpace(bytes[i]) { i += 1 }
        guard matches("raw", at: i) else { return false }
        var j = i + 3
        while j < bytes.count && isSpace(bytes[j]) { j += 1 }
        var stripAfterOpen = false
        if j < bytes.count && bytes[j] == Self.minus {
            stripAfterOpen = true
            j += 1
        }
        guard j + 1 < bytes.count, bytes[j] == Self.percent, bytes[j + 1] == Self.rbrace else { return false }
        let bodyStart = j + 2
        // Find `{%[-] endraw [-]%}`.
        var k = bodyStart
        while k + 1 < bytes.count {
            if bytes[k] == Self.lbrace && bytes[k + 1] == Self.percent {
                var m = k + 2
                let stripBeforeClose = m < bytes.count && bytes[m] == Self.minus
                if m < bytes.count && (bytes[m] == Self.minus || bytes[m] == Self.plus) { m += 1 }
                while m < bytes.count && isSpace(bytes[m]) { m += 1 }
                if matches("endraw", at: m) {
                    m += 6
                    while m < bytes.count && isSpace(bytes[m]) { m += 1 }
                    var stripAfterClose = false
                    if m < bytes.count && bytes[m] == Self.minus {
                        stripAfterClose = true
                        m += 1
                    }
                    if m + 1 < bytes.count && bytes[m] == Self.percent && bytes[m + 1] == Self.rbrace {
                        stripNextLeading = stripAfterOpen
                        emitText(from: bodyStart, to: k, stripTrailing: stripBeforeClose)
                        stripNextLeading = stripAfterClose
                        index = m + 2
                        return true
                    }
                }
            }
            k += 1
        }
        throw Diagnostic.error("'raw' zonder 'endraw'", in: source, at: start)
    }

    private func matches(_ word: String, at i: Int) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count else { return false }
        for n in 0..<w.count where bytes[i + n] != w[n] { return false }
        if i + w.count < bytes.count, isNameByte(bytes[i + w.count]) { return false }
        return true
    }

    private func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b >= 0x80
    }

    private func isNameByte(_ b: UInt8) -> Bool { isNameStart(b) || (b >= 0x30 && b <= 0x39) }

    /// Tokens of an expression up to the closing `}}` or `%}` (`close` is `}` or `%`).
    private mutating func lexExpression(until close: UInt8, start: Int) throws {
        var depth = 0
        while true {
            while index < bytes.count && isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else {
                let closer = close == Self.rbrace ? "}}" : "%}"
                throw Diagnostic.error("tag zonder einde: '\(closer)' ontbreekt", in: source, at: start)
            }
            let b = bytes[index]
            // The closer, optionally with `-` before it.
            if depth == 0 {
                var c = index
                var strip = false
                if b == Self.minus && c + 1 < bytes.count && bytes[c + 1] == close {
                    strip = true
                    c += 1
                }
                if bytes[c] == close && c + 1 < bytes.count && bytes[c + 1] == Self.rbrace {
                    tokens.append(Token(kind: close == Self.rbrace ? .variableEnd : .blockEnd, offset: index, text: ""))
                    index = c + 2
                    stripNextLeading = strip
                    return
                }
            }
            let tokenStart = index
            if isNameStart(b) {
                while index < bytes.count && isNameByte(bytes[index]) { index += 1 }
                tokens.append(
                    Token(
                        kind: .name, offset: tokenStart,
                        text: String(decoding: bytes[tokenStart..<index], as: UTF8.self)))
            } else if b >= 0x30 && b <= 0x39 {
                try lexNumber()
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                try lexString(quote: b)
            } else {
                if depth == 0 && b == Self.rbrace {
                    let closer = close == Self.rbrace ? "}}" : "%}"
                    throw Diagnostic.error(
                        "een enkele '}' sluit de tag niet af; gebruik '\(closer)'", in: source, at: index)
                }
                let op = try lexOperator()
                if op == "(" || op == "[" || op == "{" { depth += 1 }
                if op == ")" || op == "]" || op == "}" { depth = max(0, depth - 1) }
                tokens.append(Token(kind: .op, offset: tokenStart, text: op))
            }
        }
    }

    private mutating func lexNumber() throws {
        let start = index
        var isFloat = false
        func digits() {
            while index < bytes.count && ((bytes[index] >= 0x30 && bytes[index] <= 0x39) || bytes[index] == 0x5F) {
                index += 1
            }
        }
        digits()
        if index + 1 < bytes.count && bytes[index] == UInt8(ascii: ".") && bytes[index + 1] >= 0x30
            && bytes[index + 1] <= 0x39
        {
            isFloat = true
            index += 1
            digits()
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            var j = index + 1
            if j < bytes.count && (bytes[j] == Self.plus || bytes[j] == Self.minus) { j += 1 }
            if j < bytes.count && bytes[j] >= 0x30 && bytes[j] <= 0x39 {
                isFloat = true
                index = j
                digits()
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self).replacingOccurrences(of: "_", with: "")
        tokens.append(Token(kind: isFloat ? .float : .integer, offset: start, text: text))
    }

    private mutating func lexString(quote: UInt8) throws {
        let start = index
        index += 1
        var value: [UInt8] = []
        while index < bytes.count {
            let b = bytes[index]
            if b == quote {
                index += 1
                tokens.append(Token(kind: .string, offset: start, text: String(decoding: value, as: UTF8.self)))
                return
            }
            if b == UInt8(ascii: "\\") && index + 1 < bytes.count {
                let e = bytes[index + 1]
                index += 2
                switch e {
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "r"): value.append(0x0D)
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): value.append(e)
                default:
                    value.append(UInt8(ascii: "\\"))
                    value.append(e)
                }
                continue
            }
            value.append(b)
            index += 1
        }
        throw Diagnostic.error("tekst zonder afsluitend aanhalingsteken", in: source, at: start)
    }

    private static let operators: [String] = [
        "//", "**", "==", "!=", "<=", ">=",
        "+", "-", "*", "/", "%", "~", "<", ">", "=", "(", ")", "[", "]", "{", "}", ".", ",", ":", "|",
    ]

    private mutating func lexOperator() throws -> String {
        for op in Self.operators {
            let u = Array(op.utf8)
            if index + u.count <= bytes.count && (0..<u.count).allSatisfy({ bytes[index + $0] == u[$0] }) {
                index += u.count
                return op
            }
        }
        let scalarText = String(decoding: bytes[index..<min(bytes.count, index + 4)], as: UTF8.self).prefix(1)
        throw Diagnostic.error("onverwacht teken '\(scalarText)' in expressie", in: source, at: index)
    }
}
