import Foundation
import XCTest

@testable import Report

/// The example report of 2020 follows the outline of the 2020 jaarverslag (DOMAIN.md).
final class ReportOutlineTests: XCTestCase {
    func testExampleOutlineFollowsTheJaarverslag2020() throws {
        let (report, warnings) = try ExampleSite.report2020()
        XCTAssertEqual(warnings.map(\.message), [])
        let outline = report.outline
        let expected = [
            "Voorwoord: wat een jaar!",
            "1 Visie, missie, strategie en doelstelling",
            "1.1 Waar staat de Maatschappelijke Alliantie voor?", "1.2 Achtergrond", "1.3 Visie 2020-2022",
            "1.4 Missie 2020-2022", "1.5 Strategie 2020-2022", "1.6 Doelstelling", "1.7 Nieuwe projecten in 2020",
            "1.8 Duurzame ontwikkelingsdoelen van de Verenigde Naties",
            "1.9 Beleidsvisie van het kabinet op filantropie",
            "2 Verantwoording thema’s, projecten en activiteiten 2020",
        ]
        XCTAssertEqual(Array(outline.prefix(expected.count)), expected)
        let themes = outline.filter {
            $0.hasPrefix("2.") && $0.split(separator: " ")[0].split(separator: ".").count == 2
        }
        XCTAssertEqual(
            themes,
            [
                "2.1 Sociale huisvesting", "2.2 Onderwijs", "2.3 Stimuleren van tolerantie bij kinderen",
                "2.4 Inzichtenplatform", "2.5 Overige verbindingen",
            ])
        XCTAssertTrue(outline.contains("2.1.1 Doelstelling"))
        XCTAssertTrue(outline.contains("2.1.2 Projectvoorstel"))
        XCTAssertTrue(outline.contains("2.1.3 Resultaten"))
        let tail = Array(outline.drop { !$0.hasPrefix("3 ") })
        XCTAssertEqual(
            tail,
            [
                "3 Organisatie", "3.1 Bestuur", "3.2 Raad van advies", "3.2.1 Nieuwe leden", "3.3 Programmabureau",
                "4 Financiën", "4.1 Financieel resultaat 2020", "4.2 Staat van baten en lasten",
                "4.3 Verdeling van de lasten over doelstellingen", "Colofon",
            ])
    }
}
