import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a Markdown file into its YAML front matter and its body.
///
/// Front matter is the text between a first line `---` and the next line that is `---` or `...` (trailing
/// blanks allowed). A UTF-8 byte order mark before it is skipped, CRLF line ends work, and a file without
/// front matter is all body. Positions stay those of the original file: the front matter's `SourceFile`
/// starts at line 2, and `bodyFirstLine` is the line the body starts on.
public enum FrontMatter {
    /// The parts of a file. `frontMatter` is nil when the file has none (an empty block gives an empty file).
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - fileName: the name diagnostics and the front matter's `SourceFile` report.
    /// - Throws: a `Diagnostic` at line 1 when the file opens with `---` but never closes it.
    public static func split(_ bytes: [UInt8], fileName: String = "<invoer>") throws
        -> (frontMatter: SourceFile?, body: [UInt8], bodyFirstLine: Int)
    {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        guard let firstEnd = markerLineEnd(bytes, at: start, allowDots: false) else {
            let body = start == 0 ? bytes : Array(bytes[start...])
            return (nil, body, 1)
        }
        var lineStart = firstEnd
        var line = 2
        while lineStart < bytes.count {
            if let closeEnd = markerLineEnd(bytes, at: lineStart, allowDots: true) {
                let yaml = SourceFile(name: fileName, bytes: Array(bytes[firstEnd..<lineStart]), firstLine: 2)
                return (yaml, Array(bytes[closeEnd...]), line + 1)
            }
            // Next line; memchr finds the line feed far faster than a byte loop.
            let next = bytes.withUnsafeBufferPointer { buffer -> Int in
                let base = buffer.baseAddress! + lineStart
                guard let hit = memchr(base, 0x0A, buffer.count - lineStart) else { return buffer.count }
                return lineStart + (UnsafeRawPointer(hit) - UnsafeRawPointer(base))
            }
            lineStart = next + 1
            line += 1
        }
        let source = SourceFile(name: fileName, bytes: bytes)
        throw Diagnostic.error(
            "front matter wordt niet afgesloten: na de eerste regel '---' ontbreekt een regel '---' (of '...')",
            in: source, at: start)
    }

    /// Splits the file and reads its front matter with `YAMLReader`.
    ///
    /// - Returns: the front matter's root node (nil without front matter; `.null` when it is empty).
    public static func read(_ bytes: [UInt8], fileName: String = "<invoer>") throws
        -> (frontMatter: YAMLNode?, body: [UInt8], bodyFirstLine: Int)
    {
        let parts = try split(bytes, fileName: fileName)
        guard let yaml = parts.frontMatter else { return (nil, parts.body, parts.bodyFirstLine) }
        return (try YAMLReader.parse(yaml), parts.body, parts.bodyFirstLine)
    }

    /// When the line at `i` is `---` (or `...` if allowed) with only blanks after it, the offset just past
    /// its line break (or the end of the file).
    private static func markerLineEnd(_ bytes: [UInt8], at i: Int, allowDots: Bool) -> Int? {
        guard i + 3 <= bytes.count else { return nil }
        let c = bytes[i]
        guard c == 0x2D || (allowDots && c == 0x2E), bytes[i + 1] == c, bytes[i + 2] == c else { return nil }
        var j = i + 3
        while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
        if j < bytes.count && bytes[j] == 0x0D { j += 1 }
        if j == bytes.count { return j }
        guard bytes[j] == 0x0A else { return nil }
        return j + 1
    }
}
