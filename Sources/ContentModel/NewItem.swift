import Diagnostics
import Foundation
import Markdown

/// Creates a content file from its archetype (`breingen new`).
public enum NewItem {
    /// Writes `content/<folder>/<slug>.<ext>` under `root` and returns its path. Throws a diagnostic for an
    /// unknown type, a title without letters or digits, or a file that already exists (never overwritten).
    public static func create(root: URL, typeName: String, title: String, date: ContentDate) throws -> URL {
        guard let type = Archetypes.creatable.first(where: { $0.commandName == typeName }) else {
            var message = "onbekend inhoudstype '\(typeName)'"
            let names = Archetypes.creatable.map(\.commandName)
            if let near = Suggestions.nearest(to: typeName, in: names) { message += "; bedoelde je '\(near)'?" }
            throw Diagnostic(.error, message, notes: ["mogelijk: " + names.joined(separator: ", ")])
        }
        if type == .finance { return try NewFinance.create(root: root, yearText: title) }
        var slug = Slug.make(title, asciiOnly: true)
        if type == .result { slug = "\(date.year)-\(slug)" }
        guard !slug.isEmpty else {
            throw Diagnostic(.error, "van de titel '\(title)' is geen slug te maken: gebruik letters of cijfers")
        }
        let ext = type.isMarkdown ? "md" : "yml"
        let folder = root.appendingPathComponent("content/\(type.folder)")
        let target = folder.appendingPathComponent("\(slug).\(ext)")
        let relative = "content/\(type.folder)/\(slug).\(ext)"
        if FileManager.default.fileExists(atPath: target.path) {
            throw Diagnostic(.error, "\(relative) bestaat al; kies een andere titel of pas het bestaande bestand aan", file: relative)
        }
        var template = Archetypes.builtIn(type)!
        for candidate in ["archetypes/\(type.commandName).md", "archetypes/\(type.commandName).yml"] {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(candidate).path) {
                template = String(decoding: data, as: UTF8.self)
                break
            }
        }
        // Name a theme and pyramid level that exist, so the new file passes `check` as it is.
        let themes = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/themes").path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        // A results file is about the theme its "title" names: `breingen new result onderwijs`.
        let theme = type == .result ? Slug.make(title, asciiOnly: true) : themes.first.map { String($0.dropLast(3)) } ?? "onderwijs"
        var ignored: [Diagnostic] = []
        let level = ContentLoader.readSite(root: root, into: &ignored)?.pyramidLevels.first?.slug ?? "bewust"
        let text = Archetypes.fill(template, title: title, slug: slug, date: date, theme: theme, level: level)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try writeExclusively(text, to: target, relative: relative)
        return target
    }

    /// Creates the file with `O_EXCL`: never replaces a file, also not one that appeared meanwhile.
    static func writeExclusively(_ text: String, to target: URL, relative: String) throws {
        let fd = open(target.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw FileSystemError.last(relative, writing: true).diagnostic("kan \(relative) niet schrijven", file: relative)
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
