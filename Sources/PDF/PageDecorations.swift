/// The parts of a page outside the flow: the cover, the running header with the current chapter,
/// and the footer "pagina 3 van 28". The header and footer are pagination artifacts; the cover's texts
/// are paragraphs of the document, its band a layout artifact.
struct PageDecorations {
    let style: DocumentStyle
    private var contentWidth: Double { style.pageWidth - style.marginLeft - style.marginRight }
    private let grey = PDFColor(red: 0.36, green: 0.36, blue: 0.36)

    /// The cover page: a band in the accent colour with the title and subtitle, the lines at the bottom.
    func cover(_ cover: Cover, structure: inout StructureTree) -> [DrawOp] {
        var ops: [DrawOp] = []
        let bandHeight = style.pageHeight * 0.45
        ops.append(
            .fillRect(x: 0, y: 0, width: style.pageWidth, height: bandHeight, color: style.accent, mark: .layout))
        let bold = style.headingFonts.bold
        let regular = style.headingFonts.regular
        var y = bandHeight * 0.45
        func block(_ text: String, font: PDFFont, size: Double, color: PDFColor) {
            let element = structure.add("P", parent: StructureTree.document)
            let lines = LineBreaker(width: contentWidth).breakLines(
                [
                    StyledSpan(
                        text: TextScalars.of(text), font: font, size: size, color: color, link: nil,
                        mark: .element(element))
                ])
            for line in lines {
                y += size * 1.2
                for piece in line.pieces {
                    ops.append(
                        .text(
                            x: style.marginLeft + piece.x, y: y, font: piece.font, size: size, text: piece.text,
                            adjustments: piece.adjustments, color: color, mark: piece.mark))
                }
            }
        }
        block(cover.title, font: bold, size: 32, color: .white)
        if let subtitle = cover.subtitle {
            y += 10
            block(subtitle, font: regular, size: 16, color: .white)
        }
        y = style.pageHeight - style.marginBottom - Double(cover.lines.count) * 16
        for line in cover.lines { block(line, font: regular, size: 11, color: style.text) }
        return ops
    }

    /// Header text at the top left, the chapter at the top right, a thin rule below.
    func header(left: String?, right: String?) -> [DrawOp] {
        let font = style.headingFonts.regular
        let size = 8.5
        let baseline = style.marginTop - 28
        var ops: [DrawOp] = []
        var leftWidth = 0.0
        if let left, !left.isEmpty {
            let text = fitted(left, font: font, size: size, width: contentWidth * 0.48)
            leftWidth = font.width(of: text, size: size)
            ops.append(
                .text(
                    x: style.marginLeft, y: baseline, font: font, size: size, text: text,
                    adjustments: font.kerningPairs(text), color: grey, mark: .header))
        }
        if let right, !right.isEmpty {
            let text = fitted(right, font: font, size: size, width: contentWidth - leftWidth - 12)
            let w = font.width(of: text, size: size)
            ops.append(
                .text(
                    x: style.marginLeft + contentWidth - w, y: baseline, font: font, size: size, text: text,
                    adjustments: font.kerningPairs(text), color: grey, mark: .header))
        }
        ops.append(
            .line(
                x1: style.marginLeft, y1: baseline + 6, x2: style.marginLeft + contentWidth, y2: baseline + 6,
                width: 0.4, color: grey, mark: .header))
        return ops
    }

    /// "pagina N van M", right-aligned under the flow.
    func footer(page: Int, of total: Int) -> [DrawOp] {
        let font = style.headingFonts.regular
        let size = 8.5
        let text = TextScalars.of("pagina \(page) van \(total)")
        let w = font.width(of: text, size: size)
        return [
            .text(
                x: style.marginLeft + contentWidth - w, y: style.pageHeight - style.marginBottom + 32, font: font,
                size: size, text: text, adjustments: font.kerningPairs(text), color: grey, mark: .footer)
        ]
    }

    /// The text cut with an ellipsis so it fits `width`.
    private func fitted(_ string: String, font: PDFFont, size: Double, width: Double) -> [UInt32] {
        let text = TextScalars.of(string)
        if font.width(of: text, size: size) <= width { return text }
        // Keep the longest prefix that fits together with the ellipsis (measured once, left to right).
        var used = font.advance(0x2026) * size / 1000
        var count = 0
        while count < text.count {
            let w = font.advance(text[count]) * size / 1000
            if used + w > width { break }
            used += w
            count += 1
        }
        return Array(text[0..<count]) + [0x2026]
    }
}
