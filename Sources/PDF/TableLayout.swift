/// Lays out a table: column widths from the content, wrapped (and hyphenated) cells, numeric columns
/// right-aligned, header rows kept with the first body row and repeated on every page the table
/// continues on. Tagged as `Table` with an optional `Caption`, `THead` and `TBody`, rows `TR`, header
/// cells `TH` (`/Scope /Column`, or `/Row` for row headers) and data cells `TD`.
///
/// Column widths: every column starts at the least width its cells need (the longest unbreakable piece
/// of a body cell; a header cell in at most two lines). What is left goes, step by step, to the column
/// where it saves the most lines per point; when no more lines can be saved, the rest goes to the text
/// columns. When even the least widths do not fit, the type gets smaller (down to three quarters)
/// before anything is cut.
struct TableLayout {
    let style: DocumentStyle
    let width: Double
    var hyphenation: HyphenationCache?
    private let padX = 5.0
    private let padY = 3.0
    private var baseSize: Double { style.bodySize - 1 }
    /// Header cells wrap over at most this many lines.
    static let headerLines = 2

    init(style: DocumentStyle, width: Double, hyphenation: HyphenationCache? = nil) {
        self.style = style
        self.width = width
        self.hyphenation = hyphenation
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

    private func font(bold: Bool) -> PDFFont {
        style.headingFonts.font(bold: bold, italic: false)
    }

    /// The breaker for a cell: fewest lines first, hyphenation where it helps.
    private func breaker(width: Double, alignment: LineAlignment) -> LineBreaker {
        var b = LineBreaker(width: width, alignment: alignment)
        b.hyphenation = hyphenation
        b.linePenalty = 1_000_000
        return b
    }

    /// Header words are hyphenated only when they are long (compounds such as "Huisvestingskosten"):
    /// "Kantoor- en algemene kosten" breaks at its spaces and after its hyphen.
    static let headerHyphenationMinimum = 13

    private func span(
        _ text: String, bold: Bool, size: Double, color: PDFColor = .black, mark: Mark = .layout,
        hyphenate: Bool = true, header: Bool = false
    ) -> StyledSpan {
        StyledSpan(
            text: TextScalars.of(text, keepBreaks: true), font: font(bold: bold), size: size, color: color, link: nil,
            mark: mark, hyphenate: hyphenate && style.hyphenate && !TableLayout.isNumeric(text),
            hyphenationMinimum: header ? TableLayout.headerHyphenationMinimum : 5, startsSentence: true)
    }

    /// Slices for the table, with its structure below `element` (a `Table`).
    mutating func slices(for table: Table, element: Int, structure: inout StructureTree) -> [Slice] {
        let columnCount = max(
            table.columns.count, table.header.map(\.count).max() ?? 0, table.rows.map(\.cells.count).max() ?? 0)
        guard columnCount > 0 else { return [] }
        func cell(_ row: [String], _ c: Int) -> String { c < row.count ? row[c] : "" }

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

        // Header words whole, unless hyphenating the long ones makes the table shorter (or is needed to
        // fit); then smaller type (down to three quarters), before anything gets cut.
        var size = baseSize
        var hyphenateHeaders = false
        var widths = columnWidths(
            table, columnCount: columnCount, alignments: alignments, size: size, hyphenateHeaders: false)
        if style.hyphenate && !table.header.isEmpty {
            let hyphenated = columnWidths(
                table, columnCount: columnCount, alignments: alignments, size: size, hyphenateHeaders: true)
            if (widths.minimum > width && hyphenated.minimum < widths.minimum)
                || (hyphenated.minimum <= width && widths.minimum <= width && hyphenated.lines < widths.lines)
            {
                widths = hyphenated
                hyphenateHeaders = true
            }
        }
        while widths.minimum > width + 0.01 && size > baseSize * 0.75 + 0.01 {
            let padding = 2 * padX * Double(columnCount)
            let factor = max((width - padding) / max(widths.minimum - padding, 1), 0.75 * baseSize / size)
            size = max(size * min(factor, 0.98), baseSize * 0.75)
            widths = columnWidths(
                table, columnCount: columnCount, alignments: alignments, size: size, hyphenateHeaders: hyphenateHeaders)
        }
        let columns = widths.widths

        var result: [Slice] = []
        if let caption = table.caption {
            let captionElement = structure.add("Caption", parent: element)
            let f = style.headingFonts.bold
            let lines = LineBreaker(width: width).breakLines([
                StyledSpan(
                    text: TextScalars.of(caption), font: f, size: style.bodySize,
                    color: style.text, link: nil, mark: .element(captionElement))
            ])
            var captionSlices = FlowBuilder.lineSlices(lines, x: style.marginLeft, leading: 1.3)
            for i in captionSlices.indices { captionSlices[i].breakAllowedBefore = i == 0 }
            if !captionSlices.isEmpty { captionSlices[captionSlices.count - 1].height += 3 }
            result.append(contentsOf: captionSlices)
        }
        var headerSlices: [Slice] = []
        if !table.header.isEmpty {
            let head = structure.add("THead", parent: element)
            for row in table.header {
                let tr = structure.add("TR", parent: head)
                let cells = (0..<columnCount).map { _ in structure.add("TH", parent: tr, scope: "Column") }
                var slice = rowSlice(
                    row, widths: columns, alignments: alignments.map { $0 == .right ? .right : .left },
                    bold: true, fill: style.accent, color: .white, size: size, cells: cells,
                    hyphenate: hyphenateHeaders, header: true)
                slice.breakAllowedBefore = result.isEmpty && headerSlices.isEmpty
                headerSlices.append(slice)
            }
        }
        result.append(contentsOf: headerSlices)
        let body = structure.add("TBody", parent: element)
        for (index, row) in table.rows.enumerated() {
            let fill: PDFColor? = index % 2 == 1 ? PDFColor(red: 0.94, green: 0.95, blue: 0.97) : nil
            let tr = structure.add("TR", parent: body)
            let cells = (0..<columnCount).map { c in
                table.rowHeaders && c == 0
                    ? structure.add("TH", parent: tr, scope: "Row") : structure.add("TD", parent: tr)
            }
            var slice = rowSlice(
                row.cells, widths: columns, alignments: alignments, bold: row.bold, fill: fill,
                color: row.warning ? style.warning : style.text, size: size, cells: cells)
            if row.bold {
                slice.ops.append(
                    .line(
                        x1: style.marginLeft, y1: 0, x2: style.marginLeft + columns.reduce(0, +), y2: 0,
                        width: 0.8, color: style.text, mark: .layout))
            }
            // The header (or caption) goes along with at least two rows.
            slice.breakAllowedBefore = result.isEmpty || index > 1
            // Keep the last two rows together, so a continued table never shows a lone row.
            if index == table.rows.count - 1 && index >= 2 { slice.breakAllowedBefore = false }
            if !headerSlices.isEmpty {
                slice.repeatedHeader = headerSlices.map {
                    var s = $0
                    s.spaceBefore = 0
                    return s
                }
            }
            result.append(slice)
        }
        return result
    }

    /// The column widths for type of `size`, and the sum of the least widths.
    private func columnWidths(
        _ table: Table, columnCount: Int, alignments: [LineAlignment], size: Double,
        hyphenateHeaders: Bool
    ) -> (widths: [Double], minimum: Double, lines: Int) {
        // Each cell's words, once; its one-line width.
        struct Cell {
            var words: [LineBreaker.WordMetrics]
            var natural: Double
            var header: Bool
        }
        var grid: [[Cell]] = []
        let measurer = breaker(width: .infinity, alignment: .left)
        func measure(_ text: String, bold: Bool, header: Bool) -> Cell {
            let words = measurer.wordMetrics([
                span(text, bold: bold, size: size, hyphenate: !header || hyphenateHeaders, header: header)
            ])
            var natural = 0.0
            for (k, w) in words.enumerated() { natural += w.width + (k + 1 < words.count ? w.space : 0) }
            return Cell(words: words, natural: natural, header: header)
        }
        for row in table.header {
            grid.append((0..<columnCount).map { c in measure(c < row.count ? row[c] : "", bold: true, header: true) })
        }
        for row in table.rows {
            grid.append(
                (0..<columnCount).map { c in
                    measure(c < row.cells.count ? row.cells[c] : "", bold: row.bold, header: false)
                })
        }

        func lines(_ cell: Cell, _ w: Double) -> Int { LineBreaker.lineCount(cell.words, width: w - 2 * padX) }
        /// The least column width that sets the cell in `target` lines (or fewer), up to its one-line width.
        func widthFor(_ cell: Cell, lines target: Int, from low: Double) -> Double {
            let natural = cell.natural + 2 * padX
            if lines(cell, low) <= target { return low }
            if natural <= low { return low }
            var low = low
            var high = natural
            for _ in 0..<14 {
                let mid = (low + high) / 2
                if lines(cell, mid) <= target { high = mid } else { low = mid }
            }
            return (high * 4).rounded(.up) / 4
        }
        // Least widths: the longest unbreakable piece of a body cell; a header in at most two lines.
        var widths = [Double](repeating: 0, count: columnCount)
        for row in grid {
            for c in 0..<columnCount {
                let cell = row[c]
                var least = (cell.words.map { $0.width + $0.hyphen }.max() ?? 0) + 2 * padX
                if cell.header { least = widthFor(cell, lines: TableLayout.headerLines, from: least) }
                widths[c] = max(widths[c], least)
            }
        }
        let minimum = widths.reduce(0, +)
        if minimum >= width {
            // Even the least widths do not fit: scale down; the line breaker cuts the words.
            return (widths.map { $0 * width / max(minimum, 1) }, minimum, Int.max)
        }
        let natural = (0..<columnCount).map { c in (grid.map { $0[c].natural }.max() ?? 0) + 2 * padX }

        // Spend what is left where it saves the most lines per point: take a row one line shorter by
        // widening each of its cells that is as tall as the row; count what that saves over the table.
        var cellLines = grid.map { row in (0..<columnCount).map { c in lines(row[c], widths[c]) } }
        var remaining = width - minimum
        while remaining > 0.01 {
            var best: (widths: [Double], gain: Double)?
            var tried = Set<[Double]>()
            for r in grid.indices {
                let rowLines = cellLines[r].max() ?? 1
                guard rowLines > 1 else { continue }
                var proposal = widths
                for c in 0..<columnCount where cellLines[r][c] == rowLines {
                    proposal[c] = max(proposal[c], widthFor(grid[r][c], lines: rowLines - 1, from: widths[c]))
                }
                let cost = zip(proposal, widths).reduce(0) { $0 + $1.0 - $1.1 }
                guard cost > 0.001, cost <= remaining + 0.001, !tried.contains(proposal) else { continue }
                tried.insert(proposal)
                let changed = (0..<columnCount).filter { proposal[$0] != widths[$0] }
                var saved = 0
                for row in grid.indices {
                    var after = cellLines[row]
                    for c in changed { after[c] = lines(grid[row][c], proposal[c]) }
                    saved += (cellLines[row].max() ?? 0) - (after.max() ?? 0)
                }
                guard saved > 0 else { continue }
                let gain = Double(saved) / cost
                if best == nil || gain > best!.gain { best = (proposal, gain) }
            }
            guard let choice = best else { break }
            remaining -= zip(choice.widths, widths).reduce(0) { $0 + $1.0 - $1.1 }
            for c in 0..<columnCount where choice.widths[c] != widths[c] {
                for row in grid.indices { cellLines[row][c] = lines(grid[row][c], choice.widths[c]) }
            }
            widths = choice.widths
        }
        if remaining > 0.01 {
            // Nothing more to save: the rest to the text columns (all columns when there are none), by natural width.
            let text = (0..<columnCount).filter { alignments[$0] == .left }
            let targets = text.isEmpty ? Array(0..<columnCount) : text
            let weight = targets.reduce(0) { $0 + natural[$1] }
            for c in targets {
                widths[c] += weight > 0 ? remaining * natural[c] / weight : remaining / Double(targets.count)
            }
        }
        return (widths, minimum, cellLines.reduce(0) { $0 + ($1.max() ?? 0) })
    }

    private func rowSlice(
        _ cells: [String], widths: [Double], alignments: [LineAlignment], bold: Bool,
        fill: PDFColor?, color: PDFColor, size: Double, cells elements: [Int], hyphenate: Bool = true,
        header: Bool = false
    ) -> Slice {
        var cellLines: [[BrokenLine]] = []
        for (c, w) in widths.enumerated() {
            let text = c < cells.count ? cells[c] : ""
            let lines = breaker(width: max(w - 2 * padX, 1), alignment: alignments[c])
                .breakLines([
                    span(
                        text, bold: bold, size: size, color: color, mark: .element(elements[c]), hyphenate: hyphenate,
                        header: header)
                ])
            cellLines.append(lines)
        }
        let lineHeight = size * 1.3
        let lineCount = max(cellLines.map(\.count).max() ?? 1, 1)
        let height = Double(lineCount) * lineHeight + 2 * padY
        var ops: [DrawOp] = []
        let total = widths.reduce(0, +)
        if let fill {
            ops.append(.fillRect(x: style.marginLeft, y: 0, width: total, height: height, color: fill, mark: .layout))
        }
        var x = style.marginLeft
        for (c, lines) in cellLines.enumerated() {
            ops.append(.structure(elements[c]))
            for (i, line) in lines.enumerated() {
                let baseline = padY + Double(i) * lineHeight + (lineHeight + size * 0.7) / 2
                for piece in line.pieces where !piece.text.isEmpty {
                    ops.append(
                        .text(
                            x: x + padX + piece.x, y: baseline, font: piece.font, size: piece.size, text: piece.text,
                            adjustments: piece.adjustments, color: piece.color, mark: piece.mark))
                }
            }
            x += widths[c]
        }
        ops.append(
            .line(
                x1: style.marginLeft, y1: height, x2: style.marginLeft + total, y2: height, width: 0.3,
                color: PDFColor(red: 0.7, green: 0.7, blue: 0.7), mark: .layout))
        return Slice(height: height, ops: ops)
    }
}
