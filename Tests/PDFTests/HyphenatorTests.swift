import XCTest

@testable import PDF

/// Liang's algorithm with the Dutch patterns of hyphen-nl.
final class HyphenatorTests: XCTestCase {
    func testDutchWords() {
        let h = Hyphenator.dutch
        XCTAssertEqual(h.count, 16_256)
        for (word, expected) in [
            ("jaarverslag", "jaar-ver-slag"), ("deelthema", "deel-the-ma"), ("organisaties", "or-ga-ni-sa-ties"),
            ("maatschappelijke", "maat-schap-pe-lij-ke"), ("overhandigden", "over-han-dig-den"),
            ("huisvestingskosten", "huis-ves-tings-kos-ten"),
        ] {
            XCTAssertEqual(h.hyphenate(word), expected)
        }
    }

    func testTwoLettersOnEachSideAndTheDutchRules() {
        let h = Hyphenator.dutch
        for word in [
            "jaarverslag", "samenwerkingsverbanden", "onderwijsmanifest", "financiële", "coördinatie", "ideeën",
            "bijdragen",
        ] {
            let scalars = Array(word.unicodeScalars.map(\.value))
            for p in h.points(in: scalars) {
                XCTAssertGreaterThanOrEqual(p, 2, word)
                XCTAssertLessThanOrEqual(p, scalars.count - 2, word)
                XCTAssertFalse(scalars[p - 1] == 0x69 && scalars[p] == 0x6A, "\(word): never between i and j")
                XCTAssertFalse([0xEB, 0xEF, 0xF6, 0xFC, 0xE4].contains(scalars[p]), "\(word): never before a trema")
            }
        }
        // Words of other characters, and words too short, are left alone.
        XCTAssertEqual(h.points(in: Array("2020".unicodeScalars.map(\.value))), [])
        XCTAssertEqual(h.points(in: Array("ab".unicodeScalars.map(\.value))), [])
        XCTAssertEqual(
            h.points(in: Array("Jaarverslag".unicodeScalars.map(\.value))),
            h.points(in: Array("jaarverslag".unicodeScalars.map(\.value))))
    }
}
