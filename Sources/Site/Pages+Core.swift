import ContentModel
import DataFormats
import Foundation
import Templates

/// Home, themes, free pages, tags, search and 404.
extension PagePlanner {
    static func home(_ data: SiteData) -> PlannedPage {
        PlannedPage(path: "", template: "home.html") { data in
            let content = data.content
            var info = PageInfo(kind: "home", title: content.site.title, path: "", section: "")
            info.structuredData = StructuredData.home(content.site.item, routes: data.routes)
            let activities = content.activities.suffix(4).reversed().map { activityCard($0, data) }
            // Themes that ended: what the home page shows when no theme runs this year.
            let ended = content.themes.filter { endedText($0, data) != nil }
            return [
                "page": info.value(data),
                "themes": .list(content.themes(in: data.today.year).map { themeCard($0, data) }),
                "endedThemes": .list(ended.map { themeCard($0, data) }),
                "latestBestPractices": .list(content.practices.prefix(6).map { data.card($0) }),
                "latestActivities": .list(Array(activities)),
                "counts": .object([
                    ("bestPractices", .int(content.practices.count)), ("themes", .int(content.themes.count)),
                    ("alliances", .int(content.alliances.count)), ("activities", .int(content.activities.count)),
                ]),
            ]
        }
    }

    static func themeCard(_ theme: Tracked<Theme>, _ data: SiteData) -> Value {
        .object([
            ("title", .string(theme.title)),
            ("url", .string(data.url(Routes.theme(theme.slug)))),
            ("number", .text(theme.number)),
            ("period", .text(theme.periodText)),
            ("summary", .text(theme.summary)),
            ("bestPracticeCount", .int(data.content.practices(ofTheme: theme.slug).count)),
            ("endedText", .text(endedText(theme, data))),
        ])
    }

    /// "Afgerond in 2022" for a theme that no longer runs, nil while it does.
    static func endedText(_ theme: Tracked<Theme>, _ data: SiteData) -> String? {
        if let ended = theme.ended, ended.day0 <= data.today { return "Afgerond op \(ended.dutch)" }
        if let last = theme.lastYear, last < data.today.year { return "Afgerond in \(last)" }
        return nil
    }

    static func themes(_ data: SiteData) -> [PlannedPage] {
        let themes = data.content.themes
        let title = "Thema's"
        var pages = [
            PlannedPage(path: Routes.themes, template: "themes.html") { data in
                var info = PageInfo(kind: "themes", title: title, path: Routes.themes, section: Routes.themes)
                info.breadcrumbs = PageInfo.crumbs([(title, Routes.themes)])
                // The themes of this year first; those that ended (or have not started) and have nothing in this
                // year apart, so the overview shows what runs now without losing the older pages.
                let current = data.content.themes(in: data.today.year)
                let currentSlugs = Set(current.map(\.slug))
                return [
                    "page": info.value(data), "themes": .list(current.map { themeCard($0, data) }),
                    "otherThemes": .list(themes.filter { !currentSlugs.contains($0.slug) }.map { themeCard($0, data) }),
                ]
            }
        ]
        let shown = 12
        for theme in PageReads.untracked({ Array(themes) }) {
            let path = Routes.theme(theme.item.slug)
            let members = data.content.practices(ofTheme: theme.item.slug)
            pages.append(
                PlannedPage(path: path, template: "theme.html") { data in
                    var info = PageInfo(
                        kind: "theme", title: theme.title, path: path, section: Routes.themes,
                        description: theme.summary)
                    info.breadcrumbs = PageInfo.crumbs([(title, Routes.themes), (theme.title, path)])
                    if let t = themes.neighbour(of: theme.id, offset: -1) {
                        info.prev = (t.title, Routes.theme(t.slug))
                    }
                    if let t = themes.neighbour(of: theme.id, offset: 1) { info.next = (t.title, Routes.theme(t.slug)) }
                    let body = data.body(of: theme)
                    info.show(body, of: theme)
                    let digest = data.content.digest(theme.slug)
                    let value: Value = .object([
                        ("title", .string(theme.title)),
                        ("slug", .string(theme.slug)),
                        ("number", .text(theme.number)),
                        ("period", .text(theme.periodText)),
                        ("endedText", .text(endedText(theme, data))),
                        ("objective", .text(theme.objective)),
                        ("summary", .text(theme.summary)),
                        ("content", body.map { .safe($0.html) } ?? .none),
                        ("results", .list(digest.results.map { resultValue($0, data) })),
                        (
                            "insights",
                            .list(
                                digest.insights.map { insight in
                                    .object([
                                        ("title", .string(insight.title)), ("year", .int(insight.year)),
                                        ("entries", .texts(insight.items)),
                                    ])
                                })
                        ),
                        ("bestPractices", .list(members.prefix(shown).map { data.card($0) })),
                        ("moreBestPractices", .bool(members.count > shown)),
                        ("bestPracticeCount", .int(members.count)),
                        ("bankURL", .string(data.url(Routes.themeBestPractices(theme.slug)))),
                        (
                            "alliances",
                            .list(
                                digest.alliances.map { alliance in
                                    .object([
                                        ("title", .string(alliance.title)),
                                        ("url", .string(data.url(Routes.alliance(alliance.slug)))),
                                        ("date", .none), ("dateText", .none),
                                    ])
                                })
                        ),
                        (
                            "activities",
                            .list(
                                digest.activities.map { activity in
                                    .object([
                                        ("title", .string(activity.title)),
                                        ("url", .string(data.url(Routes.activity(activity.slug)))),
                                        ("date", .string(activity.date.machineReadable)),
                                        ("dateText", .string(activity.date.dutchWithTime)),
                                    ])
                                })
                        ),
                        (
                            "publications",
                            .list(
                                digest.publications.map { publication in
                                    .object([
                                        ("title", .string(publication.title)),
                                        (
                                            "url",
                                            .string(
                                                data.href(publication.link)
                                                    ?? data.url(Routes.publication(publication.slug)))
                                        ),
                                        ("date", .string(publication.date.machineReadable)),
                                        ("dateText", .string(publication.date.dutch)),
                                    ])
                                })
                        ),
                    ])
                    return PageContext(["page": info.value(data), "theme": value])
                })
            pages += bestPracticeListPages(
                path: Routes.themeBestPractices(theme.item.slug), template: "list.html", kind: "theme-list",
                title: { "Best practices: \(theme.title)" }, section: Routes.themes,
                trail: { [(title, Routes.themes), (theme.title, path)] }, members: members, perPage: perPage, data: data
            )
        }
        return pages
    }

    static func resultValue(_ list: Tracked<ResultList>, _ data: SiteData) -> Value {
        .object([
            ("year", .int(list.year)),
            ("numbering", .string(list.numbering.rawValue)),
            (
                "entries",
                .list(
                    list.items.map { item in
                        let link =
                            data.href(item.link)
                            ?? item.publication.flatMap { slug in
                                data.content.publication(slug).map {
                                    data.href($0.link) ?? data.url(Routes.publication($0.slug))
                                }
                            }
                        return .object([
                            ("title", .string(item.title)), ("kind", .string(item.kind.rawValue)),
                            ("link", .text(link)),
                            // The partners follow as a sentence of their own ("Met …."), so the text before them ends one.
                            (
                                "description",
                                .text(
                                    item.partners.isEmpty
                                        ? item.description : item.description.map(DutchFormat.sentence))
                            ),
                            ("partners", .texts(item.partners)),
                        ])
                    })
            ),
        ])
    }

    static func activityCard(_ activity: Tracked<Activity>, _ data: SiteData) -> Value {
        .object([
            ("title", .string(activity.title)),
            ("url", .string(data.url(Routes.activity(activity.slug)))),
            ("date", .string(activity.date.machineReadable)),
            ("dateText", .string(activity.date.dutchWithTime)),
            ("format", .text(activity.format)),
            ("theme", data.themeLink(activity.theme) ?? .none),
            ("goal", .text(activity.goal)),
        ])
    }

    static func freePages(_ data: SiteData) -> [PlannedPage] {
        PageReads.untracked { Array(data.content.pages) }.map { page in
            let path = Routes.page(page.item.slug)
            return PlannedPage(path: path, template: "page.html") { data in
                var info = PageInfo(
                    kind: "page", title: page.title, path: path, section: path, description: page.summary)
                info.breadcrumbs = PageInfo.crumbs([(page.title, path)])
                let body = data.body(of: page)
                info.show(body, of: page)
                return PageContext([
                    "page": info.value(data), "content": .safe(body?.html ?? ""), "slug": .string(page.slug),
                ])
            }
        }
    }

    static func tags(_ data: SiteData) -> [PlannedPage] {
        let title = "Tags"
        var pages = [
            PlannedPage(path: Routes.tags, template: "tags.html") { data in
                var info = PageInfo(kind: "tags", title: title, path: Routes.tags, section: Routes.tags)
                info.breadcrumbs = PageInfo.crumbs([(title, Routes.tags)])
                return [
                    "page": info.value(data),
                    "tags": .list(
                        data.tags.map { tag in
                            .object([
                                ("title", .string(tag.title)), ("url", .string(data.url(Routes.tag(tag.slug)))),
                                ("count", .int(tag.count)),
                            ])
                        }),
                ]
            }
        ]
        for tag in PageReads.untracked({ data.tags }) {
            let slug = tag.slug
            pages += bestPracticeListPages(
                path: Routes.tag(slug), template: "list.html", kind: "tag", title: { "Tag: \(data.tagTitle(slug))" },
                section: Routes.tags, trail: { [(title, Routes.tags)] }, members: data.content.practices(ofTag: slug),
                perPage: perPage, data: data)
        }
        return pages
    }

    static func searchPage(_ data: SiteData) -> PlannedPage {
        PlannedPage(path: Routes.search, template: "search.html") { data in
            var info = PageInfo(kind: "search", title: "Zoeken", path: Routes.search, section: Routes.search)
            info.breadcrumbs = PageInfo.crumbs([("Zoeken", Routes.search)])
            return ["page": info.value(data)]
        }
    }

    static func notFound(_ data: SiteData) -> PlannedPage {
        PlannedPage(path: Routes.notFound, template: "404.html", inSitemap: false) { data in
            let info = PageInfo(kind: "404", title: "Pagina niet gevonden", path: Routes.notFound, section: "")
            return ["page": info.value(data)]
        }
    }
}
