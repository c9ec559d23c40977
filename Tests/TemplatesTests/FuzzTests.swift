import Diagnostics
import Templates
import XCTest

/// Random token soup (fixed seed, so deterministic): every template either renders or gives a
/// diagnostic; none may crash or hang.
final class FuzzTests: XCTestCase {
    private static let fragments = [
        "{{", "}}", "{%", "%}", "{#", "#}", "-", "for", "x", "in", "xs", "if", "else", "elif", "endif", "endfor",
        "set", "=", "==", "|", "upper", "join", "sort", "(", ")", "[", "]", "{", "}", "'a'", "\"b\"", "1", "2.5",
        ",", ":", ".", "~", "**", "//", "%", "*", "not", "and", "or", "is", "defined", "none", "macro", "endmacro",
        "call", "endcall", "caller", "block", "endblock", "include", "'p.html'", "extends", "raw", "endraw",
        "loop", "index", "cycle", "range", "d", "items", "with", "endwith", "filter", "endfilter", "recursive",
        "namespace", "ns", "format", "'{}'", "*", "truncate", "batch", "slice", " ", "\n", "tekst ",
    ]

    func testRandomTemplatesNeverCrash() {
        var state: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var rendered = 0
        var failed = 0
        for _ in 0..<3000 {
            var source = ""
            for _ in 0..<(3 + next(25)) {
                source += Self.fragments[next(Self.fragments.count)] + (next(3) == 0 ? "" : " ")
            }
            let environment = Environment(
                loader: DictionaryLoader(["page.html": source, "p.html": "[{{ x|default('') }}]"]))
            do {
                _ = try environment.render("page.html", context: ["xs": [1, "<a>", 2.5], "x": "x", "d": ["k": 1]])
                rendered += 1
            } catch is Diagnostic {
                failed += 1
            } catch {
                XCTFail("not a Diagnostic for \(source.debugDescription): \(error)")
            }
        }
        XCTAssertEqual(rendered + failed, 3000)
        XCTAssertGreaterThan(rendered, 100, "the fuzzer should also produce valid templates")
    }
}
