import Diagnostics
import Foundation

/// Where a command writes: standard output for results, standard error for progress and diagnostics.
public final class Console: @unchecked Sendable {
    public let environment: [String: String]
    public let errorColor: Bool
    private let lock = NSLock()

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        self.errorColor = DiagnosticFormatter.wantsColor(fileDescriptor: 2, environment: environment)
    }

    /// Whether standard error is an interactive terminal (progress lines are drawn only then).
    public var errorIsTerminal: Bool { isatty(2) == 1 }

    public func out(_ text: String, terminator: String = "\n") {
        write(text + terminator, to: FileHandle.standardOutput)
    }

    public func err(_ text: String, terminator: String = "\n") {
        write(text + terminator, to: FileHandle.standardError)
    }

    public func report(_ diagnostic: Diagnostic) {
        err(DiagnosticFormatter(useColor: errorColor).format(diagnostic))
    }

    private func write(_ text: String, to handle: FileHandle) {
        lock.lock()
        defer { lock.unlock() }
        handle.write(Data(text.utf8))
    }
}

/// A subcommand of `breingen`: its help text, its options, and the library call it makes.
public struct Command {
    public var name: String
    /// One line for the command list.
    public var summary: String
    /// The synopsis, e.g. `breingen build [--root DIR] [--output DIR]`.
    public var usage: String
    /// Longer help, printed by `breingen help NAME`.
    public var details: String
    public var options: [OptionSpec]
    /// How many positional arguments the command takes.
    public var positionals: ClosedRange<Int>
    /// Runs the command; returns the exit status.
    public var run: (ParsedArguments, Console) throws -> Int32

    public init(
        name: String, summary: String, usage: String, details: String = "",
        options: [OptionSpec] = [], positionals: ClosedRange<Int> = 0...0,
        run: @escaping (ParsedArguments, Console) throws -> Int32
    ) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.details = details
        self.options = options + [OptionSpec("help", short: "h", help: "toon deze hulp")]
        self.positionals = positionals
        self.run = run
    }

    /// The full help text of the command.
    public var helpText: String {
        var text = "\(summary)\n\nGebruik: \(usage)\n"
        if !details.isEmpty { text += "\n\(details)\n" }
        text += "\nOpties:\n"
        let rows = options.map { option -> (String, String) in
            var left = option.short.map { "-\($0), " } ?? "    "
            left += "--" + option.long
            if let value = option.valueName { left += " " + value }
            return (left, option.help)
        }
        let width = rows.map { $0.0.count }.max() ?? 0
        for (left, right) in rows {
            text += "  " + left.padding(toLength: width + 2, withPad: " ", startingAt: 0) + right + "\n"
        }
        return text
    }
}
