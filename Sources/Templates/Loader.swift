import Diagnostics
import Foundation

/// A template's text as a loader found it, with the name diagnostics show for it.
public struct LoadedTemplate: Sendable {
    /// The path shown in diagnostics, e.g. `themes/default/templates/base.html`.
    public var displayName: String
    public var bytes: [UInt8]

    public init(displayName: String, bytes: [UInt8]) {
        self.displayName = displayName
        self.bytes = bytes
    }
}

/// Why a template could not be loaded.
public enum TemplateLoadError: Error, Sendable {
    case notFound(name: String, searched: [String])
    case invalidName(name: String, reason: String)
    case unreadable(name: String, reason: String)

    public var message: String {
        switch self {
        case .notFound(let name, let searched):
            return "template '\(name)' niet gevonden"
                + (searched.isEmpty ? "" : " (gezocht in \(searched.joined(separator: ", ")))")
        case .invalidName(let name, let reason):
            return "ongeldige templatenaam '\(name)': \(reason)"
        case .unreadable(let name, let reason):
            return "template '\(name)' is niet leesbaar: \(reason)"
        }
    }
}

/// Where templates come from.
public protocol TemplateLoader: Sendable {
    /// The template called `name` (a relative path with `/`), or `TemplateLoadError`.
    func load(_ name: String) throws -> LoadedTemplate
}

/// Checks a template name: relative, no `..`, no backslashes or NUL. Returns its path components.
func validatedComponents(_ name: String) throws -> [String] {
    if name.isEmpty { throw TemplateLoadError.invalidName(name: name, reason: "de naam is leeg") }
    if name.hasPrefix("/") {
        throw TemplateLoadError.invalidName(name: name, reason: "absolute paden zijn niet toegestaan")
    }
    if name.contains("\\") || name.contains("\u{0}") {
        throw TemplateLoadError.invalidName(name: name, reason: "backslash en NUL zijn niet toegestaan")
    }
    let components = name.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
    if components.contains("..") {
        throw TemplateLoadError.invalidName(
            name: name, reason: "'..' mag niet: templates komen alleen uit de templatemappen")
    }
    if components.isEmpty { throw TemplateLoadError.invalidName(name: name, reason: "de naam is leeg") }
    return components
}

/// Loads templates from folders, the first folder that has the file winning: the site's own
/// `templates/` first, then the theme's. Files (or symlinks) that resolve outside their folder are refused.
public struct FileSystemLoader: TemplateLoader {
    public let searchPaths: [URL]

    public init(searchPaths: [URL]) {
        self.searchPaths = searchPaths
    }

    public func load(_ name: String) throws -> LoadedTemplate {
        let components = try validatedComponents(name)
        for root in searchPaths {
            var candidate = root
            for component in components { candidate.appendPathComponent(component) }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else {
                continue
            }
            let realRoot = FileContents.realPath(root.path) ?? root.path
            let realFile = FileContents.realPath(candidate.path) ?? candidate.path
            guard realFile.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
                throw TemplateLoadError.invalidName(
                    name: name, reason: "verwijst (via een symbolische link) naar buiten \(root.path)")
            }
            do {
                return LoadedTemplate(
                    displayName: Self.display(candidate.path), bytes: try FileContents.read(candidate.path))
            } catch {
                throw TemplateLoadError.unreadable(name: name, reason: (error as? FileSystemError)?.cause ?? "\(error)")
            }
        }
        throw TemplateLoadError.notFound(name: name, searched: searchPaths.map { Self.display($0.path) })
    }

    /// Relative to the working directory when inside it, so diagnostics stay short.
    private static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// Templates held in memory, for tests and for `Environment.template(source:name:)`.
public struct DictionaryLoader: TemplateLoader {
    public let templates: [String: String]

    public init(_ templates: [String: String]) {
        self.templates = templates
    }

    public func load(_ name: String) throws -> LoadedTemplate {
        let components = try validatedComponents(name)
        let key = components.joined(separator: "/")
        guard let text = templates[key] ?? templates[name] else {
            throw TemplateLoadError.notFound(name: name, searched: [])
        }
        return LoadedTemplate(displayName: key, bytes: Array(text.utf8))
    }
}
