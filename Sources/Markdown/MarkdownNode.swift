/// A node of a parsed document, for renderers that walk the tree (the PDF report, the site).
/// Every node knows where it starts in the source (line and column); inlines also carry their text.
public struct MarkdownNode: Sendable {
    public let document: MarkdownDocument
    let index: NodeIndex

    init(document: MarkdownDocument, index: NodeIndex) {
        self.document = document
        self.index = index
    }

    var record: NodeRecord { document.storage[index] }

    private func node(_ i: NodeIndex?) -> MarkdownNode? { i.map { MarkdownNode(document: document, index: $0) } }

    public var kind: NodeKind { record.kind }
    public var parent: MarkdownNode? { node(record.parent) }
    public var firstChild: MarkdownNode? { node(record.first) }
    public var lastChild: MarkdownNode? { node(record.last) }
    public var next: MarkdownNode? { node(record.next) }
    public var previous: MarkdownNode? { node(record.previous) }

    /// The children in order. Footnote definitions stay where they were written; renderers usually
    /// skip them and list them at the end.
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = record.first
        while let c = child {
            result.append(MarkdownNode(document: document, index: c))
            child = document.storage[c].next
        }
        return result
    }

    /// Where the node starts in the source: its first character (for a link or image the `[` or
    /// `!`, for emphasis its first delimiter, for a code span its first backtick). The line counts
    /// from the document's `firstLine`; the column is 1-based, in Unicode scalars.
    public var position: SourcePosition { document.position(of: index) }
    /// The source line the node starts on.
    public var line: Int { position.line }
    /// The source column the node starts at, 1-based, in Unicode scalars.
    public var column: Int { position.column }

    /// The text of a text, code span, raw HTML or code block node (empty for others).
    public var literal: String {
        switch record.kind {
        case .text, .code, .htmlInline, .codeBlock, .htmlBlock:
            return document.string(record.start..<max(record.start, record.end))
        default:
            return ""
        }
    }

    /// Heading level 1–6 (0 for other nodes).
    public var headingLevel: Int { record.kind == .heading ? Int(record.level) : 0 }

    /// Destination of a link or image.
    public var destination: String? {
        guard record.kind == .link || record.kind == .image else { return nil }
        return document.string(document.storage.links[Int(record.data)].destination)
    }

    /// Title of a link or image (empty if none).
    public var title: String? {
        guard record.kind == .link || record.kind == .image else { return nil }
        return document.string(document.storage.links[Int(record.data)].title)
    }

    /// Whether a list is ordered.
    public var isOrderedList: Bool { record.kind == .list && record.flags.contains(.ordered) }
    /// The start number of an ordered list.
    public var listStart: Int { record.kind == .list ? Int(document.storage.lists[Int(record.data)].start) : 0 }
    /// Whether a list is tight (its paragraphs render without `<p>`).
    public var isTightList: Bool { record.kind == .list && record.flags.contains(.tight) }

    /// The info string of a fenced code block.
    public var codeInfo: String {
        guard record.kind == .codeBlock else { return "" }
        let code = document.storage.codes[Int(record.data)]
        return document.string(code.infoStart..<code.infoEnd)
    }

    /// For a GFM task item: whether it is checked; nil for other nodes.
    public var taskChecked: Bool? {
        guard record.kind == .item, record.flags.contains(.task) else { return nil }
        return record.flags.contains(.taskChecked)
    }

    /// Alignment of a table cell.
    public var alignment: TableAlignment {
        record.kind == .tableCell ? TableAlignment(rawValue: record.level) ?? .none : .none
    }

    /// Whether a table row is the header row.
    public var isHeaderRow: Bool { record.kind == .tableRow && record.flags.contains(.headerRow) }

    /// The (normalised) label of a footnote reference or definition.
    public var footnoteLabel: String? {
        guard record.kind == .footnoteReference || record.kind == .footnoteDefinition else { return nil }
        return String(decoding: document.storage.footnoteLabels[Int(record.data)].bytes, as: UTF8.self)
    }

    /// The plain text of this node and everything below it (no markup).
    public var plainText: String { PlainText.of(document, index) }

    /// Visits this node and its descendants in document order without recursion: `enter` is true
    /// before the children and false after them (leaves get both calls).
    public func walk(_ visit: (MarkdownNode, _ enter: Bool) -> Void) {
        let store = document.storage
        var current = index
        var entering = true
        while true {
            let r = store[current]
            let view = MarkdownNode(document: document, index: current)
            if entering {
                visit(view, true)
                if let first = r.first {
                    current = first
                    continue
                }
                visit(view, false)
            } else {
                visit(view, false)
            }
            if current == index { break }
            if let next = r.next {
                current = next
                entering = true
            } else {
                current = r.parent!
                entering = false
            }
        }
    }
}
