import ContentModel
import Foundation
import Markdown

/// Inline Markdown of editor text (emphasis, strong, links, code, escapes) as report inlines, read from
/// the Markdown module's tree.
///
/// Links to other content files (`../themes/x.md`) keep their text and lose the link, since the report
/// stands on its own; web addresses stay clickable.
enum EditorInlines {
    /// A short text (a YAML field such as a theme's objective): its paragraphs' inlines, run together.
    static func parse(_ text: String) -> [ReportInline] {
        let document = Markdown.parse(text)
        var out: [ReportInline] = []
        for block in document.root.children {
            if !out.isEmpty { out.append(ReportInline(" ")) }
            out += inlines(of: block)
        }
        return merged(out)
    }

    /// The inlines below a block node (a paragraph, a heading, a table cell), styles resolved. A footnote
    /// reference becomes its number, pointing at the note (`notes` maps labels to numbers and anchors).
    static func inlines(of node: MarkdownNode, notes: [String: (number: Int, anchor: String)] = [:]) -> [ReportInline] {
        var out: [ReportInline] = []
        collect(node, bold: false, italic: false, link: nil, notes: notes, into: &out)
        return merged(out)
    }

    private static func collect(
        _ node: MarkdownNode, bold: Bool, italic: Bool, link: String?,
        notes: [String: (number: Int, anchor: String)], into out: inout [ReportInline]
    ) {
        for child in node.children {
            switch child.kind {
            case .text, .code:
                // "€ 240.000" never breaks after the euro sign (as DutchFormat writes it).
                var text = child.literal
                if text.contains("€ ") { text = text.replacingOccurrences(of: "€ ", with: "€\u{00A0}") }
                out.append(ReportInline(text, bold: bold, italic: italic, link: link))
            case .softBreak, .lineBreak:
                out.append(ReportInline(" ", bold: bold, italic: italic, link: link))
            case .emphasis:
                collect(child, bold: bold, italic: true, link: link, notes: notes, into: &out)
            case .strong:
                collect(child, bold: true, italic: italic, link: link, notes: notes, into: &out)
            case .link:
                let destination = child.destination ?? ""
                collect(
                    child, bold: bold, italic: italic, link: isExternal(destination) ? destination : link, notes: notes,
                    into: &out)
            case .image:
                // The report has no pictures: the description stands in.
                collect(child, bold: bold, italic: italic, link: link, notes: notes, into: &out)
            case .footnoteReference:
                if let label = child.footnoteLabel, let note = notes[label] {
                    var reference = ReportInline(String(note.number), bold: bold, italic: italic)
                    reference.note = note.anchor
                    out.append(reference)
                }
            case .htmlInline:
                continue
            default:
                collect(child, bold: bold, italic: italic, link: link, notes: notes, into: &out)
            }
        }
    }

    /// Neighbours in the same style become one run; leading and trailing spaces go.
    static func merged(_ inlines: [ReportInline]) -> [ReportInline] {
        var out: [ReportInline] = []
        for inline in inlines where !inline.text.isEmpty {
            if let last = out.last, last.bold == inline.bold, last.italic == inline.italic, last.link == inline.link,
                last.note == nil, inline.note == nil
            {
                out[out.count - 1].text += inline.text
            } else {
                out.append(inline)
            }
        }
        while let first = out.first, first.text.hasPrefix(" ") {
            out[0].text.removeFirst()
            if out[0].text.isEmpty { out.removeFirst() }
        }
        while let last = out.last, last.text.hasSuffix(" ") {
            out[out.count - 1].text.removeLast()
            if out[out.count - 1].text.isEmpty { out.removeLast() }
        }
        return out
    }

    static func isExternal(_ destination: String) -> Bool {
        destination.hasPrefix("http://") || destination.hasPrefix("https://") || destination.hasPrefix("mailto:")
    }

    /// The link of a `website` or `link` field in the report: the web address (also one written without
    /// `https://`, as the site links it), nil for a page of the site, which the report cannot link.
    static func webLink(_ address: String?) -> String? {
        address.map(WebAddress.full).flatMap { isExternal($0) ? $0 : nil }
    }
}
