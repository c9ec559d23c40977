import ContentModel
import Diagnostics
import Foundation
import PDF
import Parallel

/// An output format of the report.
public enum ReportFormat: String, CaseIterable, Sendable {
    case html, pdf
}

/// What `breingen report` should make.
public struct ReportOptions: Sendable {
    /// The site folder with `content/`.
    public var root: URL
    public var year: Int
    public var formats: [ReportFormat]
    /// Where the files go; `root/output` when nil.
    public var output: URL?
    /// Also name what is internal (the WIJ SCHOOL schools with internal scan data, internal items).
    public var includeInternal: Bool
    /// The PDF's creation date; now (or `SOURCE_DATE_EPOCH`) when nil. The site build passes its build
    /// day, so that two builds of the same content on the same day give the same bytes.
    public var creationDate: Date?
    /// The theme folder, whose `fonts/fonts.yml` names the report's typeface; `root/themes/default` when nil.
    public var theme: URL?

    public init(
        root: URL, year: Int, formats: [ReportFormat] = ReportFormat.allCases, output: URL? = nil,
        includeInternal: Bool = false, creationDate: Date? = nil, theme: URL? = nil
    ) {
        self.creationDate = creationDate
        self.theme = theme
        self.root = root
        self.year = year
        self.formats = formats
        self.output = output
        self.includeInternal = includeInternal
    }

    public var outputDirectory: URL { output ?? root.appendingPathComponent("output", isDirectory: true) }
}

/// What a report run wrote.
public struct ReportSummary: Sendable {
    /// The files written, in the order of the requested formats.
    public var files: [URL]
    /// Pages of the PDF, when one was written.
    public var pageCount: Int?
    /// Problems that did not stop the report (e.g. a stale hand-made heading number).
    public var warnings: [Diagnostic]
}

/// A report rendered in memory: file names (`jaarverslag-2020.pdf`) with their bytes.
public struct RenderedReport: Sendable {
    public var files: [(name: String, data: Data)]
    /// Pages of the PDF, when one was rendered.
    public var pageCount: Int?
    public var warnings: [Diagnostic]
}

/// The annual report (jaarverslag): one document model per year from the same content as the site,
/// written as a self-contained HTML file and as a PDF by our own typesetter.
///
///     let summary = try AnnualReport.generate(ReportOptions(root: site, year: 2020))
public enum AnnualReport {
    /// The years that have a report definition (`content/reports/YEAR/report.yml`), ascending, so the
    /// site can link every year's report.
    public static func availableYears(root: URL) -> [Int] {
        let folder = root.appendingPathComponent("content/reports")
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return entries.compactMap { entry -> Int? in
            guard entry.count == 4, let year = Int(entry),
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(entry)/report.yml").path)
            else { return nil }
            return year
        }.sorted()
    }

    /// The file name of a year's report: `jaarverslag-2020.html`, `jaarverslag-2020.pdf`. An internal
    /// report is `jaarverslag-2020-intern.pdf`, so it never overwrites (or gets published as) the public one.
    public static func fileName(year: Int, format: ReportFormat, internal isInternal: Bool = false) -> String {
        "jaarverslag-\(year)\(isInternal ? "-intern" : "").\(format.rawValue)"
    }

    /// Loads the content and builds the report model of a year. Throws a `DiagnosticError` with every
    /// problem (content errors, a missing definition, text or financial statements).
    public static func document(root: URL, year: Int, includeInternal: Bool = false, theme: URL? = nil) throws
        -> (ReportDocument, [Diagnostic])
    {
        // Check the definition first: a year without a report should say so, not list content problems.
        let definition = try ReportDefinition.read(root: root, year: year)
        // Internal items are loaded always: internal WIJ SCHOOL scans count in the figures; the chapters
        // leave out (or leave unnamed) what is internal unless `includeInternal`.
        let (kb, diagnostics) = try ContentLoader.load(
            root: root, options: LoadOptions(includeDrafts: false, includeInternal: true))
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticError(errors) }
        return try ReportBuilder(
            root: root, kb: kb, definition: definition, includeInternal: includeInternal, theme: theme
        ).build()
    }

    /// The report model of a year from a knowledge base already loaded (tests, the site).
    public static func document(
        root: URL, knowledgeBase kb: KnowledgeBase, year: Int, includeInternal: Bool = false,
        theme: URL? = nil
    ) throws -> (ReportDocument, [Diagnostic]) {
        let definition = try ReportDefinition.read(root: root, year: year)
        return try ReportBuilder(
            root: root, kb: kb, definition: definition, includeInternal: includeInternal, theme: theme
        ).build()
    }

    /// The self-contained HTML file.
    public static func html(_ report: ReportDocument) -> String {
        HTMLReportRenderer.render(report)
    }

    /// The PDF file with facts about its layout (pages, where each heading landed).
    public static func pdf(_ report: ReportDocument, creationDate: Date? = nil) -> TypesetResult {
        PDFReportRenderer.render(report, creationDate: creationDate)
    }

    /// The model the PDF is typeset from.
    public static func typesetDocument(_ report: ReportDocument) -> TypesetDocument {
        PDFReportRenderer.typesetDocument(report)
    }

    /// Builds the report and writes the requested formats (both at once, on separate cores).
    public static func generate(_ options: ReportOptions) throws -> ReportSummary {
        let rendered = try render(options)
        let directory = options.outputDirectory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw
                (FileSystemError(error, path: directory.path, writing: true)
                ?? FileSystemError(code: EIO, path: directory.path))
                .diagnostic("kan de map \(directory.path) niet maken")
        }
        var files: [URL] = []
        for file in rendered.files {
            let url = directory.appendingPathComponent(file.name)
            do {
                try file.data.write(to: url, options: .atomic)
            } catch {
                throw
                    (FileSystemError(error, path: url.path, writing: true) ?? FileSystemError(code: EIO, path: url.path))
                    .diagnostic("kan \(url.path) niet schrijven")
            }
            files.append(url)
        }
        return ReportSummary(files: files, pageCount: rendered.pageCount, warnings: rendered.warnings)
    }

    /// Builds the report and renders the requested formats in memory (both at once, on separate cores),
    /// for callers that write the files themselves.
    public static func render(_ options: ReportOptions) throws -> RenderedReport {
        let (report, warnings) = try document(
            root: options.root, year: options.year, includeInternal: options.includeInternal,
            theme: options.theme)
        return render(report, warnings: warnings, options: options)
    }

    /// The report of `options.year` from a knowledge base already loaded, which must hold the internal
    /// items (they count in the figures; the chapters leave them out unless `options.includeInternal`): the
    /// site build renders its reports from the content it loaded once.
    public static func render(_ options: ReportOptions, knowledgeBase kb: KnowledgeBase) throws -> RenderedReport {
        let (report, warnings) = try document(
            root: options.root, knowledgeBase: kb, year: options.year,
            includeInternal: options.includeInternal, theme: options.theme)
        return render(report, warnings: warnings, options: options)
    }

    /// A report model rendered in the requested formats (both at once, on separate cores).
    public static func render(_ report: ReportDocument, warnings: [Diagnostic], options: ReportOptions)
        -> RenderedReport
    {
        let formats = options.formats.isEmpty ? ReportFormat.allCases : options.formats
        let outputs = Parallel.map(formats.count) { i -> (data: Data, pages: Int?) in
            switch formats[i] {
            case .html:
                return (Data(html(report).utf8), nil)
            case .pdf:
                let result = pdf(report, creationDate: options.creationDate)
                return (result.data, result.pageCount)
            }
        }
        let files = zip(formats, outputs).map { format, output in
            (name: fileName(year: options.year, format: format, internal: options.includeInternal), data: output.data)
        }
        return RenderedReport(files: files, pageCount: outputs.compactMap(\.pages).first, warnings: warnings)
    }
}
