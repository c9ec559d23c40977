import Diagnostics

/// Scalars: plain (with line folding and type resolution), quoted, and literal/folded block scalars.
extension YAMLParser {
    /// Parses a scalar or flow collection that starts at `pos`. Indicators that start features we do not
    /// support are errors here, so every unsupported feature is named in one place.
    mutating func parseInlineNode(parentIndent: Int, inFlow: Bool) throws -> YAMLNode {
        multilineQuote = nil
        let c = peek()
        switch c {
        case Byte.quote, Byte.apostrophe:
            let start = mark()
            let text = try scanQuoted(double: c == Byte.quote)
            // Remembered for the hint when something unexpected follows: a quote left open usually ends
            // at the next quote, lines later.
            multilineQuote = start.line != lineIndex + source.firstLine ? start : nil
            return node(.string(text), start)
        case Byte.openBracket:
            return try parseFlowSequence()
        case Byte.openBrace:
            return try parseFlowMapping()
        case Byte.ampersand:
            throw error("ankers ('&naam') worden niet ondersteund; herhaal de waarde", at: pos)
        case Byte.asterisk:
            throw error("verwijzingen ('*naam') worden niet ondersteund; herhaal de waarde", at: pos)
        case Byte.exclamation:
            throw error(
                "tags ('!') worden niet ondersteund; zet de waarde tussen aanhalingstekens als het tekst is", at: pos)
        case Byte.at, Byte.backtick:
            throw error(
                "\(describeCurrent()) kan een waarde niet beginnen; zet de waarde tussen aanhalingstekens", at: pos)
        case Byte.percent:
            throw error("'%' kan een waarde niet beginnen; zet de waarde tussen aanhalingstekens", at: pos)
        case Byte.pipe, Byte.greater:
            if inFlow {
                throw error("een blokscalair ('|' of '>') kan niet binnen [ ] of { } staan", at: pos)
            }
            return try parseBlockScalar(parentIndent: parentIndent)
        case Byte.comma, Byte.closeBracket, Byte.closeBrace:
            throw error("waarde verwacht, maar vond \(describeCurrent())", at: pos)
        case Byte.question where isWhiteOrEnd(pos + 1):
            throw error("complexe sleutels ('? ') worden niet ondersteund", at: pos)
        case Byte.colon where isWhiteOrEnd(pos + 1) || (inFlow && Byte.isFlowIndicator(peek(1))):
            throw error("sleutel ontbreekt voor ':'", at: pos)
        case Byte.dash where isWhiteOrEnd(pos + 1):
            throw error("een lijst-item '- ' kan hier niet staan", at: pos)
        default:
            return try parsePlain(parentIndent: parentIndent, inFlow: inFlow)
        }
    }

    // MARK: Plain scalars

    /// Scans a plain scalar, folding continuation lines (more indented than the parent in block context),
    /// and resolves its type.
    mutating func parsePlain(parentIndent: Int, inFlow: Bool) throws -> YAMLNode {
        let start = mark()
        var folded: [UInt8]? = nil
        var segmentStart = pos
        while true {
            // One line of the scalar: up to ': ', ' #', the line end, or (in flow) a flow indicator.
            var contentEnd = pos
            while pos < end {
                let c = bytes[pos]
                if Byte.isBreak(c) { break }
                if c == Byte.colon {
                    let next = peek(1)
                    if isWhiteOrEnd(pos + 1) || (inFlow && Byte.isFlowIndicator(next)) { break }
                } else if c == Byte.hash {
                    if pos > segmentStart && Byte.isBlank(bytes[pos - 1]) { break }
                } else if inFlow && Byte.isFlowIndicator(c) {
                    break
                }
                pos += 1
                if !Byte.isBlank(c) { contentEnd = pos }
            }
            if folded != nil {
                folded!.append(contentsOf: bytes[segmentStart..<contentEnd])
            }
            guard pos < end && Byte.isBreak(bytes[pos]) else { break }
            // At a line end: look ahead for a continuation line.
            let saved = (pos, lineIndex, lineStart)
            pos = contentEnd
            var breaks = 0
            while pos < end {
                let c = bytes[pos]
                if Byte.isBlank(c) {
                    pos += 1
                } else if Byte.isBreak(c) {
                    consumeBreak()
                    breaks += 1
                } else {
                    break
                }
            }
            let continues =
                pos < end && breaks > 0 && bytes[pos] != Byte.hash && !atDocumentMarker
                && (inFlow || column > parentIndent) && !(inFlow && Byte.isFlowIndicator(bytes[pos]))
                && !(bytes[pos] == Byte.colon && isWhiteOrEnd(pos + 1))
            if !continues {
                (pos, lineIndex, lineStart) = saved
                pos = contentEnd
                break
            }
            try checkIndentation()
            if folded == nil { folded = Array(bytes[segmentStart..<contentEnd]) }
            if breaks == 1 {
                folded!.append(Byte.space)
            } else {
                folded!.append(contentsOf: repeatElement(Byte.lf, count: breaks - 1))
            }
            segmentStart = pos
        }
        if let folded {
            // Several lines: the folded text, typed like PyYAML does (nearly always a string).
            return try folded.withUnsafeBufferPointer { try resolve($0, start: start) }
        }
        return try resolve(
            UnsafeBufferPointer(rebasing: bytes[segmentStart..<pos]).trimmingTrailingBlanks(), start: start)
    }

    private func resolve(_ text: UnsafeBufferPointer<UInt8>, start: Mark) throws -> YAMLNode {
        // Most text starts with a byte no typed value can start with: skip the resolver for it.
        if let first = text.first, !YAMLScalarResolver.mayBeTyped(first) {
            return node(.string(String(decoding: text, as: UTF8.self)), start)
        }
        switch YAMLScalarResolver.resolve(text) {
        case .string:
            return node(.string(String(decoding: text, as: UTF8.self)), start)
        case .value(let value):
            return node(value, start)
        case .error(let message):
            throw error(message, at: start.offset)
        }
    }

    // MARK: Quoted scalars

    /// Scans a single- or double-quoted scalar at `pos`; line breaks fold to spaces (empty lines to `\n`).
    mutating func scanQuoted(double: Bool) throws -> String {
        let open = pos
        let closing = double ? Byte.quote : Byte.apostrophe
        pos += 1
        // Fast path: no escapes and no line breaks.
        var i = pos
        while i < end {
            let c = bytes[i]
            if c == closing {
                if !double && i + 1 < end && bytes[i + 1] == Byte.apostrophe { break }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[pos..<i]), as: UTF8.self)
                pos = i + 1
                return text
            }
            if (double && c == Byte.backslash) || Byte.isBreak(c) { break }
            i += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(i - pos + 16)
        // out[..<keep] survives the trimming of trailing white space at a line fold.
        var keep = 0
        while true {
            guard pos < end else { throw unterminated(open, double: double) }
            let c = bytes[pos]
            if c == closing {
                if !double && peek(1) == Byte.apostrophe {
                    out.append(Byte.apostrophe)
                    pos += 2
                    keep = out.count
                    continue
                }
                pos += 1
                break
            }
            if double && c == Byte.backslash {
                if Byte.isBreak(peek(1)) {
                    // An escaped line break joins the lines without a space.
                    pos += 1
                    consumeBreak()
                    let breaks = try skipFoldedBreaks(open: open, double: double)
                    out.append(contentsOf: repeatElement(Byte.lf, count: breaks))
                } else {
                    try scanEscape(into: &out)
                }
                keep = out.count
                continue
            }
            if Byte.isBreak(c) {
                out.removeSubrange(keep...)
                consumeBreak()
                let breaks = try skipFoldedBreaks(open: open, double: double)
                if breaks == 0 {
                    out.append(Byte.space)
                } else {
                    out.append(contentsOf: repeatElement(Byte.lf, count: breaks))
                }
                keep = out.count
                continue
            }
            out.append(c)
            pos += 1
            if !Byte.isBlank(c) { keep = out.count }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// After a line break inside quotes: skips leading blanks and empty lines, returning how many empty lines.
    private mutating func skipFoldedBreaks(open: Int, double: Bool) throws -> Int {
        var breaks = 0
        while true {
            skipBlanks()
            if atDocumentMarker { throw unterminated(open, double: double) }
            guard pos < end && Byte.isBreak(bytes[pos]) else { return breaks }
            consumeBreak()
            breaks += 1
        }
    }

    private func unterminated(_ open: Int, double: Bool) -> Diagnostic {
        let q = double ? "\"" : "'"
        return error("aanhalingsteken \(q) wordt niet gesloten; voeg een \(q) toe aan het einde van de tekst", at: open)
    }

    /// Scans one escape sequence (`pos` at the backslash) of a double-quoted scalar.
    private mutating func scanEscape(into out: inout [UInt8]) throws {
        let start = pos
        let c = peek(1)
        pos += 2
        let simple: UInt8?
        switch c {
        case UInt8(ascii: "0"): simple = 0
        case UInt8(ascii: "a"): simple = 0x07
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "t"), Byte.tab: simple = 0x09
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "v"): simple = 0x0B
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "e"): simple = 0x1B
        case Byte.space: simple = 0x20
        case Byte.quote: simple = Byte.quote
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case Byte.backslash: simple = Byte.backslash
        default: simple = nil
        }
        if let simple {
            out.append(simple)
            return
        }
        let scalarValue: UInt32
        switch c {
        case UInt8(ascii: "N"): scalarValue = 0x85
        case UInt8(ascii: "_"): scalarValue = 0xA0
        case UInt8(ascii: "L"): scalarValue = 0x2028
        case UInt8(ascii: "P"): scalarValue = 0x2029
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = c == UInt8(ascii: "x") ? 2 : c == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let d = hexValue(peek()) else {
                    throw error(
                        "onvolledige escape: '\\\(Character(Unicode.Scalar(c)))' heeft \(digits) hexadecimale cijfers nodig",
                        at: start)
                }
                value = value << 4 | d
                pos += 1
            }
            scalarValue = value
        default:
            pos = start
            throw error(
                "onbekende escape \(describeEscape(at: start)) in tekst tussen dubbele aanhalingstekens; schrijf '\\\\' voor een backslash",
                at: start)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw error("escape geeft geen geldig Unicode-teken", at: start)
        }
        out.append(contentsOf: String(Character(scalar)).utf8)
    }

    private func describeEscape(at offset: Int) -> String {
        var i = offset + 1
        if i < end { i += 1 }
        while i < end && bytes[i] & 0xC0 == 0x80 { i += 1 }
        return "'" + String(decoding: bytes[offset..<i], as: UTF8.self) + "'"
    }

    private func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    // MARK: Block scalars

    /// Parses a literal (`|`) or folded (`>`) block scalar at `pos`, with its chomping (`-`, `+`) and
    /// indentation (`1`–`9`) indicators. Content is indented more than `parentIndent`.
    mutating func parseBlockScalar(parentIndent: Int) throws -> YAMLNode {
        let start = mark()
        let folded = peek() == Byte.greater
        pos += 1
        var chomping = 0  // -1 strip, 0 clip, +1 keep
        var increment: Int? = nil
        var sawChomping = false
        for _ in 0..<2 {
            let c = peek()
            if (c == Byte.dash || c == UInt8(ascii: "+")) && !sawChomping {
                chomping = c == Byte.dash ? -1 : 1
                sawChomping = true
                pos += 1
            } else if c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") && increment == nil {
                increment = Int(c - UInt8(ascii: "0"))
                pos += 1
            } else if c == UInt8(ascii: "0") {
                throw error("inspringing 0 is ongeldig na '|' of '>'; gebruik 1 tot 9", at: pos)
            } else {
                break
            }
        }
        let headerEnd = pos
        skipBlanks()
        if peek() == Byte.hash && pos > headerEnd { skipToEndOfLine() }
        guard atEnd || Byte.isBreak(peek()) else {
            throw error(
                "na '\(folded ? ">" : "|")' mogen alleen '-', '+', een cijfer en commentaar staan; de tekst begint op de volgende regel",
                at: pos)
        }
        consumeBreak()

        let minIndent = max(parentIndent + 1, 1)
        var indent: Int
        var breaks: Int
        if let increment {
            indent = minIndent + increment - 1
            breaks = scanBlockBreaks(indent: indent)
        } else {
            // Auto-detect: the indentation of the first non-empty line (or the deepest leading empty one).
            breaks = 0
            var maxIndent = 0
            while pos < end {
                let c = bytes[pos]
                if c == Byte.space {
                    pos += 1
                    maxIndent = max(maxIndent, column)
                } else if Byte.isBreak(c) {
                    consumeBreak()
                    breaks += 1
                } else {
                    break
                }
            }
            indent = max(minIndent, maxIndent)
        }

        var out: [UInt8] = []
        var lineBreak = false
        while column == indent && pos < end {
            out.append(contentsOf: repeatElement(Byte.lf, count: breaks))
            let leadingNonBlank = !Byte.isBlank(bytes[pos])
            let lineContentStart = pos
            skipToEndOfLine()
            out.append(contentsOf: bytes[lineContentStart..<pos])
            lineBreak = pos < end
            consumeBreak()
            breaks = scanBlockBreaks(indent: indent)
            guard column == indent && pos < end else { break }
            if folded && lineBreak && leadingNonBlank && !Byte.isBlank(bytes[pos]) {
                if breaks == 0 { out.append(Byte.space) }
            } else {
                out.append(Byte.lf)
            }
        }
        if chomping != -1 && lineBreak { out.append(Byte.lf) }
        if chomping == 1 { out.append(contentsOf: repeatElement(Byte.lf, count: breaks)) }
        return node(.string(String(decoding: out, as: UTF8.self)), start)
    }

    /// Skips the indentation (up to `indent` spaces) of empty lines, returning how many line breaks it passed.
    private mutating func scanBlockBreaks(indent: Int) -> Int {
        var breaks = 0
        while column < indent && peek() == Byte.space { pos += 1 }
        while pos < end && Byte.isBreak(bytes[pos]) {
            consumeBreak()
            breaks += 1
            while column < indent && peek() == Byte.space { pos += 1 }
        }
        return breaks
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The buffer without trailing spaces and tabs.
    func trimmingTrailingBlanks() -> UnsafeBufferPointer<UInt8> {
        var n = count
        while n > 0 && Byte.isBlank(self[n - 1]) { n -= 1 }
        return UnsafeBufferPointer(rebasing: self[0..<n])
    }
}
