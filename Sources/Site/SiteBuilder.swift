import ContentModel
import Diagnostics
import Foundation
import Parallel
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

    public init(
        root: URL, output: URL? = nil, drafts: Bool = false, includeInternal: Bool = false,
        quiet: Bool = false, progress: Bool = false
    ) {
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

/// Builds the site into `output/`: every page rendered, the files that differ from the output of the
/// last build written (the others are kept), and the new output swapped in whole, only when all of it
/// succeeded (`PublishedOutput`). The same path as the live preview's builds (`BuildSession`), with no
/// previous state.
public struct SiteBuilder {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws -> BuildSummary {
        let started = DispatchTime.now().uptimeNanoseconds
        // One arena per core, not eight: the rendering threads' freed memory serves the search pass after
        // them instead of staying in arenas of their own (a tenth of the peak at 10,000 pages).
        Allocator.limitArenas(to: Parallel.cores)
        let session = BuildSession(options: options, keepsState: false)
        let output = try PublishedOutput(output: options.outputDirectory)
        let outcome = try session.build(
            changed: nil, into: output, progress: ProgressLine(enabled: options.progress && !options.quiet))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return BuildSummary(
            pages: outcome.pages, files: outcome.files, outputPath: options.outputDirectory.path,
            warnings: output.warnings + outcome.warnings, seconds: seconds)
    }

    /// The `asset(path)` function, the shared values and the annual reports as globals.
    static func register(in environment: Environment, data: SiteData, assets: AssetPipeline, reportYears: [Int]) {
        let urls = assets.urls
        environment.registerFunction("asset") { arguments in
            guard arguments.positional.count == 1, case .string(let path) = arguments.positional[0] else {
                throw TemplateRuntimeError("asset() verwacht één pad, bijvoorbeeld asset('css/main.css')")
            }
            guard let url = urls[path] else {
                throw TemplateRuntimeError(
                    "asset('\(path)'): dat bestand staat niet in assets/ van het thema of de site")
            }
            return .string(url)
        }
        for (name, value) in PagePlanner.globals(PagePlanner.GlobalsKey(data)) {
            environment.registerGlobal(name, value)
        }
        environment.registerGlobal("reports", SiteReports.value(years: reportYears, data: data))
    }

    /// The Atom feed: the newest best practices and activities together.
    static func feed(_ data: SiteData) -> String {
        var entries: [(sort: ContentDate, entry: Feeds.Entry)] = []
        for bp in data.kb.bestPractices.prefix(50) {
            entries.append(
                (
                    bp.date,
                    .init(
                        title: bp.title, path: Routes.bestPractice(bp.slug), date: bp.date.iso,
                        summary: bp.summary, category: "Best practice")
                ))
        }
        for activity in data.kb.activities.suffix(50) {
            entries.append(
                (
                    activity.date,
                    .init(
                        title: activity.title, path: Routes.activity(activity.slug),
                        date: activity.date.iso, summary: activity.goal, category: "Activiteit")
                ))
        }
        entries.sort { ($1.sort, $0.entry.path) < ($0.sort, $1.entry.path) }
        let newest = entries.prefix(50)
        return Feeds.atom(
            title: data.kb.site.title, subtitle: data.kb.site.description, routes: data.routes,
            entries: newest.map(\.entry), updated: newest.first?.entry.date ?? data.today.iso)
    }

    /// The files of a site's `static/` folder with their bytes, paths relative to it, and the warnings of
    /// the walk (links out of the site, loops, special files: left out). Unreadable files are errors.
    static func staticFiles(root: URL) throws -> (files: [(path: String, data: Data)], warnings: [Diagnostic]) {
        let walk = try FolderWalk(
            folder: root.appendingPathComponent("static"), shown: "static", bounds: bounds(root: root))
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
        if let theme, let real = FileContents.realPath(theme.path),
            !bounds.contains(where: { real == $0 || real.hasPrefix($0 + "/") })
        {
            bounds.append(real)
        }
        return bounds
    }

    /// How messages name a folder: relative to the site folder when inside it.
    static func shown(_ folder: URL, root: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = folder.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// The fingerprinted assets of the theme and the site.
    static func assets(root: URL, theme: URL, routes: Routes) throws -> AssetPipeline {
        let folders = [theme.appendingPathComponent("assets"), root.appendingPathComponent("assets")]
        return try AssetPipeline(
            folders: folders.map { ($0, shown($0, root: root)) },
            bounds: bounds(root: root, theme: theme), routes: routes)
    }

    /// The template environment: the site's `templates/` before the theme's, with the shared values.
    static func environment(root: URL, theme: URL, data: SiteData, assets: AssetPipeline, reportYears: [Int])
        -> Environment
    {
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
