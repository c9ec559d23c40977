import ContentModel
import Diagnostics
import Foundation

/// A Markdown body rendered for the site: its HTML (content links already turned into URLs) and its
/// plain text (for the search index).
struct RenderedBody {
    var html: String
    var text: String
    /// The headings of the body, for the page's table of contents.
    var toc: [TOCEntry] = []
}

/// Renders the Markdown bodies of content items, resolving links between content files and
/// collecting a diagnostic at the line of every broken one. Used from many threads at once.
final class BodyRenderer: @unchecked Sendable {
    let links: LinkResolver
    /// The site root, to tell a link to an unpublished item (the file exists) from a typo.
    let root: URL
    private let lock = NSLock()
    private var collected: [Diagnostic] = []
    private var linkedPaths: Set<String> = []

    init(links: LinkResolver, root: URL) {
        self.links = links
        self.root = root
    }

    /// Every problem found so far, in file and line order.
    var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return collected.sorted { ($0.file ?? "", $0.line ?? 0, $0.column ?? 0) < ($1.file ?? "", $1.line ?? 0, $1.column ?? 0) }
    }

    /// The content paths ("best-practices/a.md") the bodies rendered or checked so far link to: the live
    /// preview must render those bodies again when such a page moves or goes.
    var linked: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return linkedPaths
    }

    func noteLink(to path: String) {
        lock.lock()
        linkedPaths.insert(path)
        lock.unlock()
    }

    func report(_ diagnostic: Diagnostic) {
        lock.lock()
        collected.append(diagnostic)
        lock.unlock()
    }

    /// The message for a link whose target is no page of this build.
    func brokenLinkMessage(_ destination: String, target: String) -> String {
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("content/" + target).path) {
            return "link naar '\(destination)': dat item wordt niet gepubliceerd (concept of intern), dus de link zou nergens heen gaan"
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
