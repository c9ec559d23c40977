import Diagnostics
import Foundation
import Templates
import XCTest

/// Pages render on Dispatch worker threads, whose stacks are small (512 KiB on Linux): the recursion
/// limit must stop runaway templates there too, as an error and not a crash.
final class ConcurrencyStackTests: XCTestCase {
    func testRecursionLimitHoldsOnWorkerThreads() {
        let templates = [
            "macro.html": "{% macro m(n) %}<{{ m(n + 1) }}>{% endmacro %}{{ m(0) }}",
            "include.html": "{% for x in [1] %}{% if true %}{% include 'include.html' %}{% endif %}{% endfor %}",
            "loop.html": "{% macro w() %}{{ caller(1) }}{% endmacro %}"
                + "{% for x in [1] recursive %}{% call(y) w() %}{{ loop([x]) }}{% endcall %}{% endfor %}",
        ]
        let environment = Environment(loader: DictionaryLoader(templates))
        let names = Array(templates.keys).sorted()
        let messages = UnsafeMutableBufferPointer<String>.allocate(capacity: names.count)
        messages.initialize(repeating: "")
        defer { messages.deallocate() }
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            do {
                _ = try environment.render(names[i])
                messages[i] = "geen fout"
            } catch {
                messages[i] = (error as? Diagnostic)?.message ?? "\(error)"
            }
        }
        for (i, name) in names.enumerated() {
            XCTAssertTrue(messages[i].contains("te diepe nesting"), "\(name): \(messages[i])")
        }
    }

    func testDeepestAllowedNestingCompilesAndRendersOnWorkerThreads() {
        let depth = 100
        let nested =
            String(repeating: "{% if true %}", count: depth) + "{{ " + String(repeating: "(", count: 90) + "1"
            + String(repeating: ")", count: 90) + " }}" + String(repeating: "{% endif %}", count: depth)
        let environment = Environment(loader: DictionaryLoader(["diep.html": nested]))
        let results = UnsafeMutableBufferPointer<String>.allocate(capacity: 2)
        results.initialize(repeating: "")
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            results[i] = (try? environment.render("diep.html")) ?? "fout"
        }
        XCTAssertEqual(Array(results), ["1", "1"])
    }
}
