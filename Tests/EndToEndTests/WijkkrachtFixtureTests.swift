import Foundation
import TestSupport
import XCTest

/// The `wijkkracht` fixture: a site a new editor wrote from the docs alone (`breingen init`, then another
/// organisation, reports for 2024 and 2025, themes that start and end mid-year, people who change role,
/// move between bodies, leave and come back, a loss and a year with cents in some tables only, tags spelled
/// several ways, a two-level sub-path). Built once with the real binary; the site, both HTML reports and
/// both PDFs are compared with figures worked out by hand below.
final class WijkkrachtFixtureTests: XCTestCase {
    private static let fixture = FixtureBuild("wijkkracht")

    override class func tearDown() {
        fixture.remove()
        super.tearDown()
    }

    /// The fixture built once (the site writes both years' reports); the site folder.
    private func site() throws -> URL { try Self.fixture.site() }

    private func page(_ path: String) throws -> String {
        try String(contentsOf: try site().appendingPathComponent("output/" + path), encoding: .utf8)
    }

    /// What a reader reads, with the space that a closing tag leaves before punctuation taken out.
    private static func reading(_ text: String) -> String {
        text.replacingOccurrences(of: #"\s+([.,;:)])"#, with: "$1", options: .regularExpression)
            .replacingOccurrences(of: #"\(\s+"#, with: "(", options: .regularExpression)
    }

    private func text(_ path: String) throws -> String {
        Self.reading(SiteOutputChecks.visibleText(ofHTML: try page(path)))
    }

    /// The report of `year` as the HTML and (when pdftotext is there) the PDF give it to a reader.
    private func reports(_ year: Int) throws -> [String: String] {
        var sources = ["het HTML-verslag \(year)": try text("jaarverslag-\(year).html")]
        if let pdf = try SiteOutputChecks.pdfText(try site().appendingPathComponent("output/jaarverslag-\(year).pdf")) {
            sources["het PDF-verslag \(year)"] = Self.reading(pdf)
        }
        return sources
    }

    private func assertContains(
        _ sources: [String: String], _ expected: [String], file: StaticString = #filePath, line: UInt = #line
    ) {
        for (name, text) in sources {
            for sentence in expected {
                XCTAssertTrue(text.contains(sentence), "\(name) mist: \(sentence)", file: file, line: line)
            }
        }
    }

    private func assertLacks(
        _ sources: [String: String], _ unexpected: [String], file: StaticString = #filePath, line: UInt = #line
    ) {
        for (name, text) in sources {
            for sentence in unexpected {
                XCTAssertFalse(text.contains(sentence), "\(name) bevat: \(sentence)", file: file, line: line)
            }
        }
    }

    /// `check` passes with exactly the mistakes the editor made on purpose, and names the tag spelling the
    /// site then shows.
    func testCheckReportsTheEditorsMistakesAsWarnings() throws {
        let site = try BreingenProcess.copyOfFixture("wijkkracht")
        defer { try? FileManager.default.removeItem(at: site) }
        let check = try BreingenProcess.run(["check"], in: site)
        let out = check.stdout + check.stderr
        XCTAssertEqual(check.status, 0, out)
        XCTAssertTrue(out.contains("0 fouten, 10 waarschuwingen"), out)
        for expected in [
            "content/best-practices/taalcafe.md:8:10: warning: veld 'website': 'www.taalcafe.example' is geen volledig webadres",
            "content/best-practices/energiecoaches-aan-huis.md:39:1: warning: afbeelding '/img/energiecoach.png' heeft geen alt-tekst",
            "content/reports/2024/1-inleiding.md:15:4: warning: de kop heeft nummer 1.3, maar breingen nummert hem 1.2",
            // The statement init wrote still names init's example organisation: visitors would mail info@voorbeeld.nl.
            "content/pages/toegankelijkheid.md:5:1: warning: 'Stichting Voorbeeld' is een voorbeeld van breingen init of new",
            "tag 'Énergie' wordt ook anders gespeld", "bijvoorbeeld 'Energie'",
            "tag 'Wónen' wordt ook anders gespeld", "bijvoorbeeld 'wonen'",
            "tag 'Ouderen' wordt ook anders gespeld", "bijvoorbeeld 'ouderen'",
            "bijvoorbeeld 'digitale vaardigheden'", "bijvoorbeeld 'zorg-welzijn'", "bijvoorbeeld 'sport'",
        ] {
            XCTAssertTrue(out.contains(expected), "check meldt niet: \(expected)\n\(out)")
        }
    }

    // MARK: - Finance

    /// Every cell of a year's tables in the notation of that year: whole euros in 2024 (no amount has
    /// cents), two decimals throughout 2025 (the balans and the kasstroomoverzicht have cents).
    private func cells(of year: Int, cents: Bool) throws -> Set<String> {
        var figures: Set<String> = []
        let folder = try site().appendingPathComponent("content/finance/\(year)")
        for file in [
            "baten-en-lasten.csv", "verdeling-lasten.csv", "resultaatbestemming.csv", "balans.csv",
            "kasstroomoverzicht.csv",
        ] {
            let csv = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let separator: Character = csv.contains(";") ? ";" : ","
            for line in csv.split(separator: "\n").dropFirst() {
                for cell in line.split(separator: separator, omittingEmptySubsequences: false).dropFirst()
                where !cell.isEmpty && cell != "-" {
                    var amount = String(cell)
                    if amount.hasPrefix("(") { amount = "-" + amount.dropFirst().dropLast() }
                    if cents && !amount.contains(",") { amount += ",00" }
                    figures.insert(amount)
                }
            }
        }
        return figures
    }

    func testEveryFigureOf2024InWholeEurosInSiteAndReports() throws {
        var sources = try reports(2024)
        sources["de site (financien/2024/)"] = try text("financien/2024/index.html")
        // By hand: baten 310.000 + 42.500 + 0 − 150 = 352.350; lasten 298.400 + 61.950 = 360.350;
        // resultaat −8.000. 298.400 / 352.350 = 84,69% (norm 75%: gehaald); 61.950 / 360.350 = 17,19%
        // (norm 10%: niet gehaald).
        let figures = try cells(of: 2024, cents: false).union([
            "84,7%", "minimaal 75,0%", "gehaald", "17,2%", "maximaal 10,0%", "niet gehaald",
        ])
        XCTAssertGreaterThan(figures.count, 40)
        assertContains(sources, figures.sorted())
        for (name, text) in sources {
            XCTAssertNil(
                text.range(of: #"[0-9],00(?![0-9])"#, options: .regularExpression),
                "2024 heeft geen centen, maar \(name) toont ze")
        }
        // The report also gives the budget's and last year's ratios: 290.000 / 350.000 = 82,86%;
        // 265.000 / 341.020 = 77,71%; 45.000 / 335.000 = 13,43%; 40.000 / 305.000 = 13,11%.
        assertContains(try reports(2024), ["82,9%", "77,7%", "13,4%", "13,1%"])
        // The site's shares of the expenses, 360.350: 70.000 → 19,4%; 162.400 → 45,1%; 60.000 → 16,7%;
        // 6.000 → 1,7%; 61.950 → 17,2%.
        let site = sources["de site (financien/2024/)"]!
        for share in ["19,4%", "45,1%", "16,7%", "1,7%", "17,2%"] { XCTAssertTrue(site.contains(share), share) }
        XCTAssertTrue(site.contains("Het resultaat over 2024 is -€ 8.000."), site)
    }

    func testEveryFigureOf2025WithCentsInSiteAndReports() throws {
        var sources = try reports(2025)
        sources["de site (financien/2025/)"] = try text("financien/2025/index.html")
        // By hand: baten 320.000 + 95.000 + 1.250 + 800 = 417.050; lasten 330.000 + 38.000 = 368.000;
        // resultaat 49.050. 330.000 / 417.050 = 79,13% (gehaald); 38.000 / 368.000 = 10,33%, over the
        // maximum of 10% (niet gehaald). The balans: 20.000,50 + 235.500,25 = 255.500,75.
        let figures = try cells(of: 2025, cents: true).union([
            "79,1%", "10,3%", "minimaal 75,0%", "maximaal 10,0%", "niet gehaald",
        ])
        XCTAssertTrue(
            figures.isSuperset(of: ["417.050,00", "-150,00", "255.500,75", "55.500,25", "-5.000,00", "49.050,00"]))
        assertContains(sources, figures.sorted())
        // The budget 2025: 360.000 / 400.000 = 90,0%; 40.000 / 400.000 = 10,0%.
        assertContains(try reports(2025), ["90,0%", "10,0%"])
        // Shares of 368.000: 180.000 → 48,9%; 110.000 → 29,9%; 40.000 → 10,9%; 38.000 → 10,3%.
        let site = sources["de site (financien/2025/)"]!
        for share in ["48,9%", "29,9%", "10,9%", "10,3%"] { XCTAssertTrue(site.contains(share), share) }
        XCTAssertTrue(site.contains("Het resultaat over 2025 is € 49.050,00."), site)
    }

    /// A cost-benefit table is one table: when one investment has cents, all show two decimals.
    func testCostBenefitAmountsShareOneNotation() throws {
        let practice = try text("best-practices/energiecoaches-aan-huis/index.html")
        for amount in ["€ 48.250,75", "-€ 1.200,00", "€ 0,00"] {
            XCTAssertTrue(practice.contains(amount), "\(amount) in \(practice)")
        }
        XCTAssertFalse(practice.contains("€ 0 "), practice)
    }

    // MARK: - Organisation

    func testOrganisation2024() throws {
        let sources = try reports(2024)
        assertContains(
            sources,
            [
                // Bestuur on 31 December 2024: IJsbrand (chair since 1 April), Anneke (secretaris, whose last day
                // is 31 December: still in), Zoë (penningmeester), Bram (lid from 31 December).
                "Het bestuur bestond eind 2024 uit vier personen.",
                "IJsbrand van IJzendoorn voorzitter Anneke van 't Hof secretaris Zoë Öztürk penningmeester Bram Ĳzerman lid",
                "Wijziging in 2024: IJsbrand van IJzendoorn is per 1 april 2024 voorzitter (was lid).",
                "Nieuw in 2024: Bram Ĳzerman (lid, per 31 december 2024).",
                // Renée left the bestuur as its chair (the table of the bestuur names roles, so does this line).
                "Afscheid in 2024: Renée d'Hondt (voorzitter, tot en met 31 maart 2024) en Anneke van 't Hof (secretaris, tot en met 31 december 2024).",
                // Raad van advies: five, the chair and vice-chair named as such.
                "Eind 2024 telde de raad van advies vijf leden.",
                "Pieter-Jan de la Rive Box voorzitter Rive Box & Partners B.V. directeur-eigenaar Sanne de Jong vice-voorzitter Mitros bestuurder Renée d'Hondt lid Hogeschool Utrecht lector wijkgericht werken Fenna Kuipers lid Rabobank Utrecht Mehmet Yıldız lid Moskee Ulu",
                "Afscheid in 2024: Fenna Kuipers (Rabobank Utrecht, tot en met 31 maart 2024).",
                // Fenna came back on 1 October: not a new member.
                "In 2024 traden twee nieuwe leden toe en kwam één oud-lid terug:",
                "Sanne de Jong (vice-voorzitter; bestuurder, Mitros; per 1 januari 2024)",
                "Renée d'Hondt (lector wijkgericht werken, Hogeschool Utrecht, per 1 mei 2024)",
                "Fenna Kuipers (Rabobank Utrecht, opnieuw per 1 oktober 2024)",
                // Programmabureau: Hanneke 0,8 and Zoë 0,4 (she is also penningmeester: two bodies at once).
                "Eind 2024 werkten er twee mensen op het programmabureau, samen 1,2 fte.",
                "Hanneke Smit directeur 0,8 Zoë Öztürk projectleider 0,4 Totaal 1,2",
                "Nieuw in 2024: Zoë Öztürk (projectleider, per 1 september 2024).",
                "Afscheid in 2024: Tim Bakker (projectleider, tot en met 31 augustus 2024).",
            ])
        assertLacks(sources, ["wethouder, Gemeente Utrecht, tot en met", "drie nieuwe leden"])
    }

    func testOrganisation2025() throws {
        let sources = try reports(2025)
        assertContains(
            sources,
            [
                "Het bestuur bestond eind 2025 uit vier personen.",
                "IJsbrand van IJzendoorn voorzitter Çiğdem Ağaoğlu secretaris Zoë Öztürk penningmeester Bram Ĳzerman lid",
                "Nieuw in 2025: Çiğdem Ağaoğlu (secretaris, per 1 januari 2025).",
                "Eind 2025 telde de raad van advies vier leden.",
                "Afscheid in 2025: Mehmet Yıldız (Moskee Ulu, tot en met 30 juni 2025).",
                "Eind 2025 werkten er drie mensen op het programmabureau, samen 1,9 fte.",
                "Hanneke Smit directeur 1,0 Zoë Öztürk projectleider 0,4 Lisa Verbeek communicatieadviseur 0,5 Totaal 1,9",
                "Wijziging in 2025: Hanneke Smit werkt per 1 juli 2025 1,0 fte (was 0,8 fte).",
                "Nieuw in 2025: Lisa Verbeek (communicatieadviseur, per 1 maart 2025).",
            ])
        assertLacks(sources, ["Nieuwe leden", "Anneke van 't Hof"])
    }

    // MARK: - Themes

    func testThemesOfEachYear() throws {
        let y2024 = try reports(2024)
        let y2025 = try reports(2025)
        // 2024: Energiearmoede (ended 30 June 2024), the open theme from 2024, Wijkgezondheid (starts in
        // 2025, but the Beweegtuin is dated 2024), Eenzaamheid (ended 2023, a publication in 2024),
        // Tolerantie op school and the unnumbered Sport en bewegen last.
        assertContains(
            y2024,
            [
                "2.1 Energiearmoede", "Looptijd: 2023-2024", "Beëindigd op 30 juni 2024.",
                "2.2 Laaggeletterdheid en digitale vaardigheden van ouderen in de wijk: van de bibliotheek tot de huiskamer van de buurvrouw",
                "Looptijd: vanaf 2024", "2.3 Wijkgezondheid", "2.4 Eenzaamheid onder mantelzorgers",
                "2.5 Tolerantie op school",
                "2.6 Sport en bewegen",
                // A result without description: its partners are a sentence of their own.
                "A. 312 huisbezoeken, 1.100 tochtstrips – Tot de overdracht op 30 juni 2024.",
                "B. Overdrachtsdocument aan de gemeente. Partners: Gemeente Utrecht.",
                "2. Digidag. Partners: Bibliotheek Utrecht.",
                "13 februari 2024, 19.30 uur – Energiecafé in buurthuis De Boog (fysiek).",
                "4 juni 2024 – Afsluiting van het thema Energiearmoede (online).",
                // The Beweegtuin stopped in 2025: on 31 December 2024 it still ran.
                "Beweegtuin Zuilen (Zuilen) – minder geslaagd, wel leerzaam: Een beweegtuin die niemand gebruikte, omdat bewoners niet waren betrokken.",
                "Gestopt per 30 september 2024.",
                // WIJ SCHOOL 2024: De Klimop (2023-2024: phases 2 and 3 in 2024, keurmerk) and the internal
                // Het Baken (2024-2025: phase 1 in 2024), counted but not named.
                "In 2024 deden twee scholen mee.",
                "Scan fase 1 (start) 1 Scan fase 2 (halverwege) 1 Scan fase 3 (eind) 1 Keurmerk toegekend 1 Beperkte vervolgbegeleiding 0",
                "OBS De Klimop (Utrecht, schooljaar 2023-2024)",
            ])
        // Eenzaamheid is in 2024 only for its final report, so the report shows it (a publication that a
        // result already names, as the Digitaal meedoen report, is not repeated).
        assertContains(
            y2024, ["2.4.3 Publicaties", "Eindrapport mantelzorgers en eenzaamheid (rapport, 5 maart 2024)."])
        assertLacks(
            y2024, ["Gestopt per 1 maart 2025", "Het Baken", "Looptijd: 2024 ", "Digitaal meedoen na je 75e (rapport"])
        // 2025: Energiearmoede and Eenzaamheid are over and have nothing in 2025.
        assertContains(
            y2025,
            [
                "2.1 Laaggeletterdheid", "2.2 Wijkgezondheid", "2.3 Tolerantie op school", "2.4 Sport en bewegen",
                "15 januari 2025, 16.00 uur – Nieuwjaarsbijeenkomst wijkgezondheid.",
                "Gestopt per 1 maart 2025.",
                // Het Baken (phases 2 and 3 in 2025, vervolgbegeleiding) and Al Amana (phase 1 in 2025).
                "In 2025 deden twee scholen mee.",
                "Scan fase 1 (start) 1 Scan fase 2 (halverwege) 1 Scan fase 3 (eind) 1 Keurmerk toegekend 0 Beperkte vervolgbegeleiding 1",
                "Basisschool Al Amana (Utrecht, schooljaar 2025-2026)",
            ])
        assertLacks(y2025, ["Energiearmoede", "Eenzaamheid", "Het Baken"])
    }

    /// The site says the same about periods and results as the report.
    func testThemePagesOnTheSite() throws {
        let overview = try text("themas/index.html")
        XCTAssertTrue(overview.contains("Periode vanaf 2024"), overview)
        XCTAssertTrue(overview.contains("Periode 2023-2024 · Afgerond op 30 juni 2024"), overview)
        let energie = try text("themas/energiearmoede/index.html")
        XCTAssertTrue(energie.contains("Overdrachtsdocument aan de gemeente (rapport). Met Gemeente Utrecht."), energie)
        XCTAssertTrue(
            energie.contains("312 huisbezoeken, 1.100 tochtstrips (overig): Tot de overdracht op 30 juni 2024."),
            energie)
        let eenzaamheid = try text("themas/eenzaamheid/index.html")
        // A theme that is over has no best practices, not "not yet" ones.
        XCTAssertTrue(eenzaamheid.contains("Geen best practices bij dit thema."), eenzaamheid)
        XCTAssertFalse(eenzaamheid.contains("Nog geen best practices"), eenzaamheid)
        XCTAssertTrue(
            eenzaamheid.contains(
                "Publicaties # Link naar dit onderdeel: Publicaties Eindrapport mantelzorgers en eenzaamheid (5 maart 2024)"
            ), eenzaamheid)
    }

    // MARK: - Tags and links

    /// Spellings of one tag are one tag, shown in the spelling `check` names, and the tags sort as a reader
    /// expects: "Énergie" with the E, not after the Z.
    func testTagsAreSortedAndSpelledAsCheckSays() throws {
        let tags = try text("tags/index.html")
        let order = [
            "2024 (1)", "Buurtbewonersondersteuningsnetwerkcoördinatie (1)", "C++ & co (1)",
            "digitale vaardigheden (1)",
            "Energie (2)", "ouderen (3)", "sport (1)", "taal (1)", "wonen (1)", "zorg-welzijn (2)",
        ]
        var from = tags.startIndex
        for tag in order {
            guard let range = tags.range(of: tag, range: from..<tags.endIndex) else {
                XCTFail("\(tag) ontbreekt of staat niet op zijn plaats in \(tags)")
                return
            }
            from = range.upperBound
        }
        XCTAssertFalse(tags.contains("Énergie"), tags)
        XCTAssertTrue(try text("best-practices/taalcafe/index.html").contains("Energie"))
    }

    /// A website written without https:// (check warns) still links to the web, not to a page of the site.
    func testWebsiteWithoutSchemeLinksToTheWeb() throws {
        let html = try page("best-practices/taalcafe/index.html")
        XCTAssertTrue(html.contains("href=\"https://www.taalcafe.example\""), html)
        XCTAssertFalse(html.contains("href=\"www.taalcafe.example\""))
    }

    /// Every internal link of the output resolves under the sub-path.
    func testEveryLinkResolvesUnderTheSubPath() throws {
        let output = try site().appendingPathComponent("output")
        let problems = SiteOutputChecks.unresolvedLinks(in: output, baseURL: "https://voorbeeld.org/wijkkracht/brein/")
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }
}
