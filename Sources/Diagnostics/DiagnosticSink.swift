import Foundation

/// Collects diagnostics from many threads (pages render in parallel) and reports whether any was an error.
public final class DiagnosticSink: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        lock.unlock()
    }

    /// All diagnostics so far, sorted by file, line and column so output is deterministic.
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return Diagnostic.sortedBySource(items)
    }

    public var hasErrors: Bool {
        lock.lock()
        defer { lock.unlock() }
        return items.contains { $0.severity == .error }
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

extension Diagnostic {
    /// Diagnostics by file, line, column and message: the order every command prints them in.
    public static func sortedBySource(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { a, b in
            (a.file ?? "", a.line ?? 0, a.column ?? 0, a.message) < (b.file ?? "", b.line ?? 0, b.column ?? 0, b.message)
        }
    }
}

/// A failure that carries several diagnostics at once (e.g. every validation problem of a run).
public struct DiagnosticError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
