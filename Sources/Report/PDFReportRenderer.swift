import Foundation
import PDF

/// Turns the report model into the PDF module's typesetting model and typesets it.
///
/// The PDF module has no coloured paragraphs or boxes, so a callout is a paragraph with a bold lead
/// ("Let op – norm niet gehaald:"); the table row and the chart bar of a missed target are printed in
/// the warning colour.
enum PDFReportRenderer {
    /// The typesetting model (for tests that compare it with the HTML).
    static func typesetDocument(_ report: ReportDocument, creationDate: Date = Date()) -> TypesetDocument {
        let metadata = DocumentMetadata(
            title: report.title, author: report.author,
            subject: "\(report.title) van \(report.author)",
            keywords: "jaarverslag, \(report.year), Het Maatschappelijk Brein",
            language: "nl-NL", creator: "breingen report", producer: "breingen PDF", creationDate: creationDate)
        var blocks: [Block] = [.tableOfContents(title: "Inhoud", maxLevel: 2)]
        for section in report.allSections {
            blocks.append(
                .heading(
                    Heading(
                        level: min(section.level, 3), text: section.title, number: section.number,
                        anchor: section.anchor, numbered: section.numbered && section.number != nil)))
            for block in section.blocks { blocks += convert(block) }
        }
        var style = DocumentStyle()
        if let fonts = report.typography.fontSet {
            // One family throughout: the theme's typeface for text, headings, tables and charts.
            style.bodyFonts = fonts
            style.headingFonts = fonts
            style.bodySize = 10
        }
        return TypesetDocument(
            metadata: metadata,
            cover: Cover(title: report.title, subtitle: report.subtitle, lines: report.coverLines),
            runningHeader: report.runningHeader, blocks: blocks, style: style, numberHeadings: false,
            claimPDFA: report.typography.claimPDFA)
    }

    /// The PDF file. Its creation date is `creationDate` when given, else now, or `SOURCE_DATE_EPOCH`
    /// when set, so that a build can be reproduced byte for byte.
    static func render(_ report: ReportDocument, creationDate: Date? = nil) -> TypesetResult {
        var date = creationDate ?? Date()
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            date = Date(timeIntervalSince1970: epoch)
        }
        return Typesetter().typeset(typesetDocument(report, creationDate: date))
    }

    private static func runs(_ inlines: [ReportInline]) -> [TextRun] {
        inlines.map { inline in
            if let note = inline.note {
                // A footnote reference: its number in superscript digits, linking to the note.
                return TextRun(superscript(inline.text), bold: inline.bold, italic: inline.italic, link: .anchor(note))
            }
            return TextRun(inline.text, bold: inline.bold, italic: inline.italic, link: inline.link.map { .url($0) })
        }
    }

    /// "12" as "¹²".
    static func superscript(_ digits: String) -> String {
        let map: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        ]
        return String(digits.map { map[$0] ?? $0 })
    }

    private static func list(_ list: ReportList) -> ListBlock {
        ListBlock(
            ordered: list.ordered,
            items: list.items.map { ListItem(runs($0.inlines), children: $0.children.map(Self.list)) })
    }

    private static func convert(_ block: ReportBlock) -> [Block] {
        switch block {
        case .paragraph(let inlines):
            return [.paragraph(runs(inlines))]
        case .subheading(let text):
            return [.heading(Heading(level: 4, text: text, numbered: false))]
        case .list(let l):
            return [.list(list(l))]
        case .table(let table):
            let columns = table.alignments.map { TableColumn(alignment: $0 == .right ? .right : .left) }
            let header = table.header.allSatisfy(\.isEmpty) ? [] : [table.header]
            // The first cell of a row names it, as in the HTML (`<th scope="row">`).
            return [
                .table(
                    Table(
                        columns: columns, header: header,
                        rows: table.rows.map { TableRow($0.cells, bold: $0.bold, warning: $0.warning) },
                        caption: table.caption,
                        rowHeaders: true))
            ]
        case .chart(let chart):
            return [
                .barChart(
                    BarChart(
                        title: chart.title,
                        bars: chart.bars.map {
                            BarChart.Bar(
                                label: $0.label, value: $0.value, valueLabel: $0.valueLabel, highlighted: $0.highlighted
                            )
                        },
                        reference: chart.reference.map { BarChart.Reference(value: $0.value, label: $0.label) },
                        alternativeText: chart.textAlternative))
            ]
        case .callout(let callout):
            var inlines = runs(callout.inlines)
            if callout.kind == .warning, inlines.first?.bold == true {
                inlines[0].text = "Let op – " + inlines[0].text.prefix(1).lowercased() + inlines[0].text.dropFirst()
            }
            return [.paragraph(inlines)]
        case .notes(let notes):
            return [.notes(notes.map { Note(label: String($0.number), runs: runs($0.inlines), anchor: $0.anchor) })]
        case .signature(let name, let role):
            var out: [Block] = [.paragraph([TextRun(name, bold: true)])]
            if let role { out.append(.paragraph([TextRun(role, italic: true)])) }
            return out
        }
    }
}
