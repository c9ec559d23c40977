import ContentModel
import DataFormats
import Foundation

/// Chapter 3: each body as it was on 31 December, who joined and who left during the year, and the
/// programme office with its fte.
struct OrganisationChapter {
    let kb: KnowledgeBase
    let year: Int
    let includeInternal: Bool

    func build() -> ReportSection {
        var chapter = ReportSection(title: "Organisatie", level: 1)
        let digest = kb.byYear[year]
        for body in Body.allCases {
            guard let entry = digest?.body(body) else { continue }
            let section = self.section(entry)
            if !section.isEmpty { chapter.subsections.append(section) }
        }
        return chapter
    }

    private func visible(_ m: Membership) -> Bool { includeInternal || m.person.info.visibility == .public }

    private func section(_ entry: BodyYear) -> ReportSection {
        let atEnd = entry.atYearEnd.filter(visible)
        let joined = entry.joined.filter(visible)
        let left = entry.left.filter(visible)
        var section = ReportSection(title: entry.body.title, level: 2)
        guard !atEnd.isEmpty || !joined.isEmpty || !left.isEmpty else { return section }

        let count = atEnd.count
        switch entry.body {
        case .bestuur:
            section.blocks.append(.paragraph([ReportInline("Het bestuur bestond eind \(year) uit \(DutchWords.count(count)) \(count == 1 ? "persoon" : "personen").")]))
            section.blocks.append(.table(ReportTable(
                caption: "Samenstelling van het bestuur op 31 december \(year)", header: ["Naam", "Functie"], alignments: [.left, .left],
                rows: atEnd.map { .init([$0.person.name, $0.role.role]) })))
        case .raadVanAdvies:
            section.blocks.append(.paragraph([ReportInline("Eind \(year) telde de raad van advies \(DutchWords.count(count)) \(count == 1 ? "lid" : "leden").")]))
            section.blocks.append(.table(ReportTable(
                caption: "Raad van advies op 31 december \(year)", header: ["Naam", "Organisatie", "Functie"],
                alignments: [.left, .left, .left],
                rows: atEnd.map { .init([$0.person.name, $0.role.organisation ?? "", $0.role.function ?? $0.role.role]) })))
        case .programmabureau:
            let fte = atEnd.reduce(Decimal(0)) { $0 + ($1.role.fte ?? 0) }
            section.blocks.append(.paragraph([ReportInline(
                "Eind \(year) \(count == 1 ? "werkte er één persoon" : "werkten er \(DutchWords.count(count)) mensen") op het programmabureau, samen \(DutchFormat.number(fte)) fte.")]))
            var rows: [ReportTable.Row] = atEnd.map { .init([$0.person.name, $0.role.role, $0.role.fte.map { DutchFormat.number($0, decimals: 1) } ?? ""]) }
            rows.append(.init(["Totaal", "", DutchFormat.number(fte, decimals: 1)], bold: true))
            section.blocks.append(.table(ReportTable(
                caption: "Programmabureau op 31 december \(year)", header: ["Naam", "Functie", "fte"],
                alignments: [.left, .left, .right], rows: rows)))
        }

        if !left.isEmpty {
            section.blocks.append(.paragraph([ReportInline("Afscheid in \(year): ")] + people(left, verb: "tot")))
        }
        if !joined.isEmpty {
            if entry.body == .raadVanAdvies {
                let list = ReportList(ordered: false, items: joined.map { ReportListItem(describe($0, verb: "per")) })
                section.subsections.append(ReportSection(title: "Nieuwe leden", level: 3, blocks: [
                    .paragraph([ReportInline("In \(year) \(joined.count == 1 ? "trad één nieuw lid" : "traden \(DutchWords.count(joined.count)) nieuwe leden") toe:")]),
                    .list(list),
                ]))
            } else {
                section.blocks.append(.paragraph([ReportInline("Nieuw in \(year): ")] + people(joined, verb: "per")))
            }
        }
        return section
    }

    /// "Jan Jansen (penningmeester, tot 30 juni 2020), Piet …."
    private func people(_ list: [Membership], verb: String) -> [ReportInline] {
        var out: [ReportInline] = []
        for (i, m) in list.enumerated() {
            if i > 0 { out.append(ReportInline(i == list.count - 1 ? " en " : ", ")) }
            out += describe(m, verb: verb)
        }
        out.append(ReportInline("."))
        return out
    }

    private func describe(_ m: Membership, verb: String) -> [ReportInline] {
        var details: [String] = []
        if let function = m.role.function, let organisation = m.role.organisation {
            details.append("\(function), \(organisation)")
        } else if let organisation = m.role.organisation {
            details.append(organisation)
        } else {
            details.append(m.role.role)
        }
        // The end date is the day the role stops, so "tot" (until) reads right.
        let date = verb == "tot" ? m.role.end : m.role.start
        if let date { details.append("\(verb) \(DutchFormat.date(date))") }
        return [ReportInline(m.person.name, bold: true), ReportInline(" (" + details.joined(separator: ", ") + ")")]
    }
}
