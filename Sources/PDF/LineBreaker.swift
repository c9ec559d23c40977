/// A span of text in one font, size and colour, and one place in the structure (`mark`).
struct StyledSpan {
    var text: [UInt32]
    var font: PDFFont
    var size: Double
    var color: PDFColor
    var link: Link?
    var mark: Mark
    /// A link's description for screen readers (the annotation's `/Contents`).
    var linkDescription: String = ""
    /// Whether the words of this span may be hyphenated (body text; not headings, names or addresses).
    var hyphenate: Bool = false
    /// Only words of at least this many letters are hyphenated.
    var hyphenationMinimum: Int = 5
    /// The span starts a sentence (a paragraph, a cell): its first word may be hyphenated although it has
    /// a capital. Capitalised words elsewhere are names and never are.
    var startsSentence: Bool = false
}

/// How the lines of a paragraph sit between its margins.
enum LineAlignment {
    case left, right, center, justify
}

/// One line of a broken paragraph, with its pieces positioned from x = 0.
struct BrokenLine {
    struct Piece {
        var x: Double
        var width: Double
        var text: [UInt32]
        var font: PDFFont
        var size: Double
        var color: PDFColor
        var link: Link?
        var mark: Mark
        var linkDescription: String
        /// (index, 1/1000 em) extra advance before the character at the index: kerning and word spacing.
        var adjustments: [(Int, Double)]
    }
    var pieces: [Piece]
    /// Width of the text as set, justification included.
    var width: Double
    /// Points added to (or, shrinking, taken from) every word space.
    var wordSpacing: Double
    /// The largest font size on the line, for the line height.
    var size: Double
    /// A justified line (not the last of its paragraph): its word spaces are `spaceRatio` times their
    /// natural width (1 = as designed).
    var isJustified = false
    var spaceRatio = 1.0
    /// A line that should have been justified but was left ragged because it would have been too loose.
    var isLooseRagged = false
    /// Points between letters, for the few lines whose spaces would otherwise be more than twice as wide.
    var letterSpacing = 0.0
    /// A word of the paragraph was wider than the line and had to be cut.
    var hasCutWord = false
}

/// Remembers the hyphenation of each word for one document (words repeat), in front of a `Hyphenator`.
/// Used by one thread at a time: the flow of a document is laid out sequentially.
final class HyphenationCache {
    let hyphenator: Hyphenator
    private var cache: [[UInt32]: [Int]] = [:]

    init(_ hyphenator: Hyphenator) {
        self.hyphenator = hyphenator
    }

    func points(_ word: [UInt32]) -> [Int] {
        if let known = cache[word] { return known }
        let points = hyphenator.points(in: word)
        cache[word] = points
        return points
    }
}

/// Breaks styled text into lines of a given width. It minimises the demerits of Knuth and Plass over the
/// whole paragraph (total fit), with hyphenation (Liang's patterns) where a span allows it, never lets a
/// line overflow (words wider than the line are cut), allows breaks after the hyphen of a compound word,
/// honours forced line breaks (`\n`), and keeps the Dutch no-break rules (`DutchNoBreak`).
struct LineBreaker {
    var width: Double
    var alignment: LineAlignment = .left
    var kerning: Bool = true
    /// Hyphenation for spans that allow it; nil for none.
    var hyphenation: HyphenationCache?
    /// Cost of every line: a large value makes the fewest lines win over evenness (table cells).
    var linePenalty: Double = 0

    /// Word spaces may shrink by this fraction of their width, and stretch by `stretchability` (TeX's
    /// cmr10 has about a third and a half).
    static let shrinkability = 0.3
    static let stretchability = 0.5
    /// A justified line whose spaces would grow beyond this multiple of their width is left ragged.
    static let loosestSpaceRatio = 2.5
    /// Spaces grow to at most twice their width when a little letter spacing (at most `maximumTracking`
    /// of an em between letters) can fill the rest of the line.
    static let widestSpaceRatio = 2.0
    static let maximumTracking = 0.02

    /// A fragment of one span inside a word.
    private struct Part {
        var span: Int
        var start: Int
        var end: Int
        var width: Double
    }

    /// A word: parts without a break opportunity between them, and what follows it.
    private struct Word {
        var parts: [Part] = []
        var width: Double = 0
        /// The space after the word (dropped at a line end), or nil for an invisible break (after a hyphen).
        var spaceSpan: Int?
        var spaceWidth: Double = 0
        var forcedBreakAfter = false
        /// The word ends at a soft hyphen: breaking here prints a hyphen of this span.
        var hyphenSpan: Int?
        var hyphenWidth: Double = 0
    }

    /// Like TeX, a paragraph is first set without hyphenation; only when that gives a line whose spaces
    /// stretch beyond half their width again (TeX's \pretolerance of 100) does it try again with the
    /// hyphenation points.
    func breakLines(_ input: [StyledSpan]) -> [BrokenLine] {
        guard hyphenation != nil, input.contains(where: \.hyphenate) else {
            return setLines(prepared(input, hyphenate: false))
        }
        let first = setLines(prepared(input, hyphenate: false))
        if !first.contains(where: \.hasCutWord),
            first.dropLast().allSatisfy({ LineBreaker.isTolerable($0, width: width, alignment: alignment) })
        {
            return first
        }
        return setLines(prepared(input, hyphenate: true))
    }

    /// A line that needs no hyphenation: spaces within half their width of natural when justified, a
    /// ragged line at least two thirds full.
    private static func isTolerable(_ line: BrokenLine, width: Double, alignment: LineAlignment) -> Bool {
        if line.isLooseRagged { return false }
        if alignment == .justify { return line.spaceRatio <= 1.5 }
        return line.width >= width * 0.67
    }

    private func setLines(_ spans: [StyledSpan]) -> [BrokenLine] {
        var words = makeWords(spans)
        if words.isEmpty { return [] }
        let cut = words.contains { $0.width > width }
        words = splitOverlongWords(words, spans: spans)
        let breaks = chooseBreaks(words)
        var lines: [BrokenLine] = []
        var start = 0
        for end in breaks {
            let last = end == words.count || words[end - 1].forcedBreakAfter
            lines.append(makeLine(words[start..<end], spans: spans, isLast: last))
            lines[lines.count - 1].hasCutWord = cut
            start = end
        }
        return lines
    }

    /// The spans with the no-break rules applied and soft hyphens at their hyphenation points.
    private func prepared(_ input: [StyledSpan], hyphenate: Bool = true) -> [StyledSpan] {
        var spans = input
        for s in spans.indices {
            DutchNoBreak.apply(&spans[s].text)
            if hyphenate, spans[s].hyphenate, let hyphenation {
                insertHyphenationPoints(
                    &spans[s].text, hyphenation, minimum: max(spans[s].hyphenationMinimum, 4),
                    startsSentence: spans[s].startsSentence)
            }
        }
        return spans
    }

    /// The words of some text as the breaker sees them: width, the space after, the hyphen a break after
    /// it prints, and whether a line must end after it. For sizing table columns.
    struct WordMetrics {
        var width: Double
        var space: Double
        var hyphen: Double
        var forced: Bool
    }

    func wordMetrics(_ input: [StyledSpan]) -> [WordMetrics] {
        makeWords(prepared(input)).map {
            WordMetrics(width: $0.width, space: $0.spaceWidth, hyphen: $0.hyphenWidth, forced: $0.forcedBreakAfter)
        }
    }

    /// The fewest lines the words take at `width` (first fit, which is optimal for counting lines).
    static func lineCount(_ words: [WordMetrics], width: Double) -> Int {
        guard !words.isEmpty else { return 0 }
        var lines = 1
        var used = 0.0
        var previousSpace = 0.0
        var empty = true
        for (k, word) in words.enumerated() {
            let hyphen = k + 1 < words.count ? word.hyphen : 0
            let candidate = empty ? word.width : used + previousSpace + word.width
            if !empty && candidate + hyphen > width + 0.001 {
                lines += 1
                used = word.width
                // A word wider than the line is cut into pieces.
                if word.width > width && width > 0 {
                    lines += Int((word.width / width).rounded(.up)) - 1
                    used = word.width.truncatingRemainder(dividingBy: width)
                }
            } else if empty && word.width > width && width > 0 {
                lines += Int((word.width / width).rounded(.up)) - 1
                used = word.width.truncatingRemainder(dividingBy: width)
            } else {
                used = candidate
            }
            empty = false
            previousSpace = word.space
            if word.forced && k + 1 < words.count {
                lines += 1
                used = 0
                empty = true
            }
        }
        return lines
    }

    /// Soft hyphens at the hyphenation points of each word of letters. Left alone: words with a capital
    /// (names), except a sentence's first word with only its first letter a capital; words with digits
    /// (amounts, dates); anything of an address ('@', '/', ':', '.' inside, '_').
    private func insertHyphenationPoints(
        _ text: inout [UInt32], _ cache: HyphenationCache, minimum: Int, startsSentence: Bool
    ) {
        var out: [UInt32] = []
        var changed = false
        var i = 0
        let n = text.count
        var sentenceStart = startsSentence
        while i < n {
            // A token between spaces.
            let tokenStart = i
            while i < n && text[i] != TextScalars.space && text[i] != TextScalars.lineFeed
                && text[i] != TextScalars.noBreakSpace
                && text[i] != TextScalars.gluedSpace
            { i += 1 }
            let token = text[tokenStart..<i]
            var plain = token.count >= minimum
            let capitalAllowed = sentenceStart
            sentenceStart = false
            if let last = token.last, last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A {
                sentenceStart = true
            }
            if plain {
                var firstLetter = true
                for (k, s) in zip(token.indices, token) {
                    // A colon inside a token ("https:", "mailto:") marks an address; at its end it is punctuation.
                    let innerColon = s == 0x3A && k + 1 < token.endIndex
                    if TextScalars.isDigit(s) || s == 0x40 || s == 0x2F || innerColon || s == 0x5F || s == 0xAD
                        || (TextScalars.isUppercase(s) && !(firstLetter && capitalAllowed))
                    {
                        plain = false
                        break
                    }
                    if TextScalars.isLetter(s) { firstLetter = false }
                    // A full stop inside a token (www.example.nl, e.g.) marks an address or abbreviation.
                    if s == 0x2E && k + 1 < token.endIndex && TextScalars.isLetter(text[k + 1]) {
                        plain = false
                        break
                    }
                }
            }
            if plain {
                // Each run of letters (the parts of "sociaal-maatschappelijk", "thema" of "thema's").
                var k = tokenStart
                while k < i {
                    if !TextScalars.isLetter(text[k]) {
                        out.append(text[k])
                        k += 1
                        continue
                    }
                    let runStart = k
                    while k < i && TextScalars.isLetter(text[k]) { k += 1 }
                    let run = Array(text[runStart..<k])
                    let points = run.count >= minimum ? cache.points(run) : []
                    var p = 0
                    for (offset, s) in run.enumerated() {
                        if p < points.count && points[p] == offset {
                            out.append(TextScalars.softHyphen)
                            p += 1
                            changed = true
                        }
                        out.append(s)
                    }
                }
            } else {
                out.append(contentsOf: token)
            }
            if i < n {
                out.append(text[i])
                i += 1
            }
        }
        if changed { text = out }
    }

    private func spaceWidth(_ span: StyledSpan) -> Double {
        span.font.advance(TextScalars.space) * span.size / 1000
    }

    private func measure(_ span: StyledSpan, _ start: Int, _ end: Int) -> Double {
        let font = span.font
        var units = 0.0
        var previous: UInt32 = 0
        for i in start..<end {
            let s = span.text[i]
            units += font.advance(s)
            if kerning && i > start { units += font.kern(previous, s) }
            previous = s
        }
        return units * span.size / 1000
    }

    /// Is the space-delimited token around `index` longer than 20 characters (an address, not "en/of")?
    private func isLongToken(_ text: [UInt32], around index: Int) -> Bool {
        var start = index
        var end = index
        while start > 0 && text[start - 1] != TextScalars.space && text[start - 1] != TextScalars.lineFeed {
            start -= 1
        }
        while end < text.count && text[end] != TextScalars.space && text[end] != TextScalars.lineFeed { end += 1 }
        return end - start > 20
    }

    /// Is the token around `index` a web or e-mail address ("https://", "www.", "@")?
    private func isAddress(_ text: [UInt32], around index: Int) -> Bool {
        var start = index
        var end = index
        while start > 0 && text[start - 1] != TextScalars.space && text[start - 1] != TextScalars.lineFeed {
            start -= 1
        }
        while end < text.count && text[end] != TextScalars.space && text[end] != TextScalars.lineFeed { end += 1 }
        let token = String(String.UnicodeScalarView(text[start..<end].compactMap(Unicode.Scalar.init)))
        return token.contains("://") || token.contains("www.") || token.contains("@")
    }

    private func makeWords(_ spans: [StyledSpan]) -> [Word] {
        var words: [Word] = []
        var current = Word()
        func closeWord(space: Int?, spaceWidth: Double, forced: Bool) {
            if current.parts.isEmpty {
                // Several spaces in a row collapse; a forced break after nothing still breaks.
                if forced, !words.isEmpty { words[words.count - 1].forcedBreakAfter = true }
                return
            }
            current.spaceSpan = space
            current.spaceWidth = spaceWidth
            current.forcedBreakAfter = forced
            words.append(current)
            current = Word()
        }
        for (index, span) in spans.enumerated() {
            let text = span.text
            var partStart = 0
            var i = 0
            func flushPart(upTo end: Int) {
                if end > partStart {
                    let w = measure(span, partStart, end)
                    current.parts.append(Part(span: index, start: partStart, end: end, width: w))
                    current.width += w
                }
            }
            while i < text.count {
                let s = text[i]
                if s == TextScalars.space {
                    flushPart(upTo: i)
                    closeWord(space: index, spaceWidth: spaceWidth(span), forced: false)
                    partStart = i + 1
                } else if s == TextScalars.lineFeed {
                    flushPart(upTo: i)
                    closeWord(space: nil, spaceWidth: 0, forced: true)
                    partStart = i + 1
                } else if s == TextScalars.softHyphen {
                    // A soft hyphen: a break opportunity that prints a hyphen only when taken.
                    flushPart(upTo: i)
                    let hadParts = !current.parts.isEmpty
                    closeWord(space: nil, spaceWidth: 0, forced: false)
                    if hadParts {
                        words[words.count - 1].hyphenSpan = index
                        words[words.count - 1].hyphenWidth =
                            span.font.advance(TextScalars.softHyphen) * span.size / 1000
                    }
                    partStart = i + 1
                } else if s == 0x2F && i > 0 && i + 1 < text.count && text[i + 1] != 0x2F
                    && TextScalars.isLetter(text[i + 1]) && isLongToken(text, around: i)
                {
                    // An address may break after a slash (also after the "//" of "https://"), so it need not
                    // be cut anywhere.
                    flushPart(upTo: i + 1)
                    closeWord(space: nil, spaceWidth: 0, forced: false)
                    partStart = i + 1
                } else if s == 0x2E && i > partStart && i + 1 < text.count && TextScalars.isLetter(text[i - 1])
                    && TextScalars.isLetter(text[i + 1]) && isLongToken(text, around: i) && isAddress(text, around: i)
                {
                    // ... and before the dot of a domain name ("www." / "maatschappelijkealliantie.nl").
                    flushPart(upTo: i)
                    closeWord(space: nil, spaceWidth: 0, forced: false)
                    partStart = i
                } else if s == 0x2D && i > 0 && i + 1 < text.count && TextScalars.isLetter(text[i - 1])
                    && TextScalars.isLetter(text[i + 1]) && i - partStart >= 2 && breaksAfterHyphen(text, i)
                {
                    // "sociaal-maatschappelijk" may break after its hyphen.
                    flushPart(upTo: i + 1)
                    closeWord(space: nil, spaceWidth: 0, forced: false)
                    partStart = i + 1
                }
                i += 1
            }
            flushPart(upTo: text.count)
        }
        closeWord(space: nil, spaceWidth: 0, forced: false)
        return words
    }

    /// "sociaal-maatschappelijk" may break after its hyphen; a name ("Tjin-A-Tsoi", "Noord-Holland") and a
    /// short piece ("e-mail") may not.
    private func breaksAfterHyphen(_ text: [UInt32], _ i: Int) -> Bool {
        guard !TextScalars.isUppercase(text[i + 1]) else { return false }
        var end = i + 1
        while end < text.count && TextScalars.isLetter(text[end]) { end += 1 }
        return end - i - 1 >= 3
    }

    /// Cuts words wider than the line into pieces that fit (URLs, long compounds), so nothing overflows.
    private func splitOverlongWords(_ words: [Word], spans: [StyledSpan]) -> [Word] {
        guard words.contains(where: { $0.width > width }) else { return words }
        var result: [Word] = []
        for word in words {
            if word.width <= width {
                result.append(word)
                continue
            }
            var piece = Word()
            for part in word.parts {
                let span = spans[part.span]
                var start = part.start
                var run = 0.0  // width of start..<i without kerning (kerning only narrows)
                var i = part.start
                while i < part.end {
                    let w = span.font.advance(span.text[i]) * span.size / 1000
                    if piece.width + run + w > width && (i > start || !piece.parts.isEmpty) {
                        if i > start {
                            let done = measure(span, start, i)
                            piece.parts.append(Part(span: part.span, start: start, end: i, width: done))
                            piece.width += done
                        }
                        result.append(piece)
                        piece = Word()
                        start = i
                        run = 0
                        continue
                    }
                    run += w
                    i += 1
                }
                if part.end > start {
                    let w = measure(span, start, part.end)
                    piece.parts.append(Part(span: part.span, start: start, end: part.end, width: w))
                    piece.width += w
                }
            }
            piece.spaceSpan = word.spaceSpan
            piece.spaceWidth = word.spaceWidth
            piece.forcedBreakAfter = word.forcedBreakAfter
            piece.hyphenSpan = word.hyphenSpan
            piece.hyphenWidth = word.hyphenWidth
            result.append(piece)
        }
        return result
    }

    /// Total fit: best[j] is the least cost of setting words 0..<j. A line costs Knuth and Plass's
    /// demerits, (10 + badness)², where the badness grows with the cube of how far its spaces must stretch
    /// (or shrink); a line without spaces to stretch is as bad as it gets. A hyphenated line adds TeX's
    /// hyphen penalty (50), two hyphenated lines in a row its double-hyphen demerits (10000) and a
    /// hyphenated last-but-one line its final-hyphen demerits (5000). The last line of the paragraph (or
    /// before a forced break) costs nothing, unless it is one short word.
    private func chooseBreaks(_ words: [Word]) -> [Int] {
        let n = words.count
        var best = [Double](repeating: .infinity, count: n + 1)
        var from = [Int](repeating: 0, count: n + 1)
        best[0] = 0
        func hyphenatedBreak(_ j: Int) -> Bool {
            j > 0 && j < n && words[j - 1].hyphenSpan != nil && !words[j - 1].forcedBreakAfter
        }
        for j in 1...n {
            var lineWidth = 0.0
            var stretch = 0.0
            var shrink = 0.0
            var i = j - 1
            let isLast = j == n || words[j - 1].forcedBreakAfter
            let hyphenated = !isLast && words[j - 1].hyphenSpan != nil
            let hyphenWidth = hyphenated ? words[j - 1].hyphenWidth : 0
            while i >= 0 {
                if i < j - 1 && words[i].forcedBreakAfter { break }
                if i < j - 1 {
                    lineWidth += words[i].spaceWidth
                    stretch += words[i].spaceWidth * LineBreaker.stretchability
                    shrink += words[i].spaceWidth * LineBreaker.shrinkability
                }
                lineWidth += words[i].width
                let justify = alignment == .justify && !isLast
                let room = width - lineWidth - hyphenWidth
                if room < -0.001 && i < j - 1 && (!justify || -room > shrink + 0.001) { break }
                var cost = 0.0
                if isLast {
                    cost = linePenalty
                    // Discourage a last line with a single short word.
                    if j - i == 1 && j > 1 && words[i].width < width * 0.15 { cost += 2_500 }
                    if hyphenatedBreak(i) { cost += 5_000 }
                } else {
                    let badness: Double
                    if room >= 0 {
                        // A ragged line may end anywhere: its whole width is stretch (as TeX's \rightskip), so
                        // evenness counts mildly and a hyphen must earn its penalty.
                        let give = justify ? stretch : width
                        let ratio = give > 0 ? room / give : (room > 0.5 ? 10 : 0)
                        // Not capped as in TeX: among very loose lines the least loose should win.
                        badness = 100 * ratio * ratio * ratio
                    } else {
                        let ratio = shrink > 0 ? -room / shrink : 1
                        badness = 100 * ratio * ratio * ratio
                    }
                    cost = (10 + badness) * (10 + badness) + linePenalty
                    if hyphenated {
                        cost += 10_000
                        if hyphenatedBreak(i) { cost += 10_000 }
                    }
                }
                if best[i] + cost < best[j] {
                    best[j] = best[i] + cost
                    from[j] = i
                }
                i -= 1
            }
        }
        var breaks: [Int] = []
        var j = n
        while j > 0 {
            breaks.append(j)
            j = from[j]
        }
        return breaks.reversed()
    }

    private func makeLine(_ words: ArraySlice<Word>, spans: [StyledSpan], isLast: Bool) -> BrokenLine {
        // Natural width and the number of stretchable spaces.
        var natural = 0.0
        var spaces = 0
        var spaceTotal = 0.0
        for (k, word) in zip(words.indices, words) {
            natural += word.width
            if k < words.endIndex - 1 && word.spaceSpan != nil {
                natural += word.spaceWidth
                spaceTotal += word.spaceWidth
                spaces += 1
            }
        }
        let hyphen = isLast ? nil : words.last.flatMap { word in word.hyphenSpan.map { ($0, word.hyphenWidth) } }
        if let hyphen { natural += hyphen.1 }
        var wordSpacing = 0.0
        var isJustified = false
        var looseRagged = false
        var spaceRatio = 1.0
        var letterSpacing = 0.0
        if alignment == .justify && !isLast && spaces > 0 {
            let extra = (width - natural) / Double(spaces)
            let averageSpace = spaceTotal / Double(spaces)
            let ratio = (averageSpace + extra) / max(averageSpace, 0.01)
            // Beyond twice their width the spaces stop growing and the letters take the rest, when a
            // little tracking does it (names and dates that may not break leave no other way).
            let hyphenated = words.last?.hyphenSpan != nil
            let letters = words.reduce(0) { $0 + $1.parts.reduce(0) { $0 + $1.end - $1.start } } - (hyphenated ? 0 : 1)
            let size = words.first.flatMap { $0.parts.first.map { spans[$0.span].size } } ?? 10
            let tracking =
                letters > 0
                ? (width - natural - Double(spaces) * averageSpace * (LineBreaker.widestSpaceRatio - 1))
                    / Double(letters) : 0
            if ratio > LineBreaker.widestSpaceRatio && tracking <= LineBreaker.maximumTracking * size {
                wordSpacing = averageSpace * (LineBreaker.widestSpaceRatio - 1)
                letterSpacing = tracking
                isJustified = true
                spaceRatio = LineBreaker.widestSpaceRatio
            } else if ratio <= LineBreaker.loosestSpaceRatio {
                wordSpacing = extra
                isJustified = true
                spaceRatio = ratio
            } else {
                // Very loose lines read worse than a ragged one.
                looseRagged = true
            }
        }
        let setWidth = natural + wordSpacing * Double(spaces)
        var x: Double
        switch alignment {
        case .left, .justify: x = 0
        case .right: x = max(width - setWidth, 0)
        case .center: x = max((width - setWidth) / 2, 0)
        }
        var pieces: [BrokenLine.Piece] = []
        var maxSize = 0.0
        func append(span index: Int, start: Int, end: Int, width w: Double) {
            let span = spans[index]
            maxSize = max(maxSize, span.size)
            if var last = pieces.last, last.font == span.font, last.size == span.size, last.color == span.color,
                last.link == span.link, last.mark == span.mark
            {
                appendKerning(span, start, end, base: last.text.count, into: &last.adjustments)
                last.text.append(contentsOf: span.text[start..<end])
                last.width += w
                pieces[pieces.count - 1] = last
            } else {
                var adjustments: [(Int, Double)] = []
                appendKerning(span, start, end, base: 0, into: &adjustments)
                pieces.append(
                    BrokenLine.Piece(
                        x: x, width: w, text: Array(span.text[start..<end]), font: span.font,
                        size: span.size, color: span.color, link: span.link, mark: span.mark,
                        linkDescription: span.linkDescription, adjustments: adjustments))
            }
            x += w
        }
        for (k, word) in zip(words.indices, words) {
            for part in word.parts {
                append(span: part.span, start: part.start, end: part.end, width: part.width)
            }
            if k < words.endIndex - 1, let spaceSpan = word.spaceSpan {
                append(span: spaceSpan, start: 0, end: 0, width: 0)
                // A real space character (so text extraction sees the word gap), widened by the word spacing.
                var piece = pieces[pieces.count - 1]
                piece.text.append(TextScalars.space)
                if wordSpacing != 0 { piece.adjustments.append((piece.text.count, wordSpacing / piece.size * 1000)) }
                piece.width += word.spaceWidth + wordSpacing
                pieces[pieces.count - 1] = piece
                x += word.spaceWidth + wordSpacing
            }
        }
        if let (span, w) = hyphen {
            append(span: span, start: 0, end: 0, width: 0)
            // U+00AD: the hyphen of a line break, which text extraction may join back.
            pieces[pieces.count - 1].text.append(TextScalars.softHyphen)
            pieces[pieces.count - 1].width += w
        }
        if letterSpacing > 0 {
            // After every letter but the line's last, widening the pieces and moving the ones after.
            var shift = 0.0
            for p in pieces.indices {
                pieces[p].x += shift
                let isLastPiece = p == pieces.count - 1
                var added = 0.0
                for i in 1...max(pieces[p].text.count, 1) where i < pieces[p].text.count || !isLastPiece {
                    guard i <= pieces[p].text.count, pieces[p].text[i - 1] != TextScalars.space else { continue }
                    pieces[p].adjustments.append((i, letterSpacing / pieces[p].size * 1000))
                    added += letterSpacing
                }
                pieces[p].adjustments.sort { $0.0 < $1.0 }
                pieces[p].width += added
                shift += added
            }
        }
        var line = BrokenLine(
            pieces: pieces, width: setWidth + (letterSpacing > 0 ? width - setWidth : 0), wordSpacing: wordSpacing,
            size: maxSize)
        line.letterSpacing = letterSpacing
        line.isJustified = isJustified
        line.spaceRatio = spaceRatio
        line.isLooseRagged = looseRagged
        return line
    }

    private func appendKerning(
        _ span: StyledSpan, _ start: Int, _ end: Int, base: Int, into list: inout [(Int, Double)]
    ) {
        guard kerning, end - start > 1 else { return }
        for i in (start + 1)..<end {
            let k = span.font.kern(span.text[i - 1], span.text[i])
            if k != 0 { list.append((base + i - start, k)) }
        }
    }
}
