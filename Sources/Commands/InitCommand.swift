import ContentModel
import Foundation
import Site

extension CLI {
    static var initCommand: Command {
        Command(
            name: "init",
            summary: "maak een nieuwe site in een lege map",
            usage: "breingen init MAP [--title \"Naam van de site\"] [--no-theme]",
            details: """
                Schrijft in MAP (die er nog niet is, of leeg is) een site die meteen bouwt: content/site.yml,
                een thema en een best practice als voorbeeld, de toegankelijkheidsverklaring (nog als concept),
                het jaarverslag van dit jaar (content/reports/JAAR/report.yml), een README voor de redactie en
                een kopie van het standaardthema in themes/default. Daarna: breingen build --root MAP.
                Met --no-theme krijgt de site geen eigen thema en bouwt breingen met zijn standaardthema.
                """,
            options: [
                OptionSpec("title", short: "t", value: "NAAM", help: "de naam van de site (standaard: uit de mapnaam)"),
                OptionSpec("no-theme", help: "kopieer het standaardthema niet in de site"),
            ],
            positionals: 1...1
        ) { arguments, console in
            let folder = URL(fileURLWithPath: arguments.positionals[0], isDirectory: true).standardizedFileURL
            let result = try NewSite.create(
                in: folder, title: arguments.value("title"), date: NewItem.today(),
                copyTheme: !arguments.has("no-theme"))
            for file in result.files { console.out(file) }
            let shown = arguments.positionals[0]
            console.err("nieuwe site in \(shown); bekijk hem met: breingen serve --root \(shown)")
            return 0
        }
    }
}
