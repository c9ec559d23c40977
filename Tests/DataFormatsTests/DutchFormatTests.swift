import DataFormats
import Foundation
import XCTest

/// The functions that take over from the site's own formatter (SiteFormat) give its exact output.
final class DutchFormatTests: XCTestCase {
    func testMoneyMatchesTheSiteAmounts() {
        XCTAssertEqual(DutchFormat.money(Decimal(95677)), "€\u{00A0}95.677")
        XCTAssertEqual(DutchFormat.money(Decimal(string: "1234.56")!), "€\u{00A0}1.234,56")
        XCTAssertEqual(DutchFormat.money(Decimal(-2500)), "-€\u{00A0}2.500")
        XCTAssertEqual(DutchFormat.money(Decimal(0)), "€\u{00A0}0")
        XCTAssertEqual(DutchFormat.money(Decimal(string: "0.5")!), "€\u{00A0}0,50")
        XCTAssertEqual(DutchFormat.money(Decimal(string: "0.05")!), "€\u{00A0}0,05")
        XCTAssertEqual(DutchFormat.money(Decimal(1_240_000)), "€\u{00A0}1.240.000")
        // Rounded to cents before ",00" is dropped; the minus of a negative amount always stays.
        XCTAssertEqual(DutchFormat.money(Decimal(string: "5.001")!), "€\u{00A0}5")
        XCTAssertEqual(DutchFormat.money(Decimal(string: "-0.001")!), "-€\u{00A0}0")
        // The template filter's euro differs exactly there.
        XCTAssertEqual(DutchFormat.euro(Decimal(string: "5.001")!), "€\u{00A0}5,00")
        XCTAssertEqual(DutchFormat.euro(Decimal(string: "-0.001")!), "€\u{00A0}0,00")
    }

    func testShareAndIntegers() {
        XCTAssertEqual(DutchFormat.share(0.062), "6,2%")
        XCTAssertEqual(DutchFormat.share(0.8), "80,0%")
        XCTAssertEqual(DutchFormat.share(0.8414), "84,1%")
        XCTAssertEqual(DutchFormat.share(-0.004), "-0,4%")
        XCTAssertEqual(DutchFormat.number(Decimal(10000)), "10.000")
        XCTAssertEqual(DutchFormat.number(Decimal(999)), "999")
        XCTAssertEqual(DutchFormat.number(Decimal(-1_234_567)), "-1.234.567")
    }

    /// Found by reading the code for traps (issue 18): a share of an amount in a total of nearly
    /// nothing (a finance table whose columns cancel out) trapped in `Int()` on the finance page; in
    /// `Decimal(Double.infinity)` since shares are written through Decimal.
    func testShareFarOutsideZeroToOneDoesNotTrap() {
        XCTAssertEqual(DutchFormat.share(1e20 as Double), "10.000.000.000.000.000.000.000,0%")
        XCTAssertEqual(DutchFormat.share(-3e15 as Double), "-300.000.000.000.000.000,0%")
        XCTAssertEqual(DutchFormat.share(Double.infinity), "–")
        XCTAssertEqual(DutchFormat.share(Double.nan), "–")
        XCTAssertEqual(DutchFormat.share(1e300 as Double), "–")
        XCTAssertEqual(DutchFormat.share(123.4567 as Double), "12.345,7%")
    }

    func testDates() {
        XCTAssertEqual(DutchFormat.date(YAMLDate(year: 2020, month: 9, day: 23)), "23 september 2020")
        XCTAssertEqual(DutchFormat.date(YAMLDate(year: 2015, month: 2, day: 27)), "27 februari 2015")
        XCTAssertEqual(YAMLDate(year: 2020, month: 9, day: 3).description, "2020-09-03")
        XCTAssertEqual(DutchFormat.number(2.2), "2,2")
        XCTAssertEqual(DutchFormat.number(0.00001), "0,00001")
    }

    /// A generated sentence after an editor's text starts only after the text ended one.
    func testSentences() {
        XCTAssertEqual(DutchFormat.sentence("Digidag"), "Digidag.")
        XCTAssertEqual(DutchFormat.sentence("Tot 30 juni 2024. "), "Tot 30 juni 2024. ")
        XCTAssertEqual(DutchFormat.sentence("Klaar?"), "Klaar?")
        XCTAssertEqual(DutchFormat.sentence("(zie de bijlage.)"), "(zie de bijlage.)")
        XCTAssertEqual(DutchFormat.sentence("„Samen sterker!”"), "„Samen sterker!”")
        XCTAssertEqual(DutchFormat.sentence("Drie punten:"), "Drie punten:")
        XCTAssertEqual(DutchFormat.sentence("met partners "), "met partners.")
        XCTAssertFalse(DutchFormat.endsSentence(""))
    }
}
