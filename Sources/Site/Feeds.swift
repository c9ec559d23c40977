import Escaping

/// The machine-readable files at the site root: the Atom feed, `sitemap.xml` and `robots.txt`.
/// Written by the build itself (not through the theme) so they are always well-formed.
enum Feeds {
    /// One entry of the Atom feed.
    struct Entry {
        var title: String
        var path: String
        /// "2020-09-23"
        var date: String
        var summary: String?
        var category: String
    }

    /// An Atom 1.0 feed of `entries`, newest first (the caller sorts and limits).
    static func atom(title: String, subtitle: String?, routes: Routes, entries: [Entry], updated: String) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
            <title>\(HTMLEscaper.escape(title))</title>

            """
        if let subtitle, !subtitle.isEmpty { xml += "<subtitle>\(HTMLEscaper.escape(subtitle))</subtitle>\n" }
        xml += """
            <id>\(HTMLEscaper.escape(routes.permalink("")))</id>
            <link rel="alternate" type="text/html" href="\(HTMLEscaper.escape(routes.permalink("")))"/>
            <link rel="self" type="application/atom+xml" href="\(HTMLEscaper.escape(routes.permalink(Routes.feed)))"/>
            <updated>\(updated)T00:00:00Z</updated>
            <author><name>\(HTMLEscaper.escape(title))</name></author>

            """
        for entry in entries {
            let link = HTMLEscaper.escape(routes.permalink(entry.path))
            xml += "<entry>\n<title>\(HTMLEscaper.escape(entry.title))</title>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(link)\"/>\n<id>\(link)</id>\n"
            xml += "<updated>\(entry.date)T00:00:00Z</updated>\n"
            xml += "<category term=\"\(HTMLEscaper.escape(entry.category))\"/>\n"
            if let summary = entry.summary, !summary.isEmpty {
                xml += "<summary>\(HTMLEscaper.escape(summary))</summary>\n"
            }
            xml += "</entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    /// `sitemap.xml` listing every public HTML page.
    static func sitemap(routes: Routes, paths: [String]) -> String {
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        xml.reserveCapacity(paths.count * 80 + 200)
        for path in paths {
            xml += "<url><loc>" + HTMLEscaper.escape(routes.permalink(path)) + "</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// `robots.txt`: everything of the site may be crawled; the sitemap is announced. A site under a
    /// sub-path speaks only for its own path.
    static func robots(routes: Routes) -> String {
        "User-agent: *\nAllow: \(routes.basePath)\n\nSitemap: \(routes.permalink(Routes.sitemap))\n"
    }
}
