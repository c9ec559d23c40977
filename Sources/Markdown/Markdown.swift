/// The entry points: parse Markdown into a `MarkdownDocument`, or straight to HTML.
///
///     let document = Markdown.parse(text, options: .default, firstLine: 5)
///     let html = document.html()
///     let toc = document.headings
public enum Markdown {
    /// Parses Markdown text. `firstLine` is the source line number of the first line (use it when
    /// front matter was stripped, so positions point into the original file).
    public static func parse(_ text: String, options: MarkdownOptions = .default, firstLine: Int = 1) -> MarkdownDocument {
        parse(Array(text.utf8), options: options, firstLine: firstLine)
    }

    /// The largest input parsed: the tree addresses text with 32-bit offsets, and decoded text (smart
    /// punctuation, entities) can grow to a few times the input. Longer input is cut at the last line
    /// break before this size; callers that can report it (the CLI) check first.
    public static let maximumInputSize = 256 << 20

    /// Parses Markdown bytes. Invalid UTF-8 and NUL become U+FFFD; a leading byte order mark is dropped.
    public static func parse(_ bytes: [UInt8], options: MarkdownOptions = .default, firstLine: Int = 1) -> MarkdownDocument {
        var source = InputSanitizer.sanitize(bytes)
        if source.count > maximumInputSize {
            var cut = maximumInputSize
            while cut > 0 && source[cut - 1] != 0x0A { cut -= 1 }
            source.removeSubrange((cut > 0 ? cut : maximumInputSize)...)
        }
        var (storage, footnotes) = source.withUnsafeBufferPointer { p -> (Storage, [[UInt8]: Int32]) in
            var blocks = BlockParser(source: p, options: options, firstLine: firstLine)
            blocks.run()
            var inlines = InlineParser(store: blocks.store, source: p, options: options,
                                       references: blocks.references, footnoteDefinitions: blocks.footnoteDefinitions)
            blocks.store = Storage(sourceCount: 0)
            inlines.run()
            inlines.release()
            return (inlines.store, blocks.footnoteDefinitions)
        }
        storage.source = source
        if !options.footnotes { footnotes = [:] }
        return MarkdownDocument(storage: storage, options: options, firstLine: firstLine, footnoteDefinitions: footnotes)
    }

    /// Markdown to an HTML fragment in one call.
    public static func html(_ text: String, options: MarkdownOptions = .default) -> String {
        parse(text, options: options).html()
    }
}

/// Makes the input safe to parse as bytes: valid UTF-8 without NUL.
enum InputSanitizer {
    static func sanitize(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var clean = true
        bytes.withUnsafeBufferPointer { p in
            var i = start
            let n = p.count
            while i < n {
                let c = p[i]
                if c == 0 {
                    clean = false
                    return
                }
                if c < 0x80 {
                    i += 1
                    continue
                }
                let length = validSequenceLength(p, i, n)
                if length == 0 {
                    clean = false
                    return
                }
                i += length
            }
        }
        if clean { return start == 0 ? bytes : Array(bytes[start...]) }
        // Slow path: let the standard library replace invalid sequences, then replace NUL.
        let decoded = String(decoding: bytes[start...], as: UTF8.self)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for c in decoded.utf8 {
            if c == 0 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Length of the valid UTF-8 sequence at `i` (first byte >= 0x80), or 0 if it is invalid.
    static func validSequenceLength(_ p: Bytes, _ i: Int, _ n: Int) -> Int {
        let b0 = p[i]
        @inline(__always) func cont(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
        if b0 >= 0xC2 && b0 <= 0xDF { return cont(i + 1) ? 2 : 0 }
        if b0 >= 0xE0 && b0 <= 0xEF {
            guard cont(i + 1), cont(i + 2) else { return 0 }
            let b1 = p[i + 1]
            if b0 == 0xE0 && b1 < 0xA0 { return 0 }
            if b0 == 0xED && b1 > 0x9F { return 0 }
            return 3
        }
        if b0 >= 0xF0 && b0 <= 0xF4 {
            guard cont(i + 1), cont(i + 2), cont(i + 3) else { return 0 }
            let b1 = p[i + 1]
            if b0 == 0xF0 && b1 < 0x90 { return 0 }
            if b0 == 0xF4 && b1 > 0x8F { return 0 }
            return 4
        }
        return 0
    }
}
