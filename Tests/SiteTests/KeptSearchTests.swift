import Search
import XCTest

@testable import Site

/// `KeptSearch`: the live preview finds the last build's search records by place when the order is the
/// same, and by item or URL when a practice came or went.
final class KeptSearchTests: XCTestCase {
    private func record(_ url: String) -> SearchRecord {
        SearchRecord(title: url, url: url, kind: "Best practice", filterKind: "Best practice")
    }

    private func kept(practices ids: [ItemID], themes: Int = 1) -> KeptSearch {
        let records = (0..<themes).map { record("themas/\($0)/") } + ids.map { record("best-practices/\($0)/") }
        return KeptSearch(
            records: records, pages: records.map(IndexedPage.init), themes: ["t": "T"], practiceIDs: ids,
            firstPractice: themes)
    }

    func testNothingKeptFindsNothing() {
        let empty = KeptSearch()
        XCTAssertNil(empty.practicePlaces(for: [1, 2]))
        XCTAssertNil(empty.recordPlaces(for: [record("a/")])(0, "a/"))
    }

    func testSamePracticesAreFoundByPlace() throws {
        let place = try XCTUnwrap(kept(practices: [7, 8, 9]).practicePlaces(for: [7, 8, 9]))
        XCTAssertEqual([0, 1, 2].map(place), [1, 2, 3])
    }

    func testPracticesThatMovedCameOrWentAreFoundByItem() throws {
        let place = try XCTUnwrap(kept(practices: [7, 8, 9]).practicePlaces(for: [10, 9, 7]))
        XCTAssertEqual([0, 1, 2].map(place), [nil, 3, 1])
    }

    func testRecordsInTheSameOrderAreFoundByPlaceOthersByURL() {
        let last = kept(practices: [7, 8])
        let same = last.records
        let samePlace = last.recordPlaces(for: same)
        XCTAssertEqual(same.indices.map { samePlace($0, same[$0].url) }, [0, 1, 2])

        let changed = [record("best-practices/8/"), record("nieuw/"), record("themas/0/")]
        let byURL = last.recordPlaces(for: changed)
        XCTAssertEqual(changed.indices.map { byURL($0, changed[$0].url) }, [2, nil, 0])
    }
}
