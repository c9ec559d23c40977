import Escaping

/// "Bewerk deze pagina": the address of a content file in the git host's web editor.
enum EditLinks {
    /// `editURL` (from site.yml) joined with `file`, the path from the site folder
    /// ("content/best-practices/housing-first.md"), each path segment percent-encoded.
    static func url(for file: String, editURL: String?) -> String? {
        guard let editURL, !editURL.isEmpty else { return nil }
        let segments = file.split(separator: "/", omittingEmptySubsequences: true).map {
            PercentEncoding.pathSegment(String($0))
        }
        return (editURL.hasSuffix("/") ? editURL : editURL + "/") + segments.joined(separator: "/")
    }
}
