import ContentModel
import Templates

/// One page of the site before rendering: where it goes, which template renders it, and how to build
/// its context. The context is built on the rendering thread, so a big site never holds all contexts
/// (or all HTML) at once.
struct PlannedPage: Sendable {
    /// Site path: "best-practices/housing-first/", or a file name such as "404.html".
    var path: String
    /// Template name in the theme: "best-practice.html".
    var template: String
    /// Whether the page belongs in the sitemap (the 404 page does not).
    var inSitemap = true
    /// For a page that lists best-practice cards: which, and a hash of everything else it shows.
    var listing: CardListing? = nil
    var context: @Sendable () throws -> [String: Value]
}

/// What a list page shows: the cards of `shown` (indices into the knowledge base's best practices) and,
/// hashed into `rest`, its title, place in the pagination and any list-wide values (the bank's filters).
/// Nothing else, so after an edit of some practices' fields the page is the same when the same practices
/// are shown and none of them was edited.
struct CardListing: Sendable {
    var shown: ArraySlice<Int>
    var rest: Int

    /// The listing as one number, with the practices by slug (indices move when a practice moves).
    func key(_ data: SiteData) -> Int {
        var hasher = Hasher()
        hasher.combine(rest)
        hasher.combine(shown.count)
        let slugHashes = data.index.slugHashes
        for index in shown { hasher.combine(slugHashes[index]) }
        return hasher.finalize()
    }
}

/// What every page tells the base layout about itself (`page` in the templates).
struct PageInfo {
    var kind: String
    var title: String
    var path: String
    /// The section path the page belongs to, to mark the menu: "best-practices/".
    var section: String
    var description: String? = nil
    /// From the home page down to this page; this page last.
    var breadcrumbs: [(String, String)] = []
    var prev: (String, String)? = nil
    var next: (String, String)? = nil
    var pagination: Value = .none
    var intro: String? = nil
    /// The headings of the page's Markdown body (`PageInfo.show(_:of:)`).
    var toc: [TOCEntry] = []
    /// The content file the page shows ("content/themes/onderwijs.md"), for the edit link.
    var source: String? = nil
    /// `og:type`: "website", or "article" for a page about one item.
    var ogType = "website"
    /// The page's schema.org description as JSON-LD (`StructuredData`), ready for a `<script>` element.
    var structuredData: String? = nil

    /// The page shows the body `body` of the item `item`: its table of contents and its file.
    mutating func show(_ body: RenderedBody?, of item: ItemInfo) {
        toc = body?.toc ?? []
        source = item.file
    }

    func value(_ data: SiteData) -> Value {
        let crumbs: Value = breadcrumbs.isEmpty
            ? .none : .list(breadcrumbs.map { .link($0.0, data.url($0.1)) })
        return .object([
            ("kind", .string(kind)),
            ("title", .string(title)),
            ("url", .string(data.url(path))),
            ("permalink", .string(data.routes.permalink(path))),
            ("section", .string(data.url(section))),
            ("description", .text(description ?? data.kb.site.description)),
            ("breadcrumbs", crumbs),
            ("prev", prev.map { .link($0.0, data.url($0.1)) } ?? .none),
            ("next", next.map { .link($0.0, data.url($0.1)) } ?? .none),
            ("pagination", pagination),
            ("intro", .text(intro)),
            ("toc", .list(toc.map(\.value))),
            ("source", .text(source)),
            ("editURL", .text(source.flatMap { EditLinks.url(for: $0, editURL: data.kb.site.editURL) })),
            ("ogType", .string(ogType)),
            ("structuredData", structuredData.map { .safe($0) } ?? .none),
        ])
    }
}

extension PageInfo {
    /// Breadcrumbs Home › section › … › this page.
    static func crumbs(_ trail: [(String, String)]) -> [(String, String)] {
        [("Home", "")] + trail
    }
}

/// The `page.pagination` value of page `number` of a list at `path`.
func paginationValue(_ pagination: Pagination, page number: Int, path: String, data: SiteData) -> Value {
    guard pagination.pageCount > 1 else { return .none }
    let links: [Value] = pagination.visiblePages(around: number).map { n in
        guard let n else { return .object([("number", .none), ("url", .none), ("current", .bool(false)), ("gap", .bool(true))]) }
        return .object([
            ("number", .int(n)), ("url", .string(data.url(Routes.paginated(path, page: n)))),
            ("current", .bool(n == number)), ("gap", .bool(false)),
        ])
    }
    return .object([
        ("page", .int(number)),
        ("pages", .int(pagination.pageCount)),
        ("prev", number > 1 ? .string(data.url(Routes.paginated(path, page: number - 1))) : .none),
        ("next", number < pagination.pageCount ? .string(data.url(Routes.paginated(path, page: number + 1))) : .none),
        ("links", .list(links)),
    ])
}

/// Pages of a paginated list of best practices (the bank, a theme's list, a tag). `extra` goes into every
/// page's context.
func bestPracticeListPages(
    path: String, template: String, kind: String, title: String, section: String, trail: [(String, String)],
    members: [Int], perPage: Int, data: SiteData, extra: [String: Value] = [:]
) -> [PlannedPage] {
    let pagination = Pagination(total: members.count, perPage: perPage)
    var listHasher = Hasher()
    for part in [path, template, kind, title, section] { listHasher.combine(part) }
    for (name, url) in trail { listHasher.combine(name); listHasher.combine(url) }
    listHasher.combine(members.count)
    listHasher.combine(ValueFingerprint.of(extra))
    let list = listHasher.finalize()
    return (1...pagination.pageCount).map { number in
        let pagePath = Routes.paginated(path, page: number)
        let range = pagination.range(ofPage: number)
        var rest = Hasher()
        rest.combine(list)
        rest.combine(number)
        var page = PlannedPage(path: pagePath, template: template) {
            var info = PageInfo(kind: kind, title: number > 1 ? "\(title) (pagina \(number))" : title, path: pagePath, section: section)
            info.breadcrumbs = PageInfo.crumbs(trail + [(title, path)])
            info.pagination = paginationValue(pagination, page: number, path: path, data: data)
            var context = extra
            context["page"] = info.value(data)
            context["bestPractices"] = .list(range.map { data.cards[members[$0]] })
            return context
        }
        page.listing = CardListing(shown: members[range], rest: rest.finalize())
        return page
    }
}
