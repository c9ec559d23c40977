/// A source file's bytes and name, with the line starts computed once, so that parsers can report
/// byte offsets and leave line/column bookkeeping to this type.
public struct SourceFile: Sendable {
    public let name: String
    public let bytes: [UInt8]
    /// Byte offset of the start of every line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Added to every reported line number: a document whose first lines (front matter) were cut off
    /// still reports positions in the original file.
    public let firstLine: Int

    public init(name: String, bytes: [UInt8], firstLine: Int = 1) {
        self.name = name
        self.bytes = bytes
        self.firstLine = firstLine
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            starts.append(i + 1)
        }
        self.lineStarts = starts
    }

    public init(name: String, text: String, firstLine: Int = 1) {
        self.init(name: name, bytes: Array(text.utf8), firstLine: firstLine)
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset. Offsets past the end clamp to it.
    public func position(ofByteOffset offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, bytes.count))
        // Binary search for the last line start <= offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var i = lineStarts[low]
        while i < offset {
            // Continuation bytes (10xxxxxx) do not start a new scalar.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (low + firstLine, column)
    }

    /// The text of a 1-based line (as reported, so including `firstLine`), without its line break.
    public func lineText(_ line: Int) -> String? {
        let index = line - firstLine
        guard index >= 0, index < lineStarts.count else { return nil }
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
