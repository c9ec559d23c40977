import Diagnostics

/// Splits a Markdown file into its YAML front matter and body, by bytes.
enum FrontMatterSplit {
    struct Parts {
        /// The YAML between the `---` lines, as a source that reports lines of the whole file.
        var yaml: SourceFile
        var body: MarkdownBody
    }

    /// Nil when the file does not start with a `---` line; throws when the closing line is missing.
    static func split(_ source: SourceFile) throws -> Parts? {
        let bytes = source.bytes
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        guard let firstEnd = lineEnd(bytes, from: start), isFence(bytes, start, firstEnd.contentEnd) else { return nil }
        var lineStart = firstEnd.next
        var line = 2
        while lineStart < bytes.count {
            let end = lineEnd(bytes, from: lineStart)!
            if isFence(bytes, lineStart, end.contentEnd) {
                let yaml = SourceFile(name: source.name, bytes: Array(bytes[firstEnd.next..<lineStart]), firstLine: 2)
                let bodyBytes = bytes[end.next...]
                return Parts(yaml: yaml, body: MarkdownBody(text: String(decoding: bodyBytes, as: UTF8.self), firstLine: line + 1))
            }
            lineStart = end.next
            line += 1
        }
        throw Diagnostic.error("de front matter wordt niet afgesloten met een regel '---'", in: source, at: start)
    }

    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> (contentEnd: Int, next: Int)? {
        guard start <= bytes.count else { return nil }
        var i = start
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        var contentEnd = i
        if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        return (contentEnd, i < bytes.count ? i + 1 : bytes.count)
    }

    private static func isFence(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var e = end
        while e > start, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        return e - start == 3 && bytes[start] == 0x2D && bytes[start + 1] == 0x2D && bytes[start + 2] == 0x2D
    }
}
