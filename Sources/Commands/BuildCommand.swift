import DataFormats
import Foundation
import Site

extension CLI {
    static var buildCommand: Command {
        Command(
            name: "build",
            summary: "bouw de site uit content/ en themes/ naar output/",
            usage: "breingen build [--root MAP] [--output MAP] [--drafts] [--internal] [--quiet]",
            details: """
                Leest content/site.yml en de inhoud eronder, en schrijft de complete site naar output/.
                De nieuwe site komt pas op zijn plaats als alles gelukt is: een mislukte bouw laat de
                vorige output/ ongemoeid. Concepten (draft: true) en interne items (visibility: internal)
                komen alleen in de site met --drafts en --internal; gebruik die nooit voor de publieke site.
                """,
            options: [
                OptionSpec("root", value: "MAP", help: "de sitemap met content/ en themes/ (standaard: huidige map)"),
                OptionSpec("output", short: "o", value: "MAP", help: "schrijf naar MAP in plaats van ROOT/output"),
                OptionSpec("drafts", help: "neem concepten (draft: true) op"),
                OptionSpec("internal", help: "neem interne items (visibility: internal) op"),
                OptionSpec("quiet", short: "q", help: "geen voortgang en geen samenvatting"),
            ]
        ) { arguments, console in
            let root = URL(fileURLWithPath: arguments.value("root") ?? ".", isDirectory: true).standardizedFileURL
            let output = arguments.value("output").map {
                URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL
            }
            let quiet = arguments.has("quiet")
            let options = BuildOptions(
                root: root, output: output, drafts: arguments.has("drafts"), includeInternal: arguments.has("internal"),
                quiet: quiet, progress: console.errorIsTerminal)
            let summary = try SiteBuilder(options: options).build()
            summary.warnings.forEach(console.report)
            if !quiet {
                console.err(
                    "gebouwd: " + DutchFormat.count(summary.pages, "pagina", "pagina's") + ", "
                        + DutchFormat.count(summary.files, "bestand", "bestanden") + " in "
                        + String(format: "%.2f s", summary.seconds) + " → \(summary.outputPath)")
            }
            return 0
        }
    }
}
