import Diagnostics
import Foundation

/// Finds the files under `content/` and which type each one is. Anything that belongs to no type is a
/// warning, so a misnamed folder never silently disappears from the site.
struct ContentFiles {
    struct Job {
        var type: ContentType
        /// Absolute path (a folder for finance years).
        var path: String
        /// Relative to the site root, for messages: `content/themes/onderwijs.md`.
        var name: String
    }

    var jobs: [Job] = []
    var diagnostics: [Diagnostic] = []

    /// Hidden files (`.DS_Store`, `.gitkeep`) and the editors' own notes (`README.md`) are no content.
    static func ignored(_ name: String) -> Bool {
        name.hasPrefix(".") || name == "README.md" || name.hasSuffix("~")
    }

    /// Folders reserved for later features, not checked yet.
    static let reserved: Set<String> = ["reports"]

    init(root: URL) {
        let content = root.appendingPathComponent("content")
        for top in DirectoryListing.entries(of: content.path) ?? [] where !Self.ignored(top.name) {
            let entry = top.name
            let path = content.appendingPathComponent(entry).path
            let name = "content/" + entry
            if !top.isDirectory {
                if entry != "site.yml" {
                    diagnostics.append(Diagnostic(.warning, "onbekend bestand in content/: hoort bij geen inhoudstype", file: name))
                }
                continue
            }
            if Self.reserved.contains(entry) { continue }
            guard let type = ContentType.forFolder(entry) else {
                var message = "onbekende map content/\(entry)/: hoort bij geen inhoudstype"
                if let near = Suggestions.nearest(to: entry, in: ContentType.allCases.map(\.folder) + Array(Self.reserved)) {
                    message += "; bedoelde je '\(near)'?"
                }
                diagnostics.append(Diagnostic(.warning, message, file: name))
                continue
            }
            for item in DirectoryListing.entries(of: path) ?? [] where !Self.ignored(item.name) {
                let file = item.name
                let filePath = path + "/" + file
                let fileName = name + "/" + file
                let isDirectory = item.isDirectory
                if type == .finance {
                    if isDirectory {
                        jobs.append(Job(type: type, path: filePath, name: fileName))
                    } else {
                        diagnostics.append(Diagnostic(.warning, "financiële staten horen in een map per jaar: content/finance/JAAR/finance.yml", file: fileName))
                    }
                    continue
                }
                let wanted = type.isMarkdown ? ".md" : ".yml"
                if isDirectory {
                    diagnostics.append(Diagnostic(.warning, "submappen in \(name)/ worden niet gelezen", file: fileName))
                } else if file.hasSuffix(wanted) {
                    jobs.append(Job(type: type, path: filePath, name: fileName))
                } else {
                    diagnostics.append(Diagnostic(.warning, "\(name)/ bevat \(wanted)-bestanden; dit bestand wordt niet gelezen", file: fileName))
                }
            }
        }
    }
}
