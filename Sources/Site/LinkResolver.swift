import Escaping

/// Turns links between content files, written as relative paths to the source file
/// (`[Housing First](../best-practices/housing-first.md)`), into the URLs of the pages they become.
struct LinkResolver: Sendable {
    /// The outcome for one link destination.
    enum Resolution: Equatable {
        /// Not a link to a content file (external, anchor, image, …): leave it alone.
        case unchanged
        /// A content link and the URL it becomes.
        case url(String)
        /// A content link to a file that is no page of the site; `target` is the content path it names.
        case broken(target: String)
    }

    /// Content path ("best-practices/housing-first.md") → root-relative URL.
    let urls: [String: String]
    /// The path of the site on its host, "/" or "/brein/": a link written as `/themas/` names a page of
    /// this site, so it goes under this path.
    let basePath: String

    init(urls: [String: String], basePath: String = "/") {
        self.urls = urls
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    /// Resolves `destination` as written in the file at content path `source` ("best-practices/a.md").
    func resolve(_ destination: String, from source: String) -> Resolution {
        resolveWithPath(destination, from: source).resolution
    }

    /// `resolve`, with the content path the link names (nil when it is no content link).
    func resolveWithPath(_ destination: String, from source: String) -> (resolution: Resolution, path: String?) {
        if let url = siteURL(destination) { return (.url(url), nil) }
        guard let (path, fragment) = Self.contentPath(destination, from: source) else { return (.unchanged, nil) }
        guard let url = urls[path] else { return (.broken(target: path), path) }
        return (.url(fragment.map { url + "#" + $0 } ?? url), path)
    }

    /// A link to a page of this site written from its root (`/themas/`) under a site that lives in a
    /// sub-path: the URL under that path (`/brein/themas/`). Nil when there is nothing to change.
    func siteURL(_ destination: String) -> String? {
        guard basePath != "/", destination.hasPrefix("/"), !destination.hasPrefix("//") else { return nil }
        return basePath + destination.dropFirst()
    }

    /// The content path a relative `.md`/`.yml` link names, and its fragment; nil for other links.
    /// Read as bytes: every link of every body comes here, and the characters of a `String` cost
    /// grapheme breaking to walk.
    static func contentPath(_ destination: String, from source: String) -> (String, String?)? {
        let bytes = Array(destination.utf8)
        guard let first = bytes.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "/") else { return nil }
        // A scheme ("https:", "mailto:") before any slash means an absolute URL.
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), !bytes[..<colon].contains(UInt8(ascii: "/")) {
            return nil
        }
        var end = bytes.count
        var fragment: String?
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(decoding: bytes[(hash + 1)...], as: UTF8.self)
            end = hash
        }
        if let query = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        var target = bytes[..<end]
        guard target.suffix(3).elementsEqual(".md".utf8) || target.suffix(4).elementsEqual(".yml".utf8) else {
            return nil
        }
        // "%C3%AB" is "ë"; escapes that make no valid UTF-8 stay as written.
        if target.contains(UInt8(ascii: "%")),
            let decoded = PercentEncoding.decoded(target, keepingInvalidEscapes: true),
            String(validating: decoded, as: UTF8.self) != nil
        {
            target = decoded[...]
        }
        // The folder of the source, then each piece of the target, ".." taking one folder off.
        var pieces: [ArraySlice<UInt8>] = []
        func add(_ piece: ArraySlice<UInt8>) {
            if piece.isEmpty || (piece.count == 1 && piece.first == 0x2E) { return }
            if piece.count == 2 && piece.first == 0x2E && piece.last == 0x2E {
                if !pieces.isEmpty { pieces.removeLast() }
                return
            }
            pieces.append(piece)
        }
        let sourceBytes = Array(source.utf8)
        let folderEnd = sourceBytes.lastIndex(of: 0x2F) ?? 0
        for piece in sourceBytes[..<folderEnd].split(separator: 0x2F, omittingEmptySubsequences: true) { add(piece) }
        for piece in target.split(separator: 0x2F, omittingEmptySubsequences: true) { add(piece) }
        var path: [UInt8] = []
        path.reserveCapacity(sourceBytes.count + target.count)
        for (i, piece) in pieces.enumerated() {
            if i > 0 { path.append(0x2F) }
            path.append(contentsOf: piece)
        }
        return (String(decoding: path, as: UTF8.self), fragment)
    }
}
