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
