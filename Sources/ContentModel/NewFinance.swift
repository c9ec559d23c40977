import Diagnostics
import Foundation

/// `breingen new finance YEAR`: a folder with `finance.yml` and both tables, example figures that add up.
enum NewFinance {
    static func create(root: URL, yearText: String) throws -> URL {
        guard let year = Int(yearText), (1900...2200).contains(year) else {
            throw Diagnostic(.error, "'\(yearText)' is geen jaar; gebruik bijvoorbeeld: breingen new finance 2021")
        }
        let relative = "content/finance/\(year)"
        let folder = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: folder.path) {
            throw Diagnostic(.error, "\(relative)/ bestaat al; pas de bestaande staten aan", file: relative)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try NewItem.writeExclusively(
            financeYAML(year), to: folder.appendingPathComponent("finance.yml"), relative: relative + "/finance.yml")
        try NewItem.writeExclusively(
            """
            Omschrijving;Werkelijk \(year);Begroting \(year)
            Subsidie;200.000;200.000
            Bijdragen raad van advies;100.000;100.000
            Som der baten;300.000;300.000
            Besteed aan doelstellingen;250.000;280.000
            Beheer en administratie;20.000;20.000
            Som der lasten;270.000;300.000
            Resultaat;30.000;0

            """, to: folder.appendingPathComponent("baten-en-lasten.csv"), relative: relative + "/baten-en-lasten.csv")
        try NewItem.writeExclusively(
            """
            Lasten;Thema A;Thema B;Beheer en administratie;Totaal \(year)
            Personeelskosten;100.000;80.000;15.000;195.000
            Directe projectkosten;40.000;30.000;5.000;75.000
            Totaal;140.000;110.000;20.000;270.000

            """, to: folder.appendingPathComponent("verdeling-lasten.csv"), relative: relative + "/verdeling-lasten.csv"
        )
        return folder.appendingPathComponent("finance.yml")
    }

    private static func financeYAML(_ year: Int) -> String {
        """
        # Financiële staten \(year). Alle bedragen hieronder zijn een voorbeeld: vervang ze door de echte.
        year: \(year)
        illustrative: true
        note: Voorbeeldcijfers.
        result: 30000
        incomeAndExpenses:
          file: baten-en-lasten.csv
          column: Werkelijk \(year)
          income: Som der baten
          expenses: Som der lasten
          result: Resultaat
          objectives: Besteed aan doelstellingen
          management: Beheer en administratie
          totals:
            - {row: Som der baten, sumOf: [Subsidie, Bijdragen raad van advies]}
            - {row: Som der lasten, sumOf: [Besteed aan doelstellingen, Beheer en administratie]}
        distribution:
          file: verdeling-lasten.csv
          objectives: [Thema A, Thema B]
          management: Beheer en administratie
          totals:
            - {row: Totaal, sumOf: [Personeelskosten, Directe projectkosten]}
          columnTotals:
            - {column: Totaal \(year), sumOf: [Thema A, Thema B, Beheer en administratie]}

        """
    }
}
