import DataFormats
import Foundation
import XCTest

@testable import ContentModel

final class ValuesTests: XCTestCase {
    func testImpossibleDates() {
        XCTAssertNil(DateCheck.problem(year: 2020, month: 2, day: 29))
        XCTAssertEqual(DateCheck.problem(year: 2021, month: 2, day: 29), "februari 2021 heeft 28 dagen")
        XCTAssertEqual(DateCheck.problem(year: 1900, month: 2, day: 29), "februari 1900 heeft 28 dagen")
        XCTAssertNil(DateCheck.problem(year: 2000, month: 2, day: 29))
        XCTAssertEqual(DateCheck.problem(year: 2020, month: 13, day: 1), "er is geen maand 13")
        XCTAssertEqual(DateCheck.problem(year: 2020, month: 4, day: 31), "april 2020 heeft 30 dagen")
        XCTAssertEqual(DateCheck.problem(inText: "2020-02-30"), "februari 2020 heeft 29 dagen")
        XCTAssertNil(DateCheck.problem(inText: "gisteren"))
        XCTAssertEqual(DutchFormat.date(ContentDate(year: 2020, month: 9, day: 23)), "23 september 2020")
    }

    func testMoneyFormatting() {
        XCTAssertEqual(DutchFormat.money(95677), "€\u{00A0}95.677")
        XCTAssertEqual(DutchFormat.money(Decimal(string: "1234.5")!), "€\u{00A0}1.234,50")
        XCTAssertEqual(DutchFormat.money(-2500, symbol: false), "-2.500")
        XCTAssertEqual(DutchFormat.money(0, symbol: false), "0")
        XCTAssertEqual(DutchFormat.money(1_000_000, symbol: false), "1.000.000")
    }

    func testSortNamesIgnoreTussenvoegsels() {
        XCTAssertEqual(PersonName.sortName(for: "Jan van der Berg"), "Berg, Jan van der")
        XCTAssertEqual(PersonName.sortName(for: "Fatima el Amrani"), "Amrani, Fatima el")
        XCTAssertEqual(PersonName.sortName(for: "Anna Jansen"), "Jansen, Anna")
        XCTAssertEqual(PersonName.sortName(for: "Madonna"), "Madonna")
        // Found on the wijkkracht fixture: a tussenvoegsel written onto the name sorted under the D.
        XCTAssertEqual(PersonName.sortName(for: "Renée d'Hondt"), "Hondt, Renée d'")
        XCTAssertEqual(PersonName.sortName(for: "Hedy d’Ancona"), "Ancona, Hedy d’")
        XCTAssertEqual(PersonName.sortName(for: "Anneke van 't Hof"), "Hof, Anneke van 't")
        XCTAssertEqual(PersonName.sortName(for: "D'Artagnan"), "D'Artagnan")
        XCTAssertEqual(PersonName.sortKey("Özdemir, Ayşe"), "ozdemir-ayse")
    }

    func testResultLabels() {
        let list = ResultList(
            info: ItemInfo(slug: "x", file: "x"), theme: "t", year: 2020, numbering: .letters, items: [])
        XCTAssertEqual(list.label(at: 0), "A.")
        XCTAssertEqual(list.label(at: 4), "E.")
        XCTAssertEqual(list.label(at: 26), "AA.")
        var numbers = list
        numbers.numbering = .numbers
        XCTAssertEqual(numbers.label(at: 4), "5.")
    }
}
