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
        String(decoding: renderBytes(document), as: UTF8.self)
    }

    /// The HTML of the whole document as UTF-8 bytes (no String conversion).
    public func renderBytes(_ document: MarkdownDocument) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(document.storage.sourceCount + document.storage.sourceCount / 4 + 64)
        render(document) { result.append(contentsOf: $0) }
        return result
    }

    /// Renders in pieces of about 64 KiB and hands each to `write` as it is done, so writing a large
    /// document to a file or pipe never holds all of its HTML. A piece is only valid during the call.
    public func render(_ document: MarkdownDocument, chunks write: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var writer = HTMLWriter(document: document, resolver: linkResolver)
        defer { writer.out.release() }
        try document.storage.source.withUnsafeBufferPointer { source in
            writer.source = source
            try writer.renderDocument(write)
        }
    }
}

struct HTMLWriter {
    static let chunkSize = 1 << 16

    let document: MarkdownDocument
    let store: Storage
    let options: MarkdownOptions
    let resolver: ((MarkdownLink) -> String?)?
    var out = RawArray<UInt8>(capacity: HTMLWriter.chunkSize + 4096)
    /// The image whose alt text is being written (everything inside it is plain text).
    var altTextOf: NodeIndex?
    var inFootnotes = false
    var footnoteNumbers: [LinkLabel: Int] = [:]
    var footnoteReferenceCounts: [Int] = []
    var footnoteOrder: [LinkLabel] = []
    var headingIDs: [NodeIndex: String] = [:]
    var source = Bytes(start: nil, count: 0)
    let textBase: UnsafeMutablePointer<UInt8>

    init(document: MarkdownDocument, resolver: ((MarkdownLink) -> String?)?) {
        self.document = document
        self.store = document.storage
        self.options = document.options
        self.resolver = resolver
        textBase = document.storage.text.base
        if options.headingIDs {
            for heading in document.headings { headingIDs[heading.node.index] = heading.id }
        }
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
        return s < n ? Bytes(start: source.baseAddress! + s, count: e - s) : Bytes(start: textBase + (s - n), count: e - s)
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
                if descend, let first = record.first {
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
        guard let item = paragraph.parent, store[item].kind == .item, let list = store[item].parent else { return false }
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
                let start = store.lists[Int(r.data)].start
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
            if !isTight(r) {
                cr()
                put("<p>")
            }
        case .heading:
            cr()
            put("<h")
            out.append(.digitZero + r.level)
            if let id = headingIDs[node] {
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
        case .heading:
            put("</h")
            out.append(.digitZero + r.level)
            put(">\n")
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
