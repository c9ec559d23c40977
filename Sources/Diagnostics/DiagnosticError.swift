import Foundation

/// A failure that carries several diagnostics at once (e.g. every validation problem of a run).
public struct DiagnosticError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

extension Diagnostic {
    /// Diagnostics by file, line, column and message: the order every command prints them in.
    public static func sortedBySource(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { a, b in
            (a.file ?? "", a.line ?? 0, a.column ?? 0, a.message) < (
                b.file ?? "", b.line ?? 0, b.column ?? 0, b.message
            )
        }
    }
}
