import Foundation
import XCTest

@testable import Site

/// `TreeWriter.finish`: a tree ends with exactly the planned files, and the folders the removed files
/// leave empty go with them, while a folder that still holds a planned file (at any depth) stays.
final class TreeWriterTests: XCTestCase {
    func testFinishRemovesStaleFilesAndTheFoldersTheyLeaveEmpty() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("tree-writer-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: root) }
        let before = [
            "index.html", "a/index.html", "a/b/old.json", "a/b/c/old.json", "zoeken/index/s-1.json",
            "zoeken/index/s-2.json", "zoeken/index.html", "weg/helemaal/x.json", "ab/keep.json",
        ]
        let tree = try OutputTree.listing(root)
        let first = TreeWriter(target: tree, source: nil, fresh: true)
        try first.makeFolders(for: before)
        for file in before { try first.put(file, Array(file.utf8), hash: UInt64(file.utf8.count)) }
        try first.finish(planned: before)

        // Kept: a/ (a/index.html), a/b/ (a/b/new.json), zoeken/ (zoeken/index.html), ab/ (its own file,
        // though "a" is a prefix of its name). Gone: a/b/c/, zoeken/index/, weg/helemaal/ and weg/.
        let after = ["index.html", "a/index.html", "a/b/new.json", "zoeken/index.html", "ab/keep.json"]
        let second = TreeWriter(target: tree, source: nil)
        try second.makeFolders(for: after)
        try second.put("a/b/new.json", Array("new".utf8), hash: 3)
        try second.finish(planned: after)

        var found: [String] = []
        let enumerator = try XCTUnwrap(fm.enumerator(atPath: root))
        while let path = enumerator.nextObject() as? String { found.append(path) }
        XCTAssertEqual(
            found.sorted(),
            [
                "a", "a/b", "a/b/new.json", "a/index.html", "ab", "ab/keep.json", "index.html", "zoeken",
                "zoeken/index.html",
            ])
        XCTAssertEqual(Set(tree.files.keys), Set(after))
    }

    /// The next build into a tree goes by the last plan: pages in the same places with the same hashes are
    /// left alone, a page whose hash changed is brought over from the served tree, a file planned no more
    /// is removed; after a failed build the tree is known by its names only.
    func testBuildsGoByTheLastPlan() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("tree-plan-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: root) }
        let pages = ["p/1/index.html", "p/2/index.html", "p/3/index.html"]
        let planned = pages + ["zoeken/s-a.json"]
        let served = try OutputTree.listing(root + "/served")
        let target = try OutputTree.listing(root + "/target")
        for tree in [served, target] {
            let writer = TreeWriter(target: tree, source: nil, fresh: true)
            try writer.makeFolders(for: planned)
            for file in planned { try writer.put(file, Array("\(file) v1".utf8), hash: 1) }
            try writer.finish(planned: planned, pageHashes: [1, 1, 1])
        }
        XCTAssertEqual(target.lastPlanned, planned)
        XCTAssertEqual(target.lastPageHashes, [1, 1, 1])

        // The served tree gets a new page 2 and a new search file.
        let next = pages + ["zoeken/s-b.json"]
        let serving = TreeWriter(target: served, source: nil)
        try serving.put("p/2/index.html", Array("p/2 v2".utf8), hash: 2)
        try serving.put("zoeken/s-b.json", Array("s-b".utf8), hash: 5)
        try serving.keep(pages: pages, hashes: [1, 2, 1], except: [false, true, false])
        try serving.finish(planned: next, pageHashes: [1, 2, 1])

        // The target catches up from it: page 2 is linked, pages 1 and 3 are not touched.
        let writer = TreeWriter(target: target, source: served)
        try writer.makeFolders(for: next)
        try writer.keep(pages: pages, hashes: [1, 2, 1], except: [false, false, false])
        try writer.keep("zoeken/s-b.json", hash: 5)
        try writer.finish(planned: next, pageHashes: [1, 2, 1])
        XCTAssertEqual(writer.counts.linked, 2)
        XCTAssertEqual(writer.counts.removed, 1)
        XCTAssertEqual(try String(contentsOfFile: root + "/target/p/2/index.html", encoding: .utf8), "p/2 v2")
        XCTAssertFalse(fm.fileExists(atPath: root + "/target/zoeken/s-a.json"))
        XCTAssertEqual(
            target.files, ["p/1/index.html": 1, "p/2/index.html": 2, "p/3/index.html": 1, "zoeken/s-b.json": 5])

        // A failed build: the tree is known by names again, and the next build still ends exact.
        let failed = TreeWriter(target: target, source: served)
        try failed.put("p/1/index.html", Array("half".utf8), hash: 9)
        failed.abandon()
        XCTAssertNil(target.lastPlanned)
        let again = TreeWriter(target: target, source: served)
        try again.keep(pages: pages, hashes: [1, 2, 1], except: [false, false, false])
        try again.keep("zoeken/s-b.json", hash: 5)
        try again.finish(planned: next, pageHashes: [1, 2, 1])
        XCTAssertEqual(
            try String(contentsOfFile: root + "/target/p/1/index.html", encoding: .utf8), "p/1/index.html v1")
        XCTAssertEqual(target.lastPlanned, next)
    }
}
