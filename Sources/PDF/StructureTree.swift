/// What a piece of page content is in the document's logical structure (tagged PDF, ISO 32000-1 14.7
/// and 14.8): part of a structure element, or an artifact that a screen reader skips.
enum Mark: Equatable {
    /// Real content of the structure element with this index in `StructureTree.elements`.
    case element(Int)
    /// Decoration: rules, backgrounds, underlines, leaders.
    case layout
    /// The running header, the page number and the table header repeated on a following page.
    case header
    case footer
    case repeated
}

/// One structure element: its standard type (`P`, `H2`, `TD`, ...), its parent and its attributes.
struct StructureElement {
    var type: String
    /// Index of the parent element; -1 for the root (`Document`).
    var parent: Int
    /// Alternative description (`Figure`, or what a link does).
    var alt: String?
    /// `Column` or `Row` for a `TH`.
    var scope: String?
    /// `Decimal`, `Disc` or `None` for an `L`: how its items are numbered.
    var listNumbering: String?
    /// The element's text when its content does not read well on its own.
    var actualText: String?
    /// A unique identifier (`Note`).
    var id: String?
    /// `BBox` of a `Figure`, in PDF coordinates, when all its content is on one page.
    var boundingBox: (page: Int, box: (Double, Double, Double, Double))?
}

/// The structure elements of a document in creation order (= reading order); index 0 is `Document`.
/// Content refers to an element by its index (`Mark.element`); the assembler turns the elements that
/// received content into the structure tree, in the order their content appears.
struct StructureTree {
    private(set) var elements: [StructureElement] = [StructureElement(type: "Document", parent: -1)]

    static let document = 0

    /// Adds an element below `parent` and returns its index.
    @discardableResult
    mutating func add(_ type: String, parent: Int, alt: String? = nil, scope: String? = nil, id: String? = nil) -> Int {
        elements.append(StructureElement(type: type, parent: parent, alt: alt, scope: scope, id: id))
        return elements.count - 1
    }

    subscript(index: Int) -> StructureElement {
        get { elements[index] }
        set { elements[index] = newValue }
    }
}
