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
        let fm = FileManager.default
        let content = root.appendingPathComponent("content")
        let top = (try? fm.contentsOfDirectory(atPath: content.path))?.sorted() ?? []
        for entry in top where !Self.ignored(entry) {
            let path = content.appendingPathComponent(entry).path
            let name = "content/" + entry
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
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
            let files = (try? fm.contentsOfDirectory(atPath: path))?.sorted() ?? []
            for file in files where !Self.ignored(file) {
                let filePath = path + "/" + file
                let fileName = name + "/" + file
                var isDir: ObjCBool = false
                _ = fm.fileExists(atPath: filePath, isDirectory: &isDir)
                if type == .finance {
                    if isDir.boolValue {
                        jobs.append(Job(type: type, path: filePath, name: fileName))
                    } else {
                        diagnostics.append(Diagnostic(.warning, "financiële staten horen in een map per jaar: content/finance/JAAR/finance.yml", file: fileName))
                    }
                    continue
                }
                let wanted = type.isMarkdown ? ".md" : ".yml"
                if isDir.boolValue {
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
