import ContentModel
import Diagnostics
import Foundation
import Templates

/// What one build knows and the page builders share: the knowledge base, the routes, where the best
/// practices stand in the lists, and the values many pages show (cards, related practices, tag titles).
///
/// The page builders read the content through `content` and the accessors here, which record every read
/// in the page's `PageReads`: what a page read is what it depends on. The raw knowledge base (`kb`) is
/// for planning and for the files beside the pages, never for a page's context.
final class SiteData: @unchecked Sendable {
    /// The knowledge base, for the tracked accessors (`TrackedContent`); everyone else reads `kb`.
    let knowledgeBase: KnowledgeBase
    let routes: Routes
    let today: ContentDate
    let root: URL
    let links: LinkResolver
    let items: ItemTable
    let index: PracticeIndex
    /// The item numbers of `kb.bestPractices`, in its order.
    let practiceIDs: [ItemID]
    /// The queries kept from build to build (a build that keeps no state works them out every time).
    let queries: InputTable?
    private let lock = NSLock()
    private var lists: [ListKey: AnyObject] = [:]
    private var cards: [ItemID: (value: Value, reads: [(Input, any InputValue)])] = [:]
    /// The plain text of the bodies rendered, for the search pass; the build session keeps one from build
    /// to build.
    var bodyTexts = BodyTextMemo()
    /// Renders the Markdown bodies; set at the end of `init`, as it refers back to this.
    private(set) var bodies: BodyRenderer!
    /// The bank's filters, worked out once per build.
    private let facets: [BankFacet]
    /// Tag slug → its practices (indices into `kb.bestPractices`).
    let tagMembers: [String: [Int]]
    /// The lists most pages read, made at once.
    private(set) var practicesList: ListData<BestPractice>!
    private(set) var themesList: ListData<Theme>!
    let siteID: ItemID

    /// What the practice index, the item numbers and the content URLs are made of: a build whose practices
    /// have the same files, slugs, tags and themes in the same order (an edit of a text or of another
    /// field) takes those from the build before.
    let shape: PracticeShape
    /// The files and slugs of the other items, for the content URLs.
    private let otherShape: [String]
    /// Whether the practices' shape, and with it their lists, index and numbers, are the last build's; and
    /// whether the content URLs are too.
    private let sameShape: Bool
    private let sameLinks: Bool

    /// The data of a build; what `previous` (the last build's) made from the same inputs is taken over.
    init(
        kb: KnowledgeBase, root: URL, today: ContentDate, items: ItemTable, queries: InputTable?,
        previous: SiteData? = nil
    ) {
        knowledgeBase = kb
        routes = Routes(baseURL: kb.site.baseURL)
        self.today = today
        self.root = root
        self.items = items
        self.queries = queries
        let shape = PracticeShape.of(
            kb.bestPractices, previous: previous?.shape, before: previous?.knowledgeBase.bestPractices ?? [])
        let otherShape = SiteData.otherShape(kb)
        self.shape = shape
        self.otherShape = otherShape
        let same = previous.map { $0.shape == shape } ?? false
        sameShape = same
        let routes = self.routes
        sameLinks = same && previous!.routes.baseURL == routes.baseURL && previous!.otherShape == otherShape
        if sameLinks, let previous {
            links = previous.links
        } else {
            links = LinkResolver(urls: SiteData.contentURLs(kb, routes: routes), basePath: routes.basePath)
        }
        if same, let previous {
            index = previous.index
            practiceIDs = previous.practiceIDs
            tagMembers = previous.tagMembers
        } else {
            index = PracticeIndex(kb.bestPractices)
            practiceIDs = items.ids(kb.bestPractices)
            tagMembers = Dictionary(index.tags.map { ($0.slug, $0.members) }, uniquingKeysWith: { a, _ in a })
        }
        if let previous, BankFacet.sameInputs(kb, as: previous.knowledgeBase) {
            facets = previous.facets
        } else {
            facets = BankFacet.facets(kb)
        }
        siteID = items.id(ItemTable.siteFile)
        bodies = BodyRenderer(self)
        let positions = same ? previous?.practicesList.positions : nil
        practicesList =
            list(.practices) { ListData(.practices, base: kb.bestPractices, ids: practiceIDs, positions: positions) }
            .data
        themesList = list(.themes, of: kb.themes).data
        // With the same shape, the lists of practices by theme and by tag are the same lists.
        if same, let previous {
            previous.lock.lock()
            let kept = previous.lists
            previous.lock.unlock()
            for (key, made) in kept {
                switch key {
                case .practicesOfTheme, .practicesOfTag:
                    if let made = made as? ListData<BestPractice> { lists[key] = made.rebased(on: kb.bestPractices) }
                default: break
                }
            }
        }
    }

    /// The files and slugs of every item but the best practices.
    private static func otherShape(_ kb: KnowledgeBase) -> [String] {
        var shape: [String] = []
        func add(_ info: ItemInfo) {
            shape.append(info.file)
            shape.append(info.slug)
        }
        kb.themes.forEach { add($0.info) }
        kb.insights.forEach { add($0.info) }
        kb.activities.forEach { add($0.info) }
        kb.alliances.forEach { add($0.info) }
        kb.publications.forEach { add($0.info) }
        kb.schoolScans.forEach { add($0.info) }
        kb.pages.forEach { add($0.info) }
        kb.results.forEach { add($0.info) }
        kb.finance.forEach { add($0.info) }
        kb.people.forEach { add($0.info) }
        return shape
    }

    /// The knowledge base itself: for planning and the files beside the pages. A page's context reads
    /// `content` instead, so that what it reads is recorded.
    var kb: KnowledgeBase {
        assert(PageReads.current == nil, "a page read the knowledge base without recording it; use SiteData.content")
        return knowledgeBase
    }

    var content: TrackedContent { TrackedContent(data: self) }

    func url(_ path: String) -> String { routes.url(path) }

    /// An address an editor wrote in a `link` or `website` field (`Routes.href`).
    func href(_ link: String) -> String { routes.href(link) }

    func href(_ link: String?) -> String? { link.map(href) }

    // MARK: Lists

    /// The list `key` of this build, made once and shared.
    func list<Item: ContentItem>(_ key: ListKey, _ make: () -> ListData<Item>) -> TrackedList<Item> {
        lock.lock()
        if let made = lists[key] as? ListData<Item> {
            lock.unlock()
            return TrackedList(data: made)
        }
        lock.unlock()
        let made = make()
        lock.lock()
        defer { lock.unlock() }
        if let other = lists[key] as? ListData<Item> { return TrackedList(data: other) }
        lists[key] = made
        return TrackedList(data: made)
    }

    /// A list of the knowledge base with the numbers of its items.
    func list<Item: ContentItem>(_ key: ListKey, of items: @autoclosure () -> [Item]) -> TrackedList<Item> {
        list(key) {
            let items = items()
            return ListData(key, base: items, ids: self.items.ids(items))
        }
    }

    /// Best practices picked from `kb.bestPractices` by index.
    func practices(_ key: ListKey, _ indices: @autoclosure () -> [Int]) -> TrackedList<BestPractice> {
        list(key) {
            let indices = indices()
            return ListData(
                key, base: knowledgeBase.bestPractices, indices: indices, ids: indices.map { practiceIDs[$0] })
        }
    }

    /// The practice with item number `id`, tracked.
    func practice(_ id: ItemID) -> Tracked<BestPractice>? {
        content.practices.data.positions[id].map { Tracked(item: knowledgeBase.bestPractices[$0], id: id) }
    }

    // MARK: Derived values

    /// Reads a value derived from many items, recording it.
    private func derived<V: Equatable & Sendable>(_ key: DerivedKey, _ value: V) -> V {
        PageReads.current?.note(.derived(key), value: value)
        return value
    }

    /// The spelling a tag's pages show.
    func tagTitle(_ slug: String) -> String {
        derived(.tagTitle(slug), index.tagTitles[slug] ?? slug)
    }

    /// Every tag with its title, slug and number of practices, alphabetically.
    var tags: [TagSummary] { derived(.tags, tagSummaries) }

    private var tagSummaries: [TagSummary] {
        index.tags.map { TagSummary(title: $0.title, slug: $0.slug, count: $0.members.count) }
    }

    /// The filters of the bank with their counts.
    var bankFacets: [BankFacet] { derived(.bankFacets, facets) }

    func financialRatios(_ year: Int) -> FinancialRatios? {
        derived(.financialRatios(year), knowledgeBase.financialRatios[year])
    }

    var keurmerken: [SchoolYear: KeurmerkSummary] { derived(.keurmerken, knowledgeBase.keurmerken) }

    /// What a link to `path` in a Markdown body becomes.
    func contentLink(_ path: String) -> ContentLink {
        derived(.contentLink(path), link(to: path))
    }

    private func link(to path: String) -> ContentLink { Self.link(to: path, urls: links.urls, root: root) }

    /// What a link to the content path `path` becomes, given the URLs of the build.
    static func link(to path: String, urls: [String: String], root: URL) -> ContentLink {
        if let url = urls[path] { return .url(url) }
        return FileManager.default.fileExists(atPath: root.appendingPathComponent("content/" + path).path)
            ? .unpublished : .missing
    }

    // MARK: Values many pages show

    /// `{title, url}` of the theme with `slug`, or nil when there is no such theme.
    func themeLink(_ slug: String) -> Value? {
        content.theme(slug).map { theme in .link(theme.title, url(Routes.theme(theme.slug))) }
    }

    /// A practice's tags as links, each tag once (two spellings of one tag are one link) in the spelling the
    /// tag pages show.
    func tagLinks(_ tags: [String]) -> Value {
        var seen = Set<String>()
        return .list(
            tags.compactMap { tag in
                let slug = index.slug(tag)
                guard seen.insert(slug).inserted else { return nil }
                return .link(tagTitle(slug), routes.url(Routes.tag(slug)))
            })
    }

    /// The card of a best practice, as lists show it. Made once per build: a later page that shows the
    /// same card takes it with what making it read.
    func card(_ bp: Tracked<BestPractice>) -> Value {
        let current = PageReads.current
        lock.lock()
        if let made = cards[bp.id] {
            lock.unlock()
            current?.replay(made.reads)
            return made.value
        }
        lock.unlock()
        let reads = PageReads(recording: current?.recording ?? false)
        let value = PageReads.gathering(into: reads) {
            Value.object([
                ("title", .string(bp.title)),
                ("slug", .string(bp.slug)),
                ("url", .string(url(Routes.bestPractice(bp.slug)))),
                ("date", .string(bp.date.iso)),
                ("dateText", .string(bp.date.dutch)),
                ("places", .texts(bp.places)),
                ("status", .string(bp.status.rawValue)),
                ("stoppedText", .text(bp.stopped?.dutch)),
                ("summary", .text(bp.summary)),
                ("lessBest", .bool(bp.lessBest)),
                ("themes", .list(bp.themes.compactMap { themeLink($0) })),
            ])
        }
        lock.lock()
        cards[bp.id] = (value, reads.inputs)
        lock.unlock()
        current?.replay(reads.inputs)
        return value
    }

    /// Up to three best practices like `bp`: near it in its first theme's list, ranked by shared tags.
    /// Looking only at neighbours keeps this linear on big sites. A query: kept from build to build and
    /// worked out again only when what it read changed.
    func related(to bp: Tracked<BestPractice>) -> [Tracked<BestPractice>] {
        let key = QueryKey.related(bp.id)
        let ids: [ItemID]
        if let queries {
            if let kept = queries.queryValue(key) as? StoredValue<[ItemID]> {
                ids = kept.value
            } else {
                let (value, reads) = computeRelated(bp)
                queries.storeQuery(key, value: StoredValue(value: value), reads: reads)
                ids = value
            }
            PageReads.current?.note(.query(key), value: ids)
        } else {
            ids = PageReads.untracked { computeRelated(bp).ids }
        }
        return ids.compactMap { practice($0) }
    }

    private func computeRelated(_ bp: Tracked<BestPractice>, limit: Int = 3) -> (
        ids: [ItemID], reads: [(Input, any InputValue)]
    ) {
        let reads = PageReads(recording: queries != nil)
        let ids: [ItemID] = PageReads.gathering(into: reads) {
            guard let theme = bp.themes.first, let own = practicePosition(bp.id) else { return [] }
            let list = content.practices(ofTheme: theme)
            let tags = tagNumbers(bp.id, at: own)
            var scored: [(score: Int, distance: Int, place: Int, id: ItemID)] = []
            scored.reserveCapacity(80)
            for (offset, id, position) in list.neighbourIDs(of: bp.id, within: 40) {
                scored.append((Self.sharedCount(tags, tagNumbers(id, at: position)), abs(offset), offset, id))
            }
            guard scored.count > 0 else { return [] }
            // Ties go to the nearer, then to the earlier in the list (the newer).
            scored.sort { ($1.score, $0.distance, $0.place) < ($0.score, $1.distance, $1.place) }
            return scored.prefix(limit).map(\.id)
        }
        return (ids, reads.inputs)
    }

    /// A practice's tags as sorted numbers, to count shared tags cheaply (`position` is its place in
    /// `kb.bestPractices`); recorded as a read of its `tags`, which they are made from.
    private func tagNumbers(_ id: ItemID, at position: Int) -> [Int] {
        if let reads = PageReads.current, reads.recording {
            reads.note(.field(id, Self.tagsField), value: knowledgeBase.bestPractices[position].tags)
        }
        return index.tagIDs[position]
    }

    private static let tagsField = FieldTable.shared.id(\BestPractice.tags)

    /// The place of a practice in `kb.bestPractices`.
    private func practicePosition(_ id: ItemID) -> Int? {
        content.practices.data.positions[id]
    }

    /// How many numbers two sorted lists share.
    static func sharedCount(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0
        var j = 0
        var count = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                count += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return count
    }

    static func statusText(_ bp: BestPractice) -> String {
        bp.status == .gestopt ? "gestopt" + (bp.stopped.map { " sinds " + $0.dutch } ?? "") : "actief"
    }

    // MARK: Bodies

    /// The Markdown body of an item rendered, or nil when it has none. Links to content files become
    /// URLs; a broken link is an error and an image without alt text a warning, in the page's reads.
    func body<Item: ContentItem>(of item: Tracked<Item>) -> RenderedBody? {
        guard let body = item[dynamicMember: \.info.body], !body.text.isEmpty else { return nil }
        let rendered = MarkdownBridge.render(body, file: item.item.info.file, renderer: bodies)
        if let rendered { bodyTexts.store(body, text: rendered.text, headings: rendered.headings) }
        return rendered
    }

    /// Content path ("best-practices/x.md") → URL, for every item this build publishes.
    static func contentURLs(_ kb: KnowledgeBase, routes: Routes) -> [String: String] {
        var urls: [String: String] = [:]
        func add(_ info: ItemInfo, _ path: String) {
            let file = info.file.hasPrefix("content/") ? String(info.file.dropFirst("content/".count)) : info.file
            urls[file] = routes.url(path)
        }
        for t in kb.themes { add(t.info, Routes.theme(t.slug)) }
        for i in kb.bestPractices.indices {
            add(kb.bestPractices[i].info, Routes.bestPractice(kb.bestPractices[i].slug))
        }
        for i in kb.insights { add(i.info, Routes.insight(i.slug)) }
        for a in kb.activities { add(a.info, Routes.activity(a.slug)) }
        for a in kb.alliances { add(a.info, Routes.alliance(a.slug)) }
        for p in kb.publications { add(p.info, Routes.publication(p.slug)) }
        for s in kb.schoolScans { add(s.info, Routes.scan(s.slug)) }
        for p in kb.pages { add(p.info, Routes.page(p.slug)) }
        for r in kb.results { add(r.info, Routes.theme(r.theme)) }
        for f in kb.finance { add(f.info, Routes.financeYear(f.year)) }
        if !kb.people.isEmpty { for p in kb.people { add(p.info, Routes.organisation) } }
        return urls
    }
}

/// The fields of the best practices, in order, that the practice index, their numbers and their URLs are
/// made from.
struct PracticeShape: Equatable {
    var files: [String] = []
    var slugs: [String] = []
    var tags: [[String]] = []
    var themes: [[String]] = []

    /// The shape of `practices`: `previous` itself when it is theirs (an edit of a text or of another
    /// field), compared in place, without making four arrays of 10,000 entries to compare.
    /// `before`: the practices `previous` was made from; a practice that is an unchanged copy of the one
    /// in its place is not compared field by field.
    static func of(_ practices: [BestPractice], previous: PracticeShape?, before: [BestPractice]) -> PracticeShape {
        if let previous, previous.matches(practices, before: before) { return previous }
        return PracticeShape(practices)
    }

    private func matches(_ practices: [BestPractice], before: [BestPractice]) -> Bool {
        guard files.count == practices.count else { return false }
        for i in practices.indices {
            if i < before.count, practices[i].isUnchangedCopy(of: before[i]) { continue }
            guard files[i] == practices[i].info.file, slugs[i] == practices[i].info.slug,
                tags[i] == practices[i].tags, themes[i] == practices[i].themes
            else { return false }
        }
        return true
    }

    init(_ practices: [BestPractice]) {
        files.reserveCapacity(practices.count)
        slugs.reserveCapacity(practices.count)
        tags.reserveCapacity(practices.count)
        themes.reserveCapacity(practices.count)
        for i in practices.indices {
            files.append(practices[i].info.file)
            slugs.append(practices[i].info.slug)
            tags.append(practices[i].tags)
            themes.append(practices[i].themes)
        }
    }
}

/// What a link to a content path becomes.
enum ContentLink: Equatable, Sendable {
    case url(String)
    /// The file exists but is not in this build (a draft or internal item).
    case unpublished
    case missing
}

/// A tag as the tags overview shows it.
struct TagSummary: Equatable, Sendable {
    var title: String
    var slug: String
    var count: Int
}

extension SiteData: InputSource {
    func ids(of list: ListKey) -> [ItemID] { trackedList(list)?.ids ?? [] }

    func positions(of list: ListKey) -> [ItemID: Int] { trackedList(list)?.positions ?? [:] }

    func item(withSlug slug: String, in list: ListKey) -> ItemID? {
        guard let list = trackedList(list) else { return nil }
        return list.slugPosition(slug).map { list.ids[$0] }
    }

    func derived(_ key: DerivedKey) -> any InputValue {
        switch key {
        case .tagTitle(let slug): return StoredValue(value: index.tagTitles[slug] ?? slug)
        case .tags: return StoredValue(value: tagSummaries)
        case .bankFacets: return StoredValue(value: facets)
        case .financialRatios(let year): return StoredValue(value: knowledgeBase.financialRatios[year])
        case .keurmerken: return StoredValue(value: knowledgeBase.keurmerken)
        case .contentLink(let path): return StoredValue(value: link(to: path))
        }
    }

    func recompute(_ key: QueryKey) -> (value: any InputValue, reads: [(Input, any InputValue)]) {
        switch key {
        case .related(let id):
            guard let bp = practice(id) else { return (Absent(), []) }
            let (ids, reads) = computeRelated(bp)
            return (StoredValue(value: ids), reads)
        }
    }

    func surelyUnchanged(_ list: ListKey) -> Bool {
        switch list {
        case .practices, .practicesOfTheme, .practicesOfTag: return sameShape
        default: return false
        }
    }

    func surelyUnchanged(_ key: DerivedKey) -> Bool {
        switch key {
        case .contentLink: return sameLinks
        case .tagTitle, .tags: return sameShape
        case .bankFacets, .financialRatios, .keurmerken: return false
        }
    }

    /// A list of this build by key, whatever its item type, for comparing it with the last build's.
    private func trackedList(_ key: ListKey) -> AnyListData? {
        let content = self.content
        switch key {
        case .practices: return content.practices.data
        case .practicesOfTheme(let slug): return content.practices(ofTheme: slug).data
        case .practicesOfTag(let slug): return content.practices(ofTag: slug).data
        case .themes: return content.themes.data
        case .themesIn(let year): return content.themes(in: year).data
        case .insights: return content.insights.data
        case .activities: return content.activities.data
        case .alliances: return content.alliances.data
        case .publications: return content.publications.data
        case .people: return content.people.data
        case .scans: return content.scans.data
        case .finance: return content.finance.data
        case .pages: return content.pages.data
        case .results: return content.results.data
        case .themeResults(let slug): return content.digest(slug).results.data
        case .themeInsights(let slug): return content.digest(slug).insights.data
        case .themeAlliances(let slug): return content.digest(slug).alliances.data
        case .themeActivities(let slug): return content.digest(slug).activities.data
        case .themePublications(let slug): return content.digest(slug).publications.data
        }
    }
}

/// What comparing lists needs of a list, whatever its items.
protocol AnyListData: AnyObject {
    var ids: [ItemID] { get }
    var positions: [ItemID: Int] { get }
    func slugPosition(_ slug: String) -> Int?
}

extension ListData: AnyListData {
    func slugPosition(_ slug: String) -> Int? { position(ofSlug: slug) }
}
