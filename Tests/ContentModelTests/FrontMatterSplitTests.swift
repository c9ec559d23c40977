import Diagnostics
import XCTest
@testable import ContentModel

final class FrontMatterSplitTests: XCTestCase {
    func testSplitsYamlAndBodyKeepingLineNumbers() throws {
        let source = SourceFile(name: "a.md", text: "---\ntitle: A\ndate: 2020-01-01\n---\n# Kop\n\nTekst\n")
        let parts = try XCTUnwrap(try FrontMatterSplit.split(source))
        XCTAssertEqual(String(decoding: parts.yaml.bytes, as: UTF8.self), "title: A\ndate: 2020-01-01\n")
        XCTAssertEqual(parts.yaml.firstLine, 2)
        XCTAssertEqual(parts.body.text, "# Kop\n\nTekst\n")
        XCTAssertEqual(parts.body.firstLine, 5)
    }

    func testCRLFAndBOM() throws {
        let source = SourceFile(name: "a.md", bytes: [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\nTekst".utf8))
        let parts = try XCTUnwrap(try FrontMatterSplit.split(source))
        XCTAssertEqual(String(decoding: parts.yaml.bytes, as: UTF8.self), "title: A\r\n")
        XCTAssertEqual(parts.body.text, "Tekst")
    }

    func testNoFrontMatterAndUnclosed() {
        XCTAssertNil(try FrontMatterSplit.split(SourceFile(name: "a.md", text: "# Kop\n")))
        XCTAssertThrowsError(try FrontMatterSplit.split(SourceFile(name: "a.md", text: "---\ntitle: A\n"))) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.line, 1)
            XCTAssertTrue(d?.message.contains("niet afgesloten") ?? false)
        }
    }
}
