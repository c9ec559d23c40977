import XCTest
@testable import ContentModel

final class SlugTests: XCTestCase {
    func testMakeFoldsDiacriticsAndPunctuation() {
        XCTAssertEqual(Slug.make(from: "Saïd & Lody"), "said-lody")
        XCTAssertEqual(Slug.make(from: "Creëren: één keer nóg!"), "creeren-een-keer-nog")
        XCTAssertEqual(Slug.make(from: "  Housing First  "), "housing-first")
        XCTAssertEqual(Slug.make(from: "Campus010"), "campus010")
        XCTAssertEqual(Slug.make(from: "Straße Ærø"), "strasse-aero")
        XCTAssertEqual(Slug.make(from: "Saïd's klas"), "saids-klas")
        XCTAssertEqual(Slug.make(from: "!!!"), "")
    }

    func testIsValid() {
        XCTAssertTrue(Slug.isValid("sociale-huisvesting"))
        XCTAssertTrue(Slug.isValid("2020-onderwijs"))
        XCTAssertFalse(Slug.isValid("Sociale"))
        XCTAssertFalse(Slug.isValid("-a"))
        XCTAssertFalse(Slug.isValid("a--b"))
        XCTAssertFalse(Slug.isValid("a b"))
        XCTAssertFalse(Slug.isValid(""))
        XCTAssertFalse(Slug.isValid("creëren"))
    }
}
