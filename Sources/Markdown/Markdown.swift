import Glibc

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
        var (source, hasCarriageReturn) = InputSanitizer.sanitize(bytes)
        if source.count > maximumInputSize {
            var cut = maximumInputSize
            while cut > 0 && source[cut - 1] != .lineFeed { cut -= 1 }
            source.removeSubrange((cut > 0 ? cut : maximumInputSize)...)
        }
        var (storage, footnotes) = source.withUnsafeBufferPointer { p -> (Storage, [LinkLabel: NodeIndex]) in
            // The block parser ends inside the closure, so the inline parser owns the storage alone.
            let (blocks, references, footnotes) = {
                var parser = BlockParser(source: p, options: options, firstLine: firstLine)
                parser.run(hasCarriageReturn: hasCarriageReturn)
                return (parser.store, parser.references, parser.footnoteDefinitions)
            }()
            var inlines = InlineParser(store: consume blocks, source: p, options: options, references: references,
                                       footnoteDefinitions: footnotes)
            inlines.run()
            return (inlines.finish(), footnotes)
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
    /// The clean bytes (the same array when nothing had to change), and whether they hold a carriage
    /// return (without one, lines can be found with `memchr`).
    static func sanitize(_ bytes: [UInt8]) -> (bytes: [UInt8], hasCarriageReturn: Bool) {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }  // BOM
        let (clean, hasCarriageReturn) = bytes.withUnsafeBufferPointer { check($0, from: start) }
        if clean { return (start == 0 ? bytes : Array(bytes[start...]), hasCarriageReturn) }
        // Slow path: let the standard library replace invalid sequences, then replace NUL.
        let decoded = String(decoding: bytes[start...], as: UTF8.self)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for c in decoded.utf8 {
            if c == 0 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
            } else {
                out.append(c)
            }
        }
        return (out, out.contains(.carriageReturn))
    }

    /// Whether `p[start...]` is valid UTF-8 without NUL, and whether it holds a carriage return. Eight
    /// bytes at a time while they are plain ASCII.
    static func check(_ p: Bytes, from start: Int) -> (clean: Bool, hasCarriageReturn: Bool) {
        let n = p.count
        guard let base = p.baseAddress else { return (true, false) }
        let raw = UnsafeRawPointer(base)
        var i = start
        while true {
            // Sixteen bytes at a time while all are ASCII and none is NUL: a byte of 0x80 or more
            // has its high bit set, and a zero byte gets it from subtracting one.
            while i + 16 <= n {
                let a = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let b = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                if ((a &- SWAR.ones) | a | (b &- SWAR.ones) | b) & SWAR.highBits != 0 { break }
                i += 16
            }
            if i >= n { break }
            let c = p[i]
            if c == 0 { return (false, false) }
            if isASCII(c) {
                i += 1
                continue
            }
            let length = validSequenceLength(p, i, n)
            if length == 0 { return (false, false) }
            i += length
        }
        return (true, memchr(base + start, Int32(UInt8.carriageReturn), n - start) != nil)
    }

    /// Length of the valid UTF-8 sequence at `i` (first byte >= 0x80), or 0 if it is invalid.
    static func validSequenceLength(_ p: Bytes, _ i: Int, _ n: Int) -> Int {
        let b0 = p[i]
        @inline(__always) func continuation(_ k: Int) -> Bool { k < n && isContinuationByte(p[k]) }
        if b0 >= 0xC2 && b0 <= 0xDF { return continuation(i + 1) ? 2 : 0 }
        if b0 >= 0xE0 && b0 <= 0xEF {
            guard continuation(i + 1), continuation(i + 2) else { return 0 }
            let b1 = p[i + 1]
            if b0 == 0xE0 && b1 < 0xA0 { return 0 }  // overlong
            if b0 == 0xED && b1 > 0x9F { return 0 }  // surrogate
            return 3
        }
        if b0 >= 0xF0 && b0 <= 0xF4 {
            guard continuation(i + 1), continuation(i + 2), continuation(i + 3) else { return 0 }
            let b1 = p[i + 1]
            if b0 == 0xF0 && b1 < 0x90 { return 0 }  // overlong
            if b0 == 0xF4 && b1 > 0x8F { return 0 }  // beyond U+10FFFF
            return 4
        }
        return 0
    }
}
