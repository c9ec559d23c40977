import Foundation
import XCTest

@testable import Markdown

/// Documents of 1 MiB and more are parsed block by block first: rendering parses each leaf block's
/// inlines and drops them again, and the first use of the tree parses them all. Whatever the order,
/// the HTML and the tree must be those of a document parsed whole.
final class DeferredInlineTests: XCTestCase {
    /// Every kind of inline, in every kind of leaf block: headings (repeated, with markup, inside a
    /// footnote), tables, footnotes referenced twice and from another footnote, reference links,
    /// entities, code spans over a line break, autolinks, task items, lazy lines in containers.
    static let sample = """
        # Één *stap* &amp; `code`

        Tekst met [een link](a.md "titel"), ![beeld *mooi*](b.png), <https://x.nl>, www.voorbeeld.nl en
        een voetnoot[^n] en nog eens[^n], "quotes" -- en... `code
        over twee regels`.\\
        Harde regel, **sterk *en nadruk***, ~~weg~~, <span>html</span>.

        ## Één stap

        > - [ ] taak met [ref][r]
        >   lui vervolg &copy; *x*
        > - [x] klaar
        lui

        | kop | *b* |
        | :-- | --: |
        | `c` | [d](e.md) |
        | f \\| g | h |

        Overzicht
        ---

        ```swift
        let x = 1 < 2
        ```

        [^n]: Noot met een [link](c.md) en [^m].

            # Kop in een voetnoot

        [^m]: Tweede noot.

        [r]: https://r.nl "R"

        ## Één stap

        """

    static let optionSets: [MarkdownOptions] = [
        .default, .commonMark,
        MarkdownOptions(smartPunctuation: true, headingIDs: true),
        MarkdownOptions(footnotes: false, headingIDs: true, safe: true),
        MarkdownOptions(gfm: false, footnotes: false, smartPunctuation: true, headingIDs: true),
    ]

    func whole(_ text: String, _ options: MarkdownOptions) -> MarkdownDocument {
        Markdown.parse(SourceText(text), options: options, firstLine: 3, deferInlines: false)
    }

    func deferred(_ text: String, _ options: MarkdownOptions) -> MarkdownDocument {
        Markdown.parse(SourceText(text), options: options, firstLine: 3, deferInlines: true)
    }

    /// What the tree API says about a document, as text.
    func treeSummary(_ document: MarkdownDocument) -> [String] {
        var result: [String] = []
        document.root.walk { node, enter in
            guard enter else { return }
            result.append("\(node.kind) \(node.line):\(node.column) \(node.literal) \(node.destination ?? "")")
        }
        result += document.headings.map { "\($0.level) \($0.text) \($0.id) \($0.line)" }
        result += document.links.map { "\($0.destination) \($0.position.line):\($0.position.column)" }
        result.append(document.plainText)
        return result
    }

    func testRenderingPerLeafBlockGivesTheHTMLOfTheWholeTree() {
        for options in Self.optionSets {
            let expected = whole(Self.sample, options).html()
            let document = deferred(Self.sample, options)
            XCTAssertEqual(document.html(), expected, "\(options)")
            // Rendering left the document as it was: again, then from the whole tree.
            XCTAssertEqual(document.html(), expected, "\(options)")
            XCTAssertEqual(treeSummary(document), treeSummary(whole(Self.sample, options)), "\(options)")
            XCTAssertEqual(document.html(), expected, "\(options)")
        }
    }

    func testTreeFirstThenHTML() {
        let options = MarkdownOptions(smartPunctuation: true, headingIDs: true)
        let document = deferred(Self.sample, options)
        XCTAssertEqual(treeSummary(document), treeSummary(whole(Self.sample, options)))
        XCTAssertEqual(document.html(), whole(Self.sample, options).html())
    }

    func testLinkResolverSeesTheWholeTree() {
        let document = deferred(Self.sample, .default)
        var seen: [String] = []
        let html = document.html { link in
            seen.append("\(link.destination) \(link.position.line):\(link.position.column)")
            return link.destination.hasSuffix(".md") ? "/x/" : nil
        }
        var expectedSeen: [String] = []
        let expected = whole(Self.sample, .default).html { link in
            expectedSeen.append("\(link.destination) \(link.position.line):\(link.position.column)")
            return link.destination.hasSuffix(".md") ? "/x/" : nil
        }
        XCTAssertEqual(html, expected)
        XCTAssertEqual(seen, expectedSeen)
        XCTAssertTrue(seen.contains("a.md 5:22"), "\(seen)")
    }

    func testLargeInputIsDeferredAndRendersTheSame() {
        // Just over the threshold, through the public API (String and bytes).
        var text = ""
        while text.utf8.count < Markdown.deferredInlinesSize { text += Self.sample }
        let parsedWhole = whole(text, .default)
        let expected = parsedWhole.html()
        XCTAssertEqual(Markdown.html(text), expected)
        let document = Markdown.parse(Array(text.utf8))
        XCTAssertEqual(HTMLRenderer().renderBytes(document), Array(expected.utf8))
        XCTAssertEqual(document.headings.map(\.id), parsedWhole.headings.map(\.id))
    }

    func testThreadsSharingADeferredDocument() {
        let options = MarkdownOptions(smartPunctuation: true, headingIDs: true)
        let expectedHTML = whole(Self.sample, options).html()
        let expectedTree = treeSummary(whole(Self.sample, options))
        for _ in 0..<4 {
            let document = deferred(Self.sample, options)
            final class Results: @unchecked Sendable {
                let lock = NSLock()
                var mismatches = 0
                func note(_ same: Bool) {
                    lock.lock()
                    if !same { mismatches += 1 }
                    lock.unlock()
                }
            }
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 12) { k in
                if k % 3 == 2 {
                    results.note(self.treeSummary(document) == expectedTree)
                } else {
                    results.note(document.html() == expectedHTML)
                    results.note(document.position(ofSourceOffset: 10).line == 3)
                }
            }
            XCTAssertEqual(results.mismatches, 0)
        }
    }

    func testStringAndBytesInputAgree() {
        // A byte order mark is dropped, NUL becomes U+FFFD, carriage returns end lines.
        for text in ["\u{FEFF}# Kop\r\n\r\nTekst\u{0}\rmeer\n", "a\u{0}b", "", "x"] {
            let fromBytes = Markdown.parse(Array(text.utf8))
            let fromString = Markdown.parse(text)
            XCTAssertEqual(fromString.html(), fromBytes.html())
            XCTAssertEqual(treeSummary(fromString), treeSummary(fromBytes))
        }
        XCTAssertEqual(
            Markdown.html("\u{FEFF}# Kop\r\n\r\nTekst\u{0}\rmeer\n"), "<h1>Kop</h1>\n<p>Tekst\u{FFFD}\nmeer</p>\n")
    }

    func testLineStartsFollowEveryKindOfLineEnding() {
        XCTAssertEqual(
            "a\nb\r\nc\rd\n".utf8CString.withUnsafeBufferPointer { p in
                LineStarts.of(Bytes(rebasing: UnsafeRawBufferPointer(p).bindMemory(to: UInt8.self)[0..<(p.count - 1)]))
            }, [0, 2, 5, 7, 9])
        XCTAssertEqual(Array("a\nb".utf8).withUnsafeBufferPointer { LineStarts.of($0) }, [0, 2])
        XCTAssertEqual(Array("".utf8).withUnsafeBufferPointer { LineStarts.of($0) }, [0])
        let document = Markdown.parse("een\r\ntwee\rdrie *x*\n", firstLine: 5)
        XCTAssertEqual(document.root.lastChild!.lastChild!.position, SourcePosition(line: 7, column: 6, offset: 15))
    }

    func testStringResultKeepsCharactersSplitBetweenPieces() {
        let bytes: [UInt8] = Array("aé€😀".utf8)  // 1, 2, 3 and 4 bytes
        bytes.withUnsafeBufferPointer { p in
            XCTAssertEqual(HTMLRenderer.endOfLastCompleteCharacter(p, from: 0), 10)
            for cut in 0...10 {
                let end = HTMLRenderer.endOfLastCompleteCharacter(Bytes(rebasing: p[0..<cut]), from: 0)
                XCTAssertTrue([0, 1, 3, 6, 10].contains(end) && end <= cut && cut - end < 4, "cut \(cut): \(end)")
            }
        }
        // Many non-ASCII characters, so pieces of 64 KiB end anywhere: the String equals the bytes.
        let text = String(repeating: "Één *stap* — één 😀 stap `€`\n\n", count: 8000)
        let document = Markdown.parse(text)
        XCTAssertEqual(Array(document.html().utf8), HTMLRenderer().renderBytes(document))
    }
}
