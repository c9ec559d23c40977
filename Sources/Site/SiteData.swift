import ContentModel
import Foundation
import Templates

/// Everything the page builders share, computed once per build: the knowledge base, the routes, and
/// the template values that appear on many pages (links to themes, best-practice cards, tags).
/// Immutable after `init`, so every rendering thread reads it freely.
final class SiteData: @unchecked Sendable {
    /// Changed only by `replaceBodies`, between builds.
    private(set) var kb: KnowledgeBase
    let routes: Routes
    let bodies: BodyRenderer
    let today: ContentDate

    /// Theme slug → `{title, url}`.
    let themeLinks: [String: Value]
    /// Card values of the best practices, in `kb.bestPractices` order.
    let cards: [Value]
    /// The practices' entries of the bank's index (`PagePlanner.bankEntry`), in the same order.
    let bankEntries: [[UInt8]]
    /// The bank's filters (`PagePlanner.bankFacets`).
    let bankFacets: Value
    /// Best-practice slug → index in `kb.bestPractices`.
    let bestPracticeIndex: [String: Int]
    /// Tags in alphabetical order, each with its slug and the indices of its best practices.
    let tags: [(title: String, slug: String, members: [Int])]
    /// Tag title → slug.
    let tagSlugs: [String: String]
    /// Per theme slug, the indices of its best practices (newest first).
    let bestPracticesByTheme: [String: [Int]]
    /// Per best practice, its tags as sorted numbers, to compare them cheaply.
    let tagIDs: [[Int]]

    /// `reusing` lends its per-practice values (cards, bank entries, the bank's filters when they stay the
    /// same) to the practices whose slugs are not in `changed`: the live preview passes the last build's data
    /// when only those practices' fields changed, in place (same themes, same routes, the others unchanged
    /// and in the same order among themselves).
    init(kb: KnowledgeBase, routes: Routes, bodies: BodyRenderer, today: ContentDate,
         reusing previous: SiteData? = nil, changed: Set<String> = []) {
        self.kb = kb
        self.routes = routes
        self.bodies = bodies
        self.today = today
        var themeLinks: [String: Value] = [:]
        for theme in kb.themes {
            themeLinks[theme.slug] = .link(theme.title, routes.url(Routes.theme(theme.slug)))
        }
        self.themeLinks = themeLinks

        var index: [String: Int] = [:]
        index.reserveCapacity(kb.bestPractices.count)
        var byTag: [String: (title: String, members: [Int])] = [:]
        var byTheme: [String: [Int]] = [:]
        // Few distinct tags on many practices: each is slugged once.
        var slugs: [String: String] = [:]
        func slug(_ tag: String) -> String {
            if let known = slugs[tag] { return known }
            let made = TextSlug.make(tag)
            slugs[tag] = made
            return made
        }
        // By index, not `for bp in`: a loop variable would copy every (large) practice.
        let practices = kb.bestPractices
        for i in practices.indices {
            index[practices[i].slug] = i
            for tag in practices[i].tags {
                let slug = slug(tag)
                byTag[slug, default: (tag, [])].members.append(i)
            }
            for theme in practices[i].themes { byTheme[theme, default: []].append(i) }
        }
        bestPracticeIndex = index
        bestPracticesByTheme = byTheme
        tags = byTag.map { (title: $0.value.title, slug: $0.key, members: $0.value.members) }
            .sorted { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }
        var tagNumbers: [String: Int] = [:]
        for (number, tag) in tags.enumerated() { tagNumbers[tag.slug] = number }
        tagIDs = practices.indices.map { i in practices[i].tags.compactMap { tagNumbers[slug($0)] }.sorted() }
        // Every tag title (each variant's slug is its own: the tag's group is keyed by that slug).
        self.tagSlugs = slugs

        // Where each practice was in `previous` (-1: edited): the unedited ones keep their order, so one walk
        // over both lists pairs them up without a lookup per practice.
        var reuse: [Int] = []
        var facetsChanged = previous == nil
        if let previous {
            let newEdited = Set(changed.compactMap { index[$0] })
            let oldEdited = Set(changed.compactMap { previous.bestPracticeIndex[$0] })
            reuse = [Int](repeating: -1, count: practices.count)
            let before = previous.kb.bestPractices
            var j = 0
            for i in practices.indices where !newEdited.contains(i) {
                while oldEdited.contains(j) { j += 1 }
                if j < before.count, before[j].info.file == practices[i].info.file { reuse[i] = j }
                j += 1
            }
            for slug in changed {
                guard let i = index[slug], let j = previous.bestPracticeIndex[slug] else { facetsChanged = true; continue }
                if !Self.sameFacets(practices[i], before[j]) { facetsChanged = true }
            }
        }
        bankFacets = facetsChanged ? PagePlanner.bankFacets(kb) : previous!.bankFacets

        // Cards and bank entries are built in parallel: on a big site they are the bulk of the shared values.
        var cards = [Value](repeating: .none, count: practices.count)
        var entries = [[UInt8]](repeating: [], count: practices.count)
        cards.withUnsafeMutableBufferPointer { cardSlots in
            entries.withUnsafeMutableBufferPointer { entrySlots in
                let cardBase = cardSlots.baseAddress!, entryBase = entrySlots.baseAddress!
                DispatchQueue.concurrentPerform(iterations: (practices.count + 63) / 64) { chunk in
                    for i in (chunk * 64)..<min(practices.count, chunk * 64 + 64) {
                        if let previous, reuse[i] >= 0 {
                            cardBase[i] = previous.cards[reuse[i]]
                            entryBase[i] = previous.bankEntries[reuse[i]]
                            continue
                        }
                        cardBase[i] = Self.card(practices[i], routes: routes, themeLinks: themeLinks)
                        entryBase[i] = PagePlanner.bankEntry(practices[i], routes: routes)
                    }
                }
            }
        }
        self.cards = cards
        self.bankEntries = entries
    }

    /// The live preview's body-only edits: the practices keep their fields (so every shared value stays
    /// right) and get their new Markdown bodies, so later builds that render them show the new text. Only
    /// between builds: rendering threads read `kb` without locks.
    func replaceBodies(_ edited: [BestPractice]) {
        kb.replaceBestPracticeBodies(edited)
    }

    /// Whether the bank's filters count the same values for both.
    private static func sameFacets(_ a: BestPractice, _ b: BestPractice) -> Bool {
        a.themes == b.themes && a.category == b.category && a.places == b.places && a.status == b.status
            && a.businessModel == b.businessModel
    }

    static func statusText(_ bp: BestPractice) -> String {
        bp.status == .gestopt ? "gestopt" + (bp.stopped.map { " sinds " + $0.dutch } ?? "") : "actief"
    }

    private static func card(_ bp: BestPractice, routes: Routes, themeLinks: [String: Value]) -> Value {
        .object([
            ("title", .string(bp.title)),
            ("slug", .string(bp.slug)),
            ("url", .string(routes.url(Routes.bestPractice(bp.slug)))),
            ("date", .string(bp.date.iso)),
            ("dateText", .string(bp.date.dutch)),
            ("places", .texts(bp.places)),
            ("status", .string(bp.status.rawValue)),
            ("stoppedText", .text(bp.stopped?.dutch)),
            ("summary", .text(bp.summary)),
            ("lessBest", .bool(bp.lessBest)),
            ("themes", .list(bp.themes.compactMap { themeLinks[$0] })),
        ])
    }

    /// How many numbers two sorted lists share.
    static func sharedCount(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { count += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return count
    }

    func tagLinks(_ tags: [String]) -> Value {
        .list(tags.map { tag in .link(tag, routes.url(Routes.tag(tagSlugs[tag] ?? TextSlug.make(tag)))) })
    }

    func url(_ path: String) -> String { routes.url(path) }

    /// Up to `limit` best practices like the one at `index`: near it in its first theme's list, ranked
    /// by shared tags. Looking only at neighbours keeps this linear on big sites.
    func related(to index: Int, limit: Int = 3) -> [Int] {
        let bp = kb.bestPractices[index]
        guard let theme = bp.themes.first, let list = bestPracticesByTheme[theme], list.count > 1 else { return [] }
        let position = list.firstIndex(of: index) ?? 0
        let window = list[max(0, position - 40)..<min(list.count, position + 41)]
        let tags = tagIDs[index]
        var scored: [(score: Int, distance: Int, index: Int)] = []
        scored.reserveCapacity(window.count)
        for (offset, candidate) in zip(window.indices, window) where candidate != index {
            scored.append((Self.sharedCount(tags, tagIDs[candidate]), abs(offset - position), candidate))
        }
        scored.sort { ($1.score, $0.distance, $0.index) < ($0.score, $1.distance, $1.index) }
        return scored.prefix(limit).map(\.index)
    }
}
