import DataFormats
import Diagnostics
import Foundation
import PDF

/// How the report is set: the typeface (four TrueType files, or the standard PDF fonts) and whether the
/// PDF claims PDF/A-2a. Comes from the theme's `fonts/fonts.yml`, which `report.yml` can override:
///
///     fonts:                          # in report.yml: other TTF files (paths from the site folder)
///       regular: fonts/Huisletter-Regular.ttf
///       italic: fonts/Huisletter-Italic.ttf
///       bold: fonts/Huisletter-Bold.ttf
///       boldItalic: fonts/Huisletter-BoldItalic.ttf
///     fonts: standard                 # Helvetica and Times, not embedded (no PDF/A, no PDF/UA)
///     pdfa: false                     # no PDF/A-2a claim
public struct ReportTypography: Sendable {
    /// The four styles of a TrueType family, parsed (once per process, `FontCache`).
    public struct Family: Sendable {
        public var name: String
        public var regular: TrueTypeFont
        public var bold: TrueTypeFont
        public var italic: TrueTypeFont
        public var boldItalic: TrueTypeFont

        var all: [TrueTypeFont] { [regular, bold, italic, boldItalic] }
    }

    /// nil: the standard PDF fonts.
    public var family: Family?
    public var claimPDFA: Bool

    public init(family: Family?, claimPDFA: Bool = true) {
        self.family = family
        self.claimPDFA = claimPDFA
    }

    /// The standard PDF fonts, without a PDF/A claim.
    public static let standard = ReportTypography(family: nil, claimPDFA: false)

    static let styles = ["regular", "italic", "bold", "boldItalic"]

    /// The typography for a report: `report.yml`'s `fonts` and `pdfa` when given, else the theme's
    /// `fonts/fonts.yml`. Problems are diagnostics with the file and line; without any font
    /// configuration the standard fonts are used, with a warning.
    static func resolve(fonts: YAMLNode?, pdfa: YAMLNode?, definitionFile: SourceFile, root: URL, theme: URL?)
        -> (ReportTypography, errors: [Diagnostic], warnings: [Diagnostic])
    {
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var claim = true
        if let pdfa {
            if case .bool(let value) = pdfa.value {
                claim = value
            } else {
                errors.append(
                    Diagnostic(
                        .error, "'pdfa' is true of false", file: definitionFile.name, line: pdfa.line,
                        column: pdfa.column, sourceLine: definitionFile.lineText(pdfa.line)))
            }
        }
        if let fonts {
            if fonts.string == "standard" {
                return (ReportTypography(family: nil, claimPDFA: false), errors, warnings)
            }
            let family = readFamily(fonts, source: definitionFile, folder: root, errors: &errors)
            return (ReportTypography(family: family, claimPDFA: claim), errors, warnings)
        }
        let themeFolder = theme ?? root.appendingPathComponent("themes/default", isDirectory: true)
        let configuration = themeFolder.appendingPathComponent("fonts/fonts.yml")
        guard let data = FileManager.default.contents(atPath: configuration.path) else {
            warnings.append(
                Diagnostic(
                    .warning,
                    "het thema heeft geen lettertypen (\(configuration.path) ontbreekt): de PDF gebruikt "
                        + "Helvetica en Times zonder ze in te sluiten en is daardoor geen PDF/A of PDF/UA",
                    notes: ["zie docs/pdf.md: een thema levert vier TTF-bestanden met fonts/fonts.yml"]))
            return (ReportTypography(family: nil, claimPDFA: false), errors, warnings)
        }
        let source = SourceFile(name: relativePath(configuration, root: root), bytes: [UInt8](data))
        do {
            let node = try YAMLReader.parse(source)
            let family = readFamily(
                node, source: source, folder: configuration.deletingLastPathComponent(), errors: &errors)
            return (ReportTypography(family: family, claimPDFA: claim), errors, warnings)
        } catch let d as Diagnostic {
            errors.append(d)
        } catch let e as DiagnosticError {
            errors += e.diagnostics
        } catch {
            errors.append(Diagnostic(.error, "\(error)", file: source.name))
        }
        return (ReportTypography(family: nil, claimPDFA: false), errors, warnings)
    }

    /// A family from `regular`/`italic`/`bold`/`boldItalic` (file names relative to `folder`) and an
    /// optional `family` name; every file is read and checked here, so rendering cannot fail later.
    private static func readFamily(_ node: YAMLNode, source: SourceFile, folder: URL, errors: inout [Diagnostic])
        -> Family?
    {
        func error(_ message: String, _ at: YAMLNode, notes: [String] = []) {
            errors.append(
                Diagnostic(
                    .error, message, file: source.name, line: at.line, column: at.column,
                    sourceLine: source.lineText(at.line), notes: notes))
        }
        guard case .mapping = node.value else {
            error(
                "'fonts' noemt de vier lettertypebestanden (regular, italic, bold, boldItalic) of is 'standard'", node)
            return nil
        }
        let known = styles + ["family", "licence", "license"]
        for key in node.keys where !known.contains(key) {
            var message = "onbekend veld '\(key)' bij de lettertypen"
            if let near = Suggestions.nearest(to: key, in: known) { message += "; bedoelde je '\(near)'?" }
            error(message, node[key] ?? node)
        }
        var fonts: [String: TrueTypeFont] = [:]
        for style in styles {
            guard let entry = node[style] else {
                error(
                    "het lettertype '\(style)' ontbreekt; een familie heeft regular, italic, bold en boldItalic", node)
                continue
            }
            guard let file = entry.string, !file.isEmpty else {
                error("'\(style)' is de naam van een TTF-bestand", entry)
                continue
            }
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : folder.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                error("lettertypebestand \(file) bestaat niet (gezocht in \(folder.path))", entry)
                continue
            }
            do {
                let font = try FontCache.font(at: url)
                if font.embeddingFlags & 0x000F == 0x0002 {
                    error("\(file): \(FontError.embeddingRestricted)", entry)
                    continue
                }
                fonts[style] = font
            } catch let problem {
                error(
                    "\(file) is geen bruikbaar TrueType-lettertype: \(problem)", entry,
                    notes: [
                        "breingen leest TrueType-bestanden (.ttf met glyf-contouren); zet OpenType/CFF (.otf) eerst om"
                    ])
            }
        }
        guard let regular = fonts["regular"], let bold = fonts["bold"], let italic = fonts["italic"],
            let boldItalic = fonts["boldItalic"]
        else { return nil }
        return Family(
            name: node["family"]?.string ?? regular.familyName, regular: regular, bold: bold, italic: italic,
            boldItalic: boldItalic)
    }

    private static func relativePath(_ url: URL, root: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// The PDF module's font set.
    var fontSet: FontSet? {
        family.map { FontSet(regular: $0.regular, bold: $0.bold, italic: $0.italic, boldItalic: $0.boldItalic) }
    }
}
