import ContentModel
import Foundation

extension CLI {
    static var newCommand: Command {
        Command(
            name: "new",
            summary: "maak een nieuw inhoudsbestand met alle velden als voorbeeld",
            usage: "breingen new TYPE \"Titel\" [--root MAP]",
            details: """
                Schrijft content/<map>/<slug>.md met elk veld van TYPE ingevuld als voorbeeld; de slug
                komt uit de titel. Overschrijft nooit een bestaand bestand. Een site kan het voorbeeld
                vervangen met archetypes/<type>.md. Bij 'result' is de titel de slug van het thema, bij
                'finance' het jaar (een map met finance.yml en twee tabellen met voorbeeldcijfers).
                Typen: \(Archetypes.creatable.map(\.commandName).joined(separator: ", ")).
                """,
            options: [
                OptionSpec("root", value: "MAP", help: "de sitemap met content/ (standaard: huidige map)"),
            ],
            positionals: 2...2
        ) { arguments, console in
            let root = URL(fileURLWithPath: arguments.value("root") ?? ".", isDirectory: true).standardizedFileURL
            let url = try NewItem.create(root: root, typeName: arguments.positionals[0], title: arguments.positionals[1],
                                         date: NewItem.today())
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.path
            console.out(relative)
            return 0
        }
    }
}
