/// How Markdown is parsed and rendered.
public struct MarkdownOptions: Sendable {
    /// GitHub Flavored Markdown: tables, strikethrough, extended autolinks, the tag filter and task
    /// lists. On by default; off gives plain CommonMark 0.31.2.
    public var gfm: Bool
    /// `[^label]` references and `[^label]: ...` definitions, rendered as a numbered list at the end.
    public var footnotes: Bool
    /// Curly quotes, en and em dashes and ellipses: ‘ ’ “ ” – — ….
    public var smartPunctuation: Bool
    /// Gives every heading an `id` made by `Slug.make`, unique within the document.
    public var headingIDs: Bool
    /// Drops raw HTML (block and inline) and `javascript:`, `vbscript:`, `file:` and non-image `data:`
    /// URLs.
    public var safe: Bool

    public init(
        gfm: Bool = true, footnotes: Bool = true, smartPunctuation: Bool = false, headingIDs: Bool = false,
        safe: Bool = false
    ) {
        self.gfm = gfm
        self.footnotes = footnotes
        self.smartPunctuation = smartPunctuation
        self.headingIDs = headingIDs
        self.safe = safe
    }

    /// GFM with footnotes: what the site uses and what `cmark-gfm` does with all extensions on.
    public static let `default` = MarkdownOptions()

    /// Strict CommonMark 0.31.2: no extensions.
    public static let commonMark = MarkdownOptions(gfm: false, footnotes: false)
}
