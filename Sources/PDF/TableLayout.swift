/// Lays out a table: column widths from the content, wrapped cells, numeric columns right-aligned,
/// header rows kept with the first body row and repeated on every page the table continues on.
struct TableLayout {
    let style: DocumentStyle
    let width: Double
    private let padX = 5.0
    private let padY = 3.0
    private var baseSize: Double { style.bodySize - 1 }

    init(style: DocumentStyle, width: Double) {
        self.style = style
        self.width = width
    }

    /// Does a cell read as a number or an amount ("€ 95.677", "-1.234,5", "7%", "(12)")?
    static func isNumeric(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case ".", ",", "-", "+", "%", "(", ")", "\u{20AC}", " ", "\u{A0}", "\u{2212}", "\u{2013}": continue
            default: return false
            }
        }
        return digits > 0
    }

    private func font(bold: Bool) -> StandardFont {
        StandardFont.of(style.bodyFamily == .times ? .helvetica : style.bodyFamily, bold: bold, italic: false)
    }

    func slices(for table: Table) -> [Slice] {
        let columnCount = max(table.columns.count, table.header.map(\.count).max() ?? 0, table.rows.map(\.cells.count).max() ?? 0)
        guard columnCount > 0 else { return [] }
        func cell(_ row: [String], _ c: Int) -> [UInt8] { c < row.count ? WinAnsiEncoding.encode(row[c]) : [] }

        // Alignment per column.
        var alignments: [LineAlignment] = []
        for c in 0..<columnCount {
            let declared = c < table.columns.count ? table.columns[c].alignment : .automatic
            switch declared {
            case .left: alignments.append(.left)
            case .right: alignments.append(.right)
            case .center: alignments.append(.center)
            case .automatic:
                let cells = table.rows.compactMap { c < $0.cells.count ? $0.cells[c] : nil }.filter { !$0.isEmpty }
                alignments.append(!cells.isEmpty && cells.allSatisfy(TableLayout.isNumeric) ? .right : .left)
            }
        }

        // Natural (one line) and minimum (longest word) width per column.
        func measureColumns(size: Double) -> (natural: [Double], minimum: [Double]) {
            var natural = [Double](repeating: 0, count: columnCount)
            var minimum = [Double](repeating: 0, count: columnCount)
            func measure(_ bytes: [UInt8], bold: Bool, column c: Int) {
                let f = font(bold: bold)
                natural[c] = max(natural[c], f.width(of: bytes, size: size) + 2 * padX)
                var longest = 0.0
                for word in bytes.split(separator: 0x20) { longest = max(longest, f.width(of: Array(word), size: size)) }
                minimum[c] = max(minimum[c], longest + 2 * padX)
            }
            for row in table.header { for c in 0..<columnCount { measure(cell(row, c), bold: true, column: c) } }
            for row in table.rows { for c in 0..<columnCount { measure(cell(row.cells, c), bold: row.bold, column: c) } }
            return (natural, minimum)
        }
        var size = baseSize
        var (natural, minimum) = measureColumns(size: size)
        let totalMinimum = minimum.reduce(0, +)
        if totalMinimum > width {
            // The longest words do not fit side by side: a smaller type (down to three quarters) before
            // anything gets cut.
            let padding = 2 * padX * Double(columnCount)
            let factor = max((width - padding) / max(totalMinimum - padding, 1), 0.75)
            size = baseSize * min(factor, 1)
            (natural, minimum) = measureColumns(size: size)
        }
        let widths = TableLayout.columnWidths(natural: natural, minimum: minimum, available: width,
                                              stretchable: alignments.map { $0 == .left })

        var result: [Slice] = []
        if let caption = table.caption {
            let f = StandardFont.of(style.headingFamily, bold: true, italic: false)
            let lines = LineBreaker(width: width).breakLines([StyledSpan(bytes: WinAnsiEncoding.encode(caption), font: f,
                                                                        size: style.bodySize, color: style.text, link: nil)])
            var captionSlices = FlowBuilder.lineSlices(lines, x: style.marginLeft, leading: 1.3)
            for i in captionSlices.indices { captionSlices[i].breakAllowedBefore = i == 0 }
            if !captionSlices.isEmpty { captionSlices[captionSlices.count - 1].height += 3 }
            result.append(contentsOf: captionSlices)
        }
        var headerSlices: [Slice] = []
        for row in table.header {
            var slice = rowSlice(row, widths: widths, alignments: alignments.map { $0 == .right ? .right : .left },
                                 bold: true, fill: style.accent, color: .white, size: size)
            slice.breakAllowedBefore = result.isEmpty && headerSlices.isEmpty
            headerSlices.append(slice)
        }
        result.append(contentsOf: headerSlices)
        for (index, row) in table.rows.enumerated() {
            let fill: PDFColor? = index % 2 == 1 ? PDFColor(red: 0.94, green: 0.95, blue: 0.97) : nil
            var slice = rowSlice(row.cells, widths: widths, alignments: alignments, bold: row.bold, fill: fill,
                                 color: row.warning ? style.warning : style.text, size: size)
            if row.bold {
                slice.ops.append(.line(x1: style.marginLeft, y1: 0, x2: style.marginLeft + widths.reduce(0, +), y2: 0,
                                       width: 0.8, color: style.text))
            }
            // The header (or caption) goes along with at least two rows.
            slice.breakAllowedBefore = result.isEmpty || index > 1
            // Keep the last two rows together, so a continued table never shows a lone row.
            if index == table.rows.count - 1 && index >= 2 { slice.breakAllowedBefore = false }
            if !headerSlices.isEmpty { slice.repeatedHeader = headerSlices.map { var s = $0; s.spaceBefore = 0; return s } }
            result.append(slice)
        }
        return result
    }

    /// Column widths: natural widths when they fit (extra space to the text columns), otherwise every
    /// column gets its minimum and the rest is shared in proportion to what each still wants.
    static func columnWidths(natural: [Double], minimum: [Double], available: Double, stretchable: [Bool]) -> [Double] {
        let totalNatural = natural.reduce(0, +)
        if totalNatural <= available {
            let extra = available - totalNatural
            let targets = stretchable.contains(true) ? stretchable : stretchable.map { _ in true }
            let weight = zip(natural, targets).filter { $0.1 }.map { $0.0 }.reduce(0, +)
            return zip(natural, targets).map { w, t in t && weight > 0 ? w + extra * w / weight : w }
        }
        let totalMinimum = minimum.reduce(0, +)
        if totalMinimum >= available {
            // Even the longest words do not fit: scale down; the line breaker cuts the words.
            return minimum.map { $0 * available / totalMinimum }
        }
        let wanted = zip(natural, minimum).map { max($0 - $1, 0) }
        let totalWanted = wanted.reduce(0, +)
        let rest = available - totalMinimum
        return zip(minimum, wanted).map { m, w in m + (totalWanted > 0 ? rest * w / totalWanted : 0) }
    }

    private func rowSlice(_ cells: [String], widths: [Double], alignments: [LineAlignment], bold: Bool,
                          fill: PDFColor?, color: PDFColor, size: Double) -> Slice {
        let f = font(bold: bold)
        var cellLines: [[BrokenLine]] = []
        for (c, w) in widths.enumerated() {
            let bytes = c < cells.count ? WinAnsiEncoding.encodeKeepingLineBreaks(cells[c]) : []
            let breaker = LineBreaker(width: max(w - 2 * padX, 1), alignment: alignments[c])
            cellLines.append(breaker.breakLines([StyledSpan(bytes: bytes, font: f, size: size, color: color, link: nil)]))
        }
        let lineHeight = size * 1.3
        let lineCount = max(cellLines.map(\.count).max() ?? 1, 1)
        let height = Double(lineCount) * lineHeight + 2 * padY
        var ops: [DrawOp] = []
        let total = widths.reduce(0, +)
        if let fill { ops.append(.fillRect(x: style.marginLeft, y: 0, width: total, height: height, color: fill)) }
        var x = style.marginLeft
        for (c, lines) in cellLines.enumerated() {
            for (i, line) in lines.enumerated() {
                let baseline = padY + Double(i) * lineHeight + (lineHeight + size * 0.7) / 2
                for piece in line.pieces where !piece.bytes.isEmpty {
                    ops.append(.text(x: x + padX + piece.x, y: baseline, font: piece.font, size: piece.size, bytes: piece.bytes,
                                     wordSpacing: line.wordSpacing, color: piece.color, kerning: piece.kerning))
                }
            }
            x += widths[c]
        }
        ops.append(.line(x1: style.marginLeft, y1: height, x2: style.marginLeft + total, y2: height, width: 0.3,
                         color: PDFColor(red: 0.7, green: 0.7, blue: 0.7)))
        return Slice(height: height, ops: ops)
    }
}
