import Foundation
import XCTest

@testable import ContentModel

final class FinanceTests: XCTestCase {
    private let financeYAML = """
        year: 2020
        illustrative: true
        result: 95677
        incomeAndExpenses:
          file: baten-en-lasten.csv
          column: Werkelijk 2020
          income: Som der baten
          expenses: Som der lasten
          result: Resultaat
          objectives: Besteed aan doelstellingen
          management: Beheer en administratie
          totals:
            - {row: Som der baten, sumOf: [Subsidie, Bijdragen]}
            - {row: Som der lasten, sumOf: [Besteed aan doelstellingen, Beheer en administratie]}
        distribution:
          file: verdeling-lasten.csv
          objectives: [Onderwijs, Huisvesting]
          management: Beheer en administratie
          totals:
            - {row: Totaal, sumOf: [Personeel, Kantoor]}
          columnTotals:
            - {column: Totaal, sumOf: [Onderwijs, Huisvesting, Beheer en administratie]}

        """

    private func site(income: String, distribution: String, yaml: String? = nil) throws -> TestSite {
        try TestSite([
            "content/finance/2020/finance.yml": yaml ?? financeYAML,
            "content/finance/2020/baten-en-lasten.csv": income,
            "content/finance/2020/verdeling-lasten.csv": distribution,
        ])
    }

    private let goodIncome = """
        Omschrijving;Werkelijk 2020;Begroting 2020
        Subsidie;240.000;200.000
        Bijdragen;225.000,50;225.000
        Som der baten;465.000,50;425.000
        Besteed aan doelstellingen;345.000;400.000
        Beheer en administratie;24.323,50;25.000
        Som der lasten;369.323,50;425.000
        Resultaat;95.677;0

        """

    private let goodDistribution = """
        Lasten;Onderwijs;Huisvesting;Beheer en administratie;Totaal
        Personeel;200.000;100.000;20.000;320.000
        Kantoor;30.000;15.000;4.323,50;49.323,50
        Totaal;230.000;115.000;24.323,50;369.323,50

        """

    func testConsistentStatementsLoadWithRatios() throws {
        let site = try site(income: goodIncome, distribution: goodDistribution)
        defer { site.remove() }
        let (kb, diagnostics) = try site.load()
        XCTAssertEqual(diagnostics.map(\.description), [])
        let year = try XCTUnwrap(kb.financialYear(2020))
        XCTAssertEqual(year.result, 95677)
        XCTAssertEqual(
            year.incomeStatement.table.value(row: "Bijdragen", column: "Werkelijk 2020"), Decimal(string: "225000.5"))
        let ratios = try XCTUnwrap(kb.financialRatios[2020])
        XCTAssertEqual(ratios.income, Decimal(string: "465000.5"))
        XCTAssertEqual(ratios.objectives, 345000)
        XCTAssertEqual(ratios.meetsObjectivesTarget, false)  // 345.000 / 465.000,50 ≈ 74%
        XCTAssertEqual(ratios.meetsManagementTarget, true)  // 24.323,50 / 369.323,50 ≈ 6,6%
    }

    func testTotalsThatDoNotAddUpToTheCentPointAtTheCell() throws {
        let income = goodIncome.replacingOccurrences(of: "Som der baten;465.000,50", with: "Som der baten;465.000,51")
        let distribution = goodDistribution.replacingOccurrences(
            of: "Kantoor;30.000;15.000;4.323,50;49.323,50",
            with: "Kantoor;30.000;15.000;4.323,50;49.323")
        let site = try site(income: income, distribution: distribution)
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            [
                "content/finance/2020/baten-en-lasten.csv:4:15: error: 'Som der baten' in kolom 'Werkelijk 2020' is €\u{00A0}465.000,51, maar de som van 2 rijen is €\u{00A0}465.000,50 (verschil €\u{00A0}0,01)",
                "content/finance/2020/baten-en-lasten.csv:8:11: error: 'Resultaat' in kolom 'Werkelijk 2020' is €\u{00A0}95.677, maar baten min lasten is €\u{00A0}465.000,51 − €\u{00A0}369.323,50 = €\u{00A0}95.677,01",
                "content/finance/2020/verdeling-lasten.csv:3:32: error: 'Totaal' van rij 'Kantoor' is €\u{00A0}49.323, maar de som van 3 kolommen is €\u{00A0}49.323,50 (verschil -€\u{00A0}0,50)",
                "content/finance/2020/verdeling-lasten.csv:4:34: error: 'Totaal' in kolom 'Totaal' is €\u{00A0}369.323,50, maar de som van 2 rijen is €\u{00A0}369.323 (verschil €\u{00A0}0,50)",
            ])
    }

    func testResultMustBeIncomeMinusExpensesAndMatchTheStatedResult() throws {
        let income = goodIncome.replacingOccurrences(of: "Resultaat;95.677;0", with: "Resultaat;95.676;0")
        let site = try site(income: income, distribution: goodDistribution)
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            [
                "content/finance/2020/baten-en-lasten.csv:8:11: error: 'Resultaat' in kolom 'Werkelijk 2020' is €\u{00A0}95.676, maar baten min lasten is €\u{00A0}465.000,50 − €\u{00A0}369.323,50 = €\u{00A0}95.677",
                "content/finance/2020/finance.yml:3:9: error: het opgegeven resultaat €\u{00A0}95.677 verschilt van 'Resultaat' in 'Werkelijk 2020': €\u{00A0}95.676",
            ])
    }

    func testUnknownRowsColumnsFilesAndBadAmounts() throws {
        let yaml = financeYAML.replacingOccurrences(of: "income: Som der baten", with: "income: Som de baten")
            .replacingOccurrences(of: "file: verdeling-lasten.csv", with: "file: verdeling.csv")
            .replacingOccurrences(of: "year: 2020", with: "year: 2019")
        let income = goodIncome.replacingOccurrences(of: "Subsidie;240.000;200.000", with: "Subsidie;240.000;twee ton")
        let site = try site(income: income, distribution: goodDistribution, yaml: yaml)
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            [
                "content/finance/2020/baten-en-lasten.csv:2:18: error: 'twee ton' is geen bedrag (zoals 95.677, 1.234,56 of (2.500))",
                "content/finance/2020/finance.yml:1:7: error: jaar 2019 staat in de map content/finance/2020/",
                "content/finance/2020/finance.yml:7:11: error: rij 'Som de baten' staat niet in content/finance/2020/baten-en-lasten.csv; bedoelde je 'Som der baten'?",
                "content/finance/2020/finance.yml:16:9: error: CSV-bestand 'verdeling.csv' niet gevonden in content/finance/2020/",
            ])
    }

    func testAmountWithThousandsPointInYAMLWarns() throws {
        let yaml = financeYAML.replacingOccurrences(of: "result: 95677", with: "result: 95.677")
        let site = try site(income: goodIncome, distribution: goodDistribution, yaml: yaml)
        defer { site.remove() }
        let problems = try site.problems()
        XCTAssertTrue(
            problems.contains(
                "content/finance/2020/finance.yml:3:9: warning: veld 'result': 95.677 is een getal met drie decimalen; bedoel je een bedrag met een duizendtal-punt?"
            ),
            "\(problems)")
    }
}
