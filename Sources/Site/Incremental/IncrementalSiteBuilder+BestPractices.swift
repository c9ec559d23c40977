import ContentModel
import Diagnostics
import Foundation
import Templates

/// The live preview's fast paths for edits of best practices in place (same files, same slugs), the usual
/// edits while writing: they re-render the few pages that show the edited practices.
extension IncrementalSiteBuilder {
    /// Only Markdown bodies of best practices changed: nothing but their pages and the search index show
    /// a body, so those are all that is rendered and written; the plan, cards and lists stay as they are.
    func bodyEdits(_ practices: [BestPractice], state: State) throws -> IncrementalSummary {
        let timer = PhaseTimer()
        let data = state.data
        let bodies = BodyRenderer(links: data.bodies.links, root: options.root)
        let search = SearchCollector()
        var pages: [(file: String, index: Int, page: PlannedPage)] = []
        for bp in practices {
            // A practice left out of the build (a draft) has no page: only the full path knows that case.
            guard let index = data.bestPracticeIndex[bp.slug], data.kb.bestPractices[index].info.file == bp.info.file else {
                return try run(full: false, contentPaths: Set(practices.map(\.info.file)), templateNames: [])
            }
            // The built practice with the new body: whatever assembly adds to the fields stays as it was.
            var practice = data.kb.bestPractices[index]
            practice.info.body = bp.info.body
            let page = PagePlanner.bestPracticePage(index, practice, data, bodies: bodies, search: search)
            pages.append((Routes.file(for: page.path), index, page))
        }
        let rendered = try pages.map { item -> (String, [UInt8]) in
            guard let template = state.compiled[item.page.template] else {
                throw Diagnostic(.error, "sjabloon \(item.page.template) ontbreekt")
            }
            return (item.file, try template.renderBytes(try item.page.context()))
        }
        if bodies.diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(bodies.diagnostics) }
        timer.mark("render")
        var entries = state.search
        entries.merge(search.entriesByOrder)

        let target = try ring.prepare(fresh: false)
        var written: Set<String> = []
        do {
            for (file, bytes) in rendered {
                try OutputRing.write(bytes, to: file, in: target.path)
                written.insert(file)
            }
            try entries.write(to: Routes.searchIndex, in: target.path)
            written.insert(Routes.searchIndex)
        } catch {
            ring.abandon(attempted: written.union([Routes.searchIndex]))
            throw error
        }
        ring.commit(changed: written, fresh: false)
        data.replaceBodies(practices)
        timer.mark("write")
        var next = state
        next.linked.formUnion(bodies.linked)
        next.search = entries
        next.aux[Routes.searchIndex] = nil
        self.state = next
        timer.report()
        return IncrementalSummary(
            folder: target, pages: state.fingerprints.count, rendered: rendered.count, changedFiles: written.count,
            full: false, warnings: bodies.diagnostics.filter { $0.severity != .error }, bodiesOnly: true)
    }

    /// Best practices edited in place, fields included: re-renders the pages that show them and nothing
    /// else, found without planning every page. A practice's own page; the pages whose neighbour links
    /// change (its old and new neighbours); the practices near it in its themes' lists whose related cards
    /// change; the list pages (bank, themes, tags) that list it or whose listing shifted (`CardListing`);
    /// the summary pages (home, themes, the tag overview), checked by fingerprint; the indexes, feed and
    /// sitemap when their bytes change. Pages of other sections show nothing of best practices.
    func fieldEdits(_ edits: BestPracticeEdits, state: State) throws -> IncrementalSummary {
        let timer = PhaseTimer()
        let old = state.data
        let today = SiteBuilder.today()
        let changedFiles = Set(edits.practices.map(\.info.file))
        // A new day changes what every page shows: the general path sees that.
        guard today == old.today else { return try run(full: false, contentPaths: changedFiles, templateNames: []) }
        let kb = old.kb.replacingBestPractices(edits.practices)
        timer.mark("kb")
        let bodies = BodyRenderer(links: old.bodies.links, root: options.root)
        var previousPosition: [Int] = []
        let data = SiteData(patching: old, kb: kb, bodies: bodies, today: today, edited: Set(edits.practices.map(\.slug)),
                            previousPosition: &previousPosition)
        timer.mark("data")

        let changed = Set(edits.practices.map(\.slug))
        let practicePages = try changedPracticePages(changed, old: old, new: data)
        let changedIndices = Set(changed.compactMap { data.bestPracticeIndex[$0] })
        let search = SearchCollector()
        timer.mark("practices")
        let lists = PagePlanner.listPages(data, search: search)
        timer.mark("lists")
        var listings = state.listings
        var toCheck: [PlannedPage] = []
        for page in lists {
            let file = Routes.file(for: page.path)
            if let listing = page.listing {
                let key = listing.key(data)
                if state.listings[file] == key, !listing.shown.contains(where: changedIndices.contains) { continue }
                listings[file] = key
            }
            toCheck.append(page)
        }
        var pages: [(page: PlannedPage, fingerprint: Int?)] = practicePages.map { index in
            (PagePlanner.bestPracticePage(index, kb.bestPractices[index], data, search: search),
             RenderPlan.bestPracticeFingerprint(index, data))
        }
        pages += toCheck.map { ($0, nil) }
        timer.mark("plan")

        let target = try ring.prepare(fresh: false)
        timer.mark("prepare")
        let outcome = ListedPagesRender(pages: pages, previous: state.fingerprints, templates: state.compiled)
        var written: Set<String> = []
        do {
            try outcome.execute(into: target.path)
            written = outcome.written
            if bodies.diagnostics.contains(where: { $0.severity == .error }) {
                throw DiagnosticError(edits.diagnostics + bodies.diagnostics)
            }
            timer.mark("render")
            var fingerprints = state.fingerprints
            for (file, fingerprint) in outcome.fingerprints { fingerprints[file] = fingerprint }
            let listFiles = Set(lists.map { Routes.file(for: $0.path) })
            for file in state.listFiles.subtracting(listFiles) {
                OutputRing.remove(file, in: target.path)
                written.insert(file)
                fingerprints[file] = nil
                listings[file] = nil
            }

            var entries = state.search.realigned(previousPosition)
            entries.merge(search.entriesByOrder)
            let sitemapPaths = kb.bestPractices.map { Routes.bestPractice($0.slug) } + lists.filter(\.inSitemap).map(\.path)
                + state.otherSitemapPaths
            let sitemap = sitemapPaths == state.sitemapPaths ? state.aux[Routes.sitemap] : nil
            // Three independent jobs on the cores: the search index (many megabytes), the other files beside
            // the pages, and the annual reports, which list the practices of each theme.
            let root = options.root, folder = target.path, searchEntries = entries, previousAux = state.aux
            let jobs: [@Sendable () throws -> AuxiliaryOutput] = [
                {
                    try searchEntries.write(to: Routes.searchIndex, in: folder)
                    var output = AuxiliaryOutput()
                    output.written = [Routes.searchIndex]
                    return output
                },
                {
                    try AuxiliaryOutput(
                        writing: SiteBuilder.auxiliaryFiles(data, sitemapPaths: sitemapPaths, searchIndex: nil, sitemap: sitemap),
                        in: folder, unless: previousAux)
                },
                {
                    let years = SiteReports.years(root: root)
                    guard !years.isEmpty else { return AuxiliaryOutput() }
                    let reports = try SiteReports.render(years: years, root: root, day: today)
                    var output = try AuxiliaryOutput(
                        writing: reports.files.map { ($0.path, [UInt8]($0.data)) }, in: folder, unless: previousAux)
                    output.warnings = reports.warnings
                    return output
                },
            ]
            var aux = state.aux
            // Streamed, not kept: the next build writes it again, whatever the path.
            aux[Routes.searchIndex] = nil
            var reportWarnings: [Diagnostic] = []
            for output in try AuxiliaryOutput.run(jobs) {
                for (path, bytes) in output.files { aux[path] = bytes }
                written.formUnion(output.written)
                reportWarnings += output.warnings
            }
            timer.mark("aux")
            ring.commit(changed: written, fresh: false)
            var next = state
            next.data = data
            next.fingerprints = fingerprints
            next.listings = listings
            next.listFiles = listFiles
            next.sitemapPaths = sitemapPaths
            next.linked.formUnion(bodies.linked)
            next.search = entries
            next.aux = aux
            self.state = next
            timer.mark("commit")
            timer.report()
            return IncrementalSummary(
                folder: target, pages: fingerprints.count, rendered: outcome.rendered, changedFiles: written.count, full: false,
                warnings: (edits.diagnostics + bodies.diagnostics + reportWarnings).filter { $0.severity != .error },
                bestPracticesOnly: true)
        } catch {
            // The jobs beside the pages may have written any of the last build's files there.
            ring.abandon(attempted: written.union(outcome.attempted).union(state.aux.keys))
            throw error
        }
    }

    /// The best-practice pages (new indices) that an edit of the `changed` practices' fields alters: their
    /// own, those whose previous or next link changes, and those whose related cards change. Related cards
    /// come from a window of 40 places either side in a practice's first theme's list, so only practices
    /// that near an edited one, in the old or the new lists of its old or new themes, can see a change.
    private func changedPracticePages(_ changed: Set<String>, old: SiteData, new: SiteData) throws -> [Int] {
        let before = old.kb.bestPractices, after = new.kb.bestPractices
        var candidates = changed
        for slug in changed {
            guard let o = old.bestPracticeIndex[slug], let n = new.bestPracticeIndex[slug] else {
                throw Diagnostic(.error, "interne fout: best practice \(slug) ontbreekt na de wijziging")
            }
            for i in [o - 1, o + 1] where before.indices.contains(i) { candidates.insert(before[i].slug) }
            for i in [n - 1, n + 1] where after.indices.contains(i) { candidates.insert(after[i].slug) }
            for theme in Set(before[o].themes + after[n].themes) {
                for (data, index) in [(old, o), (new, n)] {
                    guard let list = data.bestPracticesByTheme[theme], let p = list.firstIndex(of: index) else { continue }
                    for k in max(0, p - 41)..<min(list.count, p + 42) { candidates.insert(data.kb.bestPractices[list[k]].slug) }
                }
            }
        }
        func neighbours(_ practices: [BestPractice], _ i: Int) -> [String] {
            [i - 1, i + 1].map { practices.indices.contains($0) ? practices[$0].title + "\u{0}" + practices[$0].slug : "" }
        }
        var result: [Int] = []
        for slug in candidates {
            guard let i = old.bestPracticeIndex[slug], let j = new.bestPracticeIndex[slug] else { continue }
            let related = new.related(to: j).map { after[$0].slug }
            if changed.contains(slug) || neighbours(before, i) != neighbours(after, j)
                || related != old.related(to: i).map({ before[$0].slug }) || related.contains(where: changed.contains) {
                result.append(j)
            }
        }
        return result.sorted()
    }
}

/// Files beside the pages that one job of the best-practice path wrote: all of them with their bytes (kept
/// for the next build's comparison), the ones written because they changed, and any warnings.
struct AuxiliaryOutput: Sendable {
    var files: [(path: String, bytes: [UInt8])] = []
    var written: [String] = []
    var warnings: [Diagnostic] = []

    init() {}

    /// Writes each file whose bytes differ from the last build's.
    init(writing files: [(path: String, bytes: [UInt8])], in folder: String, unless previous: [String: [UInt8]]) throws {
        self.files = files
        for file in files where !IncrementalSiteBuilder.same(previous[file.path], file.bytes) {
            try OutputRing.write(file.bytes, to: file.path, in: folder)
            written.append(file.path)
        }
    }

    /// Runs the jobs in parallel; the first failure (in job order) is thrown once all have ended.
    static func run(_ jobs: [@Sendable () throws -> AuxiliaryOutput]) throws -> [AuxiliaryOutput] {
        let results = ResultSlots<AuxiliaryOutput>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in results.set(i, Result { try jobs[i]() }) }
        return try results.values.map { try $0.get() }
    }
}

/// One result per parallel job, set from the jobs' threads.
final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var values: [Result<T, Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
