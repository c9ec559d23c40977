import ContentModel
import Diagnostics
import Foundation
import Templates

/// One incremental pass over the planned pages, on every core: works out each page's fingerprint,
/// renders the pages whose fingerprint changed (or that are forced) into the output folder, and keeps
/// the search entries of the best-practice pages it skips.
final class RenderPlan: @unchecked Sendable {
    struct Outcome {
        /// Output files written (relative paths).
        var written: Set<String>
        /// Output file → fingerprint, for every page.
        var fingerprints: [String: Int]
        /// Output file → template name.
        var templates: [String: String]
        /// Output file → `CardListing.key` of every list page.
        var listings: [String: Int]
        var rendered: Int
        /// Search entries of skipped pages, by search order.
        var keptSearch: [(Int, [UInt8])]
    }

    let pages: [PlannedPage]
    let data: SiteData
    let templates: [String: Template]
    let forcedTemplates: Set<String>
    let changedFiles: Set<String>
    let previous: [String: Int]?
    /// The last build's search entries and where its practices stood (by slug).
    let previousSearch: (entries: SearchEntries, positions: [String: Int])?
    private let lock = NSLock()
    private var attemptedFiles: Set<String> = []

    init(pages: [PlannedPage], data: SiteData, templates: [String: Template], forcedTemplates: Set<String>,
         changedFiles: Set<String>, previous: [String: Int]?, previousSearch: (entries: SearchEntries, positions: [String: Int])?) {
        self.pages = pages
        self.data = data
        self.templates = templates
        self.forcedTemplates = forcedTemplates
        self.changedFiles = changedFiles
        self.previous = previous
        self.previousSearch = previousSearch
    }

    /// Files written so far (also after a failure, so the output ring can repair its folder).
    var attempted: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return attemptedFiles
    }

    func execute(into folder: String) throws -> Outcome {
        let count = pages.count
        var fingerprints = [Int](repeating: 0, count: count)
        var renderedFlags = [Bool](repeating: false, count: count)
        var kept: [(Int, [UInt8])] = []
        let failure = FirstFailure()
        let chunk = 16
        let practices = data.kb.bestPractices
        fingerprints.withUnsafeMutableBufferPointer { fingerprintSlots in
            renderedFlags.withUnsafeMutableBufferPointer { renderedSlots in
                let fingerprintBase = fingerprintSlots.baseAddress!
                let renderedBase = renderedSlots.baseAddress!
                DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { c in
                    var keptHere: [(Int, [UInt8])] = []
                    var writtenHere: [String] = []
                    for index in (c * chunk)..<min(count, (c + 1) * chunk) {
                        if failure.hasFailed { break }
                        let page = pages[index]
                        let file = Routes.file(for: page.path)
                        let forced = previous == nil || forcedTemplates.contains(page.template)
                        do {
                            var context: [String: Value]? = nil
                            let fingerprint: Int
                            if index < practices.count, page.template == "best-practice.html",
                               page.path == Routes.bestPractice(practices[index].slug) {
                                fingerprint = Self.bestPracticeFingerprint(index, data)
                                let order = SearchOrder.bestPractice + index
                                if !forced, !changedFiles.contains(practices[index].info.file),
                                   previous?[file] == fingerprint, let kept = previousSearch,
                                   let position = kept.positions[practices[index].slug], let entry = kept.entries.practices[position] {
                                    fingerprintBase[index] = fingerprint
                                    keptHere.append((order, entry))
                                    continue
                                }
                            } else {
                                let built = try page.context()
                                fingerprint = Self.fingerprint(page, built)
                                context = built
                                if !forced, previous?[file] == fingerprint {
                                    fingerprintBase[index] = fingerprint
                                    continue
                                }
                            }
                            let bytes = try templates[page.template]!.renderBytes(try context ?? page.context())
                            try OutputRing.write(bytes, to: file, in: folder, fresh: previous == nil)
                            writtenHere.append(file)
                            fingerprintBase[index] = fingerprint
                            renderedBase[index] = true
                        } catch {
                            failure.record(error, order: index)
                            break
                        }
                    }
                    lock.lock()
                    kept += keptHere
                    attemptedFiles.formUnion(writtenHere)
                    lock.unlock()
                }
            }
        }
        if let error = failure.error { throw error }
        var byFile: [String: Int] = [:]
        var templateByFile: [String: String] = [:]
        var listings: [String: Int] = [:]
        byFile.reserveCapacity(count)
        for (index, page) in pages.enumerated() {
            let file = Routes.file(for: page.path)
            byFile[file] = fingerprints[index]
            templateByFile[file] = page.template
            if let listing = page.listing { listings[file] = listing.key(data) }
        }
        return Outcome(
            written: attempted, fingerprints: byFile, templates: templateByFile, listings: listings,
            rendered: renderedFlags.lazy.filter { $0 }.count, keptSearch: kept)
    }

    /// The fingerprint of a page that is not a best practice's: the hash of its template and context.
    static func fingerprint(_ page: PlannedPage, _ context: [String: Value]) -> Int {
        var hasher = Hasher()
        hasher.combine(page.template)
        hasher.combine(ValueFingerprint.of(context))
        return hasher.finalize()
    }

    /// What a best-practice page shows besides its own file: its neighbours, its related practices'
    /// cards, its themes and tags.
    static func bestPracticeFingerprint(_ index: Int, _ data: SiteData) -> Int {
        let practices = data.kb.bestPractices
        let bp = practices[index]
        var hasher = Hasher()
        // Not the index: a practice added or moved before it shifts every index, and the page shows none.
        hasher.combine("best-practice")
        hasher.combine(bp.slug)
        hasher.combine(bp.info.file)
        if index > 0 { hasher.combine(practices[index - 1].title); hasher.combine(practices[index - 1].slug) }
        hasher.combine("|")
        if index + 1 < practices.count { hasher.combine(practices[index + 1].title); hasher.combine(practices[index + 1].slug) }
        // The related practices by their cards (which hold their slugs), not by index, which shifts.
        for related in data.related(to: index) {
            ValueFingerprint.combine(data.cards[related], into: &hasher)
        }
        for theme in bp.themes {
            hasher.combine(theme)
            hasher.combine(data.kb.theme(theme)?.title)
            if let link = data.themeLinks[theme] { ValueFingerprint.combine(link, into: &hasher) }
        }
        ValueFingerprint.combine(data.tagLinks(bp.tags), into: &hasher)
        return hasher.finalize()
    }
}
