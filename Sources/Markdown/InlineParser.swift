// Phase two: the text of paragraphs, headings and table cells into inlines. Emphasis and links use
// cmark's delimiter stack and bracket stack, with the memos that keep hostile input linear.

struct Delimiter {
    var node: Int32
    var char: UInt8
    var originalLength: Int
    var count: Int
    var canOpen: Bool
    var canClose: Bool
    var prev: Int = -1
    var next: Int = -1
}

struct Bracket {
    var node: Int32
    /// Subject index just after the `[`.
    var position: Int
    var image: Bool
    var bracketAfter: Bool = false
    /// The delimiter on top of the stack when this bracket was pushed (-1 for none).
    var delimiterBottom: Int
}

struct InlineParser {
    var store: Storage
    let sourcePointer: Bytes
    let options: MarkdownOptions
    let references: [[UInt8]: LinkTarget]
    let footnoteDefinitions: [[UInt8]: Int32]
    let special: UnsafeMutablePointer<Bool>

    // Per subject.
    var q: Bytes = Bytes(start: nil, count: 0)
    var base: Int32 = 0
    var len = 0
    var pos = 0
    /// Index of the first byte of the subject in `q`.
    var subjectStart = 0
    var block: Int32 = 0
    var delimiters: [Delimiter] = []
    var head = -1
    var tail = -1
    var brackets: [Bracket] = []
    var linkOpenerFloor = 0
    var backtickRuns: [Int: Int] = [:]
    var scannedForBackticks = false
    /// Whether an email autolink was made inside an open bracket in this subject.
    var autolinksInBrackets = false
    var noCommentEnd = false
    var noProcessingEnd = false
    var noDeclarationEnd = false
    var noCDATAEnd = false

    init(store: Storage, source: Bytes, options: MarkdownOptions, references: [[UInt8]: LinkTarget],
         footnoteDefinitions: [[UInt8]: Int32]) {
        self.store = store
        self.sourcePointer = source
        self.options = options
        self.references = references
        self.footnoteDefinitions = footnoteDefinitions
        special = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        special.initialize(repeating: false, count: 256)
        for c in "\n\r`\\&<*_[]!".utf8 { special[Int(c)] = true }
        if options.gfm { for c in "~:@w".utf8 { special[Int(c)] = true } }
        if options.smartPunctuation { for c in "'\".-".utf8 { special[Int(c)] = true } }
    }

    func release() { special.deallocate() }

    /// Parses the inlines of every paragraph, heading and table cell.
    mutating func run() {
        let count = store.nodes.count
        for i in 0..<count {
            let kind = store.nodes[i].kind
            guard kind == .paragraph || kind == .heading || kind == .tableCell else { continue }
            if store.nodes[i].parent < 0 { continue }  // dropped (e.g. only reference definitions)
            parseBlock(Int32(i))
        }
    }

    mutating func parseBlock(_ node: Int32) {
        let n = Int(node)
        var s = store.nodes[n].start
        let e = store.nodes[n].end
        guard s >= 0, e > s else { return }
        let sourceCount = Int32(store.sourceCount)
        block = node
        if s < sourceCount {
            parseSubject(sourcePointer, Int(s), Int(e), base: 0)
        } else {
            s -= sourceCount
            let copy = Array(store.text[Int(s)..<Int(e - sourceCount)])
            copy.withUnsafeBufferPointer { parseSubject($0, 0, $0.count, base: s + sourceCount) }
        }
    }

    /// Parses `p[s..<e]`; node addresses are `base + index`.
    mutating func parseSubject(_ p: Bytes, _ s: Int, _ e: Int, base b: Int32) {
        // Only trailing whitespace goes (as in cmark): a lazy line left first by a removed reference
        // definition keeps its indentation. Table cells come trimmed of spaces and tabs already, and
        // keep a vertical tab or form feed at their end (as in cmark-gfm).
        let start = s
        var end = e
        if store.nodes[Int(block)].kind != .tableCell {
            while end > start && isASCIIWhitespace(p[end - 1]) { end -= 1 }
        }
        q = p
        base = b
        len = end
        pos = start
        subjectStart = start
        delimiters.removeAll(keepingCapacity: true)
        head = -1
        tail = -1
        brackets.removeAll(keepingCapacity: true)
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
        processEmphasis(-1)
        q = Bytes(start: nil, count: 0)
    }

    // MARK: Nodes

    @inline(__always) mutating func addText(_ s: Int, _ e: Int) {
        let a = base + Int32(s)
        let last = store.nodes[Int(block)].last
        if last >= 0 {
            let l = Int(last)
            if store.nodes[l].kind == .text && store.nodes[l].flags == 0 && store.nodes[l].end == a {
                store.nodes[l].end = base + Int32(e)
                return
            }
        }
        let node = store.makeNode(.text)
        store.nodes[Int(node)].start = a
        store.nodes[Int(node)].end = base + Int32(e)
        store.appendChild(block, node)
    }

    /// A text node whose content is new bytes (decoded entity, smart punctuation).
    mutating func addDecodedText(_ bytes: [UInt8], protected: Bool = false) -> Int32 {
        let node = store.makeNode(.text)
        store.nodes[Int(node)].start = store.textTail
        store.text.append(contentsOf: bytes)
        store.nodes[Int(node)].end = store.textTail
        if protected { store.nodes[Int(node)].flags = 1 }
        store.appendChild(block, node)
        return node
    }

    /// A text node that must stay on its own (a delimiter run or a bracket).
    mutating func addProtectedText(_ s: Int, _ e: Int) -> Int32 {
        let node = store.makeNode(.text)
        store.nodes[Int(node)].start = base + Int32(s)
        store.nodes[Int(node)].end = base + Int32(e)
        store.nodes[Int(node)].flags = 1
        store.appendChild(block, node)
        return node
    }

    mutating func addNode(_ kind: NodeKind, _ s: Int, _ e: Int) -> Int32 {
        let node = store.makeNode(kind)
        store.nodes[Int(node)].start = base + Int32(s)
        store.nodes[Int(node)].end = base + Int32(e)
        store.appendChild(block, node)
        return node
    }

    // MARK: Dispatch

    mutating func parseInline() {
        let c = q[pos]
        switch c {
        case 0x0A, 0x0D:
            handleNewline()
        case 0x60:
            handleBackticks()
        case 0x5C:
            handleBackslash()
        case 0x26:
            handleEntity()
        case 0x3C:
            handlePointyBracket()
        case 0x2A, 0x5F:
            handleDelimiter(c)
        case 0x7E where options.gfm:
            handleDelimiter(c)
        case 0x27 where options.smartPunctuation, 0x22 where options.smartPunctuation:
            handleDelimiter(c)
        case 0x5B:
            let node = addProtectedText(pos, pos + 1)
            pushBracket(node, image: false, position: pos + 1)
            pos += 1
        case 0x21:
            if pos + 1 < len && q[pos + 1] == 0x5B {
                let node = addProtectedText(pos, pos + 2)
                pushBracket(node, image: true, position: pos + 2)
                pos += 2
            } else {
                addText(pos, pos + 1)
                pos += 1
            }
        case 0x5D:
            handleCloseBracket()
        case 0x2E where options.smartPunctuation:
            if pos + 2 < len && q[pos + 1] == 0x2E && q[pos + 2] == 0x2E {
                _ = addDecodedText([0xE2, 0x80, 0xA6])
                pos += 3
            } else {
                addText(pos, pos + 1)
                pos += 1
            }
        case 0x2D where options.smartPunctuation:
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
        while i < len {
            let c = q[i]
            if !special[Int(c)] {
                i += 1
                continue
            }
            if gfm && (c == 0x77 || c == 0x3A || c == 0x40) {
                // Most `w` and `:` start nothing: check the next byte before the real matcher.
                if c != 0x40 && (i + 1 >= len || q[i + 1] != (c == 0x77 ? 0x77 : 0x2F)) {
                    i += 1
                    continue
                }
                // www and URL autolinks are not looked for inside an open bracket; emails are, and
                // are unwrapped again if the bracket becomes a link (as cmark-gfm does).
                if brackets.isEmpty || c == 0x40, let (linkStart, linkEnd, kind) = extendedAutolink(at: i, runStart: start) {
                    if linkStart > start {
                        addText(start, linkStart)
                    } else if linkStart < start {
                        // The link took the end of the previous text node.
                        let last = store.nodes[Int(block)].last
                        store.nodes[Int(last)].end = base + Int32(linkStart)
                        if store.nodes[Int(last)].end <= store.nodes[Int(last)].start { store.unlink(last) }
                    }
                    addExtendedAutolink(linkStart, linkEnd, kind)
                    pos = linkEnd
                    return
                }
                i += 1
                continue
            }
            if i == start {
                // A special byte that its handler left to us (e.g. `~` when GFM is off).
                i += 1
                continue
            }
            break
        }
        var end = i
        if i < len && isLineEnding(q[i]) {
            while end > start && isASCIIWhitespace(q[end - 1]) { end -= 1 }
        }
        if end > start { addText(start, end) }
        pos = i
    }

    mutating func handleNewline() {
        let newline = pos
        if q[pos] == 0x0D && pos + 1 < len && q[pos + 1] == 0x0A { pos += 2 } else { pos += 1 }
        let hard = newline >= 2 && q[newline - 1] == 0x20 && q[newline - 2] == 0x20
        _ = addNode(hard ? .lineBreak : .softBreak, newline, newline)
        while pos < len && isSpaceOrTab(q[pos]) { pos += 1 }
    }

    mutating func handleBackslash() {
        let next = pos + 1
        if next < len && isASCIIPunctuation(q[next]) {
            addText(next, next + 1)
            pos += 2
        } else if next < len && isLineEnding(q[next]) {
            pos = next
            if q[pos] == 0x0D && pos + 1 < len && q[pos + 1] == 0x0A { pos += 2 } else { pos += 1 }
            _ = addNode(.lineBreak, next, next)
            while pos < len && isSpaceOrTab(q[pos]) { pos += 1 }
        } else {
            addText(pos, pos + 1)
            pos += 1
        }
    }

    mutating func handleEntity() {
        var decoded: [UInt8] = []
        let n = Entities.decode(q, pos, len, into: &decoded)
        if n > 0 {
            _ = addDecodedText(decoded)
            pos += n
        } else {
            addText(pos, pos + 1)
            pos += 1
        }
    }

    // MARK: Code spans

    mutating func handleBackticks() {
        let start = pos
        while pos < len && q[pos] == 0x60 { pos += 1 }
        let n = pos - start
        let close = closingBackticks(n)
        guard close >= 0 else {
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
            if isLineEnding(c) { hasLineEnding = true } else if c != 0x20 { allSpace = false }
            k += 1
        }
        pos = close + n
        if !allSpace && e - s >= 2 && (q[s] == 0x20 || isLineEnding(q[s])) && (q[e - 1] == 0x20 || isLineEnding(q[e - 1])) {
            // A \r\n at either end counts as one space.
            if q[s] == 0x0D && s + 1 < e && q[s + 1] == 0x0A { s += 2 } else { s += 1 }
            if q[e - 1] == 0x0A && e - 2 >= s && q[e - 2] == 0x0D { e -= 2 } else { e -= 1 }
        }
        if !hasLineEnding {
            _ = addNode(.code, s, e)
            return
        }
        let node = store.makeNode(.code)
        store.nodes[Int(node)].start = store.textTail
        k = s
        while k < e {
            let c = q[k]
            if c == 0x0D {
                store.text.append(0x20)
                if k + 1 < e && q[k + 1] == 0x0A { k += 1 }
            } else if c == 0x0A {
                store.text.append(0x20)
            } else {
                store.text.append(c)
            }
            k += 1
        }
        store.nodes[Int(node)].end = store.textTail
        store.appendChild(block, node)
    }

    /// Index of a closing backtick run of exactly `n`, or -1. Remembers every run seen, so that after
    /// one full scan a missing closer is known without scanning again.
    mutating func closingBackticks(_ n: Int) -> Int {
        if scannedForBackticks {
            guard let last = backtickRuns[n], last >= pos else { return -1 }
        }
        var i = pos
        while i < len {
            if q[i] != 0x60 {
                i += 1
                continue
            }
            let runStart = i
            while i < len && q[i] == 0x60 { i += 1 }
            let run = i - runStart
            backtickRuns[run] = runStart
            if run == n { return runStart }
        }
        scannedForBackticks = true
        return -1
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
        addText(pos, pos + 1)
        pos += 1
    }

    /// `<scheme:...>` or `<local@domain>`: entity references are decoded in the destination and the
    /// text, backslashes are not escapes.
    mutating func addAutolink(_ s: Int, _ e: Int, email: Bool) {
        var decoded: [UInt8] = []
        var k = s
        while k < e {
            if q[k] == 0x26 {
                let n = Entities.decode(q, k, e, into: &decoded)
                if n > 0 {
                    k += n
                    continue
                }
            }
            decoded.append(q[k])
            k += 1
        }
        var destination: [UInt8] = email ? Array("mailto:".utf8) : []
        destination.append(contentsOf: decoded)
        appendLink(destination: destination, s, e, text: decoded.count == e - s ? nil : decoded)
    }

    /// Appends a link node whose text is `q[s..<e]` (or `text`, when decoding changed it); returns it.
    @discardableResult
    mutating func appendLink(destination: [UInt8], _ s: Int, _ e: Int, text decoded: [UInt8]? = nil) -> Int32 {
        let link = store.makeNode(.link)
        store.links.append(LinkInfo(destination: destination, title: [], address: base + Int32(s)))
        store.nodes[Int(link)].aux = Int32(store.links.count - 1)
        store.appendChild(block, link)
        let text = store.makeNode(.text)
        if let decoded {
            store.nodes[Int(text)].start = store.textTail
            store.text.append(contentsOf: decoded)
            store.nodes[Int(text)].end = store.textTail
        } else {
            store.nodes[Int(text)].start = base + Int32(s)
            store.nodes[Int(text)].end = base + Int32(e)
        }
        store.appendChild(link, text)
        return link
    }

    /// Length of raw inline HTML at `pos`, or 0.
    mutating func rawHTML() -> Int {
        guard pos + 1 < len else { return 0 }
        let c = q[pos + 1]
        if isLetter(c) { return InlineScan.openTag(q, pos, len) }
        if c == 0x2F { return InlineScan.closingTag(q, pos, len) }
        if c == 0x3F {
            if noProcessingEnd { return 0 }
            let end = InlineScan.find(q, pos + 2, len, "?>")
            if end < 0 { noProcessingEnd = true; return 0 }
            return end - pos
        }
        guard c == 0x21 else { return 0 }
        if matchesExactly(q, pos, len, "<!--") {
            if matchesExactly(q, pos, len, "<!-->") { return 5 }
            if matchesExactly(q, pos, len, "<!--->") { return 6 }
            if noCommentEnd { return 0 }
            let end = InlineScan.find(q, pos + 4, len, "-->")
            if end < 0 { noCommentEnd = true; return 0 }
            return end - pos
        }
        if matchesExactly(q, pos, len, "<![CDATA[") {
            if noCDATAEnd { return 0 }
            let end = InlineScan.find(q, pos + 9, len, "]]>")
            if end < 0 { noCDATAEnd = true; return 0 }
            return end - pos
        }
        if pos + 2 < len && isLetter(q[pos + 2]) {
            if noDeclarationEnd { return 0 }
            let end = InlineScan.find(q, pos + 2, len, ">")
            if end < 0 { noDeclarationEnd = true; return 0 }
            return end - pos
        }
        return 0
    }

    // MARK: Smart punctuation

    mutating func handleDashes() {
        let start = pos
        while pos < len && q[pos] == 0x2D { pos += 1 }
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
        var bytes: [UInt8] = []
        for _ in 0..<em { bytes += [0xE2, 0x80, 0x94] }
        for _ in 0..<en { bytes += [0xE2, 0x80, 0x93] }
        _ = addDecodedText(bytes)
    }
}
