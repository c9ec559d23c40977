/// What a laid-out page is made of. Coordinates are in points with y growing DOWN from the top of the
/// slice (or page); the renderer flips them into PDF space.
enum DrawOp {
    /// Text whose baseline starts at (x, y). `wordSpacing` is added to every space (justification);
    /// `kerning` holds (byte index, adjustment in 1/1000 em) pairs applied before that byte.
    case text(x: Double, y: Double, font: StandardFont, size: Double, bytes: [UInt8], wordSpacing: Double,
              color: PDFColor, kerning: [(Int, Int)])
    case fillRect(x: Double, y: Double, width: Double, height: Double, color: PDFColor)
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, color: PDFColor)
    /// The page number of an anchor, right-aligned at `right`, with a dotted leader from `leaderStart`
    /// (a contents entry). Resolved into text once the pages are known.
    case pageNumber(anchor: String, leaderStart: Double, right: Double, y: Double, font: StandardFont, size: Double,
                    color: PDFColor)
    /// A clickable area (a link annotation), not drawn.
    case link(x: Double, y: Double, width: Double, height: Double, target: Link)

    /// The same op moved down by `dy`.
    func offset(by dy: Double) -> DrawOp {
        switch self {
        case let .text(x, y, font, size, bytes, ws, color, kerning):
            return .text(x: x, y: y + dy, font: font, size: size, bytes: bytes, wordSpacing: ws, color: color, kerning: kerning)
        case let .fillRect(x, y, w, h, color):
            return .fillRect(x: x, y: y + dy, width: w, height: h, color: color)
        case let .line(x1, y1, x2, y2, width, color):
            return .line(x1: x1, y1: y1 + dy, x2: x2, y2: y2 + dy, width: width, color: color)
        case let .link(x, y, w, h, target):
            return .link(x: x, y: y + dy, width: w, height: h, target: target)
        case let .pageNumber(anchor, leaderStart, right, y, font, size, color):
            return .pageNumber(anchor: anchor, leaderStart: leaderStart, right: right, y: y + dy, font: font, size: size,
                               color: color)
        }
    }

    /// The ops that print a resolved page number: the leader (as text, so extraction keeps the title
    /// and its number on one line) and the number.
    static func resolvedPageNumber(_ page: Int?, leaderStart: Double, right: Double, y: Double, font: StandardFont,
                                   size: Double, color: PDFColor) -> [DrawOp] {
        let bytes = WinAnsiEncoding.encode(page.map(String.init) ?? "")
        let width = font.width(of: bytes, size: size)
        var ops: [DrawOp] = []
        let dot = WinAnsiEncoding.encode(" .")
        let dotWidth = font.width(of: dot, size: size, kerning: false)
        // The dots end just before the number: a wider gap makes text extraction split the line.
        let leaderEnd = right - max(width, 1) - 3
        let count = Int((leaderEnd - leaderStart) / dotWidth)
        if count > 0 {
            ops.append(.text(x: leaderEnd - Double(count) * dotWidth, y: y, font: font, size: size,
                             bytes: Array([[UInt8]](repeating: dot, count: count).joined()), wordSpacing: 0,
                             color: PDFColor(red: 0.5, green: 0.5, blue: 0.5), kerning: []))
        }
        if !bytes.isEmpty {
            ops.append(.text(x: right - width, y: y, font: font, size: size, bytes: bytes, wordSpacing: 0, color: color,
                             kerning: font.kerningPairs(bytes)))
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
}

/// A slice placed on a page at `top` (distance from the top of the page).
struct PlacedSlice {
    var slice: Slice
    var top: Double
}
