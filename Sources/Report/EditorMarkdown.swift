import Markdown

/// Editor Markdown as report blocks and headings, by walking the Markdown module's tree: paragraphs,
/// lists (nested), GFM tables, block quotes and code as paragraphs; raw HTML is left out.
enum EditorMarkdown {
    /// A parsed piece: a heading (with its line in the file, for messages) or a block.
    enum Piece {
        case heading(level: Int, text: String, line: Int)
        case block(ReportBlock)
    }

    /// `notePrefix` makes the anchors of the text's footnotes unique in the report ("noot-<prefix>-1").
    static func parse(_ bytes: [UInt8], firstLine: Int, notePrefix: String = "") -> [Piece] {
        let document = Markdown.parse(bytes, firstLine: firstLine)
        let notes = numberNotes(document.root, prefix: notePrefix)
        var pieces: [Piece] = []
        for node in document.root.children { append(node, notes: notes, to: &pieces) }
        // The footnotes follow the text, numbered in the order they are first referred to.
        var definitions: [ReportNote] = []
        for node in document.root.children where node.kind == .footnoteDefinition {
            guard let label = node.footnoteLabel, let note = notes[label] else { continue }
            var inlines: [ReportInline] = []
            for child in node.children {
                let more = EditorInlines.inlines(of: child, notes: notes)
                if !inlines.isEmpty && !more.isEmpty { inlines.append(ReportInline(" ")) }
                inlines += more
            }
            definitions.append(ReportNote(number: note.number, anchor: note.anchor, inlines: inlines))
        }
        if !definitions.isEmpty { pieces.append(.block(.notes(definitions.sorted { $0.number < $1.number }))) }
        return pieces
    }

    /// The footnotes that are referred to, by label: their number (order of first reference) and anchor.
    private static func numberNotes(_ root: MarkdownNode, prefix: String) -> [String: (number: Int, anchor: String)] {
        var notes: [String: (number: Int, anchor: String)] = [:]
        var stack = Array(root.children.reversed())
        while let node = stack.popLast() {
            if node.kind == .footnoteDefinition { continue }
            if node.kind == .footnoteReference, let label = node.footnoteLabel, notes[label] == nil {
                let number = notes.count + 1
                notes[label] = (number, "noot-" + (prefix.isEmpty ? "" : prefix + "-") + String(number))
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return notes
    }

    private static func append(
        _ node: MarkdownNode, notes: [String: (number: Int, anchor: String)], to pieces: inout [Piece]
    ) {
        switch node.kind {
        case .heading:
            let text = EditorInlines.inlines(of: node).map(\.text).joined()
            pieces.append(.heading(level: node.headingLevel, text: text, line: node.line))
        case .paragraph:
            let inlines = EditorInlines.inlines(of: node, notes: notes)
            if !inlines.isEmpty { pieces.append(.block(.paragraph(inlines))) }
        case .list:
            pieces.append(.block(.list(list(node, notes: notes))))
        case .blockQuote:
            // A quotation reads as italic text.
            var inner: [Piece] = []
            for child in node.children { append(child, notes: notes, to: &inner) }
            for piece in inner {
                if case .block(.paragraph(let inlines)) = piece {
                    pieces.append(
                        .block(
                            .paragraph(
                                EditorInlines.merged(
                                    inlines.map {
                                        var i = $0
                                        i.italic = true
                                        return i
                                    }))))
                } else {
                    pieces.append(piece)
                }
            }
        case .codeBlock:
            var text = node.literal
            while text.hasSuffix("\n") { text.removeLast() }
            if !text.isEmpty { pieces.append(.block(.paragraph([ReportInline(text)]))) }
        case .table:
            pieces.append(.block(.table(table(node))))
        case .htmlBlock, .thematicBreak, .footnoteDefinition:
            break
        default:
            for child in node.children { append(child, notes: notes, to: &pieces) }
        }
    }

    private static func list(_ node: MarkdownNode, notes: [String: (number: Int, anchor: String)]) -> ReportList {
        let items = node.children.filter { $0.kind == .item }.map { item -> ReportListItem in
            var inlines: [ReportInline] = []
            var children: ReportList?
            for child in item.children {
                switch child.kind {
                case .list:
                    children = list(child, notes: notes)
                default:
                    // Several paragraphs of one item run together, a space apart.
                    let more = EditorInlines.inlines(of: child, notes: notes)
                    if !inlines.isEmpty && !more.isEmpty { inlines.append(ReportInline(" ")) }
                    inlines += more
                }
            }
            return ReportListItem(inlines, children: children)
        }
        return ReportList(ordered: node.isOrderedList, items: items)
    }

    private static func table(_ node: MarkdownNode) -> ReportTable {
        var header: [String] = []
        var rows: [ReportTable.Row] = []
        var alignments: [ReportTable.Alignment] = []
        for row in node.children where row.kind == .tableRow {
            let cells = row.children.filter { $0.kind == .tableCell }
            let texts = cells.map { EditorInlines.inlines(of: $0).map(\.text).joined() }
            if row.isHeaderRow {
                header = texts
                alignments = cells.map { $0.alignment == .right ? .right : .left }
            } else {
                rows.append(ReportTable.Row(texts))
            }
        }
        if alignments.isEmpty { alignments = Array(repeating: .left, count: header.count) }
        return ReportTable(caption: nil, header: header, alignments: alignments, rows: rows)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let chars: Set<Unicode.Scalar> = [" ", "\t", "\n"]
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !chars.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !chars.contains($0) })!
        return String(scalars[first...last])
    }
}
