/// Who may see an item.
public enum Visibility: String, CaseIterable, Sendable {
    case `public`
    /// Kept out of the public build (e.g. scan data about a named school).
    case `internal`
}

/// A Markdown body, kept as text; the site renders it with the Markdown module.
public struct MarkdownBody: Sendable, Equatable {
    public var text: String
    /// The 1-based line of the file the body starts on, so Markdown diagnostics point into the file.
    public var firstLine: Int

    public init(text: String, firstLine: Int) {
        self.text = text
        self.firstLine = firstLine
    }
}

/// What every item has: where it came from, its slug, and whether it is published.
public struct ItemInfo: Sendable, Equatable {
    public var slug: String
    /// Path relative to the site root, `content/best-practices/housing-first.md`.
    public var file: String
    public var draft: Bool
    public var visibility: Visibility
    /// Nil for data files (`.yml`).
    public var body: MarkdownBody?
    /// Earlier addresses of the item's page (`aliases:`), as site paths without the leading slash
    /// ("oude-naam/", "best-practices/oud/"): the site writes a redirect page at each.
    public var aliases: [String]

    public init(
        slug: String, file: String, draft: Bool = false, visibility: Visibility = .public, body: MarkdownBody? = nil,
        aliases: [String] = []
    ) {
        self.slug = slug
        self.file = file
        self.draft = draft
        self.visibility = visibility
        self.body = body
        self.aliases = aliases
    }
}

/// An item of a content type.
public protocol ContentItem: Sendable {
    var info: ItemInfo { get }
}

extension ContentItem {
    public var slug: String { info.slug }
}
