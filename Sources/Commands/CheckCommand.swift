import ContentModel
import DataFormats
import Diagnostics
import Foundation
import Report
import Site

extension CLI {
    static var checkCommand: Command {
        Command(
            name: "check",
            summary: "controleer alle inhoud en meld elk probleem",
            usage: "breingen check [--root MAP]",
            details: """
                Leest content/ helemaal en meldt elk probleem in één keer, met bestand, regel en kolom:
                ontbrekende of onbekende velden, verkeerde typen, onbekende verwijzingen, dubbele slugs,
                onmogelijke datums, scanfasen in de verkeerde volgorde, financiële tabellen die niet
                kloppen, links naar inhoud die niet bestaat en afbeeldingen zonder alt-tekst. Eindigt met status 1 bij fouten, anders 0; waarschuwingen worden altijd getoond.
                """,
            options: [
                OptionSpec("root", value: "MAP", help: "de sitemap met content/ (standaard: huidige map)")
            ]
        ) { arguments, console in
            let root = URL(fileURLWithPath: arguments.value("root") ?? ".", isDirectory: true).standardizedFileURL
            var diagnostics: [Diagnostic]
            var files = 0
            // The theme the build would use, so the reports are checked with its fonts.
            let theme = try? ThemeLocator.locate(root: root)
            do {
                // The public build's content, and the same content as the annual report counts it (internal
                // items included), read once.
                let (knowledgeBase, reportBase, found) = try ContentLoader.load(
                    root: root, options: .publicBuild, and: LoadOptions(includeDrafts: false, includeInternal: true))
                let contentIsValid = !found.contains { $0.severity == .error }
                // Links between content files and images without alt text are checked on the Markdown
                // bodies, as the site build resolves them; the reports as `report` and `build` make them.
                let reports = AnnualReport.check(
                    root: root, knowledgeBase: contentIsValid ? reportBase : nil, theme: theme)
                diagnostics = found + SiteChecks.check(knowledgeBase, root: root) + reports.diagnostics
                files = knowledgeBase.checkedFiles + reports.files
            } catch let error as DiagnosticError {
                diagnostics =
                    error.diagnostics + AnnualReport.check(root: root, knowledgeBase: nil, theme: theme).diagnostics
            }
            diagnostics = Diagnostic.sortedBySource(diagnostics)
            diagnostics.forEach(console.report)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            console.err(
                summary(errors: errors, warnings: warnings)
                    + (files > 0 ? " (\(DutchFormat.count(files, "bestand", "bestanden")) gecontroleerd)" : ""))
            return errors > 0 ? 1 : 0
        }
    }

    private static func summary(errors: Int, warnings: Int) -> String {
        if errors == 0 && warnings == 0 { return "inhoud in orde: geen fouten, geen waarschuwingen" }
        return DutchFormat.count(errors, "fout", "fouten") + ", "
            + DutchFormat.count(warnings, "waarschuwing", "waarschuwingen")
    }
}
