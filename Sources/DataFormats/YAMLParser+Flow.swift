import Diagnostics

/// Flow collections: `[a, b]` and `{key: value}`, which may span lines and nest.
extension YAMLParser {
    /// Parses `[ ... ]` at `pos`. An entry `key: value` inside it is a one-pair mapping, as in YAML.
    mutating func parseFlowSequence() throws -> YAMLNode {
        try enterCollection()
        defer { depth -= 1 }
        let start = mark()
        pos += 1
        var items: [YAMLNode] = []
        while true {
            try skipToNextToken()
            guard !atEnd else { throw unclosed(start, "[", "]") }
            if peek() == Byte.closeBracket {
                pos += 1
                break
            }
            let itemStart = pos
            let keyLine = lineIndex
            var item = try parseFlowNode()
            try skipToNextToken()
            if peek() == Byte.colon {
                try checkKey(item, keyLine: keyLine)
                pos += 1
                let value = try parseFlowValue(terminator: Byte.closeBracket)
                var builder = MappingBuilder()
                try builder.add(key: item, value: value, keyOffset: itemStart, parser: self)
                item = YAMLNode(.mapping(builder.pairs), line: item.line, column: item.column)
                try skipToNextToken()
            }
            items.append(item)
            guard !atEnd else { throw unclosed(start, "[", "]") }
            if peek() == Byte.comma {
                pos += 1
            } else if peek() == Byte.closeBracket {
                pos += 1
                break
            } else {
                throw error("',' of ']' verwacht in de lijst, maar vond \(describeCurrent())", at: pos)
            }
        }
        return node(.sequence(items), start)
    }

    /// Parses `{ ... }` at `pos`. A key without `:` has a null value, as in YAML.
    mutating func parseFlowMapping() throws -> YAMLNode {
        try enterCollection()
        defer { depth -= 1 }
        let start = mark()
        pos += 1
        var builder = MappingBuilder()
        while true {
            try skipToNextToken()
            guard !atEnd else { throw unclosed(start, "{", "}") }
            if peek() == Byte.closeBrace {
                pos += 1
                break
            }
            let keyOffset = pos
            let keyLine = lineIndex
            let key = try parseFlowNode()
            try skipToNextToken()
            let value: YAMLNode
            if peek() == Byte.colon {
                try checkKey(key, keyLine: keyLine)
                pos += 1
                value = try parseFlowValue(terminator: Byte.closeBrace)
                try skipToNextToken()
            } else {
                try checkKey(key, keyLine: lineIndex)
                value = node(.null, mark())
            }
            try builder.add(key: key, value: value, keyOffset: keyOffset, parser: self)
            guard !atEnd else { throw unclosed(start, "{", "}") }
            if peek() == Byte.comma {
                pos += 1
            } else if peek() == Byte.closeBrace {
                pos += 1
                break
            } else {
                throw error("',' of '}' verwacht in de mapping, maar vond \(describeCurrent())", at: pos)
            }
        }
        return node(.mapping(builder.pairs), start)
    }

    /// The value after `:` in a flow collection; empty (null) when a `,` or the closing bracket follows.
    private mutating func parseFlowValue(terminator: UInt8) throws -> YAMLNode {
        try skipToNextToken()
        if atEnd || peek() == Byte.comma || peek() == terminator {
            return node(.null, mark())
        }
        return try parseFlowNode()
    }

    private mutating func parseFlowNode() throws -> YAMLNode {
        if atDocumentMarker {
            throw error("'---' of '...' binnen [ ] of { }: de haakjes worden niet gesloten", at: pos)
        }
        return try parseInlineNode(parentIndent: -1, inFlow: true)
    }

    private func unclosed(_ start: Mark, _ open: String, _ close: String) -> Diagnostic {
        error("'\(open)' wordt niet gesloten met '\(close)'", at: start.offset)
    }
}
