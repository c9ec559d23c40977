// Tag names with a special meaning: the block-level names of HTML block kind 6, and the names the GFM
// tag filter disarms.

enum HTMLNames {
    /// The block-level names by length (index 0 unused), compared in place without building a string.
    private static let blockNames: [[StaticString]] = [
        [],
        ["p"],
        ["dd", "dl", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "td", "th", "tr", "ul"],
        ["col", "dir", "div", "nav"],
        ["base", "body", "form", "head", "html", "link", "main", "menu"],
        ["aside", "frame", "param", "table", "tbody", "tfoot", "thead", "title", "track"],
        ["center", "dialog", "figure", "footer", "header", "iframe", "legend", "option", "search"],
        ["address", "article", "caption", "details", "section", "summary"],
        ["basefont", "colgroup", "fieldset", "frameset", "menuitem", "noframes", "optgroup"],
        [],
        ["blockquote", "figcaption"],
    ]

    /// Whether `p[s..<e]` (any case) names a block-level element of HTML block kind 6.
    static func isBlockName(_ p: Bytes, _ s: Int, _ e: Int) -> Bool {
        let n = e - s
        guard n >= 1 && n < blockNames.count else { return false }
        for name in blockNames[n] where matchesLowercase(p, s, e, name) { return true }
        return false
    }

    /// The tags the GFM tag filter disarms (their `<` becomes `&lt;`).
    static let filtered: [StaticString] = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ]
}
