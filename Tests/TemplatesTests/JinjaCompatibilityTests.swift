import Diagnostics
import Foundation
import Templates
import XCTest

/// Renders every case of `scripts/jinja-compat/cases.json` (outputs made by Jinja2 3.1 itself) and
/// compares byte for byte. Regenerate with `python3 scripts/jinja-compat/generate.py`.
final class JinjaCompatibilityTests: XCTestCase {
    func testAllCasesMatchJinja2() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scripts/jinja-compat/cases.json").standardizedFileURL
        let document = try JSONReader.read([UInt8](try Data(contentsOf: url)), name: "cases.json")
        guard case .dict(let root) = document, case .list(let cases)? = root["cases"] else {
            return XCTFail("cases.json has no 'cases' list")
        }
        XCTAssertGreaterThanOrEqual(cases.count, 150)
        var passed = 0
        var failures: [String] = []
        for case .dict(let item) in cases {
            let name = item["name"]?.printed ?? "?"
            guard case .dict(let files)? = item["templates"], case .dict(let context)? = item["context"] else {
                failures.append("\(name): malformed case")
                continue
            }
            var templates: [String: String] = [:]
            for (file, text) in files.pairs { templates[file] = text.printed }
            let entry = templates["page.html"] != nil ? "page.html" : files.keys[0]
            var variables: [String: Value] = [:]
            for (key, value) in context.pairs { variables[key] = value }
            let lenient = item["lenient"]?.truthy ?? false
            let environment = Environment(loader: DictionaryLoader(templates), lenient: lenient)
            do {
                let output = try environment.render(entry, context: variables)
                if let expected = item["expected"]?.printed, output == expected {
                    passed += 1
                } else if let expected = item["expected"]?.printed {
                    failures.append(
                        "\(name):\n    expected \(expected.debugDescription)\n    got      \(output.debugDescription)")
                } else {
                    failures.append(
                        "\(name): Jinja2 raised \(item["error"]?.printed ?? "?"), we rendered \(output.debugDescription)"
                    )
                }
            } catch let diagnostic as Diagnostic {
                if item["error"] != nil {
                    passed += 1
                } else {
                    failures.append("\(name): unexpected error \(diagnostic.description)")
                }
            }
        }
        print("Jinja2 compatibility: \(passed)/\(cases.count) cases pass")
        for failure in failures { print("  FAIL " + failure) }
        XCTAssertEqual(passed, cases.count, "\(failures.count) compatibility case(s) differ from Jinja2; see the log")
    }
}
