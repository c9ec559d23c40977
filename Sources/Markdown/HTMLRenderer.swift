import Escaping
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
        // The writer reads text through plain pointers: no reference counting per text node.
        document.storage.source.withUnsafeBufferPointer { source in
            document.storage.text.withUnsafeBufferPointer { text in
                var writer = HTMLWriter(document: document, resolver: linkResolver, source: source, text: text)
                writer.renderDocument()
                return writer.out
            }
        }
    }
}

struct HTMLWriter {
    let document: MarkdownDocument
    let store: Storage
    let options: MarkdownOptions
    let resolver: ((MarkdownLink) -> String?)?
    var out: [UInt8] = []
    var plainUntil: Int32 = -1
    var inFootnotes = false
    var footnoteNumbers: [[UInt8]: Int] = [:]
    var footnoteReferenceCounts: [Int] = []
    var footnoteOrder: [[UInt8]] = []
    var headingIDs: [Int32: String] = [:]
    /// Line starts for link positions, computed on the first link only: a document with many links
    /// must not scan its source once per link.
    var lineStarts: [Int]?
    let source: Bytes
    let text: Bytes

    init(document: MarkdownDocument, resolver: ((MarkdownLink) -> String?)?, source: Bytes, text: Bytes) {
        self.source = source
        self.text = text
        self.document = document
        self.store = document.storage
        self.options = document.options
        self.resolver = resolver
        out.reserveCapacity(store.sourceCount * 2 + 64)
        if options.headingIDs {
            for heading in document.headings { headingIDs[heading.node.index] = heading.id }
        }
    }

    @inline(__always) mutating func put(_ s: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always) mutating func cr() {
        if let last = out.last, last != 0x0A { out.append(0x0A) }
    }

    @inline(__always) func slice(_ start: Int32, _ end: Int32) -> Bytes {
        let s = Int(start)
        let e = Int(end)
        let n = source.count
        return s < n ? Bytes(rebasing: source[s..<e]) : Bytes(rebasing: text[(s - n)..<(e - n)])
    }

    mutating func escaped(_ start: Int32, _ end: Int32) {
        guard end > start else { return }
        HTMLEscaper.append(slice(start, end), style: .commonMark, to: &out)
    }

    mutating func raw(_ start: Int32, _ end: Int32) {
        guard end > start else { return }
        if options.gfm {
            HTMLEscaping.appendFiltered(slice(start, end), to: &out)
        } else {
            out.append(contentsOf: slice(start, end))
        }
    }

    mutating func rawBytes(_ bytes: Bytes) {
        if options.gfm {
            HTMLEscaping.appendFiltered(bytes, to: &out)
        } else {
            out.append(contentsOf: bytes)
        }
    }

    /// `\r\n` and `\r` as `\n`, as cmark writes the lines of code and HTML blocks.
    func normalizedLineEndings(_ bytes: Bytes) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D {
                result.append(0x0A)
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                result.append(bytes[i])
            }
            i += 1
        }
        return result
    }

    mutating func renderDocument() {
        render(0)
        if !footnoteOrder.isEmpty { renderFootnotes() }
    }

    /// Walks the subtree of `top` without recursion.
    mutating func render(_ top: Int32) {
        var node = top
        var entering = true
        while true {
            let record = store.nodes[Int(node)]
            if entering {
                let descend = enter(node, record)
                if descend && record.first >= 0 {
                    node = record.first
                    continue
                }
                if descend { exit(node, record) }
            } else {
                exit(node, record)
            }
            if node == top { break }
            let next = store.nodes[Int(node)].next
            if next >= 0 {
                node = next
                entering = true
            } else {
                node = store.nodes[Int(node)].parent
                entering = false
            }
        }
    }

    func isTight(_ paragraph: NodeRecord) -> Bool {
        let item = paragraph.parent
        guard item >= 0, store.nodes[Int(item)].kind == .item else { return false }
        let list = store.nodes[Int(item)].parent
        return list >= 0 && store.nodes[Int(list)].flags & NodeFlags.tight != 0
    }

    /// Opening output; returns whether to visit the children (and later call `exit`).
    mutating func enter(_ node: Int32, _ r: NodeRecord) -> Bool {
        if plainUntil >= 0 {
            switch r.kind {
            case .text, .code, .htmlInline: escaped(r.start, r.end)
            case .softBreak, .lineBreak: out.append(0x20)
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
            if r.flags & NodeFlags.ordered != 0 {
                let start = store.lists[Int(r.aux)].start
                if start != 1 {
                    put("<ol start=\"")
                    out.append(contentsOf: Array(String(start).utf8))
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
            if r.flags & NodeFlags.task != 0 {
                if r.level == 2 {
                    put("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ")
                } else {
                    put("<input type=\"checkbox\" disabled=\"\" /> ")
                }
            }
        case .codeBlock:
            cr()
            put("<pre><code")
            let code = store.codes[Int(r.aux)]
            if code.infoEnd > code.infoStart {
                let info = store.bytes(code.infoStart, code.infoEnd)
                var k = 0
                while k < info.count && !isASCIIWhitespace(info[k]) { k += 1 }
                put(" class=\"language-")
                HTMLEscaper.append(Array(info[0..<k]), style: .commonMark, to: &out)
                put("\"")
            }
            put(">")
            if r.start >= 0 && r.end > r.start {
                let content = slice(r.start, r.end)
                if content.contains(0x0D) {
                    HTMLEscaper.append(normalizedLineEndings(content), style: .commonMark, to: &out)
                } else {
                    HTMLEscaper.append(content, style: .commonMark, to: &out)
                }
                if let last = content.last, last != 0x0A && last != 0x0D { out.append(0x0A) }
            }
            put("</code></pre>\n")
            return false
        case .htmlBlock:
            cr()
            if options.safe {
                put("<!-- raw HTML omitted -->")
            } else if r.start >= 0 && r.end > r.start {
                let content = slice(r.start, r.end)
                if content.contains(0x0D) {
                    normalizedLineEndings(content).withUnsafeBufferPointer { rawBytes($0) }
                } else {
                    raw(r.start, r.end)
                }
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
            out.append(0x30 + r.level)
            if let id = headingIDs[node] {
                put(" id=\"")
                HTMLEscaper.append(Array(id.utf8), style: .commonMark, to: &out)
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
            if r.flags & NodeFlags.headerRow != 0 {
                put("<thead>\n")
            } else if r.prev >= 0 && store.nodes[Int(r.prev)].flags & NodeFlags.headerRow != 0 {
                put("<tbody>\n")
            }
            put("<tr>\n")
        case .tableCell:
            let header = store.nodes[Int(r.parent)].flags & NodeFlags.headerRow != 0
            put(header ? "<th" : "<td")
            switch r.level {
            case TableAlignment.left.rawValue: put(" align=\"left\"")
            case TableAlignment.center.rawValue: put(" align=\"center\"")
            case TableAlignment.right.rawValue: put(" align=\"right\"")
            default: break
            }
            put(">")
        case .footnoteDefinition:
            guard inFootnotes else { return false }
            let number = footnoteNumbers[store.footnoteLabels[Int(r.aux)]] ?? 0
            cr()
            put("<li id=\"fn")
            appendNumber(number)
            put("\">\n")
        case .text:
            escaped(r.start, r.end)
            return false
        case .softBreak:
            out.append(0x0A)
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
            } else {
                raw(r.start, r.end)
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
            let info = store.links[Int(r.aux)]
            appendDestination(info, image: false)
            if !info.title.isEmpty {
                put("\" title=\"")
                HTMLEscaper.append(info.title, style: .commonMark, to: &out)
            }
            put("\">")
        case .image:
            put("<img src=\"")
            appendDestination(store.links[Int(r.aux)], image: true)
            put("\" alt=\"")
            plainUntil = node
        case .footnoteReference:
            renderFootnoteReference(r)
            return false
        }
        return true
    }

    mutating func exit(_ node: Int32, _ r: NodeRecord) {
        if plainUntil >= 0 {
            guard node == plainUntil else { return }
            plainUntil = -1
            let info = store.links[Int(r.aux)]
            if !info.title.isEmpty {
                put("\" title=\"")
                HTMLEscaper.append(info.title, style: .commonMark, to: &out)
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
            put(r.flags & NodeFlags.ordered != 0 ? "</ol>\n" : "</ul>\n")
        case .item:
            put("</li>\n")
        case .paragraph:
            if inFootnotes, r.next < 0, r.parent >= 0, store.nodes[Int(r.parent)].kind == .footnoteDefinition {
                out.append(0x20)
                appendBackReferences(store.nodes[Int(r.parent)])
            }
            if !isTight(r) { put("</p>\n") }
        case .heading:
            put("</h")
            out.append(0x30 + r.level)
            put(">\n")
        case .table:
            var last = r.last
            if last >= 0 && store.nodes[Int(last)].flags & NodeFlags.headerRow == 0 {
                put("</tbody>\n")
            }
            last = -1
            put("</table>\n")
        case .tableRow:
            put("</tr>\n")
            if r.flags & NodeFlags.headerRow != 0 { put("</thead>\n") }
        case .tableCell:
            let header = store.nodes[Int(r.parent)].flags & NodeFlags.headerRow != 0
            put(header ? "</th>\n" : "</td>\n")
        case .footnoteDefinition:
            if r.last < 0 || store.nodes[Int(r.last)].kind != .paragraph {
                cr()
                appendBackReferences(r)
                out.append(0x0A)
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
        out.append(contentsOf: Array(String(n).utf8))
    }

    mutating func appendDestination(_ info: LinkInfo, image: Bool) {
        var destination = info.destination
        if let resolver {
            if lineStarts == nil { lineStarts = document.lineStarts() }
            let link = MarkdownLink(
                destination: String(decoding: destination, as: UTF8.self), isImage: image,
                position: document.position(ofSourceOffset: store.sourceOffset(ofAddress: info.address), lineStarts: lineStarts!))
            if let replacement = resolver(link) { destination = Array(replacement.utf8) }
        }
        if options.safe && HTMLEscaping.isDangerousURL(destination) { return }
        HTMLEscaping.appendURL(destination, to: &out)
    }

    // MARK: Footnotes

    mutating func renderFootnoteReference(_ r: NodeRecord) {
        let label = store.footnoteLabels[Int(r.aux)]
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
            out.append(0x2D)
            appendNumber(count)
        }
        put("\">")
        appendNumber(number)
        put("</a></sup>")
    }

    mutating func appendBackReferences(_ definition: NodeRecord) {
        let number = footnoteNumbers[store.footnoteLabels[Int(definition.aux)]] ?? 0
        let count = number > 0 ? footnoteReferenceCounts[number - 1] : 1
        for k in 1...max(1, count) {
            if k > 1 { out.append(0x20) }
            put("<a href=\"#fnref")
            appendNumber(number)
            if k > 1 {
                out.append(0x2D)
                appendNumber(k)
            }
            put("\" class=\"footnote-backref\">↩</a>")
        }
    }

    mutating func renderFootnotes() {
        cr()
        put("<section class=\"footnotes\">\n<ol>\n")
        inFootnotes = true
        var k = 0
        // Footnotes referenced from inside footnotes join the list while it is being written.
        while k < footnoteOrder.count {
            if let definition = document.footnoteDefinitions[footnoteOrder[k]] {
                render(definition)
            }
            k += 1
        }
        inFootnotes = false
        put("</ol>\n</section>\n")
    }
}
