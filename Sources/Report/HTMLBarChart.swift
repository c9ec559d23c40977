/// A horizontal bar chart in HTML and CSS: per row the label (which wraps in its column, or stands above
/// the bar on a narrow screen, so it is never cut off), the bar and its value; an optional dashed
/// reference line (a norm); bars that miss their target in the warning colour. The drawing is one image
/// for screen readers (`role="img"` with the chart in words); the text keeps its size at any width,
/// unlike a scaled SVG.
enum HTMLBarChart {
    static func render(_ chart: ReportChart) -> String {
        // A share of a total of nearly nothing can be infinite or not a number: drawn as no bar.
        func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
        let maximum = max(chart.bars.map { finite($0.value) }.max() ?? 0, finite(chart.reference?.value ?? 0), 1e-9)
        // The longest bar ends 7.5em before the end of its track, which holds the value.
        func percent(_ value: Double) -> String { "calc((100% - 7.5em) * \(n(max(0, finite(value)) / maximum)))" }
        let e = HTMLReportRenderer.escape

        var out = "<figure class=\"chart\">\n<figcaption>\(e(chart.title))</figcaption>\n"
        out += "<div class=\"bars\" role=\"img\" aria-label=\"\(e(chart.textAlternative))\">\n"
        let reference =
            chart.reference.map { "<span class=\"reference\" style=\"left: \(percent($0.value))\"></span>" } ?? ""
        if let r = chart.reference {
            out +=
                "<div class=\"bar-row reference-row\"><span class=\"chart-label\"></span><span class=\"bar-track\">"
                + "<span class=\"reference-label\" style=\"left: \(percent(r.value))\">\(e(r.label))</span></span></div>\n"
        }
        for bar in chart.bars {
            out +=
                "<div class=\"bar-row\(bar.highlighted ? " highlighted" : "")\"><span class=\"chart-label\">\(e(bar.label))</span>"
            out += "<span class=\"bar-track\"><span class=\"bar\" style=\"width: \(percent(bar.value))\"></span>"
            out += "<span class=\"chart-value\">\(e(bar.valueLabel))</span>\(reference)</span></div>\n"
        }
        out += "</div>\n</figure>\n"
        return out
    }

    /// A share between 0 and 1 with four decimals, without trailing zeros.
    private static func n(_ value: Double) -> String {
        let units = Int((value * 10_000).rounded())
        if units % 10_000 == 0 { return String(units / 10_000) }
        var fraction = String(units % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(units / 10_000).\(fraction)"
    }
}
