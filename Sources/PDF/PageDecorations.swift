/// The parts of a page outside the flow: the cover, the running header with the current chapter,
/// and the footer "pagina 3 van 28".
struct PageDecorations {
    let style: DocumentStyle
    private var contentWidth: Double { style.pageWidth - style.marginLeft - style.marginRight }
    private let grey = PDFColor(red: 0.4, green: 0.4, blue: 0.4)

    /// The cover page: a band in the accent colour with the title and subtitle, the lines at the bottom.
    func cover(_ cover: Cover) -> [DrawOp] {
        var ops: [DrawOp] = []
        let bandHeight = style.pageHeight * 0.45
        ops.append(.fillRect(x: 0, y: 0, width: style.pageWidth, height: bandHeight, color: style.accent))
        let bold = StandardFont.of(style.headingFamily, bold: true, italic: false)
        let regular = StandardFont.of(style.headingFamily, bold: false, italic: false)
        var y = bandHeight * 0.45
        func block(_ text: String, font: StandardFont, size: Double, color: PDFColor) {
            let lines = LineBreaker(width: contentWidth).breakLines(
                [StyledSpan(bytes: WinAnsiEncoding.encode(text), font: font, size: size, color: color, link: nil)])
            for line in lines {
                y += size * 1.2
                for piece in line.pieces {
                    ops.append(.text(x: style.marginLeft + piece.x, y: y, font: piece.font, size: size, bytes: piece.bytes,
                                     wordSpacing: 0, color: color, kerning: piece.kerning))
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
        let font = StandardFont.of(style.headingFamily, bold: false, italic: false)
        let size = 8.5
        let baseline = style.marginTop - 28
        var ops: [DrawOp] = []
        var leftWidth = 0.0
        if let left, !left.isEmpty {
            let bytes = fitted(left, font: font, size: size, width: contentWidth * 0.48)
            leftWidth = font.width(of: bytes, size: size)
            ops.append(.text(x: style.marginLeft, y: baseline, font: font, size: size, bytes: bytes, wordSpacing: 0,
                             color: grey, kerning: font.kerningPairs(bytes)))
        }
        if let right, !right.isEmpty {
            let bytes = fitted(right, font: font, size: size, width: contentWidth - leftWidth - 12)
            let w = font.width(of: bytes, size: size)
            ops.append(.text(x: style.marginLeft + contentWidth - w, y: baseline, font: font, size: size, bytes: bytes,
                             wordSpacing: 0, color: grey, kerning: font.kerningPairs(bytes)))
        }
        ops.append(.line(x1: style.marginLeft, y1: baseline + 6, x2: style.marginLeft + contentWidth, y2: baseline + 6,
                         width: 0.4, color: grey))
        return ops
    }

    /// "pagina N van M", right-aligned under the flow.
    func footer(page: Int, of total: Int) -> [DrawOp] {
        let font = StandardFont.of(style.headingFamily, bold: false, italic: false)
        let size = 8.5
        let bytes = WinAnsiEncoding.encode("pagina \(page) van \(total)")
        let w = font.width(of: bytes, size: size)
        return [.text(x: style.marginLeft + contentWidth - w, y: style.pageHeight - style.marginBottom + 32, font: font,
                      size: size, bytes: bytes, wordSpacing: 0, color: grey, kerning: font.kerningPairs(bytes))]
    }

    /// The text cut with an ellipsis so it fits `width`.
    private func fitted(_ text: String, font: StandardFont, size: Double, width: Double) -> [UInt8] {
        let bytes = WinAnsiEncoding.encode(text)
        if font.width(of: bytes, size: size, kerning: false) <= width { return bytes }
        // Keep the longest prefix that fits together with the ellipsis (measured once, left to right).
        let table = font.widths
        var used = Double(table[0x85]) * size / 1000
        var count = 0
        while count < bytes.count {
            let w = Double(table[Int(bytes[count])]) * size / 1000
            if used + w > width { break }
            used += w
            count += 1
        }
        return Array(bytes[0..<count]) + [0x85]
    }
}
