import Foundation
import Site

extension CLI {
    static var buildCommand: Command {
        Command(
            name: "build",
            summary: "bouw de site uit content/ en themes/ naar output/",
            usage: "breingen build [--root MAP] [--output MAP] [--quiet]",
            details: """
                Leest content/site.yml en de inhoud eronder, en schrijft de complete site naar output/.
                De nieuwe site komt pas op zijn plaats als alles gelukt is: een mislukte bouw laat de
                vorige output/ ongemoeid.
                """,
            options: [
                OptionSpec("root", value: "MAP", help: "de sitemap met content/ en themes/ (standaard: huidige map)"),
                OptionSpec("output", short: "o", value: "MAP", help: "schrijf naar MAP in plaats van ROOT/output"),
                OptionSpec("quiet", short: "q", help: "geen voortgang en geen samenvatting"),
            ]
        ) { arguments, console in
            let root = URL(fileURLWithPath: arguments.value("root") ?? ".", isDirectory: true).standardizedFileURL
            let output = arguments.value("output").map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            let options = BuildOptions(root: root, output: output)
            let start = Date()
            let summary = try SiteBuilder(options: options).build()
            if !arguments.has("quiet") {
                let seconds = Date().timeIntervalSince(start)
                console.err(
                    "gebouwd: \(summary.pages) pagina's, \(summary.files) bestanden in "
                        + String(format: "%.2f s", seconds) + " → \(summary.outputPath)")
            }
            return 0
        }
    }
}
