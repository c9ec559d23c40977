import Diagnostics

/// ASCII bytes the YAML reader looks at, named so the parser reads like the grammar.
enum Byte {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22  // "
    static let hash: UInt8 = 0x23  // #
    static let percent: UInt8 = 0x25  // %
    static let ampersand: UInt8 = 0x26  // &
    static let apostrophe: UInt8 = 0x27  // '
    static let asterisk: UInt8 = 0x2A  // *
    static let comma: UInt8 = 0x2C  // ,
    static let dash: UInt8 = 0x2D  // -
    static let dot: UInt8 = 0x2E  // .
    static let colon: UInt8 = 0x3A  // :
    static let greater: UInt8 = 0x3E  // >
    static let question: UInt8 = 0x3F  // ?
    static let at: UInt8 = 0x40  // @
    static let openBracket: UInt8 = 0x5B  // [
    static let backslash: UInt8 = 0x5C  // \
    static let closeBracket: UInt8 = 0x5D  // ]
    static let backtick: UInt8 = 0x60  // `
    static let openBrace: UInt8 = 0x7B  // {
    static let pipe: UInt8 = 0x7C  // |
    static let closeBrace: UInt8 = 0x7D  // }
    static let exclamation: UInt8 = 0x21  // !

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == space || c == tab }
    @inline(__always) static func isBreak(_ c: UInt8) -> Bool { c == lf || c == cr }
    @inline(__always) static func isFlowIndicator(_ c: UInt8) -> Bool {
        c == comma || c == openBracket || c == closeBracket || c == openBrace || c == closeBrace
    }
}

/// A position in the source: the byte offset (for diagnostics) and the 1-based line and column of nodes.
struct Mark {
    var offset: Int
    var line: Int
    var column: Int
}

/// The recursive-descent reader behind `YAMLReader`. It works on the UTF-8 bytes of one document and tracks
/// the current line itself, so that node positions cost no search. Indentation is measured in bytes, which
/// is exact because only spaces, `- ` and `? ` can precede a node on its line.
///
/// The block structure lives in `YAMLParser+Block.swift`, flow collections in `YAMLParser+Flow.swift`
/// and scalars in `YAMLParser+Scalars.swift`.
struct YAMLParser {
    let source: SourceFile
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    /// The current byte offset.
    var pos = 0
    /// 0-based index of the line `pos` is on, and the offset where that line starts.
    var lineIndex = 0
    var lineStart = 0
    /// Where the last quoted scalar started, when it spanned several lines.
    var multilineQuote: Mark?
    /// The last offset a column was computed for, and that column (see `mark(at:)`).
    var columnCacheOffset = -1
    var columnCacheValue = 1
    /// How many collections enclose the current position; bounded so hostile input cannot exhaust the stack.
    var depth = 0
    static let maxDepth = 200

    init(source: SourceFile, bytes: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.bytes = bytes
        self.end = bytes.count
    }

    // MARK: Looking at bytes

    /// The byte `k` ahead of the current one, or 0 past the end (the text check rejects NUL bytes).
    @inline(__always) func peek(_ k: Int = 0) -> UInt8 {
        let i = pos + k
        return i < end ? bytes[i] : 0
    }

    @inline(__always) var atEnd: Bool { pos >= end }

    /// Whether the byte at `i` is a space, tab, line break or the end of input.
    @inline(__always) func isWhiteOrEnd(_ i: Int) -> Bool {
        guard i < end else { return true }
        let c = bytes[i]
        return c == Byte.space || c == Byte.tab || c == Byte.lf || c == Byte.cr
    }

    /// The indentation column (0-based, in bytes) of the current position.
    @inline(__always) var column: Int { pos - lineStart }

    /// `- ` (or `-` at the end of a line): a block sequence entry.
    var atSequenceEntry: Bool { peek() == Byte.dash && isWhiteOrEnd(pos + 1) }

    /// `---` or `...` at the start of a line, followed by white space or the end.
    var atDocumentMarker: Bool {
        guard pos == lineStart, pos + 2 < end else { return false }
        let c = bytes[pos]
        guard c == Byte.dash || c == Byte.dot, bytes[pos + 1] == c, bytes[pos + 2] == c else { return false }
        return isWhiteOrEnd(pos + 3)
    }

    // MARK: Moving

    /// Consumes one line break (`\n` or `\r\n`) and starts a new line.
    @inline(__always) mutating func consumeBreak() {
        if pos < end && bytes[pos] == Byte.cr { pos += 1 }
        if pos < end && bytes[pos] == Byte.lf {
            pos += 1
            lineIndex += 1
            lineStart = pos
        }
    }

    /// Skips spaces and tabs on the current line.
    @inline(__always) mutating func skipBlanks() {
        while pos < end && Byte.isBlank(bytes[pos]) { pos += 1 }
    }

    /// Skips to the end of the current line (not past the line break).
    mutating func skipToEndOfLine() {
        while pos < end && !Byte.isBreak(bytes[pos]) { pos += 1 }
    }

    /// Skips blanks, comments and line breaks up to the next token. A tab in the indentation before a token
    /// is an error: YAML forbids it, and it would make the structure depend on the editor's tab width.
    mutating func skipToNextToken() throws {
        while pos < end {
            let c = bytes[pos]
            if c == Byte.space || c == Byte.tab {
                pos += 1
            } else if c == Byte.hash {
                skipToEndOfLine()
            } else if Byte.isBreak(c) {
                consumeBreak()
            } else {
                break
            }
        }
        if pos < end { try checkIndentation() }
    }

    /// Throws when the token at `pos` is the first on its line and a tab precedes it.
    func checkIndentation() throws {
        var i = lineStart
        var tab = -1
        while i < pos {
            let c = bytes[i]
            if c == Byte.tab {
                if tab < 0 { tab = i }
            } else if c != Byte.space {
                return
            }
            i += 1
        }
        if tab >= 0 {
            throw error("tab gebruikt voor inspringing; YAML staat alleen spaties toe", at: tab)
        }
    }

    /// Enters a collection at the current position; throws when nesting is unreasonably deep.
    /// `firstKey` is the first key of a block mapping, where the error then points.
    mutating func enterCollection(firstKey: YAMLNode? = nil) throws {
        depth += 1
        guard depth > Self.maxDepth else { return }
        let message = "meer dan \(Self.maxDepth) geneste lijsten en mappings; zo diep nest geen redacteur"
        if let key = firstKey {
            throw Diagnostic(
                .error, message, file: source.name, line: key.line, column: key.column,
                sourceLine: source.lineText(key.line))
        }
        throw error(message, at: pos)
    }

    // MARK: Positions and errors

    /// The mark of the current position.
    mutating func mark() -> Mark {
        mark(at: pos)
    }

    /// The mark of an offset on the current line. The column is counted on from the previous mark on the
    /// same line, so a long line with many values (minified JSON) stays linear.
    mutating func mark(at offset: Int) -> Mark {
        if columnCacheOffset < lineStart || columnCacheOffset > offset {
            columnCacheOffset = lineStart
            columnCacheValue = 1
        }
        var i = columnCacheOffset
        var column = columnCacheValue
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        columnCacheOffset = offset
        columnCacheValue = column
        return Mark(offset: offset, line: lineIndex + source.firstLine, column: column)
    }

    @inline(__always) func node(_ value: YAMLValue, _ mark: Mark) -> YAMLNode {
        YAMLNode(value, line: mark.line, column: mark.column)
    }

    func error(_ message: String, at offset: Int) -> Diagnostic {
        Diagnostic.error(message, in: source, at: offset)
    }

    /// An error about what follows a value; mentions a quote opened lines earlier, the usual cause.
    func errorAfterValue(_ message: String, at offset: Int) -> Diagnostic {
        var notes: [String] = []
        if let quote = multilineQuote {
            notes.append(
                "het aanhalingsteken op regel \(quote.line), kolom \(quote.column) wordt pas vlak hiervoor gesloten; "
                    + "ontbreekt daar een afsluitend aanhalingsteken?")
        }
        return Diagnostic.error(message, in: source, at: offset, notes: notes)
    }

    /// Names a byte for an error message: `'x'`, or a description for line ends and the end of input.
    func describeCurrent() -> String {
        guard pos < end else { return "het einde van het bestand" }
        let c = bytes[pos]
        if Byte.isBreak(c) { return "het einde van de regel" }
        var i = pos + 1
        while i < end && bytes[i] & 0xC0 == 0x80 { i += 1 }
        return "'" + String(decoding: bytes[pos..<i], as: UTF8.self) + "'"
    }
}
