/// Plain text of a document or node: for the search index, reading time and heading slugs. Blocks are
/// separated by a line break, soft and hard breaks become a space or line break.
enum PlainText {
    static func of(_ document: MarkdownDocument, _ top: NodeIndex) -> String {
        of(document.storage, top)
    }

    static func of(_ store: Storage, _ top: NodeIndex) -> String {
        var out: [UInt8] = []
        var current = top
        var entering = true
        while true {
            let r = store[current]
            if entering {
                switch r.kind {
                case .text, .code, .codeBlock:
                    if r.hasText { store.withBytes(r.start, r.end) { out.append(contentsOf: $0) } }
                case .softBreak:
                    out.append(.space)
                case .lineBreak:
                    out.append(.lineFeed)
                case .tableCell:
                    if r.previous != nil { out.append(.space) }
                default:
                    break
                }
                if let first = r.first, r.kind != .footnoteDefinition {
                    current = first
                    continue
                }
            }
            if r.kind.isBlock && r.kind != .tableCell && r.kind != .document && current != top,
                let last = out.last, last != .lineFeed
            {
                out.append(.lineFeed)
            }
            if current == top { break }
            if let next = r.next {
                current = next
                entering = true
            } else {
                current = r.parent!
                entering = false
            }
        }
        while let last = out.last, last == .lineFeed || last == .space { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}

extension MarkdownDocument {
    /// The plain text of the whole document (without footnote definitions).
    public var plainText: String {
        parseInlines()
        return PlainText.of(self, .root)
    }
}
