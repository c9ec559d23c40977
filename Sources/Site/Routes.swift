import ContentModel
import Search

/// Where every page of the site lives. One place for the URL scheme, so templates, links, feeds and
/// the sitemap always agree. Paths are relative to the site root and end in `/` (a folder with an
/// `index.html`) or name a file (`feed.xml`).
public struct Routes: Sendable {
    /// The path part of the base URL, with a leading and trailing slash: "/" or "/brein/".
    public let basePath: String
    /// The base URL with a trailing slash: "https://example.org/brein/".
    public let baseURL: String

    public init(baseURL: String) {
        var base = baseURL
        if !base.hasSuffix("/") { base += "/" }
        self.baseURL = base
        // The path starts at the first "/" after "scheme://host".
        if let schemeEnd = base.range(of: "://"),
            let slash = base[schemeEnd.upperBound...].firstIndex(of: "/")
        {
            basePath = String(base[slash...])
        } else if base.hasPrefix("/") {
            basePath = base
        } else {
            basePath = "/"
        }
    }

    /// The root-relative URL of a site path: "best-practices/x/" → "/brein/best-practices/x/".
    public func url(_ path: String) -> String { basePath + path }

    /// The absolute URL of a site path, for feeds, the sitemap and canonical links.
    public func permalink(_ path: String) -> String { baseURL + path }

    /// The file a path is written to: folders get an `index.html`.
    public static func file(for path: String) -> String {
        path.isEmpty ? "index.html" : path.hasSuffix("/") ? path + "index.html" : path
    }

    // The URL scheme. Section names are Dutch, as the site's readers see them.
    public static let themes = "themas/"
    public static let bank = "best-practices/"
    public static let insights = "inzichten/"
    public static let activities = "activiteiten/"
    public static let alliances = "allianties/"
    public static let wijschool = "wij-school/"
    public static let organisation = "organisatie/"
    public static let publications = "publicaties/"
    public static let finance = "financien/"
    public static let tags = "tags/"
    public static let search = "zoeken/"
    /// The sharded search index (`Search.ShardedIndex`); its entry file is the one the search page reads.
    public static let searchIndexFolder = "zoeken/index/"
    public static let searchIndex = searchIndexFolder + ShardedIndex.entryName
    public static let bankIndex = "best-practices/index.json"
    public static let feed = "feed.xml"
    /// The activities as an iCalendar feed.
    public static let calendar = "activiteiten/agenda.ics"
    /// The slug of the free page with the accessibility statement (`breingen new toegankelijkheid`).
    public static let accessibilitySlug = "toegankelijkheid"
    public static let sitemap = "sitemap.xml"
    public static let notFound = "404.html"

    public static func theme(_ slug: String) -> String { themes + slug + "/" }
    public static func themeBestPractices(_ slug: String) -> String { themes + slug + "/best-practices/" }
    public static func bestPractice(_ slug: String) -> String { bank + slug + "/" }
    public static func activity(_ slug: String) -> String { activities + slug + "/" }
    public static func alliance(_ slug: String) -> String { alliances + slug + "/" }
    public static func scan(_ slug: String) -> String { wijschool + slug + "/" }
    public static func financeYear(_ year: Int) -> String { finance + "\(year)/" }
    public static func tag(_ slug: String) -> String { tags + slug + "/" }
    public static func page(_ slug: String) -> String { slug + "/" }
    public static func insight(_ slug: String) -> String { insights + "#" + slug }
    public static func publication(_ slug: String) -> String { publications + "#" + slug }

    /// The host of a base URL ("www.example.org" of "https://www.example.org/brein/"), for ids.
    public static func host(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "localhost" }
        let rest = baseURL[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" }
        return host.isEmpty ? "localhost" : String(host)
    }

    /// An address an editor wrote in a `link` or `website` field: `/themas/` is a page of this site,
    /// written from the site's root, so it goes under the site's path (`/brein/themas/`); anything else
    /// (`https://…`, `mailto:…`) stays as written, and a web address without its scheme gets `https://`
    /// (`WebAddress.full`).
    func href(_ link: String) -> String {
        link.hasPrefix("/") && !link.hasPrefix("//") ? url(String(link.dropFirst())) : WebAddress.full(link)
    }

    /// Page `number` (1-based) of a paginated list at `path`: the first page is the list itself.
    public static func paginated(_ path: String, page number: Int) -> String {
        number <= 1 ? path : path + "pagina/\(number)/"
    }
}
