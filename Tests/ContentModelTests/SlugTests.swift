import Markdown
import XCTest

@testable import ContentModel

final class SlugTests: XCTestCase {
    func testMakeFoldsDiacriticsAndPunctuation() {
        XCTAssertEqual(Slug.make("Saïd & Lody", asciiOnly: true), "said-lody")
        XCTAssertEqual(Slug.make("Creëren: één keer nóg!", asciiOnly: true), "creeren-een-keer-nog")
        XCTAssertEqual(Slug.make("  Housing First  ", asciiOnly: true), "housing-first")
        XCTAssertEqual(Slug.make("Campus010", asciiOnly: true), "campus010")
        XCTAssertEqual(Slug.make("Straße Ærø", asciiOnly: true), "strasse-aero")
        XCTAssertEqual(Slug.make("Saïd's klas", asciiOnly: true), "saids-klas")
        XCTAssertEqual(Slug.make("!!!", asciiOnly: true), "")
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
