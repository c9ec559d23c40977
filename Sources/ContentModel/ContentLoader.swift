import DataFormats
import Diagnostics
import Foundation
import Parallel

/// Loads and validates a site's `content/` folder.
public enum ContentLoader {
    /// Reads every content file (in parallel), validates all of it and builds the knowledge base from the
    /// items `options` keeps. Returns every diagnostic, sorted by file and line; the caller decides whether
    /// errors are fatal. Throws only when there is no usable `content/site.yml` (the thrown
    /// `DiagnosticError` then carries every diagnostic of the run).
    public static func load(root: URL, options: LoadOptions = .publicBuild) throws -> (KnowledgeBase, [Diagnostic]) {
        try ContentCache(root: root, options: options).load(changed: nil)
    }

    /// `load(root:options:)`, and the same files (read and decoded once) assembled a second time with
    /// `other`: for `check`, which validates the public build and the annual reports, whose figures count
    /// internal items. The diagnostics are those of the first.
    public static func load(root: URL, options: LoadOptions, and other: LoadOptions) throws
        -> (KnowledgeBase, KnowledgeBase, [Diagnostic])
    {
        let cache = ContentCache(root: root, options: options)
        let (kb, diagnostics) = try cache.load(changed: nil)
        return (kb, cache.knowledgeBase(options: other) ?? kb, diagnostics)
    }

    /// Decodes files from memory instead of disk (tests, tools): `(relative name, type, text)`.
    public static func load(
        site siteText: String, files: [(name: String, type: ContentType, text: String)],
        options: LoadOptions = .publicBuild
    ) throws -> (KnowledgeBase, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let site = decodeSite(SourceFile(name: "content/site.yml", text: siteText), into: &diagnostics)
        let results = files.map { FileDecoder.decode(SourceFile(name: $0.name, text: $0.text), type: $0.type) }
        let (kb, more) = assemble(site: site, results: results, options: options)
        diagnostics = sorted(diagnostics + more)
        guard site != nil else { throw DiagnosticError(diagnostics) }
        var result = kb
        result.checkedFiles = files.count + 1
        return (result, diagnostics)
    }

    static func readSite(root: URL, into diagnostics: inout [Diagnostic]) -> SiteSettings? {
        let path = root.appendingPathComponent("content/site.yml").path
        let data: [UInt8]
        do {
            data = try FileContents.read(path)
        } catch let error as FileSystemError where error.code != ENOENT {
            diagnostics.append(error.diagnostic("kan content/site.yml niet lezen", file: "content/site.yml"))
            return nil
        } catch {
            diagnostics.append(
                Diagnostic(.error, "geen content/site.yml gevonden in \(root.path)", file: "content/site.yml"))
            return nil
        }
        return decodeSite(SourceFile(name: "content/site.yml", bytes: data), into: &diagnostics)
    }

    static func decodeSite(_ source: SourceFile, into diagnostics: inout [Diagnostic]) -> SiteSettings? {
        let root: YAMLNode
        do {
            root = try YAMLParsing.parse(source)
        } catch let d as Diagnostic {
            diagnostics.append(d)
            return nil
        } catch let e as DiagnosticError {
            diagnostics += e.diagnostics
            return nil
        } catch {
            diagnostics.append(Diagnostic(.error, "\(error)", file: source.name))
            return nil
        }
        let context = DecodeContext(source: source)
        let top = root.value == .null ? YAMLNode(.mapping([]), line: 1, column: 1) : root
        let settings = SiteSettings.decode(FieldReader(top, context: context, what: "site.yml"))
        diagnostics += context.diagnostics
        return settings
    }

    /// One decode per file, spread over the cores; chunks of files keep the per-task overhead small for
    /// thousands of tiny files.
    static func decodeInParallel(_ jobs: [ContentFiles.Job]) -> [FileResult] {
        Parallel.map(jobs.count, chunk: 16) { FileDecoder.decode(jobs[$0]) }
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] { Diagnostic.sortedBySource(diagnostics) }
}
