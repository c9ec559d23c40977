import Foundation
import Templates

/// Renders a chosen few pages in parallel, for the fast paths of the incremental builder. A page given
/// with a fingerprint is rendered (it is known to have changed; the fingerprint is stored for later
/// builds); a page without one is checked first: its context's fingerprint against the last build's,
/// and rendered only when they differ.
final class ListedPagesRender: @unchecked Sendable {
    let pages: [(page: PlannedPage, fingerprint: Int?)]
    let previous: [String: Int]
    let templates: [String: Template]
    private let lock = NSLock()
    private var attemptedFiles: Set<String> = []
    /// Output file → fingerprint, for every page rendered or checked.
    private(set) var fingerprints: [String: Int] = [:]
    private(set) var rendered = 0

    init(pages: [(page: PlannedPage, fingerprint: Int?)], previous: [String: Int], templates: [String: Template]) {
        self.pages = pages
        self.previous = previous
        self.templates = templates
    }

    /// Files written so far (also after a failure, so the output ring can repair its folder).
    var attempted: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return attemptedFiles
    }

    var written: Set<String> { attempted }

    func execute(into folder: String) throws {
        let failure = FirstFailure()
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            if failure.hasFailed { return }
            let (page, known) = pages[index]
            let file = Routes.file(for: page.path)
            do {
                let context = try page.context()
                let fingerprint = known ?? RenderPlan.fingerprint(page, context)
                var wrote = false
                if known != nil || previous[file] != fingerprint {
                    guard let template = templates[page.template] else {
                        throw TemplateRuntimeError("sjabloon \(page.template) ontbreekt")
                    }
                    try OutputRing.write(try template.renderBytes(context), to: file, in: folder)
                    wrote = true
                }
                lock.lock()
                fingerprints[file] = fingerprint
                if wrote {
                    attemptedFiles.insert(file)
                    rendered += 1
                }
                lock.unlock()
            } catch {
                failure.record(error, order: index)
            }
        }
        if let error = failure.error { throw error }
    }
}
