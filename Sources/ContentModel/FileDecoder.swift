import DataFormats
import Diagnostics
import Foundation
import Markdown

/// What reading one content file gave: the item (nil when it could not be built), every diagnostic, and the
/// slugs it refers to.
struct FileResult: Sendable {
    var item: AnyItem?
    var diagnostics: [Diagnostic] = []
    var references: [Reference] = []
    var tagUses: [TagUse] = []
    /// Where the slug is set (the `slug:` field, else the start of the front matter), for duplicate errors.
    var slugLine = 1
    var slugColumn = 1
    var slugSourceLine: String?
}

/// Reads and decodes one file of a known type.
enum FileDecoder {
    static func decode(_ job: ContentFiles.Job) -> FileResult {
        if job.type == .finance { return FinanceDecoder.decode(folder: job.path, name: job.name) }
        let bytes: [UInt8]
        do {
            bytes = try FileContents.read(job.path)
        } catch {
            let failure = FileSystemError(error, path: job.path) ?? FileSystemError(code: EIO, path: job.path)
            return FileResult(diagnostics: [failure.diagnostic("kan \(job.name) niet lezen", file: job.name)])
        }
        return decode(name: job.name, bytes: bytes, type: job.type)
    }

    /// Decodes the text of a file; the file name gives the default slug.
    static func decode(_ source: SourceFile, type: ContentType) -> FileResult {
        decode(name: source.name, bytes: source.bytes, type: type)
    }

    static func decode(name: String, bytes: [UInt8], type: ContentType) -> FileResult {
        var result = FileResult()
        let yaml: SourceFile
        // Diagnostics only ever point into the front matter, so line bookkeeping skips the body.
        let source: SourceFile
        var body: MarkdownBody?
        if type.isMarkdown {
            do {
                let parts = try FrontMatter.split(bytes, fileName: name)
                // The Markdown parser would cut a longer text at this size: an error, not a silent loss.
                guard parts.body.count <= Markdown.maximumInputSize else {
                    return FileResult(diagnostics: [
                        Diagnostic(
                            .error,
                            "de tekst is langer dan \(Markdown.maximumInputSize >> 20) MiB, de grens; deel hem op",
                            file: name, line: parts.bodyFirstLine)
                    ])
                }
                guard let bodyText = Self.text(parts.body) else {
                    return FileResult(diagnostics: [
                        Diagnostic(
                            .error, "het bestand is geen UTF-8-tekst; bewaar het als UTF-8", file: name,
                            line: parts.bodyFirstLine)
                    ])
                }
                guard let frontMatter = parts.frontMatter else {
                    let firstLine = SourceFile(name: name, bytes: Array(bytes.prefix { $0 != 0x0A }))
                    return FileResult(diagnostics: [
                        Diagnostic.error(
                            "\(type.label) zonder front matter: het bestand begint met een regel '---', dan de velden, dan weer '---'",
                            in: firstLine, at: 0)
                    ])
                }
                yaml = frontMatter
                source = SourceFile(name: name, bytes: Array(bytes[..<(bytes.count - parts.body.count)]))
                body = MarkdownBody(text: bodyText, firstLine: parts.bodyFirstLine)
            } catch let d as Diagnostic {
                return FileResult(diagnostics: [d])
            } catch {
                return FileResult(diagnostics: [Diagnostic(.error, "\(error)", file: name)])
            }
        } else {
            source = SourceFile(name: name, bytes: bytes)
            yaml = source
        }
        let context = DecodeContext(source: source)
        let root: YAMLNode
        do {
            root = try YAMLParsing.parse(yaml)
        } catch let d as Diagnostic {
            return FileResult(diagnostics: [d])
        } catch let e as DiagnosticError {
            return FileResult(diagnostics: e.diagnostics)
        } catch {
            return FileResult(diagnostics: [Diagnostic(.error, "\(error)", file: source.name)])
        }
        let top: YAMLNode
        if case .null = root.value {
            // Empty front matter: point missing fields at the first line.
            top = YAMLNode(.mapping([]), line: 1, column: 1)
        } else {
            top = root
        }
        let reader = FieldReader(top, context: context, what: type.label)
        let fileName = (source.name as NSString).lastPathComponent
        let defaultSlug = (fileName as NSString).deletingPathExtension
        let info = ItemDecoding.info(reader, defaultSlug: defaultSlug, body: body)
        if let slugNode = reader.raw("slug") {
            result.slugLine = slugNode.line
            result.slugColumn = slugNode.column
        } else {
            result.slugLine = top.line
            result.slugColumn = top.column
        }
        result.slugSourceLine = source.lineText(result.slugLine)
        switch type {
        case .theme: result.item = Theme.decode(reader, info: info).map(AnyItem.theme)
        case .bestPractice: result.item = BestPractice.decode(reader, info: info).map(AnyItem.bestPractice)
        case .insight: result.item = Insight.decode(reader, info: info).map(AnyItem.insight)
        case .activity: result.item = Activity.decode(reader, info: info).map(AnyItem.activity)
        case .result: result.item = ResultList.decode(reader, info: info).map(AnyItem.result)
        case .alliance: result.item = Alliance.decode(reader, info: info).map(AnyItem.alliance)
        case .publication: result.item = Publication.decode(reader, info: info).map(AnyItem.publication)
        case .person: result.item = Person.decode(reader, info: info).map(AnyItem.person)
        case .schoolScan: result.item = SchoolScan.decode(reader, info: info).map(AnyItem.schoolScan)
        case .page: result.item = Page.decode(reader, info: info).map(AnyItem.page)
        case .finance: break
        }
        reader.finish()
        result.diagnostics = context.diagnostics
        result.references = context.references
        result.tagUses = context.tagUses
        return result
    }

    /// The body as a String, nil when it is not valid UTF-8. `String(decoding:)` is the fast path; it
    /// repairs bad bytes with U+FFFD, so only a result holding U+FFFD needs the strict check.
    static func text(_ bytes: [UInt8]) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        // memchr for 0xEF (the lead byte of U+FFFD, rare in Dutch text), then the two bytes after it.
        let hasReplacement = text.withUTF8 { utf8 -> Bool in
            guard let base = utf8.baseAddress else { return false }
            var i = 0
            let n = utf8.count
            while i < n, let hit = memchr(base + i, 0xEF, n - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + 2 < n, utf8[at + 1] == 0xBF, utf8[at + 2] == 0xBD { return true }
                i = at + 1
            }
            return false
        }
        if hasReplacement { return String(validating: bytes, as: UTF8.self) }
        return text
    }
}
