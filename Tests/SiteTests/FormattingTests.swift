import DataFormats
import Foundation
import XCTest

@testable import Site

final class FormattingTests: XCTestCase {
    func testDutchDates() {
        XCTAssertEqual(DutchFormat.date(YAMLDate(year: 2020, month: 9, day: 23)), "23 september 2020")
        XCTAssertEqual(DutchFormat.date(YAMLDate(year: 2015, month: 2, day: 27)), "27 februari 2015")
        XCTAssertEqual(YAMLDate(year: 2020, month: 9, day: 3, hour: 14, minute: 30).iso, "2020-09-03")
    }

    func testDutchAmounts() {
        XCTAssertEqual(DutchFormat.money(Decimal(95677)), "€\u{00A0}95.677")
        XCTAssertEqual(DutchFormat.money(Decimal(string: "1234.56")!), "€\u{00A0}1.234,56")
        XCTAssertEqual(DutchFormat.money(Decimal(-2500)), "-€\u{00A0}2.500")
        XCTAssertEqual(DutchFormat.money(Decimal(0)), "€\u{00A0}0")
        XCTAssertEqual(DutchFormat.money(Decimal(string: "0.5")!), "€\u{00A0}0,50")
        XCTAssertEqual(DutchFormat.money(Decimal(1_240_000)), "€\u{00A0}1.240.000")
    }

    func testPercentagesAndIntegers() {
        XCTAssertEqual(DutchFormat.share(0.062), "6,2%")
        XCTAssertEqual(DutchFormat.share(0.8), "80,0%")
        XCTAssertEqual(DutchFormat.share(Decimal(string: "0.19")!), "19,0%")
        XCTAssertEqual(DutchFormat.share(Decimal(string: "0.80755")!), "80,8%")
        XCTAssertEqual(DutchFormat.share(0.8414), "84,1%")
        XCTAssertEqual(DutchFormat.number(Decimal(10000)), "10.000")
        XCTAssertEqual(DutchFormat.number(Decimal(999)), "999")
    }
}
