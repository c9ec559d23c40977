import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
    /// Other views of the last load (`knowledgeBase(options:)`): nil where a view is the load's own.
    private var views: [(options: LoadOptions, kb: KnowledgeBase?)] = []
    /// The problems across files of the last assembly: the tags' spellings, and the rest.
    private var crossFile: [Diagnostic] = []
    private var tagSpellings: [Diagnostic] = []
    /// Best-practice slug → how many best-practice files have it (drafts and internal ones included).
    private var practiceSlugs: [String: Int] = [:]

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
        guard FileManager.default.fileExists(atPath: contentPath, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            loaded = false
            throw DiagnosticError([Diagnostic(.error, "geen map content/ gevonden in \(root.path)", file: "content")])
        }
        let site = ContentLoader.readSite(root: root, into: &diagnostics)
        if loaded, let changed, changed.isEmpty, let last = lastKnowledgeBase, let site, site == last.site {
            return (
                last,
                ContentLoader.sorted(diagnostics + listingDiagnostics + fileDiagnostics() + crossFile + tagSpellings)
            )
        }
        if loaded, let changed, let last = lastKnowledgeBase, let site, site == last.site,
            let patched = patch(changed, last)
        {
            return (
                patched,
                ContentLoader.sorted(diagnostics + listingDiagnostics + fileDiagnostics() + crossFile + tagSpellings)
            )
        }
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
                if let previous = old[job.name], let changed, !touches(job, changed) {
                    keep[i] = previous
                } else {
                    todo.append(i)
                }
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
        let assembly = ContentLoader.assembleParts(site: site, results: results, options: options)
        var kb = assembly.kb
        (crossFile, tagSpellings) = (assembly.crossFile, assembly.tagSpellings)
        practiceSlugs = [:]
        for result in results {
            if case .bestPractice(let practice)? = result.item { practiceSlugs[practice.slug, default: 0] += 1 }
        }
        diagnostics += fileDiagnostics() + crossFile + tagSpellings
        diagnostics = ContentLoader.sorted(diagnostics)
        guard site != nil else {
            lastKnowledgeBase = nil
            throw DiagnosticError(diagnostics)
        }
        kb.site = site!
        kb.checkedFiles = jobs.count + 1
        lastKnowledgeBase = kb
        views = []
        return (kb, diagnostics)
    }

    /// The usual edits while writing, without assembling everything again: best practices edited, added or
    /// deleted, each file valid, its slug its own and every theme and publication it names in the build,
    /// so no problem across files but the tags' spellings can change. Applies them and gives the knowledge
    /// base of a full assembly; nil (nothing changed) for anything else.
    private func patch(_ changed: Set<String>, _ last: KnowledgeBase) -> KnowledgeBase? {
        let folder = "content/best-practices/"
        var edits: [(path: String, old: FileResult?, new: FileResult?, job: ContentFiles.Job)] = []
        for path in changed {
            let name = String(path.dropFirst(folder.count))
            let known = positions[path]
            var info = stat()
            let present = lstat(root.appendingPathComponent(path).path, &info) == 0
            if known == nil && !present { continue }  // an editor's temporary file that came and went
            guard path.hasPrefix(folder), !name.contains("/"), name.hasSuffix(".md"), !ContentFiles.ignored(name),
                !present || (info.st_mode & S_IFMT) == S_IFREG
            else { return nil }
            let job =
                known.map { jobs[$0] }
                ?? ContentFiles.Job(type: .bestPractice, path: root.appendingPathComponent(path).path, name: path)
            edits.append((path, known.map { results[$0] }, present ? FileDecoder.decode(job) : nil, job))
        }
        guard !edits.isEmpty else { return nil }
        // The slug counts change only when a slug does (an edit keeps it almost always).
        let slugsChange = edits.contains { edit in
            guard case .bestPractice(let old)? = edit.old?.item, case .bestPractice(let new)? = edit.new?.item else {
                return true
            }
            return old.slug != new.slug
        }
        var slugs = slugsChange ? practiceSlugs : [:]
        if slugsChange {
            for edit in edits {
                if case .bestPractice(let old)? = edit.old?.item { slugs[old.slug, default: 1] -= 1 }
            }
        }
        var tagsChanged = false
        for edit in edits {
            for result in [edit.old, edit.new].compactMap({ $0 }) {
                // Nothing that a problem across files could come from.
                guard result.item.map({ if case .bestPractice = $0 { return true } else { return false } }) ?? false,
                    !result.diagnostics.contains(where: { $0.severity == .error }),
                    result.references.allSatisfy({ resolves($0, in: last) })
                else { return nil }
            }
            if let old = edit.old, crossFile.contains(where: { $0.file == old.item?.info.file }) { return nil }
            if slugsChange, case .bestPractice(let practice)? = edit.new?.item {
                guard slugs[practice.slug, default: 0] == 0 else { return nil }
                slugs[practice.slug] = 1
            }
            if edit.old?.tagUses.map(\.text) != edit.new?.tagUses.map(\.text) { tagsChanged = true }
        }
        for edit in edits {
            if slugsChange, case .bestPractice(let old)? = edit.old?.item, slugs[old.slug, default: 0] > 1 {
                return nil
            }
            // A slug some other file has too was a duplicate before the edit: the full path reports it.
            if !slugsChange, case .bestPractice(let old)? = edit.old?.item, practiceSlugs[old.slug, default: 0] > 1 {
                return nil
            }
        }
        // Apply: the files, then the knowledge base.
        for edit in edits {
            switch (positions[edit.path], edit.new) {
            case (let i?, let new?): results[i] = new
            case (let i?, nil):
                jobs.remove(at: i)
                results.remove(at: i)
            case (nil, let new?):
                let i = jobs.firstIndex { $0.name >= edit.path } ?? jobs.count
                jobs.insert(edit.job, at: i)
                results.insert(new, at: i)
            case (nil, nil): break
            }
            if positions[edit.path] == nil || edit.new == nil {
                positions = [:]
                for (i, job) in jobs.enumerated() { positions[job.name] = i }
            }
        }
        if slugsChange { practiceSlugs = slugs.filter { $0.value > 0 } }
        if tagsChanged { tagSpellings = ContentLoader.tagSpellings(results) }
        var kb = last
        var inserted: [BestPractice] = []
        for edit in edits {
            if case .bestPractice(let practice)? = edit.new?.item, options.keeps(practice.info) {
                inserted.append(practice)
            }
        }
        let paths = Set(edits.map(\.path))
        kb.replaceBestPractices(removing: paths, inserting: inserted)
        kb.checkedFiles = jobs.count + 1
        lastKnowledgeBase = kb
        // The other views, patched alike; one that was the load's own stays so while the edited files'
        // items are kept by both or by neither.
        let infos = edits.flatMap { [$0.old, $0.new] }.compactMap { $0?.item?.info }
        views = views.compactMap { view in
            guard var other = view.kb else {
                return infos.allSatisfy({ options.keeps($0) == view.options.keeps($0) }) ? view : nil
            }
            var kept: [BestPractice] = []
            for edit in edits {
                if case .bestPractice(let practice)? = edit.new?.item, view.options.keeps(practice.info) {
                    kept.append(practice)
                }
            }
            other.replaceBestPractices(removing: paths, inserting: kept)
            other.checkedFiles = kb.checkedFiles
            return (view.options, other)
        }
        return kb
    }

    /// Whether a reference names an item of the build, so assembling reports nothing about it.
    private func resolves(_ reference: Reference, in kb: KnowledgeBase) -> Bool {
        switch reference.kind {
        case .theme: return kb.theme(reference.slug) != nil
        case .publication: return kb.publication(reference.slug) != nil
        case .pyramidLevel, .menu: return false
        }
    }

    /// The knowledge base of the content last loaded, keeping what `options` keep (the annual report keeps
    /// internal items, the public site does not): assembled from the files already decoded once per full
    /// load and patched with the load's edits after that, or the last load's own when both options keep
    /// the same items.
    public func knowledgeBase(options other: LoadOptions) -> KnowledgeBase? {
        guard loaded, let last = lastKnowledgeBase else { return nil }
        if other == options { return last }
        if let view = views.first(where: { $0.options == other }) { return view.kb ?? last }
        var view: KnowledgeBase?
        if results.contains(where: { $0.item.map { options.keeps($0.info) != other.keeps($0.info) } ?? false }) {
            var (kb, _) = ContentLoader.assemble(site: last.site, results: results, options: other)
            kb.site = last.site
            kb.checkedFiles = jobs.count + 1
            view = kb
        }
        views.append((other, view))
        return view ?? last
    }

    /// The problems of the files themselves, read in place (each result holds a whole item: copying
    /// thousands of them costs more than the rest of a small load).
    private func fileDiagnostics() -> [Diagnostic] {
        var all: [Diagnostic] = []
        for i in results.indices where !results[i].diagnostics.isEmpty { all += results[i].diagnostics }
        return all
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
