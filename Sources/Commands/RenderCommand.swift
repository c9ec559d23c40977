import DataFormats
import Diagnostics
import Foundation
import Site
import Templates

extension CLI {
    static var renderCommand: Command {
        Command(
            name: "render",
            summary: "render één template met een gegevensbestand naar standaarduitvoer",
            usage: "breingen render TEMPLATE [--data BESTAND.json|BESTAND.yml] [--templates MAP]...",
            details: """
                Voor thema-auteurs: toont wat een template maakt van de gegeven gegevens. Zonder --templates
                is TEMPLATE een bestandspad en zoeken include en extends in dezelfde map. Met --templates
                is TEMPLATE een naam binnen die map(pen); geef de map van de site eerst en die van het thema
                daarna. Een fout geeft de plaats in de template (regel, kolom) en status 1. Het filter
                markdown werkt zoals in de site; asset(pad) geeft het pad zonder vingerafdruk.
                """,
            options: [
                OptionSpec(
                    "data", short: "d", value: "BESTAND",
                    help: "JSON- of YAML-bestand met de variabelen van de template"),
                OptionSpec(
                    "templates", short: "t", value: "MAP",
                    help: "templatemap om in te zoeken (herhaalbaar, eerste wint)"),
                OptionSpec("lenient", help: "ongedefinieerde waarden tonen als niets in plaats van een fout"),
                OptionSpec("base-url", value: "URL", help: "basis-URL voor absurl en relurl (standaard: /)"),
            ],
            positionals: 1...1
        ) { arguments, console in
            let template = arguments.positionals[0]
            let searchPaths: [URL]
            let name: String
            if let folders = arguments.values["templates"], !folders.isEmpty {
                searchPaths = folders.map { URL(fileURLWithPath: $0, isDirectory: true) }
                name = template
            } else {
                let url = URL(fileURLWithPath: template)
                guard FileManager.default.fileExists(atPath: url.path) else {
                    throw Diagnostic(.error, "template '\(template)' bestaat niet")
                }
                searchPaths = [url.deletingLastPathComponent()]
                name = url.lastPathComponent
            }
            let context = try arguments.value("data").map(TemplateData.load) ?? [:]
            let environment = Environment(searchPaths: searchPaths, lenient: arguments.has("lenient"))
            let base = arguments.value("base-url") ?? "/"
            SiteFilters.register(in: environment, baseURL: base)
            // Without a site build there are no fingerprinted assets: asset(path) is the plain URL.
            environment.registerFunction("asset") { arguments in
                guard arguments.positional.count == 1, let path = arguments.positional[0].stringValue else {
                    throw TemplateRuntimeError("asset() verwacht één pad, bijvoorbeeld asset('css/main.css')")
                }
                return .string(URLs.relative(path, base: base))
            }
            let output = try environment.template(named: name).render(context)
            console.out(output, terminator: "")
            return 0
        }
    }
}

/// Reads the `--data` file of `render` into a template context.
enum TemplateData {
    static func load(_ path: String) throws -> [String: Value] {
        let data: Data
        do {
            data = Data(try FileContents.read(path))
        } catch let error as FileSystemError {
            throw error.diagnostic("kan gegevensbestand '\(path)' niet lezen")
        }
        let lower = path.lowercased()
        let value: Value
        if lower.hasSuffix(".json") {
            value = try JSONReader.read([UInt8](data), name: path)
        } else if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") {
            value = Value(yaml: try YAMLReader.parse(SourceFile(name: path, bytes: [UInt8](data))).value)
        } else {
            throw Diagnostic(.error, "onbekend gegevensformaat: gebruik .json, .yml of .yaml", file: path)
        }
        guard case .dict(let dict) = value else {
            throw Diagnostic(
                .error, "het gegevensbestand moet een object met namen bevatten, geen \(value.typeName)", file: path)
        }
        var context: [String: Value] = [:]
        for (key, item) in dict.pairs { context[key] = item }
        return context
    }
}
