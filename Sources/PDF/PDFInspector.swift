import Foundation

/// Reads back the structure of a PDF that we wrote (uncompressed objects, a classic cross-reference
/// table) and checks it: every xref offset must point at its `N 0 obj`, the page tree and the outline
/// must be consistent. For tests of this module and of the modules that build on it; not a general
/// PDF parser.
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
    /// The catalog's `/Lang`.
    public private(set) var language: String?
    /// Link annotations: `/URI` targets and the number of internal `/Dest` links.
    public private(set) var uriLinks: [String] = []
    public private(set) var internalLinkCount = 0
    /// `/BaseFont` names of the fonts used.
    public private(set) var fonts: [String] = []
    /// The content stream of each page, decompressed, as Latin-1 text.
    public private(set) var pageContents: [String] = []
    /// The offset where the object starting at each offset ends.
    private var ends: [Int: Int] = [:]
    /// Object numbers of the pages, in order.
    public private(set) var pageObjects: [Int] = []

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
        let xrefOffset = Int(tail[sx.upperBound...].split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first ?? "") ?? -1
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
                    throw Problem(description: "xref-offset \(offset) van object \(number) wijst niet naar '\(expected)'")
                }
                offsets.append(offset)
            }
            entryStart += 20
        }
        let sorted = offsets.dropFirst().sorted() + [xrefOffset]
        for k in 0..<(sorted.count - 1) { ends[sorted[k]] = sorted[k + 1] }
        let trailer = text(entryStart, bytes.count)
        guard trailer.hasPrefix("trailer"), let root = PDFInspector.reference("Root", in: trailer),
              let infoNumber = PDFInspector.reference("Info", in: trailer),
              PDFInspector.integer("Size", in: trailer) == size else {
            throw Problem(description: "trailer zonder /Root, /Info of met verkeerde /Size")
        }

        let catalog = try object(root)
        guard catalog.contains("/Type /Catalog"), let pagesRoot = PDFInspector.reference("Pages", in: catalog) else {
            throw Problem(description: "catalogus zonder /Pages")
        }
        language = PDFInspector.string("Lang", in: catalog)
        let pages = try object(pagesRoot)
        let declared = PDFInspector.integer("Count", in: pages) ?? -1
        let kids = PDFInspector.references(after: "/Kids", in: pages)
        guard declared == kids.count else {
            throw Problem(description: "paginaboom: /Count \(declared) maar \(kids.count) /Kids")
        }
        var fontNames = Set<String>()
        for kid in kids {
            let page = try object(kid)
            guard page.contains("/Type /Page "), PDFInspector.reference("Parent", in: page) == pagesRoot else {
                throw Problem(description: "object \(kid) is geen pagina van de paginaboom")
            }
            if let contents = PDFInspector.reference("Contents", in: page) {
                pageContents.append(try streamText(contents))
            }
            for annotation in PDFInspector.references(after: "/Annots", in: page) {
                let a = try object(annotation)
                if let uri = PDFInspector.string("URI", in: a) { uriLinks.append(uri) }
                if let dest = a.range(of: "/Dest ["), let target = Int(a[dest.upperBound...].prefix { $0.isNumber }) {
                    guard kids.contains(target) else { throw Problem(description: "link in object \(annotation) wijst niet naar een pagina") }
                    internalLinkCount += 1
                }
            }
            if let resources = PDFInspector.reference("Resources", in: page) {
                let r = try object(resources)
                if let fontStart = r.range(of: "/Font <<") {
                    for font in PDFInspector.references(after: "/Font", in: String(r[fontStart.lowerBound...])) {
                        if let name = try object(font).components(separatedBy: "/BaseFont /").dropFirst().first?
                            .split(separator: " ").first {
                            fontNames.insert(String(name))
                        }
                    }
                }
            }
        }
        pageCount = kids.count
        pageObjects = kids
        fonts = fontNames.sorted()

        if let outlines = PDFInspector.reference("Outlines", in: catalog) {
            let root = try object(outlines)
            outlineCount = PDFInspector.integer("Count", in: root) ?? 0
            try walkOutline(first: PDFInspector.reference("First", in: root), level: 1, parent: outlines)
        }

        let infoObject = try object(infoNumber)
        for key in ["Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"] {
            if let value = PDFInspector.string(key, in: infoObject) { info[key] = value }
        }
    }

    private mutating func walkOutline(first: Int?, level: Int, parent: Int) throws {
        var next = first
        var seen = 0
        while let number = next {
            let item = try object(number)
            guard PDFInspector.reference("Parent", in: item) == parent else {
                throw Problem(description: "bladwijzer \(number) heeft de verkeerde /Parent")
            }
            guard let dest = item.range(of: "/Dest ["),
                  let target = Int(item[dest.upperBound...].prefix { $0.isNumber }),
                  let page = pageObjects.firstIndex(of: target) else {
                throw Problem(description: "bladwijzer \(number) wijst niet naar een pagina")
            }
            outline.append(OutlineItem(level: level, title: PDFInspector.string("Title", in: item) ?? "", page: page + 1))
            try walkOutline(first: PDFInspector.reference("First", in: item), level: level + 1, parent: number)
            next = PDFInspector.reference("Next", in: item)
            seen += 1
            if seen > offsets.count { throw Problem(description: "kringverwijzing in de bladwijzers") }
        }
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

    /// The text of every page, pages separated by a form feed (as `pdftotext` does).
    public var text: String {
        pageCount == 0 ? "" : (1...pageCount).map { text(ofPage: $0) }.joined(separator: "\n\u{0C}")
    }

    /// The text shown on a page (1-based), one line per text operator, in the order it is drawn; WinAnsi
    /// decoded, kerning pieces of a `TJ` joined. For tests that look for words and figures in the PDF.
    public func text(ofPage page: Int) -> String {
        guard page >= 1 && page <= pageContents.count else { return "" }
        let content = Array(pageContents[page - 1].unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        var lines: [String] = []
        var current: [UInt8] = []
        var i = 0
        while i < content.count {
            let c = content[i]
            if c == 0x28 {  // a literal string, with nesting and escapes
                var depth = 0
                i += 1
                while i < content.count {
                    let b = content[i]
                    if b == 0x5C, i + 1 < content.count {
                        let e = content[i + 1]
                        current.append(e == 0x6E ? 0x0A : e == 0x72 ? 0x0D : e)
                        i += 2
                        continue
                    }
                    if b == 0x28 { depth += 1 } else if b == 0x29 { if depth == 0 { break }; depth -= 1 }
                    current.append(b)
                    i += 1
                }
            } else if c == 0x54, i + 1 < content.count, content[i + 1] == 0x6A || content[i + 1] == 0x4A {  // Tj, TJ
                lines.append(WinAnsiEncoding.decode(current))
                current = []
                i += 1
            }
            i += 1
        }
        return lines.joined(separator: "\n")
    }

    /// The data of stream object `number`, checked against its `/Length` and decompressed when it has
    /// `/Filter /FlateDecode`.
    public func streamText(_ number: Int) throws -> String {
        let body = try object(number)
        guard let length = PDFInspector.integer("Length", in: body), let open = body.range(of: ">>\nstream\n") else {
            throw Problem(description: "object \(number) is geen stream met /Length")
        }
        let start = offsets[number] + body[..<open.upperBound].unicodeScalars.count
        guard start + length <= bytes.count, text(start + length, start + length + 10) == "\nendstream" else {
            throw Problem(description: "/Length \(length) van stream \(number) klopt niet")
        }
        var data = Array(bytes[start..<start + length])
        if body.contains("/Filter /FlateDecode") {
            do {
                data = try Inflate.zlib(data)
            } catch {
                throw Problem(description: "stream \(number) niet te decomprimeren: \(error)")
            }
        }
        return String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
    }

    private func text(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, bytes.count)), e = max(s, min(end, bytes.count))
        // Latin-1: every byte is one character, so binary stream data cannot break the parse.
        return String(String.UnicodeScalarView(bytes[s..<e].map { Unicode.Scalar($0) }))
    }

    static func reference(_ key: String, in dictionary: String) -> Int? {
        guard let range = dictionary.range(of: "/\(key) ") else { return nil }
        let parts = dictionary[range.upperBound...].split(separator: " ", maxSplits: 3)
        guard parts.count >= 3, parts[1] == "0", parts[2].hasPrefix("R") else { return nil }
        return Int(parts[0])
    }

    static func integer(_ key: String, in dictionary: String) -> Int? {
        guard let range = dictionary.range(of: "/\(key) ") else { return nil }
        let token = dictionary[range.upperBound...].prefix { $0 == "-" || $0.isNumber }
        return Int(token)
    }

    static func references(after key: String, in dictionary: String) -> [Int] {
        guard let range = dictionary.range(of: key) else { return [] }
        let rest = dictionary[range.upperBound...]
        let open = rest.firstIndex(where: { $0 == "[" || $0 == "<" }) ?? rest.startIndex
        let close = rest[open...].firstIndex(where: { $0 == "]" || $0 == ">" }) ?? rest.endIndex
        let tokens = rest[open..<close].dropFirst().split(whereSeparator: { $0 == " " || $0 == "\n" })
        var result: [Int] = []
        var i = 0
        while i + 2 < tokens.count {
            if tokens[i + 1] == "0", tokens[i + 2] == "R", let n = Int(tokens[i]) {
                result.append(n)
                i += 3
            } else {
                i += 1
            }
        }
        return result
    }

    /// A string value: a literal `( ... )` (escapes undone) or UTF-16BE hex `<FEFF ...>`.
    static func string(_ key: String, in dictionary: String) -> String? {
        // "/S /URI /URI (...)": the first match may be a value that merely looks like the key.
        var searchFrom = dictionary.startIndex
        while let range = dictionary.range(of: "/\(key) ", range: searchFrom..<dictionary.endIndex) {
            if let value = stringValue(dictionary[range.upperBound...]) { return value }
            searchFrom = range.upperBound
        }
        return nil
    }

    private static func stringValue(_ rest: Substring) -> String? {
        if rest.first == "(" {
            var out = ""
            var escaped = false
            var depth = 0
            for c in rest.dropFirst() {
                if escaped {
                    out.append(c == "n" ? "\n" : c == "r" ? "\r" : c)
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "(" {
                    depth += 1; out.append(c)
                } else if c == ")" {
                    if depth == 0 { return out }
                    depth -= 1; out.append(c)
                } else {
                    out.append(c)
                }
            }
            return nil
        }
        if rest.hasPrefix("<FEFF"), let close = rest.firstIndex(of: ">") {
            let hex = Array(rest[rest.index(rest.startIndex, offsetBy: 5)..<close].utf8)
            var units: [UInt16] = []
            var i = 0
            while i + 3 < hex.count {
                units.append(UInt16(String(decoding: hex[i..<i + 4], as: UTF8.self), radix: 16) ?? 0x3F)
                i += 4
            }
            return String(decoding: units, as: UTF16.self)
        }
        return nil
    }
}
