import Diagnostics
import Templates
import XCTest

final class JSONReaderTests: XCTestCase {
    private func read(_ text: String) throws -> Value {
        try JSONReader.read(Array(text.utf8), name: "data.json")
    }

    func testKeepsKeyOrderAndTypes() throws {
        let value = try read(#"{"z": 1, "a": [2.5, true, null, "\u00e9\n"], "m": {"x": -3e2}}"#)
        XCTAssertEqual(value.repr, #"{'z': 1, 'a': [2.5, True, None, 'é\n'], 'm': {'x': -300.0}}"#)
    }

    func testSurrogatePairsAndBOM() throws {
        XCTAssertEqual(
            try JSONReader.read([0xEF, 0xBB, 0xBF] + Array(#""\ud83d\ude00""#.utf8), name: "x").printed, "😀")
    }

    func testErrorsPointAtTheByte() {
        let cases: [(String, Int, Int, String)] = [
            ("{\"a\": [1, 2}", 1, 12, "',' of ']' verwacht"),
            ("{\n  \"a\": tru\n}", 2, 8, "onbekende JSON-waarde"),
            ("{\"a\": \"open", 1, 7, "tekst zonder afsluitend aanhalingsteken"),
            ("[1] x", 1, 5, "onverwachte tekst"),
            ("", 1, 1, "JSON-waarde verwacht"),
        ]
        for (text, line, column, message) in cases {
            XCTAssertThrowsError(try read(text), text) { error in
                let diagnostic = error as? Diagnostic
                XCTAssertEqual(diagnostic?.line, line, text)
                XCTAssertEqual(diagnostic?.column, column, text)
                XCTAssertTrue(diagnostic?.message.contains(message) ?? false, "\(text): \(diagnostic?.message ?? "")")
                XCTAssertEqual(diagnostic?.file, "data.json")
            }
        }
    }

    func testDeepNestingIsAnError() {
        XCTAssertThrowsError(try read(String(repeating: "[", count: 10_000)))
    }
}
