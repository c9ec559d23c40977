extension BestPractice {
    static func decode(_ r: FieldReader, info: ItemInfo) -> BestPractice? {
        let title = r.text("title", required: true)
        let date = r.date("date", required: true)
        let themes = r.references("themes", to: .theme, required: true)
        if let node = r.raw("themes"), node.sequence?.isEmpty == true {
            r.context.error("veld 'themes' heeft minstens één thema nodig", at: node)
        }
        let tags = r.texts("tags", required: true)
        for node in r.raw("tags")?.sequence ?? [] { if let tag = node.string { r.context.noteTag(tag, at: node) } }
        let places = r.texts("places", required: true)
        let status: PracticeStatus? = r.choice("status", required: true)
        let stopped = r.date("stopped")
        if let status {
            if status == .gestopt, stopped == nil, !r.has("stopped") {
                r.context.error("een gestopte best practice heeft een datum 'stopped' nodig", at: r.raw("status")!)
            }
            if status == .actief, stopped != nil {
                r.context.error("'stopped' hoort alleen bij status gestopt", at: r.raw("stopped")!)
            }
        }
        if let date, let stopped, stopped.day0 < date.day0 {
            r.context.error("gestopt (\(stopped)) vóór de datum van de best practice (\(date))", at: r.raw("stopped")!)
        }
        let category = r.text("category")
        let targetGroup = r.text("targetGroup")
        let website = r.url("website")
        let summary = r.text("summary")
        let lessBest = r.bool("lessBest") ?? false
        let assessment = r.mapping("assessment", what: "4+1-beoordeling").map(Assessment.decode)
        let businessModel: BusinessModel? = r.choice("businessModel")
        var costBenefit: [CostBenefitRow] = []
        for node in r.list("costBenefit") ?? [] {
            let row = FieldReader(node, context: r.context, what: "kosten-batenregel")
            let party = row.text("party", required: true)
            let investment = row.amount("investment")
            let benefits = row.text("benefits")
            let note = row.text("note")
            row.finish()
            if let party {
                costBenefit.append(CostBenefitRow(party: party, investment: investment, benefits: benefits, note: note))
            }
        }
        guard let title, let date, let themes, let tags, let places, let status else { return nil }
        return BestPractice(
            info: info, title: title, date: date, themes: themes, tags: tags, places: places, status: status,
            stopped: stopped, category: category, targetGroup: targetGroup, website: website, summary: summary,
            lessBest: lessBest, assessment: assessment, businessModel: businessModel, costBenefit: costBenefit)
    }
}

extension Assessment {
    static func decode(_ r: FieldReader) -> Assessment {
        func criterion(_ key: String) -> Criterion? {
            guard let c = r.mapping(key, what: "criterium \(key)") else { return nil }
            let judgement: Judgement? = c.choice("judgement", required: true)
            let note = c.text("note")
            c.finish()
            return judgement.map { Criterion(judgement: $0, note: note) }
        }
        let methodiek = criterion("methodiek")
        let meten = criterion("meten")
        let vitaleCoalitie = criterion("vitaleCoalitie")
        let entrepreneurschap = criterion("entrepreneurschap")
        var sustainability: Sustainability?
        if let s = r.mapping("sustainability", what: "verduurzaming (+1)") {
            let strategy = s.text("strategy", required: true)
            let note = s.text("note")
            s.finish()
            sustainability = strategy.map { Sustainability(strategy: $0, note: note) }
        }
        r.finish()
        return Assessment(
            methodiek: methodiek, meten: meten, vitaleCoalitie: vitaleCoalitie,
            entrepreneurschap: entrepreneurschap, sustainability: sustainability)
    }
}
