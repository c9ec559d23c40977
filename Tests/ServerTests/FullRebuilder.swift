import Foundation

@testable import Server

/// Rebuilds the whole site on every change, into a fresh folder per build inside a private temporary
/// folder, so the folder being served is never written to.
final class FullRebuilder: Rebuilder, @unchecked Sendable {
    /// Builds the complete site into the given (not yet existing) folder; returns a summary.
    typealias Build = @Sendable (URL) throws -> String?

    /// The private folder holding the builds; removed by `cleanUp()`.
    let workDirectory: URL
    private let build: Build
    private let lock = NSLock()
    private var count = 0
    private var builds: [URL] = []

    /// Creates its private folder inside `temporaryDirectory` at once (so `cleanUp()` has one thing to remove).
    init(build: @escaping Build, temporaryDirectory: URL = FileManager.default.temporaryDirectory) throws {
        workDirectory = temporaryDirectory.appendingPathComponent(
            "breingen-serve-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        self.build = build
    }

    func rebuild(_ changes: ChangeSet) throws -> RebuildResult {
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

    func cleanUp() {
        try? FileManager.default.removeItem(at: workDirectory)
    }
}
