import Escaping
import Markdown
import Templates

/// An entry of a page's table of contents: a `##` heading of the body with the `###` headings under it.
struct TOCEntry: Sendable, Equatable {
    var id: String
    var title: String
    var children: [TOCEntry] = []
}

/// What the site adds to a rendered Markdown body: after every heading a "link to this section" control,
/// every table in a box that scrolls sideways on its own, and the table of contents of the headings.
/// The HTML comes from our renderer (`MarkdownBridge.options`, ids on headings), so the tags are found by
/// their exact spelling; raw HTML an editor wrote is left alone unless it is spelled the same way.
enum BodyDecoration {
    /// Start of the hidden text of a heading's link; the heading's text follows.
    static let anchorLabel = "Link naar dit onderdeel: "

    /// `bytes` (a body's HTML) decorated, and the table of contents of `headings` (the document's, in
    /// order). Bytes in, so the HTML becomes a `String` (and is checked as UTF-8) once.
    static func decorate(_ bytes: [UInt8], headings: [MarkdownHeading]) -> (html: String, toc: [TOCEntry]) {
        var toc: [TOCEntry] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let entry = TOCEntry(id: heading.id, title: heading.text)
            if heading.level == 3, !toc.isEmpty {
                toc[toc.count - 1].children.append(entry)
            } else {
                toc.append(entry)
            }
        }
        // Nothing to do for the many bodies without headings or tables: one scan, no copy.
        guard !headings.isEmpty || ByteSearch.firstIndex(of: tableOpen, in: bytes) != nil else {
            return (String(decoding: bytes, as: UTF8.self), toc)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + headings.count * 160 + 64)
        var position = 0
        var pending = headings[...]
        var tables = 0
        var tableDepth = 0
        // The next table tags, looked for again only once passed: a body's every heading would otherwise
        // scan the rest of it for a table it does not have.
        var tableStart: Int? = -1
        var tableEnd: Int? = -1
        while position < bytes.count {
            // The next heading of the document, else the next table tag, whichever comes first.
            var headingStart: (Int, [UInt8])?
            while headingStart == nil, let heading = pending.first {
                let open = Array("<h\(heading.level) id=\"".utf8) + escapedID(heading.id) + [0x22, 0x3E]
                if let at = ByteSearch.firstIndex(of: open, in: bytes, from: position) {
                    headingStart = (at, open)
                } else {
                    pending.removeFirst()
                }
            }
            if let at = tableStart, at < position {
                tableStart = ByteSearch.firstIndex(of: tableOpen, in: bytes, from: position)
            }
            if let at = tableEnd, at < position {
                tableEnd = ByteSearch.firstIndex(of: tableClose, in: bytes, from: position)
            }
            let nextTable = [tableStart, tableDepth > 0 ? tableEnd : nil].compactMap { $0 }.min()
            if let (start, open) = headingStart, nextTable.map({ start < $0 }) ?? true {
                let heading = pending.removeFirst()
                let close = Array("</h\(heading.level)>".utf8)
                guard let end = ByteSearch.firstIndex(of: close, in: bytes, from: start + open.count) else { break }
                out += bytes[position..<start]
                out += Array("<div class=\"kop kop-\(heading.level)\">".utf8)
                out += bytes[start..<(end + close.count)]
                out += Array("<a class=\"anker\" href=\"#".utf8) + escapedID(heading.id)
                out += Array("\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">".utf8)
                HTMLEscaper.append(anchorLabel + heading.text, to: &out)
                out += Array("</span></a></div>".utf8)
                position = end + close.count
            } else if let at = nextTable {
                out += bytes[position..<at]
                if at == tableStart {
                    tables += 1
                    tableDepth += 1
                    out += Array(
                        "<div class=\"table-scroll\" role=\"region\" aria-label=\"Tabel \(tables)\" tabindex=\"0\">\n"
                            .utf8)
                    out += tableOpen
                    position = at + tableOpen.count
                } else {
                    tableDepth -= 1
                    out += tableClose
                    out += Array("</div>\n".utf8)
                    position = at + tableClose.count
                }
            } else {
                break
            }
        }
        out += bytes[position...]
        if tables > 0 { out = alignedWithCSS(out) }
        return (String(decoding: out, as: UTF8.self), toc)
    }

    /// The cells of a Markdown table with a column alignment (`| ---: |`) as the Markdown renderer writes
    /// them, `<td align="right">` like cmark-gfm, with the alignment as CSS: `align` is obsolete in HTML and
    /// an error for the Nu HTML Checker, which checks every page.
    static func alignedWithCSS(_ bytes: [UInt8]) -> [UInt8] {
        // One pass over the ` align="` the body holds (a pass per cell kind and side read it six times).
        guard var at = ByteSearch.firstIndex(of: alignMarker, in: bytes, from: 0) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var position = 0
        while true {
            let value = at + alignMarker.count
            // Exactly `<td align="right">` or `<th …>`, as the Markdown renderer writes them.
            if at >= 3, bytes[at - 3] == UInt8(ascii: "<"), bytes[at - 2] == UInt8(ascii: "t"),
                bytes[at - 1] == UInt8(ascii: "d") || bytes[at - 1] == UInt8(ascii: "h"),
                let side = alignSides.first(where: { bytes[value...].starts(with: $0) })
            {
                out += bytes[position..<at]
                out += styleStart
                out += side
                position = value + side.count
            }
            guard let next = ByteSearch.firstIndex(of: alignMarker, in: bytes, from: value) else { break }
            at = next
        }
        out += bytes[position...]
        return out
    }

    private static let alignMarker = Array(" align=\"".utf8)
    private static let styleStart = Array(" style=\"text-align: ".utf8)
    /// The values the renderer writes, each with the end of its tag.
    private static let alignSides = ["left", "center", "right"].map { Array("\($0)\">".utf8) }

    private static let tableOpen = Array("<table>\n".utf8)
    private static let tableClose = Array("</table>\n".utf8)

    private static func escapedID(_ id: String) -> [UInt8] {
        var out: [UInt8] = []
        HTMLEscaper.append(id, style: .commonMark, to: &out)
        return out
    }

}

extension TOCEntry {
    /// `{id, title, children}` for the templates.
    var value: Value {
        .object([("id", .string(id)), ("title", .string(title)), ("children", .list(children.map(\.value)))])
    }
}
