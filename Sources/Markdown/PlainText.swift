/// Plain text of a document or node: for the search index, reading time and heading slugs. Blocks are
/// separated by a line break, soft and hard breaks become a space or line break.
enum PlainText {
    static func of(_ document: MarkdownDocument, _ top: Int32) -> String {
        let store = document.storage
        var out: [UInt8] = []
        var current = top
        var entering = true
        while true {
            let r = store.nodes[Int(current)]
            if entering {
                switch r.kind {
                case .text, .code, .codeBlock:
                    if r.start >= 0 && r.end > r.start { out.append(contentsOf: store.bytes(r.start, r.end)) }
                case .softBreak:
                    out.append(0x20)
                case .lineBreak:
                    out.append(0x0A)
                case .tableCell:
                    if r.prev >= 0 { out.append(0x20) }
                default:
                    break
                }
                if r.first >= 0 && r.kind != .footnoteDefinition {
                    current = r.first
                    continue
                }
            }
            if r.kind.isBlock && r.kind != .tableCell && r.kind != .document && current != top,
               let last = out.last, last != 0x0A {
                out.append(0x0A)
            }
            if current == top { break }
            if store.nodes[Int(current)].next >= 0 {
                current = store.nodes[Int(current)].next
                entering = true
            } else {
                current = store.nodes[Int(current)].parent
                entering = false
            }
        }
        while let last = out.last, last == 0x0A || last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}

extension MarkdownDocument {
    /// The plain text of the whole document (without footnote definitions).
    public var plainText: String { PlainText.of(self, 0) }
}
