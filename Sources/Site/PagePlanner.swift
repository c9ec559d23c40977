import ContentModel
import Foundation
import Templates

/// Lists every page of the site (item 1 of the site issue): what exists depends on the content, so a
/// minimal site gets a home page, its themes, the bank and the fixed pages.
enum PagePlanner {
    /// Items per page of a paginated list.
    static let perPage = 20

    /// Every page of the site. Best-practice pages first: they are the bulk, and rendering starts on them
    /// at once. `practicePages`: those pages as `bestPracticePages` plans them, when the caller has them
    /// (the live preview keeps the last build's while the slugs stay the same).
    static func plan(_ data: SiteData, practicePages: [PlannedPage]? = nil) -> [PlannedPage] {
        var pages = claimants(data, practicePages: practicePages)
        // Two pages on one address (a free page named like a section): the first planned keeps it, as
        // only one file can be written there; `check` warns about the other (`URLClaims`).
        var first = [UInt64: Int](minimumCapacity: pages.count)
        var taken = [Bool](repeating: false, count: pages.count)
        var collided = false
        for index in pages.indices {
            guard let before = first[pages[index].fileKey] else {
                first[pages[index].fileKey] = index
                continue
            }
            if pages[before].file == pages[index].file { taken[index] = true } else { collided = true }
        }
        if collided {
            // Two files with one hash: looked for by name instead.
            var claimed = Set<String>(minimumCapacity: pages.count)
            for index in pages.indices { taken[index] = !claimed.insert(pages[index].file).inserted }
        }
        if taken.contains(true) { pages = pages.indices.filter { !taken[$0] }.map { pages[$0] } }
        // The redirects of the aliases last: a page always wins its address.
        pages += redirects(data, after: pages)
        return pages
    }

    /// Every page the content asks for, redirects left out, before two claims of one address are settled.
    static func claimants(_ data: SiteData, practicePages: [PlannedPage]? = nil) -> [PlannedPage] {
        var pages = practicePages ?? bestPracticePages(data)
        pages.append(home(data))
        pages += themes(data)
        pages += bank(data)
        pages += tags(data)
        pages += insights(data)
        pages += activities(data)
        pages += alliances(data)
        pages += wijSchool(data)
        pages += organisation(data)
        pages += publications(data)
        pages += finance(data)
        pages += freePages(data)
        pages.append(searchPage(data))
        pages.append(notFound(data))
        return pages
    }

    /// What the values every template sees (`globals`) are made of, and nothing else: a build whose key
    /// equals the last build's has the same globals, so the pages need not be rendered again for them.
    struct GlobalsKey: Equatable {
        var site: SiteSettings
        var baseURL: String
        var today: ContentDate
        /// The main and the footer menu: title, URL, title, URL, …
        var menus: [[String]]
        var calendar: Bool
        var accessibilityStatement: Bool

        init(_ data: SiteData) {
            let kb = data.kb
            site = kb.site
            baseURL = data.routes.baseURL
            today = data.today
            menus = ["main", "footer"].map { PagePlanner.menu(data, name: $0).flatMap { [$0.0, $0.1] } }
            calendar = !kb.activities.isEmpty
            accessibilityStatement = kb.pages.contains { $0.slug == Routes.accessibilitySlug }
        }
    }

    /// The values every template sees: `site`, `urls`, `menu`, `footerMenu` and `today`.
    static func globals(_ key: GlobalsKey) -> [String: Value] {
        let site = key.site
        let routes = Routes(baseURL: key.baseURL)
        let organisation: Value =
            site.organisation.map { o in
                .object([
                    ("name", .text(o.name)), ("legalName", .text(o.legalName)), ("city", .text(o.city)),
                    ("founded", .text(o.founded?.iso)), ("foundedText", .text(o.founded?.dutch)),
                    ("email", .text(o.email)),
                    ("website", .text(o.website.map(routes.href))),
                    ("websiteLabel", .text(o.website.map(PagePlanner.websiteLabel))),
                    ("address", .text(o.address)), ("kvk", .text(o.kvk)),
                ])
            } ?? .none
        let urls: [(String, String)] = [
            ("home", ""), ("search", Routes.search), ("searchIndex", Routes.searchIndex), ("bank", Routes.bank),
            ("bankIndex", Routes.bankIndex), ("feed", Routes.feed), ("sitemap", Routes.sitemap),
            ("activities", Routes.activities), ("themes", Routes.themes), ("tags", Routes.tags),
            ("insights", Routes.insights), ("alliances", Routes.alliances), ("wijschool", Routes.wijschool),
            ("organisation", Routes.organisation), ("publications", Routes.publications), ("finance", Routes.finance),
        ]
        func links(_ menu: [String]) -> Value {
            .list(stride(from: 0, to: menu.count - 1, by: 2).map { .link(menu[$0], menu[$0 + 1]) })
        }
        return [
            "site": .object([
                ("title", .string(site.title)), ("baseURL", .string(key.baseURL)), ("language", .string(site.language)),
                ("description", .text(site.description)), ("mission", .text(site.mission)),
                ("organisation", organisation),
            ]),
            "urls": .object(
                urls.map { ($0.0, .string(routes.url($0.1))) } + [
                    ("calendar", key.calendar ? .string(routes.url(Routes.calendar)) : .none),
                    (
                        "accessibility",
                        key.accessibilityStatement ? .string(routes.url(Routes.page(Routes.accessibilitySlug))) : .none
                    ),
                ]),
            "menu": links(key.menus[0]),
            "footerMenu": links(key.menus[1]),
            "today": .object([("date", .string(key.today.iso)), ("dateText", .string(key.today.dutch))]),
        ]
    }

    /// The main menu: `menus.main` of site.yml (with free pages that ask for it), or else every section
    /// that has content.
    /// Other menus (`footer`) are exactly what site.yml and the free pages put in them.
    static func menu(_ data: SiteData, name: String = "main") -> [(String, String)] {
        let kb = data.kb
        var entries: [(title: String, url: String, weight: Int)] = []
        if let menu = kb.site.menu(name) {
            for (i, entry) in menu.entries.enumerated() {
                entries.append((entry.title, siteURL(entry.url, data), entry.weight ?? (i + 1)))
            }
        } else if name == "main" {
            let sections: [(String, String, Bool)] = [
                ("Thema's", Routes.themes, !kb.themes.isEmpty),
                ("Best practices", Routes.bank, true),
                ("Inzichten", Routes.insights, !kb.insights.isEmpty),
                ("Activiteiten", Routes.activities, !kb.activities.isEmpty),
                ("Allianties", Routes.alliances, !kb.alliances.isEmpty),
                ("WIJ SCHOOL", Routes.wijschool, !kb.schoolScans.isEmpty || !kb.site.pyramidLevels.isEmpty),
                ("Organisatie", Routes.organisation, !kb.people.isEmpty || kb.site.organisation != nil),
                ("Publicaties", Routes.publications, !kb.publications.isEmpty),
                ("Financiën", Routes.finance, !kb.finance.isEmpty),
            ]
            for (i, section) in sections.enumerated() where section.2 {
                entries.append((section.0, data.url(section.1), (i + 1) * 10))
            }
        }
        for page in kb.pages where page.menu == name {
            let url = data.url(Routes.page(page.slug))
            if !entries.contains(where: { $0.url == url }) { entries.append((page.title, url, page.weight ?? 1_000)) }
        }
        return entries.enumerated().sorted { ($0.element.weight, $0.offset) < ($1.element.weight, $1.offset) }
            .map { ($0.element.title, $0.element.url) }
    }

    /// A menu URL from site.yml: "/themas/" is relative to the site, not the host.
    static func siteURL(_ url: String, _ data: SiteData) -> String {
        if url.contains("://") || url.hasPrefix("mailto:") { return url }
        if url.hasPrefix("/") { return data.url(String(url.dropFirst())) }
        return data.url(url)
    }
}
