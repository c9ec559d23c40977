import Foundation

/// Turns the document's blocks into a flow of slices: breaks paragraphs into lines, numbers headings,
/// sets lists, tables, charts and the table of contents, and marks where page breaks may not fall.
/// Alongside it builds the structure tree (tagged PDF): a `Sect` per heading with its `H1`–`H6`, `P`,
/// `L`/`LI`/`Lbl`/`LBody`, `Table`/`THead`/`TBody`/`TR`/`TH`/`TD`, `Figure` with its text alternative,
/// `Link`, `TOC`/`TOCI`; every draw op is marked with its element or as an artifact.
struct FlowBuilder {
    let style: DocumentStyle
    /// The headings of the document, numbered, in order (computed before the flow, for the contents).
    let headings: [HeadingMark]
    var structure: StructureTree
    let hyphenation: HyphenationCache?

    private(set) var slices: [Slice] = []
    /// How justified the paragraphs came out.
    private(set) var spacing = TypesetResult.Spacing()
    /// The next slice may not be separated from the previous one (it follows a heading or a caption).
    private var keepWithPrevious = false
    private var headingIndex = 0
    /// The open sections (`Sect`), innermost last, with the document level of their heading.
    private var sections: [(level: Int, element: Int)] = []

    var contentWidth: Double { style.pageWidth - style.marginLeft - style.marginRight }

    /// The element new blocks go into: the innermost section, or the document.
    private var container: Int { sections.last?.element ?? StructureTree.document }

    init(style: DocumentStyle, headings: [HeadingMark], structure: StructureTree, hyphenation: HyphenationCache?) {
        self.style = style
        self.headings = headings
        self.structure = structure
        self.hyphenation = hyphenation
    }

    /// Numbers the headings and gives each an anchor, in document order. Levels are made consecutive
    /// (a level-4 heading right below a chapter counts as level 2), as the outline and the structure
    /// tree need them.
    static func headingMarks(of blocks: [Block], numbered: Bool) -> [HeadingMark] {
        var counters = [Int](repeating: 0, count: 10)
        var marks: [HeadingMark] = []
        var used: Set<String> = ["inhoudsopgave"]
        for block in blocks {
            guard case .heading(let h) = block else { continue }
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
            let title =
                h.numbered ? [number, h.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ") : h.text
            var anchor = h.anchor ?? "h\(marks.count + 1)"
            if used.contains(anchor) { anchor += "-\(marks.count + 1)" }
            used.insert(anchor)
            marks.append(
                HeadingMark(level: level, title: title, anchor: anchor, inContents: h.numbered || h.level == 1))
        }
        return marks
    }

    // MARK: - Blocks

    mutating func add(_ block: Block) {
        switch block {
        case .heading(let h): addHeading(h)
        case .paragraph(let runs): addParagraph(runs)
        case .list(let list): addList(list, depth: 0, parent: container)
        case .table(let table):
            let element = structure.add("Table", parent: container)
            var layout = TableLayout(style: style, width: contentWidth, hyphenation: hyphenation)
            let tableSlices = layout.slices(for: table, element: element, structure: &structure)
            push(tableSlices, firstSpace: style.paragraphSpacing * 1.5)
        case .barChart(let chart):
            let element = structure.add("Figure", parent: container, alt: chart.textAlternative)
            let caption = structure.add("Caption", parent: element)
            let layout = BarChartLayout(style: style, width: contentWidth)
            push(layout.slices(for: chart, figure: element, caption: caption), firstSpace: style.paragraphSpacing * 1.5)
        case .pageBreak:
            keepWithPrevious = false
            forceNewPageNext = true
        case .tableOfContents(let title, let maxLevel):
            addContents(title: title, maxLevel: maxLevel)
        case .anchor(let name):
            pendingAnchors.append(name)
        case .notes(let notes):
            addNotes(notes)
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
        if forceNewPageNext {
            first.newPageBefore = true
            forceNewPageNext = false
        }
        first.anchors += pendingAnchors
        pendingAnchors = []
        keepWithPrevious = false
        slices.append(first)
        slices.append(contentsOf: blockSlices.dropFirst())
    }

    /// Styled spans of runs, marked as content of `parent`; a run with a link gets a `Link` element of
    /// its own (consecutive runs with the same link share it) and the accent colour.
    mutating func spans(
        _ runs: [TextRun], fonts: FontSet, size: Double, bold: Bool = false, color: PDFColor? = nil,
        parent: Int, hyphenate: Bool
    ) -> [StyledSpan] {
        var out: [StyledSpan] = []
        var linkElement: (link: Link, element: Int)?
        var sentenceStart = true
        for run in runs {
            var mark = Mark.element(parent)
            var description = ""
            if let link = run.link {
                if let open = linkElement, open.link == link {
                    mark = .element(open.element)
                } else {
                    let element = structure.add("Link", parent: parent)
                    linkElement = (link, element)
                    mark = .element(element)
                }
                description = linkDescription(link, text: run.text)
            } else {
                linkElement = nil
            }
            var span = StyledSpan(
                text: TextScalars.of(run.text, keepBreaks: true),
                font: fonts.font(bold: run.bold || bold, italic: run.italic), size: size,
                color: run.link != nil ? style.accent : (color ?? style.text), link: run.link, mark: mark,
                linkDescription: description, hyphenate: hyphenate && style.hyphenate)
            span.startsSentence = sentenceStart
            out.append(span)
            // The next run starts a sentence when this one ends one.
            let trimmed = run.text.trimmingCharacters(in: .whitespaces)
            if let last = trimmed.unicodeScalars.last { sentenceStart = ".!?:".unicodeScalars.contains(last) }
        }
        return out
    }

    /// What a link does, in words, for the annotation's `/Contents`.
    private func linkDescription(_ link: Link, text: String) -> String {
        switch link {
        case .url(let address):
            if address.hasPrefix("mailto:") { return "E-mail aan " + address.dropFirst(7) }
            return "Link naar " + address
        case .anchor(let name):
            if let heading = headings.first(where: { $0.anchor == name }) { return "Naar " + heading.title }
            return "Naar " + text.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Counts how justified the lines are, for `TypesetResult.spacing`.
    private mutating func record(_ lines: [BrokenLine]) {
        for line in lines {
            if line.isJustified {
                spacing.justifiedLines += 1
                spacing.largestSpaceRatio = max(spacing.largestSpaceRatio, line.spaceRatio)
                if line.spaceRatio > 2 + 1e-9 { spacing.veryLooseLines += 1 }
            }
            if line.isLooseRagged { spacing.raggedLooseLines += 1 }
            if line.letterSpacing > 0 { spacing.letterSpacedLines += 1 }
            if line.pieces.last?.text.last == TextScalars.softHyphen { spacing.hyphenatedLines += 1 }
        }
    }

    /// One slice per line; breaks are allowed only where they leave at least two lines on each side.
    static func lineSlices(
        _ lines: [BrokenLine], x: Double, leading: Double, minimumHeight: Double = 0,
        underlineLinks: Bool = true
    ) -> [Slice] {
        let n = lines.count
        return lines.enumerated().map { i, line in
            let size = max(line.size, 1)
            let height = max(size * leading, minimumHeight)
            let baseline = (height + size * 0.7) / 2
            var ops: [DrawOp] = []
            for piece in line.pieces where !piece.text.isEmpty {
                ops.append(
                    .text(
                        x: x + piece.x, y: baseline, font: piece.font, size: piece.size, text: piece.text,
                        adjustments: piece.adjustments, color: piece.color, mark: piece.mark))
                if let link = piece.link {
                    var w = piece.width
                    if piece.text.last == TextScalars.space {
                        w -= piece.font.advance(TextScalars.space) * piece.size / 1000 + line.wordSpacing
                    }
                    var element: Int?
                    if case .element(let e) = piece.mark { element = e }
                    ops.append(
                        .link(
                            x: x + piece.x, y: 0, width: w, height: height, target: link, element: element,
                            description: piece.linkDescription))
                    if underlineLinks {
                        ops.append(
                            .line(
                                x1: x + piece.x, y1: baseline + size * 0.12, x2: x + piece.x + w,
                                y2: baseline + size * 0.12, width: 0.4, color: piece.color, mark: .layout))
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

    /// Closes the sections of `level` and deeper and opens one for a heading of `level`; returns the
    /// heading's structural level (1 + the sections still open around it, so levels never skip).
    private mutating func openSection(level: Int) -> Int {
        while let last = sections.last, last.level >= level { sections.removeLast() }
        let structural = min(sections.count + 1, 6)
        let sect = structure.add("Sect", parent: container)
        sections.append((level, sect))
        return structural
    }

    private mutating func addHeading(_ h: Heading) {
        guard headingIndex < headings.count else { return }
        var mark = headings[headingIndex]
        headingIndex += 1
        let size = headingSize(mark.level)
        let color = mark.level <= 2 ? style.accent : style.text
        let structural = openSection(level: mark.level)
        let element = structure.add("H\(structural)", parent: container)
        let bold = style.headingFonts.bold
        var numberWidth = 0.0
        var ops: [DrawOp] = []
        var title = h.text
        if h.numbered, mark.title != h.text, let range = mark.title.range(of: h.text, options: .backwards) {
            // Draw the number in a column of its own, so a wrapped title hangs neatly.
            let number = TextScalars.of(
                String(mark.title[..<range.lowerBound]).trimmingCharacters(in: .whitespaces) + " ")
            numberWidth = bold.width(of: number, size: size) + size * 0.25
            ops.append(
                .text(
                    x: style.marginLeft, y: 0, font: bold, size: size, text: number,
                    adjustments: bold.kerningPairs(number), color: color, mark: .element(element)))
        } else {
            title = mark.title
        }
        let breaker = LineBreaker(width: contentWidth - numberWidth, alignment: .left)
        let lines = breaker.breakLines([
            StyledSpan(
                text: TextScalars.of(title), font: bold, size: size, color: color,
                link: nil, mark: .element(element))
        ])
        var headingSlices = FlowBuilder.lineSlices(lines, x: style.marginLeft + numberWidth, leading: 1.2)
        guard !headingSlices.isEmpty else { return }
        for i in headingSlices.indices { headingSlices[i].breakAllowedBefore = i == 0 }
        // The number sits on the first line's baseline, written before the title for reading order.
        if case .text(_, let y, _, _, _, _, _, _)? = headingSlices[0].ops.first {
            headingSlices[0].ops.insert(contentsOf: ops.map { $0.offset(by: y) }, at: 0)
        }
        let after = mark.level == 1 ? size * 0.6 : size * 0.35
        headingSlices[headingSlices.count - 1].height += after
        let before: Double = mark.level == 1 ? 0 : (mark.level == 2 ? 18 : 12)
        if mark.level == 1 && style.chapterStartsNewPage { forceNewPageNext = true }
        // The outline nests as the structure does.
        mark.level = structural
        headingSlices[0].heading = mark
        push(headingSlices, firstSpace: before)
        keepWithPrevious = true
    }

    // MARK: Paragraphs and lists

    private mutating func addParagraph(_ runs: [TextRun]) {
        let element = structure.add("P", parent: container)
        var breaker = LineBreaker(width: contentWidth, alignment: style.justify ? .justify : .left)
        breaker.hyphenation = hyphenation
        let lines = breaker.breakLines(
            spans(runs, fonts: style.bodyFonts, size: style.bodySize, parent: element, hyphenate: true))
        record(lines)
        push(
            FlowBuilder.lineSlices(lines, x: style.marginLeft, leading: style.leading),
            firstSpace: style.paragraphSpacing)
    }

    private mutating func addList(_ list: ListBlock, depth: Int, parent: Int) {
        let indent = 18.0 * Double(depth + 1)
        let size = style.bodySize
        let markerFont = style.bodyFonts.regular
        let listElement = structure.add("L", parent: parent)
        structure[listElement].listNumbering = list.ordered ? "Decimal" : (depth % 2 == 0 ? "Disc" : "None")
        for (index, item) in list.items.enumerated() {
            let itemElement = structure.add("LI", parent: listElement)
            let label = structure.add("Lbl", parent: itemElement)
            let body = structure.add("LBody", parent: itemElement)
            var breaker = LineBreaker(width: contentWidth - indent, alignment: .left)
            breaker.hyphenation = hyphenation
            let lines = breaker.breakLines(
                spans(item.runs, fonts: style.bodyFonts, size: size, parent: body, hyphenate: true))
            var itemSlices = FlowBuilder.lineSlices(lines, x: style.marginLeft + indent, leading: style.leading)
            if itemSlices.isEmpty {
                itemSlices = [Slice(height: size * style.leading)]
            }
            let marker = TextScalars.of(list.ordered ? "\(index + 1)." : (depth % 2 == 0 ? "\u{2022}" : "\u{2013}"))
            let markerWidth = markerFont.width(of: marker, size: size)
            let height = itemSlices[0].height
            itemSlices[0].ops.insert(
                .text(
                    x: style.marginLeft + indent - 6 - markerWidth, y: (height + size * 0.7) / 2,
                    font: markerFont, size: size, text: marker, adjustments: markerFont.kerningPairs(marker),
                    color: style.text, mark: .element(label)), at: 0)
            itemSlices[0].ops.insert(.structure(body), at: 1)
            let first = index == 0 && depth == 0 ? style.paragraphSpacing : 2
            push(itemSlices, firstSpace: first)
            if let children = item.children { addList(children, depth: depth + 1, parent: body) }
        }
    }

    // MARK: Notes

    /// Footnotes: a short rule, then each note in smaller type, its label hanging in the margin of the
    /// text; each note a `Note` element with its anchor as `/ID`, and a link target.
    private mutating func addNotes(_ notes: [Note]) {
        guard !notes.isEmpty else { return }
        let size = style.bodySize - 1.5
        let indent = 14.0
        var rule = Slice(height: 6)
        rule.ops = [
            .line(
                x1: style.marginLeft, y1: 3, x2: style.marginLeft + 90, y2: 3, width: 0.5, color: style.text,
                mark: .layout)
        ]
        push([rule], firstSpace: style.paragraphSpacing * 1.5)
        for note in notes {
            let element = structure.add("Note", parent: container, id: note.anchor)
            var breaker = LineBreaker(width: contentWidth - indent, alignment: .left)
            breaker.hyphenation = hyphenation
            let lines = breaker.breakLines(
                spans(note.runs, fonts: style.bodyFonts, size: size, parent: element, hyphenate: true))
            var noteSlices = FlowBuilder.lineSlices(lines, x: style.marginLeft + indent, leading: style.leading)
            if noteSlices.isEmpty { noteSlices = [Slice(height: size * style.leading)] }
            let label = TextScalars.of(note.label)
            let font = style.bodyFonts.regular
            let height = noteSlices[0].height
            noteSlices[0].ops.insert(
                .text(
                    x: style.marginLeft, y: (height + size * 0.7) / 2, font: font, size: size, text: label,
                    adjustments: font.kerningPairs(label), color: style.text, mark: .element(element)), at: 0)
            pendingAnchors.append(note.anchor)
            push(noteSlices, firstSpace: 2)
        }
    }

    // MARK: Table of contents

    private mutating func addContents(title: String, maxLevel: Int) {
        let size = headingSize(1)
        let bold = style.headingFonts.bold
        _ = openSection(level: 1)
        let heading = structure.add("H1", parent: container)
        let lines = LineBreaker(width: contentWidth).breakLines(
            [
                StyledSpan(
                    text: TextScalars.of(title), font: bold, size: size, color: style.accent, link: nil,
                    mark: .element(heading))
            ])
        var titleSlices = FlowBuilder.lineSlices(lines, x: style.marginLeft, leading: 1.2)
        if !titleSlices.isEmpty {
            titleSlices[titleSlices.count - 1].height += size * 0.6
            // The contents get a bookmark of their own.
            titleSlices[0].heading = HeadingMark(level: 1, title: title, anchor: "inhoudsopgave", inContents: false)
        }
        push(titleSlices, firstSpace: 0)
        keepWithPrevious = true
        let toc = structure.add("TOC", parent: container)
        let numberColumn = 28.0  // room for a page number up to four digits
        for mark in headings where mark.level <= maxLevel && mark.inContents {
            let item = structure.add("TOCI", parent: toc)
            let reference = structure.add("Reference", parent: item)
            let link = structure.add("Link", parent: reference)
            let entryFont = mark.level == 1 ? style.headingFonts.bold : style.headingFonts.regular
            let entrySize = mark.level == 1 ? style.bodySize + 0.5 : style.bodySize
            let indent = 16.0 * Double(mark.level - 1)
            let textWidth = contentWidth - indent - numberColumn - 8
            let breaker = LineBreaker(width: textWidth, alignment: .left)
            let entryLines = breaker.breakLines([
                StyledSpan(
                    text: TextScalars.of(mark.title), font: entryFont, size: entrySize,
                    color: style.text, link: nil, mark: .element(link))
            ])
            var entrySlices = FlowBuilder.lineSlices(entryLines, x: style.marginLeft + indent, leading: 1.45)
            guard let lastLine = entryLines.last, !entrySlices.isEmpty else { continue }
            for i in entrySlices.indices {
                entrySlices[i].breakAllowedBefore = i == 0
                entrySlices[i].ops.append(
                    .link(
                        x: style.marginLeft, y: 0, width: contentWidth, height: entrySlices[i].height,
                        target: .anchor(mark.anchor), element: link, description: "Naar " + mark.title))
            }
            // Dot leader and the page number on the last line.
            let last = entrySlices.count - 1
            let height = entrySlices[last].height
            let baseline = (height + entrySize * 0.7) / 2
            // The page number is known only after pagination; the renderer fills it in (with its leader).
            // The layout never depends on it: the title's width leaves room for any number.
            entrySlices[last].ops.insert(
                .pageNumber(
                    anchor: mark.anchor, leaderStart: style.marginLeft + indent + lastLine.width + 1,
                    right: style.marginLeft + contentWidth, y: baseline, font: entryFont,
                    size: entrySize, color: style.text, mark: .element(link)),
                at: entrySlices[last].ops.count - 1)
            push(entrySlices, firstSpace: mark.level == 1 ? 6 : 0)
        }
        forceNewPageNext = true
    }
}
