import Foundation
import XCTest

@testable import Server

#if canImport(Glibc)
    import Glibc
#endif

/// Collects change reports from a watcher's thread, merged as the scheduler merges them.
final class ChangeCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var changes = ChangeSet()

    func add(_ batch: ChangeSet) {
        condition.lock()
        changes.formUnion(batch)
        condition.broadcast()
        condition.unlock()
    }

    var current: ChangeSet {
        condition.lock()
        defer { condition.unlock() }
        return changes
    }

    /// Waits until `test` holds for the merged changes (or the timeout passes); whether it does.
    func wait(timeout: Double = 5, until test: (ChangeSet) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !test(changes), condition.wait(until: deadline) {}
        return test(changes)
    }

    /// Waits until every path in `expected` was reported (or the timeout passes); returns what was seen.
    @discardableResult
    func wait(for expected: Set<String>, timeout: Double = 5) -> Set<String> {
        _ = wait(timeout: timeout) { expected.isSubset(of: $0.paths) }
        return current.paths
    }

    func reset() {
        condition.lock()
        changes = ChangeSet()
        condition.unlock()
    }
}

final class FileWatcherTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content/thema"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: root.appendingPathComponent("content/thema/wonen.md"))
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ text: String, _ path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func exercise(_ watcher: FileWatcher) throws {
        let collector = ChangeCollector()
        try watcher.start { collector.add($0) }
        defer { watcher.stop() }

        try write("b", "content/thema/wonen.md")
        XCTAssertTrue(collector.wait(for: ["content/thema/wonen.md"]).contains("content/thema/wonen.md"), watcher.kind)

        collector.reset()
        try write("nieuw", "content/nieuwe-map/diep/pagina.md")
        let seen = collector.wait(for: ["content/nieuwe-map/diep/pagina.md"])
        XCTAssertTrue(seen.contains("content/nieuwe-map/diep/pagina.md"), "\(watcher.kind): \(seen)")

        collector.reset()
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/thema/wonen.md"))
        XCTAssertTrue(collector.wait(for: ["content/thema/wonen.md"]).contains("content/thema/wonen.md"), watcher.kind)

        // A folder that did not exist at the start is watched once it appears.
        collector.reset()
        try write("body{}", "static/css/site.css")
        XCTAssertTrue(collector.wait(for: ["static/css/site.css"]).contains("static/css/site.css"), watcher.kind)

        // Editor swap files and unwatched folders are ignored.
        collector.reset()
        try write("x", "content/.wonen.md.swp")
        try write("x", "output/index.html")
        try write("c", "content/thema/marker.md")
        let last = collector.wait(for: ["content/thema/marker.md"])
        XCTAssertFalse(last.contains("content/.wonen.md.swp"), watcher.kind)
        XCTAssertFalse(last.contains { $0.hasPrefix("output") }, watcher.kind)
    }

    func testInotifyReportsEditsNewFoldersAndDeletions() throws {
        try exercise(InotifyWatcher(root: root, folders: ["content", "themes", "static"]))
    }

    func testPollingReportsEditsNewFoldersAndDeletions() throws {
        try exercise(PollingWatcher(root: root, folders: ["content", "themes", "static"], interval: 0.05))
    }

    /// A file still open for writing, or removed, keeps the full debounce; one closed after writing or
    /// renamed into place is written through (`ChangeSet.isSettled`).
    func testInotifyTellsWhichFilesAreWrittenThrough() throws {
        let watcher = InotifyWatcher(root: root, folders: ["content"])
        let merged = ChangeCollector()
        try watcher.start { merged.add($0) }
        defer { watcher.stop() }
        let path = "content/thema/wonen.md"
        let full = root.appendingPathComponent(path).path

        let fd = open(full, O_WRONLY | O_TRUNC)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(Glibc.write(fd, "nieuw", 5), 5)
        XCTAssertTrue(merged.wait { $0.paths.contains(path) })
        XCTAssertFalse(merged.current.isSettled, "still open for writing: \(merged.current)")
        close(fd)
        XCTAssertTrue(merged.wait { $0.isSettled }, "closed after writing: \(merged.current)")

        // Written elsewhere and renamed into place, as `sed -i` and many editors save.
        merged.reset()
        let outside = root.appendingPathComponent("buiten.md").path
        try Data("andere tekst".utf8).write(to: URL(fileURLWithPath: outside))
        XCTAssertEqual(rename(outside, full), 0)
        XCTAssertTrue(merged.wait { $0.isSettled && $0.paths == [path] }, "renamed into place: \(merged.current)")

        // A removal may be half of a replace: it waits the full debounce.
        merged.reset()
        XCTAssertEqual(unlink(full), 0)
        XCTAssertTrue(merged.wait { $0.paths.contains(path) })
        XCTAssertFalse(merged.current.isSettled, "removed: \(merged.current)")
    }

    func testPollingDifference() {
        func stamp(_ seconds: Int, _ size: Int, directory: Bool = false) -> FileStamp {
            var info = stat()
            info.st_mtim.tv_sec = seconds
            info.st_size = size
            info.st_mode = directory ? S_IFDIR : S_IFREG
            return FileStamp(info)
        }
        let old = ["a": stamp(1, 1), "b": stamp(1, 1), "d": stamp(1, 0, directory: true), "gone": stamp(1, 1)]
        let new = ["a": stamp(1, 1), "b": stamp(2, 1), "d": stamp(5, 0, directory: true), "new": stamp(1, 1)]
        XCTAssertEqual(PollingWatcher.difference(old, new), ["b", "gone", "new"])
    }

    func testIgnoredNames() {
        XCTAssertTrue(WatchFilter.isIgnored(".pagina.md.swp"))
        XCTAssertTrue(WatchFilter.isIgnored("pagina.md~"))
        XCTAssertTrue(WatchFilter.isIgnored("4913"))
        XCTAssertFalse(WatchFilter.isIgnored("pagina.md"))
    }
}

final class RebuildSchedulerTests: XCTestCase {
    func testSettledChangesNeedOnlyTheShortQuiet() {
        let builds = Builds()
        let scheduler = RebuildScheduler(debounce: 30, settledDebounce: 0.001) { changes, _ in builds.add(changes) }
        scheduler.start()
        defer { scheduler.stop() }
        scheduler.submit(ChangeSet(paths: ["content/a.md"], written: ["content/a.md"]))
        XCTAssertTrue(builds.wait(count: 1, timeout: 10), "a written-through change waits the settled quiet only")
        // Still being written: the full debounce (30 s here), so no build follows soon.
        scheduler.submit(ChangeSet(paths: ["content/b.md"]))
        XCTAssertFalse(builds.wait(count: 2, timeout: 0.3))
        // Its close arrives: settled, built at once.
        scheduler.submit(ChangeSet(paths: ["content/b.md"], written: ["content/b.md"]))
        XCTAssertTrue(builds.wait(count: 2, timeout: 10))
        XCTAssertEqual(builds.all.last?.paths, ["content/b.md"])
    }

    func testMergedChangesAreSettledByEachPathsNewestEvent() {
        var changes = ChangeSet(paths: ["a"], written: ["a"])
        changes.formUnion(ChangeSet(paths: ["a"]))
        XCTAssertFalse(changes.isSettled, "written, then modified again")
        changes.formUnion(ChangeSet(paths: ["a", "b"], written: ["a", "b"]))
        XCTAssertTrue(changes.isSettled)
        changes.formUnion(ChangeSet(paths: ["c"]))
        XCTAssertFalse(changes.isSettled, "one path still open")
        XCTAssertFalse(ChangeSet(everything: true).isSettled)
        XCTAssertFalse(ChangeSet(laterOutput: true).isSettled)
    }

    func testBurstOfChangesGivesOneBuildWithAllPaths() {
        let builds = Builds()
        let scheduler = RebuildScheduler(debounce: 0.1) { changes, _ in builds.add(changes) }
        scheduler.start()
        defer { scheduler.stop() }
        for name in ["a", "b", "c"] {
            scheduler.submit(ChangeSet(paths: ["content/\(name).md"]))
            usleep(10_000)
        }
        XCTAssertTrue(builds.wait(count: 1))
        usleep(200_000)
        XCTAssertEqual(builds.all, [ChangeSet(paths: ["content/a.md", "content/b.md", "content/c.md"])])
        XCTAssertTrue(scheduler.isIdle)
    }

    func testChangesDuringABuildCauseOneMoreBuild() {
        let builds = Builds(delay: 0.2)
        let scheduler = RebuildScheduler(debounce: 0.01) { changes, _ in builds.add(changes) }
        scheduler.start()
        defer { scheduler.stop() }
        scheduler.submit(ChangeSet(paths: ["x"]))
        usleep(80_000)
        scheduler.submit(ChangeSet(paths: ["y"]))
        scheduler.submit(ChangeSet(paths: ["z"]))
        XCTAssertTrue(builds.wait(count: 2))
        XCTAssertEqual(builds.all, [ChangeSet(paths: ["x"]), ChangeSet(paths: ["y", "z"])])
    }
}

final class Builds: @unchecked Sendable {
    private let condition = NSCondition()
    private let delay: Double
    private(set) var all: [ChangeSet] = []

    init(delay: Double = 0) { self.delay = delay }

    func add(_ changes: ChangeSet) {
        if delay > 0 { usleep(useconds_t(delay * 1_000_000)) }
        condition.lock()
        all.append(changes)
        condition.broadcast()
        condition.unlock()
    }

    func wait(count: Int, timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while all.count < count, condition.wait(until: deadline) {}
        return all.count >= count
    }
}
