/// Lays out a horizontal bar chart as vector graphics: a title, per bar its label (left), the bar and
/// its value (right-aligned in a column of its own), a zero axis and an optional reference line.
/// Each bar is a slice of its own, so a long chart can continue on the next page; the title stays with
/// the first two bars and the last two bars stay together. Tagged as a `Figure` (with the chart in words
/// as its `/Alt`) whose `Caption` is the title; the axis and reference lines are artifacts.
struct BarChartLayout {
    let style: DocumentStyle
    let width: Double

    func slices(for chart: BarChart, figure: Int, caption: Int) -> [Slice] {
        let size = style.bodySize - 1
        let labelFont = style.headingFonts.regular
        let titleFont = style.headingFonts.bold
        let left = style.marginLeft
        var titleOps: [DrawOp] = [.structure(figure)]
        var y = 0.0

        let titleLines = LineBreaker(width: width).breakLines(
            [
                StyledSpan(
                    text: TextScalars.of(chart.title), font: titleFont, size: style.bodySize, color: style.text,
                    link: nil,
                    mark: .element(caption))
            ])
        for line in titleLines {
            let lineHeight = style.bodySize * 1.3
            for piece in line.pieces {
                titleOps.append(
                    .text(
                        x: left + piece.x, y: y + (lineHeight + style.bodySize * 0.7) / 2, font: piece.font,
                        size: piece.size, text: piece.text, adjustments: piece.adjustments, color: piece.color,
                        mark: piece.mark))
            }
            y += lineHeight
        }
        var slices = [Slice(height: y + 4, ops: titleOps)]

        let content = Mark.element(figure)
        let values = chart.bars.map { $0.value.isFinite ? $0.value : 0 }
        let valueLabels = chart.bars.map { TextScalars.of($0.valueLabel) }
        let labels = chart.bars.map { TextScalars.of($0.label) }
        let valueColumn = (valueLabels.map { labelFont.width(of: $0, size: size) }.max() ?? 0) + 8
        let widestLabel = labels.map { labelFont.width(of: $0, size: size) }.max() ?? 0
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
            let labelLines = breaker.breakLines([
                StyledSpan(
                    text: labels[index], font: labelFont, size: size, color: style.text,
                    link: nil, mark: content)
            ])
            let lineHeight = size * 1.2
            let height = max(rowHeight, Double(labelLines.count) * lineHeight + 4)
            var ly = (height - Double(labelLines.count) * lineHeight) / 2
            for line in labelLines {
                for piece in line.pieces {
                    ops.append(
                        .text(
                            x: left + piece.x, y: ly + (lineHeight + size * 0.7) / 2, font: piece.font, size: size,
                            text: piece.text, adjustments: piece.adjustments, color: style.text, mark: content))
                }
                ly += lineHeight
            }
            let x0 = xOf(0)
            let x1 = xOf(values[index])
            let barHeight = min(height - 6, size * 1.3)
            ops.append(
                .fillRect(
                    x: min(x0, x1), y: (height - barHeight) / 2, width: max(abs(x1 - x0), 0.5),
                    height: barHeight, color: bar.highlighted ? style.warning : style.accent, mark: content))
            let labelWidth = labelFont.width(of: valueLabels[index], size: size)
            ops.append(
                .text(
                    x: left + width - labelWidth, y: (height + size * 0.7) / 2, font: labelFont, size: size,
                    text: valueLabels[index], adjustments: labelFont.kerningPairs(valueLabels[index]),
                    color: bar.highlighted ? style.warning : style.text, mark: content))
            // The axis and the reference line are drawn piece by piece, one piece per bar.
            ops.append(.line(x1: axis, y1: 0, x2: axis, y2: height, width: 0.6, color: style.text, mark: .layout))
            if let reference {
                let rx = xOf(reference.value)
                // In the text colour: a highlighted bar is in the warning colour and would hide it.
                ops.append(.line(x1: rx, y1: 0, x2: rx, y2: height, width: 1.2, color: style.text, mark: .layout))
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
            let text = TextScalars.of(reference.label)
            let w = labelFont.width(of: text, size: size - 1)
            let x = min(max(rx - w / 2, barLeft), left + width - w)
            footer.ops.append(.line(x1: rx, y1: 0, x2: rx, y2: 3, width: 1.2, color: style.text, mark: .layout))
            footer.ops.append(
                .text(
                    x: x, y: size + 2, font: labelFont, size: size - 1, text: text,
                    adjustments: labelFont.kerningPairs(text), color: style.text, mark: content))
            footer.height = size + 8
        }
        slices.append(footer)
        return slices
    }
}
