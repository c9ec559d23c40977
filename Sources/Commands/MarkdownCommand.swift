import Diagnostics
import Foundation
import Markdown

extension CLI {
    static var markdownCommand: Command {
        Command(
            name: "markdown",
            summary: "zet Markdown om in HTML (GFM, of CommonMark met --commonmark)",
            usage: "breingen markdown [BESTAND] [--commonmark] [--smart] [--safe] [--heading-ids]",
            details: """
                Leest BESTAND (of standaardinvoer als er geen bestand is of het '-' is) en schrijft het
                HTML-fragment naar standaarduitvoer. Standaard GitHub Flavored Markdown met tabellen,
                doorhalen, automatische links, taglijsten en voetnoten; ruwe HTML blijft staan, tenzij --safe.
                """,
            options: [
                OptionSpec("commonmark", help: "strikt CommonMark 0.31.2, zonder GFM-uitbreidingen"),
                OptionSpec("smart", help: "typografische aanhalingstekens, streepjes en beletseltekens"),
                OptionSpec("safe", help: "laat ruwe HTML en gevaarlijke links (javascript: e.d.) weg"),
                OptionSpec("heading-ids", help: "geef koppen een id (bijv. 'Één stap' → een-stap)"),
            ],
            positionals: 0...1
        ) { arguments, console in
            var options = arguments.has("commonmark") ? MarkdownOptions.commonMark : MarkdownOptions.default
            options.smartPunctuation = arguments.has("smart")
            options.safe = arguments.has("safe")
            options.headingIDs = arguments.has("heading-ids")
            let input: [UInt8]
            if let path = arguments.positionals.first, path != "-" {
                do {
                    input = try FileContents.read(path)
                } catch let error as FileSystemError {
                    throw error.diagnostic("kan '\(path)' niet lezen")
                }
            } else {
                input = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            }
            guard input.count <= Markdown.maximumInputSize else {
                throw Diagnostic(
                    .error,
                    "invoer is \(input.count / (1 << 20)) MiB; de grens is \(Markdown.maximumInputSize / (1 << 20)) MiB"
                )
            }
            let document = Markdown.parse(input, options: options)
            // In pieces as they are rendered: a large document's HTML is never held whole.
            HTMLRenderer().render(document) { FileHandle.standardOutput.write(Data($0)) }
            return 0
        }
    }
}
