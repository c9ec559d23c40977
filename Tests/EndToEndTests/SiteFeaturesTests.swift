import Foundation
import XCTest

/// What a site gives visitors and editors beyond its pages, on a site written from docs/content.md:
/// redirect pages for `aliases:`, warnings for addresses claimed twice, "Bewerk deze pagina" with
/// `editURL`, heading anchors and a table of contents, the calendar feed and JSON-LD.
final class SiteFeaturesTests: XCTestCase {
    private var site: URL!

    override func setUpWithError() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-features-\(UUID().uuidString)")
        try write(
            "content/site.yml",
            """
            title: Wijkbrein
            baseURL: https://wijk.example.org/brein/
            language: nl
            editURL: https://github.com/wijk/site/edit/main/
            organisation:
              name: Stichting Wijk
              email: info@wijk.example.org

            """)
        try write(
            "content/themes/wonen.md",
            """
            ---
            title: Wonen
            period: "2020"
            aliases: [/thema-wonen/, /oud/wonen.html]
            ---
            Over wonen.

            """)
        try write(
            "content/best-practices/knarrenhof.md",
            """
            ---
            title: Knarrenhof
            date: 2020-05-01
            themes: [wonen]
            places: [Zwolle]
            status: actief
            summary: Ouderen wonen samen in een hofje.
            tags: [ouderen, samen wonen]
            aliases: ["best-practices/knarren-hof/"]
            ---
            ## Aanpak

            Een hofje met gemeenschappelijke tuin.

            ### Wie doen mee

            Bewoners en een woningcorporatie.

            ## Resultaat

            | Jaar | Woningen |
            |------|----------|
            | 2020 | 24 |

            """)
        try write(
            "content/activities/2020-06-10-open-dag.md",
            """
            ---
            title: Open dag in het hofje
            date: 2020-06-10T14:00:00
            theme: wonen
            format: fysiek
            location: Knarrenhof, Zwolle
            goal: Laten zien hoe het hofje werkt.
            ---

            """)
        try write(
            "content/pages/contact.md",
            """
            ---
            title: Contact
            aliases: [/best-practices/knarren-hof/]
            ---
            Bel ons.

            """)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: site)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func output(_ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent("output/" + path), encoding: .utf8)
    }

    func testAliasesWriteRedirectPagesAndCheckWarnsAboutAddressesClaimedTwice() throws {
        let build = try BreingenProcess.run(["build", "--root", site.path])
        XCTAssertEqual(build.status, 0, build.stderr)
        let redirect = try output("thema-wonen/index.html")
        XCTAssertTrue(
            redirect.contains(#"<meta http-equiv="refresh" content="0; url=/brein/themas/wonen/">"#), redirect)
        XCTAssertTrue(redirect.contains(#"<link rel="canonical" href="https://wijk.example.org/brein/themas/wonen/">"#))
        XCTAssertTrue(
            redirect.contains(#"<a href="/brein/themas/wonen/">https://wijk.example.org/brein/themas/wonen/</a>"#))
        XCTAssertTrue(redirect.contains(#"<meta name="robots" content="noindex">"#))
        XCTAssertTrue(try output("oud/wonen.html").contains("url=/brein/themas/wonen/"), "a file name stays a file")
        // Two claims of one address: the first alias in content order gets it, check names the other.
        XCTAssertTrue(
            try output("best-practices/knarren-hof/index.html").contains("url=/brein/best-practices/knarrenhof/"))
        let sitemap = try output("sitemap.xml")
        XCTAssertFalse(sitemap.contains("thema-wonen"), "redirect pages are not in the sitemap")

        let check = try BreingenProcess.run(["check", "--root", site.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(
            check.stderr.contains(
                "content/pages/contact.md: warning: alias /best-practices/knarren-hof/ staat ook bij content/best-practices/knarrenhof.md; alleen de eerste verwijst door"
            ),
            check.stderr)
        XCTAssertTrue(
            check.stderr.contains(
                "warning: de site heeft geen toegankelijkheidsverklaring (content/pages/toegankelijkheid.md)"))

        // An alias on the address of a real page writes nothing; a free page named like a section clashes.
        try write("content/pages/tags.md", "---\ntitle: Tags\naliases: [/contact/]\n---\nTekst.\n")
        let clash = try BreingenProcess.run(["check", "--root", site.path])
        XCTAssertTrue(
            clash.stderr.contains(
                "content/pages/tags.md: warning: alias /contact/ is al het adres van de pagina van content/pages/contact.md"
            ), clash.stderr)
        XCTAssertTrue(
            clash.stderr.contains("content/pages/tags.md: warning: het adres /tags/ is van twee pagina's tegelijk"),
            clash.stderr)
        XCTAssertEqual(try BreingenProcess.run(["build", "-q", "--root", site.path]).status, 0)
        XCTAssertTrue(try output("contact/index.html").contains("Bel ons."), "the page keeps its address")

        // A bad alias is an error at its line.
        try write("content/pages/tags.md", "---\ntitle: Tags\naliases: [\"https://elders.example/x\"]\n---\n")
        let bad = try BreingenProcess.run(["check", "--root", site.path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(
            bad.stderr.contains(
                "content/pages/tags.md:3:11: error: alias 'https://elders.example/x': een alias is een adres op deze site"
            ), bad.stderr)
    }

    func testEditLinksAnchorsContentsCalendarAndStructuredData() throws {
        let build = try BreingenProcess.run(["build", "--root", site.path])
        XCTAssertEqual(build.status, 0, build.stderr)
        let practice = try output("best-practices/knarrenhof/index.html")
        XCTAssertTrue(
            practice.contains(
                #"<p class="edit-link"><a href="https://github.com/wijk/site/edit/main/content/best-practices/knarrenhof.md">Bewerk deze pagina</a></p>"#
            ))
        XCTAssertTrue(
            practice.contains(#"<body class="soort-best-practice" data-bron="content/best-practices/knarrenhof.md">"#))
        XCTAssertTrue(
            practice.contains(##"<div class="kop kop-2"><h2 id="aanpak">Aanpak</h2><a class="anker" href="#aanpak">"##))
        XCTAssertTrue(practice.contains(#"<span class="visually-hidden">Link naar dit onderdeel: Wie doen mee</span>"#))
        // Three headings in the text: a table of contents, the subheading nested.
        XCTAssertTrue(practice.contains(#"<nav class="toc" aria-labelledby="toc-titel">"#))
        XCTAssertTrue(
            practice.contains(
                "<li><a href=\"#aanpak\">Aanpak</a>\n<ol>\n<li><a href=\"#wie-doen-mee\">Wie doen mee</a></li>"))
        XCTAssertTrue(practice.contains(#"<div class="table-scroll" role="region" aria-label="Tabel 1" tabindex="0">"#))
        XCTAssertTrue(practice.contains(#"<meta property="og:type" content="article">"#))
        XCTAssertTrue(
            practice.contains(
                #"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Knarrenhof""#
            ))
        // List pages have no content file, so no edit link; the theme (two headings at most) no contents.
        XCTAssertFalse(try output("best-practices/index.html").contains("Bewerk deze pagina"))
        XCTAssertTrue(try output("themas/wonen/index.html").contains("content/themes/wonen.md\">Bewerk deze pagina"))

        // Unfolded: long lines continue on the next line after CRLF and a space.
        let calendar = try output("activiteiten/agenda.ics").replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(calendar.contains("DTSTART;TZID=Europe/Amsterdam:20200610T140000\r\n"))
        XCTAssertTrue(calendar.contains("LOCATION:Knarrenhof\\, Zwolle\r\n"))
        XCTAssertTrue(
            calendar.contains("URL;VALUE=URI:https://wijk.example.org/brein/activiteiten/2020-06-10-open-dag/\r\n"))
        XCTAssertTrue(calendar.contains("UID:activiteit-2020-06-10-open-dag@wijk.example.org\r\n"))
        let activity = try output("activiteiten/2020-06-10-open-dag/index.html")
        XCTAssertTrue(activity.contains(#""@type":"Event""#) && activity.contains(#""startDate":"2020-06-10T14:00""#))
        XCTAssertTrue(activity.contains("<dt>Locatie</dt><dd>Knarrenhof, Zwolle</dd>"))
        XCTAssertTrue(try output("index.html").contains(#"<link rel="alternate" type="text/calendar""#))
    }
}
