import Foundation

/// What changed since the last build: paths relative to the site root (`content/thema/wonen.md`).
public struct ChangeSet: Sendable, Equatable {
    public var paths: Set<String>
    /// The exact changes are unknown (first build, a watcher overflow): everything must be rebuilt.
    public var everything: Bool
    /// Output an earlier build left for later is ready (`Rebuilder.onLaterOutput`): nothing changed, but
    /// a build serves it.
    public var laterOutput: Bool
    /// The paths whose last event was the end of a write (closed after writing, or renamed into place):
    /// their new contents are complete. A path still open for writing, removed (perhaps half of a
    /// replace), or reported by a watcher that cannot tell (polling) is not in it.
    public var written: Set<String>

    public init(
        paths: Set<String> = [], everything: Bool = false, laterOutput: Bool = false, written: Set<String> = []
    ) {
        self.paths = paths
        self.everything = everything
        self.laterOutput = laterOutput
        self.written = written
    }

    /// Whether every changed path is known to be completely written: a build need not wait for more
    /// events of the same save.
    public var isSettled: Bool { !everything && !paths.isEmpty && paths.isSubset(of: written) }

    /// The first build of a session.
    public static let initial = ChangeSet(everything: true)

    public var isEmpty: Bool { paths.isEmpty && !everything && !laterOutput }

    /// Merges a later batch of changes into this one.
    public mutating func formUnion(_ other: ChangeSet) {
        // A path's newest batch says whether it is written through.
        written.subtract(other.paths)
        written.formUnion(other.written)
        paths.formUnion(other.paths)
        everything = everything || other.everything
        laterOutput = laterOutput || other.laterOutput
    }
}

/// The result of a successful rebuild.
public struct RebuildResult: Sendable {
    /// The complete output to serve from now on. The server switches to it in one step.
    public var outputFolder: URL
    /// A short Dutch summary for the terminal, e.g. "12 pagina's, 30 bestanden".
    public var summary: String?

    public init(outputFolder: URL, summary: String? = nil) {
        self.outputFolder = outputFolder
        self.summary = summary
    }
}

/// Builds the site for serve mode. The watcher reports each batch of changes, so an incremental builder
/// can re-render only what they touch.
///
/// Calls never overlap. A failed build throws (`Diagnostic` or `DiagnosticError`) and must leave the
/// previously returned folder intact, since it stays served.
public protocol Rebuilder: AnyObject, Sendable {
    func rebuild(_ changes: ChangeSet) throws -> RebuildResult
    /// Removes every temporary folder the rebuilder made; called once when serving stops.
    func cleanUp()
    /// Called once by the server before the first build: a rebuilder that serves a build before all of
    /// its output is made (slow files come later) calls `ready` when that output is, and the server then
    /// builds again with a change set of `laterOutput` only.
    func onLaterOutput(_ ready: @escaping @Sendable () -> Void)
}

extension Rebuilder {
    public func onLaterOutput(_ ready: @escaping @Sendable () -> Void) {}
}
