import ContentModel
import Diagnostics
import Foundation
import Parallel

/// The site's part of `breingen check`: links between content files that lead nowhere (errors) and
/// images without alt text (warnings), each at its line, as the build reports them; and what only
/// `check` says: a site without an accessibility statement, and addresses that two pages claim.
public enum SiteChecks {
    /// Checks `kb` (the public build's content, loaded from `root`).
    public static func check(_ kb: KnowledgeBase, root: URL) -> [Diagnostic] {
        bodies(kb, root: root) + accessibilityStatement(kb, root: root) + addresses(kb, root: root)
    }

    /// Every Markdown body of `kb`.
    static func bodies(_ kb: KnowledgeBase, root: URL) -> [Diagnostic] {
        let routes = Routes(baseURL: kb.site.baseURL)
        let urls = SiteData.contentURLs(kb, routes: routes)
        let renderer = BodyRenderer(links: LinkResolver(urls: urls, basePath: routes.basePath)) { path in
            SiteData.link(to: path, urls: urls, root: root)
        }
        var infos: [ItemInfo] = kb.themes.map(\.info) + kb.bestPractices.map(\.info) + kb.insights.map(\.info)
        infos += kb.activities.map(\.info) + kb.alliances.map(\.info) + kb.publications.map(\.info)
        infos += kb.people.map(\.info) + kb.schoolScans.map(\.info) + kb.pages.map(\.info)
        Parallel.forEach(infos.count) { renderer.check(infos[$0]) }
        return renderer.diagnostics
    }

    /// A warning when no published page has the slug `toegankelijkheid`: Dutch public-interest sites
    /// publish an accessibility statement, and the footer links to it.
    static func accessibilityStatement(_ kb: KnowledgeBase, root: URL) -> [Diagnostic] {
        guard !kb.pages.contains(where: { $0.slug == Routes.accessibilitySlug }) else { return [] }
        let file = "content/pages/\(Routes.accessibilitySlug).md"
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path) {
            return [Diagnostic(.warning, "de toegankelijkheidsverklaring wordt niet gepubliceerd (concept of intern)", file: file,
                               notes: ["haal 'draft: true' weg als de verklaring klaar is"])]
        }
        return [Diagnostic(.warning, "de site heeft geen toegankelijkheidsverklaring (\(file))",
                           notes: ["maak er een met: breingen new toegankelijkheid",
                                   "de voettekst van elke pagina linkt ernaar zodra hij er is"])]
    }

    /// Warnings for addresses that two pages or aliases claim (`URLClaims`).
    static func addresses(_ kb: KnowledgeBase, root: URL) -> [Diagnostic] {
        let data = SiteData(kb: kb, root: root, today: SiteBuilder.today(), items: ItemTable(), queries: nil)
        return URLClaims.conflicts(data, pages: PagePlanner.plan(data))
    }
}
