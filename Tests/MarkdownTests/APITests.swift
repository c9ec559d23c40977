import Foundation
import XCTest

@testable import Markdown

/// What the site, the templates and the report use: positions, headings, slugs, plain text, links,
/// the link resolver, options and the tree.
final class APITests: XCTestCase {
    func testSlugFoldsDiacriticsAndPunctuation() {
        XCTAssertEqual(Slug.make("Één stap"), "een-stap")
        XCTAssertEqual(Slug.make("  Wat is Housing First? (2024)  "), "wat-is-housing-first-2024")
        XCTAssertEqual(Slug.make("Café & crèche — naïef"), "cafe-creche-naief")
        XCTAssertEqual(Slug.make("Straße"), "strasse")
        XCTAssertEqual(Slug.make("’t Kan"), "t-kan")
        XCTAssertEqual(Slug.make("!!!"), "")
    }

    /// ASCII text takes a byte loop of its own: it gives what the Unicode rule gives (a combining accent
    /// on the end, which both rules drop, sends the same text down the Unicode path).
    func testASCIISlugsMatchTheUnicodeRule() {
        var samples = [
            "Wat is Housing First? (2024)", "Saids's plan", "a--b__c", "-x-", "  ", "ABC def 123", "it's_9-0!",
            "tab\there", "@[`{", "Z", "",
        ]
        samples.append(String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }))
        for text in samples {
            for asciiOnly in [false, true] {
                XCTAssertEqual(
                    Slug.make(text, asciiOnly: asciiOnly), Slug.make(text + "\u{301}", asciiOnly: asciiOnly),
                    "\(text.debugDescription), asciiOnly: \(asciiOnly)")
            }
        }
        XCTAssertEqual(Slug.make("it's_9-0!"), "its-9-0")
    }

    func testHeadingsHaveUniqueIDsAndPlainText() {
        let document = Markdown.parse(
            "# Één *stap*\n\ntekst\n\n## Één stap\n\nOverzicht\n---\n\n### `code` en [link](x)\n", firstLine: 10)
        let headings = document.headings
        XCTAssertEqual(headings.map(\.level), [1, 2, 2, 3])
        XCTAssertEqual(headings.map(\.text), ["Één stap", "Één stap", "Overzicht", "code en link"])
        XCTAssertEqual(headings.map(\.id), ["een-stap", "een-stap-2", "overzicht", "code-en-link"])
        XCTAssertEqual(headings.map(\.line), [10, 14, 16, 19])
    }

    func testHeadingIDsInHTML() {
        var options = MarkdownOptions()
        options.headingIDs = true
        XCTAssertEqual(
            Markdown.html("# Één stap\n# Één stap\n", options: options),
            "<h1 id=\"een-stap\">Één stap</h1>\n<h1 id=\"een-stap-2\">Één stap</h1>\n")
    }

    func testBlockPositionsCountFromFirstLine() {
        let document = Markdown.parse("# Titel\n\n> - een\n>   twee\n\n```swift\nx\n```\n", firstLine: 4)
        let blocks = document.root.children
        XCTAssertEqual(blocks.map(\.kind), [.heading, .blockQuote, .codeBlock])
        XCTAssertEqual(blocks.map(\.line), [4, 6, 9])
        let list = blocks[1].firstChild!
        XCTAssertEqual(list.kind, .list)
        XCTAssertEqual(list.column, 3)
        XCTAssertEqual(list.firstChild!.firstChild!.kind, .paragraph)
        XCTAssertEqual(list.firstChild!.firstChild!.column, 5)
        XCTAssertEqual(blocks[2].codeInfo, "swift")
        XCTAssertEqual(blocks[2].literal, "x\n")
    }

    func testLinksReportTheirSourcePosition() {
        let text = "---\ntitle: x\n---\n"
        let body =
            "Zie [Housing First](../best-practices/housing-first.md) en\n> ook ![beeld](img/één.png \"t\")\n\n- [ref][a]\n\n[a]: ../a.md\n"
        let document = Markdown.parse(body, firstLine: text.split(separator: "\n").count + 1)
        let links = document.links
        XCTAssertEqual(links.map(\.destination), ["../best-practices/housing-first.md", "img/één.png", "../a.md"])
        XCTAssertEqual(links.map(\.isImage), [false, true, false])
        XCTAssertEqual(links[0].position.line, 4)
        XCTAssertEqual(links[0].position.column, 21)
        XCTAssertEqual(links[1].position.line, 5)
        XCTAssertEqual(links[1].position.column, 16)
        XCTAssertEqual(links[2].position.line, 9)
        XCTAssertEqual(links[2].position.column, 6)
    }

    /// (kind, line, column) of every node of the given kinds, in document order.
    func positions(_ document: MarkdownDocument, _ kinds: Set<NodeKind>) -> [String] {
        var result: [String] = []
        document.root.walk { node, enter in
            if enter, kinds.contains(node.kind) { result.append("\(node.kind) \(node.line):\(node.column)") }
        }
        return result
    }

    func testInlineNodesCarryLineAndColumn() {
        // Two multibyte letters before the emphasis: columns count characters, not bytes. The body
        // starts on line 7 of its file (front matter above it).
        let body =
            "\u{C9}\u{E9}n *nadruk* en `code`, [link](a.md) ![beeld](b.png)\nzie **sterk** <https://x.nl> ~~weg~~\n"
        let document = Markdown.parse(body, firstLine: 7)
        XCTAssertEqual(
            positions(document, [.emphasis, .code, .link, .image, .strong, .strikethrough]),
            [
                "emphasis 7:5", "code 7:17", "link 7:25", "image 7:38", "strong 8:5", "link 8:15", "strikethrough 8:30",
            ])
        // The destinations keep their own positions (where a broken one is fixed).
        XCTAssertEqual(document.links.map { "\($0.position.line):\($0.position.column)" }, ["7:32", "7:47", "8:16"])
        let emphasis = document.root.firstChild!.children[1]
        XCTAssertEqual(emphasis.kind, .emphasis)
        XCTAssertEqual(emphasis.position, SourcePosition(line: 7, column: 5, offset: 6))
    }

    func testInlinePositionsInContainersAndLazyLines() {
        // The paragraph's lines are not contiguous in the source (the `>` and indentation come
        // between), so its text was copied: positions still point into the source.
        let document = Markdown.parse("> - een *twee*\n>   drie `vier`\nlui [x](y.md)\n")
        XCTAssertEqual(
            positions(document, [.emphasis, .code, .link, .paragraph, .item]),
            ["item 1:3", "paragraph 1:5", "emphasis 1:9", "code 2:10", "link 3:5"])
        XCTAssertEqual(document.links.map { "\($0.position.line):\($0.position.column)" }, ["3:9"])
        // After a decoded entity, in a heading, and a footnote reference (at its `[`).
        let more = Markdown.parse("a &amp; *b*\n\n## Kop `c`\n\nTekst[^1].\n\n[^1]: noot\n", firstLine: 3)
        XCTAssertEqual(
            positions(more, [.emphasis, .code, .footnoteReference, .heading]),
            ["emphasis 3:9", "heading 5:1", "code 5:8", "footnoteReference 7:6"])
        // Reference links start at their `[`; their destination is where the definition gives it.
        let reference = Markdown.parse("Zie [dit][d] en [dat].\n\n[d]: x.md\n[dat]: y.md\n")
        XCTAssertEqual(positions(reference, [.link]), ["link 1:5", "link 1:17"])
        XCTAssertEqual(reference.links.map { "\($0.position.line):\($0.position.column)" }, ["3:6", "4:8"])
    }

    func testLinkResolverRewritesDestinations() {
        let document = Markdown.parse("[HF](../best-practices/housing-first.md) [x](https://a.nl) ![i](p.png)\n")
        var seen: [String] = []
        let html = document.html { link in
            seen.append("\(link.destination)@\(link.position.line):\(link.position.column)")
            guard link.destination.hasSuffix(".md") else { return nil }
            return "/best-practices/housing-first/"
        }
        XCTAssertEqual(
            html,
            "<p><a href=\"/best-practices/housing-first/\">HF</a> <a href=\"https://a.nl\">x</a> <img src=\"p.png\" alt=\"i\" /></p>\n"
        )
        XCTAssertEqual(seen, ["../best-practices/housing-first.md@1:6", "https://a.nl@1:46", "p.png@1:65"])
    }

    func testPlainText() {
        let document = Markdown.parse(
            "# Kop\n\nEen *mooie*\nzin met `code` en [link](x).\n\n- een\n- twee\n\n| a | b |\n|---|---|\n| c | d |\n\n<div>html</div>\n"
        )
        XCTAssertEqual(document.plainText, "Kop\nEen mooie zin met code en link.\neen\ntwee\na b\nc d")
    }

    func testSmartPunctuation() {
        let options = MarkdownOptions(smartPunctuation: true)
        XCTAssertEqual(
            Markdown.html("\"Hallo,\" zei 'ie -- en toen --- niets... 't is 2012--2013\n", options: options),
            "<p>“Hallo,” zei ’ie – en toen — niets… ’t is 2012–2013</p>\n")
    }

    func testSafeModeDropsRawHTMLAndDangerousURLs() {
        let options = MarkdownOptions(safe: true)
        let html = Markdown.html(
            "<script>x</script>\n\na <b>b</b> [j](javascript:alert(1)) [d](data:text/html,x) ![p](data:image/png;base64,AA) [ok](https://a.nl)\n",
            options: options)
        XCTAssertEqual(
            html,
            "<!-- raw HTML omitted -->\n<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --> <a href=\"\">j</a> <a href=\"\">d</a> <img src=\"data:image/png;base64,AA\" alt=\"p\" /> <a href=\"https://a.nl\">ok</a></p>\n"
        )
    }

    func testCommonMarkModeHasNoExtensions() {
        XCTAssertEqual(
            Markdown.html("~~a~~ www.a.nl\n\n| a |\n| - |\n\n- [ ] b\n\n[^1]\n\n[^1]: c\n", options: .commonMark),
            "<p>~~a~~ www.a.nl</p>\n<p>| a |\n| - |</p>\n<ul>\n<li>[ ] b</li>\n</ul>\n<p><a href=\"c\">^1</a></p>\n")
    }

    func testTreeWalkAndNodeDetails() {
        let document = Markdown.parse(
            "1. [x] klaar\n2. [ ] niet\n\n| a | b |\n|:-|-:|\n| **c** | d |\n\nTekst[^n].\n\n[^n]: Noot.\n")
        var kinds: [NodeKind] = []
        document.root.walk { node, enter in if enter { kinds.append(node.kind) } }
        XCTAssertEqual(kinds.first, .document)
        XCTAssertTrue(kinds.contains(.footnoteReference))
        XCTAssertTrue(kinds.contains(.footnoteDefinition))
        let list = document.root.firstChild!
        XCTAssertTrue(list.isOrderedList)
        XCTAssertEqual(list.listStart, 1)
        XCTAssertTrue(list.isTightList)
        XCTAssertEqual(list.children.map { $0.taskChecked }, [true, false])
        let table = list.next!
        XCTAssertEqual(table.kind, .table)
        XCTAssertTrue(table.firstChild!.isHeaderRow)
        XCTAssertEqual(table.firstChild!.children.map(\.alignment), [.left, .right])
        XCTAssertEqual(table.lastChild!.firstChild!.firstChild!.kind, .strong)
        let paragraph = table.next!
        XCTAssertEqual(paragraph.children.map(\.kind), [.text, .footnoteReference, .text])
        XCTAssertEqual(paragraph.children[1].footnoteLabel, "n")
        XCTAssertEqual(
            document.html(),
            """
            <ol>
            <li><input type="checkbox" checked="" disabled="" /> klaar</li>
            <li><input type="checkbox" disabled="" /> niet</li>
            </ol>
            <table>
            <thead>
            <tr>
            <th align="left">a</th>
            <th align="right">b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left"><strong>c</strong></td>
            <td align="right">d</td>
            </tr>
            </tbody>
            </table>
            <p>Tekst<sup class="footnote-ref"><a href="#fn1" id="fnref1">1</a></sup>.</p>
            <section class="footnotes">
            <ol>
            <li id="fn1">
            <p>Noot. <a href="#fnref1" class="footnote-backref">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    func testKind7HTMLDoesNotInterruptALazyParagraph() {
        XCTAssertEqual(
            Markdown.html("- a\n<a href=\"x\">\n", options: .commonMark),
            "<ul>\n<li>a\n<a href=\"x\"></li>\n</ul>\n")
        XCTAssertEqual(
            Markdown.html("> a\n<span>\n", options: .commonMark),
            "<blockquote>\n<p>a\n<span></p>\n</blockquote>\n")
    }

    func testParallelParsingGivesTheSameResult() {
        // The site renders pages in parallel; the entity table and other shared state are built once.
        let text = "# Kop &eacute;\n\n*a* [b](c.md) &amp; &copy; www.x.nl\n\n| a |\n|---|\n| b |\n"
        let expected = Markdown.html(text, options: MarkdownOptions(headingIDs: true))
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var all: [String] = []
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let html = Markdown.parse(text, options: MarkdownOptions(headingIDs: true)).html()
            results.lock.lock()
            results.all.append(html)
            results.lock.unlock()
        }
        XCTAssertEqual(results.all.count, 16)
        XCTAssertTrue(results.all.allSatisfy { $0 == expected })
    }

    func testRepeatedFootnoteReferences() {
        let html = Markdown.html("a[^x] b[^x]\n\n[^x]: Noot.\n")
        XCTAssertTrue(html.contains("<a href=\"#fn1\" id=\"fnref1\">1</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"#fn1\" id=\"fnref1-2\">1</a>"), html)
        XCTAssertTrue(
            html.contains(
                "<a href=\"#fnref1\" class=\"footnote-backref\">↩</a> <a href=\"#fnref1-2\" class=\"footnote-backref\">↩</a>"
            ), html)
    }
}
