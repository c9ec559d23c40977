// Emphasis, strong emphasis, GFM strikethrough and smart quotes: delimiter runs are pushed on a stack
// and matched by `processEmphasis` (cmark's algorithm, with the "openers bottom" memo per kind of
// closer so that unmatched runs are never searched twice).

extension InlineParser {
    mutating func handleDelimiter(_ c: UInt8) {
        let start = pos
        let isQuote = c == 0x27 || c == 0x22
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
        if c == 0x5F {
            canOpen = leftFlanking && (!rightFlanking || beforePunct)
            canClose = rightFlanking && (!leftFlanking || afterPunct)
        } else if isQuote {
            canOpen = leftFlanking && !rightFlanking && before != 0x5D && before != 0x29
            canClose = rightFlanking
        } else {
            canOpen = leftFlanking
            canClose = rightFlanking
        }
        if c == 0x7E && n > 2 {
            canOpen = false
            canClose = false
        }
        let node: Int32
        if isQuote {
            // Unmatched quotes read as apostrophes / opening double quotes.
            node = addDecodedText(c == 0x27 ? [0xE2, 0x80, 0x99] : [0xE2, 0x80, 0x9C], protected: true)
        } else if canOpen || canClose {
            node = addProtectedText(start, pos)
        } else {
            addText(start, pos)
            return
        }
        guard canOpen || canClose else { return }
        var d = Delimiter(node: node, char: c, originalLength: n, count: n, canOpen: canOpen, canClose: canClose)
        d.prev = tail
        delimiters.append(d)
        let index = delimiters.count - 1
        if tail >= 0 { delimiters[tail].next = index } else { head = index }
        tail = index
    }

    mutating func removeDelimiter(_ i: Int) {
        let prev = delimiters[i].prev
        let next = delimiters[i].next
        if prev >= 0 { delimiters[prev].next = next } else { head = next }
        if next >= 0 { delimiters[next].prev = prev } else { tail = prev }
    }

    @inline(__always) func bottomKey(_ d: Delimiter) -> Int {
        let charIndex: Int
        switch d.char {
        case 0x2A: charIndex = 0
        case 0x5F: charIndex = 1
        case 0x7E: charIndex = 2
        case 0x27: charIndex = 3
        default: charIndex = 4
        }
        return charIndex * 6 + (d.canOpen ? 3 : 0) + d.originalLength % 3
    }

    /// Matches the delimiters above `bottom` (an index, or -1 for all) and removes them from the stack.
    mutating func processEmphasis(_ bottom: Int) {
        var openersBottom = (bottom, bottom, bottom, bottom, bottom, bottom, bottom, bottom, bottom, bottom,
                             bottom, bottom, bottom, bottom, bottom, bottom, bottom, bottom, bottom, bottom,
                             bottom, bottom, bottom, bottom, bottom, bottom, bottom, bottom, bottom, bottom)
        var closer = bottom >= 0 ? delimiters[bottom].next : head
        while closer >= 0 {
            let d = delimiters[closer]
            if !d.canClose {
                closer = d.next
                continue
            }
            let key = bottomKey(d)
            let floor = withUnsafeBytes(of: &openersBottom) { $0.load(fromByteOffset: key * MemoryLayout<Int>.stride, as: Int.self) }
            var opener = d.prev
            var found = false
            while opener >= 0 && opener > bottom && opener > floor {
                let o = delimiters[opener]
                if o.canOpen && o.char == d.char {
                    switch d.char {
                    case 0x2A, 0x5F:
                        let oddMatch = (d.canOpen || o.canClose) && d.originalLength % 3 != 0
                            && (o.originalLength + d.originalLength) % 3 == 0
                        found = !oddMatch
                    case 0x7E:
                        found = o.originalLength == d.originalLength
                    default:
                        found = true
                    }
                    if found { break }
                }
                opener = o.prev
            }
            let oldCloser = closer
            switch d.char {
            case 0x2A, 0x5F, 0x7E:
                if found {
                    closer = insertEmphasis(opener, closer)
                } else {
                    closer = d.next
                }
            default:
                // Smart quotes.
                let closing: [UInt8] = d.char == 0x27 ? [0xE2, 0x80, 0x99] : [0xE2, 0x80, 0x9D]
                setLiteral(d.node, closing)
                if found {
                    let opening: [UInt8] = d.char == 0x27 ? [0xE2, 0x80, 0x98] : [0xE2, 0x80, 0x9C]
                    setLiteral(delimiters[opener].node, opening)
                    removeDelimiter(opener)
                    removeDelimiter(oldCloser)
                }
                closer = d.next
            }
            if !found {
                let newFloor = delimiters[oldCloser].prev
                withUnsafeMutableBytes(of: &openersBottom) {
                    $0.storeBytes(of: newFloor, toByteOffset: key * MemoryLayout<Int>.stride, as: Int.self)
                }
                if !delimiters[oldCloser].canOpen { removeDelimiter(oldCloser) }
            }
        }
        // Everything above the bottom is done with.
        if bottom >= 0 {
            delimiters[bottom].next = -1
            tail = bottom
            delimiters.removeSubrange((bottom + 1)...)
        } else {
            head = -1
            tail = -1
            delimiters.removeAll(keepingCapacity: true)
        }
    }

    mutating func setLiteral(_ node: Int32, _ bytes: [UInt8]) {
        store.nodes[Int(node)].start = store.textTail
        store.text.append(contentsOf: bytes)
        store.nodes[Int(node)].end = store.textTail
    }

    /// Wraps the inlines between an opener and a closer in emphasis, strong or strikethrough; returns
    /// the next closer to look at.
    mutating func insertEmphasis(_ opener: Int, _ closer: Int) -> Int {
        let o = delimiters[opener]
        let c = delimiters[closer]
        let use: Int
        let kind: NodeKind
        if c.char == 0x7E {
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
        store.nodes[Int(openerNode)].end -= Int32(use)
        store.nodes[Int(closerNode)].start += Int32(use)

        let emphasis = store.makeNode(kind)
        let first = store.nodes[Int(openerNode)].next
        let e = Int(emphasis)
        if first != closerNode {
            let last = store.nodes[Int(closerNode)].prev
            store.nodes[e].first = first
            store.nodes[e].last = last
            store.nodes[Int(first)].prev = -1
            store.nodes[Int(last)].next = -1
            var child = first
            while child >= 0 {
                store.nodes[Int(child)].parent = emphasis
                child = store.nodes[Int(child)].next
            }
        }
        store.nodes[e].parent = store.nodes[Int(openerNode)].parent
        store.nodes[e].prev = openerNode
        store.nodes[e].next = closerNode
        store.nodes[Int(openerNode)].next = emphasis
        store.nodes[Int(closerNode)].prev = emphasis

        // The delimiters in between are inside the emphasis now.
        delimiters[opener].next = closer
        delimiters[closer].prev = opener

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
