import Diagnostics
import Foundation

/// Keeps every decoded content file between loads, so that a live preview re-reads only the files that
/// changed and then re-assembles the knowledge base (cross-references and derived data are cheap next to
/// reading and decoding thousands of files). The result is the same as `ContentLoader.load(root:options:)`.
/// Not thread-safe: one load at a time.
public final class ContentCache: @unchecked Sendable {
    public let root: URL
    public let options: LoadOptions
    private var jobs: [ContentFiles.Job] = []
    private var listingDiagnostics: [Diagnostic] = []
    private var results: [FileResult] = []
    /// Job name (`content/best-practices/x.md`, a finance year folder) → index in `files.jobs`.
    private var positions: [String: Int] = [:]
    private var loaded = false

    public init(root: URL, options: LoadOptions = .publicBuild) {
        self.root = root
        self.options = options
    }

    /// Loads the content, re-decoding only `changed` (paths relative to the site root, such as
    /// `content/best-practices/x.md`); nil or the first call reads everything. A new or deleted file
    /// makes it list the folders again. Throws like `ContentLoader.load(root:options:)`.
    public func load(changed: Set<String>?) throws -> (KnowledgeBase, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let contentPath = root.appendingPathComponent("content").path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            loaded = false
            throw DiagnosticError([Diagnostic(.error, "geen map content/ gevonden in \(root.path)", file: "content")])
        }
        let site = ContentLoader.readSite(root: root, into: &diagnostics)
        if !loaded || changed == nil || needsListing(changed!) {
            let old = loaded ? Dictionary(zip(jobs.map(\.name), results), uniquingKeysWith: { a, _ in a }) : [:]
            let files = ContentFiles(root: root)
            jobs = files.jobs
            listingDiagnostics = files.diagnostics
            positions = [:]
            for (i, job) in jobs.enumerated() { positions[job.name] = i }
            // Keep what is still valid; decode the new and changed files.
            var keep = [FileResult?](repeating: nil, count: jobs.count)
            var todo: [Int] = []
            for (i, job) in jobs.enumerated() {
                if let previous = old[job.name], let changed, !touches(job, changed) { keep[i] = previous } else { todo.append(i) }
            }
            let decoded = ContentLoader.decodeInParallel(todo.map { jobs[$0] })
            for (k, i) in todo.enumerated() { keep[i] = decoded[k] }
            results = keep.map { $0! }
            loaded = true
        } else {
            let todo = jobs.indices.filter { touches(jobs[$0], changed!) }
            let decoded = ContentLoader.decodeInParallel(todo.map { jobs[$0] })
            for (k, i) in todo.enumerated() { results[i] = decoded[k] }
        }
        diagnostics += listingDiagnostics
        var (kb, more) = ContentLoader.assemble(
            site: site ?? SiteSettings(title: "", baseURL: "", language: ""), results: results, options: options)
        diagnostics += more
        diagnostics = ContentLoader.sorted(diagnostics)
        guard site != nil else { throw DiagnosticError(diagnostics) }
        kb.site = site!
        kb.checkedFiles = jobs.count + 1
        return (kb, diagnostics)
    }

    /// The fast path of a live preview: when every path in `changed` is a loaded best practice whose new
    /// text differs from the old one in its Markdown body only (same fields, same problems), keeps the new
    /// decodes and returns them; nil otherwise (nothing is kept: call `load(changed:)`).
    public func bestPracticeBodyEdits(_ changed: Set<String>) -> [BestPractice]? {
        guard loaded, !changed.isEmpty else { return nil }
        var updates: [(Int, FileResult, BestPractice)] = []
        for path in changed {
            // An editor's temporary file that came and went is no content.
            if positions[path] == nil, !exists(path) { continue }
            guard let i = positions[path], jobs[i].type == .bestPractice,
                  case .bestPractice(let old)? = results[i].item else { return nil }
            let new = FileDecoder.decode(jobs[i])
            guard case .bestPractice(let practice)? = new.item,
                  !new.diagnostics.contains(where: { $0.severity == .error }),
                  new.diagnostics.map(\.message) == results[i].diagnostics.map(\.message),
                  new.references.map(\.slug) == results[i].references.map(\.slug) else { return nil }
            var sameFields = practice
            sameFields.info.body = old.info.body
            guard sameFields == old else { return nil }
            updates.append((i, new, practice))
        }
        for (i, result, _) in updates { results[i] = result }
        return updates.map(\.2)
    }

    /// Whether `changed` adds or removes a file, so the folders must be listed again.
    private func needsListing(_ changed: Set<String>) -> Bool {
        for path in changed where path.hasPrefix("content/") && path != "content/site.yml" {
            let known = positions[path] != nil || jobs.contains { $0.type == .finance && path.hasPrefix($0.name + "/") }
            // Unknown and gone: an editor's temporary file, nothing to list again for.
            if known != exists(path) { return true }
        }
        return false
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    private func touches(_ job: ContentFiles.Job, _ changed: Set<String>) -> Bool {
        if changed.contains(job.name) { return true }
        guard job.type == .finance else { return false }
        return changed.contains { $0.hasPrefix(job.name + "/") }
    }
}
