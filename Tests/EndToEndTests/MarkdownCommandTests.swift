import Foundation
import XCTest

final class MarkdownCommandTests: XCTestCase {
    func testStandardInputToGFMHTML() throws {
        let result = try BreingenProcess.run(
            ["markdown"], stdin: "# Één stap\n\n| a | b |\n| - | - |\n| 1 | ~~2~~ |\n\nzie www.example.nl\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout,
            """
            <h1>Één stap</h1>
            <table>
            <thead>
            <tr>
            <th>a</th>
            <th>b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>1</td>
            <td><del>2</del></td>
            </tr>
            </tbody>
            </table>
            <p>zie <a href="http://www.example.nl">www.example.nl</a></p>

            """)
        XCTAssertEqual(result.stderr, "")
    }

    func testCommonMarkModeHasNoExtensions() throws {
        let result = try BreingenProcess.run(["markdown", "--commonmark"], stdin: "~~x~~ www.example.nl\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "<p>~~x~~ www.example.nl</p>\n")
    }

    func testOptions() throws {
        let input = "# Één stap\n\n\"Zo\" -- gaat... dat <b>vet</b> [x](javascript:alert(1))\n"
        let result = try BreingenProcess.run(["markdown", "--smart", "--safe", "--heading-ids"], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout,
            """
            <h1 id="een-stap">Één stap</h1>
            <p>“Zo” – gaat… dat <!-- raw HTML omitted -->vet<!-- raw HTML omitted --> <a href="">x</a></p>

            """)
    }

    func testReadsFileAndReportsMissingFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-md-\(UUID().uuidString).md")
        try Data("*hallo*\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try BreingenProcess.run(["markdown", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "<p><em>hallo</em></p>\n")

        let missing = try BreingenProcess.run(["markdown", "/bestaat/niet.md"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.hasPrefix("error: kan '/bestaat/niet.md' niet lezen"), missing.stderr)
    }

    func testTooManyArgumentsIsAUsageError() throws {
        let result = try BreingenProcess.run(["markdown", "a.md", "b.md"])
        XCTAssertEqual(result.status, 2)
    }
}
