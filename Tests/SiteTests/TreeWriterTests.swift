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
        try first.finish(planned: Set(before))

        // Kept: a/ (a/index.html), a/b/ (a/b/new.json), zoeken/ (zoeken/index.html), ab/ (its own file,
        // though "a" is a prefix of its name). Gone: a/b/c/, zoeken/index/, weg/helemaal/ and weg/.
        let after = ["index.html", "a/index.html", "a/b/new.json", "zoeken/index.html", "ab/keep.json"]
        let second = TreeWriter(target: tree, source: nil)
        try second.makeFolders(for: after)
        try second.put("a/b/new.json", Array("new".utf8), hash: 3)
        try second.finish(planned: Set(after))

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
}
