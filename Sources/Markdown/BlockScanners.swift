// Byte-level recognisers for the starts (and ends) of leaf blocks. Each takes the line as `p[i..<end]`
// with `end` the end of the line (before its line ending) and returns how much it matched.

enum BlockScan {
    /// `***`, `---`, `___` with optional spaces/tabs in between, nothing else on the line. On failure
    /// `failedAt` is where the scan stopped: a later scan starting before it must fail too.
    static func thematicBreak(_ p: Bytes, _ i: Int, _ end: Int, failedAt: inout Int) -> Bool {
        let c = p[i]
        guard c == .asterisk || c == .hyphen || c == .underscore else { return false }
        var count = 0
        var j = i
        while j < end {
            let d = p[j]
            if d == c {
                count += 1
            } else if !isSpaceOrTab(d) {
                failedAt = j
                return false
            }
            j += 1
        }
        if count < 3 { failedAt = end }
        return count >= 3
    }

    /// `#` to `######` followed by a space, tab or the end of the line; returns the level or 0.
    static func atxHeading(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end && p[j] == .numberSign && j - i < 7 { j += 1 }
        let level = j - i
        guard level >= 1 && level <= 6 else { return 0 }
        if j < end && !isSpaceOrTab(p[j]) { return 0 }
        return level
    }

    /// An opening code fence: returns the fence length (0 if none). Backtick fences may not have a
    /// backtick in their info string.
    static func openingFence(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        let c = p[i]
        guard c == .backtick || c == .tilde else { return 0 }
        var j = i
        while j < end && p[j] == c { j += 1 }
        let length = j - i
        guard length >= 3 else { return 0 }
        if c == .backtick {
            while j < end {
                if p[j] == .backtick { return 0 }
                j += 1
            }
        }
        return length
    }

    /// A closing fence made of `c`: returns its length if only spaces/tabs follow, else 0.
    static func closingFence(_ p: Bytes, _ i: Int, _ end: Int, _ c: UInt8) -> Int {
        var j = i
        while j < end && p[j] == c { j += 1 }
        let length = j - i
        guard length >= 3, isBlankRest(p, j, end) else { return 0 }
        return length
    }

    /// A setext underline: 1 for `=`, 2 for `-`, 0 otherwise.
    static func setextUnderline(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        let c = p[i]
        guard c == .equalsSign || c == .hyphen else { return 0 }
        var j = i
        while j < end && p[j] == c { j += 1 }
        guard isBlankRest(p, j, end) else { return 0 }
        return c == .equalsSign ? 1 : 2
    }

    /// The kind (1–7) of HTML block starting at `i`, or 0. Kind 7 only when `allowKind7`
    /// (it cannot interrupt a paragraph).
    static func htmlBlockStart(_ p: Bytes, _ i: Int, _ end: Int, allowKind7: Bool) -> Int {
        guard p[i] == .lessThan, i + 1 < end else { return 0 }
        let c = p[i + 1]
        if c == .exclamationMark {
            if matchesExactly(p, i, end, "<!--") { return 2 }
            if matchesExactly(p, i, end, "<![CDATA[") { return 5 }
            if i + 2 < end && isLetter(p[i + 2]) { return 4 }
            return 0
        }
        if c == .questionMark { return 3 }
        let closing = c == .slash
        let nameStart = closing ? i + 2 : i + 1
        var j = nameStart
        while j < end && isAlphanumeric(p[j]) { j += 1 }
        let nameEnd = j
        if nameEnd > nameStart && isLetter(p[nameStart]) {
            let after: UInt8 = j < end ? p[j] : .lineFeed
            let endsName =
                isSpaceOrTab(after) || after == .lineFeed || after == .greaterThan
                || (after == .slash && j + 1 < end && p[j + 1] == .greaterThan) || j == end
            if !closing && endsName && isKind1Name(p, nameStart, nameEnd) { return 1 }
            if endsName && HTMLNames.isBlockName(p, nameStart, nameEnd) { return 6 }
        }
        if allowKind7 {
            let length = closing ? InlineScan.closingTag(p, i, end) : InlineScan.openTag(p, i, end)
            if length > 0 && isBlankRest(p, i + length, end) {
                if closing || !isKind1Name(p, nameStart, nameEnd) { return 7 }
            }
        }
        return 0
    }

    private static func isKind1Name(_ p: Bytes, _ s: Int, _ e: Int) -> Bool {
        switch e - s {
        case 3: return matchesLowercase(p, s, e, "pre")
        case 5: return matchesLowercase(p, s, e, "style")
        case 6: return matchesLowercase(p, s, e, "script")
        case 8: return matchesLowercase(p, s, e, "textarea")
        default: return false
        }
    }

    /// Whether a line ends an HTML block of kind 1–5 (the end marker appears anywhere on it).
    static func htmlBlockEnds(kind: Int, _ p: Bytes, _ i: Int, _ end: Int) -> Bool {
        var j = i
        switch kind {
        case 1:
            while j < end {
                if p[j] == .lessThan && j + 1 < end && p[j + 1] == .slash {
                    if matchesLowercase(p, j, end, "</script>") || matchesLowercase(p, j, end, "</pre>")
                        || matchesLowercase(p, j, end, "</style>") || matchesLowercase(p, j, end, "</textarea>")
                    {
                        return true
                    }
                }
                j += 1
            }
            return false
        case 2: return contains(p, i, end, "-->")
        case 3: return contains(p, i, end, "?>")
        case 4: return contains(p, i, end, ">")
        case 5: return contains(p, i, end, "]]>")
        default: return false
        }
    }

    static func contains(_ p: Bytes, _ i: Int, _ end: Int, _ word: StaticString) -> Bool {
        InlineScan.find(p, i, end, word) != nil
    }
}
