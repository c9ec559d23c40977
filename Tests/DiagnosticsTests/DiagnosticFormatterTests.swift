import Diagnostics
import XCTest

final class DiagnosticFormatterTests: XCTestCase {
    func testPlainFormatShowsLocationLineAndCaret() {
        let source = SourceFile(
            name: "content/best-practices/housing-first.md",
            text: "---\ntitle: Housing First\nthemes:\n  - huisvesting\n")
        let offset = source.bytes.indices.first { source.bytes[$0...].starts(with: Array("huisvesting".utf8)) }!
        let diagnostic = Diagnostic.error("onbekend thema 'huisvesting'", in: source, at: offset)
        XCTAssertEqual(diagnostic.line, 4)
        XCTAssertEqual(diagnostic.column, 5)
        XCTAssertEqual(
            DiagnosticFormatter(useColor: false).format(diagnostic),
            "content/best-practices/housing-first.md:4:5: error: onbekend thema 'huisvesting'\n  - huisvesting\n    ^")
    }

    func testColumnCountsCharactersNotBytes() {
        let source = SourceFile(name: "a.md", text: "Één stap: fout\n")
        let offset = Array(source.bytes).firstIndex(of: UInt8(ascii: "f"))!
        let position = source.position(ofByteOffset: offset)
        XCTAssertEqual(position.line, 1)
        XCTAssertEqual(position.column, 11)
        let text = DiagnosticFormatter(useColor: false).format(Diagnostic.warning("let op", in: source, at: offset))
        XCTAssertEqual(text, "a.md:1:11: warning: let op\nÉén stap: fout\n          ^")
    }

    func testCaretKeepsTabsSoItLinesUp() {
        let diagnostic = Diagnostic(.error, "x", file: "t.html", line: 2, column: 3, sourceLine: "\tab")
        XCTAssertEqual(DiagnosticFormatter(useColor: false).format(diagnostic), "t.html:2:3: error: x\n\tab\n\t ^")
    }

    func testFirstLineOffsetShiftsReportedLines() {
        let body = SourceFile(name: "p.md", text: "regel een\nregel twee\n", firstLine: 5)
        let position = body.position(ofByteOffset: 10)
        XCTAssertEqual(position.line, 6)
        XCTAssertEqual(body.lineText(6), "regel twee")
        XCTAssertNil(body.lineText(1))
    }

    func testColourUsesAnsiCodesAndNotesFollow() {
        let diagnostic = Diagnostic(
            .warning, "w", file: "f", line: 1, column: 1, sourceLine: "abc", notes: ["via base.html:3"])
        let text = DiagnosticFormatter(useColor: true).format(diagnostic)
        XCTAssertTrue(text.contains("\u{1B}[35;1mwarning:\u{1B}[0m"))
        XCTAssertTrue(text.hasSuffix("via base.html:3"))
        XCTAssertEqual(
            DiagnosticFormatter(useColor: false).format(diagnostic), "f:1:1: warning: w\nabc\n^\nnote: via base.html:3")
    }

    func testNoColorEnvironmentDisablesColour() {
        XCTAssertFalse(DiagnosticFormatter.wantsColor(fileDescriptor: 2, environment: ["NO_COLOR": "1"]))
        XCTAssertFalse(DiagnosticFormatter.wantsColor(fileDescriptor: 2, environment: ["TERM": "dumb"]))
    }

    func testMessageWithoutLocation() {
        XCTAssertEqual(Diagnostic(.error, "geen site").description, "error: geen site")
        XCTAssertEqual(Diagnostic(.error, "x", file: "a.yml").description, "a.yml: error: x")
    }

    func testSuggestions() {
        XCTAssertEqual(Suggestions.nearest(to: "biuld", in: ["build", "serve", "check"]), "build")
        XCTAssertEqual(Suggestions.nearest(to: "--outptu", in: ["--output", "--root"]), "--output")
        XCTAssertNil(Suggestions.nearest(to: "xyz", in: ["build", "serve"]))
    }
}
