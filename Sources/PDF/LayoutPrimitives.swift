/// What a laid-out page is made of. Coordinates are in points with y growing DOWN from the top of the
/// slice (or page); the renderer flips them into PDF space. Every op says what it is in the document's
/// structure (`Mark`), so the page content can be tagged.
enum DrawOp {
    /// Text whose baseline starts at (x, y). `adjustments` are (index, amount in 1/1000 em) pairs: extra
    /// advance before the character at that index (kerning is negative, justified word spaces positive;
    /// an index equal to the text's length widens the end).
    case text(
        x: Double, y: Double, font: PDFFont, size: Double, text: [UInt32], adjustments: [(Int, Double)],
        color: PDFColor, mark: Mark)
    case fillRect(x: Double, y: Double, width: Double, height: Double, color: PDFColor, mark: Mark)
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, color: PDFColor, mark: Mark)
    /// The page number of an anchor, right-aligned at `right`, with a dotted leader from `leaderStart`
    /// (a contents entry). Resolved into text once the pages are known.
    case pageNumber(
        anchor: String, leaderStart: Double, right: Double, y: Double, font: PDFFont, size: Double,
        color: PDFColor, mark: Mark)
    /// A clickable area (a link annotation), not drawn. `element` is its `Link` structure element;
    /// `description` the annotation's `/Contents` (what the link does, for screen readers).
    case link(x: Double, y: Double, width: Double, height: Double, target: Link, element: Int?, description: String)
    /// Nothing to draw: puts a structure element in the tree at this point of the reading order, also when
    /// it has no content (an empty table cell).
    case structure(Int)

    /// The same op moved down by `dy`.
    func offset(by dy: Double) -> DrawOp {
        switch self {
        case .text(let x, let y, let font, let size, let text, let adjustments, let color, let mark):
            return .text(
                x: x, y: y + dy, font: font, size: size, text: text, adjustments: adjustments, color: color, mark: mark)
        case .fillRect(let x, let y, let w, let h, let color, let mark):
            return .fillRect(x: x, y: y + dy, width: w, height: h, color: color, mark: mark)
        case .line(let x1, let y1, let x2, let y2, let width, let color, let mark):
            return .line(x1: x1, y1: y1 + dy, x2: x2, y2: y2 + dy, width: width, color: color, mark: mark)
        case .link(let x, let y, let w, let h, let target, let element, let description):
            return .link(
                x: x, y: y + dy, width: w, height: h, target: target, element: element, description: description)
        case .pageNumber(let anchor, let leaderStart, let right, let y, let font, let size, let color, let mark):
            return .pageNumber(
                anchor: anchor, leaderStart: leaderStart, right: right, y: y + dy, font: font, size: size,
                color: color, mark: mark)
        case .structure:
            return self
        }
    }

    /// The same op as an artifact (a table header repeated on a following page): its text is a visual
    /// repeat, not content; a repeated link is dropped.
    func asArtifact(_ artifact: Mark) -> DrawOp? {
        switch self {
        case .text(let x, let y, let font, let size, let text, let adjustments, let color, _):
            return .text(
                x: x, y: y, font: font, size: size, text: text, adjustments: adjustments, color: color, mark: artifact)
        case .fillRect(let x, let y, let w, let h, let color, _):
            return .fillRect(x: x, y: y, width: w, height: h, color: color, mark: artifact)
        case .line(let x1, let y1, let x2, let y2, let width, let color, _):
            return .line(x1: x1, y1: y1, x2: x2, y2: y2, width: width, color: color, mark: artifact)
        case .link, .structure, .pageNumber:
            return nil
        }
    }

    /// The ops that print a resolved page number: the leader (as text, so extraction keeps the title
    /// and its number on one line; an artifact) and the number.
    static func resolvedPageNumber(
        _ page: Int?, leaderStart: Double, right: Double, y: Double, font: PDFFont,
        size: Double, color: PDFColor, mark: Mark
    ) -> [DrawOp] {
        let digits = TextScalars.of(page.map(String.init) ?? "")
        let width = font.width(of: digits, size: size)
        var ops: [DrawOp] = []
        let dot = TextScalars.of(" .")
        let dotWidth = font.width(of: dot, size: size, kerning: false)
        // The dots run from just after the title to just before the number, the slack spread over
        // them: a wide gap on either side makes text extraction split the line.
        let leaderEnd = right - max(width, 1) - 2
        let count = Int((leaderEnd - leaderStart) / dotWidth)
        if count > 0 {
            let slack = (leaderEnd - leaderStart - Double(count) * dotWidth) / Double(count) / size * 1000
            let adjustments = slack > 0.01 ? (1..<count).map { ($0 * dot.count, slack) } : []
            ops.append(
                .text(
                    x: leaderStart, y: y, font: font, size: size,
                    text: Array([[UInt32]](repeating: dot, count: count).joined()), adjustments: adjustments,
                    color: PDFColor(red: 0.45, green: 0.45, blue: 0.45), mark: .layout))
        }
        if !digits.isEmpty {
            ops.append(
                .text(
                    x: right - width, y: y, font: font, size: size, text: digits,
                    adjustments: font.kerningPairs(digits), color: color, mark: mark))
        }
        return ops
    }
}

/// A heading as the outline, the contents and the running header see it.
struct HeadingMark {
    var level: Int
    var title: String  // with its number, e.g. "2.1 Sociale huisvesting"
    var anchor: String
    var inContents: Bool
}

/// An unbreakable horizontal strip of the flow: one line of text, one table row, a chart.
/// The paginator only ever breaks between slices.
struct Slice {
    var height: Double
    /// Space above the slice, dropped at the top of a page.
    var spaceBefore: Double = 0
    var ops: [DrawOp] = []
    /// May a page break fall just before this slice? False keeps it with the one before
    /// (headings with what follows, no widows or orphans, a table header with its first row).
    var breakAllowedBefore: Bool = true
    /// Starts a new page (a chapter, an explicit page break).
    var newPageBefore: Bool = false
    /// Set on the first slice of a heading: it is an outline entry and a link target.
    var heading: HeadingMark?
    /// Link targets (`Block.anchor`) at the top of this slice.
    var anchors: [String] = []
    /// Table header rows, repeated when a page starts with this slice (a table body row).
    var repeatedHeader: [Slice]?
    /// Set on a header row placed again at the top of a following page: its content becomes an artifact.
    var isRepeat = false
}

/// A slice placed on a page at `top` (distance from the top of the page).
struct PlacedSlice {
    var slice: Slice
    var top: Double
}
