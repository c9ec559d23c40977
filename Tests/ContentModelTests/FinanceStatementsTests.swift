import Foundation
import XCTest

@testable import ContentModel

/// The checks across the tables of a year (verdeling against the staat, to the cent) and the optional
/// resultaatbestemming, balans and kasstroomoverzicht. Figures computed by hand in the comments.
final class FinanceStatementsTests: XCTestCase {
    private let yaml = """
        year: 2020
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
            - {row: Besteed aan doelstellingen, sumOf: [Onderwijs, Huisvesting]}
            - {row: Som der lasten, sumOf: [Besteed aan doelstellingen, Beheer en administratie]}
        distribution:
          file: verdeling-lasten.csv
          objectives: [Onderwijs, Huisvesting]
          management: Beheer en administratie
          totals:
            - {row: Totaal, sumOf: [Personeel, Kantoor]}
          columnTotals:
            - {column: Totaal, sumOf: [Onderwijs, Huisvesting, Beheer en administratie]}
        appropriation:
          file: resultaatbestemming.csv
          result: Resultaat
        balanceSheet:
          file: balans.csv
          column: 31 december 2020
          previousColumn: 31 december 2019
          assets: Totaal activa
          liabilities: Totaal passiva
          cash: Liquide middelen
          totals:
            - {row: Totaal activa, sumOf: [Vorderingen, Liquide middelen]}
            - {row: Totaal passiva, sumOf: [Continuïteitsreserve, Bestemmingsreserve, Kortlopende schulden]}
        cashFlow:
          file: kasstroomoverzicht.csv
          column: Werkelijk 2020
          change: Mutatie liquide middelen
          totals:
            - {row: Mutatie liquide middelen, sumOf: [Kasstroom uit operationele activiteiten, Kasstroom uit investeringsactiviteiten]}

        """

    // 240.000 + 225.000,50 = 465.000,50; 230.000 + 115.000 = 345.000; 345.000 + 24.323,50 = 369.323,50;
    // 465.000,50 − 369.323,50 = 95.677.
    private let income = """
        Omschrijving;Werkelijk 2020;Begroting 2020
        Subsidie;240.000;200.000
        Bijdragen;225.000,50;225.000
        Som der baten;465.000,50;425.000
        Onderwijs;230.000;250.000
        Huisvesting;115.000;150.000
        Besteed aan doelstellingen;345.000;400.000
        Beheer en administratie;24.323,50;25.000
        Som der lasten;369.323,50;425.000
        Resultaat;95.677;0

        """

    private let distribution = """
        Lasten;Onderwijs;Huisvesting;Beheer en administratie;Totaal
        Personeel;200.000;100.000;20.000;320.000
        Kantoor;30.000;15.000;4.323,50;49.323,50
        Totaal;230.000;115.000;24.323,50;369.323,50

        """

    // 60.000 + 35.677 = 95.677.
    private let appropriation = """
        Bestemming;Werkelijk 2020
        Toevoeging continuïteitsreserve;60.000
        Toevoeging bestemmingsreserve;35.677
        Resultaat;95.677

        """

    // 12.500,25 + 300.000 = 312.500,25 = 160.000 + 35.677 + 116.823,25; 10.000 + 204.500 = 214.500 = 100.000 + 0 + 114.500.
    private let balance = """
        Balans;31 december 2020;31 december 2019
        Vorderingen;12.500,25;10.000
        Liquide middelen;300.000;204.500
        Totaal activa;312.500,25;214.500
        Continuïteitsreserve;160.000;100.000
        Bestemmingsreserve;35.677;0
        Kortlopende schulden;116.823,25;114.500
        Totaal passiva;312.500,25;214.500

        """

    // 300.000 − 204.500 = 95.500 = 98.000 − 2.500.
    private let cashFlow = """
        Kasstroom;Werkelijk 2020
        Kasstroom uit operationele activiteiten;98.000
        Kasstroom uit investeringsactiviteiten;(2.500)
        Mutatie liquide middelen;95.500

        """

    private func site(_ replacements: [String: (String, String)] = [:], yaml: String? = nil) throws -> TestSite {
        var files = [
            "baten-en-lasten.csv": income, "verdeling-lasten.csv": distribution,
            "resultaatbestemming.csv": appropriation,
            "balans.csv": balance, "kasstroomoverzicht.csv": cashFlow, "finance.yml": yaml ?? self.yaml,
        ]
        for (file, change) in replacements {
            XCTAssertTrue(files[file]!.contains(change.0), "\(change.0) staat niet in \(file)")
            files[file] = files[file]!.replacingOccurrences(of: change.0, with: change.1)
        }
        return try TestSite(
            Dictionary(uniqueKeysWithValues: files.map { ("content/finance/2020/\($0.key)", $0.value) }))
    }

    func testConsistentStatementsLoadEveryTable() throws {
        let site = try site()
        defer { site.remove() }
        let (kb, diagnostics) = try site.load()
        XCTAssertEqual(diagnostics.map(\.description), [])
        let year = try XCTUnwrap(kb.financialYear(2020))
        XCTAssertEqual(year.appropriation?.resultRow, "Resultaat")
        XCTAssertEqual(year.appropriation?.column, "Werkelijk 2020", "defaults to the staat's column")
        XCTAssertEqual(year.balanceSheet?.table.value(row: "Liquide middelen", column: "31 december 2019"), 204_500)
        XCTAssertEqual(
            year.cashFlow?.table.value(row: "Kasstroom uit investeringsactiviteiten", column: "Werkelijk 2020"), -2_500)
        XCTAssertEqual(year.tables.count, 5)
        XCTAssertTrue(year.notation.cents)
        XCTAssertEqual(year.notation.amount(Decimal(string: "470787.5")), "470.787,50")
        XCTAssertEqual(year.notation.amount(Decimal(string: "-312.5")), "-312,50")
        XCTAssertEqual(year.notation.amount(95_677), "95.677,00")
        XCTAssertEqual(year.notation.money(95_677), "€\u{00A0}95.677,00")
        XCTAssertEqual(FinanceNotation(cents: false).amount(95_677), "95.677")
        XCTAssertEqual(FinanceNotation.share(Decimal(string: "0.81")!), "81,0%")
        XCTAssertEqual(FinanceNotation.verdict(false), "niet gehaald")
    }

    func testVerdelingMustEqualTheStaatPerObjectiveToTheCent() throws {
        // Onderwijs 229.000 and Huisvesting 116.000: the verdeling adds up in itself, but each differs from the staat.
        let site = try site([
            "verdeling-lasten.csv": (
                """
                Kantoor;30.000;15.000;4.323,50;49.323,50
                Totaal;230.000;115.000;24.323,50;369.323,50
                """,
                """
                Kantoor;29.000;16.000;4.323,50;49.323,50
                Totaal;229.000;116.000;24.323,51;369.323,51
                """
            )
        ])
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            [
                "content/finance/2020/verdeling-lasten.csv:4:8: error: 'Onderwijs' is in de verdeling van de lasten €\u{00A0}229.000, maar in de staat van baten en lasten (rij 'Onderwijs', kolom 'Werkelijk 2020') €\u{00A0}230.000 (verschil -€\u{00A0}1.000)",
                "content/finance/2020/verdeling-lasten.csv:4:16: error: 'Huisvesting' is in de verdeling van de lasten €\u{00A0}116.000, maar in de staat van baten en lasten (rij 'Huisvesting', kolom 'Werkelijk 2020') €\u{00A0}115.000 (verschil €\u{00A0}1.000)",
                "content/finance/2020/verdeling-lasten.csv:4:24: error: 'Beheer en administratie' is in de verdeling van de lasten €\u{00A0}24.323,51, maar in de staat van baten en lasten (rij 'Beheer en administratie', kolom 'Werkelijk 2020') €\u{00A0}24.323,50 (verschil €\u{00A0}0,01)",
                "content/finance/2020/verdeling-lasten.csv:4:24: error: 'Totaal' in kolom 'Beheer en administratie' is €\u{00A0}24.323,51, maar de som van 2 rijen is €\u{00A0}24.323,50 (verschil €\u{00A0}0,01)",
                "content/finance/2020/verdeling-lasten.csv:4:34: error: 'Totaal' in kolom 'Totaal' is €\u{00A0}369.323,51, maar de som van 2 rijen is €\u{00A0}369.323,50 (verschil €\u{00A0}0,01)",
                "content/finance/2020/verdeling-lasten.csv:4:34: error: 'Totaal' is in de verdeling van de lasten €\u{00A0}369.323,51, maar in de staat van baten en lasten (rij 'Som der lasten', kolom 'Werkelijk 2020') €\u{00A0}369.323,50 (verschil €\u{00A0}0,01)",
            ])
    }

    func testWithoutARowPerObjectiveTheObjectivesTogetherEqualTheirRow() throws {
        let yaml = self.yaml.replacingOccurrences(
            of: "    - {row: Besteed aan doelstellingen, sumOf: [Onderwijs, Huisvesting]}\n", with: "")
        let site = try site(
            [
                "baten-en-lasten.csv": (
                    "Onderwijs;230.000;250.000\nHuisvesting;115.000;150.000\nBesteed aan doelstellingen;345.000;400.000",
                    "Besteed aan doelstellingen;345.000;400.000"
                ),
                "verdeling-lasten.csv": (
                    "Personeel;200.000;100.000;20.000;320.000\nKantoor;30.000;15.000;4.323,50;49.323,50\nTotaal;230.000;115.000;24.323,50;369.323,50",
                    "Personeel;201.000;100.000;20.000;321.000\nKantoor;30.000;15.000;4.323,50;49.323,50\nTotaal;231.000;115.000;24.323,50;370.323,50"
                ),
            ], yaml: yaml)
        defer { site.remove() }
        let problems = try site.problems()
        XCTAssertTrue(
            problems.contains(
                "content/finance/2020/verdeling-lasten.csv:4:8: error: 'samen de doelstellingen' is in de verdeling van de lasten €\u{00A0}346.000, maar in de staat van baten en lasten (rij 'Besteed aan doelstellingen', kolom 'Werkelijk 2020') €\u{00A0}345.000 (verschil €\u{00A0}1.000)"
            ),
            "\(problems)")
    }

    func testAppropriationMustAllocateTheWholeResult() throws {
        let site = try site([
            "resultaatbestemming.csv": (
                "bestemmingsreserve;35.677\nResultaat;95.677", "bestemmingsreserve;35.676\nResultaat;95.678"
            )
        ])
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            [
                "content/finance/2020/resultaatbestemming.csv:4:11: error: 'Resultaat' in kolom 'Werkelijk 2020' is €\u{00A0}95.678, maar het resultaat van het jaar (result in finance.yml) is €\u{00A0}95.677",
                "content/finance/2020/resultaatbestemming.csv:4:11: error: de bestemming van het resultaat telt op tot €\u{00A0}95.676, maar 'Resultaat' in kolom 'Werkelijk 2020' is €\u{00A0}95.678 (verschil €\u{00A0}2)",
            ])
    }

    func testBalanceSheetMustBalanceAndCashFlowMustMatchIt() throws {
        // Liquide middelen 300.000,10 at the end: the assets grow by 0,10, the passiva do not, and the
        // change in cash becomes 95.500,10 while the kasstroomoverzicht says 95.500.
        let site = try site([
            "balans.csv": (
                "Liquide middelen;300.000;204.500\nTotaal activa;312.500,25",
                "Liquide middelen;300.000,10;204.500\nTotaal activa;312.500,35"
            )
        ])
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            [
                "content/finance/2020/balans.csv:8:16: error: de balans sluit niet in kolom '31 december 2020': 'Totaal passiva' is €\u{00A0}312.500,25, maar 'Totaal activa' is €\u{00A0}312.500,35 (verschil -€\u{00A0}0,10)",
                "content/finance/2020/kasstroomoverzicht.csv:4:26: error: 'Mutatie liquide middelen' is €\u{00A0}95.500, maar de liquide middelen op de balans gingen van €\u{00A0}204.500 naar €\u{00A0}300.000,10: een mutatie van €\u{00A0}95.500,10 (verschil -€\u{00A0}0,10)",
            ])
    }

    func testCashFlowWithoutBalanceSheetSaysWhatIsMissing() throws {
        let yaml = self.yaml.replacingOccurrences(of: "  previousColumn: 31 december 2019\n", with: "")
        let site = try site(yaml: yaml)
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            [
                "content/finance/2020/finance.yml:38:11: error: de mutatie van het kasstroomoverzicht wordt gecontroleerd tegen de liquide middelen op de balans: geef bij 'balanceSheet' ook 'cash' en 'previousColumn'"
            ])
    }

    func testUnknownFieldsInTheNewTablesAreNamed() throws {
        let yaml = self.yaml.replacingOccurrences(
            of: "  cash: Liquide middelen", with: "  liquideMiddelen: Liquide middelen")
        let site = try site(yaml: yaml)
        defer { site.remove() }
        let problems = try site.problems()
        XCTAssertTrue(
            problems.contains(
                "content/finance/2020/finance.yml:32:3: warning: onbekend veld 'liquideMiddelen' (balans); bedoelde je 'cash'?"
            ), "\(problems)")
    }
}
