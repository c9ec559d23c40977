import DataFormats
import Diagnostics
import Foundation
import Report
import Site

extension CLI {
    static var reportCommand: Command {
        Command(
            name: "report",
            summary: "maak het jaarverslag van een jaar als HTML en PDF",
            usage: "breingen report --year JAAR [--format html,pdf] [--output MAP] [--internal] [--root MAP] [--quiet]",
            details: """
                Bouwt het jaarverslag uit content/reports/JAAR/report.yml, de teksten van de redactie en de
                rest van content/ (thema's, resultaten, activiteiten, personen, financiële staten). Schrijft
                output/jaarverslag-JAAR.html (één bestand, ook om af te drukken) en output/jaarverslag-JAAR.pdf.
                Interne WIJ SCHOOL-scans tellen mee in de cijfers, maar scholen worden alleen met --internal
                bij naam genoemd; die interne versie heet jaarverslag-JAAR-intern.html/.pdf.
                """,
            options: [
                OptionSpec("year", short: "y", value: "JAAR", help: "het jaar van het verslag, bijvoorbeeld 2020"),
                OptionSpec("format", short: "f", value: "LIJST", help: "html, pdf of html,pdf (standaard: beide)"),
                OptionSpec("output", short: "o", value: "MAP", help: "schrijf naar MAP in plaats van ROOT/output"),
                OptionSpec("internal", help: "noem ook wat intern is (alleen voor intern gebruik)"),
                OptionSpec("root", value: "MAP", help: "de sitemap met content/ (standaard: huidige map)"),
                OptionSpec("quiet", short: "q", help: "geen samenvatting"),
            ]
        ) { arguments, console in
            let root = URL(fileURLWithPath: arguments.value("root") ?? ".", isDirectory: true).standardizedFileURL
            guard let yearText = arguments.value("year") else {
                let years = AnnualReport.availableYears(root: root)
                throw UsageError(
                    "welk jaar? geef --year JAAR"
                        + (years.isEmpty
                            ? ""
                            : " (jaren met een jaarverslag: " + years.map(String.init).joined(separator: ", ") + ")"))
            }
            guard let year = Int(yearText), (1900...2999).contains(year) else {
                throw UsageError("'\(yearText)' is geen jaartal; bijvoorbeeld --year 2020")
            }
            var formats: [ReportFormat] = []
            for value in arguments.values["format"] ?? [] {
                for part in value.split(separator: ",") {
                    let name = part.trimmingCharacters(in: .whitespaces).lowercased()
                    guard let format = ReportFormat(rawValue: name) else {
                        var message = "onbekend formaat '\(part)'; kies html, pdf of html,pdf"
                        if let near = Suggestions.nearest(to: name, in: ReportFormat.allCases.map(\.rawValue)) {
                            message += "; bedoelde je '\(near)'?"
                        }
                        throw UsageError(message)
                    }
                    if !formats.contains(format) { formats.append(format) }
                }
            }
            let output = arguments.value("output").map {
                URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL
            }
            let start = Date()
            let summary = try AnnualReport.generate(
                ReportOptions(
                    root: root, year: year, formats: formats.isEmpty ? ReportFormat.allCases : formats, output: output,
                    includeInternal: arguments.has("internal"), theme: try? ThemeLocator.locate(root: root)))
            summary.warnings.forEach(console.report)
            if !arguments.has("quiet") {
                let seconds = Date().timeIntervalSince(start)
                let pages =
                    summary.pageCount.map { " (PDF: " + DutchFormat.count($0, "pagina", "pagina's") + ")" } ?? ""
                console.err("jaarverslag \(year) gemaakt in " + String(format: "%.2f s", seconds) + pages + ":")
                for file in summary.files { console.err("  " + file.path) }
            }
            return 0
        }
    }
}
