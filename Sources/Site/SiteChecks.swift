import ContentModel
import Diagnostics
import Foundation
import Parallel

/// The site's part of `breingen check`: links between content files that lead nowhere (errors) and
/// images without alt text (warnings), each at its line, as the build reports them; and what only
/// `check` says: a site without an accessibility statement, addresses that two pages claim, and the
/// example name and addresses of `init` left in published files.
public enum SiteChecks {
    /// Checks `kb` (the public build's content, loaded from `root`).
    public static func check(_ kb: KnowledgeBase, root: URL) -> [Diagnostic] {
        bodies(kb, root: root) + accessibilityStatement(kb, root: root) + addresses(kb, root: root)
            + exampleValues(kb, root: root)
    }

    /// What `breingen init` and `new` write as examples and a real site must not publish: the name
    /// "Stichting Voorbeeld" and addresses at voorbeeld.nl (the site's baseURL, its e-mail, the contact
    /// address in the accessibility statement). A new editor who fills in site.yml easily misses the
    /// statement, which names them too. One warning per published file, at the first.
    static func exampleValues(_ kb: KnowledgeBase, root: URL) -> [Diagnostic] {
        var files = ["content/site.yml"]
        files += kb.themes.map(\.info.file) + kb.bestPractices.map(\.info.file) + kb.insights.map(\.info.file)
        files += kb.activities.map(\.info.file) + kb.results.map(\.info.file) + kb.alliances.map(\.info.file)
        files += kb.publications.map(\.info.file) + kb.people.map(\.info.file) + kb.pages.map(\.info.file)
        // Every published file read again, on every core and as bytes: a case-insensitive search of a
        // Foundation string per file was most of `check`'s time on a big site.
        let found = Parallel.map(files.count, chunk: 16) { k -> Diagnostic? in
            guard let bytes = try? FileContents.read(root.appendingPathComponent(files[k]).path) else { return nil }
            return exampleValue(in: bytes, file: files[k])
        }
        return found.compactMap { $0 }
    }

    /// The warning for the first example value in a file's `bytes`, if any.
    static func exampleValue(in bytes: [UInt8], file: String) -> Diagnostic? {
        guard let first = firstExampleValue(in: bytes) else { return nil }
        // The word around it: back to a space, bracket or quote (or the line's start), on to the next.
        let startDelimiters = Array(" (\"'[<\n".utf8)
        let endDelimiters = Array(" )\"']>,\n\r".utf8)
        var wordStart = first.start
        while wordStart > 0, !startDelimiters.contains(bytes[wordStart - 1]) { wordStart -= 1 }
        var wordEnd = first.end
        while wordEnd < bytes.count, !endDelimiters.contains(bytes[wordEnd]) { wordEnd += 1 }
        return Diagnostic(
            .warning,
            "'\(String(decoding: bytes[wordStart..<wordEnd], as: UTF8.self))' is een voorbeeld van breingen init of new, geen gegeven van deze site",
            in: SourceFile(name: file, bytes: bytes), at: wordStart,
            notes: ["vul de echte naam of het echte adres in (ook in de toegankelijkheidsverklaring, die ze noemt)"])
    }

    /// Where the first "voorbeeld.nl" or "Stichting Voorbeeld" (in any case of ASCII letters) of `bytes`
    /// begins and ends. Both hold "voorbeeld", so the scan is for that word, and what is around it is
    /// looked at only there; the first such word that belongs to either is the earliest of the two.
    private static func firstExampleValue(in bytes: [UInt8]) -> (start: Int, end: Int)? {
        bytes.withUnsafeBufferPointer { b in
            func matches(_ word: StaticString, at start: Int) -> Bool {
                guard start >= 0, start + word.utf8CodeUnitCount <= b.count else { return false }
                let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
                for k in letters.indices {
                    let byte = b[start + k]
                    let folded = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                    if folded != letters[k] { return false }
                }
                return true
            }
            var i = 0
            while i + 9 <= b.count {
                if b[i] | 0x20 == UInt8(ascii: "v"), matches("voorbeeld", at: i) {
                    if matches("stichting ", at: i - 10) { return (i - 10, i + 9) }
                    if matches(".nl", at: i + 9) { return (i, i + 12) }
                }
                i += 1
            }
            return nil
        }
    }

    /// Every Markdown body of `kb`.
    static func bodies(_ kb: KnowledgeBase, root: URL) -> [Diagnostic] {
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

    /// A warning when no published page has the slug `toegankelijkheid`: Dutch public-interest sites
    /// publish an accessibility statement, and the footer links to it.
    static func accessibilityStatement(_ kb: KnowledgeBase, root: URL) -> [Diagnostic] {
        guard !kb.pages.contains(where: { $0.slug == Routes.accessibilitySlug }) else { return [] }
        let file = "content/pages/\(Routes.accessibilitySlug).md"
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path) {
            return [
                Diagnostic(
                    .warning, "de toegankelijkheidsverklaring wordt niet gepubliceerd (concept of intern)", file: file,
                    notes: ["haal 'draft: true' weg als de verklaring klaar is"])
            ]
        }
        return [
            Diagnostic(
                .warning, "de site heeft geen toegankelijkheidsverklaring (\(file))",
                notes: [
                    "maak er een met: breingen new toegankelijkheid",
                    "de voettekst van elke pagina linkt ernaar zodra hij er is",
                ])
        ]
    }

    /// Warnings for addresses that two pages or aliases claim (`URLClaims`).
    static func addresses(_ kb: KnowledgeBase, root: URL) -> [Diagnostic] {
        let data = SiteData(kb: kb, root: root, today: SiteBuilder.today(), items: ItemTable(), queries: nil)
        return URLClaims.conflicts(data, pages: PagePlanner.claimants(data))
    }
}
