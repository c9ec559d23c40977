import Glibc

// Phase one: lines into the block tree (container blocks, leaf blocks, link reference definitions),
// following the CommonMark spec's "appendix A" strategy: match the open containers, open new blocks,
// then add the rest of the line to the tip.

struct BlockParser {
    let p: Bytes
    var store: Storage
    let options: MarkdownOptions
    /// Normalised label to the first link reference definition with it.
    var references: [LinkLabel: LinkInfo] = [:]
    /// Normalised footnote label to its (first) definition node.
    var footnoteDefinitions: [LinkLabel: NodeIndex] = [:]
    /// Where labels are normalised (see `LinkLabels.normalize(_:_:_:reusing:)`).
    var labelBuffer: [UInt8] = []
    /// Storage for the cells of the current table row (see `rowCells`).
    var cellBuffer: [TableCellText] = []

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
    let root = NodeIndex.root
    var tip = NodeIndex.root
    /// Address and source offset where the last line added to the tip paragraph starts (a table
    /// header candidate).
    var lastLineAddress: Int32 = 0
    var lastLineSourceOffset: Int32 = 0
    /// Changes whenever a block opens, closes or changes kind, so that `emptyRestWalk` knows when it
    /// no longer holds.
    var structureVersion = 0
    /// Where matching the open blocks against an empty rest of a line went the last time: from `from`
    /// down to `to`. While the open blocks stay the same, an empty rest goes the same way, so a run of
    /// empty lines below 30,000 open lists does not walk them all again for every line.
    var emptyRestWalk: (from: NodeIndex, to: NodeIndex, allMatched: Bool, version: Int) = (.root, .root, true, -1)
    /// The one open block whose `lastLineBlank` flag may be set: the container of the previous line,
    /// when that line was blank (see `updateLastLineBlank`).
    var blankContainer: NodeIndex?

    /// The bytes a block start can begin with (after up to three spaces): `>`, `#`, fences, `<`,
    /// setext underlines, thematic breaks, list markers and digits, `[` of a footnote definition, and
    /// what a table's delimiter row can begin with.
    static let blockStartBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in ">#`~<=-*_+[|:0123456789\u{0B}\u{0C}".utf8 { table[Int(c)] = true }
        return table
    }()

    /// `blockStartBytes`, held here so that reading it needs no check that it was made.
    let mayStartBlock = BlockParser.blockStartBytes

    init(source: Bytes, options: MarkdownOptions, firstLine: Int) {
        p = source
        self.options = options
        store = Storage(sourceCount: source.count)
        let document = store.makeNode(.document, position: 0)
        assert(document == .root)
        store[document].flags = .open
    }

    /// Parses every line. Without a carriage return in the input, lines end at the next line feed,
    /// which `memchr` finds faster than a loop over the bytes.
    mutating func run(hasCarriageReturn: Bool) {
        let count = p.count
        var i = 0
        while i < count {
            var e: Int
            if hasCarriageReturn {
                e = i
                while e < count && !isLineEnding(p[e]) { e += 1 }
            } else if let found = memchr(p.baseAddress! + i, Int32(UInt8.lineFeed), count - i) {
                e = p.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                e = count
            }
            var eol = e
            if eol < count {
                eol += (p[eol] == .carriageReturn && eol + 1 < count && p[eol + 1] == .lineFeed) ? 2 : 1
            }
            processLine(i, e, eol)
            i = eol
        }
        var node: NodeIndex? = tip
        while let open = node { node = finalize(open) }
    }

    // MARK: Line state

    @inline(__always) func peek(_ i: Int) -> UInt8 { i < lineEnd ? p[i] : .lineFeed }
    @inline(__always) func kind(_ n: NodeIndex) -> NodeKind { store[n].kind }

    /// Finds the first non-space at or after `offset`. The scan is skipped while the last result is
    /// still ahead of `offset`, so matching many nested containers does not rescan the indentation.
    @inline(__always) mutating func findFirstNonspace() {
        if firstNonspace <= offset {
            var i = offset
            var col = column
            var charsToTab = 4 - (column % 4)
            while i < lineEnd {
                let c = p[i]
                if c == .space {
                    i += 1
                    col += 1
                    charsToTab -= 1
                    if charsToTab == 0 { charsToTab = 4 }
                } else if c == .tab {
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
            if p[offset] == .tab {
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

    mutating func addChild(_ parentIn: NodeIndex, _ kind: NodeKind, at position: Int) -> NodeIndex {
        var parent = parentIn
        while !canContain(self.kind(parent), kind) {
            parent = finalize(parent)!
        }
        structureVersion += 1
        let node = store.makeNode(kind, position: Int32(position))
        store[node].flags = .open
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
        if store[tip].kind == .paragraph && store[tip].parent == root {
            // The common line of running text: a paragraph at the top level goes on, unless the line
            // is blank or its first non-space byte could start a block (with the paragraph as tip,
            // indentation starts no code block). The general steps below would come to the same.
            var i = s
            while i < e && isSpaceOrTab(p[i]) { i += 1 }
            if i < e && !mayStartBlock[Int(p[i])] {
                offset = i
                column = 0
                partiallyConsumedTab = false
                addLine(tip, from: i, padTab: false)
                return
            }
        }
        offset = s
        column = 0
        firstNonspace = s - 1
        thematicBreakKillPosition = s
        blank = false
        partiallyConsumedTab = false

        // 1. Which open blocks does this line continue?
        var container = root
        var allMatched = true
        var emptyRestFrom: NodeIndex?
        while true {
            if offset >= lineEnd {
                // Nothing is left of the line: below here only the kinds of the open blocks decide.
                if emptyRestWalk.version == structureVersion && emptyRestWalk.from == container {
                    container = emptyRestWalk.to
                    allMatched = emptyRestWalk.allMatched
                    break
                }
                if emptyRestFrom == nil { emptyRestFrom = container }
            }
            guard let last = store[container].last, store[last].isOpen else { break }
            container = last
            findFirstNonspace()
            var matched = true
            switch kind(container) {
            case .blockQuote:
                if indent <= 3 && peek(firstNonspace) == .greaterThan {
                    advanceOffset(indent + 1, columns: true)
                    if offset < lineEnd && isSpaceOrTab(p[offset]) { advanceOffset(1, columns: true) }
                } else {
                    matched = false
                }
            case .item:
                let info = store.lists[Int(store[container].data)]
                if indent >= Int(info.markerOffset + info.padding) {
                    advanceOffset(Int(info.markerOffset + info.padding), columns: true)
                } else if blank && store[container].hasChildren {
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
                if store[container].flags.contains(.fenced) {
                    let code = store.codes[Int(store[container].data)]
                    if indent <= 3 && peek(firstNonspace) == code.fenceChar {
                        let length = BlockScan.closingFence(p, firstNonspace, lineEnd, code.fenceChar)
                        if length >= Int(code.fenceLength) {
                            // A closing fence ends the block and the line.
                            tip = finalize(container)!
                            return
                        }
                    }
                    var i = Int(code.fenceOffset)
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
                if blank && store[container].level >= 6 { matched = false }
            case .paragraph, .table:
                if blank { matched = false }
            default:
                break
            }
            if !matched {
                container = store[container].parent!
                allMatched = false
                break
            }
        }
        if let from = emptyRestFrom {
            emptyRestWalk = (from, container, allMatched, structureVersion)
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
            // Most lines start with a byte no block can start with (and a blank line starts none).
            if indented ? (maybeLazy || blank) : !mayStartBlock[Int(c)] { break }
            if !indented && c == .greaterThan {
                let start = firstNonspace
                advanceOffset(firstNonspace + 1 - offset, columns: false)
                if offset < lineEnd && isSpaceOrTab(p[offset]) { advanceOffset(1, columns: true) }
                container = addChild(container, .blockQuote, at: start)
            } else if !indented && c == .numberSign, case let level = BlockScan.atxHeading(p, firstNonspace, lineEnd),
                level > 0
            {
                let start = firstNonspace
                advanceOffset(firstNonspace + level - offset, columns: false)
                container = addChild(container, .heading, at: start)
                store[container].level = UInt8(level)
            } else if !indented && (c == .backtick || c == .tilde),
                case let length = BlockScan.openingFence(p, firstNonspace, lineEnd), length > 0
            {
                let start = firstNonspace
                container = addChild(container, .codeBlock, at: start)
                var code = CodeInfo(
                    fenceChar: c, fenceLength: Int32(length), fenceOffset: Int32(firstNonspace - offset))
                // The info string: trimmed, escapes and entities resolved.
                var i = firstNonspace + length
                while i < lineEnd && isSpaceOrTab(p[i]) { i += 1 }
                var j = lineEnd
                while j > i && isSpaceOrTab(p[j - 1]) { j -= 1 }
                code.infoStart = store.textTail
                Entities.unescape(p, i, j, into: &store.text)
                code.infoEnd = store.textTail
                store.codes.append(code)
                store[container].data = Int32(store.codes.count - 1)
                store[container].flags.insert(.fenced)
                advanceOffset(lineEnd - offset, columns: false)
                openedFence = true
            } else if !indented && c == .lessThan,
                // Kind 7 cannot interrupt a paragraph, not even one this line would lazily continue.
                case let htmlKind = BlockScan.htmlBlockStart(
                    p, firstNonspace, lineEnd,
                    allowKind7: containerKind != .paragraph && !maybeLazy),
                htmlKind > 0
            {
                container = addChild(container, .htmlBlock, at: firstNonspace)
                store[container].level = UInt8(htmlKind)
            } else if !indented && containerKind == .paragraph && (c == .equalsSign || c == .hyphen),
                case let level = BlockScan.setextUnderline(p, firstNonspace, lineEnd), level > 0
            {
                if resolveReferenceDefinitions(container) {
                    structureVersion += 1
                    store[container].kind = .heading
                    store[container].level = UInt8(level)
                    store[container].flags.insert(.setext)
                    advanceOffset(lineEnd - offset, columns: false)
                }
            } else if !indented && !(containerKind == .paragraph && !allMatched)
                && (c == .asterisk || c == .hyphen || c == .underscore) && thematicBreakKillPosition <= firstNonspace
                && BlockScan.thematicBreak(p, firstNonspace, lineEnd, failedAt: &thematicBreakKillPosition)
            {
                container = addChild(container, .thematicBreak, at: firstNonspace)
                advanceOffset(lineEnd - offset, columns: false)
            } else if !indented && options.footnotes && c == .leftBracket,
                let (length, label) = footnoteDefinitionStart()
            {
                let start = firstNonspace
                advanceOffset(firstNonspace + length - offset, columns: false)
                container = addChild(container, .footnoteDefinition, at: start)
                store.footnoteLabels.append(label)
                store[container].data = Int32(store.footnoteLabels.count - 1)
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
                    data.padding = Int32(length + 1)
                    offset = savedOffset
                    column = savedColumn
                    partiallyConsumedTab = savedTab
                    if spaces > 0 { advanceOffset(1, columns: true) }
                } else {
                    data.padding = Int32(length + spaces)
                }
                data.markerOffset = Int32(indent)
                var continues = false
                if containerKind == .list {
                    let list = store.lists[Int(store[container].data)]
                    continues =
                        list.ordered == data.ordered && list.delimiter == data.delimiter
                        && list.bulletChar == data.bulletChar
                }
                if !continues {
                    container = addChild(container, .list, at: start)
                    store.lists.append(data)
                    store[container].data = Int32(store.lists.count - 1)
                    if data.ordered { store[container].flags.insert(.ordered) }
                }
                container = addChild(container, .item, at: start)
                store.lists.append(data)
                store[container].data = Int32(store.lists.count - 1)
            } else if indented && !maybeLazy && !blank {
                advanceOffset(4, columns: true)
                container = addChild(container, .codeBlock, at: offset)
                store.codes.append(CodeInfo())
                store[container].data = Int32(store.codes.count - 1)
            } else if options.gfm && !indented && containerKind == .paragraph && allMatched,
                let table = openTable(container)
            {
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
        if blank, let last = store[container].last {
            store[last].flags.insert(.lastLineBlank)
        }
        let ck = kind(container)
        updateLastLineBlank(container, lastMatched: lastMatched)

        if tip != lastMatched && container == lastMatched && !blank && kind(tip) == .paragraph {
            // Lazy continuation line: added from where the containers stopped matching (its leading
            // whitespace can matter inside a code span).
            addLine(tip, from: partiallyConsumedTab ? offset + 1 : offset, padTab: partiallyConsumedTab)
            return
        }
        while tip != lastMatched {
            tip = finalize(tip)!
        }
        switch ck {
        case .codeBlock:
            // The opening fence line is not content (its info string was taken already).
            if !openedFence {
                addLine(container, from: partiallyConsumedTab ? offset + 1 : offset, padTab: partiallyConsumedTab)
            }
        case .htmlBlock:
            addLine(container, from: partiallyConsumedTab ? offset + 1 : offset, padTab: partiallyConsumedTab)
            let htmlKind = Int(store[container].level)
            if htmlKind <= 5 && BlockScan.htmlBlockEnds(kind: htmlKind, p, firstNonspace, lineEnd) {
                container = finalize(container)!
            }
        case _ where blank:
            break
        case .heading:
            if !store[container].flags.contains(.setext) {
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
    @inline(__always) mutating func updateLastLineBlank(_ container: NodeIndex, lastMatched: NodeIndex) {
        let record = store[container]
        let ck = record.kind
        // An item that starts on this line does not end with a blank line yet.
        let lastLineBlank =
            blank && ck != .blockQuote && ck != .heading && ck != .thematicBreak
            && !(ck == .codeBlock && record.flags.contains(.fenced))
            && !(ck == .item && !record.hasChildren && Int(record.position) >= lineStart)
        if lastLineBlank {
            store[container].flags.insert(.lastLineBlank)
        } else {
            store[container].flags.remove(.lastLineBlank)
        }
        if let previous = blankContainer, previous != container, previous == lastMatched, store[previous].isOpen {
            store[previous].flags.remove(.lastLineBlank)
        }
        blankContainer = lastLineBlank ? container : nil
    }

    /// The text of an ATX heading: trimmed, without the optional closing sequence of `#`.
    mutating func setATXContent(_ node: NodeIndex) {
        var s = firstNonspace
        var e = lineEnd
        while e > s && isSpaceOrTab(p[e - 1]) { e -= 1 }
        var h = e
        while h > s && p[h - 1] == .numberSign { h -= 1 }
        if h < e && (h == s || isSpaceOrTab(p[h - 1])) {
            e = h
            while e > s && isSpaceOrTab(p[e - 1]) { e -= 1 }
        }
        if e < s { s = e }
        store[node].start = Int32(s)
        store[node].end = Int32(e)
    }

    /// Appends `p[from..<eolEnd]` to a leaf's content. Content that continues where the previous line
    /// ended in the source stays a reference into the source; otherwise it is copied into the text store.
    mutating func addLine(_ node: NodeIndex, from: Int, padTab: Bool) {
        let start = store[node].start
        let end = store[node].end
        let sourceCount = Int32(store.sourceCount)
        lastLineSourceOffset = Int32(from)
        if !padTab {
            if end == start {
                store[node].start = Int32(from)
                store[node].end = Int32(eolEnd)
                lastLineAddress = Int32(from)
                return
            }
            if end == Int32(from) && end <= sourceCount {
                store[node].end = Int32(eolEnd)
                lastLineAddress = Int32(from)
                return
            }
        }
        if end == start {
            store[node].start = store.textTail
            store[node].end = store.textTail
        } else if !(start >= sourceCount && end == store.textTail) {
            // Move what we have to the tail of the text store, so the content stays contiguous.
            let newStart = store.textTail
            if start < sourceCount {
                store.copiedSegments.append((newStart, start))
                store.text.append(contentsOf: Bytes(rebasing: p[Int(start)..<Int(end)]))
            } else {
                store.copiedSegments.append((newStart, Int32(store.sourceOffset(ofAddress: start))))
                store.text.appendOwn(Int(start - sourceCount), Int(end - sourceCount))
            }
            store[node].start = newStart
            store[node].end = store.textTail
        }
        if padTab {
            for _ in 0..<(4 - (column % 4)) { store.text.append(.space) }
        }
        lastLineAddress = store.textTail
        store.copiedSegments.append((store.textTail, Int32(from)))
        if from < eolEnd {
            store.text.append(contentsOf: Bytes(rebasing: p[from..<eolEnd]))
        }
        store[node].end = store.textTail
    }

    /// A copy of the bytes at addresses `s..<e` (the source is only reachable through `p` while parsing).
    func contentBytes(_ s: Int32, _ e: Int32) -> [UInt8] {
        guard e > s else { return [] }
        let n = Int32(store.sourceCount)
        if s < n { return Array(p[Int(s)..<Int(e)]) }
        return Array(Bytes(start: store.text.base + Int(s - n), count: Int(e - s)))
    }

    /// The byte at address `a`.
    func byte(at a: Int32) -> UInt8 {
        Int(a) < store.sourceCount ? p[Int(a)] : store.text[Int(a) - store.sourceCount]
    }

    // MARK: Finalising

    /// Closes a block and returns its parent (nil for the document).
    @discardableResult
    mutating func finalize(_ node: NodeIndex) -> NodeIndex? {
        structureVersion += 1
        store[node].flags.remove(.open)
        let parent = store[node].parent
        switch store[node].kind {
        case .paragraph:
            if !resolveReferenceDefinitions(node) {
                store.unlink(node)
            } else if options.gfm {
                detectTask(node)
            }
        case .codeBlock:
            if !store[node].flags.contains(.fenced) { trimTrailingBlankLines(node) }
        case .list:
            finalizeList(node)
        default:
            break
        }
        return parent
    }

    mutating func trimTrailingBlankLines(_ node: NodeIndex) {
        let s = store[node].start
        var e = store[node].end
        guard e > s else { return }
        var k = e
        while k > s {
            let c = byte(at: k - 1)
            if isSpaceOrTab(c) || isLineEnding(c) { k -= 1 } else { break }
        }
        if k == s {
            e = s
        } else {
            // Keep the last non-blank line with its line ending.
            while k < e && !isLineEnding(byte(at: k)) { k += 1 }
            if k < e {
                k += (byte(at: k) == .carriageReturn && k + 1 < e && byte(at: k + 1) == .lineFeed) ? 2 : 1
            }
            e = k
        }
        store[node].end = e
    }

    mutating func finalizeList(_ node: NodeIndex) {
        var tight = true
        var item = store[node].first
        outer: while let current = item {
            let itemNext = store[current].next
            // Cheap tests first: a deep chain of single items must not walk its whole depth per list.
            if itemNext != nil && endsWithBlankLine(current) {
                tight = false
                break
            }
            var sub = store[current].first
            while let child = sub {
                let subNext = store[child].next
                if (itemNext != nil || subNext != nil) && endsWithBlankLine(child) {
                    tight = false
                    break outer
                }
                sub = subNext
            }
            item = itemNext
        }
        if tight { store[node].flags.insert(.tight) }
    }

    func endsWithBlankLine(_ node: NodeIndex) -> Bool {
        var current: NodeIndex? = node
        while let n = current {
            let record = store[n]
            if record.flags.contains(.lastLineBlank) { return true }
            guard record.kind == .list || record.kind == .item else { return false }
            current = record.last
        }
        return false
    }

    // MARK: List markers and footnote definitions

    // `mutating` only so that calls from `processLine` borrow self instead of copying it.
    mutating func listMarker(interruptsParagraph: Bool) -> (Int, ListInfo)? {
        var i = firstNonspace
        let c = peek(i)
        var info = ListInfo(ordered: false, bulletChar: 0, delimiter: 0, start: 0, markerOffset: 0, padding: 0)
        if c == .asterisk || c == .hyphen || c == .plusSign {
            i += 1
            if i < lineEnd && !isSpaceOrTab(p[i]) { return nil }
            if interruptsParagraph && isBlankRest(p, i, lineEnd) { return nil }
            info.bulletChar = c
        } else if isDigit(c) {
            var start = 0
            var digits = 0
            repeat {
                start = start * 10 + Int(p[i] - .digitZero)
                i += 1
                digits += 1
            } while digits < 9 && i < lineEnd && isDigit(p[i])
            if interruptsParagraph && start != 1 { return nil }
            let d = peek(i)
            guard d == .period || d == .rightParenthesis else { return nil }
            i += 1
            if i < lineEnd && !isSpaceOrTab(p[i]) { return nil }
            if interruptsParagraph && isBlankRest(p, i, lineEnd) { return nil }
            info.ordered = true
            info.delimiter = d
            info.start = Int32(start)
        } else {
            return nil
        }
        return (i - firstNonspace, info)
    }

    /// `[^label]:` followed by optional spaces and tabs: the matched length and the normalised label.
    mutating func footnoteDefinitionStart() -> (Int, LinkLabel)? {
        let s = firstNonspace
        guard s + 1 < lineEnd, p[s + 1] == .caret else { return nil }
        var i = s + 2
        while i < lineEnd {
            let c = p[i]
            if c == .rightBracket || isSpaceOrTab(c) { break }
            i += 1
        }
        guard i > s + 2, i + 1 < lineEnd, p[i] == .rightBracket, p[i + 1] == .colon else { return nil }
        let label = LinkLabels.normalize(p, s + 2, i)
        var j = i + 2
        while j < lineEnd && isSpaceOrTab(p[j]) { j += 1 }
        return (j - s, label)
    }

    // MARK: Link reference definitions

    /// Parses the definitions at the start of a paragraph and drops them from its content; returns
    /// whether anything but whitespace is left.
    mutating func resolveReferenceDefinitions(_ node: NodeIndex) -> Bool {
        let s = store[node].start
        let e = store[node].end
        guard e > s else { return false }
        // Definitions start with `[`; without one the paragraph keeps its (non-blank) first line.
        guard byte(at: s) == .leftBracket else { return true }
        let sourceCount = Int32(store.sourceCount)
        if s < sourceCount {
            let consumed = parseDefinitions(p, Int(s), Int(e), baseAddress: 0)
            store[node].start = s + Int32(consumed)
            return !isBlankContent(p, Int(s) + consumed, Int(e))
        }
        // Copied content: read it from a copy, as decoding a definition appends to the text store.
        let copy = contentBytes(s, e)
        return copy.withUnsafeBufferPointer { q -> Bool in
            let consumed = parseDefinitions(q, 0, q.count, baseAddress: s)
            store[node].start = s + Int32(consumed)
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
        while pos < e && q[pos] == .leftBracket {
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
        guard i < end, q[i] == .colon else { return 0 }
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
            i += (q[i] == .carriageReturn && i + 1 < end && q[i + 1] == .lineFeed) ? 2 : 1
        }
        let label = LinkLabels.normalize(q, start + 1, start + labelLength - 1, reusing: &labelBuffer)
        if references[label] == nil {
            references[label] = InlineScan.decodeTarget(
                q, base: baseAddress, destination: destStart..<destEnd, pointy: dest.pointy,
                title: titleLength > 0 ? titleStart..<(titleStart + titleLength) : nil, into: &store.text,
                textBase: Int32(store.sourceCount))
        }
        return i - start
    }
}
