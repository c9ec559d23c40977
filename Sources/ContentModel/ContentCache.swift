import Diagnostics
import Foundation

/// The content loader: reads and decodes every file under `content/` once, keeps the decoded files, and
/// on later loads (the live preview) re-reads only the files that changed before assembling the knowledge
/// base again (cross-references and derived data are cheap next to reading and decoding thousands of
/// files). `ContentLoader.load(root:options:)` is one load of a new one. Not thread-safe: one load at a time.
public final class ContentCache: @unchecked Sendable {
    public let root: URL
    public let options: LoadOptions
    private var jobs: [ContentFiles.Job] = []
    private var listingDiagnostics: [Diagnostic] = []
    private var results: [FileResult] = []
    /// Job name (`content/best-practices/x.md`, a finance year folder) → index in `files.jobs`.
    private var positions: [String: Int] = [:]
    private var loaded = false
    private var lastKnowledgeBase: KnowledgeBase?

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
        // Without usable settings (already reported) references to menus and levels are not checked, as
        // in a full load: a broken site.yml must not bring an error per menu and level named elsewhere.
        var (kb, more) = ContentLoader.assemble(site: site, results: results, options: options)
        diagnostics += more
        diagnostics = ContentLoader.sorted(diagnostics)
        guard site != nil else {
            lastKnowledgeBase = nil
            throw DiagnosticError(diagnostics)
        }
        kb.site = site!
        kb.checkedFiles = jobs.count + 1
        lastKnowledgeBase = kb
        return (kb, diagnostics)
    }

    /// The knowledge base of the content last loaded, keeping what `options` keep (the annual report keeps
    /// internal items, the public site does not): assembled again from the files already decoded, or the
    /// last load's own when both options keep the same items.
    public func knowledgeBase(options other: LoadOptions) -> KnowledgeBase? {
        guard loaded, let last = lastKnowledgeBase else { return nil }
        if other == options || !results.contains(where: { $0.item.map { options.keeps($0.info) != other.keeps($0.info) } ?? false }) {
            return last
        }
        var (kb, _) = ContentLoader.assemble(site: last.site, results: results, options: other)
        kb.site = last.site
        kb.checkedFiles = jobs.count + 1
        return kb
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
