import Foundation
import XCTest

final class RenderCommandTests: XCTestCase {
    private var folder: URL { BreingenProcess.fixture("render") }

    func testRendersTemplateWithJSONData() throws {
        let result = try BreingenProcess.run([
            "render", folder.appendingPathComponent("teams.html").path, "--data",
            folder.appendingPathComponent("teams.json").path,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout,
            """
            <!doctype html>
            <title>Teams | Het Maatschappelijk Brein</title>

            <h2>Bestuur &amp; raad</h2>
            <p>€\u{00A0}1.234,50 · sinds 23 september 2020</p>

            """)
    }

    func testRendersWithYAMLDataAndTemplatesFolder() throws {
        let result = try BreingenProcess.run([
            "render", "teams.html", "--templates", folder.path, "-d", folder.appendingPathComponent("teams.yml").path,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("<p>€\u{00A0}95.677 · sinds 23 september 2020</p>"), result.stdout)
    }

    func testUndefinedAttributeReportsLineColumnAndChain() throws {
        let result = try BreingenProcess.run(
            [
                "render", "fout.html", "--templates", folder.path, "-d",
                folder.appendingPathComponent("teams.yml").path,
            ], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(
            result.stderr.hasPrefix("fout.html:4:12: error: 'team' heeft geen attribuut 'budget'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("<p>{{ team.budget }}</p>\n           ^"), result.stderr)
        XCTAssertTrue(result.stderr.contains("note: fout.html:1:4: breidt 'base.html' uit met extends"), result.stderr)
    }

    func testMissingTemplateAndBadDataFail() throws {
        let missing = try BreingenProcess.run(["render", "/nonexistent/x.html"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("bestaat niet"), missing.stderr)
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-render-\(UUID().uuidString).json")
        try Data("{\"a\": [1, 2}".utf8).write(to: temp)
        defer { try? FileManager.default.removeItem(at: temp) }
        let bad = try BreingenProcess.run([
            "render", folder.appendingPathComponent("base.html").path, "--data", temp.path,
        ])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains(":1:12: error: ',' of ']' verwacht"), bad.stderr)
    }

    func testMarkdownFilterOutputIsNotEscapedAgain() throws {
        let result = try BreingenProcess.run([
            "render", "markdown.html", "--templates", folder.path, "-d",
            folder.appendingPathComponent("teams.yml").path,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("<p>Een <em>korte</em> tekst"), result.stdout)
        XCTAssertFalse(result.stdout.contains("&lt;p&gt;"), result.stdout)
    }

    func testAssetFunctionGivesPlainURL() throws {
        let result = try BreingenProcess.run([
            "render", folder.appendingPathComponent("asset.html").path, "--base-url", "https://example.org/brein/",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "<link rel=\"stylesheet\" href=\"/brein/css/site.css\">")
    }

    func testNoArgumentsIsUsageError() throws {
        let result = try BreingenProcess.run(["render"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("gebruik: breingen render"), result.stderr)
    }
}
