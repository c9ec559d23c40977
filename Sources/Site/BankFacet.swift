import ContentModel
import Templates

/// One filter of the best-practice bank: a facet (theme, category, place, status, business model) with
/// the values that occur and how often.
struct BankFacet: Equatable, Sendable {
    struct Option: Equatable, Sendable {
        var value: String
        var title: String
        var count: Int
    }

    var name: String
    var label: String
    var options: [Option]

    /// The filters of the bank: per facet the values that occur, with counts.
    static func facets(_ kb: KnowledgeBase) -> [BankFacet] {
        var themes: [String: Int] = [:]
        var categories: [String: Int] = [:]
        var places: [String: Int] = [:]
        var statuses: [String: Int] = [:]
        var models: [String: Int] = [:]
        // Field by field through the index: handing whole practices to a closure copies each (large) one.
        let practices = kb.bestPractices
        for i in practices.indices {
            for theme in practices[i].themes { themes[theme, default: 0] += 1 }
            if let category = practices[i].category { categories[category, default: 0] += 1 }
            for place in practices[i].places { places[place, default: 0] += 1 }
            statuses[practices[i].status.rawValue, default: 0] += 1
            if let model = practices[i].businessModel { models[model.rawValue, default: 0] += 1 }
        }
        func facet(
            _ name: String, _ label: String, _ counts: [String: Int],
            title: (String) -> String = { $0 }, order: [String]? = nil
        ) -> BankFacet? {
            guard !counts.isEmpty else { return nil }
            // "Écht" sorts with the E: by slug, each made once.
            let keys =
                order.map { $0.filter { counts[$0] != nil } }
                ?? counts.keys.map { (TextSlug.make($0), $0) }.sorted { $0 < $1 }.map(\.1)
            return BankFacet(
                name: name, label: label,
                options: keys.map { Option(value: $0, title: title($0), count: counts[$0] ?? 0) })
        }
        let themeTitles = Dictionary(kb.themes.map { ($0.slug, $0.title) }, uniquingKeysWith: { a, _ in a })
        return [
            facet("thema", "Thema", themes, title: { themeTitles[$0] ?? $0 }, order: kb.themes.map(\.slug)),
            facet("categorie", "Categorie", categories),
            facet("plaats", "Plaats", places),
            facet("status", "Status", statuses, order: PracticeStatus.allCases.map(\.rawValue)),
            facet("verdienmodel", "Verdienmodel", models, order: BusinessModel.allCases.map(\.rawValue)),
        ].compactMap { $0 }
    }

    /// Whether `kb` has the facets of `before`: the fields they count are the same for each practice (in
    /// the same places), and so are the themes' slugs and titles. An edit of a text changes none of them,
    /// and comparing them costs far less than counting (strings an edit left alone share their storage).
    static func sameInputs(_ kb: KnowledgeBase, as before: KnowledgeBase) -> Bool {
        let (now, then) = (kb.bestPractices, before.bestPractices)
        guard kb.themes.count == before.themes.count, now.count == then.count else { return false }
        for i in kb.themes.indices
        where kb.themes[i].slug != before.themes[i].slug || kb.themes[i].title != before.themes[i].title {
            return false
        }
        for i in now.indices where !now[i].isUnchangedCopy(of: then[i]) {
            guard now[i].themes == then[i].themes, now[i].category == then[i].category,
                now[i].places == then[i].places, now[i].status == then[i].status,
                now[i].businessModel == then[i].businessModel
            else { return false }
        }
        return true
    }

    /// The facet as the bank's template reads it.
    var value: Value {
        .object([
            ("name", .string(name)), ("label", .string(label)),
            (
                "options",
                .list(
                    options.map {
                        .object([("value", .string($0.value)), ("title", .string($0.title)), ("count", .int($0.count))])
                    })
            ),
        ])
    }
}
