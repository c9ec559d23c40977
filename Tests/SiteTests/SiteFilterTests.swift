import DataFormats
import Diagnostics
import Foundation
import Markdown
import Templates
import XCTest

@testable import Site

/// The site's filters (`SiteFilters`): Dutch formats, slugs, URLs against the base URL, reading time and
/// Markdown.
final class SiteFilterTests: XCTestCase {
    private func render(_ source: String, _ context: [String: Value] = [:], baseURL: String = "/") throws -> String {
        let environment = Environment(loader: DictionaryLoader(["page.html": source]))
        SiteFilters.register(in: environment, baseURL: baseURL)
        return try environment.render("page.html", context: context)
    }

    func testDutchFormatAPI() {
        XCTAssertEqual(DutchFormat.euro(95677), "€\u{00A0}95.677")
        XCTAssertEqual(DutchFormat.euro(Decimal(string: "1234.56")!), "€\u{00A0}1.234,56")
        XCTAssertEqual(DutchFormat.euro(-2500), "-€\u{00A0}2.500")
        XCTAssertEqual(DutchFormat.euro(240000, cents: true), "€\u{00A0}240.000,00")
        XCTAssertEqual(DutchFormat.euro(Decimal(string: "0.5")!), "€\u{00A0}0,50")
        XCTAssertEqual(DutchFormat.number(Decimal(string: "2.2")!), "2,2")
        XCTAssertEqual(DutchFormat.number(1234567.891, decimals: 1), "1.234.567,9")
        XCTAssertEqual(DutchFormat.number(-0.04, decimals: 1), "0,0")
        XCTAssertEqual(DutchFormat.percent(Decimal(string: "6.2")!), "6,2%")
        XCTAssertEqual(DutchFormat.percent(80), "80%")
        let date = YAMLDate(year: 2020, month: 9, day: 23)
        XCTAssertEqual(DutchFormat.date(date), "23 september 2020")
        XCTAssertEqual(DutchFormat.date(date, format: "%A %-d %B"), "woensdag 23 september")
        XCTAssertEqual(DutchFormat.date(YAMLDate(year: 2021, month: 1, day: 3), format: "%a %d-%m-%y"), "zo 03-01-21")
        XCTAssertEqual(DutchFormat.weekday(YAMLDate(year: 2000, month: 2, day: 29)), 1)
    }

    func testDutchFilters() throws {
        let context: [String: Value] = [
            "resultaat": .decimal(95677), "bedrag": .decimal(Decimal(string: "1234.56")!), "tekort": .int(-2500),
            "groei": .double(2.2), "aandeel": .decimal(Decimal(string: "6.2")!),
            "datum": .date(YAMLDate(year: 2020, month: 9, day: 23)),
        ]
        XCTAssertEqual(
            try render("{{ resultaat|euro }}|{{ bedrag|euro }}|{{ tekort|euro }}|{{ 12|euro(cents=true) }}", context),
            "€\u{00A0}95.677|€\u{00A0}1.234,56|-€\u{00A0}2.500|€\u{00A0}12,00")
        XCTAssertEqual(
            try render(
                "{{ groei|number }} {{ aandeel|percent }} {{ 1234.5|number(2) }} {{ 0.875|percent(1) }}", context),
            "2,2 6,2% 1.234,50 0,9%")
        XCTAssertEqual(
            try render("{{ datum|date }}|{{ datum|date('%A %-d %B') }}|{{ '2021-03-01'|date('%-d %b %Y') }}", context),
            "23 september 2020|woensdag 23 september|1 maa 2021")
    }

    func testSlugify() {
        XCTAssertEqual(Slug.make("Eén nóg créëren: Saïd's Housing First!"), "een-nog-creeren-saids-housing-first")
        XCTAssertEqual(Slug.make("Straße — 2020/21"), "strasse-2020-21")
        XCTAssertEqual(Slug.make("  --WIJ SCHOOL 2020--  "), "wij-school-2020")
        XCTAssertEqual(try render("{{ 'Skills in de Stad'|slugify }}"), "skills-in-de-stad")
    }

    func testURLsAgainstBaseURL() throws {
        XCTAssertEqual(
            try render(
                "{{ 'css/site.css'|absurl }} {{ '/zoek/'|relurl }} {{ 'https://x.nl/a'|absurl }}",
                baseURL: "https://example.org/brein/"),
            "https://example.org/brein/css/site.css /brein/zoek/ https://x.nl/a")
        XCTAssertEqual(URLs.relative("a", base: "/"), "/a")
    }

    func testReadingTime() throws {
        let words = Array(repeating: "woord", count: 450).joined(separator: " ")
        XCTAssertEqual(
            try render("{{ t|readingtime }} {{ 'kort'|readingtime }}", ["t": .string("<p>\(words)</p>")]), "3 1")
    }

    func testArgumentErrors() {
        XCTAssertThrowsError(try render("{{ 'abc'|euro }}")) { error in
            XCTAssertTrue(
                ((error as? Diagnostic)?.message ?? "").contains("filter 'euro' verwacht een getal"), "\(error)")
        }
        XCTAssertThrowsError(try render("{{ 3|number(decimals=1, x=2) }}")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "filter 'number' kent geen argument 'x'")
        }
    }

    func testMarkdownFilterUsesTheSitesOptions() throws {
        XCTAssertEqual(
            try render("{{ t|markdown }}", ["t": "## Kop\n\n\"Ja\" -- nee"]),
            "<h2 id=\"kop\">Kop</h2>\n<p>“Ja” – nee</p>\n")
    }
}

/// Input that used to kill the process in the site's filters (issue 18): each is a template error now.
extension SiteFilterTests {
    private func error(_ source: String) -> Diagnostic? {
        do {
            _ = try render(source)
            XCTFail("expected an error: \(source)")
        } catch let diagnostic as Diagnostic {
            return diagnostic
        } catch {
            XCTFail("expected a Diagnostic, got \(error)")
        }
        return nil
    }

    /// `Decimal(Double.infinity)` trapped; numbers beyond Decimal's range printed "-€ NaN".
    func testAmountFiltersRefuseNumbersThatAreNoAmount() throws {
        for (source, column) in [
            ("{{ 1e400 | euro }}", 12), ("{{ 1e300 | euro }}", 12), ("{{ 'nan' | float | number }}", 20),
            ("{{ -1e400 | percent }}", 13),
        ] {
            let diagnostic = error(source)
            XCTAssertTrue(
                diagnostic?.message.contains("is geen eindig getal") ?? false,
                "\(source): \(String(describing: diagnostic))")
            XCTAssertEqual(diagnostic?.line, 1)
            XCTAssertEqual(diagnostic?.column, column, source)
        }
        XCTAssertEqual(try render("{{ 1e20 | euro }}"), "€\u{00A0}100.000.000.000.000.000.000")
    }

    /// Decimals are 0...38: 9999 asked for a 10-kilobyte number, 999999999 for gigabytes; 1e300 trapped.
    func testDecimalsArgumentIsChecked() throws {
        for source in ["{{ 1 | number(9999) }}", "{{ 1 | number(-5) }}", "{{ 1 | percent(39) }}"] {
            XCTAssertTrue(error(source)?.message.contains("moet van 0 tot en met 38 zijn") ?? false, source)
        }
        XCTAssertTrue(error("{{ 1 | number(1e300) }}")?.message.contains("is te groot") ?? false)
        XCTAssertEqual(try render("{{ 1.25 | number(1) }} {{ 2 | number(38) | length }}"), "1,3 40")
    }

    /// A date that does not exist is an error, not "31 februari 2020".
    func testDateFilterChecksTheDay() throws {
        for text in ["2020-02-30", "2019-02-29", "2020-04-31", "0000-01-01", "2020-00-10"] {
            XCTAssertEqual(
                error("{{ '\(text)' | date }}")?.message,
                "filter 'date' verwacht een datum als JJJJ-MM-DD, kreeg '\(text)'")
        }
        XCTAssertEqual(
            try render("{{ '2020-02-29' | date }} {{ '2000-02-29' | date('%A') }}"), "29 februari 2020 dinsdag")
    }

    /// `words + perMinute - 1` overflowed.
    func testReadingTimeWithHugeRate() throws {
        XCTAssertEqual(
            try render("{{ 'een twee drie' | readingtime(9223372036854775807) }} {{ 'a b c' | readingtime(2) }}"), "1 2"
        )
    }
}
