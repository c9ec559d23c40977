/// The built-in example of every content type, used by `breingen new`. `{{title}}`, `{{slug}}`,
/// `{{date}}`, `{{year}}`, `{{nextYear}}`, `{{theme}}`, `{{level}}`, `{{number}}` and `{{organisation}}` are filled in. A site overrides one in `archetypes/<type>.md` (or `.yml`).
public enum Archetypes {
    /// The types `breingen new` can create (`finance` writes a year's folder with example tables).
    public static let creatable: [ContentType] = [
        .theme, .bestPractice, .insight, .activity, .result, .alliance,
        .publication, .person, .schoolScan, .finance, .page,
    ]

    /// The built-in example of a type, with placeholders; nil for `finance` (see `NewFinance`).
    public static func builtIn(_ type: ContentType) -> String? {
        switch type {
        case .theme:
            return """
                ---
                title: "{{title}}"
                number: "{{number}}"
                period: "{{year}}-{{nextYear}}"
                # ended: {{date}}  (alleen als het thema eerder stopt)
                objective: Omschrijf in één of twee zinnen wat {{organisation}} met dit thema wil bereiken.
                summary: Een korte samenvatting voor overzichten.
                draft: true
                ---
                ## Probleemanalyse

                Beschrijf het maatschappelijke probleem.

                ## Projectvoorstel

                Beschrijf de aanpak en wie er meedoen.

                """
        case .bestPractice:
            return """
                ---
                title: "{{title}}"
                date: {{date}}
                themes: [{{theme}}]
                tags: [voorbeeld]
                places: [Den Haag]
                status: actief
                # stopped: {{date}}  (alleen bij status: gestopt)
                category: Nieuwbouw
                targetGroup: Omschrijf de doelgroep
                website: https://www.voorbeeld.nl/
                summary: Een korte samenvatting voor overzichten.
                lessBest: false
                assessment:
                  methodiek: {judgement: sterk, note: Waarom de aanpak werkt.}
                  meten: {judgement: matig, note: Wat er gemeten wordt.}
                  vitaleCoalitie: {judgement: sterk, note: Wie er samenwerken.}
                  entrepreneurschap: {judgement: sterk, note: Wie het trekt.}
                  sustainability: {strategy: Inbedding bij de gemeente, note: Hoe het blijft bestaan.}
                businessModel: creëren
                costBenefit:
                  - {party: Gemeente, investment: 10000, benefits: Minder uitgaven aan zorg, note: per jaar}
                draft: true
                ---
                ## Aanpak

                Beschrijf de aanpak.

                ## Succesfactoren

                - Eerste succesfactor

                """
        case .insight:
            return """
                ---
                title: "{{title}}"
                theme: {{theme}}
                year: {{year}}
                kind: succesvoorwaarden
                items:
                  - Eerste inzicht.
                  - Tweede inzicht.
                # source: slug-van-een-publicatie
                draft: true
                ---

                """
        case .activity:
            return """
                ---
                title: "{{title}}"
                date: {{date}}
                theme: {{theme}}
                format: online
                partners: [Partner A, Partner B]
                goal: Wat de bijeenkomst moest opleveren.
                outcome: Wat de bijeenkomst opleverde.
                draft: true
                ---
                Een kort verslag.

                """
        case .result:
            return """
                # Resultaten van thema {{theme}} in {{year}}
                theme: {{theme}}
                year: {{year}}
                numbering: numbers
                items:
                  - title: Eerste resultaat
                    kind: rapport
                    partners: [Partner A]
                    link: https://www.voorbeeld.nl/rapport
                    description: Wat het resultaat is.
                draft: true

                """
        case .alliance:
            return """
                ---
                title: "{{title}}"
                abbreviation: AB
                founded: {{date}}
                members: [Partner A, Partner B]
                collaborators: [Partner C]
                themes: [{{theme}}]
                phase: 1
                summary: Wat de alliantie wil bereiken.
                draft: true
                ---
                Een beschrijving van de alliantie.

                """
        case .publication:
            return """
                ---
                title: "{{title}}"
                kind: rapport
                date: {{date}}
                partners: [Partner A]
                link: https://www.voorbeeld.nl/publicatie.pdf
                themes: [{{theme}}]
                summary: Waar de publicatie over gaat.
                draft: true
                ---

                """
        case .person:
            return """
                ---
                name: "{{title}}"
                # sortName: "Achternaam, Voornaam van"  (standaard afgeleid van name)
                roles:
                  - body: raad-van-advies
                    role: lid
                    organisation: Organisatie
                    function: Functie
                    start: {{date}}
                    # end: {{date}}
                draft: true
                ---

                """
        case .schoolScan:
            return """
                ---
                school: "{{title}}"
                place: Rotterdam
                schoolYear: "{{year}}-{{nextYear}}"
                projectLeader: Naam projectleider
                visibility: internal
                phases:
                  - {phase: 1, date: {{date}}, level: {{level}}}
                classes:
                  - name: groep 7
                    phases:
                      - {phase: 1, date: {{date}}, level: {{level}}}
                advice:
                  - {id: eerste-advies, text: Omschrijf het advies op schoolniveau.}
                  - {id: klasadvies, text: Omschrijf het advies voor de klas., class: groep 7}
                interventions:
                  - {title: Training, by: extern, advice: eerste-advies}
                keurmerk: open
                draft: true
                ---

                """
        case .page:
            return """
                ---
                title: "{{title}}"
                menu: main
                weight: 10
                summary: Waar de pagina over gaat.
                draft: true
                ---
                Tekst van de pagina.

                """
        case .finance: return nil
        }
    }

    /// The accessibility statement (`breingen new toegankelijkheid`): a free page with the slug
    /// `toegankelijkheid`, built like the Dutch model statement (modelverklaring of DigiToegankelijk):
    /// the status, the date of the last check, what is not yet right, how to report a problem, and whom
    /// to contact. `{{organisation}}` and `{{email}}` come from site.yml, `{{dateText}}` is the date in Dutch.
    public static let accessibilityStatement = """
        ---
        title: "{{title}}"
        summary: Hoe toegankelijk deze website is, wat nog niet goed gaat en hoe u een probleem meldt.
        draft: true
        ---
        {{organisation}} wil dat iedereen deze website kan gebruiken, ook wie slecht ziet, slecht hoort, de muis
        niet kan gebruiken of een voorleesprogramma gebruikt. De site volgt daarom de Web Content
        Accessibility Guidelines (WCAG) 2.1 op niveau AA, de norm van de Europese standaard EN 301 549.

        ## Status

        <!-- Kies de status die past en haal de andere weg. A en B vragen om een onderzoek van de hele
             site door een onafhankelijke deskundige; met alleen eigen controles is C de eerlijke keuze. -->
        Deze website voldoet **nog niet volledig** aan de eisen: we hebben de eerste maatregelen genomen
        (status C van het model van DigiToegankelijk). Mogelijke statussen zijn: A, voldoet volledig; B,
        voldoet gedeeltelijk; C, eerste maatregelen genomen; D, voldoet niet.

        ## Datum van de laatste controle

        De website is op {{dateText}} gecontroleerd. Deze verklaring is op dezelfde dag opgesteld.

        ## Hoe we controleren

        Bij elke nieuwe versie van de site controleert de bouwsoftware elke soort pagina automatisch met
        axe-core en de Nu HTML Checker, en op vijf schermbreedtes of er niets buiten beeld valt. Automatische
        controles vinden niet alles; beschrijf hier ook wat u met de hand controleert, zoals bediening met
        alleen het toetsenbord en met een voorleesprogramma.

        ## Wat nog niet goed gaat

        - Noem hier elk bekend probleem, welke pagina's het raakt en wanneer het opgelost is.
        - Documenten (pdf) van anderen waar de site naar linkt, zijn niet altijd toegankelijk.

        ## Een probleem melden

        Loopt u tegen iets aan dat niet werkt, of heeft u informatie in een andere vorm nodig? Mail ons op
        [{{email}}](mailto:{{email}}). Vertel op welke pagina het was en wat er misging. U krijgt binnen vijf
        werkdagen antwoord, en binnen drie weken laten we weten wat we eraan doen.

        ## Contact

        {{organisation}}, [{{email}}](mailto:{{email}}).

        """

    /// Fills in the placeholders.
    /// `theme` and `level` name an existing theme and pyramid level, so the new file passes `check`.
    public static func fill(
        _ template: String, title: String, slug: String, date: ContentDate,
        theme: String = "onderwijs", level: String = "bewust", number: String = "1.1",
        organisation: String = "de organisatie"
    ) -> String {
        let escapedTitle = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
            of: "\"", with: "\\\"")
        return
            template
            .replacingOccurrences(of: "{{number}}", with: number)
            .replacingOccurrences(of: "{{organisation}}", with: organisation)
            .replacingOccurrences(of: "{{title}}", with: escapedTitle)
            .replacingOccurrences(of: "{{slug}}", with: slug)
            .replacingOccurrences(of: "{{date}}", with: date.description)
            .replacingOccurrences(of: "{{nextYear}}", with: String(date.year + 1))
            .replacingOccurrences(of: "{{year}}", with: String(date.year))
            .replacingOccurrences(of: "{{theme}}", with: theme)
            .replacingOccurrences(of: "{{level}}", with: level)
    }
}
