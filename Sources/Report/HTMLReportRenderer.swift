import Escaping
import Foundation

/// Writes the report model as one self-contained HTML file: styles inline, charts in HTML and CSS, no
/// external requests. Print CSS lays it out on A4 (see `ReportStyleSheet`).
enum HTMLReportRenderer {
    static func render(_ report: ReportDocument) -> String {
        var out = ""
        out.reserveCapacity(256 * 1024)
        out += "<!DOCTYPE html>\n<html lang=\"nl-NL\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(escape(report.title)) · \(escape(report.author))</title>\n"
        out += "<meta name=\"author\" content=\"\(escape(report.author))\">\n"
        out += "<meta name=\"description\" content=\"\(escape(report.title)) van \(escape(report.author))\">\n"
        out += "<meta name=\"generator\" content=\"breingen\">\n"
        let head = out
        out = "</head>\n<body>\n"

        // Cover.
        out +=
            "<header class=\"cover\">\n<div class=\"band\">\n<h1 class=\"cover-title\">\(escape(report.title))</h1>\n"
        if let subtitle = report.subtitle { out += "<p class=\"cover-subtitle\">\(escape(subtitle))</p>\n" }
        out += "</div>\n"
        for line in report.coverLines { out += "<p class=\"cover-line\">\(escape(line))</p>\n" }
        out += "</header>\n"

        // Contents: chapters and their sections.
        out +=
            "<nav class=\"toc\" aria-labelledby=\"inhoud\">\n<h2 id=\"inhoud\" class=\"toc-title\">Inhoud</h2>\n<ol>\n"
        for section in [report.foreword].compactMap({ $0 }) + report.chapters {
            out += "<li class=\"toc-1\"><a href=\"#\(section.anchor)\">\(numbered(section))</a>"
            let children = section.subsections.filter(\.numbered)
            if !children.isEmpty {
                out += "\n<ol>\n"
                for child in children {
                    out += "<li class=\"toc-2\"><a href=\"#\(child.anchor)\">\(numbered(child))</a></li>\n"
                }
                out += "</ol>\n"
            }
            out += "</li>\n"
        }
        out += "</ol>\n</nav>\n<main>\n"

        if let foreword = report.foreword { section(foreword, into: &out) }
        for chapter in report.chapters { section(chapter, into: &out) }
        out += "</main>\n</body>\n</html>\n"
        // The style sheet goes in last: its fonts hold the characters the report uses.
        let css =
            "<style>\n"
            + ReportStyleSheet.css(runningHeader: report.runningHeader, typography: report.typography, text: out)
            + "</style>\n"
        return head + css + out
    }

    private static func numbered(_ section: ReportSection) -> String {
        guard let number = section.number else { return escape(section.title) }
        return "<span class=\"num\">\(escape(number))</span> \(escape(section.title))"
    }

    private static func section(_ section: ReportSection, into out: inout String) {
        let level = min(section.level + 1, 6)  // h1 is the cover title
        if section.level == 1 {
            out += "<section class=\"chapter\" data-title=\"\(escape(section.title))\">\n"
        } else {
            out += "<section>\n"
        }
        out += "<h\(level) id=\"\(section.anchor)\">\(numbered(section))</h\(level)>\n"
        for block in section.blocks { render(block, level: level, into: &out) }
        for child in section.subsections { self.section(child, into: &out) }
        out += "</section>\n"
    }

    private static func render(_ block: ReportBlock, level: Int, into out: inout String) {
        switch block {
        case .paragraph(let inlines):
            out += "<p>" + html(inlines) + "</p>\n"
        case .subheading(let text):
            let h = min(level + 1, 6)
            out += "<h\(h) class=\"minor\">\(escape(text))</h\(h)>\n"
        case .list(let list):
            render(list, into: &out)
        case .table(let table):
            // A wide table scrolls in its own box on a narrow screen; the box is named after the caption
            // and reachable with the keyboard.
            out +=
                "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(escape(table.caption ?? "Tabel"))\">\n<table>\n"
            if let caption = table.caption { out += "<caption>\(escape(caption))</caption>\n" }
            if !table.header.allSatisfy(\.isEmpty) {
                out += "<thead><tr>"
                for (i, cell) in table.header.enumerated() {
                    out += "<th scope=\"col\"\(alignClass(table, i))>\(escape(cell))</th>"
                }
                out += "</tr></thead>\n"
            }
            out += "<tbody>\n"
            for row in table.rows {
                let classes = (row.bold ? ["total"] : []) + (row.warning ? ["warning"] : [])
                out += classes.isEmpty ? "<tr>" : "<tr class=\"\(classes.joined(separator: " "))\">"
                for (i, cell) in row.cells.enumerated() {
                    out +=
                        i == 0
                        ? "<th scope=\"row\">\(escape(cell))</th>" : "<td\(alignClass(table, i))>\(escape(cell))</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n</div>\n"
        case .chart(let chart):
            out += HTMLBarChart.render(chart)
        case .callout(let callout):
            let kind: String
            switch callout.kind {
            case .note: kind = "note"
            case .success: kind = "success"
            case .warning: kind = "warning"
            }
            let role = callout.kind == .warning ? " role=\"alert\"" : ""
            out += "<p class=\"callout \(kind)\"\(role)>" + html(callout.inlines) + "</p>\n"
        case .notes(let notes):
            out += "<aside class=\"notes\" aria-label=\"Noten\">\n<ol>\n"
            for note in notes {
                out += "<li id=\"\(note.anchor)\" value=\"\(note.number)\">" + html(note.inlines) + "</li>\n"
            }
            out += "</ol>\n</aside>\n"
        case .signature(let name, let role):
            out += "<p class=\"signature\"><strong>\(escape(name))</strong>"
            if let role { out += "<br><em>\(escape(role))</em>" }
            out += "</p>\n"
        }
    }

    private static func alignClass(_ table: ReportTable, _ index: Int) -> String {
        index < table.alignments.count && table.alignments[index] == .right ? " class=\"amount\"" : ""
    }

    private static func render(_ list: ReportList, into out: inout String) {
        out += list.ordered ? "<ol>\n" : "<ul>\n"
        for item in list.items {
            out += "<li>" + html(item.inlines)
            if let children = item.children {
                out += "\n"
                render(children, into: &out)
            }
            out += "</li>\n"
        }
        out += list.ordered ? "</ol>\n" : "</ul>\n"
    }

    static func html(_ inlines: [ReportInline]) -> String {
        var out = ""
        for inline in inlines {
            var piece = escape(inline.text)
            if inline.italic { piece = "<em>" + piece + "</em>" }
            if inline.bold { piece = "<strong>" + piece + "</strong>" }
            if let link = inline.link { piece = "<a href=\"\(escape(link))\">" + piece + "</a>" }
            if let note = inline.note { piece = "<sup class=\"noteref\"><a href=\"#\(note)\">\(piece)</a></sup>" }
            out += piece
        }
        return out
    }

    /// Text and attribute values through the package's one escaper (`'` too).
    static func escape(_ text: String) -> String { HTMLEscaper.escape(text) }
}
