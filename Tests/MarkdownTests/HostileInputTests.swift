import Foundation
import MarkdownHostileInputs
import XCTest

@testable import Markdown

/// The hostile inputs of `MarkdownHostileInputs` (cmark's pathological cases, md4c's extras, ours) at a
/// tenth of their full size, for a debug build. Each must finish well within a generous limit, and
/// doubling the input must not much more than double the time. The real figures at full size come
/// from `bench-markdown hostile` (release).
final class HostileInputTests: XCTestCase {
    static func r(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

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
        for c in HostileInput.all {
            let n = max(1, c.size / 10)
            let small = c.make(n)
            let large = c.make(n * 2)
            let t1 = time(small)
            let t2 = time(large)
            XCTAssertLessThan(t1, 5, "\(c.name): \(t1) s")
            // Generous: debug builds and a shared machine are noisy. Quadratic behaviour gives 4× per
            // doubling of the bytes, so compare time per byte (two cases grow faster than n by design).
            // Below 50 ms the ratio is mostly noise; a quadratic case at these sizes takes far longer.
            let perByte = (t2 / Double(large.utf8.count)) / (max(t1, 0.001) / Double(small.utf8.count))
            XCTAssertTrue(t2 < 0.05 || perByte < 3, "\(c.name): \(t1) s for n, \(t2) s for 2n")
        }
    }

    /// A CR line ending and a vertical tab after the delimiter row's dash: cmark-gfm (0.29.0.gfm.6)
    /// makes the first line a paragraph, the second the header and every later line a body row, with
    /// the vertical tab kept in the cell. The expected HTML is what it writes.
    func testTableWithCarriageReturnAndVerticalTabMatchesCmarkGFM() {
        func expected(_ n: Int) -> String {
            "<p>aaa</p>\n<table>\n<thead>\n<tr>\n<th>bbb</th>\n</tr>\n</thead>\n"
                + (n > 1
                    ? "<tbody>\n"
                        + Self.r(
                            "<tr>\n<td>aaa</td>\n</tr>\n<tr>\n<td>bbb</td>\n</tr>\n<tr>\n<td>-\u{0B}</td>\n</tr>\n",
                            n - 1) + "</tbody>\n" : "")
                + "</table>\n"
        }
        for n in [1, 3, 30_000] {
            let html = Markdown.html(Self.r("aaa\rbbb\n-\u{0B}\n", n))
            XCTAssertTrue(html == expected(n), "n = \(n): \(html.prefix(300))")
        }
        XCTAssertEqual(
            Markdown.html("a | b\n\u{0C}-|-\u{0B}\u{0C}\nc | d\n"),
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n"
        )
    }

    /// The two inputs whose empty lines used to walk all 60,000 open blocks each: the lists must still
    /// come out right (one item per level, loose only where the blank lines are).
    func testEmptyLinesAfterDeeplyNestedListsStayCorrect() {
        for depth in [1, 2, 3, 40] {
            let list = Self.r("<ul>\n<li>\n", depth - 1) + "<ul>\n<li>x" + Self.r("</li>\n</ul>\n", depth)
            XCTAssertEqual(Markdown.html(Self.r("- ", depth) + "x" + Self.r("\n", 5)), list, "depth \(depth)")
            let quoted = Markdown.html("> " + Self.r("- ", depth) + "x\n" + Self.r(">\n", 5) + "> y\n")
            XCTAssertEqual(quoted, "<blockquote>\n" + list + "<p>y</p>\n</blockquote>\n", "quoted, depth \(depth)")
        }
        // Blank lines between items make a list loose, at the right level only.
        XCTAssertEqual(
            Markdown.html("- a\n  - b\n\n\n  - c\n- d\n"),
            "<ul>\n<li>a\n<ul>\n<li>\n<p>b</p>\n</li>\n<li>\n<p>c</p>\n</li>\n</ul>\n</li>\n<li>d</li>\n</ul>\n")
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
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            for options in [
                MarkdownOptions.default, .commonMark,
                MarkdownOptions(smartPunctuation: true, headingIDs: true, safe: true),
            ] {
                let document = Markdown.parse(bytes, options: options)
                _ = document.html()
                _ = document.plainText
                _ = document.links
            }
        }
    }
}
