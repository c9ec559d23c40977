import Diagnostics
import Templates
import XCTest

/// Renders `templates["page.html"]` (or the only template) from an in-memory loader.
func render(
    _ templates: [String: String], _ name: String = "page.html", context: [String: Value] = [:],
    lenient: Bool = false, file: StaticString = #filePath, line: UInt = #line
) throws -> String {
    let environment = Environment(loader: DictionaryLoader(templates), lenient: lenient)
    return try environment.render(name, context: context)
}

func render(_ source: String, _ context: [String: Value] = [:], name: String = "page.html", lenient: Bool = false)
    throws -> String
{
    try render([name: source], name, context: context, lenient: lenient)
}

/// The diagnostic a render throws, or a test failure.
func renderError(
    _ templates: [String: String], _ name: String = "page.html", context: [String: Value] = [:],
    file: StaticString = #filePath, line: UInt = #line
) -> Diagnostic? {
    do {
        let output = try render(templates, name, context: context)
        XCTFail("expected an error, got output \(output.debugDescription)", file: file, line: line)
    } catch let diagnostic as Diagnostic {
        return diagnostic
    } catch {
        XCTFail("expected a Diagnostic, got \(error)", file: file, line: line)
    }
    return nil
}
