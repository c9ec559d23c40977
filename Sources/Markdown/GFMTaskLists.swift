// GFM task list items: an item whose paragraph starts with `[ ]`, `[x]` or `[X]` and whitespace.

extension BlockParser {
    /// Marks the parent item as a task when this paragraph (its first child) starts with a checkbox,
    /// and drops the checkbox from the paragraph's text.
    mutating func detectTask(_ paragraph: NodeIndex) {
        guard let item = store[paragraph].parent, store[item].kind == .item, store[item].first == paragraph
        else { return }
        let s = store[paragraph].start
        let e = store[paragraph].end
        guard e - s >= 4 else { return }
        let mark = byte(at: s + 1)
        guard byte(at: s) == .leftBracket, byte(at: s + 2) == .rightBracket,
            mark == .space || mark == UInt8(ascii: "x") || mark == UInt8(ascii: "X"),
            isASCIIWhitespace(byte(at: s + 3))
        else { return }
        store[item].flags.insert(.task)
        if mark != .space { store[item].flags.insert(.taskChecked) }
        // The checkbox takes the whitespace after it.
        var k = s + 3
        while k < e && isSpaceOrTab(byte(at: k)) { k += 1 }
        store[paragraph].start = k
    }
}
