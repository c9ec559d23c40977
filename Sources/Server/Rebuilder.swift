import Foundation

/// What changed since the last build: paths relative to the site root (`content/thema/wonen.md`).
public struct ChangeSet: Sendable, Equatable {
    public var paths: Set<String>
    /// The exact changes are unknown (first build, a watcher overflow): everything must be rebuilt.
    public var everything: Bool

    public init(paths: Set<String> = [], everything: Bool = false) {
        self.paths = paths
        self.everything = everything
    }

    /// The first build of a session.
    public static let initial = ChangeSet(everything: true)

    public var isEmpty: Bool { paths.isEmpty && !everything }

    /// Merges a later batch of changes into this one.
    public mutating func formUnion(_ other: ChangeSet) {
        paths.formUnion(other.paths)
        everything = everything || other.everything
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
/// can re-render only what they touch; `FullRebuilder` rebuilds everything.
///
/// Calls never overlap. A failed build throws (`Diagnostic` or `DiagnosticError`) and must leave the
/// previously returned folder intact, since it stays served.
public protocol Rebuilder: AnyObject, Sendable {
    func rebuild(_ changes: ChangeSet) throws -> RebuildResult
    /// Removes every temporary folder the rebuilder made; called once when serving stops.
    func cleanUp()
}

/// Rebuilds the whole site on every change, into a fresh folder per build inside a private temporary
/// folder, so the folder being served is never written to.
public final class FullRebuilder: Rebuilder, @unchecked Sendable {
    /// Builds the complete site into the given (not yet existing) folder; returns a summary.
    public typealias Build = @Sendable (URL) throws -> String?

    /// The private folder holding the builds; removed by `cleanUp()`.
    public let workDirectory: URL
    private let build: Build
    private let lock = NSLock()
    private var count = 0
    private var builds: [URL] = []

    /// Creates its private folder inside `temporaryDirectory` at once (so `cleanUp()` has one thing to remove).
    public init(build: @escaping Build, temporaryDirectory: URL = FileManager.default.temporaryDirectory) throws {
        workDirectory = temporaryDirectory.appendingPathComponent(
            "breingen-serve-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        self.build = build
    }

    public func rebuild(_ changes: ChangeSet) throws -> RebuildResult {
        lock.lock()
        count += 1
        let target = workDirectory.appendingPathComponent("site-\(count)", isDirectory: true)
        lock.unlock()
        let summary: String?
        do {
            summary = try build(target)
        } catch {
            try? FileManager.default.removeItem(at: target)
            throw error
        }
        lock.lock()
        builds.append(target)
        // The previous build may still be answering requests that started before the switch; older
        // ones are gone from use.
        let old = builds.count > 2 ? Array(builds.prefix(builds.count - 2)) : []
        builds.removeFirst(old.count)
        lock.unlock()
        for folder in old { try? FileManager.default.removeItem(at: folder) }
        return RebuildResult(outputFolder: target, summary: summary)
    }

    public func cleanUp() {
        try? FileManager.default.removeItem(at: workDirectory)
    }
}
