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
        // Without usable settings (already reported) references to menus and levels are not checked, as
        // in a full load: a broken site.yml must not bring an error per menu and level named elsewhere.
        var (kb, more) = ContentLoader.assemble(site: site, results: results, options: options)
        diagnostics += more
        diagnostics = ContentLoader.sorted(diagnostics)
        guard site != nil else { throw DiagnosticError(diagnostics) }
        kb.site = site!
        kb.checkedFiles = jobs.count + 1
        return (kb, diagnostics)
    }

    /// The fast paths of a live preview: when every path in `changed` is a best practice of `kb` edited in
    /// place (same file, same slug, still in the build, no errors, every theme and publication it names in
    /// `kb`), keeps the new decodes and returns them; nil otherwise (nothing is kept: call `load(changed:)`).
    /// Under these conditions the knowledge base of a full load is `kb.replacingBestPractices(edits.practices)`
    /// and no other file's problems change.
    public func bestPracticeEdits(_ changed: Set<String>, in kb: KnowledgeBase) -> BestPracticeEdits? {
        guard loaded, !changed.isEmpty else { return nil }
        var updates: [(Int, FileResult, BestPractice)] = []
        var bodiesOnly = true
        for path in changed {
            // An editor's temporary file that came and went is no content; a file of the build that went (the
            // folders may have been listed again by a build that failed since) is no edit in place.
            if positions[path] == nil, !exists(path) {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                let contentLike = [".md", ".yml", ".csv"].contains { name.hasSuffix($0) } && !ContentFiles.ignored(name)
                if contentLike || kb.holds(file: path) { return nil }
                continue
            }
            // Compared with what the build holds, not with the last decode: that may be of a broken file.
            guard let i = positions[path], jobs[i].type == .bestPractice,
                  let old = kb.bestPractices.first(where: { $0.info.file == path }) else { return nil }
            let new = FileDecoder.decode(jobs[i])
            // New aliases add or remove redirect pages, which also show the title: only a planned build sees them.
            guard case .bestPractice(let practice)? = new.item, practice.slug == old.slug, options.keeps(practice.info),
                  practice.info.aliases == old.info.aliases, old.info.aliases.isEmpty || practice.title == old.title,
                  !new.diagnostics.contains(where: { $0.severity == .error }),
                  new.references.allSatisfy({ Self.resolves($0, in: kb) }) else { return nil }
            var sameFields = practice
            sameFields.info.body = old.info.body
            if sameFields != old || new.diagnostics.map(\.message) != results[i].diagnostics.map(\.message)
                || new.references.map(\.slug) != results[i].references.map(\.slug) {
                bodiesOnly = false
            }
            updates.append((i, new, practice))
        }
        guard !updates.isEmpty else { return nil }
        for (i, result, _) in updates { results[i] = result }
        return BestPracticeEdits(
            practices: updates.map(\.2), bodiesOnly: bodiesOnly, diagnostics: ContentLoader.sorted(updates.flatMap(\.1.diagnostics)))
    }

    /// Whether a reference names an item the build has, so assembling would report nothing about it.
    private static func resolves(_ reference: Reference, in kb: KnowledgeBase) -> Bool {
        switch reference.kind {
        case .theme: return kb.theme(reference.slug) != nil
        case .publication: return kb.publication(reference.slug) != nil
        case .pyramidLevel, .menu: return false
        }
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

/// Best practices edited in place, as `ContentCache.bestPracticeEdits(_:in:)` found them.
public struct BestPracticeEdits: Sendable {
    /// The new decodes.
    public var practices: [BestPractice]
    /// Whether nothing but Markdown bodies changed (same fields, same problems, same references).
    public var bodiesOnly: Bool
    /// The problems of the edited files (warnings: a file with an error is no edit in place).
    public var diagnostics: [Diagnostic]
}
