import Diagnostics

/// One option a command accepts: `--long`, optionally `-s`, with or without a value.
public struct OptionSpec: Sendable {
    public var long: String
    public var short: Character?
    public var valueName: String?
    public var help: String

    /// A flag (`--quiet`) when `valueName` is nil, otherwise an option with a value (`--output DIR`).
    public init(_ long: String, short: Character? = nil, value valueName: String? = nil, help: String) {
        self.long = long
        self.short = short
        self.valueName = valueName
        self.help = help
    }

    public var takesValue: Bool { valueName != nil }
}

/// The result of parsing: option values by long name (repeatable, in order), flags, positionals.
public struct ParsedArguments: Sendable, Equatable {
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    public var positionals: [String] = []

    public init() {}

    /// The last value given for an option (a later `--output` overrides an earlier one).
    public func value(_ long: String) -> String? { values[long]?.last }
    public func has(_ flag: String) -> Bool { flags.contains(flag) }
}

/// A mistake in how a command was called; the CLI prints it and exits with status 2.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Hand-written argument parsing: `--flag`, `--opt value`, `--opt=value`, `-o value`, `-ovalue`,
/// grouped short flags (`-qv`) and `--` to end options.
public enum ArgumentParser {
    public static func parse(_ arguments: [String], options: [OptionSpec]) throws -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name: String
                var inlineValue: String?
                if let equals = body.firstIndex(of: "=") {
                    name = String(body[..<equals])
                    inlineValue = String(body[body.index(after: equals)...])
                } else {
                    name = String(body)
                }
                guard let spec = options.first(where: { $0.long == name }) else {
                    throw unknownOption("--" + name, options: options)
                }
                if spec.takesValue {
                    if let inlineValue {
                        result.values[spec.long, default: []].append(inlineValue)
                    } else {
                        guard index < arguments.count else {
                            throw UsageError("optie '--\(name)' verwacht een waarde (\(spec.valueName!))")
                        }
                        result.values[spec.long, default: []].append(arguments[index])
                        index += 1
                    }
                } else {
                    if inlineValue != nil {
                        throw UsageError("optie '--\(name)' neemt geen waarde")
                    }
                    result.flags.insert(spec.long)
                }
                continue
            }
            // Short options, possibly grouped; a value-taking one consumes the rest or the next argument.
            var characters = Substring(argument.dropFirst())
            while let letter = characters.first {
                characters = characters.dropFirst()
                guard let spec = options.first(where: { $0.short == letter }) else {
                    throw unknownOption("-" + String(letter), options: options)
                }
                if spec.takesValue {
                    if !characters.isEmpty {
                        result.values[spec.long, default: []].append(String(characters))
                    } else {
                        guard index < arguments.count else {
                            throw UsageError("optie '-\(letter)' verwacht een waarde (\(spec.valueName!))")
                        }
                        result.values[spec.long, default: []].append(arguments[index])
                        index += 1
                    }
                    break
                }
                result.flags.insert(spec.long)
            }
        }
        return result
    }

    private static func unknownOption(_ option: String, options: [OptionSpec]) -> UsageError {
        let names = options.map { "--" + $0.long } + options.compactMap { $0.short.map { "-" + String($0) } }
        var message = "onbekende optie '\(option)'"
        if let nearest = Suggestions.nearest(to: option, in: names) {
            message += "; bedoelde je '\(nearest)'?"
        }
        return UsageError(message)
    }
}
