import Diagnostics
import Templates
import XCTest

/// Input that used to kill the process (a Swift runtime trap) in the template engine: each is a template
/// error now, or output as Jinja2 gives it. Found by fuzzing (fuzz/harnesses/templates.swift) or by
/// reading the code for unchecked conversions (issue 18).
final class InputTrapTests: XCTestCase {
    /// `Int(bytes)` trapped for sizes below -9.2e18; Jinja2 prints all the digits, as now.
    func testFilesizeformatOfHugeOrInfiniteNumbers() throws {
        XCTAssertEqual(try render("{{ -1e19 | filesizeformat }}"), "-10000000000000000000 Bytes")
        XCTAssertEqual(try render("{{ -1.5 | filesizeformat }}|{{ 1 | filesizeformat }}|{{ 999.9 | filesizeformat }}"),
                       "-1 Bytes|1 Byte|999 Bytes")
        let infinite = renderError(["page.html": "{{ 1e400 | filesizeformat }}"])
        XCTAssertEqual(infinite?.message, "filesizeformat: inf is geen grootte")
        XCTAssertEqual(infinite?.column, 12)
    }
}

extension InputTrapTests {
    /// `length + leeway` overflowed for a length near Int.max.
    func testTruncateWithTheLargestLength() throws {
        XCTAssertEqual(try render("{{ 'abc' | truncate(9223372036854775807) }}"), "abc")
        XCTAssertEqual(try render("{{ 'abc' | truncate(3, leeway=9223372036854775807) }}"), "abc")
        XCTAssertEqual(try render("{{ 'abcdefgh' | truncate(5, leeway=0) }}"), "ab...")
    }

    /// `Decimal(Double.infinity)` trapped; numbers beyond Decimal's range printed "-€ NaN".
    func testAmountFiltersRefuseNumbersThatAreNoAmount() throws {
        for (source, column) in [("{{ 1e400 | euro }}", 12), ("{{ 1e300 | euro }}", 12), ("{{ 'nan' | float | number }}", 20),
                                 ("{{ -1e400 | percent }}", 13)] {
            let diagnostic = renderError(["page.html": source])
            XCTAssertTrue(diagnostic?.message.contains("is geen eindig getal") ?? false, "\(source): \(String(describing: diagnostic))")
            XCTAssertEqual(diagnostic?.line, 1)
            XCTAssertEqual(diagnostic?.column, column, source)
        }
        XCTAssertEqual(try render("{{ 1e20 | euro }}"), "€\u{00A0}100.000.000.000.000.000.000")
    }

    /// Decimals are 0...38: 9999 asked for a 10-kilobyte number, 999999999 for gigabytes.
    func testDecimalsArgumentIsChecked() throws {
        for source in ["{{ 1 | number(9999) }}", "{{ 1 | number(-5) }}", "{{ 1 | percent(39) }}"] {
            let diagnostic = renderError(["page.html": source])
            XCTAssertTrue(diagnostic?.message.contains("moet van 0 tot en met 38 zijn") ?? false, "\(source): \(String(describing: diagnostic))")
        }
        XCTAssertEqual(try render("{{ 1.25 | number(1) }} {{ 2 | number(38) | length }}"), "1,3 40")
    }

    /// A date that does not exist is an error, not "31 februari 2020".
    func testDateFilterChecksTheDay() throws {
        for text in ["2020-02-30", "2019-02-29", "2020-04-31", "0000-01-01", "2020-00-10"] {
            let diagnostic = renderError(["page.html": "{{ '\(text)' | date }}"])
            XCTAssertEqual(diagnostic?.message, "filter 'date' verwacht een datum als JJJJ-MM-DD, kreeg '\(text)'")
        }
        XCTAssertEqual(try render("{{ '2020-02-29' | date }} {{ '2000-02-29' | date('%A') }}"), "29 februari 2020 dinsdag")
    }
}

extension InputTrapTests {
    /// A whole float argument beyond Int (`round(1e308)`, `batch(1e308)`) trapped in `Int(d)` in every
    /// filter that takes a count.
    func testWholeFloatArgumentsBeyondIntAreErrors() {
        for source in ["{{ 0.5 | round(1e308) }}", "{{ [1] | batch(1e308) }}", "{{ 'x' | indent(-1e308) }}",
                       "{{ 'x' | center(1e308) }}", "{{ 1 | number(1e300) }}", "{{ 'abc' | truncate(1e19) }}"] {
            let diagnostic = renderError(["page.html": source])
            XCTAssertTrue(diagnostic?.message.contains("is te groot") ?? false, "\(source): \(String(describing: diagnostic))")
        }
    }

    /// A negative indent trapped in `String(repeating:count:)`; a huge one asked for gigabytes.
    func testTojsonIndent() throws {
        XCTAssertEqual(try render("{{ [1, 2] | tojson(-1) }}"), "[\n1,\n2\n]")  // as Python's json.dumps
        XCTAssertEqual(try render("{{ [1] | tojson(2) }}"), "[\n  1\n]")
        XCTAssertEqual(renderError(["page.html": "{{ [1] | tojson(99999999) }}"])?.message, "tojson: inspringing te groot")
    }

    /// `words + perMinute - 1` overflowed.
    func testReadingTimeWithHugeRate() throws {
        XCTAssertEqual(try render("{{ 'een twee drie' | readingtime(9223372036854775807) }} {{ 'a b c' | readingtime(2) }}"), "1 2")
    }

    /// `-n` of Int.min trapped for an amount to the power of the smallest integer.
    func testDecimalPowerWithExtremeExponent() throws {
        let amount: Value = .decimal(Decimal(string: "1234.56")!)
        for exponent in ["-9223372036854775807", "9223372036854775807", "1001"] {
            XCTAssertThrowsError(try render("{{ x ** \(exponent) }}", ["x": amount]), exponent)
        }
        XCTAssertEqual(try render("{{ x ** 2 }}", ["x": .decimal(Decimal(string: "1.5")!)]), "2.25")
    }
}
