import Foundation

/// A horizontal bar chart as inline SVG: one bar per row with its label and value, an optional dashed
/// reference line (a norm), bars that miss their target in the warning colour.
enum SVGBarChart {
    static func render(_ chart: ReportChart) -> String {
        let width = 640.0
        let labelWidth = 230.0
        let valueWidth = 80.0
        let rowHeight = 26.0
        let top = chart.reference == nil ? 6.0 : 22.0
        let height = top + Double(chart.bars.count) * rowHeight + 6
        let plot = width - labelWidth - valueWidth
        let maximum = max(chart.bars.map(\.value).max() ?? 0, chart.reference?.value ?? 0, 1e-9)
        func x(_ value: Double) -> Double { labelWidth + plot * max(0, value) / maximum }
        let e = HTMLReportRenderer.escape

        var out = "<figure class=\"chart\">\n<figcaption>\(e(chart.title))</figcaption>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(e(chart.textAlternative))\">\n"
        for (i, bar) in chart.bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let colour = bar.highlighted ? "#c7291f" : "#00548c"
            out += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 16))\" text-anchor=\"end\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" fill=\"#1a1a1a\">\(e(bar.label))</text>\n"
            out += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 4))\" width=\"\(n(x(bar.value) - labelWidth))\" height=\"\(n(rowHeight - 8))\" fill=\"\(colour)\"><title>\(e(bar.label)): \(e(bar.valueLabel))</title></rect>\n"
            out += "<text x=\"\(n(x(bar.value) + 6))\" y=\"\(n(y + 16))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" fill=\"\(bar.highlighted ? "#c7291f" : "#1a1a1a")\"\(bar.highlighted ? " font-weight=\"bold\"" : "")>\(e(bar.valueLabel))</text>\n"
        }
        if let reference = chart.reference {
            let rx = x(reference.value)
            out += "<line x1=\"\(n(rx))\" y1=\"\(n(top - 4))\" x2=\"\(n(rx))\" y2=\"\(n(height - 2))\" stroke=\"#1a1a1a\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n"
            out += "<text x=\"\(n(rx))\" y=\"\(n(top - 8))\" text-anchor=\"middle\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" fill=\"#1a1a1a\">\(e(reference.label))</text>\n"
        }
        out += "</svg>\n</figure>\n"
        return out
    }

    /// A coordinate with at most one decimal, without a trailing ".0".
    private static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths) % 10)
        return fraction == 0 ? String(Int(tenths) / 10) : "\(tenths < 0 && whole == 0 ? "-" : "")\(whole).\(fraction)"
    }
}
