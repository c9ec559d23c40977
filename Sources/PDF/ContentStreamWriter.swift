/// A link annotation on a page, in PDF coordinates (origin bottom left).
struct PageLink {
    var x1: Double, y1: Double, x2: Double, y2: Double
    var target: Link
}

/// Turns one page's draw ops (y down from the top) into a PDF content stream and its link areas.
/// Graphics go first, then all text in one text object in reading order, so fills sit behind the text
/// and extraction reads top to bottom.
struct ContentStreamWriter {
    let pageHeight: Double
    /// Resource name of each font, e.g. `F3`.
    let fontName: (StandardFont) -> [UInt8]

    func write(_ ops: [DrawOp]) -> (content: [UInt8], links: [PageLink], fonts: Set<StandardFont>) {
        var out: [UInt8] = []
        out.reserveCapacity(ops.count * 48)
        var links: [PageLink] = []
        var fonts = Set<StandardFont>()
        var fill: PDFColor?
        var stroke: PDFColor?
        var lineWidth = -1.0
        func number(_ v: Double) { PDFSyntax.appendNumber(v, to: &out); out.append(0x20) }
        func setFill(_ c: PDFColor) {
            if fill == c { return }
            fill = c
            PDFSyntax.appendNumber(c.red, decimals: 3, to: &out); out.append(0x20)
            PDFSyntax.appendNumber(c.green, decimals: 3, to: &out); out.append(0x20)
            PDFSyntax.appendNumber(c.blue, decimals: 3, to: &out); out.append(" rg\n")
        }
        func setStroke(_ c: PDFColor) {
            if stroke == c { return }
            stroke = c
            PDFSyntax.appendNumber(c.red, decimals: 3, to: &out); out.append(0x20)
            PDFSyntax.appendNumber(c.green, decimals: 3, to: &out); out.append(0x20)
            PDFSyntax.appendNumber(c.blue, decimals: 3, to: &out); out.append(" RG\n")
        }

        // Graphics.
        for op in ops {
            switch op {
            case let .fillRect(x, y, w, h, color):
                setFill(color)
                number(x); number(pageHeight - y - h); number(w); number(h); out.append("re f\n")
            case let .line(x1, y1, x2, y2, width, color):
                setStroke(color)
                if lineWidth != width { lineWidth = width; number(width); out.append("w\n") }
                number(x1); number(pageHeight - y1); out.append("m "); number(x2); number(pageHeight - y2); out.append("l S\n")
            case let .link(x, y, w, h, target):
                links.append(PageLink(x1: x, y1: pageHeight - y - h, x2: x + w, y2: pageHeight - y, target: target))
            case .text, .pageNumber:
                continue
            }
        }

        // Text, in one text object.
        var inText = false
        var currentFont: StandardFont?
        var currentSize = -1.0
        var currentSpacing = 0.0
        for op in ops {
            guard case let .text(x, y, font, size, bytes, wordSpacing, color, kerning) = op, !bytes.isEmpty else { continue }
            if !inText { out.append("BT\n"); inText = true }
            fonts.insert(font)
            if currentFont != font || currentSize != size {
                currentFont = font
                currentSize = size
                out.append(contentsOf: fontName(font)); out.append(0x20); number(size); out.append("Tf\n")
            }
            if currentSpacing != wordSpacing {
                currentSpacing = wordSpacing
                number(wordSpacing); out.append("Tw\n")
            }
            setFill(color)
            out.append("1 0 0 1 "); number(x); number(pageHeight - y); out.append("Tm\n")
            if kerning.isEmpty {
                PDFSyntax.appendLiteral(bytes, to: &out)
                out.append(" Tj\n")
            } else {
                // TJ numbers are subtracted from the advance: a negative kern becomes a positive number.
                out.append(0x5B)
                var start = 0
                for (index, amount) in kerning where index > start && index < bytes.count {
                    PDFSyntax.appendLiteral(Array(bytes[start..<index]), to: &out)
                    PDFSyntax.appendInt(-amount, to: &out)
                    start = index
                }
                PDFSyntax.appendLiteral(Array(bytes[start...]), to: &out)
                out.append("] TJ\n")
            }
        }
        if inText { out.append("ET\n") }
        return (out, links, fonts)
    }
}
