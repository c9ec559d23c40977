import ContentModel
import Templates

/// One page of the site before rendering: where it goes, which template renders it, and how to build
/// its context. The context is built on the rendering thread, so a big site never holds all contexts
/// (or all HTML) at once; what building it reads is recorded (`PageReads`) and is all the page depends on.
final class PlannedPage: Sendable {
    /// Site path: "best-practices/housing-first/", or a file name such as "404.html".
    let path: String
    /// The file the page is written to: "best-practices/housing-first/index.html".
    let file: String
    /// `ContentHash` of `file`'s bytes: planning looks for two pages on one file by it, without hashing
    /// ten thousand strings each build.
    let fileKey: UInt64
    /// Template name in the theme: "best-practice.html".
    let template: String
    /// Whether the page belongs in the sitemap (the 404 page does not).
    let inSitemap: Bool
    /// What planning decided about the page beyond its path and template, when its context depends on it
    /// (the item a redirect points to, when several items claim its address): a page whose key differs
    /// from the last build's is rendered again.
    let planKey: String
    /// Builds the context from the build's data (given, not captured: a page planned by the last build is
    /// used again when nothing that planned it changed, see `PagePlanner.plan`).
    let context: @Sendable (SiteData) throws -> PageContext

    init(
        path: String, template: String, inSitemap: Bool = true, planKey: String = "",
        context: @escaping @Sendable (SiteData) throws -> PageContext
    ) {
        self.path = path
        var file = Routes.file(for: path)
        fileKey = file.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
        self.file = file
        self.template = template
        self.inSitemap = inSitemap
        self.planKey = planKey
        self.context = context
    }
}

/// What building a page gives: the template's values. A value like any other: building it changes
/// nothing else (the search index is made in a pass of its own, `SearchRecords`).
struct PageContext: ExpressibleByDictionaryLiteral {
    var values: [String: Value]

    init(_ values: [String: Value]) {
        self.values = values
    }

    init(dictionaryLiteral elements: (String, Value)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, b in b })
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

    /// `show(_:of:)` for an item a page reads.
    mutating func show<Item: ContentItem>(_ body: RenderedBody?, of item: Tracked<Item>) {
        toc = body?.toc ?? []
        source = item.file
    }

    func value(_ data: SiteData) -> Value {
        let crumbs: Value =
            breadcrumbs.isEmpty
            ? .none : .list(breadcrumbs.map { .link($0.0, data.url($0.1)) })
        return .object([
            ("kind", .string(kind)),
            ("title", .string(title)),
            ("url", .string(data.url(path))),
            ("permalink", .string(data.routes.permalink(path))),
            ("section", .string(data.url(section))),
            ("description", .text(description ?? data.content.site.description)),
            ("breadcrumbs", crumbs),
            ("prev", prev.map { .link($0.0, data.url($0.1)) } ?? .none),
            ("next", next.map { .link($0.0, data.url($0.1)) } ?? .none),
            ("pagination", pagination),
            ("intro", .text(intro)),
            ("toc", .list(toc.map(\.value))),
            ("source", .text(source)),
            ("editURL", .text(source.flatMap { EditLinks.url(for: $0, editURL: data.content.site.editURL) })),
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
        guard let n else {
            return .object([("number", .none), ("url", .none), ("current", .bool(false)), ("gap", .bool(true))])
        }
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
/// page's context. How many pages there are is planned from the list; what each page shows is read from
/// it while its context is built.
func bestPracticeListPages(
    path: String, template: String, kind: String, title: @escaping @Sendable () -> String, section: String,
    trail: @escaping @Sendable () -> [(String, String)], members: TrackedList<BestPractice>, perPage: Int,
    data: SiteData,
    extra: @escaping @Sendable () -> [String: Value] = { [:] }
) -> [PlannedPage] {
    let planned = Pagination(total: PageReads.untracked { members.count }, perPage: perPage)
    return (1...planned.pageCount).map { number in
        let pagePath = Routes.paginated(path, page: number)
        return PlannedPage(path: pagePath, template: template) { data in
            let pagination = Pagination(total: members.count, perPage: perPage)
            let title = title()
            var info = PageInfo(
                kind: kind, title: number > 1 ? "\(title) (pagina \(number))" : title, path: pagePath, section: section)
            info.breadcrumbs = PageInfo.crumbs(trail() + [(title, path)])
            info.pagination = paginationValue(pagination, page: number, path: path, data: data)
            var context = extra()
            context["page"] = info.value(data)
            context["bestPractices"] = .list(pagination.range(ofPage: number).map { data.card(members[$0]) })
            return PageContext(context)
        }
    }
}
