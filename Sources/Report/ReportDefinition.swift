import ContentModel
import DataFormats
import Diagnostics
import Foundation

/// The parts of the report that breingen writes itself from the knowledge base.
public enum GeneratedPart: String, CaseIterable, Sendable {
    /// Chapter 2: per theme its objective, project proposal, results, activities, insights, best practices.
    case themes
    /// Chapter 3: each body at year end, who joined and who left, the office with its fte.
    case organisation
    /// Chapter 4: the result, the staat van baten en lasten, the verdeling van de lasten, the ratios.
    case finance
}

/// `content/reports/YEAR/report.yml`: what the report of a year is made of, in order. See `docs/report.md`.
struct ReportDefinition {
    struct Foreword {
        var file: String
        var author: String?
        var role: String?
        /// Where it is defined, for messages.
        var line: Int
        var column: Int
    }

    struct Chapter {
        var title: String?
        /// Editor text, relative to the report's folder.
        var file: String?
        var generated: GeneratedPart?
        /// The theme whose section gets the WIJ SCHOOL programme's year (themes chapter only).
        var wijSchoolTheme: String?
        /// Where the chapter is defined, for messages.
        var line: Int
        var column: Int
    }

    var year: Int
    var title: String
    var subtitle: String?
    var coverLines: [String]
    var foreword: Foreword?
    var chapters: [Chapter]
    /// `fonts` and `pdfa`: the typography settings, read by `ReportTypography`.
    var fonts: YAMLNode?
    var pdfa: YAMLNode?
    /// The file's path relative to the site root and its text, for messages.
    var source: SourceFile
    /// Errors in the file; the builder reports them together with what it finds itself.
    var problems: [Diagnostic]

    /// An error at a node of this file.
    func error(_ message: String, at node: (line: Int, column: Int), notes: [String] = []) -> Diagnostic {
        Diagnostic(
            .error, message, file: source.name, line: node.line, column: node.column,
            sourceLine: source.lineText(node.line), notes: notes)
    }

    static func read(root: URL, year: Int) throws -> ReportDefinition {
        let name = "content/reports/\(year)/report.yml"
        let data: [UInt8]
        do {
            data = try FileContents.read(root.appendingPathComponent(name).path)
        } catch let error as FileSystemError where error.code != ENOENT {
            throw error.diagnostic("kan \(name) niet lezen", file: name)
        } catch {
            let available = AnnualReport.availableYears(root: root)
            var notes = [
                "een jaarverslag begint met \(name): jaar, titel, voorwoord en de hoofdstukken (zie docs/report.md)"
            ]
            notes.append(
                available.isEmpty
                    ? "er is nog geen enkel jaarverslag gedefinieerd"
                    : "jaren met een jaarverslag: " + available.map(String.init).joined(separator: ", "))
            throw Diagnostic(.error, "geen jaarverslag voor \(year): \(name) ontbreekt", file: name, notes: notes)
        }
        let source = SourceFile(name: name, bytes: [UInt8](data))
        let root = try YAMLReader.parse(source)
        var problems: [Diagnostic] = []
        func error(_ message: String, _ node: YAMLNode) {
            problems.append(
                Diagnostic(
                    .error, message, file: name, line: node.line, column: node.column,
                    sourceLine: source.lineText(node.line)))
        }
        func text(_ node: YAMLNode?) -> String? {
            guard let node else { return nil }
            switch node.value {
            case .string(let s): return s
            case .int(let i): return String(i)
            case .decimal(let d): return "\(d)"
            case .null: return nil
            default:
                error("verwacht een tekst", node)
                return nil
            }
        }
        /// Unknown keys are errors (the report would silently leave them out), each at its key, with the
        /// field the editor meant.
        func unknownKeys(of node: YAMLNode, known: [String], what: String) {
            guard case .mapping(let pairs) = node.value else { return }
            for pair in pairs {
                guard let key = pair.key.string, !known.contains(key) else { continue }
                let (message, notes) = FieldNames.unknownFieldMessage(key, what: what, known: known)
                problems.append(
                    Diagnostic(
                        .error, message, file: name, line: pair.key.line, column: pair.key.column,
                        sourceLine: source.lineText(pair.key.line), notes: notes))
            }
        }
        unknownKeys(
            of: root, known: ["year", "title", "subtitle", "cover", "foreword", "chapters", "fonts", "pdfa"],
            what: "report.yml")
        guard case .mapping = root.value else {
            throw Diagnostic(.error, "report.yml: verwacht velden (sleutel: waarde)", file: name, line: 1, column: 1)
        }

        var definedYear = year
        if let node = root["year"] {
            if case .int(let y) = node.value {
                definedYear = y
                if y != year { error("report.yml hoort bij \(y), maar staat in de map van \(year)", node) }
            } else {
                error("'year' moet een jaartal zijn", node)
            }
        } else {
            problems.append(
                Diagnostic(
                    .error, "verplicht veld 'year' ontbreekt in report.yml", file: name, line: 1, column: 1,
                    sourceLine: source.lineText(1)))
        }
        let title = text(root["title"]) ?? "Jaarverslag \(year)"
        let subtitle = text(root["subtitle"])
        var coverLines: [String] = []
        if let cover = root["cover"] {
            if let items = cover.sequence {
                coverLines = items.compactMap { text($0) }
            } else {
                coverLines = text(cover).map { [$0] } ?? []
            }
        }

        var foreword: Foreword?
        if let node = root["foreword"] {
            unknownKeys(of: node, known: ["file", "author", "role"], what: "voorwoord")
            if let file = text(node["file"]), let problem = Self.problem(withFile: file, year: year) {
                error(problem, node["file"] ?? node)
            } else if let file = text(node["file"]) {
                foreword = Foreword(
                    file: file, author: text(node["author"]), role: text(node["role"]), line: node.line,
                    column: node.column)
            } else if let file = node.string {
                foreword = Foreword(file: file, author: nil, role: nil, line: node.line, column: node.column)
            } else {
                error("'foreword' heeft een 'file' nodig (het Markdown-bestand met het voorwoord)", node)
            }
        }

        var chapters: [Chapter] = []
        if let node = root["chapters"] {
            if let items = node.sequence, !items.isEmpty {
                for item in items {
                    guard case .mapping = item.value else {
                        error(
                            "een hoofdstuk heeft 'file' (tekst van de redactie) en/of 'generated' (themes, organisation, finance)",
                            item)
                        continue
                    }
                    var chapter = Chapter(
                        title: text(item["title"]), file: text(item["file"]), generated: nil,
                        wijSchoolTheme: text(item["wijSchool"]), line: item.line, column: item.column)
                    if let g = item["generated"] {
                        if let value = text(g), let part = GeneratedPart(rawValue: value) {
                            chapter.generated = part
                        } else {
                            var message =
                                "onbekend gegenereerd deel '\(text(g) ?? "")'; kies uit "
                                + GeneratedPart.allCases.map(\.rawValue).joined(separator: ", ")
                            if let near = Suggestions.nearest(
                                to: text(g) ?? "", in: GeneratedPart.allCases.map(\.rawValue))
                            {
                                message += "; bedoelde je '\(near)'?"
                            }
                            error(message, g)
                        }
                    }
                    unknownKeys(of: item, known: ["title", "file", "generated", "wijSchool"], what: "hoofdstuk")
                    if let file = chapter.file, let node = item["file"],
                        let problem = Self.problem(withFile: file, year: year)
                    {
                        error(problem, node)
                        chapter.file = nil
                    }
                    if chapter.file == nil && chapter.generated == nil && item["generated"] == nil
                        && item["file"] == nil
                    {
                        error(
                            "een hoofdstuk heeft 'file' (tekst van de redactie) en/of 'generated' (themes, organisation, finance)",
                            item)
                    }
                    chapters.append(chapter)
                }
            } else {
                error("'chapters' moet een lijst van hoofdstukken zijn", node)
            }
        } else {
            problems.append(
                Diagnostic(
                    .error, "verplicht veld 'chapters' ontbreekt in report.yml", file: name, line: 1, column: 1,
                    sourceLine: source.lineText(1)))
        }
        return ReportDefinition(
            year: definedYear, title: title, subtitle: subtitle, coverLines: coverLines,
            foreword: foreword, chapters: chapters, fonts: root["fonts"], pdfa: root["pdfa"], source: source,
            problems: problems)
    }

    /// Why a text file cannot be part of the report: it must be Markdown in the report's own folder.
    static func problem(withFile file: String, year: Int) -> String? {
        if file.hasPrefix("/") || file.split(separator: "/").contains("..") {
            return "de teksten van het jaarverslag staan in content/reports/\(year)/; '\(file)' ligt daarbuiten"
        }
        if !file.hasSuffix(".md") {
            return "'\(file)' is geen Markdown-bestand (.md)"
        }
        return nil
    }
}
