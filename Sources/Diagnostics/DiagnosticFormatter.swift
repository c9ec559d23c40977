#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Renders diagnostics as text: `file:line:col: severity: message`, the source line, a caret, notes.
public struct DiagnosticFormatter: Sendable {
    public var useColor: Bool

    public init(useColor: Bool) {
        self.useColor = useColor
    }

    /// Colour when the stream is a terminal and neither `NO_COLOR` is set nor `TERM` is `dumb`.
    public static func wantsColor(fileDescriptor: Int32, environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let location = diagnostic.location {
            out += paint(location + ":", "1") + " "
        }
        out += paint(diagnostic.severity.rawValue + ":", colorCode(diagnostic.severity)) + " "
        out += paint(diagnostic.message, "1")
        if let sourceLine = diagnostic.sourceLine {
            out += "\n" + sourceLine
            if let column = diagnostic.column {
                out += "\n" + paint(caretPrefix(for: sourceLine, column: column) + "^", "32;1")
            }
        }
        for note in diagnostic.notes {
            out += "\n" + paint("note:", "36;1") + " " + note
        }
        return out
    }

    /// Spaces up to the column, but tabs where the source line has tabs, so the caret lines up.
    private func caretPrefix(for line: String, column: Int) -> String {
        var prefix = ""
        var count = 1
        for scalar in line.unicodeScalars {
            if count >= column { break }
            prefix.append(scalar == "\t" ? "\t" : " ")
            count += 1
        }
        while count < column {
            prefix.append(" ")
            count += 1
        }
        return prefix
    }

    private func colorCode(_ severity: Severity) -> String {
        switch severity {
        case .error: return "31;1"
        case .warning: return "35;1"
        case .note: return "36;1"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
