import Foundation
import PDF

/// Reads back a PDF that we wrote (uncompressed objects, a classic cross-reference table) and checks
/// it: every xref offset must point at its `N 0 obj`, stream lengths must be right, the page tree and
/// the outline must be consistent. It also reads what tagged PDF adds: the structure tree with its
/// MCIDs and annotation references, the parent tree, the marked content around every text-showing
/// operator, the fonts with their `ToUnicode` maps (so `text` gives back Unicode), the XMP metadata.
/// For tests of this module and of the modules that build on it; not a general PDF parser.
public struct PDFInspector {
    /// What is wrong with a file, in words for the person running the tests.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// An outline entry as read back: its depth (1 = top level), title and 1-based target page.
    public struct OutlineItem: Equatable {
        public var level: Int
        public var title: String
        public var page: Int

        public init(level: Int, title: String, page: Int) {
            (self.level, self.title, self.page) = (level, title, page)
        }
    }

    /// A structure element: its type (`P`, `H2`, ...), parent (-1 for the top), children (indices into
    /// `structure`), the marked content it owns directly (page 1-based, MCID), the annotations it owns
    /// (object numbers) and its attributes.
    public struct Element {
        public var object: Int
        public var type: String
        public var parent: Int
        public var children: [Int] = []
        public var content: [(page: Int, mcid: Int)] = []
        public var annotations: [Int] = []
        public var alt: String?
        public var actualText: String?
        /// `/Scope` of a table header cell (`Column`, `Row`, `Both`).
        public var scope: String?
        /// `/ListNumbering` of a list.
        public var listNumbering: String?
        public var boundingBox: [Double]?
    }

    /// A text-showing operator (`Tj`, `TJ`, `'`, `"`) with what encloses it: the MCID of the innermost
    /// marked-content sequence that has one, and whether an `Artifact` sequence encloses it.
    public struct ShownText {
        public var text: String
        public var mcid: Int?
        public var inArtifact: Bool
        /// The tag of the innermost marked-content sequence.
        public var tag: String?
    }

    /// A link annotation: its object, page (1-based), `/Contents`, `/StructParent`, target.
    public struct LinkAnnotation {
        public var object: Int
        public var page: Int
        public var contents: String?
        public var structParent: Int?
        public var uri: String?
        public var flags: Int
    }

    /// A font resource: its `/BaseFont`, subtype, whether a font program is embedded and whether it
    /// has a `ToUnicode` map.
    public struct FontInfo: Equatable {
        public var baseFont: String
        public var subtype: String
        public var embedded: Bool
        public var hasToUnicode: Bool
    }

    public let bytes: [UInt8]
    /// Byte offset of each object, by number (index 0 unused).
    public private(set) var offsets: [Int] = []
    public private(set) var pageCount = 0
    public private(set) var outline: [OutlineItem] = []
    /// The `/Outlines` dictionary's `/Count`.
    public private(set) var outlineCount = 0
    /// The `/Info` entries, decoded (Title, Author, Subject, Producer, CreationDate, ...).
    public private(set) var info: [String: String] = [:]
    /// The catalog, parsed.
    public private(set) var catalog: [String: PDFValue] = [:]
    /// The catalog's `/Lang`.
    public private(set) var language: String?
    /// Link annotations: `/URI` targets and the number of internal `/Dest` links.
    public private(set) var uriLinks: [String] = []
    public private(set) var internalLinkCount = 0
    public private(set) var links: [LinkAnnotation] = []
    /// `/BaseFont` names of the fonts used.
    public private(set) var fonts: [String] = []
    public private(set) var fontInfo: [FontInfo] = []
    /// The content stream of each page, decompressed, as Latin-1 text.
    public private(set) var pageContents: [String] = []
    /// Object numbers of the pages, in order.
    public private(set) var pageObjects: [Int] = []
    /// Each page's dictionary.
    public private(set) var pages: [[String: PDFValue]] = []
    /// Every text-showing operator of every page, in content order.
    public private(set) var shownText: [[ShownText]] = []
    /// The structure elements, depth first from the root's kids; empty for an untagged file.
    public private(set) var structure: [Element] = []
    /// The parent tree, flattened: key → the element objects (an array for a page, one for an annotation).
    public private(set) var parentTree: [Int: [Int?]] = [:]
    /// The XMP metadata packet.
    public private(set) var metadata: String?

    /// The offset where the object starting at each offset ends.
    private var ends: [Int: Int] = [:]
    /// Per font resource object: how to turn its codes into text.
    private var decoders: [Int: FontDecoder] = [:]

    /// Parses and checks the file; throws the first inconsistency found.
    public init(_ data: Data) throws {
        try self.init(bytes: [UInt8](data))
    }

    public init(bytes: [UInt8]) throws {
        self.bytes = bytes
        guard bytes.starts(with: Array("%PDF-1.".utf8)) else { throw Problem(description: "geen PDF-kop %PDF-1.x") }
        let tail = text(max(bytes.count - 64, 0), bytes.count)
        guard let sx = tail.range(of: "startxref"), tail.hasSuffix("%%EOF\n") || tail.hasSuffix("%%EOF") else {
            throw Problem(description: "startxref of %%EOF ontbreekt aan het eind")
        }
        let xrefOffset =
            Int(tail[sx.upperBound...].split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first ?? "") ?? -1
        guard xrefOffset >= 0, xrefOffset < bytes.count, text(xrefOffset, xrefOffset + 4) == "xref" else {
            throw Problem(description: "startxref wijst niet naar 'xref'")
        }
        // Subsection header "0 N", then N entries of exactly 20 bytes.
        let header = text(xrefOffset, min(xrefOffset + 40, bytes.count)).split(separator: "\n")
        guard header.count > 1 else { throw Problem(description: "xref-tabel zonder kop") }
        let counts = header[1].split(separator: " ")
        guard counts.count == 2, counts[0] == "0", let size = Int(counts[1]) else {
            throw Problem(description: "onverwachte xref-kop '\(header[1])'")
        }
        var entryStart = xrefOffset + 5 + header[1].utf8.count + 1
        offsets = [0]
        for number in 0..<size {
            let entry = text(entryStart, entryStart + 20)
            guard entry.unicodeScalars.count == 20, entry.hasSuffix("\r\n") || entry.hasSuffix(" \n") else {
                throw Problem(description: "xref-regel \(number) is geen 20 bytes: '\(entry)'")
            }
            if number > 0 {
                guard entry.dropFirst(17).first == "n", let offset = Int(entry.prefix(10)) else {
                    throw Problem(description: "xref-regel \(number) is niet in gebruik")
                }
                let expected = "\(number) 0 obj"
                guard text(offset, offset + expected.utf8.count) == expected else {
                    throw Problem(
                        description: "xref-offset \(offset) van object \(number) wijst niet naar '\(expected)'")
                }
                offsets.append(offset)
            }
            entryStart += 20
        }
        let sorted = offsets.dropFirst().sorted() + [xrefOffset]
        for k in 0..<(sorted.count - 1) { ends[sorted[k]] = sorted[k + 1] }
        var trailerLexer = PDFLexer(bytes, at: entryStart)
        guard case .keyword("trailer")? = try trailerLexer.next(), let trailer = try trailerLexer.value()?.dictionary,
            let root = trailer["Root"]?.reference, let infoNumber = trailer["Info"]?.reference,
            trailer["Size"]?.int == size
        else {
            throw Problem(description: "trailer zonder /Root, /Info of met verkeerde /Size")
        }

        guard let catalog = try value(root).dictionary, catalog["Type"]?.name == "Catalog",
            let pagesRoot = catalog["Pages"]?.reference
        else {
            throw Problem(description: "catalogus zonder /Pages")
        }
        self.catalog = catalog
        language = catalog["Lang"]?.text
        let pageTree = try value(pagesRoot)
        let kids = pageTree["Kids"]?.array?.compactMap(\.reference) ?? []
        guard pageTree["Count"]?.int == kids.count else {
            throw Problem(
                description: "paginaboom: /Count \(pageTree["Count"]?.description ?? "?") maar \(kids.count) /Kids")
        }
        pageObjects = kids
        pageCount = kids.count
        var fontObjects: [Int] = []
        for kid in kids {
            guard let page = try value(kid).dictionary, page["Type"]?.name == "Page",
                page["Parent"]?.reference == pagesRoot
            else {
                throw Problem(description: "object \(kid) is geen pagina van de paginaboom")
            }
            pages.append(page)
            if let contents = page["Contents"]?.reference {
                pageContents.append(try streamText(contents))
            } else {
                pageContents.append("")
            }
            for annotation in try resolve(page["Annots"])?.array ?? [] {
                guard let number = annotation.reference, let a = try value(number).dictionary else { continue }
                guard a["Subtype"]?.name == "Link" else { continue }
                let uri = try resolve(a["A"])?["URI"]?.bytes.map { String(decoding: $0, as: UTF8.self) }
                if let uri { uriLinks.append(uri) }
                if let dest = a["Dest"]?.array, let target = dest.first?.reference {
                    guard kids.contains(target) else {
                        throw Problem(description: "link in object \(number) wijst niet naar een pagina")
                    }
                    internalLinkCount += 1
                }
                links.append(
                    LinkAnnotation(
                        object: number, page: pages.count, contents: a["Contents"]?.text,
                        structParent: a["StructParent"]?.int, uri: uri, flags: a["F"]?.int ?? 0))
            }
            if let resources = try resolve(page["Resources"]),
                let fontDictionary = try resolve(resources["Font"])?.dictionary
            {
                for (_, font) in fontDictionary {
                    if let number = font.reference, !fontObjects.contains(number) { fontObjects.append(number) }
                }
            }
        }
        for number in fontObjects {
            let font = try value(number)
            let baseFont = font["BaseFont"]?.name ?? "?"
            let subtype = font["Subtype"]?.name ?? "?"
            var embedded = false
            var descriptor = font["FontDescriptor"]
            if subtype == "Type0", let descendant = try resolve(font["DescendantFonts"])?.array?.first {
                descriptor = try resolve(descendant)?["FontDescriptor"]
            }
            if let d = try resolve(descriptor) {
                embedded = d["FontFile"] != nil || d["FontFile2"] != nil || d["FontFile3"] != nil
            }
            var decoder = FontDecoder(twoByte: subtype == "Type0", map: [:])
            if let toUnicode = font["ToUnicode"]?.reference {
                decoder.map = FontDecoder.parseCMap(
                    Array(try streamText(toUnicode).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
            }
            decoders[number] = decoder
            fontInfo.append(
                FontInfo(
                    baseFont: baseFont, subtype: subtype, embedded: embedded, hasToUnicode: font["ToUnicode"] != nil))
        }
        fonts = Array(Set(fontInfo.map(\.baseFont))).sorted()

        for (index, page) in pages.enumerated() {
            var names: [String: FontDecoder] = [:]
            if let resources = try resolve(page["Resources"]),
                let fontDictionary = try resolve(resources["Font"])?.dictionary
            {
                for (name, font) in fontDictionary { if let n = font.reference { names[name] = decoders[n] } }
            }
            shownText.append(
                try PDFInspector.showOperators(
                    in: Array(pageContents[index].unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }),
                    fonts: names))
        }

        if let outlines = catalog["Outlines"]?.reference {
            let root = try value(outlines)
            outlineCount = root["Count"]?.int ?? 0
            try walkOutline(first: root["First"]?.reference, level: 1, parent: outlines)
        }
        if let meta = catalog["Metadata"]?.reference {
            metadata = String(decoding: try streamBytes(meta), as: UTF8.self)
        }
        if let treeRoot = try resolve(catalog["StructTreeRoot"]) {
            try readStructure(treeRoot)
        }

        let infoObject = try value(infoNumber)
        for key in ["Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"] {
            if let value = infoObject[key]?.text { info[key] = value }
        }
    }

    private mutating func walkOutline(first: Int?, level: Int, parent: Int) throws {
        var next = first
        var seen = 0
        while let number = next {
            let item = try value(number)
            guard item["Parent"]?.reference == parent else {
                throw Problem(description: "bladwijzer \(number) heeft de verkeerde /Parent")
            }
            guard let target = item["Dest"]?.array?.first?.reference, let page = pageObjects.firstIndex(of: target)
            else {
                throw Problem(description: "bladwijzer \(number) wijst niet naar een pagina")
            }
            outline.append(OutlineItem(level: level, title: item["Title"]?.text ?? "", page: page + 1))
            try walkOutline(first: item["First"]?.reference, level: level + 1, parent: number)
            next = item["Next"]?.reference
            seen += 1
            if seen > offsets.count { throw Problem(description: "kringverwijzing in de bladwijzers") }
        }
    }

    /// Reads the structure tree depth first; checks that every element's `/P` is its parent.
    private mutating func readStructure(_ root: PDFValue) throws {
        if let tree = try resolve(root["ParentTree"]) {
            var nums: [PDFValue] = []
            func collect(_ node: PDFValue) throws {
                if let list = node["Nums"]?.array { nums += list }
                for kid in try resolve(node["Kids"])?.array ?? [] { if let k = try resolve(kid) { try collect(k) } }
            }
            try collect(tree)
            var i = 0
            while i + 1 < nums.count {
                if let key = nums[i].int {
                    if let list = try resolve(nums[i + 1])?.array {
                        parentTree[key] = list.map(\.reference)
                    } else {
                        parentTree[key] = [nums[i + 1].reference]
                    }
                }
                i += 2
            }
        }
        var visited = Set<Int>()
        func kids(_ value: PDFValue?) -> [PDFValue] {
            guard let value else { return [] }
            if case .array(let items) = value { return items }
            return [value]
        }
        func walk(_ number: Int, parent: Int, parentObject: Int?) throws {
            guard !visited.contains(number) else {
                throw Problem(description: "structuurelement \(number) komt twee keer voor")
            }
            visited.insert(number)
            let e = try value(number)
            if let parentObject, e["P"]?.reference != parentObject {
                throw Problem(description: "structuurelement \(number) heeft de verkeerde /P")
            }
            let pageNumbers = pageObjects
            let pageOf = { (v: PDFValue?) -> Int? in
                v?.reference.flatMap { pageNumbers.firstIndex(of: $0) }.map { $0 + 1 }
            }
            let defaultPage = pageOf(e["Pg"])
            var element = Element(object: number, type: e["S"]?.name ?? "?", parent: parent)
            element.alt = e["Alt"]?.text
            element.actualText = e["ActualText"]?.text
            for attributes in kids(try resolve(e["A"])) {
                let a = try resolve(attributes)
                if let scope = a?["Scope"]?.name { element.scope = scope }
                if let numbering = a?["ListNumbering"]?.name { element.listNumbering = numbering }
                if let box = a?["BBox"]?.array?.compactMap(\.number) { element.boundingBox = box }
            }
            let index = structure.count
            structure.append(element)
            if parent >= 0 { structure[parent].children.append(index) }
            for kid in kids(e["K"]) {
                if let mcid = kid.int {
                    guard let page = defaultPage else {
                        throw Problem(description: "MCID \(mcid) in element \(number) zonder /Pg")
                    }
                    structure[index].content.append((page, mcid))
                } else if let child = kid.reference {
                    let target = try value(child)
                    if target["Type"]?.name == "OBJR" {
                        if let annotation = target["Obj"]?.reference { structure[index].annotations.append(annotation) }
                    } else if target["Type"]?.name == "MCR" {
                        guard let mcid = target["MCID"]?.int, let page = pageOf(target["Pg"]) ?? defaultPage else {
                            continue
                        }
                        structure[index].content.append((page, mcid))
                    } else {
                        try walk(child, parent: index, parentObject: number)
                    }
                } else if let d = kid.dictionary {
                    if d["Type"]?.name == "OBJR", let annotation = d["Obj"]?.reference {
                        structure[index].annotations.append(annotation)
                    } else if d["Type"]?.name == "MCR", let mcid = d["MCID"]?.int,
                        let page = pageOf(d["Pg"]) ?? defaultPage
                    {
                        structure[index].content.append((page, mcid))
                    }
                }
            }
        }
        let rootObject = catalog["StructTreeRoot"]?.reference
        for kid in kids(root["K"]) {
            if let number = kid.reference { try walk(number, parent: -1, parentObject: rootObject) }
        }
    }

    // MARK: - Objects

    /// The object `number`, parsed (a stream gives its dictionary).
    public func value(_ number: Int) throws -> PDFValue {
        guard number > 0 && number < offsets.count else { throw Problem(description: "object \(number) bestaat niet") }
        var lexer = PDFLexer(bytes, at: offsets[number])
        _ = try lexer.next()
        _ = try lexer.next()
        guard case .keyword("obj")? = try lexer.next(), let value = try lexer.value() else {
            throw Problem(description: "object \(number) is niet te lezen")
        }
        return value
    }

    /// A value with a reference followed.
    public func resolve(_ value: PDFValue?) throws -> PDFValue? {
        guard let value else { return nil }
        if let number = value.reference { return try self.value(number) }
        return value
    }

    /// The text of object `number` between `N 0 obj` and `endobj` (streams included, as Latin-1).
    public func object(_ number: Int) throws -> String {
        guard number > 0 && number < offsets.count else { throw Problem(description: "object \(number) bestaat niet") }
        let start = offsets[number]
        // Objects need not be in number order in the file: the object ends where the next one starts.
        let end = ends[start] ?? bytes.count
        let body = text(start, end)
        guard let stop = body.range(of: "endobj") else { throw Problem(description: "object \(number) zonder endobj") }
        return String(body[..<stop.lowerBound])
    }

    /// The data of stream object `number`, checked against its `/Length` and decompressed when it has
    /// `/Filter /FlateDecode`.
    public func streamBytes(_ number: Int) throws -> [UInt8] {
        let dictionary = try value(number)
        guard let length = dictionary["Length"]?.int else {
            throw Problem(description: "object \(number) is geen stream met /Length")
        }
        let body = try object(number)
        guard let open = body.range(of: ">>\nstream\n") ?? body.range(of: ">>\r\nstream\r\n") else {
            throw Problem(description: "object \(number) is geen stream")
        }
        let start = offsets[number] + body[..<open.upperBound].unicodeScalars.count
        guard start + length <= bytes.count, text(start + length, start + length + 10) == "\nendstream" else {
            throw Problem(description: "/Length \(length) van stream \(number) klopt niet")
        }
        var data = Array(bytes[start..<start + length])
        if dictionary["Filter"]?.name == "FlateDecode" {
            do {
                data = try Inflate.zlib(data)
            } catch {
                throw Problem(description: "stream \(number) niet te decomprimeren: \(error)")
            }
        }
        return data
    }

    /// The stream's data as Latin-1 text.
    public func streamText(_ number: Int) throws -> String {
        String(String.UnicodeScalarView(try streamBytes(number).map { Unicode.Scalar($0) }))
    }

    private func text(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, bytes.count))
        let e = max(s, min(end, bytes.count))
        // Latin-1: every byte is one character, so binary stream data cannot break the parse.
        return String(String.UnicodeScalarView(bytes[s..<e].map { Unicode.Scalar($0) }))
    }

    // MARK: - Text

    /// The text of every page, pages separated by a form feed (as `pdftotext` does).
    public var text: String {
        pageCount == 0 ? "" : (1...pageCount).map { text(ofPage: $0) }.joined(separator: "\n\u{0C}")
    }

    /// The text shown on a page (1-based), one line per text-showing operator, in the order it is drawn;
    /// decoded through each font's `ToUnicode` map (or WinAnsi), the pieces of a `TJ` joined. For tests
    /// that look for words and figures in the PDF.
    public func text(ofPage page: Int) -> String {
        guard page >= 1 && page <= shownText.count else { return "" }
        return shownText[page - 1].map(\.text).joined(separator: "\n")
    }

    /// How to turn a font's codes into text.
    struct FontDecoder {
        var twoByte: Bool
        var map: [Int: String]

        func decode(_ bytes: [UInt8]) -> String {
            if twoByte {
                var out = ""
                var i = 0
                while i + 1 < bytes.count {
                    out += map[Int(bytes[i]) << 8 | Int(bytes[i + 1])] ?? "\u{FFFD}"
                    i += 2
                }
                return out
            }
            if map.isEmpty { return WinAnsiEncoding.decode(bytes) }
            return bytes.map { map[Int($0)] ?? WinAnsiEncoding.decode([$0]) }.joined()
        }

        /// The `bfchar` and `bfrange` entries of a `ToUnicode` CMap.
        static func parseCMap(_ data: [UInt8]) -> [Int: String] {
            var lexer = PDFLexer(data)
            var tokens: [PDFValue] = []
            while let token = try? lexer.next() { tokens.append(token) }
            func code(_ v: PDFValue) -> Int? { v.bytes.map { $0.reduce(0) { $0 << 8 | Int($1) } } }
            func unicode(_ v: PDFValue) -> String? {
                guard let b = v.bytes else { return nil }
                var units: [UInt16] = []
                var i = 0
                while i + 1 < b.count {
                    units.append(UInt16(b[i]) << 8 | UInt16(b[i + 1]))
                    i += 2
                }
                return String(decoding: units, as: UTF16.self)
            }
            var map: [Int: String] = [:]
            var i = 0
            while i < tokens.count {
                if case .keyword("beginbfchar") = tokens[i] {
                    i += 1
                    while i + 1 < tokens.count, tokens[i] != .keyword("endbfchar") {
                        if let c = code(tokens[i]), let u = unicode(tokens[i + 1]) { map[c] = u }
                        i += 2
                    }
                } else if case .keyword("beginbfrange") = tokens[i] {
                    i += 1
                    while i + 2 < tokens.count, tokens[i] != .keyword("endbfrange") {
                        if let low = code(tokens[i]), let high = code(tokens[i + 1]), low <= high {
                            if let first = unicode(tokens[i + 2])?.unicodeScalars.first?.value {
                                for c in low...high {
                                    map[c] = Unicode.Scalar(first + UInt32(c - low)).map { String($0) } ?? ""
                                }
                            }
                        }
                        i += 3
                    }
                }
                i += 1
            }
            return map
        }
    }

    static let contentOperators: Set<String> = [
        "b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c", "cm", "CS", "cs", "d", "d0", "d1", "Do", "DP", "EI",
        "EMC",
        "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "ID", "j", "J", "K", "k", "l", "m", "M", "MP", "n", "q",
        "Q",
        "re", "RG", "rg", "ri", "s", "S", "SC", "sc", "SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ",
        "TL", "Tm",
        "Tr", "Ts", "Tw", "Tz", "v", "w", "W", "W*", "y", "'", "\"",
    ]

    /// The text-showing operators of a content stream with their marked-content context.
    static func showOperators(in content: [UInt8], fonts: [String: FontDecoder]) throws -> [ShownText] {
        var lexer = PDFLexer(content)
        var operands: [PDFValue] = []
        // The open marked-content sequences: (tag, MCID).
        var stack: [(tag: String, mcid: Int?)] = []
        var font: FontDecoder?
        var out: [ShownText] = []
        func shown(_ text: String) {
            out.append(
                ShownText(
                    text: text, mcid: stack.last(where: { $0.mcid != nil })?.mcid,
                    inArtifact: stack.contains { $0.tag == "Artifact" }, tag: stack.last?.tag))
        }
        while let token = try lexer.value() {
            guard case .keyword(let op) = token else {
                operands.append(token)
                continue
            }
            switch op {
            case "BDC":
                let tag = operands.first?.name ?? "?"
                let properties = operands.count > 1 ? operands[1] : .null
                stack.append((tag, properties["MCID"]?.int))
            case "BMC":
                stack.append((operands.first?.name ?? "?", nil))
            case "EMC":
                guard !stack.isEmpty else { throw Problem(description: "EMC zonder BDC of BMC") }
                stack.removeLast()
            case "Tf":
                font = operands.first?.name.flatMap { fonts[$0] }
            case "Tj", "'", "\"":
                let decoded = operands.last?.bytes.map { font?.decode($0) ?? WinAnsiEncoding.decode($0) } ?? ""
                shown(decoded)
            case "TJ":
                var text = ""
                for item in operands.last?.array ?? [] {
                    if let b = item.bytes { text += font?.decode(b) ?? WinAnsiEncoding.decode(b) }
                }
                shown(text)
            default:
                // Every other operator must be one of the PDF's (ISO 32000-1, Annex A): anything else is damage.
                guard PDFInspector.contentOperators.contains(op) else {
                    throw Problem(description: "onbekende operator '\(op)' in een content stream")
                }
            }
            operands = []
        }
        if !stack.isEmpty { throw Problem(description: "\(stack.count) marked-content-reeks(en) niet gesloten") }
        return out
    }
}
