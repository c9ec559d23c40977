import ContentModel
import DataFormats
import Escaping
import Foundation
import Templates

/// The best-practice bank (paginated, with filters), a page per best practice, and the bank's index
/// for the live filters.
extension PagePlanner {
    static let bankTitle = "Best practices"

    static func bank(_ data: SiteData) -> [PlannedPage] {
        let kb = data.kb
        let facets = data.bankFacets
        let total = kb.bestPractices.count
        return bestPracticeListPages(
            path: Routes.bank, template: "bank.html", kind: "bank", title: bankTitle, section: Routes.bank, trail: [],
            members: Array(0..<total), perPage: perPage, data: data,
            extra: ["bank": .object([("total", .int(total)), ("facets", facets)])])
    }

    /// The filters of the bank: per facet the values that occur, with counts.
    static func bankFacets(_ kb: KnowledgeBase) -> Value {
        var themes: [String: Int] = [:], categories: [String: Int] = [:], places: [String: Int] = [:]
        var statuses: [String: Int] = [:], models: [String: Int] = [:]
        // Field by field through the index: handing whole practices to a closure copies each (large) one.
        let practices = kb.bestPractices
        for i in practices.indices {
            for theme in practices[i].themes { themes[theme, default: 0] += 1 }
            if let category = practices[i].category { categories[category, default: 0] += 1 }
            for place in practices[i].places { places[place, default: 0] += 1 }
            statuses[practices[i].status.rawValue, default: 0] += 1
            if let model = practices[i].businessModel { models[model.rawValue, default: 0] += 1 }
        }
        func facet(_ name: String, _ label: String, _ counts: [String: Int],
                   title: (String) -> String = { $0 }, order: [String]? = nil) -> Value? {
            guard !counts.isEmpty else { return nil }
            let keys = order.map { $0.filter { counts[$0] != nil } }
                ?? counts.keys.sorted { (TextSlug.make($0), $0) < (TextSlug.make($1), $1) }  // "Écht" with the E
            return .object([
                ("name", .string(name)), ("label", .string(label)),
                ("options", .list(keys.map { key in
                    .object([("value", .string(key)), ("title", .string(title(key))), ("count", .int(counts[key] ?? 0))])
                })),
            ])
        }
        let themeTitles = Dictionary(kb.themes.map { ($0.slug, $0.title) }, uniquingKeysWith: { a, _ in a })
        return .list([
            facet("thema", "Thema", themes, title: { themeTitles[$0] ?? $0 }, order: kb.themes.map(\.slug)),
            facet("categorie", "Categorie", categories),
            facet("plaats", "Plaats", places),
            facet("status", "Status", statuses, order: PracticeStatus.allCases.map(\.rawValue)),
            facet("verdienmodel", "Verdienmodel", models, order: BusinessModel.allCases.map(\.rawValue)),
        ].compactMap { $0 })
    }

    static func bestPracticePages(_ data: SiteData, search: SearchCollector) -> [PlannedPage] {
        data.kb.bestPractices.indices.map { bestPracticePage($0, data.kb.bestPractices[$0], data, search: search) }
    }

    /// The page of the practice at `index`. `bp` is that practice; the incremental builder passes a newer
    /// decode of it whose Markdown body alone changed, with its own `bodies` to collect the body's problems.
    static func bestPracticePage(_ index: Int, _ bp: BestPractice, _ data: SiteData, bodies: BodyRenderer? = nil,
                                 search: SearchCollector) -> PlannedPage {
        let practices = data.kb.bestPractices
        let path = Routes.bestPractice(bp.slug)
        return PlannedPage(path: path, template: "best-practice.html") {
            var info = PageInfo(kind: "best-practice", title: bp.title, path: path, section: Routes.bank, description: bp.summary)
            info.breadcrumbs = PageInfo.crumbs([(bankTitle, Routes.bank), (bp.title, path)])
            if index > 0 { info.prev = (practices[index - 1].title, Routes.bestPractice(practices[index - 1].slug)) }
            if index + 1 < practices.count { info.next = (practices[index + 1].title, Routes.bestPractice(practices[index + 1].slug)) }
            let body = (bodies ?? data.bodies).render(bp.info)
            info.show(body, of: bp.info)
            info.ogType = "article"
            info.structuredData = StructuredData.bestPractice(
                bp, themes: bp.themes.compactMap { data.kb.theme($0)?.title }, site: data.kb.site, routes: data.routes)
            search.add(.init(title: bp.title, url: data.url(path), kind: "Best practice", summary: bp.summary,
                             meta: bp.tags + bp.places + bp.themes.compactMap { data.kb.theme($0)?.title } + [bp.category ?? ""],
                             text: body?.text ?? ""),
                       order: SearchOrder.bestPractice + index)
            return ["page": info.value(data), "bp": bestPracticeValue(index, body: body, data)]
        }
    }

    static let criteria: [(String, KeyPath<Assessment, Criterion?>)] = [
        ("Methodiek", \.methodiek), ("Meten", \.meten), ("Vitale coalitie", \.vitaleCoalitie),
        ("Entrepreneurschap", \.entrepreneurschap),
    ]

    static func businessModelExplanation(_ model: BusinessModel) -> String {
        switch model {
        case .delen: return "Partijen delen wat ze al hebben, zoals ruimte, kennis of mensen, zodat meer mensen er profijt van hebben."
        case .ruilen: return "Partijen ruilen diensten of middelen: wie iets geeft, krijgt er iets van waarde voor terug."
        case .creëren: return "Partijen maken samen iets nieuws dat zonder de samenwerking niet zou bestaan."
        }
    }

    /// A web address as a reader reads it: "www.voorbeeld.nl" for "https://www.voorbeeld.nl/".
    static func websiteLabel(_ address: String) -> String {
        var label = address.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
        if label.hasSuffix("/") { label.removeLast() }
        return label
    }

    static func bestPracticeValue(_ index: Int, body: RenderedBody?, _ data: SiteData) -> Value {
        let bp = data.kb.bestPractices[index]
        var assessment: Value = .none
        if let a = bp.assessment {
            let rows: [Value] = criteria.compactMap { label, path in
                a[keyPath: path].map { c in
                    .object([("label", .string(label)), ("judgement", .string(c.judgement.rawValue)),
                             ("judgementClass", .string(c.judgement.rawValue)), ("note", .text(c.note))])
                }
            }
            let sustainability: Value = a.sustainability.map {
                .object([("strategy", .string($0.strategy)), ("note", .text($0.note))])
            } ?? .none
            assessment = .object([("rows", .list(rows)), ("sustainability", sustainability)])
        }
        let investments = FinanceNotation(amounts: bp.costBenefit.compactMap(\.investment))
        let costBenefit: Value = bp.costBenefit.isEmpty ? .none : .list(bp.costBenefit.map { row in
            .object([("party", .string(row.party)), ("investment", .string(row.investment.map(investments.money) ?? "")),
                     ("benefits", .text(row.benefits)), ("note", .text(row.note))])
        })
        let website = bp.website.map(websiteLabel)
        return .object([
            ("title", .string(bp.title)),
            ("slug", .string(bp.slug)),
            ("url", .string(data.url(Routes.bestPractice(bp.slug)))),
            ("date", .string(bp.date.iso)),
            ("dateText", .string(bp.date.dutch)),
            ("themes", .list(bp.themes.compactMap { data.themeLinks[$0] })),
            ("tags", data.tagLinks(bp.tags)),
            ("places", .texts(bp.places)),
            ("status", .string(bp.status.rawValue)),
            ("stoppedText", .text(bp.stopped?.dutch)),
            ("category", .text(bp.category)),
            ("targetGroup", .text(bp.targetGroup)),
            ("website", .text(data.href(bp.website))),
            ("websiteLabel", .text(website)),
            ("summary", .text(bp.summary)),
            ("lessBest", .bool(bp.lessBest)),
            ("assessment", assessment),
            ("businessModel", .text(bp.businessModel?.rawValue)),
            ("businessModelLabel", .text(bp.businessModel?.rawValue)),
            ("businessModelExplanation", .text(bp.businessModel.map(businessModelExplanation))),
            ("costBenefit", costBenefit),
            ("content", body.map { .safe($0.html) } ?? .none),
            ("related", .list(data.related(to: index).map { data.cards[$0] })),
        ])
    }

    /// `best-practices/index.json`: every best practice with what the live filters need.
    static func bankIndex(_ data: SiteData) -> [UInt8] {
        let kb = data.kb
        var out: [UInt8] = []
        out.reserveCapacity(data.bankEntries.reduce(1_000) { $0 + $1.count + 2 })
        out.append(contentsOf: "{\"themes\":{".utf8)
        for (i, theme) in kb.themes.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONEscaper.appendQuoted(theme.slug, style: .htmlSafe, to: &out)
            out.append(contentsOf: ":{\"title\":".utf8)
            JSONEscaper.appendQuoted(theme.title, style: .htmlSafe, to: &out)
            out.append(contentsOf: ",\"url\":".utf8)
            JSONEscaper.appendQuoted(data.url(Routes.theme(theme.slug)), style: .htmlSafe, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "},\"items\":[".utf8)
        for (i, entry) in data.bankEntries.enumerated() {
            if i > 0 { out.append(contentsOf: ",\n".utf8) }
            out.append(contentsOf: entry)
        }
        out.append(contentsOf: "]}\n".utf8)
        return out
    }

    /// One practice's entry of the bank's index (what the live filters need), without separators.
    static func bankEntry(_ bp: BestPractice, routes: Routes) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        out.append(contentsOf: "{\"t\":".utf8)
        JSONEscaper.appendQuoted(bp.title, style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"u\":".utf8)
        JSONEscaper.appendQuoted(routes.url(Routes.bestPractice(bp.slug)), style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"d\":".utf8)
        JSONEscaper.appendQuoted(bp.date.dutch, style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"p\":".utf8)
        JSONEscaper.appendArray(bp.places, style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"st\":".utf8)
        JSONEscaper.appendQuoted(bp.status.rawValue, style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"stt\":".utf8)
        JSONEscaper.appendQuoted(SiteData.statusText(bp), style: .htmlSafe, to: &out)
        if let summary = bp.summary {
            out.append(contentsOf: ",\"s\":".utf8)
            JSONEscaper.appendQuoted(summary, style: .htmlSafe, to: &out)
        }
        out.append(contentsOf: ",\"th\":".utf8)
        JSONEscaper.appendArray(bp.themes, style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"f\":{\"thema\":".utf8)
        JSONEscaper.appendArray(bp.themes, style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"categorie\":".utf8)
        JSONEscaper.appendArray(bp.category.map { [$0] } ?? [], style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"plaats\":".utf8)
        JSONEscaper.appendArray(bp.places, style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"status\":".utf8)
        JSONEscaper.appendArray([bp.status.rawValue], style: .htmlSafe, to: &out)
        out.append(contentsOf: ",\"verdienmodel\":".utf8)
        JSONEscaper.appendArray(bp.businessModel.map { [$0.rawValue] } ?? [], style: .htmlSafe, to: &out)
        out.append(contentsOf: "}}".utf8)
        return out
    }
}
