import ContentModel
import DataFormats
import Diagnostics
import Foundation

/// `breingen init DIR`: a new site that builds at once. It writes `content/site.yml`, one theme, one
/// best practice (both for this year, so the home page and the report have something to show), the
/// accessibility statement as a draft (a to-do that `check` reminds of), the report definition of this
/// year, a README for editors and a `.gitignore`, and copies the default theme into `themes/default/`.
///
/// Why a copy of the theme rather than the theme locator: the site then builds with any breingen binary,
/// also one installed elsewhere or on a build server without the breingen checkout, and after a
/// `git clone` on another machine; the theme author finds the templates in the site. The price is that
/// a newer default theme is taken on deliberately (docs/theme.md says how). With `copyTheme: false` the
/// site has no theme of its own and builds with the one `ThemeLocator` finds.
public enum NewSite {
    /// What `create` wrote: paths relative to the new site's folder, in the order written.
    public struct Result: Sendable {
        public var files: [String]
        /// Where the theme was copied from; nil without a copy.
        public var theme: URL?
    }

    /// Creates the site in `folder` (made when missing). Throws a diagnostic for a folder that holds
    /// anything besides `.git`, a title without letters or digits, or no default theme to copy.
    public static func create(in folder: URL, title: String?, date: ContentDate, copyTheme: Bool = true) throws
        -> Result
    {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Diagnostic(.error, "\(folder.path) is een bestand, geen map")
            }
            let entries = try fm.contentsOfDirectory(atPath: folder.path).filter { $0 != ".git" }
            if !entries.isEmpty {
                let shown = entries.sorted().prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
                throw Diagnostic(
                    .error,
                    "de map \(folder.path) is niet leeg (\(shown)); breingen init schrijft alleen in een lege map",
                    notes: ["kies een nieuwe map: breingen init mijn-site"])
            }
        }
        let siteTitle = title ?? titleFromFolder(folder)
        guard siteTitle.unicodeScalars.contains(where: { CharacterSet.alphanumerics.contains($0) }) else {
            throw Diagnostic(
                .error, "'\(siteTitle)' is geen bruikbare titel: gebruik letters of cijfers",
                notes: ["geef er een met --title"])
        }
        // Find the theme before writing anything: without one the site could not build.
        let theme = copyTheme ? try ThemeLocator.locateDefault() : nil

        var written: [String] = []
        func write(_ relative: String, _ text: String) throws {
            let target = folder.appendingPathComponent(relative)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try NewItem.writeNew(text, to: target, relative: relative)
            written.append(relative)
        }
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let year = date.year
        try write("content/site.yml", siteYAML(title: siteTitle))
        try write("content/themes/voorbeeldthema.md", themeMarkdown(year: year))
        try write("content/best-practices/voorbeeld-best-practice.md", bestPracticeMarkdown(date: date))
        let statement = try NewItem.create(root: folder, typeName: NewItem.accessibilityTypeName, title: "", date: date)
        written.append(relative(statement, in: folder))
        let report = try NewItem.create(root: folder, typeName: "report", title: String(year), date: date)
        written.append(relative(report, in: folder))
        try write("README.md", readme(title: siteTitle, year: year, themeCopied: theme != nil))
        try write(".gitignore", "# Wat breingen build maakt; het staat niet in git.\noutput/\n")
        if let theme {
            try copyFolder(theme, to: folder.appendingPathComponent("themes/default"))
            written.append("themes/default/")
        }
        return Result(files: written, theme: theme)
    }

    /// "Mijn Brein" for a folder named `mijn-brein`.
    static func titleFromFolder(_ folder: URL) -> String {
        let name = folder.standardizedFileURL.lastPathComponent
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).map(String.init)
        guard let first = words.first else { return "Mijn site" }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    private static func relative(_ url: URL, in folder: URL) -> String {
        let base = folder.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// Copies the theme file by file (no symbolic links followed out of it, no hidden files).
    static func copyFolder(_ source: URL, to target: URL) throws {
        let fm = FileManager.default
        let walk = try FolderWalk(
            folder: source, shown: source.path, bounds: [FileContents.realPath(source.path) ?? source.path])
        for file in walk.files {
            let destination = target.appendingPathComponent(file.relative)
            try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try Data(FileContents.read(file.path)).write(to: destination)
            } catch {
                throw Diagnostic(.error, "kan het thema niet kopiëren: \(file.relative) (\(error))")
            }
        }
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func siteYAML(title: String) -> String {
        """
        # De instellingen van de site. Alleen title, baseURL en language zijn verplicht; de rest is
        # aanvullend. Elk veld staat beschreven in docs/content.md van breingen.
        title: \(quoted(title))
        # Het adres waar de site komt te staan, met een / aan het eind.
        baseURL: https://www.voorbeeld.nl/
        language: nl
        description: Initiatieven die werken, met hun aanpak en wat ze opleveren.

        # De organisatie achter de site: naam en e-mail staan onderaan elke pagina en in de
        # toegankelijkheidsverklaring.
        organisation:
          name: Stichting Voorbeeld
          email: info@voorbeeld.nl

        # Staat de site in git bij GitHub of GitLab? Dan zet breingen onder elke pagina de link
        # "Bewerk deze pagina", naar het bestand in de webeditor van de git-host:
        # editURL: https://github.com/organisatie/site/edit/main/

        """
    }

    static func themeMarkdown(year: Int) -> String {
        """
        ---
        # Een thema: een maatschappelijk vraagstuk waar de organisatie een paar jaar aan werkt.
        title: Voorbeeldthema
        number: "1.1"
        period: "\(year)"
        objective: Schrijf hier in één of twee zinnen wat het thema wil bereiken.
        summary: Een korte samenvatting voor de overzichten.
        ---
        ## Het probleem

        Beschrijf het maatschappelijke probleem: voor wie het speelt en waarom het ertoe doet.

        ## Onze aanpak

        Beschrijf wat de organisatie eraan doet en met wie.

        """
    }

    static func bestPracticeMarkdown(date: ContentDate) -> String {
        """
        ---
        # Een best practice: een initiatief dat werkt. Alle velden staan in docs/content.md; met
        # breingen new best-practice "Naam" maak je een nieuwe met elk veld als voorbeeld.
        title: Voorbeeld van een best practice
        date: \(date.description)
        themes: [voorbeeldthema]
        places: [Utrecht]
        status: actief
        summary: Eén of twee zinnen over wat het initiatief doet en voor wie.
        tags: [voorbeeld]
        ---
        ## Aanpak

        Beschrijf hoe het initiatief werkt.

        ## Wat het oplevert

        - Eerste resultaat
        - Tweede resultaat

        """
    }

    static func readme(title: String, year: Int, themeCopied: Bool) -> String {
        let theme =
            themeCopied
            ? """
            - `themes/default/`: het uiterlijk van de site (templates, CSS, JavaScript, lettertypen), een kopie
              van het standaardthema van breingen. Redacteuren hoeven hier niet te komen.
            """
            : """
            - Geen eigen thema: breingen gebruikt zijn standaardthema. Wil je het uiterlijk aanpassen, zet dan
              een template met dezelfde naam in `templates/` of een stylesheet in `assets/css/main.css`.
            """
        return """
            # \(title)

            Deze map is een site die breingen bouwt: alle inhoud staat in gewone
            tekstbestanden (Markdown met velden bovenaan), breingen maakt er een website en een jaarverslag van.

            ## Wat staat waar

            - `content/site.yml`: de naam, het adres en de organisatie van de site. Vul ze meteen in: tot dan
              staan er voorbeelden (`Stichting Voorbeeld`, `www.voorbeeld.nl`), en `breingen check` herinnert
              je eraan.
            - `content/themes/`: de thema's; `content/best-practices/`: de best practices; `content/pages/`:
              losse pagina's, zoals de toegankelijkheidsverklaring.
            - `content/reports/\(year)/report.yml`: welke hoofdstukken in het jaarverslag \(year) staan.
            \(theme)
            - `output/`: de gebouwde site. Die maakt breingen; zet hem niet in git.

            De voorbeeldbestanden mag je aanpassen of weggooien.

            ## Schrijven en meekijken

            ```sh
            breingen serve
            ```

            Open http://127.0.0.1:8080/ in de browser. Elke keer dat je een bestand bewaart, ververst de pagina
            zichzelf. Staat er een fout in een bestand, dan zie je over de pagina welke regel het is.

            Iets nieuws beginnen kan met een voorbeeld waarin elk veld al staat:

            ```sh
            breingen new best-practice "Naam van het initiatief"
            breingen new theme "Naam van het thema"
            breingen new activity "Titel van de bijeenkomst"
            ```

            Een nieuw bestand heeft `draft: true`: het komt pas op de site als je die regel weghaalt
            (`breingen serve --drafts` laat concepten wel zien).

            ## Voor je publiceert

            ```sh
            breingen check    # meldt elk probleem in de inhoud, met bestand en regel
            breingen build    # maakt de site in output/
            ```

            De map `output/` kan zo op elke webserver. Het jaarverslag komt er vanzelf bij
            (`output/jaarverslag-\(year).html` en `.pdf`), of apart met `breingen report --year \(year)`.

            ## Toegankelijkheid

            `content/pages/toegankelijkheid.md` is de toegankelijkheidsverklaring, volgens het model van
            DigiToegankelijk. Hij staat nog op `draft: true`: vul de status en de datum van de laatste controle
            in, en de naam en het e-mailadres van de organisatie (hij noemt die uit `site.yml` zoals ze bij het
            begin waren), haal `draft: true` weg, en elke pagina linkt er onderaan naar. Tot dan herinnert
            `breingen check` je eraan.

            """
    }
}
