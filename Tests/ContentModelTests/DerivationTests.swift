import Foundation
import XCTest
@testable import ContentModel

final class DerivationTests: XCTestCase {
    private func date(_ y: Int, _ m: Int, _ d: Int) -> ContentDate { ContentDate(year: y, month: m, day: d) }
    private func info(_ slug: String) -> ItemInfo { ItemInfo(slug: slug, file: "content/x/\(slug).md") }

    private func person(_ slug: String, _ name: String, _ roles: [Role]) -> Person {
        Person(info: info(slug), name: name, sortName: PersonName.sortName(for: name), roles: roles)
    }

    func testBodiesAtYearEndJoinedAndLeft() {
        let staying = person("a", "Anna de Vries", [Role(body: .bestuur, role: "voorzitter", start: date(2018, 1, 1))])
        let leaving = person("b", "Bram Bakker", [
            Role(body: .raadVanAdvies, role: "lid", start: date(2019, 3, 1), end: date(2020, 6, 30)),
        ])
        let joining = person("c", "Cor van Dam", [
            Role(body: .raadVanAdvies, role: "lid", start: date(2020, 9, 1)),
            Role(body: .programmabureau, role: "projectleider", start: date(2020, 1, 1), fte: Decimal(string: "0.8")),
        ])
        let kb = KnowledgeBase(site: SiteSettings(title: "t", baseURL: "https://x/", language: "nl"),
                               people: [joining, staying, leaving])
        XCTAssertEqual(kb.people.map(\.slug), ["b", "c", "a"])  // Bakker, Dam, Vries
        let y2020 = kb.byYear[2020]!
        let advies = y2020.body(.raadVanAdvies)!
        XCTAssertEqual(advies.atYearEnd.map(\.person.slug), ["c"])
        XCTAssertEqual(advies.joined.map(\.person.slug), ["c"])
        XCTAssertEqual(advies.left.map(\.person.slug), ["b"])
        XCTAssertEqual(y2020.body(.bestuur)!.atYearEnd.map(\.person.slug), ["a"])
        XCTAssertEqual(y2020.body(.programmabureau)!.fteAtYearEnd, Decimal(string: "0.8"))
        XCTAssertEqual(kb.byYear[2019]!.body(.raadVanAdvies)!.atYearEnd.map(\.person.slug), ["b"])
        XCTAssertEqual(kb.years, [2018, 2019, 2020])
    }

    func testThemeDigestAndOrdering() {
        let themes = [
            Theme(info: info("b"), title: "B", number: "2.10"),
            Theme(info: info("a"), title: "A", number: "2.9"),
        ]
        let practice = BestPractice(info: info("p"), title: "P", date: date(2020, 1, 1), themes: ["a", "b"], tags: [],
                                    places: [], status: .actief, lessBest: false, costBenefit: [])
        let kb = KnowledgeBase(site: SiteSettings(title: "t", baseURL: "https://x/", language: "nl"), themes: themes,
                               bestPractices: [practice])
        XCTAssertEqual(kb.themes.map(\.slug), ["a", "b"])
        XCTAssertEqual(kb.byTheme["a"]?.bestPractices.map(\.slug), ["p"])
        XCTAssertEqual(kb.byTheme["b"]?.bestPractices.map(\.slug), ["p"])
    }

    func testFinancialRatiosAgainstTargets() {
        func row(_ label: String, _ value: Int, _ line: Int) -> FinancialRow {
            FinancialRow(label: label, values: [Decimal(value)], line: line)
        }
        let table = FinancialTable(file: "f.csv", labelHeader: "Omschrijving", columns: ["Werkelijk 2020"], rows: [
            row("Som der baten", 500_000, 2), row("Besteed aan doelstellingen", 380_000, 3),
            row("Beheer en administratie", 24_323, 4), row("Som der lasten", 404_323, 5), row("Resultaat", 95_677, 6),
        ])
        let statement = IncomeStatement(table: table, column: "Werkelijk 2020", incomeRow: "Som der baten",
                                        expensesRow: "Som der lasten", resultRow: "Resultaat",
                                        objectivesRow: "Besteed aan doelstellingen", managementRow: "Beheer en administratie",
                                        totals: [])
        let year = FinancialYear(info: info("2020"), year: 2020, illustrative: true, result: 95_677,
                                 incomeStatement: statement, distribution: nil)
        let kb = KnowledgeBase(site: SiteSettings(title: "t", baseURL: "https://x/", language: "nl"), finance: [year])
        let ratios = kb.financialRatios[2020]!
        XCTAssertEqual(ratios.objectivesShareOfIncome, Decimal(string: "0.76"))
        XCTAssertEqual(ratios.meetsObjectivesTarget, false)
        XCTAssertEqual(ratios.meetsManagementTarget, true)
    }

    func testSchoolProgressAndKeurmerken() {
        var site = SiteSettings(title: "t", baseURL: "https://x/", language: "nl")
        site.pyramidLevels = [PyramidLevel(slug: "bewust", title: "Bewust", order: 1),
                              PyramidLevel(slug: "handelen", title: "Handelen", order: 2)]
        let scan = SchoolScan(
            info: info("s"), school: "S", place: "P", schoolYear: SchoolYear(startYear: 2020), projectLeader: "L",
            phases: [ScanPhase(phase: 1, date: date(2020, 9, 1), level: "bewust"),
                     ScanPhase(phase: 2, date: date(2021, 2, 1), level: "handelen"),
                     ScanPhase(phase: 3, date: date(2021, 6, 1), level: "handelen")],
            classes: [], advice: [], interventions: [], keurmerk: .toegekend)
        let kb = KnowledgeBase(site: site, schoolScans: [scan])
        XCTAssertEqual(kb.schoolProgress["s"]?.levelsClimbed, 1)
        XCTAssertEqual(kb.schoolProgress["s"]?.complete, true)
        XCTAssertEqual(kb.keurmerken[SchoolYear(startYear: 2020)]?.awarded.map(\.slug), ["s"])
    }
}
