/// Lays out a horizontal bar chart as vector graphics: a title, per bar its label (left), the bar and
/// its value (right-aligned in a column of its own), a zero axis and an optional reference line.
/// The chart is one slice: it never breaks across pages.
struct BarChartLayout {
    let style: DocumentStyle
    let width: Double

    func slices(for chart: BarChart) -> [Slice] {
        let size = style.bodySize - 1
        let labelFont = StandardFont.of(.helvetica, bold: false, italic: false)
        let titleFont = StandardFont.of(style.headingFamily, bold: true, italic: false)
        let left = style.marginLeft
        var ops: [DrawOp] = []
        var y = 0.0

        let titleLines = LineBreaker(width: width).breakLines(
            [StyledSpan(bytes: WinAnsiEncoding.encode(chart.title), font: titleFont, size: style.bodySize,
                        color: style.text, link: nil)])
        for line in titleLines {
            let lineHeight = style.bodySize * 1.3
            for piece in line.pieces {
                ops.append(.text(x: left + piece.x, y: y + (lineHeight + style.bodySize * 0.7) / 2, font: piece.font,
                                 size: piece.size, bytes: piece.bytes, wordSpacing: 0, color: piece.color, kerning: piece.kerning))
            }
            y += lineHeight
        }
        y += 4

        let values = chart.bars.map { $0.value.isFinite ? $0.value : 0 }
        let valueLabels = chart.bars.map { WinAnsiEncoding.encode($0.valueLabel) }
        let valueColumn = (valueLabels.map { labelFont.width(of: $0, size: size) }.max() ?? 0) + 8
        let widestLabel = chart.bars.map { labelFont.width(of: $0.label, size: size) }.max() ?? 0
        let labelColumn = min(widestLabel, width * 0.35) + 8
        let barLeft = left + labelColumn
        let barWidth = max(width - labelColumn - valueColumn, 10)
        var low = min(0, values.min() ?? 0)
        var high = max(0, values.max() ?? 0)
        if let reference = chart.reference, reference.value.isFinite {
            low = min(low, reference.value)
            high = max(high, reference.value)
        }
        let span = high - low > 0 ? high - low : 1
        func xOf(_ v: Double) -> Double { barLeft + (v - low) / span * barWidth }

        let rowHeight = max(size * 1.9, 14)
        let barsTop = y
        for (index, bar) in chart.bars.enumerated() {
            let breaker = LineBreaker(width: labelColumn - 8, alignment: .left)
            let labelLines = breaker.breakLines([StyledSpan(bytes: WinAnsiEncoding.encode(bar.label), font: labelFont,
                                                            size: size, color: style.text, link: nil)])
            let lineHeight = size * 1.2
            let height = max(rowHeight, Double(labelLines.count) * lineHeight + 4)
            var ly = y + (height - Double(labelLines.count) * lineHeight) / 2
            for line in labelLines {
                for piece in line.pieces {
                    ops.append(.text(x: left + piece.x, y: ly + (lineHeight + size * 0.7) / 2, font: piece.font, size: size,
                                     bytes: piece.bytes, wordSpacing: 0, color: style.text, kerning: piece.kerning))
                }
                ly += lineHeight
            }
            let x0 = xOf(0), x1 = xOf(values[index])
            let barHeight = min(height - 6, size * 1.3)
            ops.append(.fillRect(x: min(x0, x1), y: y + (height - barHeight) / 2, width: max(abs(x1 - x0), 0.5),
                                 height: barHeight, color: bar.highlighted ? style.warning : style.accent))
            let labelWidth = labelFont.width(of: valueLabels[index], size: size)
            ops.append(.text(x: left + width - labelWidth, y: y + (height + size * 0.7) / 2, font: labelFont, size: size,
                             bytes: valueLabels[index], wordSpacing: 0,
                             color: bar.highlighted ? style.warning : style.text, kerning: []))
            y += height
        }
        let axis = xOf(0)
        ops.append(.line(x1: axis, y1: barsTop, x2: axis, y2: y, width: 0.6, color: style.text))
        if let reference = chart.reference, reference.value.isFinite {
            let rx = xOf(reference.value)
            ops.append(.line(x1: rx, y1: barsTop - 2, x2: rx, y2: y + 2, width: 1, color: style.warning))
            let bytes = WinAnsiEncoding.encode(reference.label)
            let w = labelFont.width(of: bytes, size: size - 1)
            let x = min(max(rx - w / 2, barLeft), left + width - w)
            ops.append(.text(x: x, y: y + 2 + size, font: labelFont, size: size - 1, bytes: bytes, wordSpacing: 0,
                             color: style.warning, kerning: []))
            y += size + 6
        }
        y += 4
        return [Slice(height: y, ops: ops)]
    }
}
