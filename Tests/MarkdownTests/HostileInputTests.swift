import Foundation
import XCTest
@testable import Markdown

/// cmark's pathological cases and md4c's extras, scaled down for a debug build. Each must finish well
/// within a generous limit, and doubling the input must not much more than double the time. The real
/// figures at full size come from `MarkdownBenchmark hostile` (release).
final class HostileInputTests: XCTestCase {
    struct Case {
        var name: String
        var make: (Int) -> String
        var size: Int
    }

    static func r(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

    static let cases: [Case] = [
        Case(name: "nested emphasis", make: { r("*a **a ", $0) + "b" + r(" a** a*", $0) }, size: 2_500),
        Case(name: "emphasis closers without openers", make: { r("a_ ", $0) }, size: 6_500),
        Case(name: "emphasis openers without closers", make: { r("_a ", $0) }, size: 6_500),
        Case(name: "link closers without openers", make: { r("a]", $0) }, size: 6_500),
        Case(name: "link openers without closers", make: { r("[a", $0) }, size: 6_500),
        Case(name: "mismatched openers and closers", make: { r("*a_ ", $0) }, size: 5_000),
        Case(name: "openers and closers multiple of 3", make: { "a**b" + r("c* ", $0) }, size: 5_000),
        Case(name: "link openers and emphasis closers", make: { r("[ a_", $0) }, size: 5_000),
        Case(name: "pattern [ (](", make: { r("[ (](", $0) }, size: 8_000),
        Case(name: "pattern ![[]()", make: { r("![[]()", $0) }, size: 16_000),
        Case(name: "nested brackets", make: { r("[", $0) + "a" + r("]", $0) }, size: 2_500),
        Case(name: "nested block quotes", make: { r("> ", $0) + "a\n" }, size: 2_500),
        Case(name: "nested lists", make: { r("- ", $0) + "a\n" }, size: 2_500),
        Case(name: "nested ordered lists", make: { r("1. ", $0) + "a\n" }, size: 2_500),
        Case(name: "stair-step lists", make: { n in (0..<n).map { r("  ", $0) + "* a\n" }.joined() }, size: 150),
        Case(name: "backticks", make: { n in (1...n).map { "e" + r("`", $0) }.joined() }, size: 500),
        Case(name: "unclosed links A", make: { r("[a](<b", $0) }, size: 3_000),
        Case(name: "unclosed links B", make: { r("[a](b", $0) }, size: 3_000),
        Case(name: "unclosed comments", make: { "</" + r("<!--", $0) }, size: 30_000),
        Case(name: "unclosed processing instructions", make: { "abc" + r("<?", $0) }, size: 30_000),
        Case(name: "unclosed declarations", make: { "abc" + r("<!A ", $0) }, size: 30_000),
        Case(name: "unclosed CDATA", make: { "abc" + r("<![CDATA[", $0) }, size: 20_000),
        Case(name: "reference labels", make: { n in
            (0..<n).map { "[\(r("x", $0 % 50))\($0)]: /u\($0)\n" }.joined() + (0..<n).map { "[\(r("x", $0 % 50))\($0)] " }.joined()
        }, size: 2_500),
        Case(name: "wide table", make: { n in "|" + r(" a |", n) + "\n|" + r("-|", n) + "\n" + r("|" + r(" b |", n) + "\n", 10) }, size: 500),
        Case(name: "strikethrough", make: { r("~a ~~b ", $0) }, size: 6_500),
        Case(name: "autolinks in text", make: { r("www.a.nl/b_c) http://x.y/z?a=b; a@b.cd ", $0) }, size: 3_000),
    ]

    /// Best of two, so a scheduling hiccup on a shared machine does not count.
    func time(_ input: String) -> Double {
        var best = Double.infinity
        for _ in 0..<2 {
            let start = Date()
            _ = Markdown.parse(input).html()
            best = min(best, Date().timeIntervalSince(start))
        }
        return best
    }

    func testHostileInputsStayFastAndLinear() {
        for c in Self.cases {
            let small = c.make(c.size)
            let large = c.make(c.size * 2)
            let t1 = time(small)
            let t2 = time(large)
            XCTAssertLessThan(t1, 5, "\(c.name): \(t1) s")
            // Generous: debug builds and a shared machine are noisy. Quadratic behaviour gives 4× per
            // doubling of the bytes, so compare time per byte.
            // Below 50 ms the ratio is mostly noise; a quadratic case at these sizes takes far longer.
            let perByte = (t2 / Double(large.utf8.count)) / (max(t1, 0.001) / Double(small.utf8.count))
            XCTAssertTrue(t2 < 0.05 || perByte < 3, "\(c.name): \(t1) s for n, \(t2) s for 2n")
        }
    }

    func testDeepNestingDoesNotOverflowASmallStack() {
        let depth = 25_000
        let inputs = [
            Self.r("> ", depth) + "a\n",
            Self.r("- ", depth) + "a\n",
            Self.r("*a ", depth) + "b" + Self.r(" a*", depth),
            Self.r("[", depth) + "a" + Self.r("](b)", depth),
        ]
        final class Box: @unchecked Sendable { var outputs: [Int] = [] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        // 512 KiB, the stack size of a Dispatch worker: a recursive walk of 25,000 levels would not fit.
        let thread = Thread {
            for input in inputs {
                let document = Markdown.parse(input)
                box.outputs.append(document.html().utf8.count + document.plainText.utf8.count + document.headings.count)
            }
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        XCTAssertEqual(done.wait(timeout: .now() + 120), .success)
        XCTAssertEqual(box.outputs.count, inputs.count)
        XCTAssertTrue(box.outputs.allSatisfy { $0 > 0 })
    }

    func testInvalidUTF8AndNULBecomeReplacementCharacters() {
        let bytes: [UInt8] = [0x61, 0x00, 0x62, 0xFF, 0x63, 0xC3, 0x28, 0xE2, 0x82, 0x0A, 0xF0, 0x9F, 0x98]
        let html = Markdown.parse(bytes).html()
        XCTAssertEqual(html, "<p>a\u{FFFD}b\u{FFFD}c\u{FFFD}(\u{FFFD}\n\u{FFFD}</p>\n")
        XCTAssertEqual(Markdown.html("a\u{0}b"), "<p>a\u{FFFD}b</p>\n")
        XCTAssertEqual(Markdown.parse([0xEF, 0xBB, 0xBF, 0x23, 0x20, 0x61]).html(), "<h1>a</h1>\n")
    }

    func testArbitraryBytesNeverCrash() {
        var state: UInt64 = 12345
        let alphabet = Array("*_[]()!<>`~|-#>:\\&;\n\t 1.a@w".utf8)
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<200 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            for options in [MarkdownOptions.default, .commonMark, MarkdownOptions(smartPunctuation: true, headingIDs: true, safe: true)] {
                let document = Markdown.parse(bytes, options: options)
                _ = document.html()
                _ = document.plainText
                _ = document.links
            }
        }
    }
}
