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
        XCTAssertEqual(
            try render("{{ -1.5 | filesizeformat }}|{{ 1 | filesizeformat }}|{{ 999.9 | filesizeformat }}"),
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

}

extension InputTrapTests {
    /// A whole float argument beyond Int (`round(1e308)`, `batch(1e308)`) trapped in `Int(d)` in every
    /// filter that takes a count.
    func testWholeFloatArgumentsBeyondIntAreErrors() {
        for source in [
            "{{ 0.5 | round(1e308) }}", "{{ [1] | batch(1e308) }}", "{{ 'x' | indent(-1e308) }}",
            "{{ 'x' | center(1e308) }}", "{{ 'abc' | truncate(1e19) }}",
        ] {
            let diagnostic = renderError(["page.html": source])
            XCTAssertTrue(
                diagnostic?.message.contains("is te groot") ?? false, "\(source): \(String(describing: diagnostic))")
        }
    }

    /// A negative indent trapped in `String(repeating:count:)`; a huge one asked for gigabytes.
    func testTojsonIndent() throws {
        XCTAssertEqual(try render("{{ [1, 2] | tojson(-1) }}"), "[\n1,\n2\n]")  // as Python's json.dumps
        XCTAssertEqual(try render("{{ [1] | tojson(2) }}"), "[\n  1\n]")
        XCTAssertEqual(
            renderError(["page.html": "{{ [1] | tojson(99999999) }}"])?.message, "tojson: inspringing te groot")
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

extension InputTrapTests {
    /// Found reading the format code for issue 18: `'%.-3s'` took a prefix of negative length, and a
    /// `str.format` width or precision of twenty digits overflowed while it was read. Python refuses the
    /// first ("unsupported format character") and the second ("Too many decimal digits").
    func testFormatSpecsWithNegativeOrHugeSizes() throws {
        for source in ["{{ '%.-3s' % 'abc' }}", "{{ '%-.-3s' | format('abc') }}", "{{ '%.-3r' % 'abc' }}"] {
            XCTAssertNotNil(renderError(["page.html": source]), source)
        }
        for source in [
            "{{ '{:99999999999999999999}'.format(1) }}", "{{ '{:.99999999999999999999}'.format(1.5) }}",
            "{{ '{:x<99999999999999999999}'.format('a') }}", "{{ '{:万}'.format(1) }}",
        ] {
            let diagnostic = renderError(["page.html": source])
            XCTAssertTrue(
                diagnostic?.message.contains("wordt niet ondersteund") ?? false,
                "\(source): \(String(describing: diagnostic))")
        }
        XCTAssertEqual(try render("{{ '%.2s|%5s|%-4s|' % ('abc', 'ab', 'x') }}"), "ab|   ab|x   |")
        XCTAssertEqual(try render("{{ '{:>6}|{:.3}'.format('ab', 'abcdef') }}"), "    ab|abc")
    }
}
