/// Lays out a horizontal bar chart as vector graphics: a title, per bar its label (left), the bar and
/// its value (right-aligned in a column of its own), a zero axis and an optional reference line.
/// Each bar is a slice of its own, so a long chart can continue on the next page; the title stays with
/// the first two bars and the last two bars stay together.
struct BarChartLayout {
    let style: DocumentStyle
    let width: Double

    func slices(for chart: BarChart) -> [Slice] {
        let size = style.bodySize - 1
        let labelFont = StandardFont.of(.helvetica, bold: false, italic: false)
        let titleFont = StandardFont.of(style.headingFamily, bold: true, italic: false)
        let left = style.marginLeft
        var titleOps: [DrawOp] = []
        var y = 0.0

        let titleLines = LineBreaker(width: width).breakLines(
            [StyledSpan(bytes: WinAnsiEncoding.encode(chart.title), font: titleFont, size: style.bodySize,
                        color: style.text, link: nil)])
        for line in titleLines {
            let lineHeight = style.bodySize * 1.3
            for piece in line.pieces {
                titleOps.append(.text(x: left + piece.x, y: y + (lineHeight + style.bodySize * 0.7) / 2, font: piece.font,
                                      size: piece.size, bytes: piece.bytes, wordSpacing: 0, color: piece.color,
                                      kerning: piece.kerning))
            }
            y += lineHeight
        }
        var slices = [Slice(height: y + 4, ops: titleOps)]

        let values = chart.bars.map { $0.value.isFinite ? $0.value : 0 }
        let valueLabels = chart.bars.map { WinAnsiEncoding.encode($0.valueLabel) }
        let valueColumn = (valueLabels.map { labelFont.width(of: $0, size: size) }.max() ?? 0) + 8
        let widestLabel = chart.bars.map { labelFont.width(of: $0.label, size: size) }.max() ?? 0
        let labelColumn = min(widestLabel, width * 0.35) + 8
        let barLeft = left + labelColumn
        let barWidth = max(width - labelColumn - valueColumn, 10)
        var low = min(0, values.min() ?? 0)
        var high = max(0, values.max() ?? 0)
        let reference = chart.reference.flatMap { $0.value.isFinite ? $0 : nil }
        if let reference {
            low = min(low, reference.value)
            high = max(high, reference.value)
        }
        let span = high - low > 0 ? high - low : 1
        func xOf(_ v: Double) -> Double { barLeft + (v - low) / span * barWidth }

        let rowHeight = max(size * 1.9, 14)
        let axis = xOf(0)
        for (index, bar) in chart.bars.enumerated() {
            var ops: [DrawOp] = []
            let breaker = LineBreaker(width: labelColumn - 8, alignment: .left)
            let labelLines = breaker.breakLines([StyledSpan(bytes: WinAnsiEncoding.encode(bar.label), font: labelFont,
                                                            size: size, color: style.text, link: nil)])
            let lineHeight = size * 1.2
            let height = max(rowHeight, Double(labelLines.count) * lineHeight + 4)
            var ly = (height - Double(labelLines.count) * lineHeight) / 2
            for line in labelLines {
                for piece in line.pieces {
                    ops.append(.text(x: left + piece.x, y: ly + (lineHeight + size * 0.7) / 2, font: piece.font, size: size,
                                     bytes: piece.bytes, wordSpacing: 0, color: style.text, kerning: piece.kerning))
                }
                ly += lineHeight
            }
            let x0 = xOf(0), x1 = xOf(values[index])
            let barHeight = min(height - 6, size * 1.3)
            ops.append(.fillRect(x: min(x0, x1), y: (height - barHeight) / 2, width: max(abs(x1 - x0), 0.5),
                                 height: barHeight, color: bar.highlighted ? style.warning : style.accent))
            let labelWidth = labelFont.width(of: valueLabels[index], size: size)
            ops.append(.text(x: left + width - labelWidth, y: (height + size * 0.7) / 2, font: labelFont, size: size,
                             bytes: valueLabels[index], wordSpacing: 0,
                             color: bar.highlighted ? style.warning : style.text,
                             kerning: labelFont.kerningPairs(valueLabels[index])))
            // The axis and the reference line are drawn piece by piece, one piece per bar.
            ops.append(.line(x1: axis, y1: 0, x2: axis, y2: height, width: 0.6, color: style.text))
            if let reference {
                let rx = xOf(reference.value)
                // In the text colour: a highlighted bar is in the warning colour and would hide it.
                ops.append(.line(x1: rx, y1: 0, x2: rx, y2: height, width: 1.2, color: style.text))
            }
            var slice = Slice(height: height, ops: ops)
            let count = chart.bars.count
            slice.breakAllowedBefore = index >= 2 && count - index >= 2
            slices.append(slice)
        }
        var footer = Slice(height: 4)
        footer.breakAllowedBefore = false
        if let reference {
            let rx = xOf(reference.value)
            let bytes = WinAnsiEncoding.encode(reference.label)
            let w = labelFont.width(of: bytes, size: size - 1)
            let x = min(max(rx - w / 2, barLeft), left + width - w)
            footer.ops.append(.line(x1: rx, y1: 0, x2: rx, y2: 3, width: 1.2, color: style.text))
            footer.ops.append(.text(x: x, y: size + 2, font: labelFont, size: size - 1, bytes: bytes, wordSpacing: 0,
                                    color: style.text, kerning: labelFont.kerningPairs(bytes)))
            footer.height = size + 8
        }
        slices.append(footer)
        return slices
    }
}
