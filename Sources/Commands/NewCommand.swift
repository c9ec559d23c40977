import ContentModel
import Foundation

extension CLI {
    static var newCommand: Command {
        Command(
            name: "new",
            summary: "maak een nieuw inhoudsbestand met alle velden als voorbeeld",
            usage:
                "breingen new TYPE \"Titel\" [--year JAAR] [--root MAP]\n       breingen new toegankelijkheid [--root MAP]",
            details: """
                Schrijft content/<map>/<slug>.md met elk veld van TYPE ingevuld als voorbeeld; de slug
                komt uit de titel. Overschrijft nooit een bestaand bestand. Een site kan het voorbeeld
                vervangen met archetypes/<type>.md. Bij 'result' is de titel de slug van het thema en komt
                het jaar uit --year (standaard dit jaar); bij 'finance' is de titel het jaar (een map met
                finance.yml en twee tabellen met voorbeeldcijfers), bij 'report' ook (content/reports/JAAR/
                report.yml met de hoofdstukken die de inhoud kan vullen). 'toegankelijkheid' schrijft de
                toegankelijkheidsverklaring (content/pages/toegankelijkheid.md) volgens het model van
                DigiToegankelijk; de titel mag daar weg.
                Typen: \(NewItem.typeNames.joined(separator: ", ")).
                """,
            options: [
                OptionSpec(
                    "year", short: "y", value: "JAAR", help: "het jaar waar het item over gaat (standaard: dit jaar)"),
                OptionSpec("root", value: "MAP", help: "de sitemap met content/ (standaard: huidige map)"),
            ],
            positionals: 1...2
        ) { arguments, console in
            guard arguments.positionals.count == 2 || arguments.positionals[0] == NewItem.accessibilityTypeName else {
                throw UsageError("geef het type en de titel: breingen new \(arguments.positionals[0]) \"Titel\"")
            }
            let root = URL(fileURLWithPath: arguments.value("root") ?? ".", isDirectory: true).standardizedFileURL
            var year: Int?
            if let text = arguments.value("year") {
                guard let value = Int(text), (1900...2200).contains(value) else {
                    throw UsageError("'\(text)' is geen jaartal; bijvoorbeeld --year 2023")
                }
                year = value
            }
            let url = try NewItem.create(
                root: root, typeName: arguments.positionals[0],
                title: arguments.positionals.count > 1 ? arguments.positionals[1] : "",
                date: NewItem.today(), year: year)
            let relative =
                url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.path
            console.out(relative)
            return 0
        }
    }
}
