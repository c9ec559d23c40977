/// How serious a diagnostic is. Errors fail a command; warnings and notes are printed only.
public enum Severity: String, Sendable, Comparable {
    case note, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
}

/// A message about a place in a source file, printed like a compiler does:
///
///     content/best-practices/housing-first.md:4:9: error: onbekend thema 'huisvesting'
///     themes: [huisvesting]
///             ^
///
/// Every module reports problems with this one type. `line` and `column` are 1-based; the column counts
/// Unicode scalars (not bytes), so the caret lands under the right character in Dutch text.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The text of the offending line, without its line break; shown under the message with a caret.
    public var sourceLine: String?
    /// Extra context, e.g. the chain of template includes that led here. Printed after the caret.
    public var notes: [String]

    public init(
        _ severity: Severity, _ message: String,
        file: String? = nil, line: Int? = nil, column: Int? = nil,
        sourceLine: String? = nil, notes: [String] = []
    ) {
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
        self.notes = notes
    }

    /// An error at a byte offset of a source file; line, column and source line are derived from it.
    public static func error(_ message: String, in source: SourceFile, at offset: Int, notes: [String] = [])
        -> Diagnostic
    {
        Diagnostic(.error, message, in: source, at: offset, notes: notes)
    }

    /// A warning at a byte offset of a source file.
    public static func warning(_ message: String, in source: SourceFile, at offset: Int, notes: [String] = [])
        -> Diagnostic
    {
        Diagnostic(.warning, message, in: source, at: offset, notes: notes)
    }

    public init(_ severity: Severity, _ message: String, in source: SourceFile, at offset: Int, notes: [String] = []) {
        let position = source.position(ofByteOffset: offset)
        self.init(
            severity, message, file: source.name, line: position.line, column: position.column,
            sourceLine: source.lineText(position.line), notes: notes)
    }

    /// The location prefix, `file:line:col`, or as much of it as is known.
    public var location: String? {
        guard let file else { return nil }
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// The plain, uncoloured rendering (the first line only has no trailing newline).
    public var description: String {
        DiagnosticFormatter(useColor: false).format(self)
    }
}
