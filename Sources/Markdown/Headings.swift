/// A heading for a table of contents.
public struct MarkdownHeading: Sendable {
    public var level: Int
    /// The heading's text without markup.
    public var text: String
    /// The id `Slug.make` gives it, unique within the document (the one the HTML uses when
    /// `headingIDs` is on).
    public var id: String
    public var line: Int
    public var node: MarkdownNode
}

extension MarkdownDocument {
    /// Every heading in document order (footnote contents excluded).
    public var headings: [MarkdownHeading] {
        var result: [MarkdownHeading] = []
        var uniquer = Slug.Uniquer()
        root.walk { node, enter in
            guard enter, node.kind == .heading, !node.isInsideFootnote else { return }
            let text = node.plainText
            result.append(
                MarkdownHeading(
                    level: node.headingLevel, text: text, id: uniquer.unique(Slug.make(text)),
                    line: node.line, node: node))
        }
        return result
    }
}

extension MarkdownNode {
    var isInsideFootnote: Bool {
        var ancestor = record.parent
        while let a = ancestor {
            if document.storage[a].kind == .footnoteDefinition { return true }
            ancestor = document.storage[a].parent
        }
        return false
    }
}
