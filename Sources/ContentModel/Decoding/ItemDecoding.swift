import DataFormats
import Markdown

/// The fields every item shares: `slug`, `draft`, `visibility`.
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
        return ItemInfo(slug: slug, file: reader.context.file, draft: draft, visibility: visibility, body: body)
    }
}
