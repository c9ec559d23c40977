import Diagnostics
import Foundation
import XCTest

@testable import ContentModel

/// Every example in docs/content.md is valid content of its section's type, so editors can copy them.
final class DocumentationExamplesTests: XCTestCase {
    func testEveryExampleInTheSchemaDocumentDecodesWithoutDiagnostics() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/content.md")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var section: String?
        var block: [String]?
        var checked = 0
        for line in lines {
            if var current = block {
                if line == "```" {
                    block = nil
                    guard let section else { continue }
                    let text = current.joined(separator: "\n") + "\n"
                    try check(text, section: section)
                    checked += 1
                } else {
                    current.append(line)
                    block = current
                }
                continue
            }
            if line == "```markdown" || line == "```yaml" {
                block = []
            } else if line.hasPrefix("## `content/") {
                let rest = line.dropFirst("## `content/".count)
                section = String(rest.prefix { $0 != "/" && $0 != "`" })
            } else if line.hasPrefix("## ") {
                section = nil
            }
        }
        // site.yml, themes, best practices, insights, activities, results, alliances, publications, people,
        // scans, finance (skipped: it needs its CSV files; FinanceTests cover that layout), pages.
        XCTAssertEqual(checked, 12)
    }

    private func check(_ text: String, section: String) throws {
        if section == "site.yml" {
            var diagnostics: [Diagnostic] = []
            XCTAssertNotNil(ContentLoader.decodeSite(SourceFile(name: "site.yml", text: text), into: &diagnostics))
            XCTAssertEqual(diagnostics.map(\.description), [], "site.yml")
            return
        }
        guard section != "finance" else { return }
        let type = try XCTUnwrap(ContentType.forFolder(section), section)
        let name = type == .result ? "content/results/2020-onderwijs.yml" : "content/\(section)/voorbeeld.md"
        let result = FileDecoder.decode(SourceFile(name: name, text: text), type: type)
        XCTAssertNotNil(result.item, section)
        XCTAssertEqual(result.diagnostics.map(\.description), [], section)
    }
}
