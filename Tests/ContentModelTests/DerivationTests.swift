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
        let leaving = person(
            "b", "Bram Bakker",
            [
                Role(body: .raadVanAdvies, role: "lid", start: date(2019, 3, 1), end: date(2020, 6, 30))
            ])
        let joining = person(
            "c", "Cor van Dam",
            [
                Role(body: .raadVanAdvies, role: "lid", start: date(2020, 9, 1)),
                Role(
                    body: .programmabureau, role: "projectleider", start: date(2020, 1, 1), fte: Decimal(string: "0.8")),
            ])
        let kb = KnowledgeBase(
            site: SiteSettings(title: "t", baseURL: "https://x/", language: "nl"),
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

    /// `end` is the last day in office: someone whose last day is 31 December sits on the body at year end
    /// and is among those who left that year; the successor who starts on 1 January joins the next year.
    func testEndIsTheLastDayInOffice() {
        let leaving = person(
            "a", "Anna Smit",
            [
                Role(
                    body: .programmabureau, role: "projectmanager", start: date(2020, 3, 1),
                    end: date(2020, 12, 31), fte: Decimal(string: "0.6"))
            ])
        let successor = person(
            "b", "Bea Kok",
            [
                Role(
                    body: .programmabureau, role: "projectmanager", start: date(2021, 1, 1),
                    fte: Decimal(string: "0.6"))
            ])
        let kb = KnowledgeBase(
            site: SiteSettings(title: "t", baseURL: "https://x/", language: "nl"), people: [leaving, successor])
        let y2020 = kb.byYear[2020]!.body(.programmabureau)!
        XCTAssertEqual(y2020.atYearEnd.map(\.person.slug), ["a"])
        XCTAssertEqual(y2020.left.map(\.person.slug), ["a"])
        XCTAssertEqual(y2020.fteAtYearEnd, Decimal(string: "0.6"))
        let y2021 = kb.byYear[2021]!.body(.programmabureau)!
        XCTAssertEqual(y2021.atYearEnd.map(\.person.slug), ["b"])
        XCTAssertEqual(y2021.joined.map(\.person.slug), ["b"])
        XCTAssertTrue(y2021.left.isEmpty)
        XCTAssertTrue(leaving.roles[0].isHeld(at: date(2020, 12, 31)))
        XCTAssertFalse(leaving.roles[0].isHeld(at: date(2021, 1, 1)))
    }

    /// A member who becomes chair, and a staff member whose fte changes, have changed role: they neither
    /// left nor joined.
    func testRoleChangesAreChangesNotDeparturesAndArrivals() {
        let chair = person(
            "a", "Anna Smit",
            [
                Role(body: .bestuur, role: "lid", start: date(2019, 1, 1), end: date(2023, 2, 28)),
                Role(body: .bestuur, role: "voorzitter", start: date(2023, 3, 1)),
            ])
        let staff = person(
            "b", "Bea Kok",
            [
                Role(
                    body: .programmabureau, role: "projectleider", start: date(2022, 1, 1), end: date(2023, 6, 30),
                    fte: Decimal(string: "0.6")),
                Role(
                    body: .programmabureau, role: "projectleider", start: date(2023, 7, 1), fte: Decimal(string: "0.8")),
            ])
        // Leaves the board in 2023 and comes back in 2024 after a gap: a departure and an arrival.
        let returning = person(
            "c", "Cas de Boer",
            [
                Role(body: .bestuur, role: "penningmeester", start: date(2020, 1, 1), end: date(2023, 5, 31)),
                Role(body: .bestuur, role: "lid", start: date(2024, 1, 1)),
            ])
        let kb = KnowledgeBase(
            site: SiteSettings(title: "t", baseURL: "https://x/", language: "nl"),
            people: [chair, staff, returning])
        let board = kb.byYear[2023]!.body(.bestuur)!
        XCTAssertEqual(
            board.changes.map { "\($0.person.slug): \($0.from.role) → \($0.to.role) per \($0.date)" },
            ["a: lid → voorzitter per 2023-03-01"])
        XCTAssertTrue(board.joined.isEmpty)
        XCTAssertEqual(board.left.map(\.person.slug), ["c"])
        let office = kb.byYear[2023]!.body(.programmabureau)!
        XCTAssertEqual(office.changes.map { "\($0.person.slug): \($0.from.fte!) → \($0.to.fte!)" }, ["b: 0.6 → 0.8"])
        XCTAssertTrue(office.joined.isEmpty && office.left.isEmpty)
        XCTAssertEqual(office.fteAtYearEnd, Decimal(string: "0.8"))
        XCTAssertEqual(kb.byYear[2024]!.body(.bestuur)!.joined.map(\.person.slug), ["c"])
    }

    /// Each body by role, chair first, then by sort name.
    func testMembersAreOrderedByRoleThenSortName() {
        let people = [
            person("lid-a", "Anna van Aalst", [Role(body: .bestuur, role: "lid", start: date(2020, 1, 1))]),
            person(
                "penning", "Piet Zandstra",
                [Role(body: .bestuur, role: "penningmeester/secretaris", start: date(2020, 1, 1))]),
            person("vice", "Vera Wit", [Role(body: .bestuur, role: "vice-voorzitter", start: date(2020, 1, 1))]),
            person("chair", "Zeger Zwart", [Role(body: .bestuur, role: "voorzitter", start: date(2020, 1, 1))]),
            person("lid-b", "Bert de Bruin", [Role(body: .bestuur, role: "bestuurslid", start: date(2020, 1, 1))]),
        ]
        let kb = KnowledgeBase(site: SiteSettings(title: "t", baseURL: "https://x/", language: "nl"), people: people)
        XCTAssertEqual(
            kb.byYear[2020]!.body(.bestuur)!.atYearEnd.map(\.person.slug),
            ["chair", "vice", "penning", "lid-a", "lid-b"])
    }

    func testThemeDigestAndOrdering() {
        let themes = [
            Theme(info: info("b"), title: "B", number: "2.10"),
            Theme(info: info("a"), title: "A", number: "2.9"),
        ]
        let practice = BestPractice(
            info: info("p"), title: "P", date: date(2020, 1, 1), themes: ["a", "b"], tags: [],
            places: [], status: .actief, lessBest: false, costBenefit: [])
        let kb = KnowledgeBase(
            site: SiteSettings(title: "t", baseURL: "https://x/", language: "nl"), themes: themes,
            bestPractices: [practice])
        XCTAssertEqual(kb.themes.map(\.slug), ["a", "b"])
        XCTAssertEqual(kb.byTheme["a"]?.bestPractices.map(\.slug), ["p"])
        XCTAssertEqual(kb.byTheme["b"]?.bestPractices.map(\.slug), ["p"])
    }

    func testFinancialRatiosAgainstTargets() {
        func row(_ label: String, _ value: Int, _ line: Int) -> FinancialRow {
            FinancialRow(label: label, values: [Decimal(value)], line: line)
        }
        let table = FinancialTable(
            file: "f.csv", labelHeader: "Omschrijving", columns: ["Werkelijk 2020"],
            rows: [
                row("Som der baten", 500_000, 2), row("Besteed aan doelstellingen", 380_000, 3),
                row("Beheer en administratie", 24_323, 4), row("Som der lasten", 404_323, 5),
                row("Resultaat", 95_677, 6),
            ])
        let statement = IncomeStatement(
            table: table, column: "Werkelijk 2020", incomeRow: "Som der baten",
            expensesRow: "Som der lasten", resultRow: "Resultaat",
            objectivesRow: "Besteed aan doelstellingen", managementRow: "Beheer en administratie",
            totals: [])
        let year = FinancialYear(
            info: info("2020"), year: 2020, illustrative: true, result: 95_677,
            incomeStatement: statement, distribution: nil)
        let kb = KnowledgeBase(site: SiteSettings(title: "t", baseURL: "https://x/", language: "nl"), finance: [year])
        let ratios = kb.financialRatios[2020]!
        XCTAssertEqual(ratios.objectivesShareOfIncome, Decimal(string: "0.76"))
        XCTAssertEqual(ratios.meetsObjectivesTarget, false)
        XCTAssertEqual(ratios.meetsManagementTarget, true)
    }

    func testSchoolProgressAndKeurmerken() {
        var site = SiteSettings(title: "t", baseURL: "https://x/", language: "nl")
        site.pyramidLevels = [
            PyramidLevel(slug: "bewust", title: "Bewust", order: 1),
            PyramidLevel(slug: "handelen", title: "Handelen", order: 2),
        ]
        let scan = SchoolScan(
            info: info("s"), school: "S", place: "P", schoolYear: SchoolYear(startYear: 2020), projectLeader: "L",
            phases: [
                ScanPhase(phase: 1, date: date(2020, 9, 1), level: "bewust"),
                ScanPhase(phase: 2, date: date(2021, 2, 1), level: "handelen"),
                ScanPhase(phase: 3, date: date(2021, 6, 1), level: "handelen"),
            ],
            classes: [], advice: [], interventions: [], keurmerk: .toegekend)
        let kb = KnowledgeBase(site: site, schoolScans: [scan])
        XCTAssertEqual(kb.schoolProgress["s"]?.levelsClimbed, 1)
        XCTAssertEqual(kb.schoolProgress["s"]?.complete, true)
        XCTAssertEqual(kb.keurmerken[SchoolYear(startYear: 2020)]?.awarded.map(\.slug), ["s"])
    }
}
