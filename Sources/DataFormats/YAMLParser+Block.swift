import Diagnostics

/// The document and its block structure: indentation-based mappings and sequences.
extension YAMLParser {
    mutating func parseDocument() throws -> YAMLNode {
        // A UTF-8 byte order mark is not content.
        if end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { pos = 3 }
        try skipToNextToken()
        if atEnd { return YAMLNode(.null, line: source.firstLine, column: 1) }
        if column == 0 && peek() == Byte.percent {
            throw error("YAML-directieven (%YAML, %TAG) worden niet ondersteund", at: pos)
        }
        let root: YAMLNode
        if atDocumentMarker && peek() == Byte.dash {
            pos += 3
            root = try parseBlockNode(parentIndent: -1, afterKey: true)
        } else if atDocumentMarker {
            // `...` before any content ends a document that never started (PyYAML rejects it too).
            throw error("'...' sluit een document af, maar er staat nog niets; verwijder deze regel", at: pos)
        } else {
            root = try parseBlockContent(indent: column, parentIndent: -1)
        }
        try skipToNextToken()
        if atEnd { return root }
        var ended = false
        if atDocumentMarker && peek() == Byte.dot {
            pos += 3
            try skipToNextToken()
            if atEnd { return root }
            ended = true
        }
        if ended || atDocumentMarker || (column == 0 && peek() == Byte.percent) {
            throw error("meerdere YAML-documenten in één bestand worden niet ondersteund", at: pos)
        }
        throw error("onverwachte inhoud \(describeCurrent()); klopt de inspringing?", at: pos)
    }

    /// Parses the node after an indicator (`key:`, `- `, `---`), on the same line or on the lines below.
    /// `parentIndent` is the indentation of the enclosing collection (-1 at document level). After a key, a
    /// sequence may sit at the key's own indentation, and a mapping may not start on the key's line.
    mutating func parseBlockNode(parentIndent: Int, afterKey: Bool) throws -> YAMLNode {
        skipBlanks()
        let here = mark()
        let c = peek()
        if atEnd || Byte.isBreak(c) || c == Byte.hash {
            // Nothing more on this line: the value is on the next lines, or empty.
            try skipToNextToken()
            if atEnd || atDocumentMarker { return node(.null, here) }
            let indent = column
            if indent > parentIndent {
                return try parseBlockContent(indent: indent, parentIndent: parentIndent)
            }
            if indent == parentIndent && afterKey && atSequenceEntry {
                return try parseBlockSequence(indent: indent)
            }
            return node(.null, here)
        }
        if c == Byte.pipe || c == Byte.greater {
            return try parseBlockScalar(parentIndent: parentIndent)
        }
        if atSequenceEntry {
            if afterKey {
                throw error(
                    "een lijst kan niet op dezelfde regel als de sleutel beginnen; zet elk '- '-item op een eigen regel",
                    at: pos)
            }
            return try parseBlockSequence(indent: column)
        }
        if afterKey {
            let value = try parseInlineNode(parentIndent: parentIndent, inFlow: false)
            try expectEndOfLine()
            return value
        }
        return try parseBlockContent(indent: column, parentIndent: parentIndent)
    }

    /// Parses the node whose first token is at `pos`, at column `indent`: a block sequence, a block mapping
    /// (when a key and `:` follow), a block scalar or a single scalar or flow collection.
    mutating func parseBlockContent(indent: Int, parentIndent: Int) throws -> YAMLNode {
        if atSequenceEntry { return try parseBlockSequence(indent: indent) }
        let c = peek()
        if c == Byte.question && isWhiteOrEnd(pos + 1) {
            throw error("complexe sleutels ('? ') worden niet ondersteund", at: pos)
        }
        if c == Byte.pipe || c == Byte.greater {
            return try parseBlockScalar(parentIndent: parentIndent)
        }
        let keyLine = lineIndex
        let first = try parseInlineNode(parentIndent: parentIndent, inFlow: false)
        skipBlanks()
        if peek() == Byte.colon && isWhiteOrEnd(pos + 1) {
            try checkKey(first, keyLine: keyLine)
            return try parseBlockMapping(indent: indent, firstKey: first)
        }
        try expectEndOfLine()
        return first
    }

    /// Parses a block mapping at `indent`; `pos` is at the `:` after its first key.
    mutating func parseBlockMapping(indent: Int, firstKey: YAMLNode) throws -> YAMLNode {
        try enterCollection(firstKey: firstKey)
        defer { depth -= 1 }
        var builder = MappingBuilder()
        var key = firstKey
        var keyOffset = pos
        while true {
            pos += 1  // the ':'
            let value = try parseBlockNode(parentIndent: indent, afterKey: true)
            try builder.add(key: key, value: value, keyOffset: keyOffset, parser: self)
            try skipToNextToken()
            if atEnd || atDocumentMarker { break }
            let col = column
            if col < indent { break }
            if col > indent {
                throw error(
                    "onverwachte inspringing: deze regel hoort bij niets erboven; lijn hem uit met de sleutels of verwijder spaties",
                    at: pos)
            }
            if atSequenceEntry {
                throw error(
                    "hier wordt een sleutel verwacht, geen lijst-item '- '; spring de lijst in onder zijn sleutel",
                    at: pos)
            }
            if peek() == Byte.question && isWhiteOrEnd(pos + 1) {
                throw error("complexe sleutels ('? ') worden niet ondersteund", at: pos)
            }
            let keyLine = lineIndex
            keyOffset = pos
            key = try parseInlineNode(parentIndent: indent, inFlow: false)
            skipBlanks()
            guard peek() == Byte.colon && isWhiteOrEnd(pos + 1) else {
                if lineIndex != keyLine || atEnd || Byte.isBreak(peek()) || peek() == Byte.hash {
                    throw error(
                        "':' verwacht na de sleutel; elke regel van een mapping is 'sleutel: waarde'", at: keyOffset)
                }
                throw errorAfterValue("':' verwacht na de sleutel, maar vond \(describeCurrent())", at: pos)
            }
            try checkKey(key, keyLine: keyLine)
            keyOffset = pos
        }
        return YAMLNode(.mapping(builder.pairs), line: firstKey.line, column: firstKey.column)
    }

    /// Parses a block sequence at `indent`; `pos` is at its first `-`.
    mutating func parseBlockSequence(indent: Int) throws -> YAMLNode {
        try enterCollection()
        defer { depth -= 1 }
        let start = mark()
        var items: [YAMLNode] = []
        while true {
            pos += 1  // the '-'
            items.append(try parseBlockNode(parentIndent: indent, afterKey: false))
            try skipToNextToken()
            if atEnd || atDocumentMarker { break }
            let col = column
            if col < indent { break }
            if col > indent {
                throw error(
                    "onverwachte inspringing: deze regel hoort bij niets erboven; lijn hem uit met de '- ' van de lijst",
                    at: pos)
            }
            if !atSequenceEntry { break }
        }
        return node(.sequence(items), start)
    }

    /// A key must be a scalar on one line; collections as keys and merge keys are not supported.
    func checkKey(_ key: YAMLNode, keyLine: Int) throws {
        if lineIndex != keyLine {
            throw error("een sleutel moet op één regel staan", at: pos)
        }
        switch key.value {
        case .sequence, .mapping:
            throw Diagnostic(
                .error, "een lijst of mapping als sleutel wordt niet ondersteund",
                file: source.name, line: key.line, column: key.column,
                sourceLine: source.lineText(key.line))
        default:
            break
        }
    }

    /// After a value on a line only a comment may follow.
    mutating func expectEndOfLine() throws {
        skipBlanks()
        if atEnd || Byte.isBreak(peek()) || peek() == Byte.hash { return }
        if peek() == Byte.colon && isWhiteOrEnd(pos + 1) {
            throw errorAfterValue(
                "een mapping kan hier niet beginnen: zet een geneste mapping op een nieuwe, ingesprongen regel, of zet de waarde tussen aanhalingstekens als ': ' erin hoort",
                at: pos)
        }
        throw errorAfterValue("onverwacht \(describeCurrent()) na de waarde", at: pos)
    }
}

/// Collects the pairs of a mapping and rejects duplicate keys.
struct MappingBuilder {
    var pairs: [YAMLPair] = []
    /// The string keys, built only for large mappings: for the usual dozen keys a linear scan is cheaper
    /// than hashing.
    private var stringKeys: Set<String>? = nil
    private static let setThreshold = 16

    mutating func add(key: __owned YAMLNode, value: __owned YAMLNode, keyOffset: Int, parser: YAMLParser) throws {
        let duplicate: Bool
        if case .string(let s) = key.value {
            if stringKeys == nil && pairs.count >= Self.setThreshold {
                var keys = Set<String>()
                for pair in pairs {
                    if case .string(let k) = pair.key.value { keys.insert(k) }
                }
                stringKeys = keys
            }
            if stringKeys != nil {
                duplicate = !stringKeys!.insert(s).inserted
            } else {
                duplicate = pairs.contains { pair in
                    if case .string(let k) = pair.key.value { return k == s }
                    return false
                }
            }
        } else {
            duplicate = pairs.contains { $0.key.value == key.value }
        }
        if duplicate {
            let first = pairs.first { $0.key.value == key.value }!
            throw Diagnostic(
                .error, "dubbele sleutel \(Self.describe(key)); die staat al op regel \(first.key.line)",
                file: parser.source.name, line: key.line, column: key.column,
                sourceLine: parser.source.lineText(key.line))
        }
        // Room for a typical front matter at once, instead of growing 1, 2, 4, 8, 16.
        if pairs.isEmpty { pairs.reserveCapacity(12) }
        pairs.append(YAMLPair(key: key, value: value))
    }

    private static func describe(_ key: YAMLNode) -> String {
        if case .string(let s) = key.value { return "'\(s)'" }
        return key.jsonText()
    }
}
