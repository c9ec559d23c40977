import DataFormats
import Diagnostics
import Foundation
import Markdown

/// Creates a content file from its archetype (`breingen new`).
public enum NewItem {
    /// The names `breingen new` takes: every creatable content type, and `report` (a year's report definition).
    public static var typeNames: [String] {
        Archetypes.creatable.map(\.commandName) + ["report", accessibilityTypeName]
    }

    /// `breingen new toegankelijkheid`: the accessibility statement, a free page with a fixed slug.
    public static let accessibilityTypeName = "toegankelijkheid"

    /// Writes `content/<folder>/<slug>.<ext>` under `root` and returns its path. Throws a diagnostic for an
    /// unknown type, a root without `content/`, a title without letters or digits, or a file that already
    /// exists (never overwritten). `year` is the year the item is about (`{{year}}`; for a result list, the
    /// year in its file name); this year when nil.
    public static func create(root: URL, typeName: String, title: String, date: ContentDate, year: Int? = nil) throws
        -> URL
    {
        guard
            typeName == "report" || typeName == accessibilityTypeName
                || Archetypes.creatable.contains(where: { $0.commandName == typeName })
        else {
            var message = "onbekend inhoudstype '\(typeName)'"
            if let near = Suggestions.nearest(to: typeName, in: typeNames) { message += "; bedoelde je '\(near)'?" }
            throw Diagnostic(.error, message, notes: ["mogelijk: " + typeNames.joined(separator: ", ")])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(
                .error, "de map \(root.path) bestaat niet",
                notes: ["geef met --root de map van de site, die met content/ erin"])
        }
        guard
            FileManager.default.fileExists(
                atPath: root.appendingPathComponent("content").path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw Diagnostic(
                .error, "\(root.path) heeft geen map content/; is dit de map van de site?",
                notes: ["ga naar de map van de site of geef die met --root"])
        }
        if typeName == "report" { return try NewReport.create(root: root, yearText: title) }
        if typeName == accessibilityTypeName { return try accessibilityStatement(root: root, title: title, date: date) }
        let type = Archetypes.creatable.first { $0.commandName == typeName }!
        if type == .finance { return try NewFinance.create(root: root, yearText: title) }
        var itemDate = date
        if let year {
            // The same day in that year (28 February for 29 February in a year without it).
            itemDate.year = year
            itemDate.day = min(itemDate.day, DateCheck.daysIn(month: itemDate.month, year: year))
        }
        var slug = Slug.make(title, asciiOnly: true)
        if type == .result {
            // The year goes in with --year, never in the theme's slug: "2021-onderwijs" would become 2026-2021-onderwijs.yml.
            if slug.count > 5, slug.prefix(4).allSatisfy(\.isNumber), slug.dropFirst(4).hasPrefix("-") {
                let theme = String(slug.dropFirst(5))
                throw Diagnostic(
                    .error, "'\(title)' begint met een jaar; geef het thema en het jaar apart",
                    notes: ["breingen new result \(theme) --year \(slug.prefix(4))"])
            }
            let themes = Self.themeSlugs(root)
            if !themes.isEmpty && !themes.contains(slug) {
                var message = "onbekend thema '\(slug)'"
                if let near = nearestSlug(to: slug, in: themes) { message += "; bedoelde je '\(near)'?" }
                throw Diagnostic(
                    .error, message, notes: ["de thema's staan in content/themes/: " + themes.joined(separator: ", ")])
            }
            slug = "\(itemDate.year)-\(slug)"
        }
        guard !slug.isEmpty else {
            throw Diagnostic(.error, "van de titel '\(title)' is geen slug te maken: gebruik letters of cijfers")
        }
        let ext = type.isMarkdown ? "md" : "yml"
        let folder = root.appendingPathComponent("content/\(type.folder)")
        let target = folder.appendingPathComponent("\(slug).\(ext)")
        let relative = "content/\(type.folder)/\(slug).\(ext)"
        if FileManager.default.fileExists(atPath: target.path) {
            throw Diagnostic(
                .error, "\(relative) bestaat al; kies een andere titel of pas het bestaande bestand aan", file: relative
            )
        }
        var template = Archetypes.builtIn(type)!
        for candidate in ["archetypes/\(type.commandName).md", "archetypes/\(type.commandName).yml"] {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(candidate).path) {
                template = String(decoding: data, as: UTF8.self)
                break
            }
        }
        // Name a theme and pyramid level that exist, so the new file passes `check` as it is.
        // A results file is about the theme its "title" names: `breingen new result onderwijs`.
        let theme = type == .result ? Slug.make(title, asciiOnly: true) : themeSlugs(root).first ?? "onderwijs"
        var ignored: [Diagnostic] = []
        let site = ContentLoader.readSite(root: root, into: &ignored)
        let level = site?.pyramidLevels.first?.slug ?? "bewust"
        let text = Archetypes.fill(
            template, title: title, slug: slug, date: itemDate, theme: theme, level: level,
            number: nextThemeNumber(root), organisation: site?.organisation?.name ?? site?.title ?? "de organisatie")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try writeExclusively(text, to: target, relative: relative)
        return target
    }

    /// Writes `content/pages/toegankelijkheid.md` from the archetype (or the site's
    /// `archetypes/toegankelijkheid.md`), with the organisation's name and e-mail from site.yml.
    static func accessibilityStatement(root: URL, title: String, date: ContentDate) throws -> URL {
        let slug = accessibilityTypeName
        let relative = "content/pages/\(slug).md"
        let folder = root.appendingPathComponent("content/pages")
        let target = folder.appendingPathComponent("\(slug).md")
        if FileManager.default.fileExists(atPath: target.path) {
            throw Diagnostic(.error, "\(relative) bestaat al; pas het bestaande bestand aan", file: relative)
        }
        var template = Archetypes.accessibilityStatement
        if let data = FileManager.default.contents(atPath: root.appendingPathComponent("archetypes/\(slug).md").path) {
            template = String(decoding: data, as: UTF8.self)
        }
        var ignored: [Diagnostic] = []
        let site = ContentLoader.readSite(root: root, into: &ignored)
        let organisation = site?.organisation?.name ?? site?.title ?? "Wij"
        let email = site?.organisation?.email ?? "info@voorbeeld.nl"
        let text = Archetypes.fill(
            template, title: title.isEmpty ? "Toegankelijkheidsverklaring" : title, slug: slug, date: date,
            organisation: organisation
        )
        .replacingOccurrences(of: "{{email}}", with: email)
        .replacingOccurrences(of: "{{dateText}}", with: DutchFormat.date(date))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try writeExclusively(text, to: target, relative: relative)
        return target
    }

    /// The number a new theme gets: the one after the highest `number` of the site's themes ("1.5" → "1.6",
    /// "2.10" → "2.11"), "1.1" when none has one, so a new theme continues the site's own numbering.
    static func nextThemeNumber(_ root: URL) -> String {
        let folder = root.appendingPathComponent("content/themes")
        var highest: [Int]?
        for name in themeSlugs(root) {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name + ".md").path)
            else { continue }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n").prefix(40)
            where line.hasPrefix("number:") {
                let text = line.dropFirst("number:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \"'\r"))
                let parts = text.split(separator: ".").map { Int($0) }
                guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { continue }
                let number = parts.map { $0! }
                if highest.map({ number.lexicographicallyPrecedes($0) == false }) ?? true { highest = number }
            }
        }
        guard var next = highest else { return "1.1" }
        next[next.count - 1] += 1
        return next.map(String.init).joined(separator: ".")
    }

    /// The slugs of the site's theme files, sorted.
    static func themeSlugs(_ root: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/themes").path))
            ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0 != "README.md" }.map { String($0.dropLast(3)) }
            .sorted()
    }

    /// Writes a new file, never replacing one (`breingen init` writes its files this way too).
    public static func writeNew(_ text: String, to target: URL, relative: String) throws {
        try writeExclusively(text, to: target, relative: relative)
    }

    /// Creates the file with `O_EXCL`: never replaces a file, also not one that appeared meanwhile.
    static func writeExclusively(_ text: String, to target: URL, relative: String) throws {
        let fd = open(target.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw FileSystemError.last(relative, writing: true).diagnostic(
                "kan \(relative) niet schrijven", file: relative)
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else {
            throw Diagnostic(.error, "kan \(relative) niet volledig schrijven", file: relative)
        }
    }

    /// Today's date in the local time zone, for new items.
    public static func today() -> ContentDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return ContentDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
