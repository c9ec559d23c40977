// The AST lives in flat arrays (an arena): nodes refer to each other by index, text is a range of
// bytes. No per-node objects means no reference counting while parsing, and no recursive teardown
// of deep trees.

/// What a node of the document tree is.
public enum NodeKind: UInt8, Sendable {
    // Blocks
    case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
    case table, tableRow, tableCell, footnoteDefinition
    // Inlines
    case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough, link, image
    case footnoteReference

    /// Whether this is a block (as opposed to an inline).
    public var isBlock: Bool { rawValue <= NodeKind.footnoteDefinition.rawValue }
}

/// Column alignment of a GFM table cell.
public enum TableAlignment: UInt8, Sendable {
    case none, left, center, right
}

/// Where a node is in the arena. Slot 0 of the arena holds no node, so a link to "no node" is stored
/// as 0 and read as nil (the idea of pulldown-cmark's `TreeIndex`): optional links cost no space.
struct NodeIndex: Hashable {
    let raw: UInt32

    @inline(__always) init(_ raw: UInt32) { self.raw = raw }
    @inline(__always) init(_ slot: Int) { raw = UInt32(truncatingIfNeeded: slot) }

    /// The arena slot.
    @inline(__always) var slot: Int { Int(raw) }

    /// The document node: the first real node of every arena.
    static let root = NodeIndex(UInt32(1))
}

/// What is true of a node; each bit has one meaning.
struct NodeFlags: OptionSet {
    let rawValue: UInt16

    /// A block that can still take lines.
    static let open = NodeFlags(rawValue: 1 << 0)
    /// A block whose last line was blank (decides whether a list is loose).
    static let lastLineBlank = NodeFlags(rawValue: 1 << 1)
    /// A code block with a fence (as opposed to an indented one).
    static let fenced = NodeFlags(rawValue: 1 << 2)
    /// A heading made by an underline.
    static let setext = NodeFlags(rawValue: 1 << 3)
    /// A list whose paragraphs render without `<p>`.
    static let tight = NodeFlags(rawValue: 1 << 4)
    /// The header row of a table.
    static let headerRow = NodeFlags(rawValue: 1 << 5)
    /// An ordered list.
    static let ordered = NodeFlags(rawValue: 1 << 6)
    /// A list item that starts with a GFM task checkbox.
    static let task = NodeFlags(rawValue: 1 << 7)
    /// A task list item whose checkbox is ticked.
    static let taskChecked = NodeFlags(rawValue: 1 << 8)
    /// An extended email autolink made while a bracket was open (undone if the bracket becomes a link).
    static let extendedAutolink = NodeFlags(rawValue: 1 << 9)
    /// A text node that must stay on its own (a delimiter run or bracket): later text is not merged
    /// into it.
    static let standalone = NodeFlags(rawValue: 1 << 10)
    /// A text node whose bytes need no HTML escaping (no `&`, `<`, `>` or `"`), so the renderer can
    /// copy them as they are.
    static let plainText = NodeFlags(rawValue: 1 << 11)
}

/// One node. `start..<end` is its text (leaf content or inline literal) as an address into the text
/// store; `data` indexes the side table of its kind (list, code or link data, ...); `position` is the
/// address of its first character in the source text (for line and column).
struct NodeRecord {
    var kind: NodeKind
    /// Heading level, HTML block kind (1–7), or table cell alignment, by kind.
    var level: UInt8 = 0
    var flags: NodeFlags = []
    // The links, stored as arena slots with 0 for none.
    private var parentSlot: UInt32 = 0
    private var firstSlot: UInt32 = 0
    private var lastSlot: UInt32 = 0
    private var nextSlot: UInt32 = 0
    private var previousSlot: UInt32 = 0
    var start: Int32 = 0
    var end: Int32 = 0
    var data: Int32 = 0
    var position: Int32 = 0

    init(kind: NodeKind) { self.kind = kind }

    var parent: NodeIndex? {
        @inline(__always) get { parentSlot == 0 ? nil : NodeIndex(parentSlot) }
        @inline(__always) set { parentSlot = newValue?.raw ?? 0 }
    }
    var first: NodeIndex? {
        @inline(__always) get { firstSlot == 0 ? nil : NodeIndex(firstSlot) }
        @inline(__always) set { firstSlot = newValue?.raw ?? 0 }
    }
    var last: NodeIndex? {
        @inline(__always) get { lastSlot == 0 ? nil : NodeIndex(lastSlot) }
        @inline(__always) set { lastSlot = newValue?.raw ?? 0 }
    }
    var next: NodeIndex? {
        @inline(__always) get { nextSlot == 0 ? nil : NodeIndex(nextSlot) }
        @inline(__always) set { nextSlot = newValue?.raw ?? 0 }
    }
    var previous: NodeIndex? {
        @inline(__always) get { previousSlot == 0 ? nil : NodeIndex(previousSlot) }
        @inline(__always) set { previousSlot = newValue?.raw ?? 0 }
    }

    var hasChildren: Bool { firstSlot != 0 }
    var hasText: Bool { end > start }
    var isOpen: Bool { flags.contains(.open) }
}

/// List or list-item data (an item keeps the marker geometry that decides what continues it). Every
/// list and item has one, so its numbers take 32 bits (a start number has at most nine digits).
struct ListInfo {
    var ordered: Bool
    var bulletChar: UInt8
    var delimiter: UInt8
    var start: Int32
    var markerOffset: Int32
    var padding: Int32
}

/// Fenced or indented code: the fence, and the info string's address range.
struct CodeInfo {
    var fenceChar: UInt8 = 0
    var fenceLength: Int32 = 0
    var fenceOffset: Int32 = 0
    var infoStart: Int32 = 0
    var infoEnd: Int32 = 0
}

/// A link or image target: the destination and title as they mean (escapes and entities resolved) as
/// address ranges, and the address where the destination was written (for its source position).
struct LinkInfo {
    var destination: Range<Int32>
    var title: Range<Int32>
    var address: Int32
}

/// All of a parsed document: nodes, text and side tables. `source` holds the (sanitised) input;
/// `text` holds everything the parser had to copy or decode. Address `a < sourceCount` is
/// `source[a]`, otherwise `text[a - sourceCount]`.
///
/// The nodes, the text, the list and code data and the copied segments are `RawArray`s (they grow
/// without a second copy and without reference counting): the parsers own them while they run, the
/// document after that (it releases them).
struct Storage {
    var nodes: RawArray<NodeRecord>
    var source = SourceText([])
    var text: RawArray<UInt8>
    var lists = RawArray<ListInfo>(capacity: 16)
    var codes = RawArray<CodeInfo>(capacity: 16)
    var links: [LinkInfo] = []
    var tableAlignments: [[TableAlignment]] = []
    /// Footnote labels (normalised) for definition and reference nodes, by `data`.
    var footnoteLabels: [LinkLabel] = []
    /// (text address, source offset) for every line copied into `text`, in order, so a position in
    /// copied text can be traced back to the source.
    var copiedSegments = RawArray<(address: Int32, sourceOffset: Int32)>(capacity: 16)

    /// The length of the source; fixed before parsing (the bytes themselves join at the end, since the
    /// parsers read them through a pointer while they mutate this storage).
    let sourceCount: Int

    init(sourceCount: Int) {
        self.sourceCount = sourceCount
        // Generous for the nodes: pages never touched are never resident.
        nodes = RawArray(capacity: sourceCount / 4 + 64)
        nodes.append(NodeRecord(kind: .document))  // slot 0: no node
        text = RawArray(capacity: 1024)
    }

    mutating func release() {
        nodes.release()
        text.release()
        lists.release()
        codes.release()
        copiedSegments.release()
    }

    /// How much of each growing table there is: what the block pass made, before a leaf block's
    /// inlines are added.
    struct Mark {
        var nodes: Int
        var text: Int
        var links: Int
        var footnoteLabels: Int
    }

    var mark: Mark {
        Mark(nodes: nodes.count, text: text.count, links: links.count, footnoteLabels: footnoteLabels.count)
    }

    /// Forgets the inlines of `leaf` and everything added after `mark` (the inline parser only adds),
    /// so the next leaf block reuses the same memory.
    mutating func dropInlines(of leaf: NodeIndex, back mark: Mark) {
        self[leaf].first = nil
        self[leaf].last = nil
        nodes.truncate(to: mark.nodes)
        text.truncate(to: mark.text)
        if links.count > mark.links { links.removeSubrange(mark.links...) }
        if footnoteLabels.count > mark.footnoteLabels { footnoteLabels.removeSubrange(mark.footnoteLabels...) }
    }

    /// The address the next byte appended to `text` will have.
    var textTail: Int32 { Int32(sourceCount + text.count) }

    subscript(_ node: NodeIndex) -> NodeRecord {
        @inline(__always) unsafeAddress { UnsafePointer(nodes.base + node.slot) }
        @inline(__always) nonmutating unsafeMutableAddress { nodes.base + node.slot }
    }

    @inline(__always) mutating func makeNode(_ kind: NodeKind, position: Int32) -> NodeIndex {
        var record = NodeRecord(kind: kind)
        record.position = position
        nodes.append(record)
        return NodeIndex(nodes.count - 1)
    }

    @inline(__always) func kind(_ node: NodeIndex) -> NodeKind { self[node].kind }

    mutating func appendChild(_ parent: NodeIndex, _ child: NodeIndex) {
        self[child].parent = parent
        self[child].next = nil
        let last = self[parent].last
        self[child].previous = last
        if let last {
            self[last].next = child
        } else {
            self[parent].first = child
        }
        self[parent].last = child
    }

    /// Inserts `child` right after `sibling`.
    mutating func insertAfter(_ sibling: NodeIndex, _ child: NodeIndex) {
        let parent = self[sibling].parent
        let next = self[sibling].next
        self[child].parent = parent
        self[child].previous = sibling
        self[child].next = next
        self[sibling].next = child
        if let next {
            self[next].previous = child
        } else if let parent {
            self[parent].last = child
        }
    }

    /// Detaches a node from its parent and siblings (the record stays in the arena, unused).
    mutating func unlink(_ node: NodeIndex) {
        let previous = self[node].previous
        let next = self[node].next
        let parent = self[node].parent
        if let previous { self[previous].next = next } else if let parent { self[parent].first = next }
        if let next { self[next].previous = previous } else if let parent { self[parent].last = previous }
        self[node].previous = nil
        self[node].next = nil
        self[node].parent = nil
    }

    /// Makes `first...last` (siblings, in order) the children of `parent`, which has none yet.
    mutating func adopt(_ parent: NodeIndex, first: NodeIndex, last: NodeIndex) {
        self[parent].first = first
        self[parent].last = last
        self[first].previous = nil
        self[last].next = nil
        var child: NodeIndex? = first
        while let c = child {
            self[c].parent = parent
            child = self[c].next
        }
    }

    /// The bytes at `start..<end` as a fresh array.
    func bytes(_ start: Int32, _ end: Int32) -> [UInt8] {
        withBytes(start, end) { Array($0) }
    }

    /// Calls `body` with a pointer to the bytes at `start..<end` (relative indices 0..<count).
    @inline(__always)
    func withBytes<R>(_ start: Int32, _ end: Int32, _ body: (Bytes) -> R) -> R {
        let s = Int(start)
        let e = max(s, Int(end))
        if s < sourceCount {
            return source.withUnsafeBufferPointer { body(Bytes(rebasing: $0[s..<e])) }
        }
        return body(Bytes(start: text.base + (s - sourceCount), count: e - s))
    }

    /// The source byte offset an address corresponds to (approximate inside decoded text).
    func sourceOffset(ofAddress address: Int32) -> Int {
        let a = Int(address)
        if a < sourceCount { return a }
        // Last copied segment that starts at or before the address.
        var lo = 0
        var hi = copiedSegments.count - 1
        var found = -1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if Int(copiedSegments[mid].address) <= a {
                found = mid
                lo = mid + 1
            } else {
                hi = mid - 1
            }
        }
        guard found >= 0 else { return 0 }
        let segment = copiedSegments[found]
        return min(sourceCount, Int(segment.sourceOffset) + (a - Int(segment.address)))
    }
}
