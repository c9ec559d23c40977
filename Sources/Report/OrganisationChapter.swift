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
        let digest = kb.year(year)
        for body in Body.allCases {
            guard let entry = digest.body(body) else { continue }
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
        let changes = entry.changes.filter { includeInternal || $0.person.info.visibility == .public }
        var section = ReportSection(title: entry.body.title, level: 2)
        guard !atEnd.isEmpty || !joined.isEmpty || !left.isEmpty || !changes.isEmpty else { return section }

        // The opening sentence states the body's size (and the office's fte); the editors' text of the same
        // section leaves it out when it already gives those figures (see `ReportSection.summary`).
        let count = atEnd.count
        let words = [DutchWords.count(count), String(count)]
        switch entry.body {
        case .bestuur:
            section.blocks.append(
                .paragraph([
                    ReportInline(
                        "Het bestuur bestond eind \(year) uit \(DutchWords.count(count)) \(count == 1 ? "persoon" : "personen")."
                    )
                ]))
            section.summary = ReportSection.Summary(
                blocks: 1,
                figures: words.flatMap { ["\($0) personen", "\($0) persoon", "\($0) leden", "\($0) bestuursleden"] })
            section.blocks.append(
                .table(
                    ReportTable(
                        caption: "Samenstelling van het bestuur op 31 december \(year)", header: ["Naam", "Functie"],
                        alignments: [.left, .left],
                        rows: atEnd.map { .init([$0.person.name, $0.role.role]) })))
        case .raadVanAdvies:
            section.blocks.append(
                .paragraph([
                    ReportInline(
                        "Eind \(year) telde de raad van advies \(DutchWords.count(count)) \(count == 1 ? "lid" : "leden")."
                    )
                ]))
            section.summary = ReportSection.Summary(
                blocks: 1, figures: words.flatMap { ["\($0) leden", "\($0) lid", "\($0) personen"] })
            // The role (voorzitter, vice-voorzitter) in its own column, apart from the function at the member's
            // organisation; left out when everyone is a plain member.
            let roles = atEnd.contains { !$0.role.isPlainMember }
            section.blocks.append(
                .table(
                    Self.withoutEmptyColumns(
                        ReportTable(
                            caption: "Raad van advies op 31 december \(year)",
                            header: ["Naam", "Rol", "Organisatie", "Functie"],
                            alignments: [.left, .left, .left, .left],
                            rows: atEnd.map {
                                .init([
                                    $0.person.name, roles ? $0.role.role : "", $0.role.organisation ?? "",
                                    $0.role.function ?? "",
                                ])
                            }))))
        case .programmabureau:
            // The fte only when the editors give it: a missing fte is no zero.
            let fte = atEnd.contains { $0.role.fte != nil } ? entry.fteAtYearEnd : nil
            let people = count == 1 ? "werkte er één persoon" : "werkten er \(DutchWords.count(count)) mensen"
            section.blocks.append(
                .paragraph([
                    ReportInline(
                        "Eind \(year) \(people) op het programmabureau"
                            + (fte.map { ", samen \(Self.fte($0)) fte." } ?? "."))
                ]))
            section.summary = ReportSection.Summary(
                blocks: 1,
                figures: (fte.map { ["\(Self.fte($0)) fte"] } ?? [])
                    + words.flatMap { ["\($0) mensen", "\($0) personen", "\($0) medewerkers"] })
            var rows: [ReportTable.Row] = atEnd.map {
                .init([$0.person.name, $0.role.role, $0.role.fte.map(Self.fte) ?? ""])
            }
            if let fte { rows.append(.init(["Totaal", "", Self.fte(fte)], bold: true)) }
            section.blocks.append(
                .table(
                    Self.withoutEmptyColumns(
                        ReportTable(
                            caption: "Programmabureau op 31 december \(year)", header: ["Naam", "Functie", "fte"],
                            alignments: [.left, .left, .right], rows: rows))))
        }

        if !changes.isEmpty {
            section.blocks.append(
                .paragraph(
                    [ReportInline("\(changes.count == 1 ? "Wijziging" : "Wijzigingen") in \(year): ")]
                        + sentences(changes.map(describe))))
        }
        if !joined.isEmpty && entry.body != .raadVanAdvies {
            section.blocks.append(
                .paragraph(
                    [ReportInline("Nieuw in \(year): ")] + sentences(joined.map { describe($0, leaving: false) })))
        }
        if !left.isEmpty {
            section.blocks.append(
                .paragraph(
                    [ReportInline("Afscheid in \(year): ")] + sentences(left.map { describe($0, leaving: true) })))
        }
        if !joined.isEmpty && entry.body == .raadVanAdvies {
            let list = ReportList(ordered: false, items: joined.map { ReportListItem(describe($0, leaving: false)) })
            // A member who comes back after a break is no new member.
            let back = joined.filter(\.returns).count
            let new = joined.count - back
            var clauses: [String] = []
            if new > 0 {
                clauses.append(new == 1 ? "trad één nieuw lid toe" : "traden \(DutchWords.count(new)) nieuwe leden toe")
            }
            if back > 0 {
                clauses.append(
                    back == 1 ? "kwam één oud-lid terug" : "kwamen \(DutchWords.count(back)) oud-leden terug")
            }
            section.subsections.append(
                ReportSection(
                    title: "Nieuwe leden", level: 3,
                    blocks: [
                        .paragraph([ReportInline("In \(year) " + clauses.joined(separator: " en ") + ":")]),
                        .list(list),
                    ]))
        }
        return section
    }

    /// "A, B en C." from the parts.
    private func sentences(_ parts: [[ReportInline]]) -> [ReportInline] {
        var out: [ReportInline] = []
        for (i, part) in parts.enumerated() {
            if i > 0 { out.append(ReportInline(i == parts.count - 1 ? " en " : ", ")) }
            out += part
        }
        out.append(ReportInline("."))
        return out
    }

    /// "Jan Jansen (penningmeester, tot en met 30 juni 2020)": `end` is the last day in office. The bestuur
    /// and the office are described by the role their tables show; a member of the raad van advies by the
    /// function and organisation, after the role when it is more than lid ("vice-voorzitter; bestuurder,
    /// Mitros; per 1 januari 2024"). Someone who comes back joins "opnieuw per".
    private func describe(_ m: Membership, leaving: Bool) -> [ReportInline] {
        var parts: [String] = []
        let at = [m.role.function, m.role.organisation].compactMap { $0 }.joined(separator: ", ")
        if m.role.body != .raadVanAdvies || !m.role.isPlainMember || at.isEmpty { parts.append(m.role.role) }
        if m.role.body == .raadVanAdvies && !at.isEmpty { parts.append(at) }
        if leaving, let end = m.role.end {
            parts.append("tot en met \(DutchFormat.date(end))")
        } else if !leaving {
            parts.append((m.returns ? "opnieuw per " : "per ") + DutchFormat.date(m.role.start))
        }
        // Semicolons between the parts when one of them has a comma of its own.
        let separator = parts.count > 2 && parts.contains { $0.contains(",") } ? "; " : ", "
        return [ReportInline(m.person.name, bold: true), ReportInline(" (" + parts.joined(separator: separator) + ")")]
    }

    /// "Anna Smit is per 1 maart 2023 voorzitter (was lid)", "Bea Kok werkt per 1 juli 2023 0,8 fte (was 0,6
    /// fte)": only what changed is named.
    private func describe(_ change: RoleChange) -> [ReportInline] {
        let (from, to) = (change.from, change.to)
        let date = DutchFormat.date(change.date)
        func at(_ r: Role) -> String? {
            if let function = r.function, let organisation = r.organisation { return "\(function), \(organisation)" }
            return r.organisation ?? r.function
        }
        var now: [String] = []
        var was: [String] = []
        if from.role != to.role {
            now.append(to.role)
            was.append(from.role)
        }
        if at(from) != at(to) {
            now.append(at(to) ?? "zonder organisatie")
            was.append(at(from) ?? "zonder organisatie")
        }
        let fteChanged = from.fte != to.fte
        let text: String
        if now.isEmpty && fteChanged, let new = to.fte {
            text = " werkt per \(date) \(Self.fte(new)) fte" + (from.fte.map { " (was \(Self.fte($0)) fte)" } ?? "")
        } else if !now.isEmpty {
            if fteChanged {
                now.append(to.fte.map { "\(Self.fte($0)) fte" } ?? "geen fte")
                was.append(from.fte.map { "\(Self.fte($0)) fte" } ?? "geen fte")
            }
            text = " is per \(date) \(now.joined(separator: ", ")) (was \(was.joined(separator: ", ")))"
        } else {
            text = " is per \(date) opnieuw benoemd als \(to.role)"
        }
        return [ReportInline(change.person.name, bold: true), ReportInline(text)]
    }

    /// The table without the columns that are empty in every row (an optional field nobody filled in).
    static func withoutEmptyColumns(_ table: ReportTable) -> ReportTable {
        let keep = table.header.indices.filter { i in
            i == 0 || table.rows.contains { i < $0.cells.count && !$0.cells[i].isEmpty }
        }
        var copy = table
        copy.header = keep.map { table.header[$0] }
        copy.alignments = keep.map { table.alignments[$0] }
        copy.rows = table.rows.map { row in
            var r = row
            r.cells = keep.map { $0 < row.cells.count ? row.cells[$0] : "" }
            return r
        }
        return copy
    }

    /// An fte with one decimal, "2,2".
    static func fte(_ value: Decimal) -> String { DutchFormat.number(value, decimals: 1) }
}
