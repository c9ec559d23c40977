/// A span of text in one font, size and colour, already encoded to WinAnsi.
struct StyledSpan {
    var bytes: [UInt8]
    var font: StandardFont
    var size: Double
    var color: PDFColor
    var link: Link?
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
        var bytes: [UInt8]
        var font: StandardFont
        var size: Double
        var color: PDFColor
        var link: Link?
        var kerning: [(Int, Int)]
    }
    var pieces: [Piece]
    /// Width of the text as set, justification included.
    var width: Double
    var wordSpacing: Double
    /// The largest font size on the line, for the line height.
    var size: Double
}

/// Breaks styled text into lines of a given width. It minimises the demerits of Knuth and Plass over the
/// whole paragraph (total fit, without hyphenation), never lets a line overflow
/// (words wider than the line are cut), allows breaks after the hyphen of a compound word, and honours
/// forced line breaks (`\n`).
struct LineBreaker {
    var width: Double
    var alignment: LineAlignment = .left
    var kerning: Bool = true

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

    func breakLines(_ input: [StyledSpan]) -> [BrokenLine] {
        var spans = input
        for s in spans.indices where spans[s].bytes.count > 2 {
            // "€ 95.677": the amount never leaves its euro sign behind (a no-break space, as Dutch style has it).
            for i in 1..<(spans[s].bytes.count - 1) where spans[s].bytes[i] == 0x20 && spans[s].bytes[i - 1] == 0x80 {
                spans[s].bytes[i] = 0xA0
            }
        }
        var words = makeWords(spans)
        if words.isEmpty { return [] }
        words = splitOverlongWords(words, spans: spans)
        let breaks = chooseBreaks(words)
        var lines: [BrokenLine] = []
        var start = 0
        for end in breaks {
            let last = end == words.count || words[end - 1].forcedBreakAfter
            lines.append(makeLine(words[start..<end], spans: spans, isLast: last))
            start = end
        }
        return lines
    }

    private func spaceWidth(_ span: StyledSpan) -> Double {
        Double(span.font.widths[0x20]) * span.size / 1000
    }

    private func measure(_ span: StyledSpan, _ start: Int, _ end: Int) -> Double {
        let table = span.font.widths
        var units = 0
        var previous: UInt8 = 0
        for i in start..<end {
            let b = span.bytes[i]
            units += Int(table[Int(b)])
            if kerning && i > start { units += span.font.kern(previous, b) }
            previous = b
        }
        return Double(units) * span.size / 1000
    }

    private func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0xC0
    }

    /// Is the space-delimited token around `index` longer than 20 bytes (an address, not "en/of")?
    private func isLongToken(_ bytes: [UInt8], around index: Int) -> Bool {
        var start = index, end = index
        while start > 0 && bytes[start - 1] != 0x20 && bytes[start - 1] != 0x0A { start -= 1 }
        while end < bytes.count && bytes[end] != 0x20 && bytes[end] != 0x0A { end += 1 }
        return end - start > 20
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
            let bytes = span.bytes
            var partStart = 0
            var i = 0
            func flushPart(upTo end: Int) {
                if end > partStart {
                    let w = measure(span, partStart, end)
                    current.parts.append(Part(span: index, start: partStart, end: end, width: w))
                    current.width += w
                }
            }
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x20 {
                    flushPart(upTo: i)
                    closeWord(space: index, spaceWidth: spaceWidth(span), forced: false)
                    partStart = i + 1
                } else if b == 0x0A {
                    flushPart(upTo: i)
                    closeWord(space: nil, spaceWidth: 0, forced: true)
                    partStart = i + 1
                } else if b == 0xAD {
                    // A soft hyphen: a break opportunity that prints a hyphen only when taken.
                    flushPart(upTo: i)
                    let hadParts = !current.parts.isEmpty
                    closeWord(space: nil, spaceWidth: 0, forced: false)
                    if hadParts {
                        words[words.count - 1].hyphenSpan = index
                        words[words.count - 1].hyphenWidth = Double(span.font.widths[0x2D]) * span.size / 1000
                    }
                    partStart = i + 1
                } else if b == 0x2F && i > 0 && i + 1 < bytes.count && bytes[i - 1] != 0x2F && bytes[i + 1] != 0x2F
                            && bytes[i + 1] != 0x20 && isLongToken(bytes, around: i) {
                    // An address may break after a slash (not inside "//"), so it need not be cut anywhere.
                    flushPart(upTo: i + 1)
                    closeWord(space: nil, spaceWidth: 0, forced: false)
                    partStart = i + 1
                } else if b == 0x2D && i > 0 && i + 1 < bytes.count && isLetter(bytes[i - 1]) && isLetter(bytes[i + 1])
                            && i - partStart >= 2 {
                    // "sociaal-maatschappelijk" may break after its hyphen.
                    flushPart(upTo: i + 1)
                    closeWord(space: nil, spaceWidth: 0, forced: false)
                    partStart = i + 1
                }
                i += 1
            }
            flushPart(upTo: bytes.count)
        }
        closeWord(space: nil, spaceWidth: 0, forced: false)
        return words
    }

    /// Cuts words wider than the line into pieces that fit (URLs, long compounds), so nothing overflows.
    private func splitOverlongWords(_ words: [Word], spans: [StyledSpan]) -> [Word] {
        guard words.contains(where: { $0.width > width }) else { return words }
        var result: [Word] = []
        for word in words {
            if word.width <= width { result.append(word); continue }
            var piece = Word()
            for part in word.parts {
                let span = spans[part.span]
                var start = part.start
                var run = 0.0  // width of bytes start..<i, without kerning (kerning only narrows)
                var i = part.start
                while i < part.end {
                    let w = Double(span.font.widths[Int(span.bytes[i])]) * span.size / 1000
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
    /// (a stretchability of half a space each); a line without spaces to stretch is as bad as it gets.
    /// The last line of the paragraph (or before a forced break) costs nothing.
    private func chooseBreaks(_ words: [Word]) -> [Int] {
        let n = words.count
        var best = [Double](repeating: .infinity, count: n + 1)
        var from = [Int](repeating: 0, count: n + 1)
        best[0] = 0
        for j in 1...n {
            var lineWidth = 0.0
            var stretch = 0.0
            var i = j - 1
            let isLast = j == n || words[j - 1].forcedBreakAfter
            while i >= 0 {
                if i < j - 1 && words[i].forcedBreakAfter { break }
                if i < j - 1 {
                    lineWidth += words[i].spaceWidth
                    stretch += words[i].spaceWidth * 0.5
                }
                lineWidth += words[i].width
                if lineWidth > width + 0.001 && i < j - 1 { break }
                let hyphenated = !isLast && words[j - 1].hyphenSpan != nil
                if hyphenated && lineWidth + words[j - 1].hyphenWidth > width + 0.001 && i < j - 1 { break }
                var cost = 0.0
                if isLast {
                    // Discourage a last line with a single short word.
                    if j - i == 1 && j > 1 && words[i].width < width * 0.15 { cost = 2_500 }
                } else {
                    let slack = max(width - lineWidth - (hyphenated ? words[j - 1].hyphenWidth : 0), 0)
                    let ratio = stretch > 0 ? slack / stretch : (slack > 0.5 ? 10 : 0)
                    // Not capped as in TeX: among very loose lines the least loose should win.
                    let badness = 100 * ratio * ratio * ratio
                    // A hyphenated line costs a penalty on top (TeX's hyphen penalty of 50).
                    cost = (10 + badness) * (10 + badness) + (hyphenated ? 2_500 : 0)
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
        while j > 0 { breaks.append(j); j = from[j] }
        return breaks.reversed()
    }

    private func makeLine(_ words: ArraySlice<Word>, spans: [StyledSpan], isLast: Bool) -> BrokenLine {
        // Natural width and the number of stretchable spaces.
        var natural = 0.0
        var spaces = 0
        for (k, word) in zip(words.indices, words) {
            natural += word.width
            if k < words.endIndex - 1 && word.spaceSpan != nil { natural += word.spaceWidth; spaces += 1 }
        }
        let hyphen = isLast ? nil : words.last.flatMap { word in word.hyphenSpan.map { ($0, word.hyphenWidth) } }
        if let hyphen { natural += hyphen.1 }
        var wordSpacing = 0.0
        if alignment == .justify && !isLast && spaces > 0 {
            let extra = (width - natural) / Double(spaces)
            // Very loose lines read worse than a ragged one.
            let typicalSpace = words.first.map { $0.spaceWidth } ?? 3
            if extra > 0 && extra < max(typicalSpace, 2.5) * 6 { wordSpacing = extra }
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
               last.link == span.link {
                appendKerning(span, start, end, base: last.bytes.count, into: &last.kerning)
                last.bytes.append(contentsOf: span.bytes[start..<end])
                last.width += w
                pieces[pieces.count - 1] = last
            } else {
                var kerningList: [(Int, Int)] = []
                appendKerning(span, start, end, base: 0, into: &kerningList)
                pieces.append(BrokenLine.Piece(x: x, width: w, bytes: Array(span.bytes[start..<end]), font: span.font,
                                               size: span.size, color: span.color, link: span.link, kerning: kerningList))
            }
            x += w
        }
        for (k, word) in zip(words.indices, words) {
            for part in word.parts {
                append(span: part.span, start: part.start, end: part.end, width: part.width)
            }
            if k < words.endIndex - 1, let spaceSpan = word.spaceSpan {
                append(span: spaceSpan, start: 0, end: 0, width: 0)
                // A space byte (so text extraction sees the word gap), stretched by the word spacing.
                pieces[pieces.count - 1].bytes.append(0x20)
                pieces[pieces.count - 1].width += word.spaceWidth + wordSpacing
                x += word.spaceWidth + wordSpacing
            }
        }
        if let (span, w) = hyphen {
            append(span: span, start: 0, end: 0, width: 0)
            pieces[pieces.count - 1].bytes.append(0x2D)
            pieces[pieces.count - 1].width += w
        }
        return BrokenLine(pieces: pieces, width: setWidth, wordSpacing: wordSpacing, size: maxSize)
    }

    private func appendKerning(_ span: StyledSpan, _ start: Int, _ end: Int, base: Int, into list: inout [(Int, Int)]) {
        guard kerning, end - start > 1 else { return }
        for i in (start + 1)..<end {
            let k = span.font.kern(span.bytes[i - 1], span.bytes[i])
            if k != 0 { list.append((base + i - start, k)) }
        }
    }
}
