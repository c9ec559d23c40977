// GFM task list items: an item whose paragraph starts with `[ ]`, `[x]` or `[X]` and whitespace.

extension BlockParser {
    /// Marks the parent item as a task when this paragraph (its first child) starts with a checkbox,
    /// and drops the checkbox from the paragraph's text.
    mutating func detectTask(_ paragraph: Int32) {
        let n = Int(paragraph)
        let parent = store.nodes[n].parent
        guard parent >= 0, store.nodes[Int(parent)].kind == .item, store.nodes[Int(parent)].first == paragraph
        else { return }
        let s = store.nodes[n].start
        let e = store.nodes[n].end
        guard e - s >= 4 else { return }
        let bytes = contentBytes(s, min(e, s + 4))
        guard bytes[0] == 0x5B, bytes[2] == 0x5D, bytes[1] == 0x20 || bytes[1] == 0x78 || bytes[1] == 0x58,
              isASCIIWhitespace(bytes[3]) else { return }
        store.nodes[Int(parent)].flags |= NodeFlags.task
        store.nodes[Int(parent)].level = bytes[1] == 0x20 ? 1 : 2
        // The checkbox takes the whitespace after it.
        var k = s + 3
        while k < e, let c = contentBytes(k, k + 1).first, isSpaceOrTab(c) { k += 1 }
        store.nodes[n].start = k
    }
}
