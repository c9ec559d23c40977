// Emphasis, strong emphasis, GFM strikethrough and smart quotes: delimiter runs are pushed on a stack
// and matched by `processEmphasis` (cmark's algorithm, with the "openers bottom" memo per kind of
// closer so that unmatched runs are never searched twice).

extension InlineParser {
    mutating func handleDelimiter(_ c: UInt8) {
        let start = pos
        let isQuote = c == .apostrophe || c == .quotationMark
        if isQuote {
            pos += 1
        } else {
            while pos < len && q[pos] == c { pos += 1 }
        }
        let n = pos - start
        let before = scalarBefore(q, start, subjectStart)
        let after = scalarAt(q, pos, len)
        let beforeSpace = isUnicodeWhitespace(before)
        let afterSpace = isUnicodeWhitespace(after)
        let beforePunct = isUnicodePunctuation(before)
        let afterPunct = isUnicodePunctuation(after)
        let leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
        let rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
        var canOpen: Bool
        var canClose: Bool
        if c == .underscore {
            canOpen = leftFlanking && (!rightFlanking || beforePunct)
            canClose = rightFlanking && (!leftFlanking || afterPunct)
        } else if isQuote {
            canOpen =
                leftFlanking && !rightFlanking && before != UInt32(UInt8.rightBracket)
                && before != UInt32(UInt8.rightParenthesis)
            canClose = rightFlanking
        } else {
            canOpen = leftFlanking
            canClose = rightFlanking
        }
        if c == .tilde && n > 2 {
            canOpen = false
            canClose = false
        }
        let node: NodeIndex
        if isQuote {
            // Unmatched quotes read as apostrophes / opening double quotes.
            node = addDecodedText(c == .apostrophe ? "’" : "“", at: start, standalone: true)
        } else if canOpen || canClose {
            node = addStandaloneText(start, pos)
        } else {
            addText(start, pos)
            return
        }
        guard canOpen || canClose else { return }
        let index = delimiters.count
        delimiters.append(
            Delimiter(
                node: node, char: c, originalLength: n, count: n, canOpen: canOpen,
                canClose: canClose, previous: tail, next: nil))
        if let tail { delimiters[tail].next = index } else { head = index }
        tail = index
    }

    mutating func removeDelimiter(_ i: Int) {
        let previous = delimiters[i].previous
        let next = delimiters[i].next
        if let previous { delimiters[previous].next = next } else { head = next }
        if let next { delimiters[next].previous = previous } else { tail = previous }
    }

    /// Which "openers bottom" a closer uses: one per delimiter character, whether the closer can also
    /// open, and its length modulo 3 (the rule of 3).
    @inline(__always) func bottomKey(_ d: Delimiter) -> Int {
        let charIndex: Int
        switch d.char {
        case .asterisk: charIndex = 0
        case .underscore: charIndex = 1
        case .tilde: charIndex = 2
        case .apostrophe: charIndex = 3
        default: charIndex = 4
        }
        return charIndex * 6 + (d.canOpen ? 3 : 0) + d.originalLength % 3
    }

    /// Matches the delimiters above `bottom` (all when nil) and removes them from the stack.
    mutating func processEmphasis(above bottom: Int?) {
        let floorOfAll = bottom ?? -1
        // For each kind of closer (`bottomKey`), the delimiter at or below which no opener for it is left.
        for key in 0..<openersBottom.count { openersBottom[key] = floorOfAll }
        var closer = bottom.map { delimiters[$0].next } ?? head
        while let closerIndex = closer {
            let d = delimiters[closerIndex]
            if !d.canClose {
                closer = d.next
                continue
            }
            let key = bottomKey(d)
            let floor = openersBottom[key]
            var opener = d.previous
            var found = false
            while let o = opener, o > floorOfAll, o > floor {
                let candidate = delimiters[o]
                if candidate.canOpen && candidate.char == d.char {
                    switch d.char {
                    case .asterisk, .underscore:
                        let oddMatch =
                            (d.canOpen || candidate.canClose) && d.originalLength % 3 != 0
                            && (candidate.originalLength + d.originalLength) % 3 == 0
                        found = !oddMatch
                    case .tilde:
                        found = candidate.originalLength == d.originalLength
                    default:
                        found = true
                    }
                    if found { break }
                }
                opener = candidate.previous
            }
            switch d.char {
            case .asterisk, .underscore, .tilde:
                if found, let o = opener {
                    closer = insertEmphasis(o, closerIndex)
                } else {
                    closer = d.next
                }
            default:
                // Smart quotes.
                setLiteral(d.node, d.char == .apostrophe ? "’" : "”")
                if found, let o = opener {
                    setLiteral(delimiters[o].node, d.char == .apostrophe ? "‘" : "“")
                    removeDelimiter(o)
                    removeDelimiter(closerIndex)
                }
                closer = d.next
            }
            if !found {
                openersBottom[key] = delimiters[closerIndex].previous ?? -1
                if !delimiters[closerIndex].canOpen { removeDelimiter(closerIndex) }
            }
        }
        truncateDelimiters(above: bottom)
    }

    /// Drops the delimiters above `bottom` (all when nil) without matching them; their text stays.
    mutating func truncateDelimiters(above bottom: Int?) {
        if let bottom {
            delimiters[bottom].next = nil
            tail = bottom
            delimiters.truncate(to: bottom + 1)
        } else {
            head = nil
            tail = nil
            delimiters.truncate(to: 0)
        }
    }

    mutating func setLiteral(_ node: NodeIndex, _ bytes: StaticString) {
        store[node].start = store.textTail
        store.text.append(bytes)
        store[node].end = store.textTail
    }

    /// Wraps the inlines between an opener and a closer in emphasis, strong or strikethrough; returns
    /// the next closer to look at.
    mutating func insertEmphasis(_ opener: Int, _ closer: Int) -> Int? {
        let o = delimiters[opener]
        let c = delimiters[closer]
        let use: Int
        let kind: NodeKind
        if c.char == .tilde {
            use = c.count
            kind = .strikethrough
        } else {
            use = (c.count >= 2 && o.count >= 2) ? 2 : 1
            kind = use == 2 ? .strong : .emphasis
        }
        delimiters[opener].count -= use
        delimiters[closer].count -= use
        let openerNode = o.node
        let closerNode = c.node
        store[openerNode].end -= Int32(use)
        store[closerNode].start += Int32(use)

        // The emphasis starts at the opener's delimiters it uses.
        let emphasis = store.makeNode(kind, position: store[openerNode].end)
        if let first = store[openerNode].next, first != closerNode, let last = store[closerNode].previous {
            store.adopt(emphasis, first: first, last: last)
        }
        store[emphasis].parent = store[openerNode].parent
        store[emphasis].previous = openerNode
        store[emphasis].next = closerNode
        store[openerNode].next = emphasis
        store[closerNode].previous = emphasis

        // The delimiters in between are inside the emphasis now.
        delimiters[opener].next = closer
        delimiters[closer].previous = opener

        if delimiters[opener].count == 0 {
            store.unlink(openerNode)
            removeDelimiter(opener)
        }
        if delimiters[closer].count == 0 {
            let next = delimiters[closer].next
            store.unlink(closerNode)
            removeDelimiter(closer)
            return next
        }
        return closer
    }
}
