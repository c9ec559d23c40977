/// Block Markdown of editor text (ATX headings, paragraphs, bulleted and numbered lists, block quotes)
/// as report blocks and headings. Works on the UTF-8 bytes line by line.
///
/// A bridge until the Markdown module exposes its AST (see `docs/report.md`); replacing it changes only
/// this file and `EditorInlines`.
enum EditorMarkdown {
    /// A parsed piece: a heading (with its line in the file, for messages) or a block.
    enum Piece {
        case heading(level: Int, text: String, line: Int)
        case block(ReportBlock)
    }

    static func parse(_ bytes: [UInt8], firstLine: Int) -> [Piece] {
        var pieces: [Piece] = []
        var paragraph: [String] = []
        // The open list: items as (indent of the marker, ordered, text lines, nested items).
        var listItems: [(ordered: Bool, text: String, children: [(ordered: Bool, text: String)])] = []
        var listIndent = 0
        var lastItemContentIndent = 0
        // A blank line after an item: only an indented line continues the item after it.
        var blankAfterItem = false

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            pieces.append(.block(.paragraph(EditorInlines.parse(paragraph.joined(separator: "\n")))))
            paragraph.removeAll()
        }
        func flushList() {
            guard let first = listItems.first else { return }
            let items = listItems.map { item -> ReportListItem in
                let children = item.children.isEmpty ? nil : ReportList(
                    ordered: item.children[0].ordered,
                    items: item.children.map { ReportListItem(EditorInlines.parse($0.text)) })
                return ReportListItem(EditorInlines.parse(item.text), children: children)
            }
            pieces.append(.block(.list(ReportList(ordered: first.ordered, items: items))))
            listItems.removeAll()
        }

        var lineNumber = firstLine - 1
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var line = Array(bytes[start..<end])
            start = end + 1
            lineNumber += 1
            if line.last == UInt8(ascii: "\r") { line.removeLast() }

            let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
            let rest = Array(line[indent...])
            if rest.isEmpty {
                flushParagraph()
                // A blank line inside a list keeps the list open; a following unindented line closes it.
                if !listItems.isEmpty { blankAfterItem = true }
                continue
            }
            if indent < 4, let level = headingLevel(rest) {
                flushParagraph()
                flushList()
                var text = String(decoding: rest[(level + 1)...], as: UTF8.self)
                text = text.trimmingBlanks()
                // Closing hashes ("## Titel ##") are not part of the title.
                while text.hasSuffix("#") { text.removeLast() }
                pieces.append(.heading(level: level, text: text.trimmingBlanks(), line: lineNumber))
                continue
            }
            if let (ordered, contentOffset) = listMarker(rest) {
                flushParagraph()
                blankAfterItem = false
                let text = String(decoding: rest[contentOffset...], as: UTF8.self)
                if !listItems.isEmpty && indent >= lastItemContentIndent && indent > listIndent {
                    listItems[listItems.count - 1].children.append((ordered, text))
                } else {
                    if listItems.isEmpty { listIndent = indent } else if listItems[0].ordered != ordered { flushList(); listIndent = indent }
                    listItems.append((ordered, text, []))
                    lastItemContentIndent = indent + contentOffset
                }
                continue
            }
            let text = String(decoding: rest, as: UTF8.self)
            if !listItems.isEmpty && paragraph.isEmpty && (!blankAfterItem || indent >= lastItemContentIndent) {
                // Continuation of the last item (indented or lazy).
                if listItems[listItems.count - 1].children.isEmpty {
                    listItems[listItems.count - 1].text += "\n" + text
                } else {
                    let last = listItems[listItems.count - 1].children.count - 1
                    listItems[listItems.count - 1].children[last].text += "\n" + text
                }
                continue
            }
            flushList()
            if rest.first == UInt8(ascii: ">") {
                let quoted = rest.dropFirst().drop { $0 == UInt8(ascii: " ") }
                paragraph.append(String(decoding: quoted, as: UTF8.self))
            } else {
                paragraph.append(text)
            }
        }
        flushParagraph()
        flushList()
        return pieces
    }

    /// The level of an ATX heading line (`## Titel`), or nil.
    private static func headingLevel(_ line: [UInt8]) -> Int? {
        let hashes = line.prefix { $0 == UInt8(ascii: "#") }.count
        guard hashes >= 1, hashes <= 6 else { return nil }
        guard line.count == hashes || line[hashes] == UInt8(ascii: " ") || line[hashes] == UInt8(ascii: "\t") else { return nil }
        return hashes
    }

    /// A list marker (`- `, `* `, `+ `, `1. `, `1) `): whether it is ordered and where the text starts.
    private static func listMarker(_ line: [UInt8]) -> (Bool, Int)? {
        guard let first = line.first else { return nil }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            guard line.count > 1, line[1] == UInt8(ascii: " ") else { return nil }
            // "---" or "* * *" is a thematic break, not a list.
            if line.allSatisfy({ $0 == first || $0 == UInt8(ascii: " ") }) && line.filter({ $0 == first }).count >= 3 { return nil }
            return (false, 2)
        }
        let digits = line.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        guard digits >= 1, digits <= 9, line.count > digits + 1 else { return nil }
        let delimiter = line[digits]
        guard delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")"), line[digits + 1] == UInt8(ascii: " ") else { return nil }
        return (true, digits + 2)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let chars: Set<Unicode.Scalar> = [" ", "\t"]
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !chars.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !chars.contains($0) })!
        return String(scalars[first...last])
    }
}
