// Tag names with a special meaning: the block-level names of HTML block kind 6, and the names the GFM
// tag filter disarms.

enum HTMLNames {
    private static let blockNames: Set<[UInt8]> = Set([
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul",
    ].map { Array($0.utf8) })

    /// Whether `p[s..<e]` (any case) names a block-level element of HTML block kind 6.
    static func isBlockName(_ p: Bytes, _ s: Int, _ e: Int) -> Bool {
        let n = e - s
        guard n >= 1 && n <= 10 else { return false }
        var name = [UInt8](repeating: 0, count: n)
        for k in 0..<n { name[k] = asciiLower(p[s + k]) }
        return blockNames.contains(name)
    }

    /// The tags the GFM tag filter disarms (their `<` becomes `&lt;`).
    static let filtered: [StaticString] = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ]
}
