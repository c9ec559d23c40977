import DataFormats
import Diagnostics
import XCTest

final class YAMLReaderTests: XCTestCase {
    private func parse(_ text: String) throws -> YAMLNode {
        try YAMLReader.parse(SourceFile(name: "test.yml", text: text))
    }

    private func json(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return try parse(text).jsonText(typed: true)
        } catch {
            XCTFail("unexpected error: \(error)", file: file, line: line)
            return ""
        }
    }

    func testFrontMatterTypes() throws {
        let node = try parse(
            """
            title: Housing First in Amsterdam
            date: 2020-09-23
            draft: false
            weight: 3
            ratio: 2.2
            themes: [wonen, onderwijs]
            tags:
              - dakloosheid
              - "zorg & wonen"
            leeg:
            tilde: ~
            """)
        XCTAssertEqual(node["title"]?.string, "Housing First in Amsterdam")
        XCTAssertEqual(node["date"]?.value, .date(YAMLDate(year: 2020, month: 9, day: 23)))
        XCTAssertEqual(node["draft"]?.value, .bool(false))
        XCTAssertEqual(node["weight"]?.value, .int(3))
        XCTAssertEqual(node["ratio"]?.value, .decimal(Decimal(sign: .plus, exponent: -1, significand: 22)))
        XCTAssertEqual(node["themes"]?.sequence?.compactMap(\.string), ["wonen", "onderwijs"])
        XCTAssertEqual(node["tags"]?.sequence?.compactMap(\.string), ["dakloosheid", "zorg & wonen"])
        XCTAssertEqual(node["leeg"]?.value, .null)
        XCTAssertEqual(node["tilde"]?.value, .null)
        XCTAssertEqual(node.keys, ["title", "date", "draft", "weight", "ratio", "themes", "tags", "leeg", "tilde"])
    }

    func testPositions() throws {
        let node = try parse("a: 1\nlijst:\n  - één\n  - x: ë\n    y: 2\n")
        XCTAssertEqual(node["a"]?.line, 1)
        XCTAssertEqual(node["a"]?.column, 4)
        let items = node["lijst"]!.sequence!
        XCTAssertEqual(items[0].line, 3)
        XCTAssertEqual(items[0].column, 5)
        XCTAssertEqual(items[1]["y"]?.line, 5)
        XCTAssertEqual(items[1]["y"]?.column, 8)
        XCTAssertEqual(items[1]["x"]?.column, 8)
    }

    func testNestedAndCompact() {
        XCTAssertEqual(json("a:\n- 1\n- 2\nb: {c: d, e: [f, g]}\n"), #"{"a":[1,2],"b":{"c":"d","e":["f","g"]}}"#)
        XCTAssertEqual(json("- - a\n  - b\n- c: 1\n  d: 2\n"), #"[["a","b"],{"c":1,"d":2}]"#)
        XCTAssertEqual(json(""), "null")
        XCTAssertEqual(json("# alleen commentaar\n"), "null")
        XCTAssertEqual(json("---\na: 1\n...\n"), #"{"a":1}"#)
    }

    func testScalars() {
        XCTAssertEqual(
            json("a: 'it''s'\nb: \"tab\\there \\u00e9\"\nc: plain # comment\n"),
            #"{"a":"it's","b":"tab\there é","c":"plain"}"#)
        XCTAssertEqual(
            json("a: lange tekst\n  die doorloopt\n\n  en verder\nb: 1"),
            #"{"a":"lange tekst die doorloopt\nen verder","b":1}"#)
        XCTAssertEqual(
            json("a: |\n  regel 1\n  regel 2\n\nb: >-\n  gevouwen\n  tekst\n"),
            #"{"a":"regel 1\nregel 2\n","b":"gevouwen tekst"}"#)
        XCTAssertEqual(
            json("a: 1.5e+3\nb: 0x1F\nc: 0612\nd: 14:30\ne: yes\nf: 1_000\n"),
            #"{"a":1500.0,"b":31,"c":"0612","d":"14:30","e":true,"f":1000}"#)
        XCTAssertEqual(
            json("d: 2020-09-23T14:30:00+02:00\ne: 2020-09-23 14:30\n"),
            #"{"d":{"$datetime":"2020-09-23T14:30:00+02:00"},"e":{"$datetime":"2020-09-23T14:30:00"}}"#)
    }

    func testFrontMatterSplit() throws {
        let file = Array("\u{FEFF}---\r\ntitle: x\r\n---\r\n# Kop\r\n".utf8)
        let parts = try FrontMatter.split(file, fileName: "a.md")
        XCTAssertEqual(parts.bodyFirstLine, 4)
        XCTAssertEqual(String(decoding: parts.body, as: UTF8.self), "# Kop\r\n")
        let yaml = try YAMLReader.parse(parts.frontMatter!)
        XCTAssertEqual(yaml["title"]?.string, "x")
        XCTAssertEqual(yaml["title"]?.line, 2)

        let none = try FrontMatter.split(Array("# Kop\n".utf8))
        XCTAssertNil(none.frontMatter)
        XCTAssertEqual(none.bodyFirstLine, 1)

        XCTAssertThrowsError(try FrontMatter.split(Array("---\ntitle: x\n".utf8), fileName: "b.md")) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.file, "b.md")
            XCTAssertEqual(d.line, 1)
            XCTAssertEqual(d.column, 1)
        }
    }

    func testErrorsHavePositions() {
        func check(
            _ text: String, _ line: Int, _ column: Int, _ fragment: String, file: StaticString = #filePath,
            l: UInt = #line
        ) {
            XCTAssertThrowsError(try parse(text), file: file, line: l) { error in
                guard let d = error as? Diagnostic else { return XCTFail("not a diagnostic", file: file, line: l) }
                XCTAssertEqual(d.line, line, "\(d)", file: file, line: l)
                XCTAssertEqual(d.column, column, "\(d)", file: file, line: l)
                XCTAssertTrue(d.message.contains(fragment), d.message, file: file, line: l)
            }
        }
        check("a:\n\tb: 1\n", 2, 1, "tab")
        check("a: 1\nb: 2\na: 3\n", 3, 1, "dubbele sleutel 'a'")
        check("a: \"open\nb: 1\n", 1, 4, "niet gesloten")
        check("a: &x 1\n", 1, 4, "ankers")
        check("a: *x\n", 1, 4, "verwijzingen")
        check("a: !!str 1\n", 1, 4, "tags")
        check("a: 1\n---\nb: 2\n", 2, 1, "meerdere")
        check("a: b: c\n", 1, 5, "mapping")
        check("a: 2021-02-29\n", 1, 4, "onmogelijke datum")
    }
}

final class YAMLRegressionTests: XCTestCase {
    func testLongSingleLineStaysLinear() throws {
        // Minified JSON: 50,000 values on one line. Quadratic column counting would take minutes.
        let text = "{\"a\": [" + Array(repeating: "1", count: 50_000).joined(separator: ",") + "], \"é\": \"x\"}"
        let start = Date()
        let node = try YAMLReader.parse(SourceFile(name: "x.yml", text: text))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(node["a"]?.sequence?.count, 50_000)
        XCTAssertEqual(node["a"]?.sequence?.last?.column, 8 + 2 * 49_999)
        XCTAssertEqual(node["é"]?.column, text.unicodeScalars.count - 3)
    }

    func testQuotedValueAfterFoldedScalar() throws {
        let text =
            "summary: >\n  Een project\n  gestart. # geen commentaar\ncontact:\n  name: 'Jan de Vries'\n  email: jan@example.org\n"
        let node = try YAMLReader.parse(SourceFile(name: "x", text: text))
        XCTAssertEqual(
            node.jsonText(),
            #"{"summary":"Een project gestart. # geen commentaar\n","contact":{"name":"Jan de Vries","email":"jan@example.org"}}"#
        )
    }
}
