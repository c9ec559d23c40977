import Foundation
import PDF

/// A representative annual-report-like document (Dutch text with every special character, headings on
/// three levels, lists, a long table, a bar chart, links, a table of contents). Used by the tests, the
/// benchmark and `bench-pdf` (which also writes it for visual inspection). The figures are illustrative.
public enum SampleDocument {
    /// About `sectionsPerTheme * 2 + 10` pages; 12 gives roughly 30 pages.
    public static func annualReport(sectionsPerTheme: Int = 3, tableRows: Int = 60) -> TypesetDocument {
        let metadata = DocumentMetadata(
            title: "Jaarverslag 2020", author: "Stichting de Maatschappelijke Alliantie",
            subject: "Jaarverslag 2020 van de Maatschappelijke Alliantie", keywords: "jaarverslag, allianties",
            creationDate: Date(timeIntervalSince1970: 1_609_459_200))
        var blocks: [Block] = [.tableOfContents(title: "Inhoud", maxLevel: 2)]
        blocks.append(.heading(Heading(level: 1, text: "Voorwoord", numbered: false)))
        blocks.append(
            .paragraph([
                TextRun("In 2020 werkte de alliantie, ondanks alle beperkingen, aan "),
                TextRun("sociale huisvesting", italic: true),
                TextRun(", onderwijs en tolerantie. Dit verslag legt daarover verantwoording af; de cijfers staan in "),
                TextRun("hoofdstuk 4", link: .anchor("financien")),
                TextRun(" en online op "),
                TextRun("hetmaatschappelijkbrein.nl", link: .url("https://hetmaatschappelijkbrein.nl/")),
                TextRun(
                    ". Tekens als é ë ï ó ö ü è à ç, ‘enkele’ en “dubbele” aanhalingstekens, het gedachtestreepje – "
                        + "en — het beletselteken … en € 95.677 moeten goed worden afgedrukt."),
            ]))
        blocks.append(.paragraph([TextRun("— De voorzitter", italic: true)]))

        let themes = [
            "Sociale huisvesting", "Onderwijs", "Stimuleren van tolerantie bij kinderen",
            "Inzichtenplatform", "Overige verbindingen",
        ]
        blocks.append(.heading(Heading(level: 1, text: "Visie, missie, strategie en doelstelling")))
        for title in ["Waar staat de MA voor", "Achtergrond", "Visie", "Missie", "Strategie"] {
            blocks.append(.heading(Heading(level: 2, text: title)))
            blocks.append(.paragraph(prose(seed: title.count, sentences: 7)))
            blocks.append(.paragraph(prose(seed: title.count + 3, sentences: 5)))
        }
        blocks.append(.heading(Heading(level: 1, text: "Verantwoording thema’s, projecten en activiteiten 2020")))
        for (t, theme) in themes.enumerated() {
            blocks.append(.heading(Heading(level: 2, text: theme)))
            for s in 0..<sectionsPerTheme {
                let parts = [
                    "Doelstelling", "Projectvoorstel", "Resultaten", "Activiteiten", "Inzichten", "Best practices",
                ]
                blocks.append(
                    .heading(Heading(level: 3, text: parts[s % parts.count] + (s >= parts.count ? " (vervolg)" : ""))))
                blocks.append(.paragraph(prose(seed: t * 31 + s, sentences: 6)))
                if s % 3 == 1 {
                    blocks.append(
                        .list(
                            ListBlock(
                                ordered: s % 2 == 0,
                                items: [
                                    ListItem([
                                        TextRun(
                                            "Een rapport over de woningnood, samen met partners uit het bedrijfsleven.")
                                    ]),
                                    ListItem(
                                        [
                                            TextRun("Een onepager voor gemeenten, met de "),
                                            TextRun("succesvoorwaarden", bold: true),
                                            TextRun(" voor opschaling van initiatieven die al werken."),
                                        ],
                                        children: ListBlock(items: [
                                            ListItem([TextRun("lokaal draagvlak")]),
                                            ListItem([TextRun("een vaste projectleider")]),
                                        ])),
                                    ListItem([TextRun("Drie online bijeenkomsten op 17, 23 en 29 september 2020.")]),
                                ])))
                }
                blocks.append(.paragraph(prose(seed: t * 17 + s * 5, sentences: 9)))
            }
        }
        blocks.append(.heading(Heading(level: 1, text: "Organisatie")))
        blocks.append(.heading(Heading(level: 2, text: "Raad van advies")))
        blocks.append(.paragraph(prose(seed: 4, sentences: 4)))
        var members: [TableRow] = []
        let organisations = [
            "Deloitte Nederland", "KidsRights", "ING", "Campus010", "Stichting Ons Welzijn",
            "Gemeente Den Haag", "Ministerie van JenV", "Woningcorporatie Zuid",
        ]
        for i in 0..<tableRows {
            members.append(
                TableRow([
                    "Lid \(i + 1)", organisations[i % organisations.count],
                    i % 3 == 0 ? "voorzitter werkgroep" : "lid", "€ \(formatThousands(25_000 * (i % 4 + 1)))",
                ]))
        }
        blocks.append(
            .table(
                Table(
                    columns: [TableColumn(), TableColumn(), TableColumn(), TableColumn()],
                    header: [["Naam", "Organisatie", "Rol", "Bijdrage"]], rows: members,
                    caption: "Tabel 3.1 Leden en bijdragen (illustratief)")))
        blocks.append(.heading(Heading(level: 1, text: "Financiën", anchor: "financien")))
        blocks.append(.heading(Heading(level: 2, text: "Financieel resultaat")))
        blocks.append(
            .paragraph([
                TextRun("Het resultaat over 2020 bedraagt "), TextRun("€ 95.677", bold: true),
                TextRun(". De eerste subsidietranche was € 240.000 in plaats van de begrote € 200.000."),
            ]))
        blocks.append(
            .paragraph([
                TextRun("De cijfers staan in "), TextRun("tabel 4.1", link: .anchor("tabel-4-1")),
                TextRun("; de verdeling over de doelstellingen in de grafiek daarna."),
            ]))
        blocks.append(.heading(Heading(level: 2, text: "Staat van baten en lasten")))
        blocks.append(.anchor("tabel-4-1"))
        blocks.append(
            .table(
                Table(
                    columns: [TableColumn(), TableColumn(), TableColumn(), TableColumn()],
                    header: [["", "2020", "Begroting 2020", "2019"]],
                    rows: [
                        TableRow(["Subsidie ministerie van JenV", "240.000", "200.000", "0"]),
                        TableRow(["Bijdragen raad van advies", "225.000", "250.000", "200.000"]),
                        TableRow(["Huur kantoor", "12.000", "12.000", "11.500"]),
                        TableRow(["Som der baten", "477.000", "462.000", "211.500"], bold: true),
                        TableRow(["Besteed aan doelstellingen", "350.323", "400.000", "190.000"]),
                        TableRow(["Beheer en administratie", "31.000", "30.000", "25.000"]),
                        TableRow(["Resultaat", "95.677", "32.000", "-3.500"], bold: true),
                    ],
                    caption: "Tabel 4.1 Staat van baten en lasten (illustratief, in euro)")))
        blocks.append(.heading(Heading(level: 2, text: "Verdeling van de lasten over doelstellingen")))
        blocks.append(
            .barChart(
                BarChart(
                    title: "Lasten per doelstelling 2020 (illustratief)",
                    bars: themes.enumerated().map { i, theme in
                        let value = Double([120_000, 98_000, 61_000, 45_000, 26_323][i])
                        return BarChart.Bar(label: theme, value: value, valueLabel: "€ " + formatThousands(Int(value)))
                    } + [
                        BarChart.Bar(
                            label: "Beheer en administratie", value: 31_000, valueLabel: "€ 31.000", highlighted: true)
                    ])))
        blocks.append(
            .barChart(
                BarChart(
                    title: "Kosten beheer en administratie als percentage van de lasten",
                    bars: [
                        BarChart.Bar(label: "2019", value: 11.6, valueLabel: "11,6%", highlighted: true),
                        BarChart.Bar(label: "2020", value: 8.1, valueLabel: "8,1%", highlighted: true),
                    ],
                    reference: BarChart.Reference(value: 7, label: "norm 7%"))))
        return TypesetDocument(
            metadata: metadata,
            cover: Cover(
                title: "Jaarverslag 2020", subtitle: "Stichting de Maatschappelijke Alliantie",
                lines: ["Den Haag, juni 2021", "Het Maatschappelijk Brein"]),
            runningHeader: "Jaarverslag 2020 · Maatschappelijke Alliantie",
            blocks: blocks)
    }

    /// Dutch sentences, varied by seed, with a long compound and an address to exercise the line breaker.
    static func prose(seed: Int, sentences: Int) -> [TextRun] {
        let pool = [
            "De alliantie brengt overheid, bedrijfsleven, fondsen en maatschappelijke organisaties samen rond één vraagstuk.",
            "Wat ergens werkt, hoeft elders niet opnieuw te worden uitgevonden: daarom delen we aanpak en effect.",
            "Scholen die meedoen, krijgen een scan, een advies per klas en begeleiding bij de interventies.",
            "In het voorjaar ontstond de Onderwijs Alliantie, met onder meer Deloitte Nederland, KidsRights en ING.",
            "Het woningmarktonderzoek liet zien dat tijdelijk vastgoed snel extra woonruimte kan opleveren.",
            "Een vitale coalitie, een heldere methodiek en goed meten zijn voorwaarden om een project te laten beklijven.",
            "Het programmabureau telde eind 2020 drie medewerkers, samen 2,2 fte.",
            "Jongeren\u{00AD}huisvestings\u{00AD}bemiddelings\u{00AD}organisaties en woningcorporaties werkten voor het eerst samen aan één plan.",
            "Op 24 september 2020 werd het Onderwijsmanifest aan de minister aangeboden.",
            "Meer informatie staat op https://hetmaatschappelijkbrein.nl/inzichten/sociale-huisvesting/2020.",
            "Ook kinderen van twaalf tot en met twintig jaar werden drie à vier maanden begeleid, met zichtbaar resultaat.",
            "Creëren, delen en ruilen: drie manieren waarop partners in een alliantie waarde toevoegen.",
        ]
        var text = ""
        for i in 0..<sentences {
            if i > 0 { text += " " }
            text += pool[(seed &* 7 &+ i &* 5) % pool.count]
        }
        return [TextRun(text)]
    }

    /// 95677 -> "95.677" (Dutch thousands separator).
    static func formatThousands(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }
}
