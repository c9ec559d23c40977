import Escaping

// Phase two: the text of paragraphs, headings and table cells into inlines. Emphasis and links use
// cmark's delimiter stack and bracket stack, with the memos that keep hostile input linear.

/// A run of `*`, `_`, `~` or a smart quote that may open or close emphasis; the stack is a doubly
/// linked list over `InlineParser.delimiters`.
struct Delimiter {
    var node: NodeIndex
    var char: UInt8
    var originalLength: Int
    var count: Int
    var canOpen: Bool
    var canClose: Bool
    var previous: Int?
    var next: Int?
}

/// An open `[` or `![`.
struct Bracket {
    var node: NodeIndex
    /// Subject index just after the `[`.
    var position: Int
    var image: Bool
    var bracketAfter: Bool = false
    /// The delimiter on top of the stack when this bracket was pushed.
    var delimiterBottom: Int?
}

struct InlineParser {
    /// The storage the inlines go into, lent by `run(_:)` or `parseBlock(_:in:)` for the call.
    var store: Storage {
        @inline(__always) unsafeAddress { UnsafePointer(lentStore) }
        @inline(__always) nonmutating unsafeMutableAddress { lentStore }
    }
    /// Only valid during `run(_:)` and `parseBlock(_:in:)`: the parser is made once and used for
    /// many leaf blocks, and its storage is often a stored property of another value (the HTML
    /// writer's), which it must change in place, not in a copy.
    private var lentStore = UnsafeMutablePointer<Storage>(bitPattern: MemoryLayout<Storage>.alignment)!
    let sourcePointer: Bytes
    let options: MarkdownOptions
    let references: [LinkLabel: LinkInfo]
    let footnoteDefinitions: [LinkLabel: NodeIndex]
    /// By byte value: `stopsText` for the bytes `handleText` stops at, `needsEscaping` for those
    /// HTML escapes (both may be set).
    let special: UnsafeMutablePointer<UInt8>
    static let stopsText: UInt8 = 1
    static let needsEscaping: UInt8 = 2
    /// A copy of the subject when it lives in the text store, which grows (and may move) while the
    /// subject is parsed.
    var scratch = RawArray<UInt8>(capacity: 4096)

    // Per subject.
    var q: Bytes = Bytes(start: nil, count: 0)
    var base: Int32 = 0
    var len = 0
    var pos = 0
    /// Index of the first byte of the subject in `q`.
    var subjectStart = 0
    var block = NodeIndex.root
    var delimiters = RawArray<Delimiter>(capacity: 64)
    /// Per kind of closer (`bottomKey`): see `processEmphasis`.
    var openersBottom = [Int](repeating: -1, count: 30)
    var head: Int?
    var tail: Int?
    var brackets = RawArray<Bracket>(capacity: 64)
    var linkOpenerFloor = 0
    var backtickRuns: [Int: Int] = [:]
    /// Where labels are normalised (see `LinkLabels.normalize(_:_:_:reusing:)`).
    var labelBuffer: [UInt8] = []
    var scannedForBackticks = false
    /// Whether an email autolink was made inside an open bracket in this subject.
    var autolinksInBrackets = false
    var noCommentEnd = false
    var noProcessingEnd = false
    var noDeclarationEnd = false
    var noCDATAEnd = false

    init(
        source: Bytes, options: MarkdownOptions, references: [LinkLabel: LinkInfo],
        footnoteDefinitions: [LinkLabel: NodeIndex]
    ) {
        self.sourcePointer = source
        self.options = options
        self.references = references
        self.footnoteDefinitions = footnoteDefinitions
        special = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        special.initialize(repeating: 0, count: 256)
        for c in "\n\r`\\&<*_[]!".utf8 { special[Int(c)] = Self.stopsText }
        if options.gfm { for c in "~:@w".utf8 { special[Int(c)] = Self.stopsText } }
        if options.smartPunctuation { for c in "'\".-".utf8 { special[Int(c)] = Self.stopsText } }
        // The bytes the renderer's escaper changes (cmark's style: `& < > "`).
        for c in 0..<256
        where [UInt8(c)].withUnsafeBufferPointer({
            HTMLEscaper.firstEscapedIndex(in: $0, from: 0, style: .commonMark) == 0
        }) {
            special[c] |= Self.needsEscaping
        }
    }

    /// Frees the parser's own memory.
    mutating func release() {
        special.deallocate()
        scratch.release()
        delimiters.release()
        brackets.release()
    }

    /// Parses the inlines of every paragraph, heading and table cell of `storage`.
    mutating func run(_ storage: inout Storage) {
        withUnsafeMutablePointer(to: &storage) { lent in
            lentStore = lent
            let count = store.nodes.count
            for slot in 2..<max(2, count) {
                let node = NodeIndex(slot)
                let kind = store[node].kind
                guard kind == .paragraph || kind == .heading || kind == .tableCell else { continue }
                if store[node].parent == nil { continue }  // dropped (e.g. only reference definitions)
                parseBlock(node)
            }
        }
    }

    /// Parses the inlines of one leaf block of `storage`.
    @inline(__always)
    mutating func parseBlock(_ node: NodeIndex, in storage: inout Storage) {
        withUnsafeMutablePointer(to: &storage) { lent in
            lentStore = lent
            parseBlock(node)
        }
    }

    mutating func parseBlock(_ node: NodeIndex) {
        let s = store[node].start
        let e = store[node].end
        guard e > s else { return }
        let sourceCount = Int32(store.sourceCount)
        block = node
        if s < sourceCount {
            parseSubject(sourcePointer, Int(s), Int(e), base: 0)
        } else {
            scratch.truncate(to: 0)
            scratch.append(contentsOf: Bytes(start: store.text.base + Int(s - sourceCount), count: Int(e - s)))
            parseSubject(scratch.buffer, 0, scratch.count, base: s)
        }
    }

    /// Parses `p[s..<e]`; node addresses are `base + index`.
    mutating func parseSubject(_ p: Bytes, _ s: Int, _ e: Int, base b: Int32) {
        // Only trailing whitespace goes (as in cmark): a lazy line left first by a removed reference
        // definition keeps its indentation. Table cells come trimmed of spaces and tabs already, and
        // keep a vertical tab or form feed at their end (as in cmark-gfm).
        let start = s
        var end = e
        if store[block].kind != .tableCell {
            while end > start && isASCIIWhitespace(p[end - 1]) { end -= 1 }
        }
        q = p
        base = b
        len = end
        pos = start
        subjectStart = start
        delimiters.truncate(to: 0)
        head = nil
        tail = nil
        brackets.truncate(to: 0)
        linkOpenerFloor = 0
        if !backtickRuns.isEmpty { backtickRuns.removeAll() }
        scannedForBackticks = false
        autolinksInBrackets = false
        noCommentEnd = false
        noProcessingEnd = false
        noDeclarationEnd = false
        noCDATAEnd = false
        while pos < len {
            parseInline()
        }
        processEmphasis(above: nil)
        q = Bytes(start: nil, count: 0)
    }

    // MARK: Nodes

    /// The address of subject index `i`.
    @inline(__always) func address(_ i: Int) -> Int32 { base + Int32(i) }

    /// Adds `q[s..<e]` as text, joining it to the previous text node when that ends right there.
    /// `plain`: the text holds nothing HTML escapes.
    @inline(__always) mutating func addText(_ s: Int, _ e: Int, plain: Bool = true) {
        let a = address(s)
        if let last = store[block].last, store[last].kind == .text, store[last].end == a,
            !store[last].flags.contains(.standalone)
        {
            store[last].end = address(e)
            if !plain { store[last].flags.remove(.plainText) }
            return
        }
        let node = addNode(.text, s, e)
        if plain { store[node].flags = .plainText }
    }

    /// A text node whose content is what was appended to the text store since `textStart`, written
    /// at subject index `i` (a decoded entity, smart punctuation).
    @discardableResult
    mutating func addDecodedText(since textStart: Int32, at i: Int, standalone: Bool = false) -> NodeIndex {
        let node = store.makeNode(.text, position: address(i))
        store[node].start = textStart
        store[node].end = store.textTail
        if standalone { store[node].flags = .standalone }
        store.appendChild(block, node)
        return node
    }

    @discardableResult
    mutating func addDecodedText(_ bytes: StaticString, at i: Int, standalone: Bool = false) -> NodeIndex {
        let textStart = store.textTail
        store.text.append(bytes)
        return addDecodedText(since: textStart, at: i, standalone: standalone)
    }

    /// A text node that must stay on its own (a delimiter run or a bracket).
    mutating func addStandaloneText(_ s: Int, _ e: Int) -> NodeIndex {
        let node = addNode(.text, s, e)
        store[node].flags = [.standalone, .plainText]
        return node
    }

    /// A node whose text is `q[s..<e]`, written at `s`.
    @inline(__always) mutating func addNode(_ kind: NodeKind, _ s: Int, _ e: Int) -> NodeIndex {
        let node = store.makeNode(kind, position: address(s))
        store[node].start = address(s)
        store[node].end = address(e)
        store.appendChild(block, node)
        return node
    }

    // MARK: Dispatch

    mutating func parseInline() {
        let c = q[pos]
        switch c {
        case .lineFeed, .carriageReturn:
            handleNewline()
        case .backtick:
            handleBackticks()
        case .backslash:
            handleBackslash()
        case .ampersand:
            handleEntity()
        case .lessThan:
            handlePointyBracket()
        case .asterisk, .underscore:
            handleDelimiter(c)
        case .tilde where options.gfm:
            handleDelimiter(c)
        case .apostrophe where options.smartPunctuation, .quotationMark where options.smartPunctuation:
            handleDelimiter(c)
        case .leftBracket:
            let node = addStandaloneText(pos, pos + 1)
            pushBracket(node, image: false, position: pos + 1)
            pos += 1
        case .exclamationMark:
            if pos + 1 < len && q[pos + 1] == .leftBracket {
                let node = addStandaloneText(pos, pos + 2)
                pushBracket(node, image: true, position: pos + 2)
                pos += 2
            } else {
                addText(pos, pos + 1)
                pos += 1
            }
        case .rightBracket:
            handleCloseBracket()
        case .period where options.smartPunctuation:
            if pos + 2 < len && q[pos + 1] == .period && q[pos + 2] == .period {
                addDecodedText("…", at: pos)
                pos += 3
            } else {
                addText(pos, pos + 1)
                pos += 1
            }
        case .hyphen where options.smartPunctuation:
            handleDashes()
        default:
            handleText()
        }
    }

    /// A run of ordinary text up to the next special byte. GFM autolink triggers (`w`, `:`, `@`) are
    /// checked in place so that ordinary words stay one text node.
    mutating func handleText() {
        let start = pos
        var i = pos
        let gfm = options.gfm
        let p = q.baseAddress!
        let table = special
        let stops = Self.stopsText
        var seen: UInt8 = 0  // the table bits of the bytes passed over
        while i < len {
            // Eight bytes at a time while none stops the text: eight independent lookups, one branch.
            while i + 8 <= len {
                let bits =
                    table[Int(p[i])] | table[Int(p[i + 1])] | table[Int(p[i + 2])] | table[Int(p[i + 3])]
                    | table[Int(p[i + 4])] | table[Int(p[i + 5])] | table[Int(p[i + 6])] | table[Int(p[i + 7])]
                if bits & stops != 0 { break }
                seen |= bits
                i += 8
            }
            while i < len && table[Int(p[i])] & stops == 0 {
                seen |= table[Int(p[i])]
                i += 1
            }
            if i >= len { break }
            let c = p[i]
            if gfm && (c == UInt8(ascii: "w") || c == .colon || c == .atSign) {
                // Most `w` and `:` start nothing: check the next byte before the real matcher.
                if c != .atSign && (i + 1 >= len || q[i + 1] != (c == .colon ? .slash : UInt8(ascii: "w"))) {
                    i += 1
                    continue
                }
                // www and URL autolinks are not looked for inside an open bracket; emails are, and
                // are unwrapped again if the bracket becomes a link (as cmark-gfm does).
                if brackets.isEmpty || c == .atSign,
                    let (linkStart, linkEnd, kind) = extendedAutolink(at: i, runStart: start)
                {
                    if linkStart > start {
                        addText(start, linkStart, plain: seen & Self.needsEscaping == 0)
                    } else if linkStart < start, let last = store[block].last {
                        // The link took the end of the previous text node.
                        store[last].end = address(linkStart)
                        if !store[last].hasText { store.unlink(last) }
                    }
                    addExtendedAutolink(linkStart, linkEnd, kind)
                    pos = linkEnd
                    return
                }
                i += 1
                continue
            }
            if i == start {
                // A special byte that its handler left to us.
                seen |= table[Int(c)]
                i += 1
                continue
            }
            break
        }
        var end = i
        if i < len && isLineEnding(q[i]) {
            while end > start && isASCIIWhitespace(q[end - 1]) { end -= 1 }
        }
        if end > start { addText(start, end, plain: seen & Self.needsEscaping == 0) }
        pos = i
    }

    mutating func handleNewline() {
        let newline = pos
        pos += (q[pos] == .carriageReturn && pos + 1 < len && q[pos + 1] == .lineFeed) ? 2 : 1
        let hard = newline >= 2 && q[newline - 1] == .space && q[newline - 2] == .space
        _ = addNode(hard ? .lineBreak : .softBreak, newline, newline)
        while pos < len && isSpaceOrTab(q[pos]) { pos += 1 }
    }

    mutating func handleBackslash() {
        let next = pos + 1
        if next < len && isASCIIPunctuation(q[next]) {
            addText(next, next + 1, plain: special[Int(q[next])] & Self.needsEscaping == 0)
            pos += 2
        } else if next < len && isLineEnding(q[next]) {
            let node = addNode(.lineBreak, next, next)
            store[node].position = address(pos)
            pos = next + ((q[next] == .carriageReturn && next + 1 < len && q[next + 1] == .lineFeed) ? 2 : 1)
            while pos < len && isSpaceOrTab(q[pos]) { pos += 1 }
        } else {
            addText(pos, pos + 1)
            pos += 1
        }
    }

    mutating func handleEntity() {
        let textStart = store.textTail
        let n = Entities.decode(q, pos, len, into: &store.text)
        if n > 0 {
            addDecodedText(since: textStart, at: pos)
            pos += n
        } else {
            addText(pos, pos + 1, plain: false)
            pos += 1
        }
    }

    // MARK: Code spans

    mutating func handleBackticks() {
        let start = pos
        while pos < len && q[pos] == .backtick { pos += 1 }
        let n = pos - start
        guard let close = closingBackticks(n) else {
            addText(start, pos)
            return
        }
        // Content: line endings become spaces; one space is stripped from both ends if both have one.
        var s = pos
        var e = close
        var hasLineEnding = false
        var allSpace = true
        var k = s
        while k < e {
            let c = q[k]
            if isLineEnding(c) { hasLineEnding = true } else if c != .space { allSpace = false }
            k += 1
        }
        pos = close + n
        if !allSpace && e - s >= 2 && (q[s] == .space || isLineEnding(q[s]))
            && (q[e - 1] == .space || isLineEnding(q[e - 1]))
        {
            // A \r\n at either end counts as one space.
            s += (q[s] == .carriageReturn && s + 1 < e && q[s + 1] == .lineFeed) ? 2 : 1
            e -= (q[e - 1] == .lineFeed && e - 2 >= s && q[e - 2] == .carriageReturn) ? 2 : 1
        }
        let node = addNode(.code, s, e)
        store[node].position = address(start)
        guard hasLineEnding else { return }
        store[node].start = store.textTail
        k = s
        while k < e {
            let c = q[k]
            if c == .carriageReturn {
                store.text.append(.space)
                if k + 1 < e && q[k + 1] == .lineFeed { k += 1 }
            } else if c == .lineFeed {
                store.text.append(.space)
            } else {
                store.text.append(c)
            }
            k += 1
        }
        store[node].end = store.textTail
    }

    /// Index of a closing backtick run of exactly `n`, or nil. Remembers every run seen, so that after
    /// one full scan a missing closer is known without scanning again.
    mutating func closingBackticks(_ n: Int) -> Int? {
        if scannedForBackticks {
            guard let last = backtickRuns[n], last >= pos else { return nil }
        }
        var i = pos
        while i < len {
            if q[i] != .backtick {
                i += 1
                continue
            }
            let runStart = i
            while i < len && q[i] == .backtick { i += 1 }
            let run = i - runStart
            backtickRuns[run] = runStart
            if run == n { return runStart }
        }
        scannedForBackticks = true
        return nil
    }

    // MARK: Autolinks and raw HTML

    mutating func handlePointyBracket() {
        var length = InlineScan.uriAutolink(q, pos, len)
        if length > 0 {
            addAutolink(pos + 1, pos + length - 1, email: false)
            pos += length
            return
        }
        length = InlineScan.emailAutolink(q, pos, len)
        if length > 0 {
            addAutolink(pos + 1, pos + length - 1, email: true)
            pos += length
            return
        }
        length = rawHTML()
        if length > 0 {
            _ = addNode(.htmlInline, pos, pos + length)
            pos += length
            return
        }
        addText(pos, pos + 1, plain: false)
        pos += 1
    }

    /// `<scheme:...>` or `<local@domain>`: entity references are decoded in the destination and the
    /// text, backslashes are not escapes.
    mutating func addAutolink(_ s: Int, _ e: Int, email: Bool) {
        let textStart = store.textTail
        let hasEntity = Entities.containsAmpersand(q, s, e)
        if hasEntity {
            var k = s
            while k < e {
                if q[k] == .ampersand {
                    let n = Entities.decode(q, k, e, into: &store.text)
                    if n > 0 {
                        k += n
                        continue
                    }
                }
                store.text.append(q[k])
                k += 1
            }
        }
        let decoded = textStart..<store.textTail
        var destination = hasEntity ? decoded : address(s)..<address(e)
        if email {
            let mailto = store.textTail
            store.text.append("mailto:")
            if hasEntity {
                store.text.appendOwn(
                    Int(decoded.lowerBound) - store.sourceCount, Int(decoded.upperBound) - store.sourceCount)
            } else {
                store.text.append(contentsOf: Bytes(rebasing: q[s..<e]))
            }
            destination = mailto..<store.textTail
        }
        let link = appendLink(destination: destination, s, e, text: hasEntity ? decoded : nil)
        store[link].position = address(s - 1)
    }

    /// Appends a link node whose text is `q[s..<e]` (or the address range `text`, when decoding
    /// changed it); returns it.
    @discardableResult
    mutating func appendLink(destination: Range<Int32>, _ s: Int, _ e: Int, text decoded: Range<Int32>? = nil)
        -> NodeIndex
    {
        let link = store.makeNode(.link, position: address(s))
        store.links.append(LinkInfo(destination: destination, title: 0..<0, address: address(s)))
        store[link].data = Int32(store.links.count - 1)
        store.appendChild(block, link)
        let text = store.makeNode(.text, position: address(s))
        if let decoded {
            store[text].start = decoded.lowerBound
            store[text].end = decoded.upperBound
        } else {
            store[text].start = address(s)
            store[text].end = address(e)
        }
        store.appendChild(link, text)
        return link
    }

    /// Length of raw inline HTML at `pos`, or 0.
    mutating func rawHTML() -> Int {
        guard pos + 1 < len else { return 0 }
        let c = q[pos + 1]
        if isLetter(c) { return InlineScan.openTag(q, pos, len) }
        if c == .slash { return InlineScan.closingTag(q, pos, len) }
        if c == .questionMark {
            if noProcessingEnd { return 0 }
            guard let end = InlineScan.find(q, pos + 2, len, "?>") else {
                noProcessingEnd = true
                return 0
            }
            return end - pos
        }
        guard c == .exclamationMark else { return 0 }
        if matchesExactly(q, pos, len, "<!--") {
            if matchesExactly(q, pos, len, "<!-->") { return 5 }
            if matchesExactly(q, pos, len, "<!--->") { return 6 }
            if noCommentEnd { return 0 }
            guard let end = InlineScan.find(q, pos + 4, len, "-->") else {
                noCommentEnd = true
                return 0
            }
            return end - pos
        }
        if matchesExactly(q, pos, len, "<![CDATA[") {
            if noCDATAEnd { return 0 }
            guard let end = InlineScan.find(q, pos + 9, len, "]]>") else {
                noCDATAEnd = true
                return 0
            }
            return end - pos
        }
        if pos + 2 < len && isLetter(q[pos + 2]) {
            if noDeclarationEnd { return 0 }
            guard let end = InlineScan.find(q, pos + 2, len, ">") else {
                noDeclarationEnd = true
                return 0
            }
            return end - pos
        }
        return 0
    }

    // MARK: Smart punctuation

    mutating func handleDashes() {
        let start = pos
        while pos < len && q[pos] == .hyphen { pos += 1 }
        let n = pos - start
        if n == 1 {
            addText(start, pos)
            return
        }
        var em = 0
        var en = 0
        if n % 3 == 0 {
            em = n / 3
        } else if n % 2 == 0 {
            en = n / 2
        } else if n % 3 == 2 {
            em = (n - 2) / 3
            en = 1
        } else {
            em = (n - 4) / 3
            en = 2
        }
        let textStart = store.textTail
        for _ in 0..<em { store.text.append("—") }
        for _ in 0..<en { store.text.append("–") }
        addDecodedText(since: textStart, at: start)
    }
}
