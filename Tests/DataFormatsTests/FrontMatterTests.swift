import DataFormats
import Diagnostics
import XCTest

final class FrontMatterTests: XCTestCase {
    private func split(_ text: String) throws -> (yaml: String?, body: String, line: Int, yamlFirstLine: Int?) {
        let parts = try FrontMatter.split(Array(text.utf8), fileName: "a.md")
        return (
            parts.frontMatter.map { String(decoding: $0.bytes, as: UTF8.self) },
            String(decoding: parts.body, as: UTF8.self), parts.bodyFirstLine, parts.frontMatter?.firstLine
        )
    }

    func testClosingWithDotsAndTrailingBlanks() throws {
        let r = try split("--- \ntitle: x\n... \t\nTekst\n")
        XCTAssertEqual(r.yaml, "title: x\n")
        XCTAssertEqual(r.body, "Tekst\n")
        XCTAssertEqual(r.line, 4)
        XCTAssertEqual(r.yamlFirstLine, 2)
    }

    func testEmptyFrontMatterAndNoFinalNewline() throws {
        let r = try split("---\n---")
        XCTAssertEqual(r.yaml, "")
        XCTAssertEqual(r.body, "")
        let parsed = try FrontMatter.read(Array("---\n---\n# Kop".utf8))
        XCTAssertEqual(parsed.frontMatter?.value, .null)
        XCTAssertEqual(String(decoding: parsed.body, as: UTF8.self), "# Kop")
        XCTAssertEqual(parsed.bodyFirstLine, 3)
    }

    func testNotFrontMatter() throws {
        for text in ["----\nx\n---\n", "--- titel\n---\n", "\n---\nx: 1\n---\n", "Tekst\n---\n"] {
            let r = try split(text)
            XCTAssertNil(r.yaml, text)
            XCTAssertEqual(r.body, text)
            XCTAssertEqual(r.line, 1)
        }
        // A BOM without front matter is dropped from the body.
        XCTAssertEqual(try split("\u{FEFF}# Kop\n").body, "# Kop\n")
    }

    func testDashesInsideYAMLDoNotClose() throws {
        let r = try split("---\ntekst: |\n  a --- b\n  ----\nlijst:\n- x\n---\nBody\n")
        XCTAssertEqual(r.line, 8)
        let yaml = try YAMLReader.parse(SourceFile(name: "a.md", text: r.yaml!, firstLine: 2))
        XCTAssertEqual(yaml["tekst"]?.string, "a --- b\n----\n")
        XCTAssertEqual(yaml["lijst"]?.line, 6)
    }

    func testYAMLErrorsPointIntoTheMarkdownFile() throws {
        XCTAssertThrowsError(
            try FrontMatter.read(Array("---\ntitle: x\ndate: 2021-02-30\n---\nBody\n".utf8), fileName: "bp.md")
        ) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.location, "bp.md:3:7")
            XCTAssertEqual(d.sourceLine, "date: 2021-02-30")
        }
    }

    func testUnclosedWithCRLF() {
        XCTAssertThrowsError(try FrontMatter.split(Array("---\r\ntitle: x\r\n".utf8), fileName: "c.md")) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.location, "c.md:1:1")
            XCTAssertTrue(d.message.contains("wordt niet afgesloten"))
        }
    }
}
