import ContentModel
import Diagnostics
import Foundation
import Parallel

/// The site's part of `breingen check`: links between content files that lead nowhere (errors) and
/// images without alt text (warnings), each at its line. The build reports the same problems.
public enum SiteChecks {
    /// Checks every Markdown body of `kb` (loaded from `root`).
    public static func check(_ kb: KnowledgeBase, root: URL) -> [Diagnostic] {
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
}
