import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
        let site = FileContents.realPath(root.path) ?? root.path
        guard let tops = list(content.path, name: "content") else { return }
        for top in tops where !Self.ignored(top.name) && keep(top, name: "content/" + top.name, site: site) {
            let entry = top.name
            let path = content.appendingPathComponent(entry).path
            let name = "content/" + entry
            if !top.isDirectory {
                if entry != "site.yml" {
                    diagnostics.append(
                        Diagnostic(.warning, "onbekend bestand in content/: hoort bij geen inhoudstype", file: name))
                }
                continue
            }
            if Self.reserved.contains(entry) { continue }
            guard let type = ContentType.forFolder(entry) else {
                var message = "onbekende map content/\(entry)/: hoort bij geen inhoudstype"
                if let near = Suggestions.nearest(
                    to: entry, in: ContentType.allCases.map(\.folder) + Array(Self.reserved))
                {
                    message += "; bedoelde je '\(near)'?"
                }
                diagnostics.append(Diagnostic(.warning, message, file: name))
                continue
            }
            guard let items = list(path, name: name) else { continue }
            for item in items where !Self.ignored(item.name) && keep(item, name: name + "/" + item.name, site: site) {
                let file = item.name
                let filePath = path + "/" + file
                let fileName = name + "/" + file
                let isDirectory = item.isDirectory
                if type == .finance {
                    if isDirectory {
                        jobs.append(Job(type: type, path: filePath, name: fileName))
                    } else {
                        diagnostics.append(
                            Diagnostic(
                                .warning,
                                "financiële staten horen in een map per jaar: content/finance/JAAR/finance.yml",
                                file: fileName))
                    }
                    continue
                }
                let wanted = type.isMarkdown ? ".md" : ".yml"
                if isDirectory {
                    diagnostics.append(
                        Diagnostic(.warning, "submappen in \(name)/ worden niet gelezen", file: fileName))
                } else if file.hasSuffix(wanted) {
                    jobs.append(Job(type: type, path: filePath, name: fileName))
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .warning, "\(name)/ bevat \(wanted)-bestanden; dit bestand wordt niet gelezen",
                            file: fileName))
                }
            }
        }
    }

    /// The entries of a folder; a folder that cannot be read is an error (its content would silently be
    /// missing from the site otherwise).
    private mutating func list(_ path: String, name: String) -> [DirectoryListing.Entry]? {
        do {
            return try DirectoryListing.entries(of: path)
        } catch {
            let failure = FileSystemError(error, path: path) ?? FileSystemError(code: EIO, path: path)
            diagnostics.append(failure.diagnostic("kan de map \(name)/ niet lezen", file: name))
            return nil
        }
    }

    /// Symbolic links are followed only within the site folder: a link out of it would publish a file of
    /// the build machine. A link that leads nowhere is left out too; both with a warning.
    private mutating func keep(_ entry: DirectoryListing.Entry, name: String, site: String) -> Bool {
        guard entry.isLink else { return true }
        guard let real = entry.linkTarget else {
            diagnostics.append(
                Diagnostic(
                    .warning, "symbolische link \(name) wijst naar iets dat niet bestaat; overgeslagen", file: name))
            return false
        }
        guard real == site || real.hasPrefix(site == "/" ? "/" : site + "/") else {
            diagnostics.append(
                Diagnostic(
                    .warning, "symbolische link \(name) wijst buiten de sitemap (naar \(real)); niet gelezen",
                    file: name))
            return false
        }
        return true
    }
}
