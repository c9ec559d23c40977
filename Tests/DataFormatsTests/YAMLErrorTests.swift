import DataFormats
import Diagnostics
import XCTest

/// Every error the YAML reader reports, with the line and column it points at.
final class YAMLErrorTests: XCTestCase {
    private func check(
        _ text: String, _ line: Int, _ column: Int, _ fragment: String,
        firstLine: Int = 1, file: StaticString = #filePath, l: UInt = #line
    ) {
        XCTAssertThrowsError(
            try YAMLReader.parse(SourceFile(name: "fm.yml", text: text, firstLine: firstLine)),
            file: file, line: l
        ) { error in
            guard let d = error as? Diagnostic else {
                return XCTFail("not a diagnostic: \(error)", file: file, line: l)
            }
            XCTAssertEqual(d.severity, .error, file: file, line: l)
            XCTAssertEqual(d.file, "fm.yml", file: file, line: l)
            XCTAssertEqual(d.line, line, "\(d)", file: file, line: l)
            XCTAssertEqual(d.column, column, "\(d)", file: file, line: l)
            XCTAssertNotNil(d.sourceLine, file: file, line: l)
            XCTAssertTrue(d.message.contains(fragment), "'\(d.message)' lacks '\(fragment)'", file: file, line: l)
        }
    }

    func testIndentation() {
        check("a:\n\tb: 1\n", 2, 1, "tab gebruikt voor inspringing")
        check("a:\n  b: 1\n \tc: 2\n", 3, 2, "tab gebruikt voor inspringing")
        check("a: |\n  tekst\n\tb: 1\n", 3, 1, "tab gebruikt voor inspringing")
        check("a:\n    b: 1\n  c: 2\n", 3, 3, "onverwachte inspringing")
        check("a:\n  - b\n - c\n", 3, 2, "onverwachte inspringing")
        check("- a\n-   b: 1\n  c: 2\n", 3, 3, "onverwachte inspringing")
        check("  a: 1\nb: 2\n", 2, 1, "onverwachte inhoud")
    }

    func testStructure() {
        check("a: 1\n- b\n", 2, 1, "geen lijst-item")
        check("a: - b\n", 1, 4, "een lijst kan niet op dezelfde regel")
        check("a: b: c\n", 1, 5, "een mapping kan hier niet beginnen")
        check("titel: Let op: dit\n", 1, 14, "een mapping kan hier niet beginnen")
        check("a: \"x\" y\n", 1, 8, "onverwacht 'y' na de waarde")
        check("a: 1\nb\nc: 2\n", 2, 1, "':' verwacht na de sleutel")
        check("a: 1\n\"b\" c: 2\n", 2, 5, "':' verwacht na de sleutel, maar vond 'c'")
        check("[a]: 1\n", 1, 1, "een lijst of mapping als sleutel")
        check("a: 1\nb\n c: 2\n", 3, 3, "een sleutel moet op één regel staan")
        check("a: 1\n---\nb: 2\n", 2, 1, "meerdere YAML-documenten")
        check("a: 1\n...\nb: 2\n", 3, 1, "meerdere YAML-documenten")
        check("%YAML 1.1\n---\na: 1\n", 1, 1, "YAML-directieven")
        check("# leeg\n...\n", 2, 1, "'...' sluit een document af")
        check("a: 1\nb: 2\na: 3\n", 3, 1, "dubbele sleutel 'a'; die staat al op regel 1")
        check("x: {a: 1, a: 2}\n", 1, 11, "dubbele sleutel 'a'")
        check("1: a\n1: b\n", 2, 1, "dubbele sleutel 1")
    }

    func testUnsupportedFeatures() {
        check("a: &anker 1\n", 1, 4, "ankers ('&naam') worden niet ondersteund")
        check("a: *anker\n", 1, 4, "verwijzingen ('*naam') worden niet ondersteund")
        check("a: !!str 1\n", 1, 4, "tags ('!') worden niet ondersteund")
        check("? a\n: 1\n", 1, 1, "complexe sleutels")
        check("a: 1\n? b\n", 2, 1, "complexe sleutels")
        check("a: [? b]\n", 1, 5, "complexe sleutels")
        check("x:\n  <<: {a: 1}\n", 2, 3, "samenvoegsleutels ('<<')")
        check("a: =\n", 1, 4, "'=' als losse waarde")
        check("a: .inf\n", 1, 4, "oneindig en NaN")
        check("a: @x\n", 1, 4, "kan een waarde niet beginnen")
        check("a: `x`\n", 1, 4, "kan een waarde niet beginnen")
        check("a: %x\n", 1, 4, "'%' kan een waarde niet beginnen")
    }

    func testQuotesAndEscapes() {
        check("a: \"open\nb: 1\n", 1, 4, "aanhalingsteken \" wordt niet gesloten")
        check("a: 'open\n", 1, 4, "aanhalingsteken ' wordt niet gesloten")
        check("a: 'open\n---\n", 1, 4, "aanhalingsteken ' wordt niet gesloten")
        check("a: \"\\q\"\n", 1, 5, "onbekende escape '\\q'")
        check("a: \"\\x4\"\n", 1, 5, "onvolledige escape")
        check("a: \"\\uD800\"\n", 1, 5, "geen geldig Unicode-teken")
    }

    func testFlowCollections() {
        check("a: [1, 2\n", 1, 4, "'[' wordt niet gesloten met ']'")
        check("a: {b: 1\n", 1, 4, "'{' wordt niet gesloten met '}'")
        check("a: [\"x\" 1]\n", 1, 9, "',' of ']' verwacht")
        check("a: {b: \"1\" c}\n", 1, 12, "',' of '}' verwacht")
        check("a: [1, , 2]\n", 1, 8, "waarde verwacht")
        check("a: [|\n  x]\n", 1, 5, "blokscalair")
        check("a: [x,\n---\n]\n", 2, 1, "'---' of '...' binnen")
        check("a: [: x]\n", 1, 5, "sleutel ontbreekt")
        check("a: [- x]\n", 1, 5, "lijst-item")
    }

    func testBlockScalarHeaders() {
        check("a: |0\n  x\n", 1, 5, "inspringing 0 is ongeldig")
        check("a: |x\n  x\n", 1, 5, "na '|' mogen alleen")
        check("a: > tekst\n", 1, 6, "na '>' mogen alleen")
    }

    func testScalarValues() {
        check("a: 2021-02-29\n", 1, 4, "onmogelijke datum 2021-02-29")
        check("a: 2020-13-01\n", 1, 4, "maand 13 bestaat niet")
        check("a: 0000-01-01\n", 1, 4, "jaar 0 bestaat niet")
        check("a: 2020-01-01 25:00:00\n", 1, 4, "onmogelijke tijd")
        check("a: 99999999999999999999\n", 1, 4, "te groot")
        check("a: 1.0e+500\n", 1, 4, "buiten het bereik")
    }

    func testText() {
        check("a: 1\rb: 2\n", 1, 5, "losse CR")
        check("a: \u{1}\n", 1, 4, "ongeldig stuurteken")
        XCTAssertThrowsError(try YAMLReader.parse(SourceFile(name: "fm.yml", bytes: [0x61, 0x3A, 0x20, 0xC3, 0x28]))) {
            error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.line, 1)
            XCTAssertEqual(d.column, 4)
            XCTAssertTrue(d.message.contains("ongeldige UTF-8"))
        }
    }

    func testUnclosedQuoteHint() {
        let text = "places:\n  - 's-Hertogenbosch\ncontact:\n  name: 'Jan'\n"
        XCTAssertThrowsError(try YAMLReader.parse(SourceFile(name: "fm.yml", text: text))) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.line, 4)
            XCTAssertEqual(d.column, 10)
            XCTAssertEqual(d.notes.count, 1)
            XCTAssertTrue(d.notes[0].contains("regel 2, kolom 5"), d.notes[0])
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        check(String(repeating: "[", count: 100_000), 1, 201, "geneste lijsten en mappings")
        var text = ""
        for i in 0..<300 { text += String(repeating: " ", count: i) + "k:\n" }
        check(text, 201, 201, "geneste lijsten en mappings")
        XCTAssertNoThrow(try YAMLReader.parse(String(repeating: "[", count: 150) + String(repeating: "]", count: 150)))
    }

    func testPositionsKeepTheFirstLineOffset() {
        // Front matter starts on line 2 of its Markdown file.
        check("title: x\ntitle: y\n", 3, 1, "dubbele sleutel", firstLine: 2)
    }

    func testDiagnosticPrintsWithCaret() {
        do {
            _ = try YAMLReader.parse(SourceFile(name: "a.md", text: "title: x\ndate: 2021-02-30\n", firstLine: 2))
            XCTFail("expected an error")
        } catch let d as Diagnostic {
            XCTAssertEqual(
                d.description,
                "a.md:3:7: error: onmogelijke datum 2021-02-30: die maand heeft 28 dagen\ndate: 2021-02-30\n      ^")
        } catch {
            XCTFail("\(error)")
        }
    }
}
