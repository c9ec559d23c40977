/// Turns the structure elements and the content that pages marked for them into the PDF's structure
/// tree (ISO 32000-1, 14.7): `StructTreeRoot` with the `Document` element, every element that has
/// content (directly or below it) as a `StructElem` with its kids in reading order (MCIDs, `MCR`s for
/// content on another page, `OBJR`s for link annotations, child elements), and the `ParentTree` that maps
/// each page's MCIDs and each annotation back to its element. Elements without any content are left out;
/// a `Link` without an annotation (its target did not exist) becomes a `Span`.
struct StructureTreeWriter {
    private enum Kid {
        case element(Int)
        case mcid(page: Int, mcid: Int)
        case annotation(page: Int, object: Int)
    }

    private var elements: [StructureElement]
    private var kids: [[Kid]]
    private var attached: [Bool]
    /// Per page: the element of each MCID.
    private var mcids: [[Int]]
    private var annotations: [(object: Int, element: Int)] = []
    private var boxes: [Int: (page: Int, box: (Double, Double, Double, Double))] = [:]
    private var boxPages: [Int: Set<Int>] = [:]
    /// `/StructParents` of each page that has marked content; `/StructParent` of each annotation object.
    private(set) var pageKeys: [Int: Int] = [:]
    private(set) var annotationKeys: [Int: Int] = [:]

    init(structure: StructureTree, pageCount: Int) {
        elements = structure.elements
        kids = [[Kid]](repeating: [], count: elements.count)
        attached = [Bool](repeating: false, count: elements.count)
        attached[StructureTree.document] = true
        mcids = [[Int]](repeating: [], count: pageCount)
    }

    /// Puts an element (and its ancestors) into the tree, after what its parent already holds.
    mutating func touch(_ element: Int) {
        guard element >= 0 && element < elements.count, !attached[element] else { return }
        let parent = max(elements[element].parent, 0)
        touch(parent)
        kids[parent].append(.element(element))
        attached[element] = true
    }

    mutating func content(_ element: Int, page: Int, mcid: Int) {
        touch(element)
        kids[element].append(.mcid(page: page, mcid: mcid))
        while mcids[page].count <= mcid { mcids[page].append(element) }
        mcids[page][mcid] = element
    }

    mutating func annotation(_ element: Int, page: Int, object: Int) {
        touch(element)
        kids[element].append(.annotation(page: page, object: object))
        annotations.append((object, element))
    }

    /// A figure's bounding box on one page; a figure on several pages gets none.
    mutating func box(_ element: Int, page: Int, _ box: (Double, Double, Double, Double)) {
        boxPages[element, default: []].insert(page)
        boxes[element] = (page, box)
    }

    /// Writes the tree and returns the `StructTreeRoot` object; fills `pageKeys` and `annotationKeys`.
    mutating func write(into writer: inout PDFObjectWriter, pageObjects: [Int]) -> Int {
        let root = writer.reserve()
        var objects = [Int](repeating: 0, count: elements.count)
        for e in elements.indices where attached[e] { objects[e] = writer.reserve() }
        for (e, element) in elements.enumerated() where element.type == "Link" {
            if !kids[e].contains(where: { if case .annotation = $0 { return true } else { return false } }) {
                elements[e].type = "Span"
            }
        }

        // Parent tree keys: the pages with MCIDs first, then the annotations.
        var key = 0
        var nums: [(Int, [UInt8])] = []
        for (page, list) in mcids.enumerated() where !list.isEmpty {
            pageKeys[page] = key
            var value: [UInt8] = [0x5B]
            for (k, e) in list.enumerated() {
                if k > 0 { value.append(k % 12 == 0 ? 0x0A : 0x20) }
                PDFSyntax.appendInt(objects[e], to: &value)
                value.append(" 0 R")
            }
            value.append(0x5D)
            nums.append((key, value))
            key += 1
        }
        for (object, element) in annotations {
            annotationKeys[object] = key
            var value: [UInt8] = []
            PDFSyntax.appendInt(objects[element], to: &value)
            value.append(" 0 R")
            nums.append((key, value))
            key += 1
        }

        for e in elements.indices where attached[e] {
            let element = elements[e]
            var body: [UInt8] = []
            body.append("<< /Type /StructElem /S ")
            PDFSyntax.appendName(element.type, to: &body)
            body.append(" /P ")
            PDFSyntax.appendInt(e == StructureTree.document ? root : objects[max(element.parent, 0)], to: &body)
            body.append(" 0 R")
            // The page of the element's first content: MCIDs on it need no MCR dictionary.
            var firstPage: Int?
            for kid in kids[e] {
                if case .mcid(let page, _) = kid {
                    firstPage = page
                    break
                }
            }
            if let firstPage {
                body.append(" /Pg ")
                PDFSyntax.appendInt(pageObjects[firstPage], to: &body)
                body.append(" 0 R")
            }
            if let alt = element.alt {
                body.append(" /Alt ")
                PDFSyntax.appendTextString(alt, to: &body)
            }
            if let actual = element.actualText {
                body.append(" /ActualText ")
                PDFSyntax.appendTextString(actual, to: &body)
            }
            if let id = element.id {
                body.append(" /ID ")
                PDFSyntax.appendTextString(id, to: &body)
            }
            if let scope = element.scope {
                body.append(" /A << /O /Table /Scope /")
                body.append(contentsOf: Array(scope.utf8))
                body.append(" >>")
            } else if let numbering = element.listNumbering {
                body.append(" /A << /O /List /ListNumbering /")
                body.append(contentsOf: Array(numbering.utf8))
                body.append(" >>")
            } else if let box = boxes[e]?.box, boxPages[e]?.count == 1 {
                body.append(" /A << /O /Layout /BBox [")
                for (k, v) in [box.0, box.1, box.2, box.3].enumerated() {
                    if k > 0 { body.append(0x20) }
                    PDFSyntax.appendNumber(v, to: &body)
                }
                body.append("] /Placement /Block >>")
            }
            // A single kid is written on its own, not in an array (some checkers expect that of headings).
            let single = kids[e].count == 1
            body.append(single ? " /K " : " /K [")
            for (k, kid) in kids[e].enumerated() {
                if k > 0 { body.append(k % 8 == 0 ? 0x0A : 0x20) }
                switch kid {
                case .element(let child):
                    PDFSyntax.appendInt(objects[child], to: &body)
                    body.append(" 0 R")
                case .mcid(let page, let mcid):
                    if page == firstPage {
                        PDFSyntax.appendInt(mcid, to: &body)
                    } else {
                        body.append("<< /Type /MCR /Pg ")
                        PDFSyntax.appendInt(pageObjects[page], to: &body)
                        body.append(" 0 R /MCID ")
                        PDFSyntax.appendInt(mcid, to: &body)
                        body.append(" >>")
                    }
                case .annotation(let page, let object):
                    body.append("<< /Type /OBJR /Pg ")
                    PDFSyntax.appendInt(pageObjects[page], to: &body)
                    body.append(" 0 R /Obj ")
                    PDFSyntax.appendInt(object, to: &body)
                    body.append(" 0 R >>")
                }
            }
            body.append(single ? " >>" : "] >>")
            writer.write(objects[e], body)
        }

        let parentTree = writer.reserve()
        var tree: [UInt8] = []
        tree.append("<< /Nums [")
        for (k, (number, value)) in nums.enumerated() {
            tree.append(k == 0 ? 0x0A : 0x0A)
            PDFSyntax.appendInt(number, to: &tree)
            tree.append(0x20)
            tree.append(contentsOf: value)
        }
        tree.append("\n] >>")
        writer.write(parentTree, tree)

        var body: [UInt8] = []
        body.append("<< /Type /StructTreeRoot /K [")
        PDFSyntax.appendInt(objects[StructureTree.document], to: &body)
        body.append(" 0 R] /ParentTree ")
        PDFSyntax.appendInt(parentTree, to: &body)
        body.append(" 0 R /ParentTreeNextKey ")
        PDFSyntax.appendInt(key, to: &body)
        body.append(" >>")
        writer.write(root, body)
        return root
    }
}
