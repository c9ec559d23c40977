import Glibc

/// The entry points: parse Markdown into a `MarkdownDocument`, or straight to HTML.
///
///     let document = Markdown.parse(text, options: .default, firstLine: 5)
///     let html = document.html()
///     let toc = document.headings
public enum Markdown {
    /// Parses Markdown text. `firstLine` is the source line number of the first line (use it when
    /// front matter was stripped, so positions point into the original file).
    public static func parse(_ text: String, options: MarkdownOptions = .default, firstLine: Int = 1)
        -> MarkdownDocument
    {
        parse(
            SourceText(text), options: options, firstLine: firstLine,
            deferInlines: text.utf8.count >= deferredInlinesSize)
    }

    /// The largest input parsed: the tree addresses text with 32-bit offsets, and decoded text (smart
    /// punctuation, entities) can grow to a few times the input. Longer input is cut at the last line
    /// break before this size; callers that can report it (the CLI) check first.
    public static let maximumInputSize = 256 << 20

    /// Parses Markdown bytes. Invalid UTF-8 and NUL become U+FFFD; a leading byte order mark is dropped.
    ///
    /// From 1 MiB on (`deferredInlinesSize`), only the blocks are parsed here: rendering parses the
    /// inlines of one leaf block at a time (so a large document's HTML never needs all its inline nodes
    /// at once), and the first use of the tree parses them all (see `MarkdownDocument`).
    public static func parse(_ bytes: [UInt8], options: MarkdownOptions = .default, firstLine: Int = 1)
        -> MarkdownDocument
    {
        parse(
            SourceText(bytes), options: options, firstLine: firstLine, deferInlines: bytes.count >= deferredInlinesSize)
    }

    /// The input size from which `parse` leaves the inlines for later. Smaller documents are parsed
    /// whole at once: the site renders a page's HTML and then reads its tree (headings, plain text),
    /// which would parse a deferred document's inlines twice.
    static let deferredInlinesSize = 1 << 20

    static func parse(_ bytes: [UInt8], options: MarkdownOptions, firstLine: Int, deferInlines: Bool)
        -> MarkdownDocument
    {
        parse(SourceText(bytes), options: options, firstLine: firstLine, deferInlines: deferInlines)
    }

    static func parse(_ text: SourceText, options: MarkdownOptions, firstLine: Int, deferInlines: Bool)
        -> MarkdownDocument
    {
        let (source, hasCarriageReturn) = InputSanitizer.sanitize(text)
        var (storage, references, footnotes) = source.withUnsafeBufferPointer { p in
            var parser = BlockParser(source: p, options: options, firstLine: firstLine)
            parser.run(hasCarriageReturn: hasCarriageReturn)
            return (parser.store, parser.references, parser.footnoteDefinitions)
        }
        storage.source = source
        if !options.footnotes { footnotes = [:] }
        let document = MarkdownDocument(
            storage: storage, options: options, firstLine: firstLine, references: references,
            footnoteDefinitions: footnotes)
        if !deferInlines { document.parseInlines() }
        return document
    }

    /// Markdown to an HTML fragment in one call.
    public static func html(_ text: String, options: MarkdownOptions = .default) -> String {
        parse(text, options: options).html()
    }
}

/// The text a document is parsed from, as the caller gave it (bytes or a String): it is not copied.
struct SourceText {
    private var bytes: [UInt8]
    private var string: String?
    let count: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        count = bytes.count
    }

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        bytes = []
        string = text
        count = text.utf8.count
    }

    /// Calls `body` with the bytes (valid only during the call).
    @inline(__always)
    func withUnsafeBufferPointer<R>(_ body: (Bytes) throws -> R) rethrows -> R {
        if let string, let result = try string.utf8.withContiguousStorageIfAvailable(body) { return result }
        return try bytes.withUnsafeBufferPointer(body)
    }

    /// A copy of the bytes `range`.
    func copy(_ range: Range<Int>) -> [UInt8] {
        withUnsafeBufferPointer { Array($0[range]) }
    }
}

/// Makes the input safe to parse as bytes: valid UTF-8 without NUL, at most `maximumInputSize` bytes.
enum InputSanitizer {
    /// The clean text (the same when nothing had to change), and whether it holds a carriage return
    /// (without one, lines can be found with `memchr`).
    static func sanitize(_ text: SourceText) -> (text: SourceText, hasCarriageReturn: Bool) {
        let (clean, start, hasCarriageReturn) = text.withUnsafeBufferPointer { p -> (Bool, Int, Bool) in
            let start = p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0  // BOM
            let (clean, hasCarriageReturn) = check(p, from: start)
            return (clean, start, hasCarriageReturn)
        }
        guard clean && start == 0 && text.count <= Markdown.maximumInputSize else {
            var (bytes, hasCarriageReturn) =
                clean
                ? (text.copy(start..<text.count), hasCarriageReturn)
                : text.withUnsafeBufferPointer { replaceInvalid(Bytes(rebasing: $0[start...])) }
            if bytes.count > Markdown.maximumInputSize {
                var cut = Markdown.maximumInputSize
                while cut > 0 && bytes[cut - 1] != .lineFeed { cut -= 1 }
                bytes.removeSubrange((cut > 0 ? cut : Markdown.maximumInputSize)...)
            }
            return (SourceText(bytes), hasCarriageReturn)
        }
        return (text, hasCarriageReturn)
    }

    /// Valid UTF-8 without NUL: the standard library replaces invalid sequences, then NUL is replaced.
    static func replaceInvalid(_ bytes: Bytes) -> (bytes: [UInt8], hasCarriageReturn: Bool) {
        let decoded = String(decoding: bytes, as: UTF8.self)
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
