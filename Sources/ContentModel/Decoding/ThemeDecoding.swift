extension Theme {
    static func decode(_ r: FieldReader, info: ItemInfo) -> Theme? {
        let title = r.text("title", required: true)
        let number = r.text("number")
        let period = r.text("period")
        let objective = r.text("objective")
        let summary = r.text("summary")
        let ended = r.date("ended")
        if let period, let node = r.raw("period") {
            if let (start, end) = Theme.years(of: period) {
                if let end, end < start {
                    r.context.error(
                        "periode '\(period)' eindigt vóór hij begint", at: node,
                        notes: ["schrijf het beginjaar eerst: \"\(end)-\(start)\""])
                }
                if let ended, ended.year < start, let n = r.raw("ended") {
                    r.context.error("thema beëindigd op \(ended), vóór het begin van de periode (\(start))", at: n)
                }
            } else {
                r.context.warning(
                    "periode '\(period)' is geen jaar of periode van jaren", at: node,
                    notes: ["schrijf bijvoorbeeld \"2020-2022\" (of \"2020\" zolang het einde open is)"])
            }
        }
        guard let title else { return nil }
        return Theme(
            info: info, title: title, number: number, period: period, objective: objective, summary: summary,
            ended: ended)
    }
}

extension Page {
    static func decode(_ r: FieldReader, info: ItemInfo) -> Page? {
        let title = r.text("title", required: true)
        let menu = r.reference("menu", to: .menu)
        let weight = r.int("weight")
        let summary = r.text("summary")
        guard let title else { return nil }
        return Page(info: info, title: title, menu: menu, weight: weight, summary: summary)
    }
}

extension Activity {
    static func decode(_ r: FieldReader, info: ItemInfo) -> Activity? {
        let title = r.text("title", required: true)
        let date = r.date("date", required: true)
        let theme = r.reference("theme", to: .theme, required: true)
        let format = r.text("format")
        let location = r.text("location")
        let partners = r.texts("partners") ?? []
        let goal = r.text("goal")
        let outcome = r.text("outcome")
        guard let title, let date, let theme else { return nil }
        return Activity(
            info: info, title: title, date: date, theme: theme, format: format, location: location,
            partners: partners, goal: goal, outcome: outcome)
    }
}

extension Insight {
    static func decode(_ r: FieldReader, info: ItemInfo) -> Insight? {
        let title = r.text("title", required: true)
        let theme = r.reference("theme", to: .theme, required: true)
        let year = r.year("year", required: true)
        let kind: InsightKind? = r.choice("kind", required: true)
        let items = r.texts("items", required: true)
        if let items, items.isEmpty, let node = r.raw("items") {
            r.context.error("veld 'items' heeft minstens één inzicht nodig", at: node)
        }
        let source = r.reference("source", to: .publication)
        guard let title, let theme, let year, let kind, let items else { return nil }
        return Insight(info: info, title: title, theme: theme, year: year, kind: kind, items: items, source: source)
    }
}

extension Publication {
    static func decode(_ r: FieldReader, info: ItemInfo) -> Publication? {
        let title = r.text("title", required: true)
        let kind: PublicationKind? = r.choice("kind", required: true)
        let date = r.date("date", required: true)
        let partners = r.texts("partners") ?? []
        let link = r.url("link")
        let themes = r.references("themes", to: .theme) ?? []
        let summary = r.text("summary")
        guard let title, let kind, let date else { return nil }
        return Publication(
            info: info, title: title, kind: kind, date: date, partners: partners, link: link,
            themes: themes, summary: summary)
    }
}

extension Alliance {
    static func decode(_ r: FieldReader, info: ItemInfo) -> Alliance? {
        let title = r.text("title", required: true)
        let abbreviation = r.text("abbreviation")
        var founded: YearOrDate?
        if let node = r.raw("founded") {
            switch node.value {
            case .int(let year) where (1900...2200).contains(year):
                founded = YearOrDate(year: year, date: nil)
            default:
                if let date = FieldReader.date(node, key: "founded", context: r.context) {
                    founded = YearOrDate(year: date.year, date: date)
                }
            }
        }
        let members = r.texts("members") ?? []
        let collaborators = r.texts("collaborators") ?? []
        let themes = r.references("themes", to: .theme, required: true)
        var phase: AlliancePhase?
        if let number = r.int("phase", required: true, in: 1...6) { phase = AlliancePhase(rawValue: number) }
        let summary = r.text("summary")
        guard let title, let themes, let phase else { return nil }
        return Alliance(
            info: info, title: title, abbreviation: abbreviation, founded: founded, members: members,
            collaborators: collaborators, themes: themes, phase: phase, summary: summary)
    }
}
