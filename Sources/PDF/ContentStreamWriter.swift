/// A link annotation on a page, in PDF coordinates (origin bottom left).
struct PageLink {
    var x1: Double, y1: Double, x2: Double, y2: Double
    var target: Link
    /// Its `Link` structure element.
    var element: Int?
    /// `/Contents`: what the link does, in words.
    var description: String
}

/// What a page's content means for the structure tree, in reading order.
enum StructureEvent {
    /// A marked-content sequence with this MCID belongs to the element.
    case content(mcid: Int, element: Int)
    /// The element is here in the reading order (it may have no content of its own).
    case touch(element: Int)
    /// The link annotation with this index (into the page's links) belongs to the element.
    case annotation(link: Int, element: Int)
}

/// How the characters of one font are written in a content stream.
struct FontEncoding {
    /// Resource name, e.g. `/F3`.
    var name: [UInt8]
    /// Two-byte codes (CIDs) of an embedded font, by scalar; nil for a standard font (WinAnsi bytes).
    var cids: [UInt32: UInt16]?
    var font: PDFFont
}

/// Turns one page's draw ops (y down from the top) into a PDF content stream, in the order of the ops
/// (the reading order): every op inside a marked-content sequence, either tagged with an MCID for its
/// structure element or marked as an artifact (ISO 32000-1, 14.6 and 14.8.2.2), text in `BT`/`ET` inside
/// the sequence. Returns the link areas and the structure events.
struct ContentStreamWriter {
    let pageHeight: Double
    let encodings: [PDFFont: FontEncoding]
    /// The structure type of every element (`P`, `H1`, ...), for the marked-content tags.
    let elementTypes: [String]
    /// Elements whose bounding box is wanted (figures).
    let boxedElements: Set<Int>

    struct Page {
        var content: [UInt8] = []
        var links: [PageLink] = []
        var events: [StructureEvent] = []
        /// Bounding boxes of the `boxedElements` on this page (x1, y1, x2, y2 in PDF coordinates).
        var boxes: [Int: (Double, Double, Double, Double)] = [:]
    }

    func write(_ ops: [DrawOp]) -> Page {
        var page = Page()
        var out: [UInt8] = []
        out.reserveCapacity(ops.count * 56)
        var fill: PDFColor?
        var stroke: PDFColor?
        var lineWidth = -1.0
        var currentFont: PDFFont?
        var currentSize = -1.0
        var open: Mark?
        var inText = false
        var nextMCID = 0

        func number(_ v: Double) {
            PDFSyntax.appendNumber(v, to: &out)
            out.append(0x20)
        }
        func color(_ c: PDFColor, _ op: StaticString) {
            PDFSyntax.appendNumber(c.red, decimals: 3, to: &out)
            out.append(0x20)
            PDFSyntax.appendNumber(c.green, decimals: 3, to: &out)
            out.append(0x20)
            PDFSyntax.appendNumber(c.blue, decimals: 3, to: &out)
            out.append(0x20)
            out.append(op)
            out.append(0x0A)
        }
        func endText() {
            if inText {
                out.append("ET\n")
                inText = false
            }
        }
        func mark(_ m: Mark) {
            if open == m { return }
            endText()
            if open != nil { out.append("EMC\n") }
            open = m
            switch m {
            case .element(let e):
                out.append(0x2F)
                out.append(contentsOf: Array(elementTypes[e].utf8))
                out.append(" <</MCID ")
                PDFSyntax.appendInt(nextMCID, to: &out)
                out.append(">> BDC\n")
                page.events.append(.content(mcid: nextMCID, element: e))
                nextMCID += 1
            case .layout: out.append("/Artifact <</Type /Layout>> BDC\n")
            case .header: out.append("/Artifact <</Type /Pagination /Subtype /Header>> BDC\n")
            case .footer: out.append("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n")
            case .repeated: out.append("/Artifact <</Type /Pagination>> BDC\n")
            }
        }
        func box(_ m: Mark, _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
            guard case .element(let e) = m, boxedElements.contains(e) else { return }
            if let b = page.boxes[e] {
                page.boxes[e] = (min(b.0, x1), min(b.1, y1), max(b.2, x2), max(b.3, y2))
            } else {
                page.boxes[e] = (x1, y1, x2, y2)
            }
        }

        for op in ops {
            switch op {
            case .fillRect(let x, let y, let w, let h, let c, let m):
                mark(m)
                if fill != c {
                    fill = c
                    color(c, "rg")
                }
                number(x)
                number(pageHeight - y - h)
                number(w)
                number(h)
                out.append("re f\n")
                box(m, x, pageHeight - y - h, x + w, pageHeight - y)
            case .line(let x1, let y1, let x2, let y2, let width, let c, let m):
                mark(m)
                if stroke != c {
                    stroke = c
                    color(c, "RG")
                }
                if lineWidth != width {
                    lineWidth = width
                    number(width)
                    out.append("w\n")
                }
                number(x1)
                number(pageHeight - y1)
                out.append("m ")
                number(x2)
                number(pageHeight - y2)
                out.append("l S\n")
                box(m, min(x1, x2), pageHeight - max(y1, y2), max(x1, x2), pageHeight - min(y1, y2))
            case .link(let x, let y, let w, let h, let target, let element, let description):
                page.links.append(
                    PageLink(
                        x1: x, y1: pageHeight - y - h, x2: x + w, y2: pageHeight - y, target: target,
                        element: element, description: description))
                if let element { page.events.append(.annotation(link: page.links.count - 1, element: element)) }
            case .structure(let element):
                page.events.append(.touch(element: element))
            case .pageNumber:
                continue  // resolved into text before the page is written
            case .text(let x, let y, let font, let size, let text, let adjustments, let c, let m):
                guard !text.isEmpty, let encoding = encodings[font] else { continue }
                mark(m)
                if !inText {
                    out.append("BT\n")
                    inText = true
                }
                if currentFont != font || currentSize != size {
                    currentFont = font
                    currentSize = size
                    out.append(contentsOf: encoding.name)
                    out.append(0x20)
                    number(size)
                    out.append("Tf\n")
                }
                if fill != c {
                    fill = c
                    color(c, "rg")
                }
                out.append("1 0 0 1 ")
                number(x)
                number(pageHeight - y)
                out.append("Tm\n")
                if adjustments.isEmpty {
                    appendString(text[...], encoding, to: &out)
                    out.append(" Tj\n")
                } else {
                    // TJ numbers are subtracted from the advance: extra room becomes a negative number.
                    out.append(0x5B)
                    var start = 0
                    var k = 0
                    while k < adjustments.count {
                        let index = adjustments[k].0
                        // Adjustments at the same place (kerning and letter spacing) become one number.
                        var amount = 0.0
                        while k < adjustments.count && adjustments[k].0 == index {
                            amount += adjustments[k].1
                            k += 1
                        }
                        guard index >= start && index <= text.count else { continue }
                        if index > start {
                            appendString(text[start..<index], encoding, to: &out)
                        } else if start > 0 {
                            out.append(0x20)
                        }
                        // A tenth of a thousandth of an em is far below what anyone sees (and keeps the stream short).
                        PDFSyntax.appendNumber(-amount, decimals: 1, to: &out)
                        start = index
                    }
                    if start < text.count { appendString(text[start...], encoding, to: &out) }
                    out.append("] TJ\n")
                }
                if boxedElements.isEmpty == false {
                    let width =
                        font.width(of: text, size: size, kerning: false) + adjustments.reduce(0) { $0 + $1.1 } * size
                        / 1000
                    box(
                        m, x, pageHeight - y + font.descender * size / 1000, x + width,
                        pageHeight - y + font.ascender * size / 1000)
                }
            }
        }
        endText()
        if open != nil { out.append("EMC\n") }
        page.content = out
        return page
    }

    /// A string operand: the two-byte codes of an embedded font, or the WinAnsi bytes of a standard font,
    /// as a literal string (binary, half the size of hex before compression).
    private func appendString(_ text: ArraySlice<UInt32>, _ encoding: FontEncoding, to out: inout [UInt8]) {
        if let cids = encoding.cids {
            var codes: [UInt8] = []
            codes.reserveCapacity(text.count * 2)
            for s in text {
                let cid = cids[s] ?? 0
                codes.append(UInt8(cid >> 8))
                codes.append(UInt8(cid & 0xFF))
            }
            PDFSyntax.appendLiteral(codes, to: &out)
        } else {
            PDFSyntax.appendLiteral(text.map { encoding.font.code($0) }, to: &out)
        }
    }
}
