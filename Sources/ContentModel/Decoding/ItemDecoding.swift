import DataFormats
import Foundation
import Markdown

/// The fields every item shares: `slug`, `draft`, `visibility`, `aliases`.
enum ItemDecoding {
    static func info(_ reader: FieldReader, defaultSlug: String, body: MarkdownBody?) -> ItemInfo {
        var slug = defaultSlug
        if let node = reader.raw("slug"), let given = FieldReader.text(node, key: "slug", context: reader.context) {
            if Slug.isValid(given) {
                slug = given
            } else {
                reader.context.error(
                    "'\(given)' is geen geldige slug: gebruik kleine letters, cijfers en koppeltekens",
                    at: node, notes: ["bijvoorbeeld: \(Slug.make(given, asciiOnly: true))"])
            }
        } else if !Slug.isValid(defaultSlug) {
            let suggestion = Slug.make(defaultSlug, asciiOnly: true)
            reader.context.warning(
                "bestandsnaam '\(defaultSlug)' is geen geldige slug; de slug wordt '\(suggestion)'",
                line: reader.node.line, column: reader.node.column,
                notes: ["hernoem het bestand of zet 'slug: \(suggestion)'"])
            slug = suggestion
        }
        let draft = reader.bool("draft") ?? false
        let visibility: Visibility = reader.choice("visibility") ?? .public
        return ItemInfo(
            slug: slug, file: reader.context.file, draft: draft, visibility: visibility, body: body,
            aliases: aliases(reader))
    }

    /// `aliases:`: earlier addresses on this site ("/oude-naam/"), normalised to site paths ("oude-naam/").
    static func aliases(_ reader: FieldReader) -> [String] {
        guard let node = reader.raw("aliases") else { return [] }
        let items: [YAMLNode]
        switch node.value {
        case .sequence(let list): items = list
        case .string: items = [node]
        default:
            reader.context.error("veld 'aliases' moet een lijst van adressen zijn, zoals [/oude-naam/]", at: node)
            return []
        }
        var paths: [String] = []
        for item in items {
            guard let text = FieldReader.text(item, key: "aliases", context: reader.context) else { continue }
            switch aliasPath(text) {
            case .success(let path):
                if !paths.contains(path) { paths.append(path) }
            case .failure(let problem):
                reader.context.error("alias '\(text)': \(problem.message)", at: item, notes: problem.notes)
            }
        }
        return paths
    }

    struct AliasProblem: Error {
        var message: String
        var notes: [String] = []
    }

    /// An alias as a site path: no scheme or host, no `..`, `?` or `#`; a folder gets its trailing slash
    /// (`/oud` → `oud/`), a file name keeps its extension (`/oud.html`).
    static func aliasPath(_ text: String) -> Result<String, AliasProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("://") || trimmed.hasPrefix("//") {
            return .failure(
                AliasProblem(
                    message: "een alias is een adres op deze site, zonder https:// en domeinnaam",
                    notes: ["bijvoorbeeld: /best-practices/oude-naam/"]))
        }
        if trimmed.contains("?") || trimmed.contains("#") || trimmed.contains("\\") {
            return .failure(AliasProblem(message: "een alias mag geen ?, # of \\ bevatten"))
        }
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: true)
        if segments.isEmpty {
            return .failure(AliasProblem(message: "de voorpagina kan geen alias zijn"))
        }
        if segments.contains(where: { $0 == ".." || $0 == "." }) {
            return .failure(AliasProblem(message: "een alias mag geen . of .. bevatten"))
        }
        if segments.contains(where: {
            $0.unicodeScalars.contains { $0.value < 0x21 || $0 == "\"" || $0 == "<" || $0 == ">" }
        }) {
            return .failure(
                AliasProblem(
                    message: "een alias mag geen spaties, aanhalingstekens of < > bevatten",
                    notes: ["gebruik koppeltekens: /oude-naam/"]))
        }
        let path = segments.joined(separator: "/")
        let last = segments.last!
        return .success(last.hasSuffix(".html") || last.hasSuffix(".htm") ? path : path + "/")
    }
}
