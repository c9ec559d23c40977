/// One searchable page (or part of one: an insight, a publication), as the site build hands it to the
/// index: what the result shows (title, URL, kind, summary), what it can be filtered by (kind, themes),
/// and the texts its words are weighed in (title, metadata, headings, body).
public struct SearchRecord: Sendable, Equatable {
    public var title: String
    public var url: String
    /// Shown beside the result: "Best practice", "Activiteit · 3 mei 2024".
    public var kind: String
    /// The kind the filter offers: "Best practice", "Activiteit" (no dates).
    public var filterKind: String
    /// The titles of the themes the page belongs to, for the theme filter.
    public var themes: [String]
    public var summary: String?
    /// Tags, places, theme names, partners: weighed above the text, below the title.
    public var meta: [String]
    /// The headings of the body: weighed above the text.
    public var headings: [String]
    /// The page's plain text (the summary is added in front of it).
    public var text: String

    public init(
        title: String, url: String, kind: String, filterKind: String, themes: [String] = [], summary: String? = nil,
        meta: [String] = [], headings: [String] = [], text: String = ""
    ) {
        (self.title, self.url, self.kind, self.filterKind, self.themes) = (title, url, kind, filterKind, themes)
        (self.summary, self.meta, self.headings, self.text) = (summary, meta, headings, text)
    }
}
