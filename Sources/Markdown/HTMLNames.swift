// Tag names with a special meaning: the block-level names of HTML block kind 6, and the names the GFM
// tag filter disarms.

enum HTMLNames {
    /// Whether `p[s..<e]` (any case) names a block-level element of HTML block kind 6. Compared in
    /// place by length, without building a string.
    static func isBlockName(_ p: Bytes, _ s: Int, _ e: Int) -> Bool {
        @inline(__always) func named(_ name: StaticString) -> Bool { matchesLowercase(p, s, e, name) }
        switch e - s {
        case 1: return asciiLower(p[s]) == UInt8(ascii: "p")
        case 2:
            let a = asciiLower(p[s])
            let b = asciiLower(p[s + 1])
            switch a {
            case UInt8(ascii: "d"): return b == UInt8(ascii: "d") || b == UInt8(ascii: "l") || b == UInt8(ascii: "t")
            case UInt8(ascii: "h"): return (b >= UInt8(ascii: "1") && b <= UInt8(ascii: "6")) || b == UInt8(ascii: "r")
            case UInt8(ascii: "l"): return b == UInt8(ascii: "i")
            case UInt8(ascii: "o"), UInt8(ascii: "u"): return b == UInt8(ascii: "l")
            case UInt8(ascii: "t"): return b == UInt8(ascii: "d") || b == UInt8(ascii: "h") || b == UInt8(ascii: "r")
            default: return false
            }
        case 3: return named("col") || named("dir") || named("div") || named("nav")
        case 4:
            return named("base") || named("body") || named("form") || named("head") || named("html")
                || named("link") || named("main") || named("menu")
        case 5:
            return named("aside") || named("frame") || named("param") || named("table") || named("tbody")
                || named("tfoot") || named("thead") || named("title") || named("track")
        case 6:
            return named("center") || named("dialog") || named("figure") || named("footer")
                || named("header") || named("iframe") || named("legend") || named("option") || named("search")
        case 7:
            return named("address") || named("article") || named("caption") || named("details")
                || named("section") || named("summary")
        case 8:
            return named("basefont") || named("colgroup") || named("fieldset") || named("frameset")
                || named("menuitem") || named("noframes") || named("optgroup")
        case 10: return named("blockquote") || named("figcaption")
        default: return false
        }
    }

    /// The tags the GFM tag filter disarms (their `<` becomes `&lt;`).
    static let filtered: [StaticString] = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ]
}
