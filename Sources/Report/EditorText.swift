import ContentModel
import DataFormats
import Diagnostics
import Foundation
import Markdown

/// A text the editors wrote for the report (`content/reports/2020/voorwoord.md`): its front matter, the
/// text before the first heading, and its `##` sections. Numbers typed in headings ("## 1.1 Visie") are
/// dropped: the report numbers itself.
struct EditorText {
    var file: String
    var frontMatter: YAMLNode?
    var intro: [ReportBlock]
    var sections: [ReportSection]
    /// The whole file, for the line under a message.
    var source: SourceFile?

    /// A warning for every front matter field the report does not read (`title`, and for the foreword
    /// `signedBy` and `signedRole`), at its key, with the field the editor meant.
    func unknownFields(known: [String], what: String) -> [Diagnostic] {
        guard case .mapping(let pairs)? = frontMatter?.value else { return [] }
        return pairs.compactMap { pair in
            guard let key = pair.key.string, !known.contains(key) else { return nil }
            let (message, notes) = FieldNames.unknownFieldMessage(key, what: what, known: known)
            return Diagnostic(
                .warning, message, file: file, line: pair.key.line, column: pair.key.column,
                sourceLine: source?.lineText(pair.key.line), notes: notes)
        }
    }

    /// A string field of the front matter.
    func field(_ key: String) -> String? {
        guard let value = frontMatter?[key]?.value else { return nil }
        switch value {
        case .string(let s): return s.isEmpty ? nil : s
        case .int(let i): return String(i)
        default: return nil
        }
    }

    /// Reads and parses a Markdown file with front matter. `name` is the path shown in messages.
    static func read(path: String, name: String) throws -> EditorText {
        let bytes: [UInt8]
        do {
            bytes = try FileContents.read(path)
        } catch let error as FileSystemError where error.code != ENOENT {
            throw error.diagnostic("kan \(name) niet lezen", file: name)
        } catch {
            throw Diagnostic(.error, "tekst voor het jaarverslag ontbreekt: \(name) bestaat niet", file: name)
        }
        let parts = try FrontMatter.read(bytes, fileName: name)
        let source = SourceFile(name: name, bytes: bytes)
        return structure(
            EditorMarkdown.parse(parts.body, firstLine: parts.bodyFirstLine, notePrefix: notePrefix(name)), file: name,
            source: source, frontMatter: parts.frontMatter)
    }

    /// Markdown text held in memory (a theme's body), with the file and line it comes from.
    static func parse(_ text: String, file: String, firstLine: Int) -> EditorText {
        structure(
            EditorMarkdown.parse(Array(text.utf8), firstLine: firstLine, notePrefix: notePrefix(file)), file: file,
            source: nil,
            frontMatter: nil)
    }

    /// The file's name as a slug, so the anchors of its footnotes differ from another file's.
    private static func notePrefix(_ file: String) -> String {
        Slug.make(String(file.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: ""))
    }

    /// All blocks of the text with its headings turned into minor headings (for a theme's body, which
    /// sits inside a numbered section and should not add to the contents).
    var flattened: [ReportBlock] {
        var out = intro
        func walk(_ s: ReportSection) {
            out.append(.subheading(s.title))
            out += s.blocks
            s.subsections.forEach(walk)
        }
        sections.forEach(walk)
        return out
    }

    private static func structure(
        _ pieces: [EditorMarkdown.Piece], file: String, source: SourceFile?,
        frontMatter: YAMLNode?
    ) -> EditorText {
        var intro: [ReportBlock] = []
        // A stack of open sections; `#` and `##` both open a section directly under the chapter.
        var stack: [ReportSection] = []
        var top: [ReportSection] = []
        func close(downTo level: Int) {
            while let last = stack.last, last.level >= level {
                stack.removeLast()
                if stack.isEmpty { top.append(last) } else { stack[stack.count - 1].subsections.append(last) }
            }
        }
        for piece in pieces {
            switch piece {
            case .heading(let rawLevel, let text, let line):
                let level = max(2, rawLevel)
                close(downTo: level)
                let (number, title) = splitNumber(text)
                var section = ReportSection(title: title, level: stack.last.map { min(level, $0.level + 1) } ?? 2)
                if let number {
                    let lineText = source?.lineText(line) ?? ""
                    section.manualNumber = ReportSection.ManualNumber(
                        text: number, file: file, line: line, lineText: lineText)
                }
                stack.append(section)
            case .block(let block):
                if stack.isEmpty { intro.append(block) } else { stack[stack.count - 1].blocks.append(block) }
            }
        }
        close(downTo: 0)
        return EditorText(file: file, frontMatter: frontMatter, intro: intro, sections: top, source: source)
    }

    /// "1.1 Waar staat …" → ("1.1", "Waar staat …"); a title without a leading number is kept whole.
    static func splitNumber(_ text: String) -> (String?, String) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var sawDigit = false
        while i < scalars.count, ("0"..."9").contains(scalars[i]) || (scalars[i] == "." && sawDigit) {
            if scalars[i] != "." { sawDigit = true }
            i += 1
        }
        guard sawDigit, i < scalars.count, scalars[i] == " " else { return (nil, text) }
        var number = String(String.UnicodeScalarView(scalars[0..<i]))
        if number.hasSuffix(".") { number.removeLast() }
        let title = String(String.UnicodeScalarView(scalars[i...])).trimmingBlanks()
        return title.isEmpty ? (nil, text) : (number, title)
    }
}
