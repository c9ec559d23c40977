// Links, images and footnote references: the bracket stack. A `]` looks at the nearest `[` or `![`
// and tries an inline link `(...)`, a full, collapsed or shortcut reference, then a footnote.

extension InlineParser {
    mutating func pushBracket(_ node: NodeIndex, image: Bool, position: Int) {
        if !brackets.isEmpty { brackets[brackets.count - 1].bracketAfter = true }
        brackets.append(Bracket(node: node, position: position, image: image, delimiterBottom: tail))
    }

    mutating func handleCloseBracket() {
        let closeIndex = pos
        pos += 1
        guard let opener = brackets.last else {
            addText(closeIndex, pos)
            return
        }
        let active = opener.image || brackets.count - 1 >= linkOpenerFloor
        guard active else {
            popBracket()
            addText(closeIndex, pos)
            return
        }
        let afterText = pos
        var target: LinkInfo?

        // Inline link: ( destination "title" )
        if pos < len && q[pos] == .leftParenthesis {
            var i = pos + 1
            while i < len && isASCIIWhitespace(q[i]) { i += 1 }
            if let dest = InlineScan.linkDestination(q, i, len) {
                let destStart = i
                let destEnd = i + dest.length
                var j = destEnd
                while j < len && isASCIIWhitespace(q[j]) { j += 1 }
                var titleLength = 0
                let titleStart = j
                if j > destEnd {
                    titleLength = InlineScan.linkTitle(q, j, len)
                    j += titleLength
                    while j < len && isASCIIWhitespace(q[j]) { j += 1 }
                }
                if j < len && q[j] == .rightParenthesis {
                    target = InlineScan.decodeTarget(
                        q, base: base, destination: destStart..<destEnd, pointy: dest.pointy,
                        title: titleLength > 0 ? titleStart..<(titleStart + titleLength) : nil,
                        into: &store.text, textBase: Int32(store.sourceCount))
                    pos = j + 1
                }
            }
        }

        var footnote: Int32?
        if target == nil {
            // Reference link: [text][label], [text][] or [text]. Labels are only worth normalising
            // when the document defines any.
            var label: LinkLabel?
            var after = afterText
            let labelLength = InlineScan.linkLabel(q, afterText, len)
            if references.isEmpty {
                if labelLength > 0 { after = afterText + labelLength }
            } else if labelLength > 0 {
                label = LinkLabels.normalize(q, afterText + 1, afterText + labelLength - 1, reusing: &labelBuffer)
                after = afterText + labelLength
            } else if !opener.bracketAfter && closeIndex - opener.position <= 999 {
                let collapsed = afterText + 1 < len && q[afterText] == .leftBracket && q[afterText + 1] == .rightBracket
                label = LinkLabels.normalize(q, opener.position, closeIndex, reusing: &labelBuffer)
                if collapsed { after = afterText + 2 }
            }
            if let label, !label.bytes.isEmpty, let found = references[label] {
                target = found
                pos = after
            } else if options.footnotes && !footnoteDefinitions.isEmpty && labelLength == 0 && !opener.bracketAfter
                && closeIndex - opener.position >= 2 && q[opener.position] == .caret
            {
                let key = LinkLabels.normalize(q, opener.position + 1, closeIndex)
                if footnoteDefinitions[key] != nil {
                    store.footnoteLabels.append(key)
                    footnote = Int32(store.footnoteLabels.count - 1)
                }
            }
        }

        if let footnote {
            popBracket()
            // The reference starts at the `[` (an image opener keeps its `!` as text).
            let reference = store.makeNode(
                .footnoteReference, position: store[opener.node].position + (opener.image ? 1 : 0))
            store[reference].data = footnote
            // Drop the label's text.
            while let labelText = store[opener.node].next { store.unlink(labelText) }
            truncateDelimiters(above: opener.delimiterBottom)
            if opener.image {
                store[opener.node].end -= 1
                store[opener.node].flags = []
                store.appendChild(block, reference)
            } else {
                store.insertAfter(opener.node, reference)
                store.unlink(opener.node)
            }
            return
        }

        guard let target else {
            popBracket()
            pos = afterText
            addText(closeIndex, afterText)
            return
        }

        let link = store.makeNode(opener.image ? .image : .link, position: store[opener.node].position)
        store.links.append(target)
        store[link].data = Int32(store.links.count - 1)
        // Everything after the opener becomes the link text.
        if let first = store[opener.node].next, let last = store[block].last {
            store.adopt(link, first: first, last: last)
            store[opener.node].next = nil
            store[block].last = opener.node
        }
        store.insertAfter(opener.node, link)
        store.unlink(opener.node)
        processEmphasis(above: opener.delimiterBottom)
        if autolinksInBrackets && !opener.image { unwrapAutolinks(in: link) }
        popBracket()
        if !opener.image {
            // Links may not contain links: every earlier `[` is inactive now.
            linkOpenerFloor = brackets.count
        }
    }

    /// Pops the top bracket; a later `[` at the same depth is active again.
    mutating func popBracket() {
        brackets.removeLast()
        if linkOpenerFloor > brackets.count { linkOpenerFloor = brackets.count }
    }
}
