import ContentModel
import DataFormats
import Diagnostics
import Foundation
import Markdown

/// Builds the report model of a year from its definition, the editors' texts and the knowledge base.
struct ReportBuilder {
    let root: URL
    let kb: KnowledgeBase
    let definition: ReportDefinition
    let includeInternal: Bool
    /// The theme folder, for its fonts; nil for `root/themes/default`.
    var theme: URL? = nil

    /// The document and the warnings found on the way; throws every error at once.
    func build() throws -> (ReportDocument, [Diagnostic]) {
        let year = definition.year
        var errors = definition.problems
        var warnings: [Diagnostic] = []
        let folder = "content/reports/\(year)/"

        func read(_ file: String, at line: Int, _ column: Int) -> EditorText? {
            do {
                return try EditorText.read(path: root.appendingPathComponent(folder + file).path, name: folder + file)
            } catch let d as Diagnostic {
                if d.message.hasPrefix("tekst voor het jaarverslag ontbreekt") {
                    errors.append(
                        definition.error(
                            "tekst voor het jaarverslag ontbreekt: \(folder + file) bestaat niet",
                            at: (line, column)))
                } else {
                    errors.append(d)
                }
            } catch let e as DiagnosticError {
                errors += e.diagnostics
            } catch {
                errors.append(Diagnostic(.error, "\(error)", file: folder + file))
            }
            return nil
        }

        var foreword: ReportSection?
        if let spec = definition.foreword, let text = read(spec.file, at: spec.line, spec.column) {
            warnings += text.unknownFields(known: ["title", "signedBy", "signedRole"], what: "voorwoord")
            var section = ReportSection(
                title: text.field("title") ?? "Voorwoord", level: 1, numbered: false, blocks: text.intro)
            section.subsections = text.sections.map { demoteToUnnumbered($0) }
            let name = spec.author ?? text.field("signedBy")
            if let name {
                // The signature closes the text, before its footnotes.
                let signature = ReportBlock.signature(name: name, role: spec.role ?? text.field("signedRole"))
                if case .notes? = section.blocks.last {
                    section.blocks.insert(signature, at: section.blocks.count - 1)
                } else {
                    section.blocks.append(signature)
                }
            }
            foreword = section
        }

        var chapters: [ReportSection] = []
        for spec in definition.chapters {
            let text = spec.file.flatMap { read($0, at: spec.line, spec.column) }
            if spec.file != nil && text == nil { continue }
            warnings += text?.unknownFields(known: ["title"], what: "tekst van het jaarverslag") ?? []
            var chapter: ReportSection
            switch spec.generated {
            case .themes?:
                chapter = ThemesChapter(
                    kb: kb, year: year, includeInternal: includeInternal, wijSchoolTheme: spec.wijSchoolTheme
                ).build()
                if let theme = spec.wijSchoolTheme, kb.theme(theme) == nil {
                    var message = "onbekend thema '\(theme)' bij wijSchool"
                    if let near = Suggestions.nearest(to: theme, in: kb.themes.map(\.slug)) {
                        message += "; bedoelde je '\(near)'?"
                    }
                    errors.append(definition.error(message, at: (spec.line, spec.column)))
                }
                if chapter.subsections.isEmpty {
                    errors.append(
                        definition.error(
                            "hoofdstuk 'themes' is leeg: er zijn geen thema's in content/themes/",
                            at: (spec.line, spec.column)))
                }
            case .organisation?:
                chapter = OrganisationChapter(kb: kb, year: year, includeInternal: includeInternal).build()
                if chapter.subsections.isEmpty {
                    errors.append(
                        definition.error(
                            "hoofdstuk 'organisation' is leeg: niemand in content/people/ had in \(year) een rol in bestuur, raad van advies of programmabureau",
                            at: (spec.line, spec.column)))
                }
            case .finance?:
                guard let finance = kb.financialYear(year) else {
                    errors.append(
                        definition.error(
                            "geen financiële staten voor \(year): content/finance/\(year)/finance.yml ontbreekt",
                            at: (spec.line, spec.column),
                            notes: [
                                "jaren met financiële staten: "
                                    + (kb.finance.isEmpty
                                        ? "geen" : kb.finance.map { String($0.year) }.joined(separator: ", "))
                            ]))
                    continue
                }
                chapter = FinanceChapter(kb: kb, finance: finance).build()
            case nil:
                chapter = ReportSection(title: "", level: 1)
            }
            if let text { merge(text, into: &chapter) }
            if let title = spec.title ?? (spec.generated == nil ? text?.field("title") : nil) { chapter.title = title }
            if chapter.title.isEmpty { chapter.title = text?.field("title") ?? "Hoofdstuk" }
            chapters.append(chapter)
        }
        let typography = ReportTypography.resolve(
            fonts: definition.fonts, pdfa: definition.pdfa, definitionFile: definition.source,
            root: root, theme: theme)
        errors += typography.errors
        warnings += typography.warnings
        if !errors.isEmpty { throw DiagnosticError(errors) }

        let organisation = kb.site.organisation
        let author = organisation?.legalName ?? organisation?.name ?? kb.site.title
        var coverLines = definition.coverLines
        if coverLines.isEmpty {
            coverLines = [[organisation?.city, String(year + 1)].compactMap { $0 }.joined(separator: ", ")]
            // The site's name, unless the subtitle already is that name.
            if (definition.subtitle ?? author) != kb.site.title { coverLines.append(kb.site.title) }
        }
        if includeInternal { coverLines.append("INTERNE VERSIE – niet publiceren: noemt ook interne gegevens") }
        chapters.append(colophon(author: author))
        var document = ReportDocument(
            year: year, title: definition.title, subtitle: definition.subtitle ?? author, coverLines: coverLines,
            author: author,
            runningHeader: definition.title + " · " + (organisation?.name ?? author), foreword: foreword,
            chapters: chapters)
        document.typography = typography.0
        ReportNumbering.apply(to: &document)
        warnings += manualNumberWarnings(document)
        return (document, warnings)
    }

    /// The colofon at the end: who publishes the report and how to reach them, from `site.yml`'s
    /// organisation (each field only when given), and where the report's content lives.
    private func colophon(author: String) -> ReportSection {
        let o = kb.site.organisation
        var blocks: [ReportBlock] = [
            .paragraph([ReportInline(definition.title, bold: true), ReportInline(" van \(author).")])
        ]
        func fact(_ label: String, _ value: String?, link: String? = nil) {
            guard let value, !value.isEmpty else { return }
            blocks.append(.paragraph([ReportInline(label + ": ", bold: true), ReportInline(value, link: link)]))
        }
        if let legal = o?.legalName, let name = o?.name, legal != name, legal != author {
            fact("Statutaire naam", legal)
        }
        fact("Adres", o?.address ?? o?.city)
        fact("KvK-nummer", o?.kvk)
        fact("E-mail", o?.email, link: o?.email.map { "mailto:" + $0 })
        fact("Website", o?.website, link: EditorInlines.webLink(o?.website))
        fact("Opgericht", o?.founded.map { DutchFormat.date($0) })
        blocks.append(
            .paragraph([
                ReportInline(
                    "Dit jaarverslag is samengesteld uit dezelfde inhoud als \(kb.site.title), \(kb.site.baseURL).",
                    italic: true)
            ]))
        return ReportSection(title: "Colofon", level: 1, numbered: false, blocks: blocks)
    }

    /// Puts the editors' text into a (generated) chapter: the text before the first heading opens the
    /// chapter; a section whose title matches a generated one ("Raad van advies") comes first in it; any
    /// other section follows the generated ones.
    private func merge(_ text: EditorText, into chapter: inout ReportSection) {
        chapter.blocks = text.intro + chapter.blocks
        for section in text.sections {
            let key = Self.key(section.title)
            if let index = chapter.subsections.firstIndex(where: { g in
                let generated = Self.key(g.title)
                return generated == key || key.hasPrefix(generated) || generated.hasPrefix(key)
            }) {
                var generated = chapter.subsections[index].blocks
                if let summary = chapter.subsections[index].summary, !section.blocks.isEmpty {
                    // Runs of spaces and line breaks in the editors' text read as one space.
                    let written = section.blocks.map(\.plainText).joined(separator: " ").lowercased()
                        .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{A0}" }).joined(separator: " ")
                    if summary.figures.contains(where: { written.contains($0.lowercased()) }) {
                        generated.removeFirst(min(summary.blocks, generated.count))
                    }
                }
                chapter.subsections[index].blocks = section.blocks + generated
                chapter.subsections[index].subsections = section.subsections + chapter.subsections[index].subsections
                if chapter.subsections[index].manualNumber == nil {
                    chapter.subsections[index].manualNumber = section.manualNumber
                }
            } else {
                chapter.subsections.append(section)
            }
        }
    }

    private func demoteToUnnumbered(_ s: ReportSection) -> ReportSection {
        var s = s
        s.numbered = false
        s.manualNumber = nil
        s.subsections = s.subsections.map(demoteToUnnumbered)
        return s
    }

    private static func key(_ title: String) -> String {
        Slug.make(title)
    }

    /// A number typed in a heading that differs from the automatic one is probably a stale hand-made
    /// number: warn with the line, so the editor can drop it.
    private func manualNumberWarnings(_ document: ReportDocument) -> [Diagnostic] {
        document.allSections.compactMap { section in
            guard let manual = section.manualNumber, let number = section.number, manual.text != number else {
                return nil
            }
            let column =
                (manual.lineText.firstIndex(where: { $0 != "#" && $0 != " " }).map {
                    manual.lineText.distance(from: manual.lineText.startIndex, to: $0)
                } ?? 0) + 1
            return Diagnostic(
                .warning,
                "de kop heeft nummer \(manual.text), maar breingen nummert hem \(number); laat het nummer weg, de nummering gaat vanzelf",
                file: manual.file, line: manual.line, column: column, sourceLine: manual.lineText)
        }
    }
}
