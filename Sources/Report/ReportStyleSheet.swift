import Escaping
import Foundation

/// The inline style sheet of the HTML report: readable on screen, and on paper A4 with a cover page, the
/// contents on their own page, every chapter on a new page, a running header with the chapter's title
/// and "pagina X van Y" (CSS paged-media margin boxes: Chromium 131+, WeasyPrint, Prince; other browsers
/// print without them).
///
/// With the theme's typeface, the four styles are embedded as `@font-face` rules with WOFF subsets
/// (only the characters of this report) in `data:` URLs: the file stays self-contained, with no request
/// for a font, and looks like the PDF.
enum ReportStyleSheet {
    static func css(runningHeader: String, typography: ReportTypography = .standard, text: String = "") -> String {
        let header = cssString(runningHeader)
        var fonts = ""
        var body = "\"Times New Roman\", Times, serif"
        var headings = "Helvetica, Arial, sans-serif"
        if let family = typography.family {
            let name = cssString(family.name)
            // Printable ASCII always (CSS-generated text such as "pagina"), then every character of the report.
            // A report is a few hundred kilobytes of a few hundred distinct characters: the plane of most
            // text is marked in a table, not hashed character by character.
            var seen = [Bool](repeating: false, count: 0x10000)
            for ascii in 0x20...0x7E { seen[ascii] = true }
            var beyond = Set<UInt32>()
            for scalar in text.unicodeScalars {
                if scalar.value < 0x10000 { seen[Int(scalar.value)] = true } else { beyond.insert(scalar.value) }
            }
            let sorted = seen.indices.filter { seen[$0] }.map { UInt32($0) } + beyond.sorted()
            // Italic and bold italic only when the report has them (the HTML writes <em> and <strong><em>).
            var faces = [(family.regular, 400, "normal"), (family.bold, 700, "normal")]
            if ByteSearch.contains("<em>", in: text) { faces.append((family.italic, 400, "italic")) }
            if ByteSearch.contains("<strong><em>", in: text) { faces.append((family.boldItalic, 700, "italic")) }
            for (font, weight, style) in faces {
                let woff = Data(font.webFont(covering: sorted)).base64EncodedString()
                fonts +=
                    "@font-face { font-family: \"\(name)\"; font-style: \(style); font-weight: \(weight); "
                    + "src: url(data:font/woff;base64,\(woff)) format(\"woff\"); }\n"
            }
            body = "\"\(name)\", system-ui, sans-serif"
            headings = "inherit"
        }
        return fonts + """
            html { color: #1a1a1a; background: #fff; }
            body { font-family: \(body); font-size: 11pt; line-height: 1.45; max-width: 46em;
              margin: 0 auto; padding: 0 1.5em 4em; hyphens: auto; overflow-wrap: break-word; }
            h1, h2, h3, h4, h5, h6, caption, .cover, .toc, figure figcaption, th { font-family: \(headings); }
            h2, h3, h4, h5, h6 { color: #00548c; line-height: 1.2; break-after: avoid; page-break-after: avoid; }
            h2 { font-size: 1.7em; margin: 2.2em 0 .6em; }
            h3 { font-size: 1.3em; margin: 1.6em 0 .4em; }
            h4 { font-size: 1.1em; margin: 1.3em 0 .3em; }
            h5, h6 { font-size: 1em; margin: 1.1em 0 .2em; }
            .num { display: inline-block; min-width: 2.2em; color: #5b6470; }
            p { margin: 0 0 .6em; text-align: justify; orphans: 2; widows: 2; }
            a { color: #00548c; }
            .cover { min-height: 90vh; display: flex; flex-direction: column; justify-content: flex-end; padding-bottom: 3em; }
            .cover .band { background: #00548c; color: #fff; -webkit-print-color-adjust: exact; padding: 2.5em 2em; margin: 0 -1.5em 2em; }
            .cover-title { font-size: 2.8em; margin: 0 0 .3em; }
            .cover-subtitle { font-size: 1.3em; margin: 0; text-align: left; }
            .cover-line { color: #5b6470; text-align: left; margin: .2em 0; }
            .toc ol { list-style: none; padding-left: 0; }
            .toc ol ol { padding-left: 2.2em; }
            .toc li.toc-1 { margin-top: .5em; font-weight: bold; }
            .toc li.toc-2 { font-weight: normal; }
            .toc a { text-decoration: none; color: #1a1a1a; }
            .toc a::after { content: leader(".") " " target-counter(attr(href url), page); font-weight: normal; }
            table { border-collapse: collapse; width: 100%; margin: .8em 0 1.2em; font-size: .92em; break-inside: auto; }
            caption { text-align: left; font-weight: bold; font-size: .92em; padding-bottom: .3em; caption-side: top; }
            th, td { padding: .25em .5em; border-bottom: 1px solid #d5dae0; vertical-align: top; text-align: left; }
            thead th { border-bottom: 2px solid #00548c; font-size: .9em; }
            tbody th { font-weight: normal; font-family: inherit; }
            .amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            thead .amount { white-space: normal; }
            tr.total th, tr.total td { font-weight: bold; border-top: 1px solid #1a1a1a; }
            tr.warning th, tr.warning td { color: #c7291f; }
            thead { display: table-header-group; }
            tr { break-inside: avoid; }
            .table-scroll { overflow-x: auto; margin: .8em 0 1.2em;
              background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)) left center / 2.5em 100% no-repeat local,
                linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) right center / 2.5em 100% no-repeat local,
                radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.28), rgba(0,0,0,0)) left center / .9em 100% no-repeat scroll,
                radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.28), rgba(0,0,0,0)) right center / .9em 100% no-repeat scroll; }
            .table-scroll > table { margin: 0; }
            .table-scroll caption { position: sticky; left: 0; max-width: calc(100vw - 3em); }
            figure.chart { margin: 1em 0 1.4em; break-inside: avoid; }
            figure.chart figcaption { font-weight: bold; font-size: .92em; margin-bottom: .5em; }
            .bars { display: grid; gap: .45em; font-family: \(headings); }
            .bar-row { display: grid; grid-template-columns: minmax(0, 15em) minmax(0, 1fr); column-gap: .6em; align-items: center; }
            .chart-label { font-size: .88em; line-height: 1.25; text-align: right; }
            .bar-track { position: relative; display: flex; align-items: center; gap: .4em; min-width: 0; min-height: 1.3em; }
            .bar { display: block; height: 1.1em; min-width: 1px; background: #00548c; flex: none; -webkit-print-color-adjust: exact; }
            .chart-value { font-size: .88em; white-space: nowrap; font-variant-numeric: tabular-nums; }
            .highlighted .bar { background: #c7291f; }
            .highlighted .chart-value { color: #c7291f; font-weight: bold; }
            .reference { position: absolute; top: -.35em; bottom: -.35em; border-left: 1.5px dashed #1a1a1a; }
            .reference-label { position: absolute; transform: translateX(-50%); font-size: .8em; white-space: nowrap; }
            @media screen and (max-width: 34em) {
              .bar-row { grid-template-columns: minmax(0, 1fr); }
              .chart-label { text-align: left; }
              .reference-row .chart-label { display: none; }
            }
            .callout { border-left: 4px solid #00548c; background: #eef4f9; padding: .5em .8em; text-align: left; }
            .callout.success { border-color: #1f7a3a; background: #edf7f0; }
            .callout.warning { border-color: #c7291f; background: #fcebea; color: #7a1410; }
            .signature { margin-top: 1.5em; text-align: left; }
            .notes { font-size: .85em; border-top: 1px solid #d5dae0; margin-top: 1.2em; padding-top: .3em; }
            .notes ol { padding-left: 1.6em; }
            sup.noteref { line-height: 0; }
            @page { size: A4; margin: 25mm 20mm 22mm;
              @top-left { content: "\(header)"; font: 8.5pt \(typography.family == nil ? "Helvetica, Arial, sans-serif" : body); color: #5b6470; }
              @bottom-right { content: "pagina " counter(page) " van " counter(pages); font: 8.5pt \(typography.family == nil ? "Helvetica, Arial, sans-serif" : body); color: #5b6470; }
            }
            @page :first { margin: 0; @top-left { content: none; } @bottom-right { content: none; } }
            @media print {
              body { max-width: none; padding: 0; font-size: 10.5pt; }
              .cover { height: 297mm; min-height: 0; box-sizing: border-box; padding: 0 20mm 40mm; break-after: page; }
              .cover .band { margin: 0 -20mm 2em; padding: 30mm 20mm 12mm; }
              .toc { break-after: page; }
              section.chapter { break-before: page; }
              section.chapter > h2 { margin-top: 0; }
              a { color: inherit; text-decoration: none; }
              .callout { -webkit-print-color-adjust: exact; }
              .table-scroll { overflow: visible; background: none; }
              table { font-size: .85em; }
              th, td { padding: .2em .3em; }
              thead th { overflow-wrap: anywhere; }
            }

            """
    }

    /// A CSS string literal's content: quotes and backslashes escaped.
    private static func cssString(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "\"" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
