/// A horizontal bar chart in HTML and CSS: per row the label (which wraps in its column, or stands above
/// the bar on a narrow screen, so it is never cut off), the bar and its value; an optional dashed
/// reference line (a norm); bars that miss their target in the warning colour. The drawing is one image
/// for screen readers (`role="img"` with the chart in words); the text keeps its size at any width,
/// unlike a scaled SVG.
enum HTMLBarChart {
    /// The longest bar's share of the track: the rest holds the value.
    static let longest = 75.0

    static func render(_ chart: ReportChart) -> String {
        let maximum = max(chart.bars.map(\.value).max() ?? 0, chart.reference?.value ?? 0, 1e-9)
        func percent(_ value: Double) -> String { n(longest * max(0, value) / maximum) + "%" }
        let e = HTMLReportRenderer.escape

        var out = "<figure class=\"chart\">\n<figcaption>\(e(chart.title))</figcaption>\n"
        out += "<div class=\"bars\" role=\"img\" aria-label=\"\(e(chart.textAlternative))\">\n"
        let reference = chart.reference.map { "<span class=\"reference\" style=\"left: \(percent($0.value))\"></span>" } ?? ""
        if let r = chart.reference {
            out += "<div class=\"bar-row reference-row\"><span class=\"chart-label\"></span><span class=\"bar-track\">"
                + "<span class=\"reference-label\" style=\"left: \(percent(r.value))\">\(e(r.label))</span></span></div>\n"
        }
        for bar in chart.bars {
            out += "<div class=\"bar-row\(bar.highlighted ? " highlighted" : "")\"><span class=\"chart-label\">\(e(bar.label))</span>"
            out += "<span class=\"bar-track\"><span class=\"bar\" style=\"width: \(percent(bar.value))\"></span>"
            out += "<span class=\"chart-value\">\(e(bar.valueLabel))</span>\(reference)</span></div>\n"
        }
        out += "</div>\n</figure>\n"
        return out
    }

    /// A percentage with at most one decimal, without a trailing ".0".
    private static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
