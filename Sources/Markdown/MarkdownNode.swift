/// A node of a parsed document, for renderers that walk the tree (the PDF report, the site).
/// Blocks carry their source line and column; inlines carry their text.
public struct MarkdownNode: Sendable {
    public let document: MarkdownDocument
    let index: Int32

    init(document: MarkdownDocument, index: Int32) {
        self.document = document
        self.index = index
    }

    var record: NodeRecord { document.storage.nodes[Int(index)] }

    private func node(_ i: Int32) -> MarkdownNode? { i >= 0 ? MarkdownNode(document: document, index: i) : nil }

    public var kind: NodeKind { record.kind }
    public var parent: MarkdownNode? { node(record.parent) }
    public var firstChild: MarkdownNode? { node(record.first) }
    public var lastChild: MarkdownNode? { node(record.last) }
    public var next: MarkdownNode? { node(record.next) }
    public var previous: MarkdownNode? { node(record.prev) }

    /// The children in order. Footnote definitions stay where they were written; renderers usually
    /// skip them and list them at the end.
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = record.first
        while child >= 0 {
            result.append(MarkdownNode(document: document, index: child))
            child = document.storage.nodes[Int(child)].next
        }
        return result
    }

    /// Source line of a block (0 for inlines).
    public var line: Int { Int(record.line) }
    /// Source column of a block, 1-based (0 for inlines).
    public var column: Int { Int(record.column) }

    /// The text of a text, code span, raw HTML or code block node (empty for others).
    public var literal: String {
        switch record.kind {
        case .text, .code, .htmlInline, .codeBlock, .htmlBlock:
            let r = record
            return r.start >= 0 ? String(decoding: document.storage.bytes(r.start, r.end), as: UTF8.self) : ""
        default:
            return ""
        }
    }

    /// Heading level 1–6 (0 for other nodes).
    public var headingLevel: Int { record.kind == .heading ? Int(record.level) : 0 }

    /// Destination of a link or image.
    public var destination: String? {
        guard record.kind == .link || record.kind == .image else { return nil }
        return String(decoding: document.storage.links[Int(record.aux)].destination, as: UTF8.self)
    }

    /// Title of a link or image (empty if none).
    public var title: String? {
        guard record.kind == .link || record.kind == .image else { return nil }
        return String(decoding: document.storage.links[Int(record.aux)].title, as: UTF8.self)
    }

    /// Whether a list is ordered.
    public var isOrderedList: Bool { record.kind == .list && record.flags & NodeFlags.ordered != 0 }
    /// The start number of an ordered list.
    public var listStart: Int { record.kind == .list ? document.storage.lists[Int(record.aux)].start : 0 }
    /// Whether a list is tight (its paragraphs render without `<p>`).
    public var isTightList: Bool { record.kind == .list && record.flags & NodeFlags.tight != 0 }

    /// The info string of a fenced code block.
    public var codeInfo: String {
        guard record.kind == .codeBlock else { return "" }
        let code = document.storage.codes[Int(record.aux)]
        return String(decoding: document.storage.bytes(code.infoStart, code.infoEnd), as: UTF8.self)
    }

    /// For a GFM task item: whether it is checked; nil for other nodes.
    public var taskChecked: Bool? {
        guard record.kind == .item, record.flags & NodeFlags.task != 0 else { return nil }
        return record.level == 2
    }

    /// Alignment of a table cell.
    public var alignment: TableAlignment {
        record.kind == .tableCell ? TableAlignment(rawValue: record.level) ?? .none : .none
    }

    /// Whether a table row is the header row.
    public var isHeaderRow: Bool { record.kind == .tableRow && record.flags & NodeFlags.headerRow != 0 }

    /// The (normalised) label of a footnote reference or definition.
    public var footnoteLabel: String? {
        guard record.kind == .footnoteReference || record.kind == .footnoteDefinition else { return nil }
        return String(decoding: document.storage.footnoteLabels[Int(record.aux)], as: UTF8.self)
    }

    /// The plain text of this node and everything below it (no markup).
    public var plainText: String { PlainText.of(document, index) }

    /// Visits this node and its descendants in document order without recursion: `enter` is true
    /// before the children and false after them (leaves get both calls).
    public func walk(_ visit: (MarkdownNode, _ enter: Bool) -> Void) {
        let nodes = document.storage.nodes
        var current = index
        var entering = true
        while true {
            let r = nodes[Int(current)]
            let view = MarkdownNode(document: document, index: current)
            if entering {
                visit(view, true)
                if r.first >= 0 {
                    current = r.first
                    continue
                }
                visit(view, false)
            } else {
                visit(view, false)
            }
            if current == index { break }
            if nodes[Int(current)].next >= 0 {
                current = nodes[Int(current)].next
                entering = true
            } else {
                current = nodes[Int(current)].parent
                entering = false
            }
        }
    }
}
