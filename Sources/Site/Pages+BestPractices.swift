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
        let practices = data.content.practices
        return bestPracticeListPages(
            path: Routes.bank, template: "bank.html", kind: "bank", title: { bankTitle }, section: Routes.bank,
            trail: { [] },
            members: practices, perPage: perPage, data: data,
            extra: {
                ["bank": .object([("total", .int(practices.count)), ("facets", .list(data.bankFacets.map(\.value)))])]
            })
    }

    /// A page per best practice, in the build's order. A page depends only on its place in the list and
    /// its slug (everything else its context reads from the data it is given), so the pages of a build
    /// with the same slugs in the same order can be used again.
    static func bestPracticePages(_ data: SiteData) -> [PlannedPage] {
        let slugs = data.shape.slugs
        return data.practiceIDs.indices.map { bestPracticePage(at: $0, slug: slugs[$0], data) }
    }

    /// The page of the best practice at `position` in this build's list (planned without copying it).
    static func bestPracticePage(at position: Int, slug: String, _ data: SiteData) -> PlannedPage {
        let path = Routes.bestPractice(slug)
        return PlannedPage(path: path, template: "best-practice.html") { data in
            let practices = data.content.practices
            // The page's own practice, by its place in this build's plan: a place is no input of the page.
            let bp = Tracked(item: data.knowledgeBase.bestPractices[position], id: data.practiceIDs[position])
            var info = PageInfo(
                kind: "best-practice", title: bp.title, path: path, section: Routes.bank, description: bp.summary)
            info.breadcrumbs = PageInfo.crumbs([(bankTitle, Routes.bank), (bp.title, path)])
            if let before = practices.neighbour(of: bp.id, offset: -1) {
                info.prev = (before.title, Routes.bestPractice(before.slug))
            }
            if let after = practices.neighbour(of: bp.id, offset: 1) {
                info.next = (after.title, Routes.bestPractice(after.slug))
            }
            let body = data.body(of: bp)
            info.show(body, of: bp)
            info.ogType = "article"
            let themeTitles = bp.themes.compactMap { data.content.theme($0)?.title }
            info.structuredData = StructuredData.bestPractice(
                bp.whole, themes: themeTitles, site: data.content.site.item, routes: data.routes)
            return PageContext(["page": info.value(data), "bp": bestPracticeValue(bp, body: body, data)])
        }
    }

    static let criteria: [(String, KeyPath<Assessment, Criterion?>)] = [
        ("Methodiek", \.methodiek), ("Meten", \.meten), ("Vitale coalitie", \.vitaleCoalitie),
        ("Entrepreneurschap", \.entrepreneurschap),
    ]

    static func businessModelExplanation(_ model: BusinessModel) -> String {
        switch model {
        case .delen:
            return
                "Partijen delen wat ze al hebben, zoals ruimte, kennis of mensen, zodat meer mensen er profijt van hebben."
        case .ruilen:
            return "Partijen ruilen diensten of middelen: wie iets geeft, krijgt er iets van waarde voor terug."
        case .creëren: return "Partijen maken samen iets nieuws dat zonder de samenwerking niet zou bestaan."
        }
    }

    /// A web address as a reader reads it: "www.voorbeeld.nl" for "https://www.voorbeeld.nl/".
    static func websiteLabel(_ address: String) -> String {
        var label = address.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
        if label.hasSuffix("/") { label.removeLast() }
        return label
    }

    static func bestPracticeValue(_ bp: Tracked<BestPractice>, body: RenderedBody?, _ data: SiteData) -> Value {
        var assessment: Value = .none
        if let a = bp.assessment {
            let rows: [Value] = criteria.compactMap { label, path in
                a[keyPath: path].map { c in
                    .object([
                        ("label", .string(label)), ("judgement", .string(c.judgement.rawValue)),
                        ("judgementClass", .string(c.judgement.rawValue)), ("note", .text(c.note)),
                    ])
                }
            }
            let sustainability: Value =
                a.sustainability.map {
                    .object([("strategy", .string($0.strategy)), ("note", .text($0.note))])
                } ?? .none
            assessment = .object([("rows", .list(rows)), ("sustainability", sustainability)])
        }
        let investments = FinanceNotation(amounts: bp.costBenefit.compactMap(\.investment))
        let costBenefit: Value =
            bp.costBenefit.isEmpty
            ? .none
            : .list(
                bp.costBenefit.map { row in
                    .object([
                        ("party", .string(row.party)),
                        ("investment", .string(row.investment.map(investments.money) ?? "")),
                        ("benefits", .text(row.benefits)), ("note", .text(row.note)),
                    ])
                })
        let website = bp.website.map(websiteLabel)
        return .object([
            ("title", .string(bp.title)),
            ("slug", .string(bp.slug)),
            ("url", .string(data.url(Routes.bestPractice(bp.slug)))),
            ("date", .string(bp.date.iso)),
            ("dateText", .string(bp.date.dutch)),
            ("themes", .list(bp.themes.compactMap { data.themeLink($0) })),
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
            ("related", .list(data.related(to: bp).map { data.card($0) })),
        ])
    }

    /// The start of `best-practices/index.json` (every best practice with what the live filters need):
    /// the themes, up to the list of items.
    static func bankIndexHeader(_ kb: KnowledgeBase, routes: Routes) -> [UInt8] {
        var out: [UInt8] = []
        out.append(contentsOf: "{\"themes\":{".utf8)
        for (i, theme) in kb.themes.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONEscaper.appendQuoted(theme.slug, style: .htmlSafe, to: &out)
            out.append(contentsOf: ":{\"title\":".utf8)
            JSONEscaper.appendQuoted(theme.title, style: .htmlSafe, to: &out)
            out.append(contentsOf: ",\"url\":".utf8)
            JSONEscaper.appendQuoted(routes.url(Routes.theme(theme.slug)), style: .htmlSafe, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "},\"items\":[".utf8)
        return out
    }

    /// The parts of `best-practices/index.json`, written one after the other: the header, and each
    /// practice's entry (`bankEntry`) in list order.
    static func bankIndexParts(header: [UInt8], entries: [[UInt8]]) -> [[UInt8]] {
        var parts = [header]
        parts.reserveCapacity(entries.count * 2 + 2)
        let separator = Array(",\n".utf8)
        for (i, entry) in entries.enumerated() {
            if i > 0 { parts.append(separator) }
            parts.append(entry)
        }
        parts.append(Array("]}\n".utf8))
        return parts
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
