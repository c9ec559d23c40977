import Foundation

/// Turns the document's blocks into a flow of slices: breaks paragraphs into lines, numbers headings,
/// sets lists, tables, charts and the table of contents, and marks where page breaks may not fall.
struct FlowBuilder {
    let style: DocumentStyle
    /// The headings of the document, numbered, in order (computed before the flow, for the contents).
    let headings: [HeadingMark]

    private(set) var slices: [Slice] = []
    /// The next slice may not be separated from the previous one (it follows a heading or a caption).
    private var keepWithPrevious = false
    private var headingIndex = 0

    var contentWidth: Double { style.pageWidth - style.marginLeft - style.marginRight }

    init(style: DocumentStyle, headings: [HeadingMark]) {
        self.style = style
        self.headings = headings
    }

    /// Numbers the headings and gives each an anchor, in document order.
    static func headingMarks(of blocks: [Block], numbered: Bool) -> [HeadingMark] {
        var counters = [Int](repeating: 0, count: 10)
        var marks: [HeadingMark] = []
        var used = Set<String>()
        for block in blocks {
            guard case let .heading(h) = block else { continue }
            let level = min(max(h.level, 1), 9)
            var number = h.number
            if let explicit = number {
                // An explicit "2.2" sets the counters, so the headings under it continue as 2.2.1.
                let parts = explicit.split(separator: ".").compactMap { Int($0) }
                if parts.count == level && explicit.split(separator: ".").count == level {
                    for (k, value) in parts.enumerated() { counters[k + 1] = value }
                    for deeper in (level + 1)..<counters.count { counters[deeper] = 0 }
                }
            } else if h.numbered && numbered {
                counters[level] += 1
                for deeper in (level + 1)..<counters.count { counters[deeper] = 0 }
                number = (1...level).map { String(max(counters[$0], 1)) }.joined(separator: ".")
            }
            let title = h.numbered ? [number, h.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ") : h.text
            var anchor = h.anchor ?? "h\(marks.count + 1)"
            if used.contains(anchor) { anchor += "-\(marks.count + 1)" }
            used.insert(anchor)
            marks.append(HeadingMark(level: level, title: title, anchor: anchor, inContents: h.numbered || h.level == 1))
        }
        return marks
    }

    // MARK: - Blocks

    mutating func add(_ block: Block) {
        switch block {
        case let .heading(h): addHeading(h)
        case let .paragraph(runs): addParagraph(runs)
        case let .list(list): addList(list, depth: 0)
        case let .table(table):
            let layout = TableLayout(style: style, width: contentWidth)
            push(layout.slices(for: table), firstSpace: style.paragraphSpacing * 1.5)
        case let .barChart(chart):
            let layout = BarChartLayout(style: style, width: contentWidth)
            push(layout.slices(for: chart), firstSpace: style.paragraphSpacing * 1.5)
        case .pageBreak:
            keepWithPrevious = false
            forceNewPageNext = true
        case let .tableOfContents(title, maxLevel):
            addContents(title: title, maxLevel: maxLevel)
        case let .anchor(name):
            pendingAnchors.append(name)
        }
    }

    /// Anchors waiting for the next slice.
    private var pendingAnchors: [String] = []

    private var forceNewPageNext = false

    /// Appends slices of one block, applying the pending keep and page-break flags to its first slice.
    private mutating func push(_ blockSlices: [Slice], firstSpace: Double) {
        guard !blockSlices.isEmpty else { return }
        var first = blockSlices[0]
        first.spaceBefore = max(first.spaceBefore, firstSpace)
        if keepWithPrevious { first.breakAllowedBefore = false }
        if forceNewPageNext { first.newPageBefore = true; forceNewPageNext = false }
        first.anchors += pendingAnchors
        pendingAnchors = []
        keepWithPrevious = false
        slices.append(first)
        slices.append(contentsOf: blockSlices.dropFirst())
    }

    private func font(bold: Bool, italic: Bool, heading: Bool = false) -> StandardFont {
        StandardFont.of(heading ? style.headingFamily : style.bodyFamily, bold: bold, italic: italic)
    }

    /// Styled spans of runs in the body font; links in the accent colour. `\n` is a forced line break.
    func spans(_ runs: [TextRun], size: Double, bold: Bool = false, color: PDFColor? = nil,
               family: FontFamily? = nil) -> [StyledSpan] {
        runs.map { run in
            let bytes = WinAnsiEncoding.encodeKeepingLineBreaks(run.text)
            let f = StandardFont.of(family ?? style.bodyFamily, bold: run.bold || bold, italic: run.italic)
            return StyledSpan(bytes: bytes, font: f, size: size,
                              color: run.link != nil ? style.accent : (color ?? style.text), link: run.link)
        }
    }

    /// One slice per line; breaks are allowed only where they leave at least two lines on each side.
    static func lineSlices(_ lines: [BrokenLine], x: Double, leading: Double, minimumHeight: Double = 0,
                           underlineLinks: Bool = true) -> [Slice] {
        let n = lines.count
        return lines.enumerated().map { i, line in
            let size = max(line.size, 1)
            let height = max(size * leading, minimumHeight)
            let baseline = (height + size * 0.7) / 2
            var ops: [DrawOp] = []
            for piece in line.pieces where !piece.bytes.isEmpty {
                ops.append(.text(x: x + piece.x, y: baseline, font: piece.font, size: piece.size, bytes: piece.bytes,
                                 wordSpacing: line.wordSpacing, color: piece.color, kerning: piece.kerning))
                if let link = piece.link {
                    var w = piece.width
                    if piece.bytes.last == 0x20 { w -= Double(piece.font.widths[0x20]) * piece.size / 1000 + line.wordSpacing }
                    ops.append(.link(x: x + piece.x, y: 0, width: w, height: height, target: link))
                    if underlineLinks {
                        ops.append(.line(x1: x + piece.x, y1: baseline + size * 0.12, x2: x + piece.x + w,
                                         y2: baseline + size * 0.12, width: 0.4, color: piece.color))
                    }
                }
            }
            let allowed = i == 0 || (i >= 2 && n - i >= 2)
            return Slice(height: height, ops: ops, breakAllowedBefore: allowed)
        }
    }

    // MARK: Headings

    private func headingSize(_ level: Int) -> Double {
        switch level {
        case 1: return 20
        case 2: return 14
        case 3: return 12
        default: return style.bodySize + 0.5
        }
    }

    private mutating func addHeading(_ h: Heading) {
        guard headingIndex < headings.count else { return }
        let mark = headings[headingIndex]
        headingIndex += 1
        let size = headingSize(mark.level)
        let color = mark.level <= 2 ? style.accent : style.text
        let bold = StandardFont.of(style.headingFamily, bold: true, italic: false)
        var numberWidth = 0.0
        var ops: [DrawOp] = []
        var title = h.text
        if h.numbered, mark.title != h.text, let range = mark.title.range(of: h.text, options: .backwards) {
            // Draw the number in a column of its own, so a wrapped title hangs neatly.
            let number = String(mark.title[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            let bytes = WinAnsiEncoding.encode(number + " ")
            numberWidth = bold.width(of: bytes, size: size) + size * 0.25
            ops.append(.text(x: style.marginLeft, y: 0, font: bold, size: size, bytes: bytes, wordSpacing: 0,
                             color: color, kerning: bold.kerningPairs(bytes)))
        } else {
            title = mark.title
        }
        let breaker = LineBreaker(width: contentWidth - numberWidth, alignment: .left)
        let lines = breaker.breakLines([StyledSpan(bytes: WinAnsiEncoding.encode(title), font: bold, size: size,
                                                   color: color, link: nil)])
        var headingSlices = FlowBuilder.lineSlices(lines, x: style.marginLeft + numberWidth, leading: 1.2)
        guard !headingSlices.isEmpty else { return }
        for i in headingSlices.indices { headingSlices[i].breakAllowedBefore = i == 0 }
        // The number sits on the first line's baseline, written before the title for reading order.
        if case let .text(_, y, _, _, _, _, _, _)? = headingSlices[0].ops.first {
            headingSlices[0].ops.insert(contentsOf: ops.map { $0.offset(by: y) }, at: 0)
        }
        headingSlices[0].heading = mark
        let after = mark.level == 1 ? size * 0.6 : size * 0.35
        headingSlices[headingSlices.count - 1].height += after
        let before: Double = mark.level == 1 ? 0 : (mark.level == 2 ? 18 : 12)
        if mark.level == 1 && style.chapterStartsNewPage { forceNewPageNext = true }
        push(headingSlices, firstSpace: before)
        keepWithPrevious = true
    }

    // MARK: Paragraphs and lists

    private mutating func addParagraph(_ runs: [TextRun]) {
        let breaker = LineBreaker(width: contentWidth, alignment: style.justify ? .justify : .left)
        let lines = breaker.breakLines(spans(runs, size: style.bodySize))
        push(FlowBuilder.lineSlices(lines, x: style.marginLeft, leading: style.leading), firstSpace: style.paragraphSpacing)
    }

    private mutating func addList(_ list: ListBlock, depth: Int) {
        let indent = 18.0 * Double(depth + 1)
        let size = style.bodySize
        let markerFont = font(bold: false, italic: false)
        for (index, item) in list.items.enumerated() {
            let breaker = LineBreaker(width: contentWidth - indent, alignment: .left)
            var itemSlices = FlowBuilder.lineSlices(breaker.breakLines(spans(item.runs, size: size)),
                                                    x: style.marginLeft + indent, leading: style.leading)
            if itemSlices.isEmpty {
                itemSlices = [Slice(height: size * style.leading)]
            }
            let marker = list.ordered ? "\(index + 1)." : (depth % 2 == 0 ? "\u{2022}" : "\u{2013}")
            let markerBytes = WinAnsiEncoding.encode(marker)
            let markerWidth = markerFont.width(of: markerBytes, size: size)
            let height = itemSlices[0].height
            itemSlices[0].ops.insert(.text(x: style.marginLeft + indent - 6 - markerWidth, y: (height + size * 0.7) / 2,
                                           font: markerFont, size: size, bytes: markerBytes, wordSpacing: 0,
                                           color: style.text, kerning: markerFont.kerningPairs(markerBytes)), at: 0)
            let first = index == 0 && depth == 0 ? style.paragraphSpacing : 2
            push(itemSlices, firstSpace: first)
            if let children = item.children { addList(children, depth: depth + 1) }
        }
    }

    // MARK: Table of contents

    private mutating func addContents(title: String, maxLevel: Int) {
        let size = headingSize(1)
        let bold = StandardFont.of(style.headingFamily, bold: true, italic: false)
        let lines = LineBreaker(width: contentWidth).breakLines(
            [StyledSpan(bytes: WinAnsiEncoding.encode(title), font: bold, size: size, color: style.accent, link: nil)])
        var titleSlices = FlowBuilder.lineSlices(lines, x: style.marginLeft, leading: 1.2)
        if !titleSlices.isEmpty {
            titleSlices[titleSlices.count - 1].height += size * 0.6
            // The contents get a bookmark of their own.
            titleSlices[0].heading = HeadingMark(level: 1, title: title, anchor: "inhoudsopgave", inContents: false)
        }
        push(titleSlices, firstSpace: 0)
        keepWithPrevious = true
        let numberColumn = 28.0  // room for a page number up to four digits
        for mark in headings where mark.level <= maxLevel && mark.inContents {
            let entryFont = StandardFont.of(style.headingFamily, bold: mark.level == 1, italic: false)
            let entrySize = mark.level == 1 ? style.bodySize + 0.5 : style.bodySize
            let indent = 16.0 * Double(mark.level - 1)
            let textWidth = contentWidth - indent - numberColumn - 8
            let breaker = LineBreaker(width: textWidth, alignment: .left)
            let entryLines = breaker.breakLines([StyledSpan(bytes: WinAnsiEncoding.encode(mark.title), font: entryFont,
                                                            size: entrySize, color: style.text, link: nil)])
            var entrySlices = FlowBuilder.lineSlices(entryLines, x: style.marginLeft + indent, leading: 1.45)
            guard let lastLine = entryLines.last, !entrySlices.isEmpty else { continue }
            for i in entrySlices.indices {
                entrySlices[i].breakAllowedBefore = i == 0
                entrySlices[i].ops.append(.link(x: style.marginLeft, y: 0, width: contentWidth,
                                                height: entrySlices[i].height, target: .anchor(mark.anchor)))
            }
            // Dot leader and the page number on the last line.
            let last = entrySlices.count - 1
            let height = entrySlices[last].height
            let baseline = (height + entrySize * 0.7) / 2
            // The page number is known only after pagination; the renderer fills it in (with its leader).
            // The layout never depends on it: the title's width leaves room for any number.
            entrySlices[last].ops.append(.pageNumber(anchor: mark.anchor, leaderStart: style.marginLeft + indent + lastLine.width + 6,
                                                     right: style.marginLeft + contentWidth, y: baseline, font: entryFont,
                                                     size: entrySize, color: style.text))
            push(entrySlices, firstSpace: mark.level == 1 ? 6 : 0)
        }
        forceNewPageNext = true
    }
}
