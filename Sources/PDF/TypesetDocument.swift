import Foundation

/// A document to typeset: metadata, an optional cover, and a flat list of blocks. The typesetter lays it
/// out on A4 and writes the PDF; it knows nothing about where the content came from.
public struct TypesetDocument: Sendable {
    public var metadata: DocumentMetadata
    public var cover: Cover?
    /// Text at the top left of every page after the cover; the current chapter is printed at the right.
    public var runningHeader: String?
    public var blocks: [Block]
    public var style: DocumentStyle
    /// When true, headings without an explicit `number` are numbered 1, 1.1, 1.1.1, ...
    public var numberHeadings: Bool
    /// Claim PDF/A-2a (ISO 19005-2, level A) in the metadata, with an sRGB output intent. The file is
    /// made to conform either way; the claim needs embedded fonts and is left out without them.
    public var claimPDFA: Bool

    public init(
        metadata: DocumentMetadata, cover: Cover? = nil, runningHeader: String? = nil,
        blocks: [Block] = [], style: DocumentStyle = DocumentStyle(), numberHeadings: Bool = true,
        claimPDFA: Bool = true
    ) {
        self.metadata = metadata
        self.cover = cover
        self.runningHeader = runningHeader
        self.blocks = blocks
        self.style = style
        self.numberHeadings = numberHeadings
        self.claimPDFA = claimPDFA
    }
}

/// The `/Info` dictionary and the catalog's language.
public struct DocumentMetadata: Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String?
    /// BCP 47 tag written as the catalog's `/Lang`.
    public var language: String
    public var creator: String
    public var producer: String
    public var creationDate: Date

    public init(
        title: String, author: String = "", subject: String = "", keywords: String? = nil,
        language: String = "nl-NL", creator: String = "breingen", producer: String = "breingen PDF",
        creationDate: Date = Date()
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.language = language
        self.creator = creator
        self.producer = producer
        self.creationDate = creationDate
    }
}

/// The first page: a coloured band with the title, a subtitle and a few lines (organisation, date).
public struct Cover: Sendable {
    public var title: String
    public var subtitle: String?
    public var lines: [String]

    public init(title: String, subtitle: String? = nil, lines: [String] = []) {
        self.title = title
        self.subtitle = subtitle
        self.lines = lines
    }
}

/// One block of the document's flow.
public enum Block: Sendable {
    case heading(Heading)
    case paragraph([TextRun])
    case list(ListBlock)
    case table(Table)
    case barChart(BarChart)
    /// Continues on a new page.
    case pageBreak
    /// The table of contents: every heading up to `maxLevel` with its page number, clickable.
    case tableOfContents(title: String, maxLevel: Int)
    /// An invisible link target (`Link.anchor(name)`) at the top of the block that follows.
    case anchor(String)
    /// Footnotes, in smaller type below a short rule; each a `Note` in the structure and a link target.
    case notes([Note])
}

/// A footnote: its label ("1"), its text and the anchor that references link to (`Link.anchor`).
public struct Note: Sendable {
    public var label: String
    public var runs: [TextRun]
    public var anchor: String

    public init(label: String, runs: [TextRun], anchor: String) {
        self.label = label
        self.runs = runs
        self.anchor = anchor
    }
}

/// A heading. Level 1 is a chapter (starts a new page when the style says so).
public struct Heading: Sendable {
    public var level: Int
    public var text: String
    /// "2.1.3"; nil lets the typesetter number it when the document numbers headings.
    public var number: String?
    /// Target of internal links; one is made up when nil.
    public var anchor: String?
    /// False for a heading that is neither numbered nor listed in the contents (it stays in the outline).
    public var numbered: Bool

    public init(level: Int, text: String, number: String? = nil, anchor: String? = nil, numbered: Bool = true) {
        self.level = level
        self.text = text
        self.number = number
        self.anchor = anchor
        self.numbered = numbered
    }
}

/// A piece of text in one style, optionally a link.
public struct TextRun: Sendable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var link: Link?

    public init(_ text: String, bold: Bool = false, italic: Bool = false, link: Link? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.link = link
    }
}

/// Where a link goes: an external address, or a heading's anchor in this document.
public enum Link: Sendable, Equatable {
    case url(String)
    case anchor(String)
}

/// A bulleted or numbered list; items may hold a nested list.
public struct ListBlock: Sendable {
    public var ordered: Bool
    public var items: [ListItem]

    public init(ordered: Bool = false, items: [ListItem]) {
        self.ordered = ordered
        self.items = items
    }
}

/// One list item: its text and an optional nested list.
public struct ListItem: Sendable {
    public var runs: [TextRun]
    public var children: ListBlock?

    public init(_ runs: [TextRun], children: ListBlock? = nil) {
        self.runs = runs
        self.children = children
    }
}

/// A table. Column widths follow the content; the header rows repeat on every page the table spans.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var header: [[String]]
    public var rows: [TableRow]
    /// Printed above the table, kept with it.
    public var caption: String?
    /// The first cell of each body row names the row (a row header, `TH` with `/Scope /Row`).
    public var rowHeaders: Bool

    public init(
        columns: [TableColumn], header: [[String]] = [], rows: [TableRow], caption: String? = nil,
        rowHeaders: Bool = false
    ) {
        self.columns = columns
        self.header = header
        self.rows = rows
        self.caption = caption
        self.rowHeaders = rowHeaders
    }
}

/// How a column's cells are aligned.
public enum ColumnAlignment: Sendable {
    case left, right, center
    /// Right when every body cell of the column looks like a number or an amount, otherwise left.
    case automatic
}

/// A table column.
public struct TableColumn: Sendable {
    public var alignment: ColumnAlignment

    public init(alignment: ColumnAlignment = .automatic) {
        self.alignment = alignment
    }
}

/// A body row; `bold` for totals, `warning` to print it in the warning colour (a missed target).
public struct TableRow: Sendable {
    public var cells: [String]
    public var bold: Bool
    public var warning: Bool

    public init(_ cells: [String], bold: Bool = false, warning: Bool = false) {
        self.cells = cells
        self.bold = bold
        self.warning = warning
    }
}

/// A horizontal bar chart drawn as vector graphics, with a label and a value per bar.
public struct BarChart: Sendable {
    public var title: String
    public var bars: [Bar]
    /// An optional vertical line, e.g. a target ("norm 7%").
    public var reference: Reference?
    /// The text a screen reader reads instead of the chart (`/Alt`); nil makes one from the title, every
    /// bar's label and value, and the reference.
    public var alternativeText: String?

    public init(title: String, bars: [Bar], reference: Reference? = nil, alternativeText: String? = nil) {
        self.title = title
        self.bars = bars
        self.reference = reference
        self.alternativeText = alternativeText
    }

    /// The chart in words: "Title: label value; label value; norm 7%."
    public static func describe(title: String, bars: [(label: String, value: String)], reference: String?) -> String {
        var parts = bars.map { "\($0.label) \($0.value)" }
        if let reference { parts.append(reference) }
        let name = title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "Grafiek" : title
        return parts.isEmpty ? name + " (zonder gegevens)" : "\(name): \(parts.joined(separator: "; "))."
    }

    /// `alternativeText`, or the chart described in words.
    var textAlternative: String {
        alternativeText
            ?? BarChart.describe(
                title: title, bars: bars.map { ($0.label, $0.valueLabel) }, reference: reference?.label)
    }

    /// One bar: `valueLabel` is printed beside it ("€ 95.677"); `highlighted` draws it in the warning colour.
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var valueLabel: String
        public var highlighted: Bool

        public init(label: String, value: Double, valueLabel: String, highlighted: Bool = false) {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
            self.highlighted = highlighted
        }
    }

    /// A reference line at `value`, labelled.
    public struct Reference: Sendable {
        public var value: Double
        public var label: String

        public init(value: Double, label: String) {
            self.value = value
            self.label = label
        }
    }
}

/// An RGB colour, components 0...1.
public struct PDFColor: Sendable, Equatable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let black = PDFColor(red: 0, green: 0, blue: 0)
    public static let white = PDFColor(red: 1, green: 1, blue: 1)
}

/// Page geometry, fonts and colours.
public struct DocumentStyle: Sendable {
    public var pageWidth: Double = 595.276  // A4 in points
    public var pageHeight: Double = 841.89
    public var marginTop: Double = 72
    public var marginBottom: Double = 72
    public var marginLeft: Double = 68
    public var marginRight: Double = 68
    /// The text fonts; the standard Times by default (not embedded), the theme's TrueType fonts in the report.
    public var bodyFonts: FontSet = .standard(.times)
    /// Headings, tables, charts, the cover and the running header.
    public var headingFonts: FontSet = .standard(.helvetica)
    /// Hyphenate body text (paragraphs, lists, table cells) with the Dutch patterns.
    public var hyphenate: Bool = true
    public var bodySize: Double = 10.5
    /// Line height as a multiple of the font size.
    public var leading: Double = 1.35
    /// Justified paragraphs (last lines ragged); false for ragged right.
    public var justify: Bool = true
    public var paragraphSpacing: Double = 6
    public var accent = PDFColor(red: 0.0, green: 0.33, blue: 0.55)
    public var warning = PDFColor(red: 0.78, green: 0.16, blue: 0.12)
    public var text = PDFColor(red: 0.1, green: 0.1, blue: 0.1)
    /// Chapters (level-1 headings) start on a new page.
    public var chapterStartsNewPage: Bool = true

    public init() {}
}
