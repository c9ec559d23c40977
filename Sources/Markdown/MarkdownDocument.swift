import Foundation

/// A parsed Markdown document: the tree (walk it from `root`), and what the site and report need from
/// it: HTML, headings for a table of contents, plain text, links with their source positions.
/// Safe to share between threads.
///
/// A large document (see `Markdown.parse`) first holds only its blocks: the inlines (text, links,
/// emphasis) make most of the nodes, and rendering HTML does not need them all at once. `html()` and
/// `HTMLRenderer` then parse each paragraph's, heading's or table cell's inlines just before writing it
/// and reuse that memory for the next one; the first call that needs the whole tree (`root`, `links`,
/// `headings`, `plainText`, or rendering with a link resolver) parses all inlines and keeps them.
public final class MarkdownDocument: @unchecked Sendable {
    public let options: MarkdownOptions
    /// The source line number of the first line.
    public let firstLine: Int
    /// The tree. While `deferredInlines` is set it holds only blocks, and only code holding `lock`
    /// reads or changes it; after that it never changes again.
    var storage: Storage
    /// The parsed text (the same bytes as `storage.source`, readable without the lock).
    let source: SourceText
    let footnoteDefinitions: [LinkLabel: NodeIndex]
    /// What parsing the inlines needs from the block pass (the link reference definitions); nil once
    /// the inlines are in the tree.
    private var deferredInlines: [LinkLabel: LinkInfo]?
    /// The source offset at which each line starts, made at the first position asked for.
    private var lineStartOffsets: [Int32]?
    private let lock = NSLock()

    init(
        storage: Storage, options: MarkdownOptions, firstLine: Int, references: [LinkLabel: LinkInfo],
        footnoteDefinitions: [LinkLabel: NodeIndex]
    ) {
        self.storage = storage
        source = storage.source
        self.options = options
        self.firstLine = firstLine
        self.footnoteDefinitions = footnoteDefinitions
        deferredInlines = references
    }

    deinit {
        storage.release()
    }

    /// Parses the inlines of every leaf block into the tree, unless that was done.
    func parseInlines() {
        lock.lock()
        defer { lock.unlock() }
        guard let references = deferredInlines else { return }
        source.withUnsafeBufferPointer { p in
            var parser = InlineParser(
                source: p, options: options, references: references,
                footnoteDefinitions: footnoteDefinitions)
            parser.run(&storage)
            parser.release()
        }
        deferredInlines = nil
    }

    /// Runs `body` with the block-only storage and the link reference definitions, holding the lock
    /// (nil, without the lock, when the inlines are in the tree). `body` may add inlines but must
    /// leave the storage as it found it.
    func withDeferredInlines<R>(_ body: (inout Storage, [LinkLabel: LinkInfo]?) throws -> R) rethrows -> R {
        lock.lock()
        guard let references = deferredInlines else {
            lock.unlock()
            var complete = storage
            return try body(&complete, nil)
        }
        defer { lock.unlock() }
        return try body(&storage, references)
    }

    /// The document node; its children are the top-level blocks.
    public var root: MarkdownNode {
        parseInlines()
        return MarkdownNode(document: self, index: .root)
    }

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
        let starts = lineStarts
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(starts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        source.withUnsafeBufferPointer { source in
            var i = starts.isEmpty ? 0 : Int(starts[lo])
            while i < offset && i < source.count {
                if !isContinuationByte(source[i]) { column += 1 }
                i += 1
            }
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

extension MarkdownDocument {
    /// Where each line of the source starts (the first line at 0): after each line feed, carriage
    /// return, or carriage return and line feed, as the block parser splits lines. Made at the first
    /// call: only positions need it, and for a large document it is as large as its nodes.
    var lineStarts: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        if let known = lineStartOffsets { return known }
        let starts = source.withUnsafeBufferPointer { LineStarts.of($0) }
        lineStartOffsets = starts
        return starts
    }
}

enum LineStarts {
    static func of(_ p: Bytes) -> [Int32] {
        let count = p.count
        var starts: [Int32] = [0]
        guard let base = p.baseAddress else { return starts }
        if memchr(base, Int32(UInt8.carriageReturn), count) == nil {
            var i = 0
            while i < count, let found = memchr(base + i, Int32(UInt8.lineFeed), count - i) {
                i = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(Int32(i))
            }
            return starts
        }
        var i = 0
        while i < count {
            let c = p[i]
            i += 1
            if c == .carriageReturn && i < count && p[i] == .lineFeed { i += 1 }
            if isLineEnding(c) { starts.append(Int32(i)) }
        }
        return starts
    }
}
