/// A parsed Markdown document: the tree (walk it from `root`), and what the site and report need from
/// it: HTML, headings for a table of contents, plain text, links with their source positions.
/// Immutable once parsed, so it can be shared between threads.
public final class MarkdownDocument: @unchecked Sendable {
    public let options: MarkdownOptions
    /// The source line number of the first line.
    public let firstLine: Int
    let storage: Storage
    let footnoteDefinitions: [[UInt8]: Int32]

    init(storage: Storage, options: MarkdownOptions, firstLine: Int, footnoteDefinitions: [[UInt8]: Int32]) {
        self.storage = storage
        self.options = options
        self.firstLine = firstLine
        self.footnoteDefinitions = footnoteDefinitions
    }

    /// The document node; its children are the top-level blocks.
    public var root: MarkdownNode { MarkdownNode(document: self, index: 0) }

    /// The HTML fragment; `linkResolver` may rewrite link and image destinations.
    public func html(linkResolver: ((MarkdownLink) -> String?)? = nil) -> String {
        HTMLRenderer(linkResolver: linkResolver).render(self)
    }

    /// Every link and image destination in document order, with where it was written.
    public var links: [MarkdownLink] {
        var result: [MarkdownLink] = []
        let starts = lineStarts()
        for record in storage.nodes where (record.kind == .link || record.kind == .image) && record.parent >= 0 {
            let info = storage.links[Int(record.aux)]
            result.append(MarkdownLink(
                destination: String(decoding: info.destination, as: UTF8.self), isImage: record.kind == .image,
                position: position(ofSourceOffset: storage.sourceOffset(ofAddress: info.address), lineStarts: starts)))
        }
        return result
    }

    /// Line and column (1-based, counted in Unicode scalars) of a byte offset in the parsed text.
    public func position(ofSourceOffset offset: Int) -> SourcePosition {
        position(ofSourceOffset: offset, lineStarts: lineStarts())
    }

    func position(ofSourceOffset offset: Int, lineStarts starts: [Int]) -> SourcePosition {
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        let source = storage.source
        var i = starts[lo]
        while i < offset && i < source.count {
            if source[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourcePosition(line: lo + firstLine, column: column, offset: offset)
    }

    func lineStarts() -> [Int] {
        var starts = [0]
        let source = storage.source
        var i = 0
        while i < source.count {
            let c = source[i]
            if c == 0x0A || (c == 0x0D && (i + 1 >= source.count || source[i + 1] != 0x0A)) { starts.append(i + 1) }
            i += 1
        }
        return starts
    }
}

/// A place in the Markdown source: 1-based line and column (in Unicode scalars), and the byte offset.
public struct SourcePosition: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
}

/// A link or image destination as written (escapes and entities resolved) and where it was written.
public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var isImage: Bool
    public var position: SourcePosition
}
