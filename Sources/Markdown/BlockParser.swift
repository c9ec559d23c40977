// Phase one: lines into the block tree (container blocks, leaf blocks, link reference definitions),
// following the CommonMark spec's "appendix A" strategy: match the open containers, open new blocks,
// then add the rest of the line to the tip.

/// A link reference definition, resolved.
struct LinkTarget {
    var destination: [UInt8]
    var title: [UInt8]
    var address: Int32
}

struct BlockParser {
    let p: Bytes
    var store: Storage
    let options: MarkdownOptions
    let lineOffset: Int
    var references: [[UInt8]: LinkTarget] = [:]
    /// Normalised footnote label to its (first) definition node.
    var footnoteDefinitions: [[UInt8]: Int32] = [:]

    var lineNumber = 0
    var lineStart = 0
    var lineEnd = 0
    var eolEnd = 0
    var offset = 0
    var column = 0
    var firstNonspace = 0
    var firstNonspaceColumn = 0
    var indent = 0
    var blank = false
    var partiallyConsumedTab = false
    /// Where the last failed thematic-break scan of this line stopped (keeps `- - - … a` linear).
    var thematicBreakKillPosition = 0
    var root: Int32 = 0
    var tip: Int32 = 0
    /// Address where the last line added to the tip paragraph starts (a table header candidate).
    var lastLineAddress: Int32 = 0
    /// Changes whenever a block opens, closes or changes kind, so that `emptyRestWalk` knows when it
    /// no longer holds.
    var structureVersion = 0
    /// Where matching the open blocks against an empty rest of a line went the last time: from `from`
    /// down to `to`. While the open blocks stay the same, an empty rest goes the same way, so a run of
    /// empty lines below 30,000 open lists does not walk them all again for every line.
    var emptyRestWalk = (from: Int32(-1), to: Int32(-1), allMatched: true, version: -1)
    /// The one open block whose `lastLineBlank` flag may be set: the container of the previous line,
    /// when that line was blank (see `updateLastLineBlank`).
    var blankContainer: Int32 = -1

    init(source: Bytes, options: MarkdownOptions, firstLine: Int) {
        p = source
        self.options = options
        lineOffset = firstLine - 1
        store = Storage(sourceCount: source.count)
        // Generous: pages never touched are never resident, while growing by doubling would copy the
        // whole arena and briefly hold both copies.
        store.nodes.reserveCapacity(source.count / 4 + 64)
        root = store.makeNode(.document)
        store.nodes[0].flags = NodeFlags.open
        store.nodes[0].line = Int32(firstLine)
        store.nodes[0].column = 1
        tip = root
    }

    mutating func run() {
        let count = p.count
        var i = 0
        while i < count {
            var e = i
            while e < count {
                let c = p[e]
                if c == 0x0A || c == 0x0D { break }
                e += 1
            }
            var eol = e
            if eol < count {
                eol += (p[eol] == 0x0D && eol + 1 < count && p[eol + 1] == 0x0A) ? 2 : 1
            }
            processLine(i, e, eol)
            i = eol
        }
        var node = tip
        while node >= 0 { node = finalize(node) }
    }

    // MARK: Line state

    @inline(__always) func peek(_ i: Int) -> UInt8 { i < lineEnd ? p[i] : 0x0A }
    @inline(__always) func kind(_ n: Int32) -> NodeKind { store.nodes[Int(n)].kind }

    /// Finds the first non-space at or after `offset`. The scan is skipped while the last result is
    /// still ahead of `offset`, so matching many nested containers does not rescan the indentation.
    mutating func findFirstNonspace() {
        if firstNonspace <= offset {
            var i = offset
            var col = column
            var charsToTab = 4 - (column % 4)
            while i < lineEnd {
                let c = p[i]
                if c == 0x20 {
                    i += 1
                    col += 1
                    charsToTab -= 1
                    if charsToTab == 0 { charsToTab = 4 }
                } else if c == 0x09 {
                    i += 1
                    col += charsToTab
                    charsToTab = 4
                } else {
                    break
                }
            }
            firstNonspace = i
            firstNonspaceColumn = col
        }
        indent = firstNonspaceColumn - column
        blank = firstNonspace >= lineEnd
    }

    mutating func advanceOffset(_ amount: Int, columns: Bool) {
        var count = amount
        while count > 0 && offset < lineEnd {
            if p[offset] == 0x09 {
                let charsToTab = 4 - (column % 4)
                if columns {
                    partiallyConsumedTab = charsToTab > count
                    let advance = min(count, charsToTab)
                    column += advance
                    offset += partiallyConsumedTab ? 0 : 1
                    count -= advance
                } else {
                    partiallyConsumedTab = false
                    column += charsToTab
                    offset += 1
                    count -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }

    // MARK: Blocks

    mutating func addChild(_ parentIn: Int32, _ kind: NodeKind, at position: Int) -> Int32 {
        var parent = parentIn
        while !canContain(self.kind(parent), kind) {
            parent = finalize(parent)
        }
        structureVersion += 1
        let node = store.makeNode(kind)
        let n = Int(node)
        store.nodes[n].flags = NodeFlags.open
        store.nodes[n].line = Int32(lineNumber + lineOffset)
        store.nodes[n].column = Int32(position - lineStart + 1)
        store.nodes[n].start = -1
        store.nodes[n].end = -1
        store.appendChild(parent, node)
        return node
    }

    func canContain(_ parent: NodeKind, _ child: NodeKind) -> Bool {
        switch parent {
        case .document, .blockQuote, .item, .footnoteDefinition: return child != .item && child != .tableRow
        case .list: return child == .item
        case .table: return child == .tableRow
        default: return false
        }
    }

    func acceptsLines(_ kind: NodeKind) -> Bool {
        kind == .paragraph || kind == .heading || kind == .codeBlock || kind == .htmlBlock || kind == .table
    }

    mutating func processLine(_ s: Int, _ e: Int, _ eol: Int) {
        lineStart = s
        lineEnd = e
        eolEnd = eol
        offset = s
        column = 0
        firstNonspace = s - 1
        thematicBreakKillPosition = s
        blank = false
        partiallyConsumedTab = false
        lineNumber += 1

        // 1. Which open blocks does this line continue?
        var container = root
        var allMatched = true
        var emptyRestFrom: Int32 = -1
        while true {
            if offset >= lineEnd {
                // Nothing is left of the line: below here only the kinds of the open blocks decide.
                if emptyRestWalk.version == structureVersion && emptyRestWalk.from == container {
                    container = emptyRestWalk.to
                    allMatched = emptyRestWalk.allMatched
                    break
                }
                if emptyRestFrom < 0 { emptyRestFrom = container }
            }
            let last = store.nodes[Int(container)].last
            guard last >= 0, store.nodes[Int(last)].flags & NodeFlags.open != 0 else { break }
            container = last
            findFirstNonspace()
            var matched = true
            switch kind(container) {
            case .blockQuote:
                if indent <= 3 && peek(firstNonspace) == 0x3E {
                    advanceOffset(indent + 1, columns: true)
                    if offset < lineEnd && isSpaceOrTab(p[offset]) { advanceOffset(1, columns: true) }
                } else {
                    matched = false
                }
            case .item:
                let info = store.lists[Int(store.nodes[Int(container)].aux)]
                if indent >= info.markerOffset + info.padding {
                    advanceOffset(info.markerOffset + info.padding, columns: true)
                } else if blank && store.nodes[Int(container)].first >= 0 {
                    advanceOffset(firstNonspace - offset, columns: false)
                } else {
                    matched = false
                }
            case .footnoteDefinition:
                if indent >= 4 {
                    advanceOffset(4, columns: true)
                } else if !blank {
                    matched = false
                }
            case .codeBlock:
                let n = Int(container)
                if store.nodes[n].flags & NodeFlags.fenced != 0 {
                    let code = store.codes[Int(store.nodes[n].aux)]
                    if indent <= 3 && peek(firstNonspace) == code.fenceChar {
                        let length = BlockScan.closingFence(p, firstNonspace, lineEnd, code.fenceChar)
                        if length >= code.fenceLength {
                            // A closing fence ends the block and the line.
                            tip = finalize(container)
                            return
                        }
                    }
                    var i = code.fenceOffset
                    while i > 0 && offset < lineEnd && isSpaceOrTab(p[offset]) {
                        advanceOffset(1, columns: true)
                        i -= 1
                    }
                } else if indent >= 4 {
                    advanceOffset(4, columns: true)
                } else if blank {
                    advanceOffset(firstNonspace - offset, columns: false)
                } else {
                    matched = false
                }
            case .heading:
                matched = false
            case .htmlBlock:
                if blank && store.nodes[Int(container)].level >= 6 { matched = false }
            case .paragraph, .table:
                if blank { matched = false }
            default:
                break
            }
            if !matched {
                container = store.nodes[Int(container)].parent
                allMatched = false
                break
            }
        }
        if emptyRestFrom >= 0 {
            emptyRestWalk = (emptyRestFrom, container, allMatched, structureVersion)
        }
        let lastMatched = container

        // 2. New block starts.
        var openedFence = false
        var maybeLazy = kind(tip) == .paragraph
        var containerKind = kind(container)
        while containerKind != .codeBlock && containerKind != .htmlBlock {
            findFirstNonspace()
            let indented = indent >= 4
            let c = peek(firstNonspace)
            if !indented && c == 0x3E {
                let start = firstNonspace
                advanceOffset(firstNonspace + 1 - offset, columns: false)
                if offset < lineEnd && isSpaceOrTab(p[offset]) { advanceOffset(1, columns: true) }
                container = addChild(container, .blockQuote, at: start)
            } else if !indented && c == 0x23, case let level = BlockScan.atxHeading(p, firstNonspace, lineEnd), level > 0 {
                let start = firstNonspace
                advanceOffset(firstNonspace + level - offset, columns: false)
                container = addChild(container, .heading, at: start)
                store.nodes[Int(container)].level = UInt8(level)
            } else if !indented && (c == 0x60 || c == 0x7E),
                      case let length = BlockScan.openingFence(p, firstNonspace, lineEnd), length > 0 {
                let start = firstNonspace
                container = addChild(container, .codeBlock, at: start)
                var code = CodeInfo(fenceChar: c, fenceLength: length, fenceOffset: firstNonspace - offset)
                // The info string: trimmed, escapes and entities resolved.
                var i = firstNonspace + length
                while i < lineEnd && isSpaceOrTab(p[i]) { i += 1 }
                var j = lineEnd
                while j > i && isSpaceOrTab(p[j - 1]) { j -= 1 }
                code.infoStart = store.textTail
                Entities.unescape(p, i, j, into: &store.text)
                code.infoEnd = store.textTail
                store.codes.append(code)
                store.nodes[Int(container)].aux = Int32(store.codes.count - 1)
                store.nodes[Int(container)].flags |= NodeFlags.fenced
                advanceOffset(lineEnd - offset, columns: false)
                openedFence = true
            } else if !indented && c == 0x3C,
                      // Kind 7 cannot interrupt a paragraph, not even one this line would lazily continue.
                      case let htmlKind = BlockScan.htmlBlockStart(p, firstNonspace, lineEnd,
                                                                   allowKind7: containerKind != .paragraph && !maybeLazy),
                      htmlKind > 0 {
                container = addChild(container, .htmlBlock, at: firstNonspace)
                store.nodes[Int(container)].level = UInt8(htmlKind)
            } else if !indented && containerKind == .paragraph && (c == 0x3D || c == 0x2D),
                      case let level = BlockScan.setextUnderline(p, firstNonspace, lineEnd), level > 0 {
                if resolveReferenceDefinitions(container) {
                    structureVersion += 1
                    let n = Int(container)
                    store.nodes[n].kind = .heading
                    store.nodes[n].level = UInt8(level)
                    store.nodes[n].flags |= NodeFlags.setext
                    advanceOffset(lineEnd - offset, columns: false)
                }
            } else if !indented && !(containerKind == .paragraph && !allMatched)
                        && (c == 0x2A || c == 0x2D || c == 0x5F) && thematicBreakKillPosition <= firstNonspace
                        && BlockScan.thematicBreak(p, firstNonspace, lineEnd, failedAt: &thematicBreakKillPosition) {
                container = addChild(container, .thematicBreak, at: firstNonspace)
                advanceOffset(lineEnd - offset, columns: false)
            } else if !indented && options.footnotes && c == 0x5B, let (length, label) = footnoteDefinitionStart() {
                let start = firstNonspace
                advanceOffset(firstNonspace + length - offset, columns: false)
                container = addChild(container, .footnoteDefinition, at: start)
                store.footnoteLabels.append(label)
                store.nodes[Int(container)].aux = Int32(store.footnoteLabels.count - 1)
                if footnoteDefinitions[label] == nil { footnoteDefinitions[label] = container }
            } else if !indented, let (length, info) = listMarker(interruptsParagraph: containerKind == .paragraph) {
                let start = firstNonspace
                advanceOffset(firstNonspace + length - offset, columns: false)
                let savedTab = partiallyConsumedTab
                let savedOffset = offset
                let savedColumn = column
                while column - savedColumn <= 5 && offset < lineEnd && isSpaceOrTab(p[offset]) {
                    advanceOffset(1, columns: true)
                }
                let spaces = column - savedColumn
                var data = info
                if spaces >= 5 || spaces < 1 || offset >= lineEnd {
                    data.padding = length + 1
                    offset = savedOffset
                    column = savedColumn
                    partiallyConsumedTab = savedTab
                    if spaces > 0 { advanceOffset(1, columns: true) }
                } else {
                    data.padding = length + spaces
                }
                data.markerOffset = indent
                var continues = false
                if containerKind == .list {
                    let list = store.lists[Int(store.nodes[Int(container)].aux)]
                    continues = list.ordered == data.ordered && list.delimiter == data.delimiter
                        && list.bulletChar == data.bulletChar
                }
                if !continues {
                    container = addChild(container, .list, at: start)
                    store.lists.append(data)
                    store.nodes[Int(container)].aux = Int32(store.lists.count - 1)
                    if data.ordered { store.nodes[Int(container)].flags |= NodeFlags.ordered }
                }
                container = addChild(container, .item, at: start)
                store.lists.append(data)
                store.nodes[Int(container)].aux = Int32(store.lists.count - 1)
            } else if indented && !maybeLazy && !blank {
                advanceOffset(4, columns: true)
                container = addChild(container, .codeBlock, at: offset)
                store.codes.append(CodeInfo())
                store.nodes[Int(container)].aux = Int32(store.codes.count - 1)
            } else if options.gfm && !indented && containerKind == .paragraph && allMatched,
                      let table = openTable(container) {
                container = table
                advanceOffset(lineEnd - offset, columns: false)
            } else {
                break
            }
            if acceptsLines(kind(container)) { break }
            containerKind = kind(container)
            maybeLazy = false
        }

        // 3. The rest of the line.
        findFirstNonspace()
        if blank {
            let last = store.nodes[Int(container)].last
            if last >= 0 { store.nodes[Int(last)].flags |= NodeFlags.lastLineBlank }
        }
        let ck = kind(container)
        let cn = Int(container)
        updateLastLineBlank(container, lastMatched: lastMatched)

        if tip != lastMatched && container == lastMatched && !blank && kind(tip) == .paragraph {
            // Lazy continuation line: added from where the containers stopped matching (its leading
            // whitespace can matter inside a code span).
            addLine(tip, from: partiallyConsumedTab ? offset + 1 : offset, padTab: partiallyConsumedTab)
            return
        }
        while tip != lastMatched {
            tip = finalize(tip)
        }
        switch ck {
        case .codeBlock:
            // The opening fence line is not content (its info string was taken already).
            if !openedFence {
                addLine(container, from: partiallyConsumedTab ? offset + 1 : offset, padTab: partiallyConsumedTab)
            }
        case .htmlBlock:
            addLine(container, from: partiallyConsumedTab ? offset + 1 : offset, padTab: partiallyConsumedTab)
            let htmlKind = Int(store.nodes[cn].level)
            if htmlKind <= 5 && BlockScan.htmlBlockEnds(kind: htmlKind, p, firstNonspace, lineEnd) {
                container = finalize(container)
            }
        case _ where blank:
            break
        case .heading:
            if store.nodes[cn].flags & NodeFlags.setext == 0 {
                setATXContent(container)
            } else {
                addLine(container, from: firstNonspace, padTab: false)
            }
        case .paragraph:
            addLine(container, from: firstNonspace, padTab: false)
        case .table:
            addTableRow(container, from: firstNonspace)
        default:
            container = addChild(container, .paragraph, at: firstNonspace)
            addLine(container, from: firstNonspace, padTab: false)
        }
        tip = container
    }

    /// Sets the container's `lastLineBlank` flag for this line and clears it on the container's
    /// ancestors, as cmark does. Clearing them all would walk every open block for every line; but at
    /// most one open block has the flag (`blankContainer`, the container of the previous line if that
    /// line was blank, and then the deepest open block). It is an ancestor of this line's container
    /// exactly when this line matched it and it is still open (new blocks open below it).
    mutating func updateLastLineBlank(_ container: Int32, lastMatched: Int32) {
        let cn = Int(container)
        let ck = store.nodes[cn].kind
        let lastLineBlank = blank && ck != .blockQuote && ck != .heading && ck != .thematicBreak
            && !(ck == .codeBlock && store.nodes[cn].flags & NodeFlags.fenced != 0)
            && !(ck == .item && store.nodes[cn].first < 0 && Int(store.nodes[cn].line) == lineNumber + lineOffset)
        if lastLineBlank {
            store.nodes[cn].flags |= NodeFlags.lastLineBlank
        } else {
            store.nodes[cn].flags &= ~NodeFlags.lastLineBlank
        }
        let previous = blankContainer
        if previous >= 0 && previous != container && previous == lastMatched
            && store.nodes[Int(previous)].flags & NodeFlags.open != 0 {
            store.nodes[Int(previous)].flags &= ~NodeFlags.lastLineBlank
        }
        blankContainer = lastLineBlank ? container : -1
    }

    /// The text of an ATX heading: trimmed, without the optional closing sequence of `#`.
    mutating func setATXContent(_ node: Int32) {
        var s = firstNonspace
        var e = lineEnd
        while e > s && isSpaceOrTab(p[e - 1]) { e -= 1 }
        var h = e
        while h > s && p[h - 1] == 0x23 { h -= 1 }
        if h < e && (h == s || isSpaceOrTab(p[h - 1])) {
            e = h
            while e > s && isSpaceOrTab(p[e - 1]) { e -= 1 }
        }
        if e < s { s = e }
        store.nodes[Int(node)].start = Int32(s)
        store.nodes[Int(node)].end = Int32(e)
    }

    /// Appends `p[from..<eolEnd]` to a leaf's content. Content that continues where the previous line
    /// ended in the source stays a reference into the source; otherwise it is copied into the text store.
    mutating func addLine(_ node: Int32, from: Int, padTab: Bool) {
        let n = Int(node)
        let start = store.nodes[n].start
        let end = store.nodes[n].end
        let sourceCount = Int32(store.sourceCount)
        if !padTab {
            if start < 0 {
                store.nodes[n].start = Int32(from)
                store.nodes[n].end = Int32(eolEnd)
                lastLineAddress = Int32(from)
                return
            }
            if end == Int32(from) && end <= sourceCount {
                store.nodes[n].end = Int32(eolEnd)
                lastLineAddress = Int32(from)
                return
            }
        }
        if start < 0 {
            store.nodes[n].start = store.textTail
            store.nodes[n].end = store.textTail
        } else if !(start >= sourceCount && end == store.textTail) {
            // Move what we have to the tail of the text store, so the content stays contiguous.
            let newStart = store.textTail
            if start < sourceCount {
                store.copiedSegments.append((newStart, start))
                store.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[Int(start)..<Int(end)]))
            } else {
                let copy = Array(store.text[Int(start - sourceCount)..<Int(end - sourceCount)])
                store.text.append(contentsOf: copy)
            }
            store.nodes[n].start = newStart
            store.nodes[n].end = store.textTail
        }
        if padTab {
            let spaces = 4 - (column % 4)
            for _ in 0..<spaces { store.text.append(0x20) }
        }
        lastLineAddress = store.textTail
        store.copiedSegments.append((store.textTail, Int32(from)))
        if from < eolEnd {
            store.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[from..<eolEnd]))
        }
        store.nodes[n].end = store.textTail
    }

    /// A copy of the bytes at addresses `s..<e` (the source is only reachable through `p` while parsing).
    func contentBytes(_ s: Int32, _ e: Int32) -> [UInt8] {
        guard e > s else { return [] }
        let n = Int32(store.sourceCount)
        if s < n { return Array(p[Int(s)..<Int(e)]) }
        return Array(store.text[Int(s - n)..<Int(e - n)])
    }

    // MARK: Finalising

    /// Closes a block and returns its parent.
    mutating func finalize(_ node: Int32) -> Int32 {
        structureVersion += 1
        let n = Int(node)
        store.nodes[n].flags &= ~NodeFlags.open
        let parent = store.nodes[n].parent
        switch store.nodes[n].kind {
        case .paragraph:
            if !resolveReferenceDefinitions(node) {
                store.unlink(node)
            } else if options.gfm {
                detectTask(node)
            }
        case .codeBlock:
            if store.nodes[n].flags & NodeFlags.fenced == 0 { trimTrailingBlankLines(node) }
        case .list:
            finalizeList(node)
        default:
            break
        }
        return parent
    }

    mutating func trimTrailingBlankLines(_ node: Int32) {
        let n = Int(node)
        let s = store.nodes[n].start
        var e = store.nodes[n].end
        guard s >= 0 else { return }
        let bytes = store.sourceCount
        func at(_ a: Int32) -> UInt8 { Int(a) < bytes ? p[Int(a)] : store.text[Int(a) - bytes] }
        var k = e
        while k > s {
            let c = at(k - 1)
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { k -= 1 } else { break }
        }
        if k == s {
            e = s
        } else {
            // Keep the last non-blank line with its line ending.
            while k < e && at(k) != 0x0A && at(k) != 0x0D { k += 1 }
            if k < e {
                k += (at(k) == 0x0D && k + 1 < e && at(k + 1) == 0x0A) ? 2 : 1
            }
            e = k
        }
        store.nodes[n].end = e
    }

    mutating func finalizeList(_ node: Int32) {
        var tight = true
        var item = store.nodes[Int(node)].first
        outer: while item >= 0 {
            let itemNext = store.nodes[Int(item)].next
            // Cheap tests first: a deep chain of single items must not walk its whole depth per list.
            if itemNext >= 0 && endsWithBlankLine(item) {
                tight = false
                break
            }
            var sub = store.nodes[Int(item)].first
            while sub >= 0 {
                let subNext = store.nodes[Int(sub)].next
                if (itemNext >= 0 || subNext >= 0) && endsWithBlankLine(sub) {
                    tight = false
                    break outer
                }
                sub = subNext
            }
            item = itemNext
        }
        if tight { store.nodes[Int(node)].flags |= NodeFlags.tight }
    }

    func endsWithBlankLine(_ node: Int32) -> Bool {
        var current = node
        while current >= 0 {
            let record = store.nodes[Int(current)]
            if record.flags & NodeFlags.lastLineBlank != 0 { return true }
            if record.kind == .list || record.kind == .item {
                current = record.last
            } else {
                return false
            }
        }
        return false
    }

    // MARK: List markers and footnote definitions

    // `mutating` only so that calls from `processLine` borrow self instead of copying it.
    mutating func listMarker(interruptsParagraph: Bool) -> (Int, ListInfo)? {
        var i = firstNonspace
        let c = peek(i)
        var info = ListInfo(ordered: false, bulletChar: 0, delimiter: 0, start: 0, markerOffset: 0, padding: 0)
        if c == 0x2A || c == 0x2D || c == 0x2B {
            i += 1
            if i < lineEnd && !isSpaceOrTab(p[i]) { return nil }
            if interruptsParagraph && isBlankRest(p, i, lineEnd) { return nil }
            info.bulletChar = c
        } else if isDigit(c) {
            var start = 0
            var digits = 0
            repeat {
                start = start * 10 + Int(p[i] - 0x30)
                i += 1
                digits += 1
            } while digits < 9 && i < lineEnd && isDigit(p[i])
            if interruptsParagraph && start != 1 { return nil }
            let d = peek(i)
            guard d == 0x2E || d == 0x29 else { return nil }
            i += 1
            if i < lineEnd && !isSpaceOrTab(p[i]) { return nil }
            if interruptsParagraph && isBlankRest(p, i, lineEnd) { return nil }
            info.ordered = true
            info.delimiter = d
            info.start = start
        } else {
            return nil
        }
        return (i - firstNonspace, info)
    }

    /// `[^label]:` followed by optional spaces and tabs: the matched length and the normalised label.
    mutating func footnoteDefinitionStart() -> (Int, [UInt8])? {
        let s = firstNonspace
        guard s + 1 < lineEnd, p[s + 1] == 0x5E else { return nil }
        var i = s + 2
        while i < lineEnd {
            let c = p[i]
            if c == 0x5D || c == 0x20 || c == 0x09 || c == 0 { break }
            i += 1
        }
        guard i > s + 2, i + 1 < lineEnd || i + 1 == lineEnd, i < lineEnd, p[i] == 0x5D,
              i + 1 < lineEnd, p[i + 1] == 0x3A else { return nil }
        let label = LinkLabels.normalize(p, s + 2, i)
        var j = i + 2
        while j < lineEnd && isSpaceOrTab(p[j]) { j += 1 }
        return (j - s, label)
    }

    // MARK: Link reference definitions

    /// Parses the definitions at the start of a paragraph and drops them from its content; returns
    /// whether anything but whitespace is left.
    mutating func resolveReferenceDefinitions(_ node: Int32) -> Bool {
        let n = Int(node)
        let s = store.nodes[n].start
        let e = store.nodes[n].end
        guard s >= 0, e > s else { return false }
        let sourceCount = Int32(store.sourceCount)
        if s < sourceCount {
            let consumed = parseDefinitions(p, Int(s), Int(e), baseAddress: 0)
            store.nodes[n].start = s + Int32(consumed)
            return !isBlankContent(p, Int(s) + consumed, Int(e))
        }
        let copy = Array(store.text[Int(s - sourceCount)..<Int(e - sourceCount)])
        return copy.withUnsafeBufferPointer { q -> Bool in
            let consumed = parseDefinitions(q, 0, q.count, baseAddress: s)
            store.nodes[n].start = s + Int32(consumed)
            return !isBlankContent(q, consumed, q.count)
        }
    }

    func isBlankContent(_ q: Bytes, _ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            if !isASCIIWhitespace(q[i]) { return false }
            i += 1
        }
        return true
    }

    /// Parses consecutive definitions from `q[s..<e]`; returns how many bytes they took.
    mutating func parseDefinitions(_ q: Bytes, _ s: Int, _ e: Int, baseAddress: Int32) -> Int {
        var pos = s
        while pos < e && q[pos] == 0x5B {
            let length = parseDefinition(q, pos, e, baseAddress: baseAddress)
            if length == 0 { break }
            pos += length
        }
        return pos - s
    }

    mutating func parseDefinition(_ q: Bytes, _ start: Int, _ end: Int, baseAddress: Int32) -> Int {
        let labelLength = InlineScan.linkLabel(q, start, end)
        guard labelLength > 0 else { return 0 }
        var i = start + labelLength
        guard i < end, q[i] == 0x3A else { return 0 }
        i = InlineScan.skipSpacesAndOneNewline(q, i + 1, end)
        guard let dest = InlineScan.linkDestination(q, i, end) else { return 0 }
        if !dest.pointy && dest.length == 0 { return 0 }
        let destStart = i
        let destEnd = i + dest.length
        i = destEnd
        let beforeTitle = i
        i = InlineScan.skipSpacesAndOneNewline(q, i, end)
        var titleLength = i == beforeTitle ? 0 : InlineScan.linkTitle(q, i, end)
        var titleStart = i
        if titleLength > 0 {
            i += titleLength
        } else {
            i = beforeTitle
        }
        while i < end && isSpaceOrTab(q[i]) { i += 1 }
        if i < end && !isLineEnding(q[i]) {
            guard titleLength > 0 else { return 0 }
            // The title was followed by something else: try the definition without it.
            i = beforeTitle
            while i < end && isSpaceOrTab(q[i]) { i += 1 }
            if i < end && !isLineEnding(q[i]) { return 0 }
            titleLength = 0
            titleStart = i
        }
        if i < end {
            i += (q[i] == 0x0D && i + 1 < end && q[i + 1] == 0x0A) ? 2 : 1
        }
        let label = LinkLabels.normalize(q, start + 1, start + labelLength - 1)
        if references[label] == nil {
            let decoded = InlineScan.decodeTarget(
                q, destination: destStart..<destEnd, pointy: dest.pointy,
                title: titleLength > 0 ? titleStart..<(titleStart + titleLength) : nil)
            references[label] = LinkTarget(destination: decoded.destination, title: decoded.title,
                                           address: baseAddress + Int32(destStart))
        }
        return i - start
    }
}
