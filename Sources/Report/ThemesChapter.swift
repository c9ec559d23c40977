import ContentModel
import DataFormats
import Foundation

/// Chapter 2: per theme the objective, the project proposal, the year's results, activities, insights and
/// best practices; parts without content are left out. The WIJ SCHOOL year goes into its theme.
struct ThemesChapter {
    let kb: KnowledgeBase
    let year: Int
    let includeInternal: Bool
    let wijSchoolTheme: String?

    func build() -> ReportSection {
        var chapter = ReportSection(title: "Verantwoording thema’s, projecten en activiteiten \(year)", level: 1)
        for theme in kb.themes(in: year) where visible(theme.info) {
            chapter.subsections.append(section(for: theme))
        }
        return chapter
    }

    private func visible(_ info: ItemInfo) -> Bool { includeInternal || info.visibility == .public }

    private func section(for theme: Theme) -> ReportSection {
        let digest = kb.byTheme[theme.slug]
        var section = ReportSection(title: theme.title, level: 2)
        func part(_ title: String, _ blocks: [ReportBlock], subsections: [ReportSection] = []) {
            guard !blocks.isEmpty || !subsections.isEmpty else { return }
            section.subsections.append(ReportSection(title: title, level: 3, blocks: blocks, subsections: subsections))
        }

        var objective: [ReportBlock] = []
        if let text = theme.objective { objective.append(.paragraph(EditorInlines.parse(text))) }
        if let period = theme.periodText {
            objective.append(
                .paragraph([ReportInline("Looptijd: ", italic: true), ReportInline(period, italic: true)]))
        }
        if let ended = theme.ended, ended.year <= year {
            objective.append(.paragraph([ReportInline("Beëindigd op \(DutchFormat.date(ended)).", italic: true)]))
        }
        part("Doelstelling", objective)

        var proposal: [ReportBlock] = []
        if let body = theme.info.body {
            proposal += EditorText.parse(body.text, file: theme.info.file, firstLine: body.firstLine).flattened
        }
        let alliances = (digest?.alliances ?? []).filter { visible($0.info) && ($0.founded?.year ?? year) <= year }
        if !alliances.isEmpty {
            proposal.append(.subheading(alliances.count == 1 ? "Alliantie" : "Allianties"))
            proposal.append(
                .list(
                    ReportList(
                        ordered: false,
                        items: alliances.map { alliance in
                            var inlines = [ReportInline(alliance.title, bold: true)]
                            if let abbreviation = alliance.abbreviation {
                                inlines.append(ReportInline(" (\(abbreviation))"))
                            }
                            inlines.append(
                                ReportInline(": fase \(alliance.phase.rawValue), \(alliance.phase.title.lowercased())"))
                            if !alliance.members.isEmpty {
                                inlines.append(ReportInline("; partners: " + alliance.members.joined(separator: ", ")))
                            }
                            return ReportListItem(inlines)
                        })))
        }
        part("Projectvoorstel", proposal)

        var results: [ReportBlock] = []
        for list in (digest?.results ?? []) where list.year == year && visible(list.info) {
            for (index, item) in list.items.enumerated() {
                var inlines = [ReportInline(list.label(at: index) + " " + item.title, bold: true)]
                if let description = item.description {
                    inlines.append(ReportInline(" – "))
                    inlines += EditorInlines.parse(description)
                }
                if !item.partners.isEmpty {
                    Self.endSentence(&inlines)
                    inlines.append(
                        ReportInline(" Partners: " + item.partners.joined(separator: ", ") + ".", italic: true))
                }
                if let link = EditorInlines.webLink(item.link) {
                    Self.endSentence(&inlines)
                    inlines.append(ReportInline(" "))
                    inlines.append(ReportInline("Meer informatie", link: link))
                    inlines.append(ReportInline("."))
                }
                results.append(.paragraph(inlines))
            }
        }
        part("Resultaten", results)

        let activities = (digest?.activities ?? []).filter { $0.date.year == year && visible($0.info) }
        if !activities.isEmpty {
            part(
                "Activiteiten",
                [
                    .list(
                        ReportList(
                            ordered: false,
                            items: activities.map { activity in
                                var inlines = [
                                    ReportInline(DutchFormat.dateAndTime(activity.date), bold: true),
                                    ReportInline(" – " + activity.title),
                                ]
                                if let format = activity.format { inlines.append(ReportInline(" (\(format))")) }
                                inlines.append(ReportInline("."))
                                if let outcome = activity.outcome ?? activity.goal {
                                    inlines.append(ReportInline(" "))
                                    inlines += EditorInlines.parse(outcome)
                                }
                                if !activity.partners.isEmpty {
                                    Self.endSentence(&inlines)
                                    inlines.append(
                                        ReportInline(
                                            " Met: " + activity.partners.joined(separator: ", ") + ".", italic: true))
                                }
                                return ReportListItem(inlines)
                            }))
                ])
        }

        var insights: [ReportBlock] = []
        for insight in (digest?.insights ?? []) where insight.year == year && visible(insight.info) {
            insights.append(.subheading(insight.title))
            insights.append(
                .list(ReportList(ordered: true, items: insight.items.map { ReportListItem(EditorInlines.parse($0)) })))
            if let source = insight.source, let publication = kb.publication(source) {
                insights.append(
                    .paragraph([
                        ReportInline("Bron: ", italic: true),
                        ReportInline(publication.title, italic: true, link: EditorInlines.webLink(publication.link)),
                    ]))
            }
        }
        part("Inzichten", insights)

        // The year's publications of the theme that no result or insight above names already: a theme that
        // ended before the year is in the report because of them, so they must show.
        let named = Set(
            (digest?.results ?? []).filter { $0.year == year }.flatMap { $0.items.compactMap(\.publication) }
                + (digest?.insights ?? []).filter { $0.year == year }.compactMap(\.source))
        let publications = (digest?.publications ?? []).filter {
            $0.date.year == year && visible($0.info) && !named.contains($0.slug)
        }
        if !publications.isEmpty {
            part(
                "Publicaties",
                [
                    .list(
                        ReportList(
                            ordered: false,
                            items: publications.map { publication in
                                var inlines = [
                                    ReportInline(
                                        publication.title, bold: true, link: EditorInlines.webLink(publication.link)),
                                    ReportInline(
                                        " (\(publication.kind.rawValue), \(DutchFormat.date(publication.date)))"),
                                ]
                                if !publication.partners.isEmpty {
                                    inlines.append(
                                        ReportInline(", met " + publication.partners.joined(separator: ", ")))
                                }
                                if let summary = publication.summary {
                                    inlines.append(ReportInline(": "))
                                    inlines += EditorInlines.parse(summary)
                                }
                                Self.endSentence(&inlines)
                                return ReportListItem(inlines)
                            }))
                ])
        }

        // By index: a big bank has thousands of practices, and copying each (a large value) costs more than
        // the list item made of it.
        let practices = digest?.bestPractices ?? []
        let shown = practices.indices.filter {
            (includeInternal || practices[$0].info.visibility == .public) && practices[$0].date.year <= year
        }
        if !shown.isEmpty {
            part("Best practices", [.list(ReportList(ordered: false, items: shown.map { listItem(practices[$0]) }))])
        }

        if theme.slug == wijSchoolTheme {
            let programme = WijSchoolYear(kb: kb, year: year, includeInternal: includeInternal).section()
            section.subsections.append(programme)
        }
        return section
    }

    private func listItem(_ practice: borrowing BestPractice) -> ReportListItem {
        var inlines = [ReportInline(practice.title, bold: true, link: EditorInlines.webLink(practice.website))]
        if !practice.places.isEmpty {
            inlines.append(ReportInline(" (" + practice.places.joined(separator: ", ") + ")"))
        }
        if practice.lessBest { inlines.append(ReportInline(" – minder geslaagd, wel leerzaam", italic: true)) }
        if let summary = practice.summary {
            inlines.append(ReportInline(": "))
            inlines += EditorInlines.parse(summary)
        }
        // As on 31 December of the year: a practice that stopped later still ran then.
        if practice.status == .gestopt, practice.stopped.map({ $0.year <= year }) ?? true {
            Self.endSentence(&inlines)
            inlines.append(
                ReportInline(
                    " Gestopt" + (practice.stopped.map { " per " + DutchFormat.date($0) } ?? "") + ".", italic: true))
        }
        return ReportListItem(inlines)
    }

    /// Ends the text so far with a full stop when it does not end a sentence yet, so that a generated
    /// sentence after a title or an editor's text ("Digidag. Partners: …") never runs on from it.
    static func endSentence(_ inlines: inout [ReportInline]) {
        guard let last = inlines.last(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }),
            !DutchFormat.endsSentence(last.text)
        else { return }
        inlines.append(ReportInline("."))
    }
}
