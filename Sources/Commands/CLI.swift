import Diagnostics
import Foundation

/// The `breingen` command line: dispatches to the registered commands.
public enum CLI {
    public static let version = "0.1.0"

    /// Every command that works. `--help` lists exactly these.
    public static var commands: [Command] {
        [
            initCommand,
            buildCommand,
            serveCommand,
            checkCommand,
            newCommand,
            reportCommand,
            markdownCommand,
            renderCommand,
        ]
    }

    /// Runs the CLI with the arguments after the program name; returns the exit status.
    public static func main(_ arguments: [String], console: Console = Console()) -> Int32 {
        guard let first = arguments.first else {
            console.err(overview)
            return 2
        }
        switch first {
        case "--help", "-h":
            console.out(overview)
            return 0
        case "--version", "-V":
            console.out("breingen \(version)")
            return 0
        case "help":
            guard arguments.count > 1 else {
                console.out(overview)
                return 0
            }
            guard let command = commands.first(where: { $0.name == arguments[1] }) else {
                return usageError(unknownCommandMessage(arguments[1]), console: console)
            }
            console.out(command.helpText, terminator: "")
            return 0
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            if first.hasPrefix("-") {
                let message =
                    "onbekende optie '\(first)'"
                    + (Suggestions.nearest(to: first, in: ["--help", "--version"]).map { "; bedoelde je '\($0)'?" }
                        ?? "")
                return usageError(message, console: console)
            }
            return usageError(unknownCommandMessage(first), console: console)
        }
        do {
            let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), options: command.options)
            if parsed.has("help") {
                console.out(command.helpText, terminator: "")
                return 0
            }
            guard command.positionals.contains(parsed.positionals.count) else {
                return usageError(
                    "'\(command.name)' verwacht \(describe(command.positionals)), kreeg \(parsed.positionals.count)\n"
                        + "gebruik: \(command.usage)",
                    console: console)
            }
            return try command.run(parsed, console)
        } catch let error as UsageError {
            return usageError(error.message + "\ngebruik: \(command.usage)", console: console)
        } catch {
            Diagnostic.describing(error).forEach(console.report)
            return 1
        }
    }

    static var overview: String {
        var text = "breingen \(version): bouwt Het Maatschappelijk Brein en het jaarverslag uit Markdown.\n\n"
        text += "Gebruik: breingen OPDRACHT [OPTIES]\n\nOpdrachten:\n"
        let width = commands.map { $0.name.count }.max() ?? 0
        for command in commands {
            text +=
                "  " + command.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.summary + "\n"
        }
        text +=
            "  " + "help".padding(toLength: width + 2, withPad: " ", startingAt: 0) + "toon de hulp bij een opdracht\n"
        text += "\nAlgemene opties:\n  -h, --help     toon deze hulp\n  -V, --version  toon de versie\n"
        text += "\nMeer over een opdracht: breingen help OPDRACHT\n"
        return text
    }

    private static func unknownCommandMessage(_ name: String) -> String {
        var message = "onbekende opdracht '\(name)'"
        if let nearest = Suggestions.nearest(to: name, in: commands.map(\.name) + ["help"]) {
            message += "; bedoelde je '\(nearest)'?"
        }
        return message
    }

    private static func usageError(_ message: String, console: Console) -> Int32 {
        console.report(Diagnostic(.error, message))
        return 2
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        if range.lowerBound == range.upperBound {
            return range.lowerBound == 0 ? "geen argumenten" : "\(range.lowerBound) argument(en)"
        }
        return "\(range.lowerBound) tot \(range.upperBound) argumenten"
    }
}
