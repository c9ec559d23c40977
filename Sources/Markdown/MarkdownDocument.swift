/// A parsed Markdown document: the tree (walk it from `root`), and what the site and report need from
/// it: HTML, headings for a table of contents, plain text, links with their source positions.
/// Immutable once parsed, so it can be shared between threads.
public final class MarkdownDocument: @unchecked Sendable {
    public let options: MarkdownOptions
    /// The source line number of the first line.
    public let firstLine: Int
    let storage: Storage
    let footnoteDefinitions: [LinkLabel: NodeIndex]

    init(storage: Storage, options: MarkdownOptions, firstLine: Int, footnoteDefinitions: [LinkLabel: NodeIndex]) {
        self.storage = storage
        self.options = options
        self.firstLine = firstLine
        self.footnoteDefinitions = footnoteDefinitions
    }

    deinit {
        var owned = storage
        owned.release()
    }

    /// The document node; its children are the top-level blocks.
    public var root: MarkdownNode { MarkdownNode(document: self, index: .root) }

    /// The HTML fragment; `linkResolver` may rewrite link and image destinations.
    public func html(linkResolver: ((MarkdownLink) -> String?)? = nil) -> String {
        HTMLRenderer(linkResolver: linkResolver).render(self)
    }

    /// Every link and image destination in document order, with where it was written.
    public var links: [MarkdownLink] {
        var result: [MarkdownLink] = []
        root.walk { node, entering in
            guard entering, node.kind == .link || node.kind == .image else { return }
            result.append(link(node.index))
        }
        return result
    }

    /// The link or image at `node`, its destination's position included.
    func link(_ node: NodeIndex) -> MarkdownLink {
        let record = storage[node]
        let info = storage.links[Int(record.data)]
        return MarkdownLink(
            destination: string(info.destination), isImage: record.kind == .image,
            position: position(ofSourceOffset: storage.sourceOffset(ofAddress: info.address)))
    }

    func string(_ range: Range<Int32>) -> String {
        storage.withBytes(range.lowerBound, range.upperBound) { String(decoding: $0, as: UTF8.self) }
    }

    /// Line and column (1-based, counted in Unicode scalars) of a byte offset in the parsed text.
    public func position(ofSourceOffset offset: Int) -> SourcePosition {
        let starts = storage.lineStarts
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(starts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        let source = storage.source
        var i = starts.isEmpty ? 0 : Int(starts[lo])
        while i < offset && i < source.count {
            if !isContinuationByte(source[i]) { column += 1 }
            i += 1
        }
        return SourcePosition(line: lo + firstLine, column: column, offset: offset)
    }

    /// The position of a node's first character.
    func position(of node: NodeIndex) -> SourcePosition {
        position(ofSourceOffset: storage.sourceOffset(ofAddress: storage[node].position))
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
