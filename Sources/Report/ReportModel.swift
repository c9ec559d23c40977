import PDF

/// The annual report as one document model, built once from the knowledge base for a year. The HTML and
/// the PDF renderer both read this model, so the two formats can never disagree.
public struct ReportDocument: Sendable, Equatable {
    public var year: Int
    /// "Jaarverslag 2020".
    public var title: String
    public var subtitle: String?
    /// Extra lines on the cover (place and date, site name).
    public var coverLines: [String]
    /// The organisation, written as the document's author.
    public var author: String
    /// Printed at the top of every page after the cover.
    public var runningHeader: String
    /// Unnumbered, before chapter 1.
    public var foreword: ReportSection?
    /// Numbered 1, 2, 3, … by `ReportNumbering`.
    public var chapters: [ReportSection]
    /// The typeface of both formats and the PDF/A claim (theme `fonts/fonts.yml`, `report.yml`).
    public var typography: ReportTypography = .standard

    /// Every section in reading order: the foreword, then each chapter depth first.
    public var allSections: [ReportSection] {
        var out: [ReportSection] = []
        func walk(_ s: ReportSection) {
            out.append(s)
            s.subsections.forEach(walk)
        }
        foreword.map(walk)
        chapters.forEach(walk)
        return out
    }

    /// "1 Visie, …", "1.1 Waar staat …": the numbered outline, one line per section.
    public var outline: [String] {
        allSections.map { s in s.number.map { "\($0) \(s.title)" } ?? s.title }
    }
}

/// A chapter (level 1) or a section below it. Text blocks come first, then the subsections.
public struct ReportSection: Sendable, Equatable {
    public var title: String
    /// Level 1 is a chapter.
    public var level: Int
    /// "2.1.3"; set by `ReportNumbering` (nil for the foreword).
    public var number: String?
    /// Unique within the document; the target of the contents and of internal links.
    public var anchor: String
    public var numbered: Bool
    public var blocks: [ReportBlock]
    public var subsections: [ReportSection]
    /// The number an editor typed in the heading ("1.1"), with where, to warn when it differs.
    var manualNumber: ManualNumber?

    /// A number typed into a heading, with where it stands.
    struct ManualNumber: Sendable, Equatable {
        var text: String
        var file: String
        var line: Int
        var lineText: String
    }

    /// A generated opening of `blocks` sentences that states figures ("samen 2,2 fte"): when the editors'
    /// text of the same section already gives one of the figures, the generated sentences are left out, so
    /// the report never says the same thing twice.
    struct Summary: Sendable, Equatable {
        var blocks: Int
        /// Phrases as the editors would write them, lower case: "2,2 fte", "drie mensen".
        var figures: [String]
    }

    var summary: Summary?

    public init(
        title: String, level: Int, numbered: Bool = true, blocks: [ReportBlock] = [],
        subsections: [ReportSection] = []
    ) {
        self.title = title
        self.level = level
        self.numbered = numbered
        self.anchor = ""
        self.blocks = blocks
        self.subsections = subsections
    }

    /// Whether there is nothing to show (no text and no subsections).
    public var isEmpty: Bool { blocks.isEmpty && subsections.isEmpty }
}

extension ReportBlock {
    /// The text of a paragraph, list or callout, for comparing the editors' text with generated text.
    var plainText: String {
        func list(_ l: ReportList) -> String {
            l.items.map { $0.inlines.map(\.text).joined() + ($0.children.map { "\n" + list($0) } ?? "") }.joined(
                separator: "\n")
        }
        switch self {
        case .paragraph(let inlines): return inlines.map(\.text).joined()
        case .list(let l): return list(l)
        case .callout(let c): return c.inlines.map(\.text).joined()
        case .subheading(let text): return text
        case .table(let t): return t.rows.map { $0.cells.joined(separator: " ") }.joined(separator: "\n")
        case .notes(let notes): return notes.map { $0.inlines.map(\.text).joined() }.joined(separator: "\n")
        case .chart, .signature: return ""
        }
    }
}

/// A piece of running text in one style, optionally a link to an external address.
public struct ReportInline: Sendable, Equatable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var link: String?
    /// A footnote reference: the anchor of its note (`ReportNote`); `text` is the note's number.
    public var note: String?

    public init(_ text: String, bold: Bool = false, italic: Bool = false, link: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.link = link
    }
}

/// A block of a section.
public enum ReportBlock: Sendable, Equatable {
    case paragraph([ReportInline])
    /// A minor heading inside a section: not numbered, not in the contents.
    case subheading(String)
    case list(ReportList)
    case table(ReportTable)
    case chart(ReportChart)
    /// A highlighted remark; `.warning` marks a missed target.
    case callout(ReportCallout)
    /// The name and role under the foreword.
    case signature(name: String, role: String?)
    /// The footnotes of an editor's text, after it.
    case notes([ReportNote])
}

/// A footnote: its number, its anchor (unique in the report; references point at it) and its text.
public struct ReportNote: Sendable, Equatable {
    public var number: Int
    public var anchor: String
    public var inlines: [ReportInline]

    public init(number: Int, anchor: String, inlines: [ReportInline]) {
        self.number = number
        self.anchor = anchor
        self.inlines = inlines
    }
}

/// A bulleted or numbered list.
public struct ReportList: Sendable, Equatable {
    public var ordered: Bool
    public var items: [ReportListItem]

    public init(ordered: Bool, items: [ReportListItem]) {
        self.ordered = ordered
        self.items = items
    }
}

/// One list item with an optional nested list.
public struct ReportListItem: Sendable, Equatable {
    public var inlines: [ReportInline]
    public var children: ReportList?

    public init(_ inlines: [ReportInline], children: ReportList? = nil) {
        self.inlines = inlines
        self.children = children
    }
}

/// A table with a header row; amounts are right-aligned.
public struct ReportTable: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right }

    public struct Row: Sendable, Equatable {
        public var cells: [String]
        /// Totals are bold.
        public var bold: Bool
        /// Printed in the warning colour: a missed target.
        public var warning: Bool

        public init(_ cells: [String], bold: Bool = false, warning: Bool = false) {
            self.cells = cells
            self.bold = bold
            self.warning = warning
        }
    }

    public var caption: String?
    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [Row]

    public init(caption: String?, header: [String], alignments: [Alignment], rows: [Row]) {
        self.caption = caption
        self.header = header
        self.alignments = alignments
        self.rows = rows
    }
}

/// A horizontal bar chart; a bar that misses its target is highlighted.
public struct ReportChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        public var valueLabel: String
        public var highlighted: Bool
    }

    public struct Reference: Sendable, Equatable {
        public var value: Double
        public var label: String
    }

    public var title: String
    public var bars: [Bar]
    public var reference: Reference?

    /// The chart in words, for screen readers: the same text in the HTML (`aria-label`) and the PDF (`/Alt`).
    public var textAlternative: String {
        BarChart.describe(title: title, bars: bars.map { ($0.label, $0.valueLabel) }, reference: reference?.label)
    }
}

/// A remark set apart from the text.
public struct ReportCallout: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case note, success, warning }

    public var kind: Kind
    public var inlines: [ReportInline]
}

/// Two models are the same report when they have the same fonts: parsed fonts are cached per file for the
/// process, so the same objects.
extension ReportTypography: Equatable {
    public static func == (a: ReportTypography, b: ReportTypography) -> Bool {
        a.claimPDFA == b.claimPDFA && a.family?.name == b.family?.name
            && zip(a.family?.all ?? [], b.family?.all ?? []).allSatisfy { $0 === $1 }
            && (a.family == nil) == (b.family == nil)
    }
}
