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

struct NodeFlags {
    static let open: UInt8 = 1
    static let lastLineBlank: UInt8 = 2
    static let fenced: UInt8 = 4
    static let setext: UInt8 = 8
    static let tight: UInt8 = 16
    static let headerRow: UInt8 = 32
    static let ordered: UInt8 = 64
    /// An extended email autolink made while a bracket was open (undone if the bracket becomes a link).
    static let extendedAutolink: UInt8 = 2
    /// A list item that starts a GFM task; `level` holds 1 (unchecked) or 2 (checked).
    static let task: UInt8 = 128
}

/// One node. `start..<end` is its text (leaf content or inline literal) as an address into the text
/// store; `aux` indexes a side table (list, code or link data).
struct NodeRecord {
    var kind: NodeKind
    var flags: UInt8 = 0
    /// Heading level, HTML block kind, table cell alignment, task state.
    var level: UInt8 = 0
    var parent: Int32 = -1
    var first: Int32 = -1
    var last: Int32 = -1
    var next: Int32 = -1
    var prev: Int32 = -1
    var line: Int32 = 0
    var column: Int32 = 0
    var start: Int32 = 0
    var end: Int32 = 0
    var aux: Int32 = -1

    init(kind: NodeKind) { self.kind = kind }
}

/// List or list-item data (an item keeps the marker geometry that decides what continues it).
struct ListInfo {
    var ordered: Bool
    var bulletChar: UInt8
    var delimiter: UInt8
    var start: Int
    var markerOffset: Int
    var padding: Int
}

/// Fenced or indented code: the fence, and the info string's address range.
struct CodeInfo {
    var fenceChar: UInt8 = 0
    var fenceLength: Int = 0
    var fenceOffset: Int = 0
    var infoStart: Int32 = 0
    var infoEnd: Int32 = 0
}

/// A link or image destination and title, resolved (escapes and entities decoded), and where the
/// destination was written.
struct LinkInfo {
    var destination: [UInt8]
    var title: [UInt8]
    /// Address of the destination text in the store (for its source position), or -1.
    var address: Int32
}

/// All of a parsed document: nodes, text and side tables. `source` holds the (sanitised) input;
/// `text` holds everything the parser had to copy or decode. Address `a < source.count` is
/// `source[a]`, otherwise `text[a - source.count]`.
struct Storage {
    var nodes: [NodeRecord] = []
    var source: [UInt8]
    var text: [UInt8] = []
    var lists: [ListInfo] = []
    var codes: [CodeInfo] = []
    var links: [LinkInfo] = []
    var tableAlignments: [[TableAlignment]] = []
    /// Footnote labels (normalised) for definition and reference nodes, by `aux`.
    var footnoteLabels: [[UInt8]] = []
    /// (text address, source offset) for every line copied into `text`, in order, so a position in
    /// copied text can be traced back to the source.
    var copiedSegments: [(address: Int32, sourceOffset: Int32)] = []

    /// The length of the source; fixed before parsing (the bytes themselves join at the end, since the
    /// parsers read them through a pointer while they mutate this storage).
    let sourceCount: Int

    init(sourceCount: Int) {
        self.sourceCount = sourceCount
        self.source = []
    }

    /// The address the next byte appended to `text` will have.
    var textTail: Int32 { Int32(sourceCount + text.count) }

    mutating func makeNode(_ kind: NodeKind) -> Int32 {
        nodes.append(NodeRecord(kind: kind))
        return Int32(nodes.count - 1)
    }

    mutating func appendChild(_ parent: Int32, _ child: Int32) {
        let p = Int(parent)
        let c = Int(child)
        nodes[c].parent = parent
        nodes[c].next = -1
        let last = nodes[p].last
        nodes[c].prev = last
        if last >= 0 {
            nodes[Int(last)].next = child
        } else {
            nodes[p].first = child
        }
        nodes[p].last = child
    }

    /// Inserts `child` right after `sibling`.
    mutating func insertAfter(_ sibling: Int32, _ child: Int32) {
        let s = Int(sibling)
        let c = Int(child)
        let parent = nodes[s].parent
        let next = nodes[s].next
        nodes[c].parent = parent
        nodes[c].prev = sibling
        nodes[c].next = next
        nodes[s].next = child
        if next >= 0 {
            nodes[Int(next)].prev = child
        } else if parent >= 0 {
            nodes[Int(parent)].last = child
        }
    }

    /// Detaches a node from its parent and siblings (the record stays in the arena, unused).
    mutating func unlink(_ node: Int32) {
        let n = Int(node)
        let prev = nodes[n].prev
        let next = nodes[n].next
        let parent = nodes[n].parent
        if prev >= 0 { nodes[Int(prev)].next = next } else if parent >= 0 { nodes[Int(parent)].first = next }
        if next >= 0 { nodes[Int(next)].prev = prev } else if parent >= 0 { nodes[Int(parent)].last = prev }
        nodes[n].prev = -1
        nodes[n].next = -1
        nodes[n].parent = -1
    }

    /// The bytes at `start..<end` as a fresh array.
    func bytes(_ start: Int32, _ end: Int32) -> [UInt8] {
        let s = Int(start)
        let e = Int(end)
        if e <= s { return [] }
        let n = source.count
        if s < n { return Array(source[s..<e]) }
        return Array(text[(s - n)..<(e - n)])
    }


    /// The source byte offset an address corresponds to (approximate inside decoded text).
    func sourceOffset(ofAddress address: Int32) -> Int {
        let a = Int(address)
        if a < source.count { return a }
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
        return min(source.count, Int(segment.sourceOffset) + (a - Int(segment.address)))
    }
}
