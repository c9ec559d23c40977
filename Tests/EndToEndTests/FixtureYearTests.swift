import Foundation
import TestSupport
import XCTest

/// The `jaar-2023` fixture: a site written from docs/content.md alone (another organisation, the year
/// 2023, role changes in every body, cents in the accounts, a missed target, every optional part used,
/// published under a sub-path). Built once with the real binary; site, HTML report and PDF are checked
/// against figures computed by hand (see the comment in the fixture's finance.yml).
final class FixtureYearTests: XCTestCase {
    private static let fixture = FixtureBuild("jaar-2023", warnings: false)
    private static let baseURL = "https://example.org/buurtbrein/"

    override class func tearDown() {
        fixture.remove()
        super.tearDown()
    }

    /// The fixture built once (site and, through its report.yml, the report); the site folder.
    private func site() throws -> URL { try Self.fixture.site() }

    private func page(_ path: String) throws -> String {
        try String(contentsOf: try site().appendingPathComponent("output/" + path), encoding: .utf8)
    }

    private func text(_ path: String) throws -> String { SiteOutputChecks.visibleText(ofHTML: try page(path)) }

    /// The PDF's text as pdftotext reads it (`SiteOutputChecks.pdfText`); nil without the tool.
    private func pdfText() throws -> String? {
        try SiteOutputChecks.pdfText(try site().appendingPathComponent("output/jaarverslag-2023.pdf"))
    }

    func testCheckIsClean() throws {
        let site = try BreingenProcess.copyOfFixture("jaar-2023")
        defer { try? FileManager.default.removeItem(at: site) }
        let check = try BreingenProcess.run(["check"], in: site)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.hasPrefix("inhoud in orde: geen fouten, geen waarschuwingen"), check.stderr)
    }

    /// Every amount of the five tables, in the notation of a year with cents, and the ratios and verdicts:
    /// the same on the site's finance page, in the HTML report and in the PDF.
    func testEveryFigureOfTheYearIsTheSameInSiteHTMLReportAndPDF() throws {
        var sources = [
            "de site (financien/2023/)": try text("financien/2023/index.html"),
            "het HTML-verslag": try text("jaarverslag-2023.html"),
        ]
        if let pdf = try pdfText() { sources["het PDF-verslag"] = pdf }

        // By hand: the totals, the result, the ratios against the norms of site.yml (85% and 7%).
        var figures: Set<String> = [
            "470.787,50", "363.511,00", "25.000,00", "388.511,00", "82.276,50", "45.000,00", "50.500,00",
            "77,2%", "minimaal 85,0%", "niet gehaald", "6,4%", "maximaal 7,0%", "gehaald",
            "50.000,00", "32.276,50", "261.043,05", "182.500,00", "245.812,80", "170.500,00", "75.312,80",
            "-3.230,25", "-3.733,45", "0,00",
        ]
        // And every cell of every table, written with two decimals: the year has cents, so all amounts show them.
        let folder = try site().appendingPathComponent("content/finance/2023")
        for file in [
            "baten-en-lasten.csv", "verdeling-lasten.csv", "resultaatbestemming.csv", "balans.csv",
            "kasstroomoverzicht.csv",
        ] {
            let csv = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in csv.split(separator: "\n").dropFirst() {
                for cell in line.split(separator: ";", omittingEmptySubsequences: false).dropFirst() where cell != "-" {
                    figures.insert(Self.withCents(String(cell)))
                }
            }
        }
        XCTAssertGreaterThan(figures.count, 60)
        for (name, text) in sources {
            for figure in figures.sorted() {
                XCTAssertTrue(text.contains(figure), "\(figure) ontbreekt in \(name)")
            }
            // No amount lost its last zero: "470.787,5" or "-312,5" would be a figure printed another way.
            for amount in [
                "470.787,50", "180.210,40", "62.300,60", "82.276,50", "245.812,80", "75.312,80", "32.276,50",
            ] {
                XCTAssertNil(
                    text.range(
                        of: NSRegularExpression.escapedPattern(for: String(amount.dropLast())) + #"(?![0-9])"#,
                        options: .regularExpression), "\(amount) zonder laatste nul in \(name)")
            }
            XCTAssertFalse(text.contains("81%") || text.contains("77%"), "een percentage zonder decimaal in \(name)")
            XCTAssertFalse(text.contains("voldaan"), "een ander woord voor het oordeel in \(name)")
        }
        // The site also gives each objective's share of the expenses, one decimal each:
        // 180.210,40 / 388.511 = 46,4%; 121.000 / 388.511 = 31,1%; 62.300,60 / 388.511 = 16,0%; 25.000 / 388.511 = 6,4%.
        let finance = sources["de site (financien/2023/)"]!
        for share in ["46,4%", "31,1%", "16,0%", "6,4%"] { XCTAssertTrue(finance.contains(share), share) }
        XCTAssertTrue(finance.contains("Het resultaat over 2023 is € 82.276,50"), finance)
        for title in ["Resultaatbestemming", "Balans", "Kasstroomoverzicht"] {
            XCTAssertTrue(finance.contains(title), title)
        }
    }

    /// The organisation by hand: in each body one change of role, who joined and who left; each body by
    /// role and sort name; the editors' sentence about the office's fte is not repeated.
    func testOrganisationChapterReportsChangesAsChanges() throws {
        var sources = ["het HTML-verslag": try text("jaarverslag-2023.html")]
        if let pdf = try pdfText() { sources["het PDF-verslag"] = pdf }
        for (name, text) in sources {
            for sentence in [
                "Het bestuur bestond eind 2023 uit vier personen.",
                "Marieke de Wit voorzitter Anton van den Berg vice-voorzitter Sandra Bakker penningmeester Youssef El Idrissi secretaris",
                "Wijziging in 2023: Marieke de Wit is per 1 april 2023 voorzitter (was lid).",
                "Nieuw in 2023: Youssef El Idrissi (secretaris, per 1 september 2023).",
                "Afscheid in 2023: Pieter Jansen (voorzitter, tot en met 31 maart 2023).",
                "Eind 2023 telde de raad van advies vier leden.",
                // The chair named as such in the table (the role column, beside organisation and function).
                "Fatma Yılmaz voorzitter Gemeente Utrecht wethouder Ellen de Graaf lid Woonstichting Thuis bestuurder Ruud Hendriks lid Rabobank Utrecht directeur Joost Meijer lid Meijer Advies partner",
                "is per 1 juni 2023 voorzitter (was lid).",
                "Afscheid in 2023: Henk Vos (directeur, Vos Bouw, tot en met 30 juni 2023) en Ellen de Graaf (bestuurder, Woonstichting Thuis, tot en met 31 december 2023).",
                "Joost Meijer (partner, Meijer Advies, per 1 februari 2023)",
                "Lotte Visser directeur 1,0 Nina Bos communicatieadviseur 0,5 Bas Kramer projectleider 0,8 Totaal 2,3",
                "Wijziging in 2023: Bas Kramer werkt per 1 juli 2023 0,8 fte (was 0,6 fte).",
                "Nieuw in 2023: Nina Bos (communicatieadviseur, per 1 april 2023).",
                "Afscheid in 2023: Tom de Vries (officemanager, tot en met 31 augustus 2023).",
            ] {
                XCTAssertTrue(text.contains(sentence), "'\(sentence)' ontbreekt in \(name)")
            }
            // A change is no departure: Marieke de Wit, Fatma Yılmaz and Bas Kramer are in no afscheid or nieuw list.
            for person in ["Marieke de Wit (", "Bas Kramer (", "Yılmaz (", "Yilmaz ("] {
                XCTAssertFalse(text.contains(person), "\(person) staat als vertrek of nieuw lid in \(name)")
            }
            XCTAssertEqual(
                text.components(separatedBy: "2,3 fte").count - 1, 1, "de zin over 2,3 fte staat er één keer in \(name)"
            )
            XCTAssertFalse(text.contains("werkten er drie mensen op het programmabureau"), name)
        }
        // The site's organisation page lists who holds a role today, in the same order.
        let organisation = try text("organisatie/index.html")
        for sequence in [
            "Marieke de Wit voorzitter Anton van den Berg vice-voorzitter Sandra Bakker penningmeester Youssef El Idrissi secretaris",
            "Fatma Yılmaz voorzitter wethouder, Gemeente Utrecht Ruud Hendriks lid directeur, Rabobank Utrecht Joost Meijer lid",
            "Lotte Visser directeur Nina Bos communicatieadviseur Bas Kramer projectleider",
        ] {
            XCTAssertTrue(
                organisation.contains(sequence), "'\(sequence)' ontbreekt op de organisatiepagina:\n\(organisation)")
        }
        for gone in ["Pieter Jansen", "Henk Vos", "Ellen de Graaf", "Tom de Vries"] {
            XCTAssertFalse(organisation.contains(gone), gone)
        }
    }

    /// Schuldhulp ended in 2022 and has nothing in 2023: not in the 2023 report. Digitale inclusie ended in
    /// June 2023: in the report, with its end date. Today only Eenzaamheid runs (open period from 2023).
    func testThemesThatEndedAreLeftOutOfTheYearAndTheCurrentViews() throws {
        var sources = ["het HTML-verslag": try text("jaarverslag-2023.html")]
        if let pdf = try pdfText() { sources["het PDF-verslag"] = pdf }
        for (name, text) in sources {
            XCTAssertTrue(
                text.contains("2.1 Wonen en zorg") && text.contains("2.2 Eenzaamheid onder jongeren")
                    && text.contains("2.3 Digitale inclusie"), name)
            XCTAssertFalse(text.contains("Schuldhulp in de wijk Doelstelling"), name)
            XCTAssertFalse(text.contains("Schulden vroeg zien"), "de doelstelling van een afgelopen thema in \(name)")
            XCTAssertTrue(text.contains("Beëindigd op 30 juni 2023."), name)
        }
        let overview = try text("themas/index.html")
        let current = try XCTUnwrap(overview.range(of: "Lopende thema's"))
        let ended = try XCTUnwrap(overview.range(of: "Afgeronde thema's"))
        XCTAssertLessThan(current.lowerBound, ended.lowerBound)
        let currentPart = String(overview[current.upperBound..<ended.lowerBound])
        let endedPart = String(overview[ended.upperBound...])
        XCTAssertTrue(currentPart.contains("Eenzaamheid onder jongeren"), currentPart)
        for theme in ["Wonen en zorg", "Schuldhulp in de wijk", "Digitale inclusie"] {
            XCTAssertFalse(currentPart.contains(theme), theme)
            XCTAssertTrue(endedPart.contains(theme), theme)
        }
        XCTAssertTrue(endedPart.contains("Afgerond op 30 juni 2023"), endedPart)
        // The home page's themes (the cards of the latest practices further down name any theme).
        let home = try text("index.html")
        let themesOnHome = try XCTUnwrap(home.components(separatedBy: "Nieuwste best practices").first)
        XCTAssertTrue(themesOnHome.contains("Eenzaamheid onder jongeren"), themesOnHome)
        for theme in ["Wonen en zorg", "Schuldhulp in de wijk", "Digitale inclusie"] {
            XCTAssertFalse(themesOnHome.contains(theme), theme)
        }
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: try site().appendingPathComponent("output/themas/schuldhulp/index.html").path))
    }

    /// Address, KvK-nummer and the rest of site.yml's organisation where a reader looks; an activity's time.
    func testEditorsDataShowsUp() throws {
        let contact = try text("contact/index.html")
        for fact in [
            "Stichting Buurtkracht Nederland", "Oudegracht 100, 3511 AX Utrecht", "KvK-nummer 87654321",
            "info@buurtkracht.example",
            "www.buurtkracht.example", "14 mei 2018",
        ] {
            XCTAssertTrue(contact.contains(fact), "\(fact) ontbreekt op de contactpagina")
        }
        for path in ["index.html", "best-practices/knarrenhof/index.html"] {
            let footer = try XCTUnwrap(try text(path).components(separatedBy: "is een initiatief van").last)
            XCTAssertTrue(
                footer.contains("Oudegracht 100, 3511 AX Utrecht") && footer.contains("KvK-nummer 87654321"),
                "voettekst van \(path): \(footer)")
        }
        var sources = ["het HTML-verslag": try text("jaarverslag-2023.html")]
        if let pdf = try pdfText() { sources["het PDF-verslag"] = pdf }
        for (name, text) in sources {
            let colophon = try XCTUnwrap(text.components(separatedBy: "Colofon").last, name)
            for fact in [
                "Adres: Oudegracht 100, 3511 AX Utrecht", "KvK-nummer: 87654321", "E-mail: info@buurtkracht.example",
                "Website: https://www.buurtkracht.example/", "Opgericht: 14 mei 2018",
            ] {
                XCTAssertTrue(colophon.contains(fact), "\(fact) ontbreekt in het colofon van \(name)")
            }
            XCTAssertTrue(text.contains("14 maart 2023, 19.30 uur – Buurtavond over wonen en zorg"), name)
        }
        let activity = try page("activiteiten/2023-03-14-buurtavond/index.html")
        XCTAssertTrue(
            activity.contains("<time datetime=\"2023-03-14T19:30\">14 maart 2023, 19.30 uur</time>"), activity)
        XCTAssertTrue(try page("activiteiten/index.html").contains("14 maart 2023, 19.30 uur"))
    }

    /// Published under /buurtbrein/: every link of every output resolves under it, also the ones the editors
    /// wrote from the site's root.
    func testEveryLinkStaysUnderTheSubPath() throws {
        let output = try site().appendingPathComponent("output")
        XCTAssertEqual(SiteOutputChecks.unresolvedLinks(in: output, baseURL: Self.baseURL), [])
        XCTAssertTrue(try page("themas/wonen-en-zorg/index.html").contains("href=\"/buurtbrein/themas/\""))
        XCTAssertTrue(
            try page("themas/eenzaamheid-jongeren/index.html").contains(
                "href=\"/buurtbrein/activiteiten/2023-10-05-jongerendag/\""))
    }

    func testNoOutputPrintsAMissingValue() throws {
        let output = try site().appendingPathComponent("output")
        var found: [String] = []
        for file in SiteOutputChecks.files(in: output) where !file.hasPrefix("assets/") {
            if file.hasSuffix(".html") {
                found += SiteOutputChecks.missingValueMarkers(inHTML: SiteOutputChecks.read(output, file), file: file)
            } else if file.hasSuffix(".json") || file.hasSuffix(".xml") || file.hasSuffix(".txt") {
                found += SiteOutputChecks.missingValueMarkers(inText: SiteOutputChecks.read(output, file), file: file)
            }
        }
        if let pdf = try pdfText() {
            found += SiteOutputChecks.missingValueMarkers(inText: pdf, file: "jaarverslag-2023.pdf")
        }
        XCTAssertEqual(found, [])
    }

    /// "125.450,75" → "125.450,75"; "300.000" → "300.000,00"; "(3.230,25)" → "-3.230,25"; "0" → "0,00".
    private static func withCents(_ cell: String) -> String {
        var text = cell.trimmingCharacters(in: .whitespaces)
        var negative = false
        if text.hasPrefix("(") && text.hasSuffix(")") {
            negative = true
            text = String(text.dropFirst().dropLast())
        }
        if text.hasPrefix("-") {
            negative = true
            text.removeFirst()
        }
        if !text.contains(",") { text += ",00" }
        return (negative && text != "0,00" ? "-" : "") + text
    }
}
