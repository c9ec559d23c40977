import ContentModel
import Diagnostics
import Foundation
import Templates

#if canImport(Glibc)
import Glibc
#endif

/// What to build and where.
public struct BuildOptions: Sendable {
    /// The site folder: it holds `content/` and `themes/`.
    public var root: URL
    /// Where the site goes; `root/output` when nil.
    public var output: URL?
    /// Include items marked `draft: true` (for previews; never for publishing).
    public var drafts: Bool
    /// Include items marked `visibility: internal`.
    public var includeInternal: Bool
    /// Print nothing but errors and warnings.
    public var quiet: Bool
    /// Show the "pagina's done/total" line while building (only on a terminal, never when quiet).
    public var progress: Bool

    public init(root: URL, output: URL? = nil, drafts: Bool = false, includeInternal: Bool = false,
                quiet: Bool = false, progress: Bool = false) {
        self.root = root
        self.output = output
        self.drafts = drafts
        self.includeInternal = includeInternal
        self.quiet = quiet
        self.progress = progress
    }

    public var outputDirectory: URL { output ?? root.appendingPathComponent("output", isDirectory: true) }
}

/// Counts for the one-line summary after a build.
public struct BuildSummary: Sendable {
    /// HTML pages written.
    public var pages: Int
    /// All files written (pages, feeds, indexes, assets, static files).
    public var files: Int
    public var outputPath: String
    /// Warnings of the build (content and links); errors fail the build instead.
    public var warnings: [Diagnostic] = []
    /// Wall-clock seconds the build took.
    public var seconds: Double = 0
}

/// Builds the site: loads `content/` into the knowledge base, renders every page through the theme in
/// parallel into a staging folder, adds feeds, sitemap, search indexes and assets, and swaps the staging
/// folder in only when all of it succeeded.
public struct SiteBuilder {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws -> BuildSummary {
        let started = DispatchTime.now().uptimeNanoseconds
        let root = options.root
        // First of all, before anything can fail: clear up after builds that were killed.
        var walkWarnings = StagedOutput.removeLeftovers(beside: options.outputDirectory)
        let (kb, loadDiagnostics) = try ContentLoader.load(
            root: root, options: LoadOptions(includeDrafts: options.drafts, includeInternal: options.includeInternal))
        if loadDiagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(loadDiagnostics) }

        let (data, bodies) = Self.siteData(kb, root: root)
        let theme = try ThemeLocator.locate(root: root)
        let assets = try Self.assets(root: root, theme: theme, routes: data.routes)
        let reportYears = SiteReports.years(root: root)
        let environment = Self.environment(root: root, theme: theme, data: data, assets: assets, reportYears: reportYears)

        // The reports need nothing the pages write: they are rendered meanwhile on a thread of their own,
        // so their work overlaps the pages' (which mostly wait on the disk).
        let reportsJob = BackgroundJob { try SiteReports.render(years: reportYears, root: root, day: data.today) }

        let progress = ProgressLine(enabled: options.progress && !options.quiet)
        let staged = try StagedOutput(target: options.outputDirectory)
        var files = 0
        var reportWarnings: [Diagnostic] = []
        let pageCount: Int
        do {
            let search = SearchCollector()
            let pages = PagePlanner.plan(data, search: search)
            progress.start(total: pages.count)
            pageCount = try PageRenderer.render(pages, environment: environment, into: staged.staging, progress: progress)
            progress.finish()
            files += pageCount
            let bodyDiagnostics = bodies.diagnostics
            if bodyDiagnostics.contains(where: { $0.severity == .error }) {
                throw DiagnosticError(loadDiagnostics + bodyDiagnostics)
            }
            let auxiliary = Self.auxiliaryFiles(
                data, sitemapPaths: pages.filter(\.inSitemap).map(\.path), searchIndex: search.json())
            for file in auxiliary { try staged.write(Data(file.bytes), to: file.path) }
            files += auxiliary.count
            for asset in assets.assets {
                try staged.write(asset.data, to: asset.outputPath)
                files += 1
            }
            let statics = try Self.staticFiles(root: root)
            for file in statics.files { try staged.write(file.data, to: file.path) }
            files += statics.files.count
            walkWarnings += assets.warnings + statics.warnings
            let reports = try reportsJob.result()
            for file in reports.files { try staged.write(file.data, to: file.path) }
            files += reports.files.count
            reportWarnings = reports.warnings
            walkWarnings += staged.warnings + (try staged.commit())
        } catch {
            progress.finish()
            staged.discard()
            throw error
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return BuildSummary(
            pages: pageCount, files: files, outputPath: options.outputDirectory.path,
            warnings: (loadDiagnostics + bodies.diagnostics + reportWarnings + walkWarnings).filter { $0.severity != .error },
            seconds: seconds)
    }

    /// The files beside the pages: search and bank indexes, feed, sitemap, robots.txt. The full and the
    /// incremental build both write exactly these, so a new one is added here, once.
    /// `sitemapPaths` are the paths of the pages in the sitemap, in plan order; `sitemap`, when given, is the
    /// sitemap an earlier build wrote for the same paths. Without `searchIndex` the list leaves it out (a
    /// caller that writes it on another thread).
    static func auxiliaryFiles(_ data: SiteData, sitemapPaths: [String], searchIndex: [UInt8]?,
                               sitemap: [UInt8]? = nil) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = []
        if let searchIndex { files.append((Routes.searchIndex, searchIndex)) }
        files += [
            (Routes.bankIndex, PagePlanner.bankIndex(data)),
            (Routes.feed, Array(feed(data).utf8)),
            (Routes.sitemap, sitemap ?? Array(Feeds.sitemap(routes: data.routes, paths: sitemapPaths).utf8)),
            ("robots.txt", Array(Feeds.robots(routes: data.routes).utf8)),
        ]
        if let calendar = calendar(data) { files.append((Routes.calendar, calendar)) }
        return files
    }

    /// The `asset(path)` function and the `markdown` filter, plus the shared values and the annual
    /// reports as globals.
    static func register(in environment: Environment, data: SiteData, assets: AssetPipeline, reportYears: [Int]) {
        let urls = assets.urls
        environment.registerFunction("asset") { arguments in
            guard arguments.positional.count == 1, case .string(let path) = arguments.positional[0] else {
                throw TemplateRuntimeError("asset() verwacht één pad, bijvoorbeeld asset('css/main.css')")
            }
            guard let url = urls[path] else {
                throw TemplateRuntimeError("asset('\(path)'): dat bestand staat niet in assets/ van het thema of de site")
            }
            return .string(url)
        }
        for (name, value) in PagePlanner.globals(data) { environment.registerGlobal(name, value) }
        environment.registerGlobal("reports", SiteReports.value(years: reportYears, data: data))
    }

    /// Content path ("best-practices/x.md") → URL, for every item this build publishes.
    static func contentURLs(_ kb: KnowledgeBase, routes: Routes) -> [String: String] {
        var urls: [String: String] = [:]
        func add(_ info: ItemInfo, _ path: String) {
            let file = info.file.hasPrefix("content/") ? String(info.file.dropFirst("content/".count)) : info.file
            urls[file] = routes.url(path)
        }
        for t in kb.themes { add(t.info, Routes.theme(t.slug)) }
        for b in kb.bestPractices { add(b.info, Routes.bestPractice(b.slug)) }
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

    /// The Atom feed: the newest best practices and activities together.
    static func feed(_ data: SiteData) -> String {
        var entries: [(sort: ContentDate, entry: Feeds.Entry)] = []
        for bp in data.kb.bestPractices.prefix(50) {
            entries.append((bp.date, .init(title: bp.title, path: Routes.bestPractice(bp.slug), date: bp.date.iso,
                                           summary: bp.summary, category: "Best practice")))
        }
        for activity in data.kb.activities.suffix(50) {
            entries.append((activity.date, .init(title: activity.title, path: Routes.activity(activity.slug),
                                                 date: activity.date.iso, summary: activity.goal, category: "Activiteit")))
        }
        entries.sort { ($1.sort, $0.entry.path) < ($0.sort, $1.entry.path) }
        let newest = entries.prefix(50)
        return Feeds.atom(title: data.kb.site.title, subtitle: data.kb.site.description, routes: data.routes,
                          entries: newest.map(\.entry), updated: newest.first?.entry.date ?? data.today.iso)
    }

    /// The files of a site's `static/` folder with their bytes, paths relative to it, and the warnings of
    /// the walk (links out of the site, loops, special files: left out). Unreadable files are errors.
    static func staticFiles(root: URL) throws -> (files: [(path: String, data: Data)], warnings: [Diagnostic]) {
        let walk = try FolderWalk(folder: root.appendingPathComponent("static"), shown: "static", bounds: bounds(root: root))
        let files = try walk.files.map { file -> (path: String, data: Data) in
            do {
                return (file.relative, Data(try FileContents.read(file.path)))
            } catch let error as FileSystemError {
                throw error.diagnostic("kan static/\(file.relative) niet lezen", file: "static/\(file.relative)")
            }
        }
        return (files, walk.warnings)
    }

    /// Where symbolic links in copied folders may point: the site folder, and the theme's folder when the
    /// theme lies elsewhere (the default theme of the breingen checkout).
    static func bounds(root: URL, theme: URL? = nil) -> [String] {
        var bounds = [FileContents.realPath(root.path) ?? root.standardizedFileURL.path]
        if let theme, let real = FileContents.realPath(theme.path), !bounds.contains(where: { real == $0 || real.hasPrefix($0 + "/") }) {
            bounds.append(real)
        }
        return bounds
    }

    /// How messages name a folder: relative to the site folder when inside it.
    static func shown(_ folder: URL, root: URL) -> String {
        let base = root.standardizedFileURL.path, path = folder.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// The shared values of a build from its knowledge base: routes, content links, today's date. Also
    /// returns the body renderer, which collects the problems of the Markdown bodies it renders.
    static func siteData(_ kb: KnowledgeBase, root: URL) -> (SiteData, BodyRenderer) {
        let routes = Routes(baseURL: kb.site.baseURL)
        let bodies = BodyRenderer(links: LinkResolver(urls: contentURLs(kb, routes: routes), basePath: routes.basePath), root: root)
        return (SiteData(kb: kb, routes: routes, bodies: bodies, today: today()), bodies)
    }

    /// The fingerprinted assets of the theme and the site.
    static func assets(root: URL, theme: URL, routes: Routes) throws -> AssetPipeline {
        let folders = [theme.appendingPathComponent("assets"), root.appendingPathComponent("assets")]
        return try AssetPipeline(folders: folders.map { ($0, shown($0, root: root)) },
                                 bounds: bounds(root: root, theme: theme), routes: routes)
    }

    /// The template environment: the site's `templates/` before the theme's, with the shared values.
    static func environment(root: URL, theme: URL, data: SiteData, assets: AssetPipeline, reportYears: [Int]) -> Environment {
        let environment = Environment(
            searchPaths: [root.appendingPathComponent("templates"), theme.appendingPathComponent("templates")])
        SiteFilters.register(in: environment, baseURL: data.routes.baseURL)
        register(in: environment, data: data, assets: assets, reportYears: reportYears)
        return environment
    }

    /// Today's date (UTC), for "as of today" pages such as the organisation.
    static func today() -> ContentDate {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return ContentDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}
