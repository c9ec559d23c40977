import XCTest

@testable import Site

/// `check`'s warning for the example values of `init` left in a published file: found in any case, the
/// earliest of the two, the whole word around it named at its line and column.
final class ExampleValueTests: XCTestCase {
    private func warning(_ text: String) -> (message: String, line: Int?, column: Int?)? {
        SiteChecks.exampleValue(in: Array(text.utf8), file: "content/pages/x.md").map {
            ($0.message, $0.line, $0.column)
        }
    }

    func testTheWholeWordAtItsPlace() throws {
        let found = try XCTUnwrap(warning("---\ntitle: Contact\n---\n\nMail naar (info@VOORBEELD.nl), of bel.\n"))
        XCTAssertTrue(found.message.hasPrefix("'info@VOORBEELD.nl' is een voorbeeld"), found.message)
        XCTAssertEqual(found.line, 5)
        XCTAssertEqual(found.column, 12)
    }

    func testTheEarliestOfTheTwoAndTheNameWithItsSpace() throws {
        let found = try XCTUnwrap(warning("Wij zijn stichting voorbeeld, bereikbaar op www.voorbeeld.nl.\n"))
        XCTAssertTrue(found.message.hasPrefix("'stichting voorbeeld' is een voorbeeld"), found.message)
        XCTAssertEqual(found.column, 10)
    }

    func testWindowsLineEndsAndLettersBeyondASCII() throws {
        let found = try XCTUnwrap(warning("Één regel\r\nZie https://www.voorbeeld.nl/\r\nnog een\r\n"))
        XCTAssertTrue(found.message.hasPrefix("'https://www.voorbeeld.nl/' is een voorbeeld"), found.message)
        XCTAssertEqual(found.line, 2)
        XCTAssertEqual(found.column, 5)
        XCTAssertNil(warning("Stichting Buurt, www.buurt.nl; een voorbeeld.\n"))
    }
}
