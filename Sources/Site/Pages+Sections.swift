import ContentModel
import Foundation
import Templates

/// Insights, activities, alliances, publications and the organisation.
extension PagePlanner {
    static func insights(_ data: SiteData) -> [PlannedPage] {
        guard !PageReads.untracked({ data.kb.insights.isEmpty }) else { return [] }
        let title = "Inzichten"
        return [
            PlannedPage(path: Routes.insights, template: "insights.html") { data in
                var info = PageInfo(kind: "insights", title: title, path: Routes.insights, section: Routes.insights)
                info.breadcrumbs = PageInfo.crumbs([(title, Routes.insights)])
                let content = data.content
                var groups: [Value] = []
                for theme in content.themes {
                    let insights = content.insights.filter { $0.theme == theme.slug }
                    guard !insights.isEmpty else { continue }
                    groups.append(
                        .object([
                            ("slug", .string(theme.slug)), ("title", .string(theme.title)),
                            ("url", .string(data.url(Routes.theme(theme.slug)))),
                            (
                                "insights",
                                .list(
                                    insights.map { insight in
                                        let body = data.body(of: insight)
                                        let source: Value =
                                            insight.source.flatMap { content.publication($0) }.map { publication in
                                                .link(
                                                    publication.title,
                                                    data.href(publication.link)
                                                        ?? data.url(Routes.publication(publication.slug)))
                                            } ?? .none
                                        return .object([
                                            ("slug", .string(insight.slug)), ("title", .string(insight.title)),
                                            ("kindLabel", .string(insight.kind.title)), ("year", .int(insight.year)),
                                            ("source", source), ("entries", .texts(insight.items)),
                                            ("content", body.map { .safe($0.html) } ?? .none),
                                        ])
                                    })
                            ),
                        ]))
                }
                info.structuredData = StructuredData.insights(
                    data.content.insights.map { insight in
                        (insight.whole, data.content.theme(insight.theme)?.title ?? insight.theme)
                    },
                    site: data.content.site.item, routes: data.routes)
                return PageContext(["page": info.value(data), "insightGroups": .list(groups)])
            }
        ]
    }

    static func activities(_ data: SiteData) -> [PlannedPage] {
        let all = data.content.activities
        guard !PageReads.untracked({ all.isEmpty }) else { return [] }
        let title = "Activiteiten"
        var pages = [
            PlannedPage(path: Routes.activities, template: "activities.html") { data in
                var info = PageInfo(
                    kind: "activities", title: title, path: Routes.activities, section: Routes.activities)
                info.breadcrumbs = PageInfo.crumbs([(title, Routes.activities)])
                let years = Dictionary(grouping: all, by: { $0.date.year }).sorted { $0.key > $1.key }
                return [
                    "page": info.value(data),
                    "activityYears": .list(
                        years.map { year, activities in
                            .object([
                                ("year", .int(year)),
                                (
                                    "activities",
                                    .list(activities.sorted { $0.date > $1.date }.map { activityCard($0, data) })
                                ),
                            ])
                        }),
                ]
            }
        ]
        for activity in PageReads.untracked({ Array(all) }) {
            let path = Routes.activity(activity.item.slug)
            pages.append(
                PlannedPage(path: path, template: "activity.html") { data in
                    var info = PageInfo(
                        kind: "activity", title: activity.title, path: path, section: Routes.activities,
                        description: activity.goal)
                    info.breadcrumbs = PageInfo.crumbs([(title, Routes.activities), (activity.title, path)])
                    if let a = all.neighbour(of: activity.id, offset: -1) {
                        info.prev = (a.title, Routes.activity(a.slug))
                    }
                    if let a = all.neighbour(of: activity.id, offset: 1) {
                        info.next = (a.title, Routes.activity(a.slug))
                    }
                    let body = data.body(of: activity)
                    info.show(body, of: activity)
                    info.ogType = "article"
                    info.structuredData = StructuredData.event(
                        activity.whole, theme: data.content.theme(activity.theme)?.title, site: data.content.site.item,
                        routes: data.routes)
                    return PageContext([
                        "page": info.value(data),
                        "activity": .object([
                            ("title", .string(activity.title)), ("date", .string(activity.date.machineReadable)),
                            ("dateText", .string(activity.date.dutchWithTime)), ("format", .text(activity.format)),
                            ("location", .text(activity.location)), ("calendarURL", .string(data.url(Routes.calendar))),
                            ("theme", data.themeLink(activity.theme) ?? .none), ("partners", .texts(activity.partners)),
                            ("goal", .text(activity.goal)), ("outcome", .text(activity.outcome)),
                            ("content", body.map { .safe($0.html) } ?? .none),
                        ]),
                    ])
                })
        }
        return pages
    }

    static func foundedText(_ founded: YearOrDate?) -> String? {
        guard let founded else { return nil }
        return founded.date?.dutch ?? String(founded.year)
    }

    static func alliances(_ data: SiteData) -> [PlannedPage] {
        let all = data.content.alliances
        guard !PageReads.untracked({ all.isEmpty }) else { return [] }
        let title = "Allianties"
        var pages = [
            PlannedPage(path: Routes.alliances, template: "alliances.html") { data in
                var info = PageInfo(kind: "alliances", title: title, path: Routes.alliances, section: Routes.alliances)
                info.breadcrumbs = PageInfo.crumbs([(title, Routes.alliances)])
                return [
                    "page": info.value(data),
                    "alliances": .list(
                        all.map { a in
                            .object([
                                ("title", .string(a.title)), ("abbreviation", .text(a.abbreviation)),
                                ("url", .string(data.url(Routes.alliance(a.slug)))),
                                ("founded", .text(foundedText(a.founded))),
                                ("phase", .int(a.phase.rawValue)), ("phaseTitle", .string(a.phase.title)),
                                ("summary", .text(a.summary)),
                            ])
                        }),
                ]
            }
        ]
        for alliance in PageReads.untracked({ Array(all) }) {
            let path = Routes.alliance(alliance.item.slug)
            pages.append(
                PlannedPage(path: path, template: "alliance.html") { data in
                    var info = PageInfo(
                        kind: "alliance", title: alliance.title, path: path, section: Routes.alliances,
                        description: alliance.summary)
                    info.breadcrumbs = PageInfo.crumbs([(title, Routes.alliances), (alliance.title, path)])
                    if let a = all.neighbour(of: alliance.id, offset: -1) {
                        info.prev = (a.title, Routes.alliance(a.slug))
                    }
                    if let a = all.neighbour(of: alliance.id, offset: 1) {
                        info.next = (a.title, Routes.alliance(a.slug))
                    }
                    let body = data.body(of: alliance)
                    info.show(body, of: alliance)
                    return PageContext([
                        "page": info.value(data),
                        "phases": .list(
                            AlliancePhase.allCases.map {
                                .object([("number", .int($0.rawValue)), ("title", .string($0.title))])
                            }),
                        "alliance": .object([
                            ("title", .string(alliance.title)), ("abbreviation", .text(alliance.abbreviation)),
                            ("founded", .text(foundedText(alliance.founded))),
                            ("themes", .list(alliance.themes.compactMap { data.themeLink($0) })),
                            ("phase", .int(alliance.phase.rawValue)), ("phaseTitle", .string(alliance.phase.title)),
                            ("members", .texts(alliance.members)), ("collaborators", .texts(alliance.collaborators)),
                            ("content", body.map { .safe($0.html) } ?? .none),
                        ]),
                    ])
                })
        }
        return pages
    }

    static func publications(_ data: SiteData) -> [PlannedPage] {
        guard !PageReads.untracked({ data.kb.publications.isEmpty }) else { return [] }
        let title = "Publicaties"
        return [
            PlannedPage(path: Routes.publications, template: "publications.html") { data in
                var info = PageInfo(
                    kind: "publications", title: title, path: Routes.publications, section: Routes.publications)
                info.breadcrumbs = PageInfo.crumbs([(title, Routes.publications)])
                let publications = data.content.publications
                return PageContext([
                    "page": info.value(data),
                    "publications": .list(
                        publications.map { p in
                            .object([
                                ("slug", .string(p.slug)), ("title", .string(p.title)),
                                ("link", .text(data.href(p.link))),
                                ("kind", .string(p.kind.rawValue)), ("date", .string(p.date.iso)),
                                ("dateText", .string(p.date.dutch)),
                                ("partners", .texts(p.partners)),
                            ])
                        }),
                ])
            }
        ]
    }

    static func organisation(_ data: SiteData) -> [PlannedPage] {
        guard PageReads.untracked({ !data.kb.people.isEmpty || data.kb.site.organisation != nil }) else { return [] }
        let title = "Organisatie"
        return [
            PlannedPage(path: Routes.organisation, template: "organisation.html") { data in
                var info = PageInfo(
                    kind: "organisation", title: title, path: Routes.organisation, section: Routes.organisation)
                info.breadcrumbs = PageInfo.crumbs([(title, Routes.organisation)])
                let today = data.today
                let bodies: [Value] = Body.allCases.map { body in
                    // Who holds a role today (`end` is the last day in office), chair first, then by sort name,
                    // as the report lists each body.
                    var members: [(person: Tracked<Person>, role: Role)] = []
                    for person in data.content.people {
                        for role in person.roles where role.body == body && role.isHeld(at: today) {
                            members.append((person, role))
                        }
                    }
                    members = members.enumerated().sorted {
                        ($0.element.role.rank, $0.offset) < ($1.element.role.rank, $1.offset)
                    }.map(\.element)
                    return .object([
                        ("slug", .string(body.rawValue)), ("title", .string(body.title)),
                        (
                            "members",
                            .list(
                                members.map { m in
                                    .object([
                                        ("name", .string(m.person.name)), ("role", .string(m.role.role)),
                                        ("function", .text(m.role.function)),
                                        ("organisation", .text(m.role.organisation)),
                                    ])
                                })
                        ),
                    ])
                }
                return ["page": info.value(data), "bodies": .list(bodies)]
            }
        ]
    }
}
