import ContentModel
import Diagnostics
import Foundation

/// A Markdown body rendered for the site: its HTML (content links already turned into URLs) and its
/// plain text and headings (for the search index, through `BodyTextMemo`).
struct RenderedBody {
    var html: String
    var text: String
    /// The headings of the body, for the page's table of contents.
    var toc: [TOCEntry] = []
    /// The text of every heading, in order (for the search index).
    var headings: [String] = []
}

/// Renders the Markdown bodies of content items, resolving links between content files. A problem (a
/// broken link, an image without alt text) goes to the reads of the page being built, so it belongs to
/// that page; outside a page (`breingen check`) it is collected here. Used from many threads at once.
final class BodyRenderer: @unchecked Sendable {
    let links: LinkResolver
    /// What a link to a content path becomes; a page's reads record it.
    private let contentLink: (String) -> ContentLink
    private let lock = NSLock()
    private var collected: [Diagnostic] = []

    init(links: LinkResolver, contentLink: @escaping (String) -> ContentLink) {
        self.links = links
        self.contentLink = contentLink
    }

    /// The renderer of a build's pages.
    convenience init(_ data: SiteData) {
        self.init(links: data.links) { [unowned data] path in data.contentLink(path) }
    }

    /// Every problem found outside a page so far, in file and line order.
    var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return collected.sorted {
            ($0.file ?? "", $0.line ?? 0, $0.column ?? 0) < ($1.file ?? "", $1.line ?? 0, $1.column ?? 0)
        }
    }

    /// A link to `path` resolved to a URL: the page depends on where that page lives.
    func noteLink(to path: String) {
        _ = contentLink(path)
    }

    func report(_ diagnostic: Diagnostic) {
        if let reads = PageReads.current {
            reads.report(diagnostic)
            return
        }
        lock.lock()
        collected.append(diagnostic)
        lock.unlock()
    }

    /// The message for a link whose target is no page of this build.
    func brokenLinkMessage(_ destination: String, target: String) -> String {
        if contentLink(target) == .unpublished {
            return
                "link naar '\(destination)': dat item wordt niet gepubliceerd (concept of intern), dus de link zou nergens heen gaan"
        }
        return "link naar '\(destination)': content/\(target) bestaat niet"
    }

    /// Reports the problems of the body of `info` without rendering it.
    func check(_ info: ItemInfo) {
        guard let body = info.body, !body.text.isEmpty else { return }
        MarkdownBridge.check(body, file: info.file, renderer: self)
    }

    /// The body of `info` rendered, or nil when the item has none.
    func render(_ info: ItemInfo) -> RenderedBody? {
        guard let body = info.body, !body.text.isEmpty else { return nil }
        return MarkdownBridge.render(body, file: info.file, renderer: self)
    }
}
