/// Renders a parsed document as an HTML fragment (the output of `cmark-gfm --unsafe`, or of `cmark`
/// in CommonMark mode). The walk is iterative, so deeply nested input cannot overflow the stack.
public struct HTMLRenderer {
    /// Called for every link and image; return a new destination (e.g. the URL of a page that a `.md`
    /// path refers to) or nil to keep it as written.
    public var linkResolver: ((MarkdownLink) -> String?)?

    public init(linkResolver: ((MarkdownLink) -> String?)? = nil) {
        self.linkResolver = linkResolver
    }

    /// The HTML of the whole document.
    public func render(_ document: MarkdownDocument) -> String {
        // Built in place from the pieces: room for twice the input is reserved, of which only what
        // is written takes memory, so the HTML is held once and never copied into a larger string.
        var html = String()
        html.reserveCapacity(2 * document.source.count + 64)
        // A piece may end inside a character: its first bytes wait for the rest in `carry`.
        var carry: [UInt8] = []
        render(document) { piece in
            var start = 0
            if !carry.isEmpty {
                while start < piece.count && isContinuationByte(piece[start]) && carry.count < 4 {
                    carry.append(piece[start])
                    start += 1
                }
                html.append(contentsOf: String(decoding: carry, as: UTF8.self))
                carry.removeAll()
            }
            let end = Self.endOfLastCompleteCharacter(piece, from: start)
            html.append(contentsOf: String(decoding: Bytes(rebasing: piece[start..<end]), as: UTF8.self))
            carry.append(contentsOf: piece[end...])
        }
        if !carry.isEmpty { html.append(contentsOf: String(decoding: carry, as: UTF8.self)) }
        return html
    }

    /// The end of `bytes[from...]` without a last character whose bytes are not all there.
    static func endOfLastCompleteCharacter(_ bytes: Bytes, from: Int) -> Int {
        let n = bytes.count
        var k = n - 1
        while k >= from && n - k < 4 && isContinuationByte(bytes[k]) { k -= 1 }
        guard k >= from else { return n }
        let lead = bytes[k]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return n - k < length ? k : n
    }

    /// The HTML of the whole document as UTF-8 bytes (no String conversion).
    public func renderBytes(_ document: MarkdownDocument) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(document.source.count + document.source.count / 4 + 64)
        render(document) { result.append(contentsOf: $0) }
        return result
    }

    /// Renders in pieces of about 64 KiB and hands each to `write` as it is done, so writing a large
    /// document to a file or pipe never holds all of its HTML. A piece is only valid during the call.
    ///
    /// A document whose inlines are deferred (see `MarkdownDocument`) gets them parsed one leaf block
    /// at a time, just before that block is written, unless there is a link resolver: it may look at
    /// the tree, so it gets a complete one.
    public func render(_ document: MarkdownDocument, chunks write: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows
    {
        if linkResolver != nil { document.parseInlines() }
        try document.withDeferredInlines { storage, references in
            var writer = HTMLWriter(document: document, store: storage, resolver: linkResolver)
            defer { writer.out.release() }
            try document.source.withUnsafeBufferPointer { source in
                writer.source = source
                guard let references else { return try writer.renderDocument(write) }
                writer.parseInlinesPerLeaf(source: source, references: references)
                defer { storage = writer.finishParsingInlinesPerLeaf() }
                try writer.renderDocument(write)
            }
        }
    }
}

struct HTMLWriter {
    static let chunkSize = 1 << 16

    let document: MarkdownDocument
    var store: Storage
    let options: MarkdownOptions
    let resolver: ((MarkdownLink) -> String?)?
    var out = RawArray<UInt8>(capacity: HTMLWriter.chunkSize + 4096)
    /// The image whose alt text is being written (everything inside it is plain text).
    var altTextOf: NodeIndex?
    var inFootnotes = false
    var footnoteNumbers: [LinkLabel: Int] = [:]
    var footnoteReferenceCounts: [Int] = []
    var footnoteOrder: [LinkLabel] = []
    var headingIDs = Slug.Uniquer()
    var source = Bytes(start: nil, count: 0)
    var textBase: UnsafeMutablePointer<UInt8>
    /// Set while the tree holds only blocks: the parser of each leaf block's inlines, what the
    /// storage held before them, and the leaf whose inlines are in it.
    var inlines: InlineParser?
    /// Whether `inlines` is set (testing that directly would copy the parser).
    var parsesInlinesPerLeaf = false
    var blocksOnly = Storage.Mark(nodes: 0, text: 0, links: 0, footnoteLabels: 0)
    var leafWithInlines: NodeIndex?

    init(document: MarkdownDocument, store: Storage, resolver: ((MarkdownLink) -> String?)?) {
        self.document = document
        self.store = store
        self.options = document.options
        self.resolver = resolver
        textBase = store.text.base
    }

    /// Makes the writer parse each leaf block's inlines as it reaches the block (`store` holds only
    /// blocks), and drop them after it.
    mutating func parseInlinesPerLeaf(source: Bytes, references: [LinkLabel: LinkInfo]) {
        inlines = InlineParser(
            source: source, options: options, references: references,
            footnoteDefinitions: document.footnoteDefinitions)
        parsesInlinesPerLeaf = true
        blocksOnly = store.mark
    }

    /// The storage as it was before `parseInlinesPerLeaf`, to hand back to the document.
    mutating func finishParsingInlinesPerLeaf() -> Storage {
        if let leaf = leafWithInlines { store.dropInlines(of: leaf, back: blocksOnly) }
        if parsesInlinesPerLeaf, var parser = inlines {
            inlines = nil
            parsesInlinesPerLeaf = false
            parser.release()
        }
        return store
    }

    /// Before a leaf block is written: its inlines, when the tree holds only blocks.
    @inline(__always) mutating func parseLeafInlines(_ node: NodeIndex) {
        guard parsesInlinesPerLeaf else { return }
        inlines!.parseBlock(node, in: &store)
        textBase = store.text.base
        leafWithInlines = node
    }

    /// After a leaf block is written: the memory of its inlines goes to the next one.
    @inline(__always) mutating func dropLeafInlines(_ node: NodeIndex) {
        guard parsesInlinesPerLeaf else { return }
        store.dropInlines(of: node, back: blocksOnly)
        leafWithInlines = nil
    }

    @inline(__always) mutating func put(_ s: StaticString) { out.append(s) }

    /// A line break unless the output is at the start of a line.
    @inline(__always) mutating func cr() {
        if let last = out.last, last != .lineFeed { out.append(.lineFeed) }
    }

    @inline(__always) func slice(_ start: Int32, _ end: Int32) -> Bytes {
        let s = Int(start)
        let e = Int(end)
        let n = source.count
        return s < n
            ? Bytes(start: source.baseAddress! + s, count: e - s) : Bytes(start: textBase + (s - n), count: e - s)
    }

    @inline(__always) mutating func escaped(_ start: Int32, _ end: Int32) {
        guard end > start else { return }
        HTMLEscaping.appendText(slice(start, end), to: &out)
    }

    mutating func raw(_ bytes: Bytes) {
        if options.gfm {
            HTMLEscaping.appendFiltered(bytes, to: &out)
        } else {
            out.append(contentsOf: bytes)
        }
    }

    /// Code and HTML block lines as cmark writes them: `\r\n` and `\r` become `\n`.
    static func withNormalizedLineEndings(_ bytes: Bytes, _ body: (Bytes) -> Void) {
        guard bytes.contains(.carriageReturn) else { return body(bytes) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == .carriageReturn {
                result.append(.lineFeed)
                if i + 1 < bytes.count && bytes[i + 1] == .lineFeed { i += 1 }
            } else {
                result.append(bytes[i])
            }
            i += 1
        }
        result.withUnsafeBufferPointer(body)
    }

    mutating func renderDocument(_ write: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try render(.root, write)
        if !footnoteOrder.isEmpty { try renderFootnotes(write) }
        if !out.isEmpty { try write(out.buffer) }
    }

    /// Walks the subtree of `top` without recursion, handing full chunks to `write`.
    mutating func render(_ top: NodeIndex, _ write: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var node = top
        var entering = true
        while true {
            let record = store[node]
            if entering {
                let descend = enter(node, record)
                // (`enter` may just have parsed a leaf block's inlines.)
                if descend, let first = store[node].first {
                    node = first
                    continue
                }
                if descend { exit(node, record) }
            } else {
                exit(node, record)
            }
            if out.count >= HTMLWriter.chunkSize {
                try write(out.buffer)
                out.truncate(to: 0)
            }
            if node == top { break }
            if let next = record.next {
                node = next
                entering = true
            } else {
                node = record.parent!
                entering = false
            }
        }
    }

    func isTight(_ paragraph: NodeRecord) -> Bool {
        guard let item = paragraph.parent, store[item].kind == .item, let list = store[item].parent else {
            return false
        }
        return store[list].flags.contains(.tight)
    }

    /// Opening output; returns whether to visit the children (and later call `exit`).
    mutating func enter(_ node: NodeIndex, _ r: NodeRecord) -> Bool {
        if altTextOf != nil {
            switch r.kind {
            case .text where r.flags.contains(.plainText): out.append(contentsOf: slice(r.start, r.end))
            case .text, .code, .htmlInline: escaped(r.start, r.end)
            case .softBreak, .lineBreak: out.append(.space)
            default: break
            }
            return true
        }
        switch r.kind {
        case .document:
            return true
        case .blockQuote:
            cr()
            put("<blockquote>\n")
        case .list:
            cr()
            if r.flags.contains(.ordered) {
                let start = Int(store.lists[Int(r.data)].start)
                if start != 1 {
                    put("<ol start=\"")
                    appendNumber(start)
                    put("\">\n")
                } else {
                    put("<ol>\n")
                }
            } else {
                put("<ul>\n")
            }
        case .item:
            cr()
            put("<li>")
            if r.flags.contains(.task) {
                if r.flags.contains(.taskChecked) {
                    put("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ")
                } else {
                    put("<input type=\"checkbox\" disabled=\"\" /> ")
                }
            }
        case .codeBlock:
            cr()
            put("<pre><code")
            let code = store.codes[Int(r.data)]
            if code.infoEnd > code.infoStart {
                // The first word of the info string names the language.
                let info = slice(code.infoStart, code.infoEnd)
                var k = 0
                while k < info.count && !isASCIIWhitespace(info[k]) { k += 1 }
                put(" class=\"language-")
                HTMLEscaping.appendText(Bytes(rebasing: info[0..<k]), to: &out)
                put("\"")
            }
            put(">")
            if r.hasText {
                let content = slice(r.start, r.end)
                Self.withNormalizedLineEndings(content) { HTMLEscaping.appendText($0, to: &out) }
                if let last = content.last, !isLineEnding(last) { out.append(.lineFeed) }
            }
            put("</code></pre>\n")
            return false
        case .htmlBlock:
            cr()
            if options.safe {
                put("<!-- raw HTML omitted -->")
            } else if r.hasText {
                Self.withNormalizedLineEndings(slice(r.start, r.end)) { raw($0) }
            }
            cr()
            return false
        case .paragraph:
            parseLeafInlines(node)
            if !isTight(r) {
                cr()
                put("<p>")
            }
        case .heading:
            parseLeafInlines(node)
            cr()
            put("<h")
            out.append(.digitZero + r.level)
            // The ids of `MarkdownDocument.headings`: footnotes, written last, have none.
            if options.headingIDs && !inFootnotes {
                let id = headingIDs.unique(Slug.make(PlainText.of(store, node)))
                put(" id=\"")
                HTMLEscaping.appendText(Array(id.utf8), to: &out)
                put("\"")
            }
            put(">")
        case .thematicBreak:
            cr()
            put("<hr />\n")
            return false
        case .table:
            cr()
            put("<table>\n")
        case .tableRow:
            if r.flags.contains(.headerRow) {
                put("<thead>\n")
            } else if let previous = r.previous, store[previous].flags.contains(.headerRow) {
                put("<tbody>\n")
            }
            put("<tr>\n")
        case .tableCell:
            parseLeafInlines(node)
            put(isHeaderCell(r) ? "<th" : "<td")
            switch TableAlignment(rawValue: r.level) {
            case .left: put(" align=\"left\"")
            case .center: put(" align=\"center\"")
            case .right: put(" align=\"right\"")
            default: break
            }
            put(">")
        case .footnoteDefinition:
            guard inFootnotes else { return false }
            let number = footnoteNumbers[store.footnoteLabels[Int(r.data)]] ?? 0
            cr()
            put("<li id=\"fn")
            appendNumber(number)
            put("\">\n")
        case .text:
            if r.flags.contains(.plainText) {
                out.append(contentsOf: slice(r.start, r.end))
            } else {
                escaped(r.start, r.end)
            }
            return false
        case .softBreak:
            out.append(.lineFeed)
            return false
        case .lineBreak:
            put("<br />\n")
            return false
        case .code:
            put("<code>")
            escaped(r.start, r.end)
            put("</code>")
            return false
        case .htmlInline:
            if options.safe {
                put("<!-- raw HTML omitted -->")
            } else if r.hasText {
                raw(slice(r.start, r.end))
            }
            return false
        case .emphasis:
            put("<em>")
        case .strong:
            put("<strong>")
        case .strikethrough:
            put("<del>")
        case .link:
            put("<a href=\"")
            let info = store.links[Int(r.data)]
            appendDestination(node, info)
            if !info.title.isEmpty {
                put("\" title=\"")
                escaped(info.title.lowerBound, info.title.upperBound)
            }
            put("\">")
        case .image:
            put("<img src=\"")
            appendDestination(node, store.links[Int(r.data)])
            put("\" alt=\"")
            altTextOf = node
        case .footnoteReference:
            renderFootnoteReference(r)
            return false
        }
        return true
    }

    func isHeaderCell(_ cell: NodeRecord) -> Bool {
        guard let row = cell.parent else { return false }
        return store[row].flags.contains(.headerRow)
    }

    mutating func exit(_ node: NodeIndex, _ r: NodeRecord) {
        if let image = altTextOf {
            guard node == image else { return }
            altTextOf = nil
            let info = store.links[Int(r.data)]
            if !info.title.isEmpty {
                put("\" title=\"")
                escaped(info.title.lowerBound, info.title.upperBound)
            }
            put("\" />")
            return
        }
        switch r.kind {
        case .blockQuote:
            cr()
            put("</blockquote>\n")
        case .list:
            cr()
            put(r.flags.contains(.ordered) ? "</ol>\n" : "</ul>\n")
        case .item:
            put("</li>\n")
        case .paragraph:
            if inFootnotes, r.next == nil, let parent = r.parent, store[parent].kind == .footnoteDefinition {
                out.append(.space)
                appendBackReferences(store[parent])
            }
            if !isTight(r) { put("</p>\n") }
            dropLeafInlines(node)
        case .heading:
            put("</h")
            out.append(.digitZero + r.level)
            put(">\n")
            dropLeafInlines(node)
        case .table:
            if let last = r.last, !store[last].flags.contains(.headerRow) {
                put("</tbody>\n")
            }
            put("</table>\n")
        case .tableRow:
            put("</tr>\n")
            if r.flags.contains(.headerRow) { put("</thead>\n") }
        case .tableCell:
            put(isHeaderCell(r) ? "</th>\n" : "</td>\n")
            dropLeafInlines(node)
        case .footnoteDefinition:
            if r.last.map({ store[$0].kind != .paragraph }) ?? true {
                cr()
                appendBackReferences(r)
                out.append(.lineFeed)
            }
            cr()
            put("</li>\n")
        case .emphasis:
            put("</em>")
        case .strong:
            put("</strong>")
        case .strikethrough:
            put("</del>")
        case .link:
            put("</a>")
        default:
            break
        }
    }

    mutating func appendNumber(_ n: Int) {
        for c in String(n).utf8 { out.append(c) }
    }

    mutating func appendDestination(_ node: NodeIndex, _ info: LinkInfo) {
        if let resolver, let replacement = resolver(document.link(node)) {
            var destination = replacement
            destination.withUTF8 { appendURL($0) }
        } else {
            appendURL(slice(info.destination.lowerBound, info.destination.upperBound))
        }
    }

    mutating func appendURL(_ destination: Bytes) {
        if options.safe && HTMLEscaping.isDangerousURL(destination) { return }
        HTMLEscaping.appendURL(destination, to: &out)
    }

    // MARK: Footnotes

    mutating func renderFootnoteReference(_ r: NodeRecord) {
        let label = store.footnoteLabels[Int(r.data)]
        let number: Int
        if let known = footnoteNumbers[label] {
            number = known
            footnoteReferenceCounts[number - 1] += 1
        } else {
            footnoteOrder.append(label)
            number = footnoteOrder.count
            footnoteNumbers[label] = number
            footnoteReferenceCounts.append(1)
        }
        let count = footnoteReferenceCounts[number - 1]
        put("<sup class=\"footnote-ref\"><a href=\"#fn")
        appendNumber(number)
        put("\" id=\"fnref")
        appendNumber(number)
        if count > 1 {
            out.append(.hyphen)
            appendNumber(count)
        }
        put("\">")
        appendNumber(number)
        put("</a></sup>")
    }

    mutating func appendBackReferences(_ definition: NodeRecord) {
        let number = footnoteNumbers[store.footnoteLabels[Int(definition.data)]] ?? 0
        let count = number > 0 ? footnoteReferenceCounts[number - 1] : 1
        for k in 1...max(1, count) {
            if k > 1 { out.append(.space) }
            put("<a href=\"#fnref")
            appendNumber(number)
            if k > 1 {
                out.append(.hyphen)
                appendNumber(k)
            }
            put("\" class=\"footnote-backref\">↩</a>")
        }
    }

    mutating func renderFootnotes(_ write: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        cr()
        put("<section class=\"footnotes\">\n<ol>\n")
        inFootnotes = true
        var k = 0
        // Footnotes referenced from inside footnotes join the list while it is being written.
        while k < footnoteOrder.count {
            if let definition = document.footnoteDefinitions[footnoteOrder[k]] {
                try render(definition, write)
            }
            k += 1
        }
        inFootnotes = false
        put("</ol>\n</section>\n")
    }
}
