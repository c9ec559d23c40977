import ContentModel
import Diagnostics
import Foundation
import XCTest

@testable import Site

/// The Markdown checks of a body (broken content links, images without alt text) report at the exact
/// line and column in the file: after front matter, after multibyte characters, and for every image
/// whatever else the body holds.
final class MarkdownDiagnosticsTests: XCTestCase {
    func diagnostics(_ text: String, firstLine: Int) -> [String] {
        let urls = ["best-practices/bestaat.md": "/best-practices/bestaat/"]
        let renderer = BodyRenderer(links: LinkResolver(urls: urls)) { path in
            SiteData.link(to: path, urls: urls, root: URL(fileURLWithPath: "/nonexistent-site"))
        }
        MarkdownBridge.check(
            MarkdownBody(text: text, firstLine: firstLine), file: "content/themes/wonen.md", renderer: renderer)
        // Severity, line:column and the destination the message names (between its first quotes).
        return renderer.diagnostics.map {
            "\($0.severity) \($0.line ?? 0):\($0.column ?? 0) \($0.message.split(separator: "'", omittingEmptySubsequences: false)[1])"
        }
    }

    func testLinkAndImageDiagnosticsPointAtTheirColumn() {
        // Line 5 of the file is the body's first line (four lines of front matter above it).
        let body = """
            Één café: [kapot](../best-practices/weg.md) en [goed](../best-practices/bestaat.md).
            Ook ![](leeg.png) en ![Kaart van Breda](kaart.png) en ![  ](spaties.png)
            """
        XCTAssertEqual(
            diagnostics(body + "\n", firstLine: 5),
            [
                // "Één café: [kapot](" is 18 characters (21 bytes) before the destination.
                "error 5:19 ../best-practices/weg.md",
                "warning 6:5 leeg.png",
                "warning 6:55 spaties.png",
            ])
    }

    /// An image inside a link and an image in a footnote: each checked at its own place, and the
    /// check no longer depends on lists of images and alt texts having the same length.
    func testEveryImageIsCheckedAtItsOwnPlace() {
        let body = "[![](a.png)](x.md)[^n] en ![b](b.png)\n\n[^n]: ![](c.png)\n"
        XCTAssertEqual(
            diagnostics(body, firstLine: 1),
            [
                "warning 1:2 a.png",
                "error 1:14 x.md",
                "warning 3:7 c.png",
            ])
    }
}
