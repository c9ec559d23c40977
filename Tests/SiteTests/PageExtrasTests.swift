import Foundation
import Markdown
import XCTest

@testable import ContentModel
@testable import Site

/// What the site adds to pages: heading anchors and tables of contents on Markdown bodies, scrolling
/// boxes for their tables, the JSON-LD descriptions and the edit links.
final class PageExtrasTests: XCTestCase {
    private func decorate(_ markdown: String) -> (html: String, toc: [TOCEntry]) {
        let document = Markdown.parse(markdown, options: MarkdownBridge.options)
        return BodyDecoration.decorate(Array(document.html().utf8), headings: document.headings)
    }

    func testHeadingsGetAnAnchorAndTheContentsNestTheSubheadings() {
        let (html, toc) = decorate(
            "## Aanpak & doel\n\nTekst.\n\n### Eerste stap\n\n### Tweede `<stap>`\n\n## Aanpak & doel\n\n#### Diep\n")
        XCTAssertEqual(
            toc,
            [
                TOCEntry(
                    id: "aanpak-doel", title: "Aanpak & doel",
                    children: [
                        TOCEntry(id: "eerste-stap", title: "Eerste stap"),
                        TOCEntry(id: "tweede-stap", title: "Tweede <stap>"),
                    ]),
                TOCEntry(id: "aanpak-doel-2", title: "Aanpak & doel"),
            ])
        XCTAssertTrue(
            html.contains(
                ##"<div class="kop kop-2"><h2 id="aanpak-doel">Aanpak &amp; doel</h2><a class="anker" href="#aanpak-doel"><span aria-hidden="true">#</span><span class="visually-hidden">Link naar dit onderdeel: Aanpak &amp; doel</span></a></div>"##
            ),
            html)
        XCTAssertTrue(html.contains(#"<h2 id="aanpak-doel-2">"#))
        XCTAssertTrue(html.contains(##"href="#aanpak-doel-2""##))
        XCTAssertTrue(html.contains("Link naar dit onderdeel: Tweede &lt;stap&gt;"), "the hidden text is escaped")
        XCTAssertTrue(html.contains(#"<div class="kop kop-4"><h4 id="diep">Diep</h4>"#), "every level gets its anchor")
        XCTAssertEqual(html.components(separatedBy: "class=\"anker\"").count - 1, 5)
        XCTAssertTrue(html.contains("<p>Tekst.</p>"))
    }

    func testTablesScrollInANamedBoxAndRawHTMLIsLeftAlone() {
        let (html, toc) = decorate(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n<table class=\"eigen\"><tr><td>x</td></tr></table>\n\n| c |\n|---|\n| 3 |\n"
        )
        XCTAssertEqual(toc, [])
        XCTAssertTrue(
            html.hasPrefix(
                "<div class=\"table-scroll\" role=\"region\" aria-label=\"Tabel 1\" tabindex=\"0\">\n<table>\n"), html)
        XCTAssertTrue(html.contains("</table>\n</div>\n"))
        XCTAssertTrue(html.contains("aria-label=\"Tabel 2\""))
        XCTAssertTrue(html.contains("<table class=\"eigen\"><tr><td>x</td></tr></table>"))
        XCTAssertEqual(html.components(separatedBy: "<div").count, html.components(separatedBy: "</div>").count)
    }

    /// Found on the wijkkracht fixture: a table with right-aligned columns (`| ---: |`) gave `align="right"`,
    /// obsolete in HTML and an error for the Nu HTML Checker. The alignment is CSS now.
    func testColumnAlignmentIsCSSNotTheObsoleteAttribute() {
        let (html, _) = decorate(
            "| Wijk | Aantal | Midden | Links |\n|---|---:|:---:|:---|\n| Zuilen | 1.615 | x | y |\n")
        XCTAssertFalse(html.contains("align=\""), html)
        XCTAssertTrue(html.contains("<th style=\"text-align: right\">Aantal</th>"), html)
        XCTAssertTrue(html.contains("<td style=\"text-align: right\">1.615</td>"), html)
        XCTAssertTrue(html.contains("<td style=\"text-align: center\">x</td>"), html)
        XCTAssertTrue(html.contains("<td style=\"text-align: left\">y</td>"), html)
        XCTAssertTrue(html.contains("<td>Zuilen</td>"), html)
    }

    /// Headings and tables taken turn about: each gets its box in document order, and the table tags are
    /// looked for again only once passed.
    func testHeadingsBetweenTablesKeepTheirOrder() {
        let (html, toc) = decorate(
            "## Een\n\n| a |\n|---|\n| 1 |\n\n## Twee\n\nTekst.\n\n| b |\n|---:|\n| 2 |\n\n### Drie\n\nEinde.\n")
        XCTAssertEqual(toc.map(\.id), ["een", "twee"])
        XCTAssertEqual(toc.last?.children.map(\.id), ["drie"])
        let markers = [
            #"<div class="kop kop-2"><h2 id="een">"#, #"aria-label="Tabel 1""#, "<td>1</td>", "</table>\n</div>\n",
            #"<div class="kop kop-2"><h2 id="twee">"#, "<p>Tekst.</p>", #"aria-label="Tabel 2""#,
            #"<td style="text-align: right">2</td>"#, "</table>\n</div>\n", #"<div class="kop kop-3"><h3 id="drie">"#,
            "<p>Einde.</p>",
        ]
        var from = html.startIndex
        for marker in markers {
            guard let range = html.range(of: marker, range: from..<html.endIndex) else {
                return XCTFail("\(marker) not found in order in \(html)")
            }
            from = range.upperBound
        }
        XCTAssertEqual(html.components(separatedBy: "<div").count, html.components(separatedBy: "</div>").count)
    }

    func testABodyWithoutHeadingsOrTablesIsUnchanged() {
        let document = Markdown.parse("Alleen *tekst*.\n", options: MarkdownBridge.options)
        XCTAssertEqual(
            BodyDecoration.decorate(Array(document.html().utf8), headings: document.headings).html, document.html())
    }

    func testStructuredDataIsValidJSONAndStaysInsideItsScriptElement() throws {
        var site = SiteSettings(
            title: "Brein </script><script>alert(1)</script>", baseURL: "https://example.org/brein/", language: "nl")
        site.organisation = Organisation(name: "Alliantie \"A\"", city: "Den Haag", email: "info@example.org")
        let routes = Routes(baseURL: site.baseURL)
        let home = StructuredData.home(site, routes: routes)
        XCTAssertFalse(home.contains("</script>"), "< and > are escaped inside the script element")
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(home.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["@context"] as? String, "https://schema.org")
        let graph = try XCTUnwrap(parsed["@graph"] as? [[String: Any]])
        XCTAssertEqual(graph.first?["@type"] as? String, "Organization")
        XCTAssertEqual(graph.first?["name"] as? String, "Alliantie \"A\"")
        XCTAssertEqual((graph.first?["address"] as? [String: Any])?["addressLocality"] as? String, "Den Haag")
        XCTAssertEqual(graph.last?["name"] as? String, "Brein </script><script>alert(1)</script>")

        var date = ContentDate(year: 2023, month: 3, day: 14)
        date.hour = 19
        date.minute = 30
        let activity = Activity(
            info: ItemInfo(slug: "buurtavond", file: "content/activities/buurtavond.md"), title: "Buurtavond",
            date: date, theme: "wonen", format: "fysiek", location: "Buurthuis, Utrecht", partners: [],
            goal: "Praten.\n", outcome: nil)
        let event = try XCTUnwrap(
            try JSONSerialization.jsonObject(
                with: Data(StructuredData.event(activity, theme: "Wonen", site: site, routes: routes).utf8))
                as? [String: Any])
        XCTAssertEqual(event["@type"] as? String, "Event")
        XCTAssertEqual(event["startDate"] as? String, "2023-03-14T19:30")
        XCTAssertEqual(event["description"] as? String, "Praten.")
        XCTAssertEqual(event["url"] as? String, "https://example.org/brein/activiteiten/buurtavond/")
        XCTAssertEqual((event["location"] as? [String: Any])?["name"] as? String, "Buurthuis, Utrecht")
    }

    func testEditLinksJoinTheEditorAddressAndTheFile() {
        XCTAssertEqual(
            EditLinks.url(for: "content/themes/onderwijs.md", editURL: "https://github.com/org/site/edit/main/"),
            "https://github.com/org/site/edit/main/content/themes/onderwijs.md")
        XCTAssertEqual(
            EditLinks.url(for: "content/pages/één pagina.md", editURL: "https://gitlab.example/-/edit/main/site"),
            "https://gitlab.example/-/edit/main/site/content/pages/%C3%A9%C3%A9n%20pagina.md")
        XCTAssertNil(EditLinks.url(for: "content/themes/onderwijs.md", editURL: nil))
    }

    func testHostOfABaseURL() {
        XCTAssertEqual(Routes.host(of: "https://example.org/brein/"), "example.org")
        XCTAssertEqual(Routes.host(of: "http://localhost:8080/"), "localhost")
        XCTAssertEqual(Routes.host(of: "/"), "localhost")
    }
}
