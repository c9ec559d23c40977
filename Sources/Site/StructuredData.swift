import ContentModel
import Escaping
import Foundation

/// schema.org descriptions of pages as JSON-LD, for search engines and link previews: the organisation
/// on the home page, an `Article` per best practice and insight, an `Event` per activity. Strings go
/// through the package's one JSON escaper in its HTML-safe style, so the text can stand inside a
/// `<script>` element as it is.
enum StructuredData {
    /// A JSON value with its object keys in the order written.
    indirect enum JSON {
        case string(String)
        case object([(String, JSON?)])
        case array([JSON])

        func append(to out: inout [UInt8]) {
            switch self {
            case .string(let text):
                JSONEscaper.appendQuoted(text, style: .htmlSafe, to: &out)
            case .array(let items):
                out.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    item.append(to: &out)
                }
                out.append(UInt8(ascii: "]"))
            case .object(let pairs):
                out.append(UInt8(ascii: "{"))
                var first = true
                for (key, value) in pairs {
                    guard let value else { continue }
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    JSONEscaper.appendQuoted(key, style: .htmlSafe, to: &out)
                    out.append(UInt8(ascii: ":"))
                    value.append(to: &out)
                }
                out.append(UInt8(ascii: "}"))
            }
        }

        var text: String {
            var out: [UInt8] = []
            append(to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    static let context: (String, JSON?) = ("@context", .string("https://schema.org"))

    static func text(_ value: String?) -> JSON? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return .string(value)
    }

    static func list(_ values: [String]) -> JSON? {
        values.isEmpty ? nil : .array(values.map(JSON.string))
    }

    /// The organisation behind the site (its name, or the site's title), with its address and contact.
    static func organisation(_ site: SiteSettings, routes: Routes, context: Bool = true) -> JSON {
        let o = site.organisation
        var address: JSON?
        if let o, o.address != nil || o.city != nil {
            address = .object([
                ("@type", .string("PostalAddress")), ("streetAddress", text(o.address)),
                ("addressLocality", text(o.city)), ("addressCountry", .string("NL")),
            ])
        }
        let website = o?.website.map { $0.hasPrefix("/") ? routes.permalink(String($0.dropFirst())) : $0 }
        return .object(
            [
                context.then(StructuredData.context),
                ("@type", .string("Organization")),
                ("name", .string(o?.name ?? site.title)),
                ("legalName", text(o?.legalName)),
                ("url", .string(website ?? routes.baseURL)),
                ("description", text(site.mission ?? site.description)),
                ("email", text(o?.email)),
                ("foundingDate", text(o?.founded?.iso)),
                ("address", address),
            ].compactMap { $0 })
    }

    /// The home page: the organisation, and the site as a `WebSite` published by it.
    static func home(_ site: SiteSettings, routes: Routes) -> String {
        JSON.object([
            context,
            (
                "@graph",
                .array([
                    organisation(site, routes: routes, context: false),
                    .object([
                        ("@type", .string("WebSite")), ("name", .string(site.title)), ("url", .string(routes.baseURL)),
                        ("inLanguage", .string(site.language)), ("description", text(site.description)),
                        (
                            "publisher",
                            .object([
                                ("@type", .string("Organization")),
                                ("name", .string(site.organisation?.name ?? site.title)),
                            ])
                        ),
                    ]),
                ])
            ),
        ]).text
    }

    /// An article: a best practice, an insight.
    static func article(
        headline: String, url: String, date: String?, description: String?, about: [String],
        keywords: [String], site: SiteSettings, routes: Routes, context: Bool = true
    ) -> JSON {
        .object(
            [
                context.then(StructuredData.context),
                ("@type", .string("Article")),
                ("headline", .string(headline)),
                ("url", .string(url)),
                ("mainEntityOfPage", .string(url)),
                ("datePublished", text(date)),
                ("description", text(description)),
                ("inLanguage", .string(site.language)),
                (
                    "about",
                    about.isEmpty
                        ? nil : .array(about.map { .object([("@type", .string("Thing")), ("name", .string($0))]) })
                ),
                ("keywords", keywords.isEmpty ? nil : .string(keywords.joined(separator: ", "))),
                ("publisher", organisation(site, routes: routes, context: false)),
            ].compactMap { $0 })
    }

    /// A best practice's page.
    static func bestPractice(_ bp: BestPractice, themes: [String], site: SiteSettings, routes: Routes) -> String {
        article(
            headline: bp.title, url: routes.permalink(Routes.bestPractice(bp.slug)), date: bp.date.iso,
            description: bp.summary,
            about: themes, keywords: bp.tags, site: site, routes: routes
        ).text
    }

    /// The insights page: every insight as an article, each at its place on the page.
    static func insights(_ insights: [(insight: Insight, theme: String)], site: SiteSettings, routes: Routes) -> String?
    {
        guard !insights.isEmpty else { return nil }
        return JSON.object([
            context,
            (
                "@graph",
                .array(
                    insights.map { entry in
                        article(
                            headline: entry.insight.title, url: routes.permalink(Routes.insight(entry.insight.slug)),
                            date: String(entry.insight.year),
                            description: entry.insight.items.first, about: [entry.theme], keywords: [], site: site,
                            routes: routes, context: false)
                    })
            ),
        ]).text
    }

    /// An activity as an event: online ones take place at their page, the others where `location` says.
    static func event(_ activity: Activity, theme: String?, site: SiteSettings, routes: Routes) -> String {
        let url = routes.permalink(Routes.activity(activity.slug))
        let online = activity.format?.lowercased() == "online"
        let location: JSON?
        if online {
            location = .object([("@type", .string("VirtualLocation")), ("url", .string(url))])
        } else if let place = activity.location {
            location = .object([("@type", .string("Place")), ("name", .string(place))])
        } else {
            location = nil
        }
        return JSON.object([
            context,
            ("@type", .string("Event")),
            ("name", .string(activity.title)),
            ("url", .string(url)),
            ("startDate", .string(activity.date.machineReadable)),
            ("description", text(activity.goal)),
            (
                "eventAttendanceMode",
                .string(
                    online
                        ? "https://schema.org/OnlineEventAttendanceMode"
                        : "https://schema.org/OfflineEventAttendanceMode")
            ),
            ("eventStatus", .string("https://schema.org/EventScheduled")),
            ("location", location),
            ("about", theme.map { .object([("@type", .string("Thing")), ("name", .string($0))]) }),
            ("organizer", organisation(site, routes: routes, context: false)),
            ("inLanguage", .string(site.language)),
        ]).text
    }
}

extension Bool {
    /// `pair` when true: an optional first entry of an object.
    fileprivate func then(_ pair: (String, StructuredData.JSON?)) -> (String, StructuredData.JSON?)? {
        self ? pair : nil
    }
}
