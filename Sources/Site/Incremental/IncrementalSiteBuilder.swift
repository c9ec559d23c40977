import ContentModel
import Diagnostics
import Foundation
import Templates

/// What an incremental build did, for the terminal line of `breingen serve`.
public struct IncrementalSummary: Sendable {
    /// The folder holding the complete site of this build.
    public var folder: URL
    /// Pages the site has.
    public var pages: Int
    /// Pages rendered in this build (all of them for a full build).
    public var rendered: Int
    /// Files written or removed in the folder, pages included.
    public var changedFiles: Int
    /// Whether everything was rebuilt (first build, `site.yml`, assets, static files, a change of what
    /// every page shows such as the menu).
    public var full: Bool
    /// Warnings of the content and of the pages rendered in this build.
    public var warnings: [Diagnostic]
    /// Whether only Markdown bodies of best practices changed (the fast path: no planning at all).
    public var bodiesOnly = false
    /// Whether only best practices changed, in place (same files and slugs): the pages that show them
    /// were found from what each page lists, without planning the others.
    public var bestPracticesOnly = false
}

/// Rebuilds the site for a live preview, touching only what a change affects, with the same bytes as
/// `SiteBuilder` would write.
///
/// It keeps the decoded content (`ContentCache`), the compiled templates and, per page, a fingerprint of
/// what the page shows. After a change it reloads the changed content files, plans the site again (cheap)
/// and re-renders a page only when its fingerprint changed: for list and section pages the fingerprint is
/// the hash of their template context; for best-practice pages (the bulk, whose context needs their
/// Markdown rendered) it is the hash of what they show of other items (previous, next, related, themes,
/// tags) plus whether their own file changed. Editing a template re-renders the pages whose template
/// extends, includes or imports it. `site.yml`, assets, static files and anything unknown rebuild all.
///
/// Output goes to a ring of folders (`OutputRing`) so the folder being served is never written to.
/// One build at a time.
public final class IncrementalSiteBuilder: @unchecked Sendable {
    public let options: BuildOptions
    let ring: OutputRing
    private let cache: ContentCache
    var state: State?
    /// Changes of builds that failed: the next build must still apply them.
    private var pending: Set<String> = []
    private var mustBuildAll = true

    /// What the last successful build knows about its pages.
    struct State {
        var environment: Environment
        var assets: AssetPipeline
        var theme: URL
        var globals: Int
        var fingerprints: [String: Int]
        var templates: [String: String]
        var search: SearchEntries
        /// The bytes of the feed, sitemap and indexes, to write them only when they changed.
        var aux: [String: [UInt8]]
        var data: SiteData
        var compiled: [String: Template]
        /// List page file → `CardListing.key`.
        var listings: [String: Int]
        /// The files of `PagePlanner.listPages`.
        var listFiles: Set<String>
        /// The sitemap paths of `PagePlanner.otherPages`, in order.
        var otherSitemapPaths: [String]
        /// Every sitemap path, in order.
        var sitemapPaths: [String]
        /// Content path → URL of every published item.
        var contentURLs: [String: String]
        /// The content paths that bodies link to (`BodyRenderer.linked`, gathered over the builds).
        var linked: Set<String>
    }

    /// `workDirectory` holds the ring of output folders; the caller removes it when done.
    public init(options: BuildOptions, workDirectory: URL) {
        self.options = options
        ring = OutputRing(workDirectory: workDirectory)
        cache = ContentCache(
            root: options.root, options: LoadOptions(includeDrafts: options.drafts, includeInternal: options.includeInternal))
    }

    /// Waits for the background work of the last build (hard-link copies of the output); call it before
    /// removing the work directory.
    public func waitUntilIdle() {
        ring.waitUntilDone()
    }

    /// Builds after `changed` (paths relative to the site root); nil rebuilds everything. Throws the
    /// build's errors; the folder of the last good build stays as it was.
    public func build(changed: Set<String>?) throws -> IncrementalSummary {
        var paths = pending
        var full = mustBuildAll || state == nil || changed == nil
        if let changed { paths.formUnion(changed) }
        var contentPaths: Set<String> = []
        var templateNames: Set<String> = []
        for path in paths {
            switch Self.classify(path) {
            case .content(let p): contentPaths.insert(p)
            case .template(let name): templateNames.insert(name)
            case .global: full = true
            }
        }
        let before = state
        let timer = PhaseTimer()
        do {
            let summary: IncrementalSummary
            if !full, templateNames.isEmpty, let state, let edits = cache.bestPracticeEdits(contentPaths, in: state.data.kb) {
                timer.mark("edits")
                summary = try edits.bodiesOnly ? bodyEdits(edits.practices, state: state) : fieldEdits(edits, state: state)
                timer.mark("build")
                timer.report()
            } else {
                summary = try run(full: full, contentPaths: contentPaths, templateNames: templateNames)
            }
            pending = []
            mustBuildAll = false
            retire(before)
            return summary
        } catch {
            // The pending paths force the same work next time (the state is that of the last good
            // build), so a typo and its fix cost two small builds, not a full one.
            pending = paths
            mustBuildAll = state == nil
            throw error
        }
    }

    /// Frees the replaced state a little later on a background queue: on a big site releasing its values
    /// takes milliseconds that the new build's answer should not wait for.
    private func retire(_ old: State?) {
        guard let old else { return }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 1) { withExtendedLifetime(old) {} }
    }

    /// Byte equality with memcmp: the search index of a big site is many megabytes.
    static func same(_ a: [UInt8]?, _ b: [UInt8]) -> Bool {
        guard let a, a.count == b.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in a.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, a.count) == 0 } }
    }

    enum ChangeKind: Equatable {
        case content(String)
        case template(String)
        case global
    }

    /// What a changed path is: a content file, a template (by its name in the template folders), or
    /// something that affects every page.
    static func classify(_ path: String) -> ChangeKind {
        if path.hasPrefix("content/") && path != "content/site.yml" { return .content(path) }
        if path.hasPrefix("templates/") { return .template(String(path.dropFirst("templates/".count))) }
        if path.hasPrefix("themes/") {
            let parts = path.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
            if parts.count == 4 && parts[2] == "templates" { return .template(String(parts[3])) }
        }
        return .global
    }

    func run(full requested: Bool, contentPaths: Set<String>, templateNames: Set<String>) throws -> IncrementalSummary {
        var full = requested
        let root = options.root
        let timer = PhaseTimer()
        let (kb, loadDiagnostics) = try cache.load(changed: full ? nil : contentPaths)
        if loadDiagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(loadDiagnostics) }
        timer.mark("load")

        let (data, bodies) = SiteBuilder.siteData(kb, root: root)
        let routes = data.routes
        let contentURLs = bodies.links.urls
        let globals = PagePlanner.globals(data)
        let globalsHash = ValueFingerprint.of(globals)
        if let state {
            if state.globals != globalsHash { full = true }
            // A body linking to a page that moved or went must be rendered again (or fail, when the link
            // broke): only a full build renders every body. Pages that are new are linked from nowhere
            // yet, since a broken link fails the build.
            for (path, url) in state.contentURLs where state.linked.contains(path) && contentURLs[path] != url {
                full = true
                break
            }
        }
        timer.mark("sitedata+globals")

        let theme: URL
        let assets: AssetPipeline
        let environment: Environment
        if full || state == nil {
            theme = try ThemeLocator.locate(root: root)
            assets = try SiteBuilder.assets(root: root, theme: theme, routes: routes)
        } else {
            theme = state!.theme
            assets = state!.assets
        }
        if full || state == nil || !templateNames.isEmpty {
            environment = SiteBuilder.environment(
                root: root, theme: theme, data: data, assets: assets, reportYears: SiteReports.years(root: root))
        } else {
            environment = state!.environment
        }

        let search = SearchCollector()
        let listPages = PagePlanner.listPages(data, search: search)
        let otherPages = PagePlanner.otherPages(data, search: search)
        let pages = PagePlanner.withRedirects(PagePlanner.bestPracticePages(data, search: search) + listPages + otherPages, data)
        timer.mark("plan")
        var templates: [String: Template] = [:]
        for name in Set(pages.map(\.template)).sorted() { templates[name] = try environment.template(named: name) }

        // Pages whose template reads a changed template are rendered whatever their fingerprint.
        var forcedTemplates: Set<String> = []
        if !full && !templateNames.isEmpty {
            var dependencies = TemplateDependencies(
                searchPaths: [root.appendingPathComponent("templates"), theme.appendingPathComponent("templates")])
            for name in templates.keys {
                if let closure = dependencies.closure(of: name) {
                    if !closure.isDisjoint(with: templateNames) { forcedTemplates.insert(name) }
                } else {
                    forcedTemplates.insert(name)
                }
            }
        }

        let previous = full ? nil : state
        let target = try ring.prepare(fresh: full)
        timer.mark("ring")
        let plan = RenderPlan(
            pages: pages, data: data, templates: templates, forcedTemplates: forcedTemplates,
            changedFiles: contentPaths, previous: previous?.fingerprints, previousSearch: previous.map { ($0.search, $0.data.bestPracticeIndex) })
        var written: Set<String> = []
        var reportWarnings: [Diagnostic] = []
        var walkWarnings: [Diagnostic] = []
        do {
            let outcome = try plan.execute(into: target.path)
            written = outcome.written
            timer.mark("pages")
            let bodyDiagnostics = bodies.diagnostics
            if bodyDiagnostics.contains(where: { $0.severity == .error }) {
                throw DiagnosticError(loadDiagnostics + bodyDiagnostics)
            }
            for (order, json) in outcome.keptSearch { search.add(json: json, order: order) }
            var aux: [String: [UInt8]] = [:]
            func auxiliary(_ bytes: [UInt8], _ path: String) throws {
                aux[path] = bytes
                if !Self.same(previous?.aux[path], bytes) {
                    try OutputRing.write(bytes, to: path, in: target.path, fresh: full)
                    written.insert(path)
                }
            }
            let sitemapPaths = pages.filter(\.inSitemap).map(\.path)
            var entries = SearchEntries(practiceCount: kb.bestPractices.count)
            entries.merge(search.entriesByOrder)
            for file in SiteBuilder.auxiliaryFiles(data, sitemapPaths: sitemapPaths, searchIndex: entries.document(),
                                                   sitemap: sitemapPaths == previous?.sitemapPaths ? previous?.aux[Routes.sitemap] : nil) {
                try auxiliary(file.bytes, file.path)
            }
            // The annual reports draw on all content, so any content change renders them again (the
            // body-edit fast path leaves them as they are: the report shows no best-practice bodies).
            if full || !contentPaths.isEmpty {
                let reports = try SiteReports.render(years: SiteReports.years(root: root), root: root, day: data.today)
                for file in reports.files { try auxiliary([UInt8](file.data), file.path) }
                reportWarnings = reports.warnings
            }
            timer.mark("aux")
            // Pages that are gone.
            if let previous {
                let now = Set(pages.map { Routes.file(for: $0.path) })
                for file in previous.fingerprints.keys where !now.contains(file) {
                    OutputRing.remove(file, in: target.path)
                    written.insert(file)
                }
            }
            if full {
                for asset in assets.assets {
                    try OutputRing.write([UInt8](asset.data), to: asset.outputPath, in: target.path, fresh: full)
                }
                let statics = try SiteBuilder.staticFiles(root: root)
                for file in statics.files {
                    try OutputRing.write([UInt8](file.data), to: file.path, in: target.path, fresh: full)
                }
                walkWarnings = assets.warnings + statics.warnings
            }
            ring.commit(changed: written, fresh: full)
            timer.mark("commit")
            state = State(
                environment: environment, assets: assets, theme: theme, globals: globalsHash,
                fingerprints: outcome.fingerprints, templates: outcome.templates, search: entries, aux: aux,
                data: data, compiled: templates, listings: outcome.listings,
                listFiles: Set(listPages.map { Routes.file(for: $0.path) }),
                otherSitemapPaths: otherPages.filter(\.inSitemap).map(\.path), sitemapPaths: sitemapPaths,
                contentURLs: contentURLs, linked: bodies.linked.union(previous?.linked ?? []))
            timer.mark("state")
            timer.report()
            return IncrementalSummary(
                folder: target, pages: pages.count, rendered: outcome.rendered, changedFiles: written.count, full: full,
                warnings: (loadDiagnostics + bodies.diagnostics + reportWarnings + walkWarnings).filter { $0.severity != .error })
        } catch {
            ring.abandon(attempted: full ? nil : written.union(plan.attempted))
            throw error
        }
    }
}
