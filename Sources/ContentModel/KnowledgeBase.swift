/// All content of a site, typed and cross-referenced, with the derived data the site and the report share.
/// Built by `ContentLoader.load`; only the items the load options keep are in it.
public struct KnowledgeBase: Sendable {
    public var site: SiteSettings
    /// Ordered by number, then title.
    public var themes: [Theme]
    /// Newest first, then by title.
    public var bestPractices: [BestPractice]
    /// By year, theme, kind.
    public var insights: [Insight]
    /// By date.
    public var activities: [Activity]
    /// By year, then theme.
    public var results: [ResultList]
    /// By title.
    public var alliances: [Alliance]
    /// Newest first.
    public var publications: [Publication]
    /// By sort name.
    public var people: [Person]
    /// By school year, then school.
    public var schoolScans: [SchoolScan]
    /// By year.
    public var finance: [FinancialYear]
    /// By weight, then title.
    public var pages: [Page]

    /// How many content files the load read and checked (all of them, also those the options left out).
    public internal(set) var checkedFiles = 0

    /// Per theme slug: everything about that theme.
    public private(set) var byTheme: [String: ThemeDigest] = [:]
    /// Per year: activities and the bodies' composition.
    public private(set) var byYear: [Int: YearDigest] = [:]
    /// Per year with financial statements: the ratios against the site's targets.
    public private(set) var financialRatios: [Int: FinancialRatios] = [:]
    /// Per scan slug: the school's progress over the phases.
    public private(set) var schoolProgress: [String: SchoolProgress] = [:]
    /// Per school year: the keurmerk outcomes.
    public private(set) var keurmerken: [SchoolYear: KeurmerkSummary] = [:]

    public init(
        site: SiteSettings, themes: [Theme] = [], bestPractices: [BestPractice] = [], insights: [Insight] = [],
        activities: [Activity] = [], results: [ResultList] = [], alliances: [Alliance] = [],
        publications: [Publication] = [], people: [Person] = [], schoolScans: [SchoolScan] = [],
        finance: [FinancialYear] = [], pages: [Page] = []
    ) {
        self.site = site
        // Sorting by precomputed keys moves each (large) item once instead of at every comparison.
        self.themes = ordered(themes, key: { ($0.number.map(NumberKey.init) ?? NumberKey.last, $0.title) }, by: <)
        self.bestPractices = ordered(bestPractices, key: { ($0.date, $0.title) }, by: { ($1.0, $0.1) < ($0.0, $1.1) })
        self.insights = ordered(insights, key: { ($0.year, $0.theme, $0.kind.rawValue, $0.slug) }, by: <)
        self.activities = ordered(activities, key: { ($0.date, $0.title) }, by: <)
        self.results = ordered(results, key: { ($0.year, $0.theme) }, by: <)
        self.alliances = ordered(alliances, key: { ($0.title, $0.slug) }, by: <)
        self.publications = ordered(publications, key: { ($0.date, $0.title) }, by: { ($1.0, $0.1) < ($0.0, $1.1) })
        self.people = ordered(people, key: { (PersonName.sortKey($0.sortName), $0.slug) }, by: <)
        self.schoolScans = ordered(schoolScans, key: { ($0.schoolYear, $0.school) }, by: <)
        self.finance = ordered(finance, key: { $0.year }, by: <)
        self.pages = ordered(pages, key: { ($0.weight ?? Int.max, $0.title) }, by: <)
        derive()
    }

    /// Takes out the best practices of `removed` files and puts `inserted` at their places in the order
    /// (newest first, then by title, then by file), with the theme digests' lists updated: what a full
    /// assembly gives after those files changed, without sorting and deriving everything again.
    mutating func replaceBestPractices(removing removed: Set<String>, inserting inserted: [BestPractice]) {
        var removed = removed
        var themes = Set<String>()
        var moved: [BestPractice] = []
        for practice in inserted {
            // An edit that keeps the practice's place and themes (its text, most fields): replaced where it stands.
            if removed.contains(practice.info.file),
                let i = bestPractices.firstIndex(where: { $0.info.file == practice.info.file }),
                bestPractices[i].themes == practice.themes,
                i == 0 || Self.precedes(bestPractices[i - 1], practice),
                i + 1 == bestPractices.count || Self.precedes(practice, bestPractices[i + 1])
            {
                bestPractices[i] = practice
                for slug in Set(practice.themes) {
                    guard let j = byTheme[slug]?.bestPractices.firstIndex(where: { $0.info.file == practice.info.file })
                    else { continue }
                    byTheme[slug]!.bestPractices[j] = practice
                }
                removed.remove(practice.info.file)
                continue
            }
            moved.append(practice)
        }
        if !removed.isEmpty {
            for practice in bestPractices where removed.contains(practice.info.file) {
                themes.formUnion(practice.themes)
            }
            bestPractices.removeAll { removed.contains($0.info.file) }
        }
        for practice in moved {
            themes.formUnion(practice.themes)
            var low = 0
            var high = bestPractices.count
            while low < high {
                let middle = (low + high) / 2
                if Self.precedes(bestPractices[middle], practice) { low = middle + 1 } else { high = middle }
            }
            bestPractices.insert(practice, at: low)
        }
        for slug in themes where byTheme[slug] != nil {
            byTheme[slug]!.bestPractices = bestPractices.filter { $0.themes.contains(slug) }
        }
    }

    /// The order of `bestPractices`: newest first, then by title, then by file (the order a full load meets
    /// the files in).
    private static func precedes(_ a: BestPractice, _ b: BestPractice) -> Bool {
        if a.date != b.date { return a.date > b.date }
        if a.title != b.title { return a.title < b.title }
        return a.info.file < b.info.file
    }

    public func theme(_ slug: String) -> Theme? { themes.first { $0.slug == slug } }
    public func publication(_ slug: String) -> Publication? { publications.first { $0.slug == slug } }
    public func person(_ slug: String) -> Person? { people.first { $0.slug == slug } }
    public func financialYear(_ year: Int) -> FinancialYear? { finance.first { $0.year == year } }

    /// The themes of a year: those that run in it (see `Theme.runs(in:)`), and any other theme with
    /// content dated in that year (results, activities, insights, best practices, publications). A theme
    /// that ended before the year, or starts after it, and has nothing in it, is left out.
    public func themes(in year: Int) -> [Theme] {
        themes.filter { theme in
            if theme.runs(in: year) { return true }
            guard let d = byTheme[theme.slug] else { return false }
            return d.results.contains { $0.year == year } || d.activities.contains { $0.date.year == year }
                || d.insights.contains { $0.year == year } || d.bestPractices.contains { $0.date.year == year }
                || d.publications.contains { $0.date.year == year }
        }
    }

    /// The digest of any year, also one that no content mentions yet (a report for a year in which only
    /// the people's open roles run): its bodies are computed on the spot.
    public func year(_ year: Int) -> YearDigest {
        if let digest = byYear[year] { return digest }
        return YearDigest(
            year: year, activities: [], insights: [], results: [],
            bodies: Derivation.bodies(in: year, periods: Derivation.membershipPeriods(self)))
    }

    /// Every year that any dated content mentions, ascending.
    public var years: [Int] { byYear.keys.sorted() }

    private mutating func derive() {
        byTheme = Derivation.themes(self)
        byYear = Derivation.years(self)
        financialRatios = Derivation.ratios(self)
        schoolProgress = Derivation.schoolProgress(self)
        keurmerken = Derivation.keurmerken(self)
    }
}

/// Sorts "2.10" after "2.9": numbered parts compared as numbers.
struct NumberKey: Comparable {
    var parts: [Int]
    init(_ text: String) { parts = text.split(separator: ".").map { Int($0) ?? Int.max } }
    static let last = NumberKey(parts: [Int.max])
    private init(parts: [Int]) { self.parts = parts }
    static func < (a: NumberKey, b: NumberKey) -> Bool { a.parts.lexicographicallyPrecedes(b.parts) }
}

/// `items` sorted by a key computed once per item (stable: equal keys keep their order).
func ordered<T, K>(_ items: [T], key: (T) -> K, by less: (K, K) -> Bool) -> [T] {
    let keys = items.map(key)
    let order = keys.indices.sorted { less(keys[$0], keys[$1]) || (!less(keys[$1], keys[$0]) && $0 < $1) }
    return order.map { items[$0] }
}
