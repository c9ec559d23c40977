import Diagnostics
import Foundation

/// What to build and where.
public struct BuildOptions: Sendable {
    /// The site folder: it holds `content/` and `themes/`.
    public var root: URL
    /// Where the site goes; `root/output` when nil.
    public var output: URL?
    /// Include items marked `draft: true` (for previews; never for publishing).
    public var drafts: Bool
    /// Include items marked `visibility: internal`.
    public var includeInternal: Bool
    /// Print nothing but errors and warnings.
    public var quiet: Bool
    /// Show the "pagina's done/total" line while building (only on a terminal, never when quiet).
    public var progress: Bool

    public init(root: URL, output: URL? = nil, drafts: Bool = false, includeInternal: Bool = false,
                quiet: Bool = false, progress: Bool = false) {
        self.root = root
        self.output = output
        self.drafts = drafts
        self.includeInternal = includeInternal
        self.quiet = quiet
        self.progress = progress
    }

    public var outputDirectory: URL { output ?? root.appendingPathComponent("output", isDirectory: true) }
}

/// Counts for the one-line summary after a build.
public struct BuildSummary: Sendable {
    public var pages: Int
    public var files: Int
    public var outputPath: String
}

/// Builds the site: reads `content/site.yml` and writes the pages into the output folder.
public struct SiteBuilder {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws -> BuildSummary {
        let siteFile = options.root.appendingPathComponent("content/site.yml")
        guard let data = FileManager.default.contents(atPath: siteFile.path) else {
            throw Diagnostic(.error, "geen content/site.yml gevonden in \(options.root.path)", file: "content/site.yml")
        }
        let settings = try MinimalSettings(source: SourceFile(name: "content/site.yml", bytes: Array(data)))
        let staged = try StagedOutput(target: options.outputDirectory)
        do {
            let html = """
                <!DOCTYPE html>
                <html lang="\(escape(settings.language))">
                <head><meta charset="utf-8"><title>\(escape(settings.title))</title></head>
                <body><h1>\(escape(settings.title))</h1></body>
                </html>

                """
            try staged.write(Data(html.utf8), to: "index.html")
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
        return BuildSummary(pages: 1, files: 1, outputPath: options.outputDirectory.path)
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// The three required settings, read from top-level `key: value` lines. Replaced by the content
/// model's full YAML reading once that lands; until then it is strict about what it needs.
struct MinimalSettings {
    var title: String
    var baseURL: String
    var language: String

    init(source: SourceFile) throws {
        var values: [String: String] = [:]
        for index in 0..<source.lineStarts.count {
            guard let line = source.lineText(index + 1), let colon = line.firstIndex(of: ":"),
                !line.hasPrefix(" "), !line.hasPrefix("#")
            else { continue }
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[String(line[..<colon])] = value
        }
        for key in ["title", "baseURL", "language"] where values[key] == nil {
            throw Diagnostic(.error, "verplicht veld '\(key)' ontbreekt", file: source.name, line: 1, column: 1,
                             sourceLine: source.lineText(1))
        }
        title = values["title"]!
        baseURL = values["baseURL"]!
        language = values["language"]!
    }
}
