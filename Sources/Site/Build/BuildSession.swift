import ContentModel
import Diagnostics
import Foundation
import Parallel
import Report
import Search
import Templates

#if canImport(Glibc)
    import Glibc
#endif

/// Where a build's files go: the spare of `output/` swapped in at the end (`PublishedOutput`), or the
/// next folder of the live preview (`PreviewTrees`).
protocol OutputSink: AnyObject {
    func prepare() throws -> TreeWriter
    /// The build succeeded, having written, linked or removed `changedFiles` files.
    func commit(changedFiles: Int) throws
    func abandon(_ writer: TreeWriter)
    /// Files the target keeps from the output it replaces (a `.gitignore` a repository keeps there).
    func preserved() -> [(path: String, bytes: [UInt8])]
}

extension OutputSink {
    func preserved() -> [(path: String, bytes: [UInt8])] { [] }
}

/// The one way the site is built: load the content, plan every page, render the pages whose recorded
/// inputs changed, write what differs, swap the result in. A build with no previous state (every
/// `breingen build`, and the first build of `breingen serve`) renders every page; the live preview keeps
/// the state of its last good build and renders only the pages that read something that changed since.
///
/// What a page depends on is what building its context read (`PageReads`): the fields of the items, the
/// places of the lists, the derived values, and its template with what that includes, extends and
/// imports. Nothing is declared by hand.
final class BuildSession: @unchecked Sendable {
    let options: BuildOptions
    /// Whether builds record what pages read and keep their state for the next build.
    let keepsState: Bool
    private let loader: ContentCache
    private let items = ItemTable()
    private let inputs = InputTable()
    private var state: State?
    /// The bodies' plain text, from build to build (`SearchRecords`).
    private let bodyTexts = BodyTextMemo()
    /// The search records and index pages of the last build: a record that did not change is not read
    /// again, a practice that did not change is not made into a record again.
    private var lastSearch = KeptSearch()
    /// The search index's files of the last build (paths and hashes), with the hash of the pages it was
    /// made from: a build whose pages all read the same (a template edit) keeps the files.
    private var lastSearchIndex: (pages: UInt64, files: [(path: String, hash: UInt64)])?
    /// The live preview's search index being made after its build was served (`defersSlowOutput`), for
    /// the pages whose combined hash is `pages`.
    private var laterSearch: (pages: UInt64, job: BackgroundJob<[SearchFile]>)?
    /// The pages hash of the newest `laterSearch`: only that work says when it is done (an older one
    /// would bring a build that waits for the newer).
    private let newestLaterSearch = LockedValue<UInt64?>(nil)
    typealias SearchFile = (path: String, bytes: [UInt8], hash: UInt64)
    /// The best-practice pages the last build planned, with the slugs they were planned for: planned
    /// again only when the slugs change (`PagePlanner.bestPracticePages`).
    private var practicePages: (slugs: [String], pages: [PlannedPage])?
    /// Changes of builds that failed: the next build still has to apply them.
    private var pending: Set<String> = []
    private var mustBuildAll = true
    /// Whether a build may be served before its annual reports are made (the live preview): the pages are
    /// served with the last reports, and when the reports changed `laterOutputReady` is called once the
    /// new ones are made, for a build (with no changes) that serves them.
    var defersSlowOutput = false
    var laterOutputReady: (@Sendable () -> Void)?
    /// Tests: the report work of the live preview waits for this before it starts.
    var reportGate: DispatchSemaphore?
    /// Set once a build starts changing `state` in place (when nothing but writing files can fail any
    /// more): a failure after that leaves no good state, so the next build renders everything.
    private var stateChanged = false

    /// What a page of the last good build was built from and gave.
    struct PageRecord {
        var template: String
        var planKey: String
        var inputs: [InputTable.InputNumber]
        var hash: UInt64
        var warnings: [Diagnostic]
    }

    /// A report of the last good build: its model, and the files made from it.
    struct ReportRecord {
        var document: ReportDocument
        var day: ContentDate
        var files: [(path: String, hash: UInt64)]
        var warnings: [Diagnostic]
    }

    /// What the template environment gives every page (the site's values, today, the reports, the assets):
    /// when it changes, every page is rendered again.
    struct EnvironmentKey: Equatable {
        var globals: PagePlanner.GlobalsKey
        var reportYears: [Int]
        var assets: [String: String]
    }

    /// What the last good build made, for the next one. A class: the next build changes its tables in
    /// place instead of copying thousands of records.
    final class State {
        var data: SiteData
        var environment: Environment
        var environmentKey: EnvironmentKey
        var theme: URL
        var assets: AssetPipeline
        var statics: (files: [(path: String, data: Data)], warnings: [Diagnostic])
        var reportYears: [Int]
        /// The pages in plan order, and what each was built from and gave.
        var pages: [PlannedPage]
        var records: [PageRecord]
        var bankEntries: [ItemID: (bytes: [UInt8], hash: UInt64)]
        var reports: [Int: ReportRecord]
        /// The reports whose model changed in the last build, still being made (`defersSlowOutput`).
        var laterReports: ReportWork?
        var sitemap: (paths: [String], hash: UInt64)

        init(
            data: SiteData, environment: Environment, environmentKey: EnvironmentKey, theme: URL, assets: AssetPipeline,
            statics: (files: [(path: String, data: Data)], warnings: [Diagnostic]), reportYears: [Int],
            pages: [PlannedPage],
            records: [PageRecord], bankEntries: [ItemID: (bytes: [UInt8], hash: UInt64)], reports: [Int: ReportRecord],
            sitemap: (paths: [String], hash: UInt64)
        ) {
            (self.data, self.environment, self.environmentKey, self.theme) = (data, environment, environmentKey, theme)
            (self.assets, self.statics, self.reportYears) = (assets, statics, reportYears)
            (self.pages, self.records, self.bankEntries, self.reports, self.sitemap) = (
                pages, records, bankEntries, reports, sitemap
            )
        }
    }

    /// What a build did.
    struct Outcome {
        var pages: Int
        var rendered: Int
        var files: Int
        /// Files written, linked or removed in the output.
        var changedFiles: Int
        /// Whether every page was rendered.
        var everything: Bool
        var warnings: [Diagnostic]
    }

    init(options: BuildOptions, keepsState: Bool) {
        self.options = options
        self.keepsState = keepsState
        loader = ContentCache(
            root: options.root,
            options: LoadOptions(includeDrafts: options.drafts, includeInternal: options.includeInternal))
    }

    /// The report's view of the content: internal items count in its figures (its chapters leave them
    /// unnamed), drafts never.
    private static let reportOptions = LoadOptions(includeDrafts: false, includeInternal: true)

    /// Builds after `changed` (paths relative to the site root); nil builds everything. Throws the build's
    /// errors; the output of the last good build stays as it was.
    func build(changed: Set<String>?, into sink: OutputSink, progress: ProgressLine = ProgressLine(enabled: false))
        throws -> Outcome
    {
        // The last build's state, which this build replaces: freeing its hundreds of thousands of values takes
        // milliseconds the answer should not wait for. Held here, the build's own references to it are gone
        // when it returns, so this is the last one, and it is dropped on another thread.
        let discarded = Discarded(state)
        defer { DispatchQueue.global(qos: .utility).async { discarded.value = nil } }
        var paths = pending
        if let changed { paths.formUnion(changed) }
        inputs.beginBuild()
        stateChanged = false
        do {
            let outcome = try run(
                ChangedPaths(paths), everything: changed == nil || mustBuildAll || state == nil,
                into: sink, progress: progress)
            pending = []
            mustBuildAll = false
            inputs.commitBuild()
            return outcome
        } catch {
            // The same work next time (the state is that of the last good build): a typo and its fix cost
            // two small builds, not a full one.
            pending = paths
            if stateChanged { state = nil }
            mustBuildAll = state == nil
            inputs.rollBackBuild()
            throw error
        }
    }

    private func run(
        _ changes: ChangedPaths, everything requested: Bool, into sink: OutputSink,
        progress: ProgressLine
    ) throws -> Outcome {
        let timer = PhaseTimer()
        let root = options.root
        let previous = requested || changes.unknown ? nil : state
        let (kb, loadDiagnostics) = try loader.load(changed: previous == nil ? nil : changes.content)
        if loadDiagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(loadDiagnostics) }
        timer.mark("load")

        let data = SiteData(
            kb: kb, root: root, today: SiteBuilder.today(), items: items, queries: keepsState ? inputs : nil,
            previous: previous?.data)
        data.bodyTexts = bodyTexts
        let rebuildAssets = previous == nil || changes.assets || previous!.data.routes.baseURL != data.routes.baseURL
        let theme = rebuildAssets ? try ThemeLocator.locate(root: root) : previous!.theme
        let assets =
            rebuildAssets ? try SiteBuilder.assets(root: root, theme: theme, routes: data.routes) : previous!.assets
        let statics = previous == nil || changes.statics ? try SiteBuilder.staticFiles(root: root) : previous!.statics
        let reportsChanged = previous == nil || changes.content.contains { $0.hasPrefix("content/reports/") }
        let reportYears = reportsChanged ? SiteReports.years(root: root) : previous!.reportYears
        let environmentKey = EnvironmentKey(
            globals: PagePlanner.GlobalsKey(data), reportYears: reportYears, assets: assets.urls)
        let everything = previous == nil || previous!.environmentKey != environmentKey
        // The live preview starts the annual reports now, beside the rest of the build.
        let today = data.today
        // A build without changes (one that serves what an earlier build left for later) has nothing new for
        // the reports: it takes the work the last build left (waiting for none), or the last reports.
        let reportsUnchanged = previous != nil && changes.isEmpty && !everything
        let reportWork: ReportWork? =
            reportsUnchanged
            ? previous!.laterReports
            : previous.map { previous in
                // The report's view of the content now: the loader is the next build's once this one is done.
                let kb = reportYears.isEmpty ? nil : loader.knowledgeBase(options: Self.reportOptions)
                // Only a build that renders everything gets here without changes: it waits for the reports.
                let background = defersSlowOutput && !changes.isEmpty
                previous.laterReports?.supersede()
                let gate = reportGate
                return ReportWork(after: previous.laterReports) { [self] work in
                    if let gate, background { gate.wait() }
                    // In the live preview the reports wait for the next edit's pages, not the other way round.
                    if background { setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10) }
                    return try self.reports(
                        years: reportYears, kb: kb, today: today, theme: theme, previous: previous, work: work)
                }
            }
        let environment =
            everything || !changes.templates.isEmpty
            ? SiteBuilder.environment(root: root, theme: theme, data: data, assets: assets, reportYears: reportYears)
            : previous!.environment
        timer.mark("site data")

        let slugs = data.shape.slugs
        let kept = practicePages.flatMap { $0.slugs == slugs ? $0.pages : nil }
        let ownPages = kept ?? PagePlanner.bestPracticePages(data)
        if keepsState, kept == nil { practicePages = (slugs, ownPages) }
        let pages = PagePlanner.plan(data, practicePages: ownPages)
        timer.mark("pages planned")
        var templates: [String: Template] = [:]
        for name in Set(pages.map(\.template)).sorted() { templates[name] = try environment.template(named: name) }
        timer.mark("plan")

        // Which pages read something that changed. Where each page was in the last build: at the same place
        // when the plan is the same (it nearly always is), else looked up by its file.
        var dirty: [Int] = []
        var changedItemIDs: Set<ItemID> = []
        var placesBefore: [Int]?
        if let previous, !everything {
            let before = previous.pages
            if before.count != pages.count || pages.indices.contains(where: { pages[$0].file != before[$0].file }) {
                var place: [String: Int] = [:]
                place.reserveCapacity(before.count)
                for (i, page) in before.enumerated() { place[page.file] = i }
                placesBefore = pages.map { place[$0.file] ?? -1 }
            }
            let changedItems = Self.changedItems(changes.content, before: previous.data, after: data)
            changedItemIDs = Set(changedItems.keys)
            timer.mark("changed items")
            let changedInputs = inputs.changes(
                changedItems: changedItems, contentChanged: !changes.content.isEmpty, source: data)
            timer.mark("changed inputs")
            var touchedTemplates = Set<String>()
            for name in templates.keys
            where Self.templateClosure(name, environment).map({ !$0.isDisjoint(with: changes.templates) }) ?? true {
                touchedTemplates.insert(name)
            }
            previous.records.withUnsafeBufferPointer { records in
                for index in pages.indices {
                    let page = pages[index]
                    let before = placesBefore?[index] ?? index
                    guard before >= 0, records[before].template == page.template,
                        records[before].planKey == page.planKey,
                        touchedTemplates.isEmpty || !touchedTemplates.contains(page.template),
                        !changedInputs.intersects(records[before].inputs)
                    else {
                        dirty.append(index)
                        continue
                    }
                }
            }
        } else {
            dirty = Array(pages.indices)
        }
        timer.mark("changes")

        let writer = try sink.prepare()
        do {
            let outcome = try write(
                pages: pages, dirty: dirty, placesBefore: placesBefore, templates: templates, data: data,
                everything: everything,
                changedItems: changedItemIDs, assets: assets, statics: statics, reportYears: reportYears,
                previous: previous, writer: writer, sink: sink,
                loadDiagnostics: loadDiagnostics, progress: progress, timer: timer, environment: environment,
                environmentKey: environmentKey, theme: theme, reportWork: reportWork,
                keepsLastReports: reportsUnchanged && reportWork == nil,
                mayDefer: defersSlowOutput && (!changes.isEmpty || reportsUnchanged))
            timer.report()
            return outcome
        } catch {
            progress.finish()
            sink.abandon(writer)
            throw error
        }
    }

    // swiftlint:disable:next function_parameter_count
    private func write(
        pages: [PlannedPage], dirty: [Int], placesBefore: [Int]?, templates: [String: Template], data: SiteData,
        everything: Bool,
        changedItems: Set<ItemID>, assets: AssetPipeline,
        statics: (files: [(path: String, data: Data)], warnings: [Diagnostic]),
        reportYears: [Int], previous: State?, writer: TreeWriter, sink: OutputSink, loadDiagnostics: [Diagnostic],
        progress: ProgressLine, timer: PhaseTimer, environment: Environment, environmentKey: EnvironmentKey, theme: URL,
        reportWork: ReportWork?, keepsLastReports: Bool, mayDefer: Bool
    ) throws -> Outcome {
        let preserved = sink.preserved()
        var planned: [String] = pages.map(\.file)
        // The search index's other files are named after the build (`ShardedIndex`): added once made.
        planned += [Routes.searchIndex, Routes.bankIndex, Routes.feed, Routes.sitemap, "robots.txt"]
        let calendar = SiteBuilder.calendar(data)
        if calendar != nil { planned.append(Routes.calendar) }
        planned += assets.assets.map(\.outputPath) + statics.files.map(\.path) + preserved.map(\.path)
        planned += reportYears.flatMap { year in
            ReportFormat.allCases.map { AnnualReport.fileName(year: year, format: $0) }
        }
        try writer.makeFolders(for: planned)
        timer.mark("folders")

        // With no previous state (`breingen build`) the annual reports are made first and alone, their working
        // memory given back before the pages, so the memory of the two never adds up; in the live preview they
        // are made beside the rest of the build (`reportWork`, started after loading).
        var fullBuildReports: Result<[Int: ReportOutput], Error>?
        if reportWork == nil && !keepsLastReports {
            fullBuildReports = Result {
                try self.reports(
                    years: reportYears, kb: loader.knowledgeBase(options: Self.reportOptions), today: data.today,
                    theme: theme,
                    previous: nil, work: nil)
            }
            Allocator.releaseFreedMemory()
        }
        timer.mark("reports")
        // The pages, on every core.
        let recording = keepsState
        progress.start(total: dirty.count)
        let results = try Parallel.map(dirty.count, chunk: 4, threads: workerCount()) { k -> RenderedPage in
            let page = pages[dirty[k]]
            let result = try Self.render(
                page, data: data, template: templates[page.template]!, inputs: recording ? self.inputs : nil,
                writer: writer)
            progress.advance()
            return result
        }
        progress.finish()
        // The live preview does not wait for reports being made anew: the last ones stay until they are.
        var laterReports: ReportWork?
        let reportOutputs: [Int: ReportOutput]
        if let reportWork, let previous, mayDefer, Set(previous.reports.keys) == Set(reportYears),
            reportWork.deferIfRunning()
        {
            laterReports = reportWork
        }
        if let previous, laterReports != nil || keepsLastReports {
            reportOutputs = previous.reports.mapValues { ReportOutput(record: $0, bytes: [:]) }
        } else {
            reportOutputs = try reportWork?.job.result() ?? fullBuildReports!.get()
        }
        for output in reportOutputs.values {
            for file in output.record.files {
                if let bytes = output.bytes[file.path] {
                    try writer.put(file.path, bytes, hash: file.hash)
                } else {
                    try writer.keep(file.path, hash: file.hash)
                }
            }
        }
        let reports = reportOutputs.mapValues(\.record)
        timer.mark("pages")

        // Problems of the bodies: errors fail the build, as a full build's would.
        var pageWarnings: [Diagnostic] = []
        var pageErrors: [Diagnostic] = []
        for result in results {
            for diagnostic in result.diagnostics {
                if diagnostic.severity == .error {
                    pageErrors.append(diagnostic)
                } else {
                    pageWarnings.append(diagnostic)
                }
            }
        }
        if !pageErrors.isEmpty { throw DiagnosticError(loadDiagnostics + Self.sorted(pageErrors + pageWarnings)) }

        // Nothing but writing files can fail from here: the last build's tables become this build's, in place.
        let previous = everything ? nil : previous
        stateChanged = previous != nil
        // The records of this build, in plan order: the last build's, with the pages rendered now.
        var records: [PageRecord] = []
        func record(_ k: Int) -> PageRecord {
            let (page, result) = (pages[dirty[k]], results[k])
            return PageRecord(
                template: page.template, planKey: page.planKey, inputs: result.inputs, hash: result.hash,
                warnings: result.diagnostics)
        }
        if let previous, placesBefore == nil {
            swap(&records, &previous.records)
            for k in dirty.indices { records[dirty[k]] = record(k) }
        } else {
            records.reserveCapacity(pages.count)
            var k = 0
            for index in pages.indices {
                if k < dirty.count, dirty[k] == index {
                    records.append(record(k))
                    k += 1
                } else {
                    records.append(previous!.records[placesBefore![index]])
                }
            }
        }
        let pageFiles = pages.map(\.file)
        let pageHashes = records.map(\.hash)
        if dirty.count < pages.count {
            var isDirty = [Bool](repeating: false, count: pages.count)
            for index in dirty { isDirty[index] = true }
            try writer.keep(pages: pageFiles, hashes: pageHashes, except: isDirty)
        }
        if recording { inputs.keepLists(from: data) }
        timer.mark("records")

        // The files beside the pages, each made only when its inputs changed. The search index: a pass of
        // its own over the content, its pages read again only where their record changed.
        let (searchRecords, indexed) = searchPages(data, previous: previous, changedItems: changedItems, timer: timer)
        // The bodies' text was freed on the threads that rendered the pages, into their own arenas, where
        // the join below (on this thread) cannot use it: given back first, so the two never add up.
        if !keepsState { Allocator.releaseFreedMemory() }
        timer.mark("search pages read")
        let pagesHash = ContentHash.combine(indexed.map(\.hash))
        var searchFiles: [(path: String, hash: UInt64)] = []
        // Whether this build serves the last index while the new one is made (the live preview).
        var searchDeferred = false
        func keep(_ files: [(path: String, hash: UInt64)]) throws {
            searchFiles = files
            for file in files { try writer.keep(file.path, hash: file.hash) }
            planned += Self.searchFilesBesideTheEntry(files)
        }
        if let last = lastSearchIndex, last.pages == pagesHash {
            try keep(last.files)
        } else if let later = laterSearch, later.pages == pagesHash, later.job.isFinished || !defersSlowOutput,
            let files = try? later.job.result()
        {
            for file in files { try writer.put(file.path, file.bytes, hash: file.hash) }
            searchFiles = files.map { ($0.path, $0.hash) }
            planned += Self.searchFilesBesideTheEntry(searchFiles)
        } else if defersSlowOutput, let last = lastSearchIndex {
            // Joining the index takes hundreds of milliseconds on a big site: the edited pages are served
            // with the last index, and the build the work asks for when it is done (with no changes) brings
            // the new one. No build waits for it, so edits made meanwhile are served as fast.
            searchDeferred = true
            try keep(last.files)
            if laterSearch?.pages != pagesHash {
                let job = BackgroundJob<[SearchFile]> {
                    setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
                    var files: [SearchFile] = []
                    ShardedIndex.write(indexed, folder: Routes.searchIndexFolder) { path, bytes in
                        files.append((path, bytes, ContentHash.of(bytes)))
                    }
                    return files
                }
                laterSearch = (pagesHash, job)
                // Once the files are there, the newest join asks for the build that serves them (a build
                // without changes, which waits for nothing: annual reports still being made stay deferred).
                let (ready, newest) = (laterOutputReady, newestLaterSearch)
                newest.set(pagesHash)
                DispatchQueue.global(qos: .utility).async {
                    _ = try? job.result()
                    if newest.get() == pagesHash { ready?() }
                }
            }
        } else {
            // Each file written as soon as it is made: the index is never all in memory.
            try ShardedIndex.write(indexed, folder: Routes.searchIndexFolder) { path, bytes in
                let hash = ContentHash.of(bytes)
                try writer.put(path, bytes, hash: hash)
                searchFiles.append((path, hash))
            }
            planned += Self.searchFilesBesideTheEntry(searchFiles)
        }
        timer.mark("search index made and written")

        let bank = bankEntries(data, previous: previous, changed: changedItems)
        let bankHeader = PagePlanner.bankIndexHeader(data.kb, routes: data.routes)
        let bankHash = ContentHash.combine([ContentHash.of(bankHeader)] + data.practiceIDs.map { bank[$0]!.hash })
        try writer.emit(Routes.bankIndex, hash: bankHash) {
            PagePlanner.bankIndexParts(header: bankHeader, entries: data.practiceIDs.map { bank[$0]!.bytes })
        }
        timer.mark("bank index")
        try put(Routes.feed, Array(SiteBuilder.feed(data).utf8), writer)
        if let calendar { try put(Routes.calendar, calendar, writer) }
        let sitemapPaths = pages.filter(\.inSitemap).map(\.path)
        if let kept = previous?.sitemap, kept.paths == sitemapPaths, !everything {
            try writer.keep(Routes.sitemap, hash: kept.hash)
        } else {
            try put(Routes.sitemap, Array(Feeds.sitemap(routes: data.routes, paths: sitemapPaths).utf8), writer)
        }
        let sitemap = (paths: sitemapPaths, hash: writer.hash(of: Routes.sitemap))
        try put("robots.txt", Array(Feeds.robots(routes: data.routes).utf8), writer)
        timer.mark("feed, sitemap")
        for (index, asset) in assets.assets.enumerated() {
            try writer.emit(asset.outputPath, hash: assets.hashes[index]) { [[UInt8](asset.data)] }
        }
        for file in statics.files { try put(file.path, [UInt8](file.data), writer) }
        for file in preserved { try put(file.path, file.bytes, writer) }
        timer.mark("assets")
        try writer.finish(planned: planned, pageHashes: pageHashes)
        timer.mark("stale files")
        try sink.commit(changedFiles: writer.counts.written + writer.counts.linked + writer.counts.removed)
        timer.mark("files")

        let reportWarnings = reportYears.flatMap { reports[$0]?.warnings ?? [] }
        var recordWarnings: [Diagnostic] = []
        for index in records.indices where !records[index].warnings.isEmpty {
            recordWarnings += records[index].warnings
        }
        let warnings =
            (loadDiagnostics + Self.sorted(recordWarnings) + reportWarnings + assets.warnings
            + statics.warnings).filter { $0.severity != .error }
        if keepsState {
            state = State(
                data: data, environment: environment, environmentKey: environmentKey, theme: theme, assets: assets,
                statics: statics,
                reportYears: reportYears, pages: pages, records: records, bankEntries: bank,
                reports: reports,
                sitemap: sitemap)
            state!.laterReports = laterReports
            lastSearch = KeptSearch(
                records: searchRecords, pages: indexed, themes: Self.themeTitles(data), practiceIDs: data.practiceIDs,
                firstPractice: data.kb.themes.count)
            if !searchDeferred {
                lastSearchIndex = (pagesHash, searchFiles)
                laterSearch = nil
            }
        }
        timer.mark("state kept")
        return Outcome(
            pages: pages.count, rendered: results.count, files: planned.count,
            changedFiles: writer.counts.written + writer.counts.linked + writer.counts.removed, everything: everything,
            warnings: warnings)
    }

    /// The search records of this build and the index pages read from them. The live preview brings the
    /// last build's up to date: in place when the practices are the same ones in the same order (an edit
    /// of one: only its record and the few of other kinds are made, only the records that changed are
    /// read); else the records of practices that did not change and the pages of records that did not
    /// change are taken from the last build. A one-off build makes and reads them all, on every core.
    private func searchPages(_ data: SiteData, previous: State?, changedItems: Set<ItemID>, timer: PhaseTimer)
        -> (records: [SearchRecord], pages: [IndexedPage])
    {
        let themeTitles = Self.themeTitles(data)
        let practiceIDs = data.practiceIDs
        var last = previous != nil ? lastSearch : KeptSearch()
        // Only `last` holds the kept arrays now, so they are changed in place, not copied.
        lastSearch = KeptSearch()
        // A practice's record names its themes: with other theme titles, none is taken as it was.
        let sameThemes = last.themes == themeTitles
        if sameThemes, !last.records.isEmpty, last.practiceIDs == practiceIDs,
            let changed = SearchRecords.update(
                &last.records, data,
                changedPractices: practiceIDs.indices.filter { changedItems.contains(practiceIDs[$0]) })
        {
            timer.mark("search records")
            let records = last.records
            let read = Parallel.map(changed.count, chunk: 8) { IndexedPage(records[changed[$0]]) }
            var pages = last.pages
            last = KeptSearch()
            for (i, k) in changed.enumerated() { pages[k] = read[i] }
            return (records, pages)
        }
        let lastPractice = sameThemes ? last.practicePlaces(for: practiceIDs) : nil
        var records = SearchRecords.make(
            data,
            reused: lastPractice.map { place in
                { k in changedItems.contains(practiceIDs[k]) ? nil : place(k).map { last.records[$0] } }
            })
        // A one-off build keeps no bodies and drops each record's text once it is read, so that all the
        // bodies' text is never in memory beside all the pages' stems (a third of the peak at 10,000 pages).
        // A build that reused records did not ask for every body: it forgets none.
        if !keepsState {
            bodyTexts.removeAll()
        } else if lastPractice == nil {
            bodyTexts.keepOnlyUsed()
        }
        timer.mark("search records")
        let lastPlace = last.recordPlaces(for: records)
        let kept: [IndexedPage?] = records.indices.map { k in
            lastPlace(k, records[k].url).flatMap { last.records[$0] == records[k] ? last.pages[$0] : nil }
        }
        let keepsRecords = keepsState
        let pages = records.withUnsafeMutableBufferPointer { records in
            Parallel.fill(kept, chunk: 32) { k -> IndexedPage in
                let page = IndexedPage(records[k])
                if !keepsRecords { (records[k].text, records[k].headings) = ("", []) }  // each k on one thread only
                return page
            }
        }
        return (records, pages)
    }

    /// The search index's files but its entry, which the plan names from the start (its folder is made
    /// before the pages): a plan names no file twice.
    private static func searchFilesBesideTheEntry(_ files: [(path: String, hash: UInt64)]) -> [String] {
        files.compactMap { $0.path == Routes.searchIndex ? nil : $0.path }
    }

    private static func themeTitles(_ data: SiteData) -> [String: String] {
        var titles: [String: String] = [:]
        for theme in data.kb.themes { titles[theme.slug] = theme.title }
        return titles
    }

    /// A page rendered: its bytes went to the output; this is what the build keeps of it.
    struct RenderedPage {
        var hash: UInt64
        /// What building the page read, numbered in the session's table (nothing when no state is kept).
        var inputs: [InputTable.InputNumber]
        var diagnostics: [Diagnostic]
    }

    private static func render(
        _ page: PlannedPage, data: SiteData, template: Template, inputs: InputTable?, writer: TreeWriter
    ) throws -> RenderedPage {
        let reads = PageReads(recording: inputs != nil)
        let context = try PageReads.gathering(into: reads) { try page.context(data) }
        let bytes = try template.renderBytes(context.values)
        let hash = ContentHash.of(bytes)
        try writer.put(page.file, bytes, hash: hash)
        return RenderedPage(
            hash: hash, inputs: inputs?.intern(reads.inputs) ?? [], diagnostics: reads.diagnostics)
    }

    private func put(_ file: String, _ bytes: [UInt8], _ writer: TreeWriter) throws {
        try writer.put(file, bytes, hash: ContentHash.of(bytes))
    }

    /// Each practice's entry of the bank's index with its hash, taken from the last build for the practices
    /// that did not change.
    private func bankEntries(_ data: SiteData, previous: State?, changed: Set<ItemID>) -> [ItemID: (
        bytes: [UInt8], hash: UInt64
    )] {
        let practices = data.kb.bestPractices
        var entries: [ItemID: (bytes: [UInt8], hash: UInt64)] = [:]
        if let previous { swap(&entries, &previous.bankEntries) }
        var todo: [Int] = []
        for (i, id) in data.practiceIDs.enumerated() where entries[id] == nil || changed.contains(id) { todo.append(i) }
        let made = Parallel.map(todo.count, chunk: 64) { k -> (bytes: [UInt8], hash: UInt64) in
            let bytes = PagePlanner.bankEntry(practices[todo[k]], routes: data.routes)
            return (bytes, ContentHash.of(bytes))
        }
        for (k, i) in todo.enumerated() { entries[data.practiceIDs[i]] = made[k] }
        if entries.count > practices.count {
            let present = Set(data.practiceIDs)
            entries = entries.filter { present.contains($0.key) }
        }
        return entries
    }

    /// The annual reports of the knowledge base `kb` (the report's view): rendered again only when their
    /// model changed, or taken from the reports the last build left for later when they are of the same
    /// model. `work` is the live preview's report work running this.
    private func reports(
        years: [Int], kb: KnowledgeBase?, today: ContentDate, theme: URL, previous: State?,
        work: ReportWork?
    ) throws -> [Int: ReportOutput] {
        guard !years.isEmpty, let kb else { return [:] }
        let root = options.root
        let creationDate = SiteReports.creationDate(today)
        // The years on every core: each report's PDF is most of its time, and one report's formats do not
        // keep two cores busy.
        typealias Made = (document: ReportDocument, output: ReportOutput, changed: Bool)
        let made = try Parallel.map(years.count, threads: min(years.count, Parallel.cores)) { i -> Made? in
            let year = years[i]
            if work?.isSuperseded == true { return nil }
            let (document, warnings) = try AnnualReport.document(
                root: root, knowledgeBase: kb, year: year, theme: theme)
            if let kept = previous?.reports[year], kept.document == document, kept.day == today {
                let record = ReportRecord(document: document, day: today, files: kept.files, warnings: warnings)
                return (document, ReportOutput(record: record, bytes: [:]), false)
            }
            if let later = previous?.laterReports, later.documents[year] == document,
                let output = (try? later.job.result())?[year], output.record.day == today
            {
                return (document, output, true)
            }
            let rendered = AnnualReport.render(
                document, warnings: warnings,
                options: ReportOptions(root: root, year: year, creationDate: creationDate, theme: theme))
            var files: [(path: String, hash: UInt64)] = []
            var bytes: [String: [UInt8]] = [:]
            for file in rendered.files {
                let data = [UInt8](file.data)
                files.append((file.name, ContentHash.of(data)))
                bytes[file.name] = data
            }
            let record = ReportRecord(document: document, day: today, files: files, warnings: rendered.warnings)
            return (document, ReportOutput(record: record, bytes: bytes), true)
        }
        var outputs: [Int: ReportOutput] = [:]
        var documents: [Int: ReportDocument] = [:]
        var changed = false
        for (i, year) in years.enumerated() {
            guard let made = made[i] else { return [:] }
            (documents[year], outputs[year]) = (made.document, made.output)
            changed = changed || made.changed
        }
        work?.documents = documents
        if let work, work.finish(changed: changed) { laterOutputReady?() }
        return outputs
    }

    /// The annual reports of a live preview's build, made on a thread of their own, one work after the
    /// other. A build that does not wait for them (`deferIfRunning`) serves the last reports; if these
    /// changed, `laterOutputReady` is called when they are made. A work a newer build replaced stops.
    final class ReportWork: @unchecked Sendable {
        private let lock = NSLock()
        private var finished = false
        private var deferred = false
        private var superseded = false
        private var storedDocuments: [Int: ReportDocument] = [:]
        private(set) var job: BackgroundJob<[Int: ReportOutput]>!

        /// Starts `work` once `earlier` (the last build's work) is done.
        init(after earlier: ReportWork?, _ work: @escaping (ReportWork) throws -> [Int: ReportOutput]) {
            job = BackgroundJob { [self] in
                _ = try? earlier?.job.result()
                return try work(self)
            }
        }

        /// The models, by year, once made.
        var documents: [Int: ReportDocument] {
            get {
                lock.lock()
                defer { lock.unlock() }
                return storedDocuments
            }
            set {
                lock.lock()
                storedDocuments = newValue
                lock.unlock()
            }
        }

        var isSuperseded: Bool {
            lock.lock()
            defer { lock.unlock() }
            return superseded
        }

        /// A newer build has its own work: this one need not finish.
        func supersede() {
            lock.lock()
            superseded = true
            lock.unlock()
        }

        /// True (and the files are left for later) when the work is not done yet.
        func deferIfRunning() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            deferred = !finished
            return deferred
        }

        /// The work is done: whether a later build must serve what it made (it was deferred, and some
        /// report changed).
        func finish(changed: Bool) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            finished = true
            return deferred && changed
        }
    }

    /// A report of this build: its record, and the bytes of the files made anew (none when kept).
    struct ReportOutput {
        var record: ReportRecord
        var bytes: [String: [UInt8]]
    }

    /// Every item whose file changed, with its new version (nil: it went).
    private static func changedItems(_ paths: Set<String>, before: SiteData, after: SiteData) -> [ItemID: Any?] {
        var changed: [ItemID: Any?] = [:]
        let old = PageReads.untracked { before.kb }
        let new = PageReads.untracked { after.kb }
        for path in paths {
            // A best practice by its number (there are thousands); the other items by looking.
            if path.hasPrefix("content/best-practices/"), let id = after.items.existingID(path) {
                let was = before.practicesList.positions[id].map { old.bestPractices[$0] }
                let now = after.practicesList.positions[id].map { new.bestPractices[$0] }
                if was != now { changed[id] = now.map { $0 as Any } }
                continue
            }
            let was = ChangedPaths.items(from: path, in: old)
            let now = ChangedPaths.items(from: path, in: new)
            for (file, item) in was where !now.contains(where: { $0.file == file && $0.item == item }) {
                changed[after.items.id(file)] = now.first { $0.file == file }.map { $0.item.value } as Any?
            }
            for (file, item) in now where !was.contains(where: { $0.file == file }) {
                changed[after.items.id(file)] = .some(item.value)
            }
        }
        return changed
    }

    /// Every template `name` reads, itself included, from the parsed trees; nil when one of them names a
    /// template it computes (it may read any).
    static func templateClosure(_ name: String, _ environment: Environment) -> Set<String>? {
        var seen: Set<String> = [name]
        var queue = [name]
        while let next = queue.popLast() {
            // A template that does not exist is read by name: when it appears, the closure names it.
            guard let template = try? environment.template(named: next) else { continue }
            guard let referenced = template.referencedTemplates else { return nil }
            for dependency in referenced where seen.insert(dependency).inserted { queue.append(dependency) }
        }
        return seen
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.file ?? "", $0.line ?? 0, $0.column ?? 0) < ($1.file ?? "", $1.line ?? 0, $1.column ?? 0)
        }
    }
}

/// A value to be freed on another thread (`BuildSession.build`).
private final class Discarded: @unchecked Sendable {
    var value: Any?
    init(_ value: Any?) { self.value = value }
}

/// Worker threads for rendering: `BREINGEN_THREADS` when set, else twice the cores, so a worker waiting
/// in the kernel for its file leaves its core to another that renders meanwhile.
func workerCount() -> Int {
    if let text = ProcessInfo.processInfo.environment["BREINGEN_THREADS"], let n = Int(text), n > 0 { return n }
    return max(2, Parallel.cores * 2)
}
