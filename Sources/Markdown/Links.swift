// Links, images and footnote references: the bracket stack. A `]` looks at the nearest `[` or `![`
// and tries an inline link `(...)`, a full, collapsed or shortcut reference, then a footnote.

extension InlineParser {
    mutating func pushBracket(_ node: Int32, image: Bool, position: Int) {
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
        var target: LinkTarget?

        // Inline link: ( destination "title" )
        if pos < len && q[pos] == 0x28 {
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
                if j < len && q[j] == 0x29 {
                    let decoded = InlineScan.decodeTarget(
                        q, destination: destStart..<destEnd, pointy: dest.pointy,
                        title: titleLength > 0 ? titleStart..<(titleStart + titleLength) : nil)
                    target = LinkTarget(destination: decoded.destination, title: decoded.title,
                                        address: base + Int32(destStart))
                    pos = j + 1
                }
            }
        }

        var footnote: Int32 = -1
        if target == nil {
            // Reference link: [text][label], [text][] or [text].
            var label: [UInt8]?
            var after = afterText
            let labelLength = InlineScan.linkLabel(q, afterText, len)
            if labelLength > 0 {
                label = LinkLabels.normalize(q, afterText + 1, afterText + labelLength - 1)
                after = afterText + labelLength
            } else if !opener.bracketAfter && closeIndex - opener.position <= 999 {
                let collapsed = afterText + 1 < len && q[afterText] == 0x5B && q[afterText + 1] == 0x5D
                label = LinkLabels.normalize(q, opener.position, closeIndex)
                if collapsed { after = afterText + 2 }
            }
            if let label, !label.isEmpty, let found = references[label] {
                target = found
                pos = after
            } else if options.footnotes && labelLength == 0 && !opener.bracketAfter
                        && closeIndex - opener.position >= 2 && q[opener.position] == 0x5E {
                let key = LinkLabels.normalize(q, opener.position + 1, closeIndex)
                if footnoteDefinitions[key] != nil {
                    store.footnoteLabels.append(key)
                    footnote = Int32(store.footnoteLabels.count - 1)
                }
            }
        }

        if footnote >= 0 {
            popBracket()
            let reference = store.makeNode(.footnoteReference)
            store.nodes[Int(reference)].aux = footnote
            // Drop the label's text; an image opener keeps its `!`.
            while store.nodes[Int(opener.node)].next >= 0 {
                store.unlink(store.nodes[Int(opener.node)].next)
            }
            truncateDelimiters(to: opener.delimiterBottom)
            if opener.image {
                store.nodes[Int(opener.node)].end -= 1
                store.nodes[Int(opener.node)].flags = 0
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

        let link = store.makeNode(opener.image ? .image : .link)
        store.links.append(LinkInfo(destination: target.destination, title: target.title, address: target.address))
        store.nodes[Int(link)].aux = Int32(store.links.count - 1)
        // Everything after the opener becomes the link text.
        let first = store.nodes[Int(opener.node)].next
        if first >= 0 {
            let l = Int(link)
            store.nodes[l].first = first
            store.nodes[l].last = store.nodes[Int(block)].last
            store.nodes[Int(first)].prev = -1
            var child = first
            while child >= 0 {
                store.nodes[Int(child)].parent = link
                child = store.nodes[Int(child)].next
            }
            store.nodes[Int(opener.node)].next = -1
            store.nodes[Int(block)].last = opener.node
        }
        store.insertAfter(opener.node, link)
        store.unlink(opener.node)
        processEmphasis(opener.delimiterBottom)
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

    /// Drops the delimiters above `bottom` without matching them (their text stays as it is).
    mutating func truncateDelimiters(to bottom: Int) {
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
}
