import Foundation
import Parallel

/// An outline (bookmark) entry: a heading, its level and where it sits.
struct OutlineEntry {
    var level: Int
    var title: String
    var page: Int  // 0-based page index
    var y: Double  // distance from the top of the page
}

/// Writes finished pages as a PDF 1.7 file: catalog (with `/Lang` and the outline), page tree, shared
/// resources with the standard fonts in WinAnsiEncoding, one content stream per page, link annotations,
/// the outline tree and the `/Info` dictionary.
struct PDFAssembler {
    let style: DocumentStyle
    let metadata: DocumentMetadata
    /// Flate-compress the content streams.
    var compress = true

    func assemble(pages: [[DrawOp]], outline: [OutlineEntry], destinations: [String: (page: Int, y: Double)]) -> [UInt8] {
        var writer = PDFObjectWriter(capacity: pages.count * 12_000 + 8_192)
        let catalog = writer.reserve()
        let pagesRoot = writer.reserve()
        let info = writer.reserve()
        let resources = writer.reserve()

        let streamWriter = ContentStreamWriter(pageHeight: style.pageHeight) { font in
            Array("/F\(font.rawValue + 1)".utf8)
        }
        // Pages are independent: render (and compress) them in parallel.
        let compress = self.compress
        let rendered = Parallel.map(pages.count) { index in
            var page = streamWriter.write(pages[index])
            if compress { page.content = Deflate.zlib(page.content) }
            return page
        }
        var usedFonts = Set<StandardFont>()
        for page in rendered { usedFonts.formUnion(page.fonts) }
        let fonts = StandardFont.allCases.filter { usedFonts.contains($0) }
        var fontObjects: [StandardFont: Int] = [:]
        for font in fonts { fontObjects[font] = writer.reserve() }
        let pageObjects = pages.map { _ in writer.reserve() }
        let contentObjects = pages.map { _ in writer.reserve() }

        // Fonts and the resources every page shares.
        for font in fonts {
            var body: [UInt8] = []
            body.append("<< /Type /Font /Subtype /Type1 /BaseFont ")
            PDFSyntax.appendName(font.baseFontName, to: &body)
            body.append(" /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [")
            let widths = font.widths
            for code in 32...255 {
                // Unused codes get the width of the space, as readers substitute it anyway.
                PDFSyntax.appendInt(Int(widths[code] == 0 ? widths[32] : widths[code]), to: &body)
                body.append(code % 16 == 15 ? 0x0A : 0x20)
            }
            body.append("] >>")
            writer.write(fontObjects[font]!, body)
        }
        var resourceBody: [UInt8] = []
        resourceBody.append("<< /ProcSet [/PDF /Text] /Font <<")
        for font in fonts {
            resourceBody.append(contentsOf: Array(" /F\(font.rawValue + 1) ".utf8))
            PDFSyntax.appendInt(fontObjects[font]!, to: &resourceBody)
            resourceBody.append(" 0 R")
        }
        resourceBody.append(" >> >>")
        writer.write(resources, resourceBody)

        func destination(page: Int, y: Double, into out: inout [UInt8]) {
            out.append(0x5B)
            PDFSyntax.appendInt(pageObjects[page], to: &out)
            out.append(" 0 R /XYZ 0 ")
            PDFSyntax.appendNumber(min(style.pageHeight, style.pageHeight - y + 4), to: &out)
            out.append(" null]")
        }

        // Pages, their content and their links.
        for (index, page) in rendered.enumerated() {
            var annotations: [Int] = []
            for link in page.links {
                var body: [UInt8] = []
                body.append("<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect [")
                for (k, v) in [link.x1, link.y1, link.x2, link.y2].enumerated() {
                    if k > 0 { body.append(0x20) }
                    PDFSyntax.appendNumber(v, to: &body)
                }
                body.append("] ")
                switch link.target {
                case let .url(address):
                    body.append("/A << /S /URI /URI ")
                    PDFSyntax.appendLiteral(PDFAssembler.uriBytes(address), to: &body)
                    body.append(" >>")
                case let .anchor(name):
                    // A link to an anchor that does not exist is left out rather than broken.
                    guard let target = destinations[name] else { continue }
                    body.append("/Dest ")
                    destination(page: target.page, y: target.y, into: &body)
                }
                body.append(" >>")
                let number = writer.reserve()
                writer.write(number, body)
                annotations.append(number)
            }
            var body: [UInt8] = []
            body.append("<< /Type /Page /Parent ")
            PDFSyntax.appendInt(pagesRoot, to: &body)
            body.append(" 0 R /MediaBox [0 0 ")
            PDFSyntax.appendNumber(style.pageWidth, to: &body)
            body.append(0x20)
            PDFSyntax.appendNumber(style.pageHeight, to: &body)
            body.append("] /Resources ")
            PDFSyntax.appendInt(resources, to: &body)
            body.append(" 0 R /Contents ")
            PDFSyntax.appendInt(contentObjects[index], to: &body)
            body.append(" 0 R")
            if !annotations.isEmpty {
                body.append(" /Annots [")
                for (k, a) in annotations.enumerated() {
                    if k > 0 { body.append(0x20) }
                    PDFSyntax.appendInt(a, to: &body)
                    body.append(" 0 R")
                }
                body.append("]")
            }
            body.append(" >>")
            writer.write(pageObjects[index], body)
            writer.writeStream(contentObjects[index], data: page.content, flate: compress)
        }

        var tree: [UInt8] = []
        tree.append("<< /Type /Pages /Count ")
        PDFSyntax.appendInt(pages.count, to: &tree)
        tree.append(" /Kids [")
        for (k, object) in pageObjects.enumerated() {
            if k > 0 { tree.append(k % 10 == 0 ? 0x0A : 0x20) }
            PDFSyntax.appendInt(object, to: &tree)
            tree.append(" 0 R")
        }
        tree.append("] >>")
        writer.write(pagesRoot, tree)

        let outlineRoot = outline.isEmpty ? nil : writeOutline(outline, writer: &writer) { entry, out in
            destination(page: entry.page, y: entry.y, into: &out)
        }

        var catalogBody: [UInt8] = []
        catalogBody.append("<< /Type /Catalog /Pages ")
        PDFSyntax.appendInt(pagesRoot, to: &catalogBody)
        catalogBody.append(" 0 R /Lang ")
        PDFSyntax.appendTextString(metadata.language, to: &catalogBody)
        catalogBody.append(" /ViewerPreferences << /DisplayDocTitle true >>")
        if let outlineRoot {
            catalogBody.append(" /Outlines ")
            PDFSyntax.appendInt(outlineRoot, to: &catalogBody)
            catalogBody.append(" 0 R /PageMode /UseOutlines")
        }
        catalogBody.append(" >>")
        writer.write(catalog, catalogBody)

        var infoBody: [UInt8] = []
        infoBody.append("<< /Title ")
        PDFSyntax.appendTextString(metadata.title, to: &infoBody)
        infoBody.append(" /Author ")
        PDFSyntax.appendTextString(metadata.author, to: &infoBody)
        infoBody.append(" /Subject ")
        PDFSyntax.appendTextString(metadata.subject, to: &infoBody)
        if let keywords = metadata.keywords {
            infoBody.append(" /Keywords ")
            PDFSyntax.appendTextString(keywords, to: &infoBody)
        }
        infoBody.append(" /Creator ")
        PDFSyntax.appendTextString(metadata.creator, to: &infoBody)
        infoBody.append(" /Producer ")
        PDFSyntax.appendTextString(metadata.producer, to: &infoBody)
        let date = PDFSyntax.date(metadata.creationDate)
        infoBody.append(" /CreationDate ")
        PDFSyntax.appendTextString(date, to: &infoBody)
        infoBody.append(" /ModDate ")
        PDFSyntax.appendTextString(date, to: &infoBody)
        infoBody.append(" >>")
        writer.write(info, infoBody)

        return writer.finish(root: catalog, info: info)
    }

    /// Writes the outline tree (headings nested by level, all open) and returns the root's object number.
    private func writeOutline(_ entries: [OutlineEntry], writer: inout PDFObjectWriter,
                              destination: (OutlineEntry, inout [UInt8]) -> Void) -> Int {
        let root = writer.reserve()
        let objects = entries.map { _ in writer.reserve() }
        // parent[i] is the index of the entry's parent, or -1 for the root; a deeper level nests under
        // the nearest preceding entry of a lower level.
        var parent = [Int](repeating: -1, count: entries.count)
        var stack: [Int] = []
        for (i, entry) in entries.enumerated() {
            while let top = stack.last, entries[top].level >= entry.level { stack.removeLast() }
            parent[i] = stack.last ?? -1
            stack.append(i)
        }
        var children = [[Int]](repeating: [], count: entries.count)
        var topLevel: [Int] = []
        for i in entries.indices {
            if parent[i] < 0 { topLevel.append(i) } else { children[parent[i]].append(i) }
        }
        // Everything is open, so the count of an entry is the number of all its descendants.
        var descendants = [Int](repeating: 0, count: entries.count)
        for i in entries.indices.reversed() where parent[i] >= 0 { descendants[parent[i]] += 1 + descendants[i] }

        func ref(_ object: Int, into out: inout [UInt8]) {
            PDFSyntax.appendInt(object, to: &out)
            out.append(" 0 R")
        }
        func siblings(_ list: [Int], parentObject: Int) {
            for (k, i) in list.enumerated() {
                var body: [UInt8] = []
                body.append("<< /Title ")
                PDFSyntax.appendTextString(entries[i].title, to: &body)
                body.append(" /Parent "); ref(parentObject, into: &body)
                if k > 0 { body.append(" /Prev "); ref(objects[list[k - 1]], into: &body) }
                if k + 1 < list.count { body.append(" /Next "); ref(objects[list[k + 1]], into: &body) }
                if let first = children[i].first, let last = children[i].last {
                    body.append(" /First "); ref(objects[first], into: &body)
                    body.append(" /Last "); ref(objects[last], into: &body)
                    body.append(" /Count "); PDFSyntax.appendInt(descendants[i], to: &body)
                }
                body.append(" /Dest ")
                destination(entries[i], &body)
                body.append(" >>")
                writer.write(objects[i], body)
                siblings(children[i], parentObject: objects[i])
            }
        }
        siblings(topLevel, parentObject: root)
        var body: [UInt8] = []
        body.append("<< /Type /Outlines /First "); ref(objects[topLevel[0]], into: &body)
        body.append(" /Last "); ref(objects[topLevel[topLevel.count - 1]], into: &body)
        body.append(" /Count "); PDFSyntax.appendInt(entries.count, to: &body)
        body.append(" >>")
        writer.write(root, body)
        return root
    }

    /// A URI as 7-bit ASCII: bytes outside printable ASCII are percent-encoded.
    static func uriBytes(_ address: String) -> [UInt8] {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in address.utf8 {
            if b > 0x20 && b < 0x7F { out.append(b) } else { out.append(0x25); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)]) }
        }
        return out
    }
}
