import Diagnostics
import Markdown

extension SiteSettings {
    static func decode(_ r: FieldReader) -> SiteSettings? {
        let title = r.text("title", required: true)
        let baseURL = r.text("baseURL", required: true)
        if let baseURL, let n = r.raw("baseURL") {
            if !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
                r.context.error("baseURL moet een volledige URL zijn, zoals https://www.voorbeeld.nl/", at: n)
            } else if !baseURL.hasSuffix("/") {
                r.context.warning("baseURL eindigt niet op '/'", at: n, notes: ["schrijf \(baseURL)/"])
            }
        }
        let language = r.text("language", required: true)
        let description = r.text("description")
        var organisation: Organisation?
        if let o = r.mapping("organisation", what: "organisatie") {
            organisation = Organisation(
                name: o.text("name"), legalName: o.text("legalName"), city: o.text("city"), founded: o.date("founded"),
                email: o.text("email"), website: o.url("website"), address: o.text("address"), kvk: o.text("kvk"))
            o.finish()
        }
        let mission = r.text("mission")
        let editURL = r.text("editURL")
        if let editURL, let n = r.raw("editURL"), !(editURL.hasPrefix("https://") || editURL.hasPrefix("http://")) {
            r.context.error(
                "editURL moet een volledige URL zijn, zoals https://github.com/organisatie/site/edit/main/", at: n)
        }
        var menus: [Menu] = []
        if let m = r.raw("menus") {
            if case .mapping(let pairs) = m.value {
                for pair in pairs {
                    guard let name = pair.key.string else { continue }
                    guard case .sequence(let entries) = pair.value.value else {
                        r.context.error("menu '\(name)' moet een lijst van {title, url} zijn", at: pair.value)
                        continue
                    }
                    var items: [MenuEntry] = []
                    for node in entries {
                        let e = FieldReader(node, context: r.context, what: "menu-item")
                        let title = e.text("title", required: true)
                        let url = e.text("url", required: true)
                        let weight = e.int("weight")
                        e.finish()
                        if let title, let url { items.append(MenuEntry(title: title, url: url, weight: weight)) }
                    }
                    // Stable: by weight, entries without weight after those with one, otherwise as written.
                    let ordered = items.enumerated().sorted { a, b in
                        (a.element.weight ?? Int.max, a.offset) < (b.element.weight ?? Int.max, b.offset)
                    }.map(\.element)
                    menus.append(Menu(name: name, entries: ordered))
                }
            } else {
                r.context.error("'menus' moet menunamen met lijsten bevatten (main: [...])", at: m)
            }
        }
        var targets = Targets()
        if let t = r.mapping("targets", what: "doelen") {
            if let v = t.share("minimumObjectivesShareOfIncome") { targets.minimumObjectivesShareOfIncome = v }
            if let v = t.share("maximumManagementShareOfExpenses") { targets.maximumManagementShareOfExpenses = v }
            t.finish()
        }
        var levels: [PyramidLevel] = []
        if let w = r.mapping("wijschool", what: "WIJ SCHOOL-instellingen") {
            for node in w.list("levels") ?? [] {
                let l = FieldReader(node, context: r.context, what: "niveau van de inclusiepiramide")
                let slug = l.text("slug", required: true)
                let title = l.text("title", required: true)
                let description = l.text("description")
                let order = l.int("order", required: true, in: 1...1000)
                if let slug, !Slug.isValid(slug), let n = l.raw("slug") {
                    r.context.error(
                        "'\(slug)' is geen geldige slug: gebruik kleine letters, cijfers en koppeltekens", at: n)
                }
                if let slug, levels.contains(where: { $0.slug == slug }), let n = l.raw("slug") {
                    r.context.error("niveau '\(slug)' staat twee keer in de piramide", at: n)
                }
                if let order, levels.contains(where: { $0.order == order }), let n = l.raw("order") {
                    r.context.error("twee niveaus hebben volgorde \(order)", at: n)
                }
                l.finish()
                if let slug, let title, let order {
                    levels.append(PyramidLevel(slug: slug, title: title, description: description, order: order))
                }
            }
            w.finish()
        }
        r.finish()
        guard let title, let baseURL, let language else { return nil }
        var settings = SiteSettings(title: title, baseURL: baseURL, language: language)
        settings.description = description
        settings.organisation = organisation
        settings.mission = mission
        settings.editURL = editURL.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
        settings.menus = menus
        settings.targets = targets
        settings.pyramidLevels = levels.sorted { $0.order < $1.order }
        return settings
    }
}
