import Diagnostics
import Foundation

/// `breingen new report YEAR`: `content/reports/YEAR/report.yml` with the generated chapters the content
/// can fill (themes, organisation, finance) and the editors' parts as comments, so it passes `check` as
/// it is.
enum NewReport {
    static func create(root: URL, yearText: String) throws -> URL {
        guard let year = Int(yearText), (1900...2200).contains(year) else {
            throw Diagnostic(.error, "'\(yearText)' is geen jaar; gebruik bijvoorbeeld: breingen new report 2023")
        }
        let relative = "content/reports/\(year)/report.yml"
        let target = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: target.path) {
            throw Diagnostic(.error, "\(relative) bestaat al; pas de bestaande definitie aan", file: relative)
        }
        func has(_ folder: String, _ suffix: String) -> Bool {
            let entries =
                (try? FileManager.default.contentsOfDirectory(
                    atPath: root.appendingPathComponent("content/\(folder)").path)) ?? []
            return entries.contains { $0.hasSuffix(suffix) && !$0.hasPrefix(".") && $0 != "README.md" }
        }
        let finance = FileManager.default.fileExists(
            atPath: root.appendingPathComponent("content/finance/\(year)/finance.yml").path)
        func chapter(_ part: String, _ available: Bool, _ missing: String) -> String {
            available ? "  - generated: \(part)\n" : "  # - generated: \(part)   (\(missing))\n"
        }
        var text = """
            # Het jaarverslag \(year): welke delen erin staan en in welke volgorde (zie docs/report.md).
            # Hoofdstukken en paragrafen worden automatisch genummerd; zet zelf geen nummers in de koppen.
            year: \(year)
            title: Jaarverslag \(year)
            # subtitle: Stichting Voorbeeld   (standaard: de statutaire naam uit site.yml)
            # cover: [Den Haag, \(year + 1)]
            # foreword: {file: voorwoord.md, author: Naam, role: Functie}   (een tekst in deze map)
            chapters:
              # - file: 1-inleiding.md   (een tekst van de redactie in deze map)

            """
        text += chapter("themes", has("themes", ".md"), "er zijn nog geen thema's")
        text += chapter("organisation", has("people", ".md"), "er staan nog geen personen in content/people/")
        text += chapter("finance", finance, "maak eerst de staten: breingen new finance \(year)")
        guard text.contains("  - ") else {
            throw Diagnostic(
                .error,
                "een jaarverslag heeft minstens één hoofdstuk; er zijn nog geen thema's, personen of financiële staten voor \(year)"
            )
        }
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try NewItem.writeExclusively(text, to: target, relative: relative)
        return target
    }
}
