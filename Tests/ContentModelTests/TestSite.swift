import ContentModel
import Diagnostics
import Foundation

/// A throwaway site folder written from a dictionary of relative paths and texts.
struct TestSite {
    let root: URL

    static let siteYAML = """
        title: Proefsite
        baseURL: https://example.org/
        language: nl
        menus:
          main:
            - {title: Over ons, url: /over/, weight: 2}
        wijschool:
          levels:
            - {slug: bewust, title: Bewust, order: 1}
            - {slug: handelen, title: Handelen, order: 2}
            - {slug: borgen, title: Borgen, order: 3}

        """

    static let theme = "---\ntitle: Onderwijs\nnumber: \"2.2\"\n---\nTekst.\n"

    init(_ files: [String: String], site: String = TestSite.siteYAML) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-cm-\(UUID().uuidString)")
        var all = files
        all["content/site.yml"] = all["content/site.yml"] ?? site
        for (path, text) in all {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func load(_ options: LoadOptions = .publicBuild) throws -> (KnowledgeBase, [Diagnostic]) {
        try ContentLoader.load(root: root, options: options)
    }

    /// The diagnostics as `file:line:col: severity: message`, one per entry.
    func problems(_ options: LoadOptions = .publicBuild) throws -> [String] {
        try load(options).1.map { "\($0.location ?? ""): \($0.severity.rawValue): \($0.message)" }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
