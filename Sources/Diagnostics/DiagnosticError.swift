import Foundation

/// A failure that carries several diagnostics at once (e.g. every validation problem of a run).
public struct DiagnosticError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
