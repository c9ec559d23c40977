import ContentModel
import Diagnostics
import Templates

/// Links that last: every `aliases:` entry of an item gets a small page (`redirect.html`) that sends the
/// visitor on to the item's page, with a meta refresh, a canonical link and a plain link for whoever has
/// no refresh. A renamed slug then never gives a 404. An alias that is also the address of a real page
/// (or of another alias) writes nothing: the page wins, and `breingen check` warns (`URLClaims`).
extension PagePlanner {
    /// Every published item with a page, its title and its site path (an insight or a publication is a
    /// place on its list page).
    static func itemPages(_ kb: KnowledgeBase) -> [(info: ItemInfo, title: String, path: String)] {
        var pages: [(ItemInfo, String, String)] = []
        for t in kb.themes { pages.append((t.info, t.title, Routes.theme(t.slug))) }
        for b in kb.bestPractices { pages.append((b.info, b.title, Routes.bestPractice(b.slug))) }
        for i in kb.insights { pages.append((i.info, i.title, Routes.insight(i.slug))) }
        for a in kb.activities { pages.append((a.info, a.title, Routes.activity(a.slug))) }
        for a in kb.alliances { pages.append((a.info, a.title, Routes.alliance(a.slug))) }
        for p in kb.publications { pages.append((p.info, p.title, Routes.publication(p.slug))) }
        for s in kb.schoolScans { pages.append((s.info, "\(s.school) (\(s.schoolYear))", Routes.scan(s.slug))) }
        for p in kb.pages { pages.append((p.info, p.title, Routes.page(p.slug))) }
        for f in kb.finance { pages.append((f.info, "Financiën \(f.year)", Routes.financeYear(f.year))) }
        return pages
    }

    /// The redirect pages of the aliases that no page in `pages` and no earlier alias claims. Which
    /// aliases there are is planned; the title and the address a redirect shows are read while its
    /// context is built, so renaming the item renders its redirects again.
    static func redirects(_ data: SiteData, after pages: [PlannedPage]) -> [PlannedPage] {
        let targets = redirectTargets(data)
        guard !targets.isEmpty else { return [] }
        var claimed = Set(pages.map(\.path))
        var redirects: [PlannedPage] = []
        for target in targets {
            for alias in target.aliases where claimed.insert(alias).inserted {
                redirects.append(
                    PlannedPage(path: alias, template: "redirect.html", inSitemap: false, planKey: target.file) {
                        data in
                        let (title, path) = (target.title(), target.path())
                        var page = PageInfo(kind: "redirect", title: title, path: alias, section: "")
                        page.description = "Deze pagina is verhuisd naar \(data.routes.permalink(path))."
                        return [
                            "page": page.value(data),
                            "target": .object([
                                ("title", .string(title)), ("url", .string(data.url(path))),
                                ("permalink", .string(data.routes.permalink(path))),
                            ]),
                        ]
                    })
            }
        }
        return redirects
    }

    /// `itemPages` as pages read them: the items with aliases, in the same order, each with its file and
    /// with its title and path to read.
    private static func redirectTargets(_ data: SiteData)
        -> [(aliases: [String], file: String, title: @Sendable () -> String, path: @Sendable () -> String)]
    {
        var targets: [(aliases: [String], file: String, title: @Sendable () -> String, path: @Sendable () -> String)] =
            []
        func add<Item: ContentItem>(
            _ list: TrackedList<Item>, at positions: [Int]? = nil,
            _ title: @escaping @Sendable (Tracked<Item>) -> String,
            _ path: @escaping @Sendable (Tracked<Item>) -> String
        ) {
            PageReads.untracked {
                for position in positions ?? Array(list.indices)
                where !list.data.item(at: position).info.aliases.isEmpty {
                    let item = list[position]
                    targets.append((item.item.info.aliases, item.file, { title(item) }, { path(item) }))
                }
            }
        }
        let content = data.content
        add(content.themes, { $0.title }, { Routes.theme($0.slug) })
        // The practices with aliases found in place: there are thousands, and each is a large value.
        let practices = data.kb.bestPractices
        add(
            content.practices, at: practices.indices.filter { !practices[$0].info.aliases.isEmpty },
            { $0.title }, { Routes.bestPractice($0.slug) })
        add(content.insights, { $0.title }, { Routes.insight($0.slug) })
        add(content.activities, { $0.title }, { Routes.activity($0.slug) })
        add(content.alliances, { $0.title }, { Routes.alliance($0.slug) })
        add(content.publications, { $0.title }, { Routes.publication($0.slug) })
        add(content.scans, { "\($0.school) (\($0.schoolYear))" }, { Routes.scan($0.slug) })
        add(content.pages, { $0.title }, { Routes.page($0.slug) })
        add(content.finance, { "Financiën \($0.year)" }, { Routes.financeYear($0.year) })
        return targets
    }
}

/// Addresses claimed twice: by two pages (a free page named like a section, `themas.md`), by an alias
/// and a page, or by two aliases. Only one of them can be at that address, so `check` warns.
enum URLClaims {
    static func conflicts(_ data: SiteData, pages: [PlannedPage]) -> [Diagnostic] {
        var owners: [String: String] = [:]
        for (info, _, path) in PagePlanner.itemPages(data.kb) { owners[path] = info.file }
        func describe(_ path: String) -> String {
            if let file = owners[path] { return "de pagina van \(file)" }
            return path.isEmpty ? "de voorpagina" : "de pagina /\(path) die breingen zelf maakt"
        }
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for page in pages where page.template != "redirect.html" {
            let file = Routes.file(for: page.path)
            seen[file, default: 0] += 1
            if seen[file] == 2 {
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        "het adres /\(page.path) is van twee pagina's tegelijk; er komt er maar één op te staan",
                        file: owners[page.path],
                        notes: ["geef de pagina een andere slug (slug: ...) of een andere bestandsnaam"]))
            }
        }
        var aliasOwner: [String: String] = [:]
        for (info, _, target) in PagePlanner.itemPages(data.kb) {
            for alias in info.aliases {
                if alias == target {
                    diagnostics.append(
                        Diagnostic(.warning, "alias /\(alias) is het adres van de pagina zelf", file: info.file))
                } else if seen[Routes.file(for: alias)] != nil {
                    diagnostics.append(
                        Diagnostic(
                            .warning,
                            "alias /\(alias) is al het adres van \(describe(alias)); de doorverwijzing wordt niet geschreven",
                            file: info.file, notes: ["haal de alias weg, of geef die pagina een ander adres"]))
                } else if let other = aliasOwner[alias] {
                    diagnostics.append(
                        Diagnostic(
                            .warning, "alias /\(alias) staat ook bij \(other); alleen de eerste verwijst door",
                            file: info.file))
                } else {
                    aliasOwner[alias] = info.file
                }
            }
        }
        return diagnostics
    }
}
