import ContentModel
import Foundation
import Parallel
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
    /// Where the best practices stand in the lists.
    let index: PracticeIndex
    /// Best-practice slug → index in `kb.bestPractices`.
    var bestPracticeIndex: [String: Int] { index.position }
    /// Tags in alphabetical order, each with its slug and the indices of its best practices.
    var tags: [(title: String, slug: String, members: [Int])] { index.tags }
    /// Per theme slug, the indices of its best practices (newest first).
    var bestPracticesByTheme: [String: [Int]] { index.byTheme }
    /// Per best practice, its tags as sorted numbers, to compare them cheaply.
    var tagIDs: [[Int]] { index.tagIDs }

    init(kb: KnowledgeBase, routes: Routes, bodies: BodyRenderer, today: ContentDate) {
        self.kb = kb
        self.routes = routes
        self.bodies = bodies
        self.today = today
        themeLinks = Self.themeLinks(kb, routes: routes)
        index = PracticeIndex(kb.bestPractices)
        bankFacets = PagePlanner.bankFacets(kb)
        (cards, bankEntries) = Self.practiceValues(kb.bestPractices, routes: routes, themeLinks: themeLinks, reusing: nil)
    }

    /// The data after in-place edits of the best practices with the slugs in `edited` (same files, same
    /// slugs, same themes and routes; `kb` is `previous.kb` with those practices replaced and re-sorted):
    /// the lists are patched and every unedited practice keeps its card, bank entry and search entry.
    /// `previousPosition` gets, per practice, its index in `previous` (-1 for an edited one).
    init(patching previous: SiteData, kb: KnowledgeBase, bodies: BodyRenderer, today: ContentDate, edited: Set<String>,
         previousPosition: inout [Int]) {
        self.kb = kb
        routes = previous.routes
        self.bodies = bodies
        self.today = today
        themeLinks = previous.themeLinks
        let before = previous.kb.bestPractices, practices = kb.bestPractices
        let index = PracticeIndex(patching: previous.index, before: before, practices: practices, edited: edited,
                                  previousPosition: &previousPosition)
        self.index = index
        let sameFacets = edited.allSatisfy { slug in
            guard let i = index.position[slug], let j = previous.index.position[slug] else { return false }
            return Self.sameFacets(practices[i], before[j])
        }
        bankFacets = sameFacets ? previous.bankFacets : PagePlanner.bankFacets(kb)
        (cards, bankEntries) = Self.practiceValues(
            practices, routes: routes, themeLinks: themeLinks, reusing: (previous, previousPosition))
    }

    private static func themeLinks(_ kb: KnowledgeBase, routes: Routes) -> [String: Value] {
        var links: [String: Value] = [:]
        for theme in kb.themes { links[theme.slug] = .link(theme.title, routes.url(Routes.theme(theme.slug))) }
        return links
    }

    /// Cards and bank entries, built in parallel (on a big site they are the bulk of the shared values),
    /// or taken from an earlier build for the practices with a position there.
    private static func practiceValues(_ practices: [BestPractice], routes: Routes, themeLinks: [String: Value],
                                       reusing: (data: SiteData, positions: [Int])?) -> ([Value], [[UInt8]]) {
        let values = Parallel.map(practices.count, chunk: 64) { i -> (Value, [UInt8]) in
            if let reusing, reusing.positions[i] >= 0 {
                return (reusing.data.cards[reusing.positions[i]], reusing.data.bankEntries[reusing.positions[i]])
            }
            return (card(practices[i], routes: routes, themeLinks: themeLinks), PagePlanner.bankEntry(practices[i], routes: routes))
        }
        return (values.map(\.0), values.map(\.1))
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

    /// A practice's tags as links, each tag once (two spellings of one tag are one link) in the spelling the
    /// tag pages show.
    func tagLinks(_ tags: [String]) -> Value {
        var seen = Set<String>()
        return .list(tags.compactMap { tag in
            let slug = index.tagSlugs[tag] ?? TextSlug.make(tag)
            guard seen.insert(slug).inserted else { return nil }
            return .link(index.tagTitles[slug] ?? tag, routes.url(Routes.tag(slug)))
        })
    }

    func url(_ path: String) -> String { routes.url(path) }

    /// An address an editor wrote in a `link` or `website` field: `/themas/` is a page of this site,
    /// written from the site's root, so it goes under the site's path (`/brein/themas/`); anything else
    /// (`https://…`, `mailto:…`) stays as written, and a web address without its scheme gets `https://`
    /// (`WebAddress.full`).
    func href(_ link: String) -> String {
        link.hasPrefix("/") && !link.hasPrefix("//") ? routes.url(String(link.dropFirst())) : WebAddress.full(link)
    }

    func href(_ link: String?) -> String? { link.map(href) }

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
