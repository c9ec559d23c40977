import Foundation
import TestSupport
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks on a built site folder, shared by the site's end-to-end tests.
enum SiteOutputChecks {
    /// Every file under `folder`, relative paths, sorted.
    static func files(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result.append(path)
            }
        }
        return result.sorted()
    }

    static func read(_ folder: URL, _ path: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    static func parsesAsXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    /// Output files whose text contains `marker`.
    static func files(in folder: URL, containing marker: String) -> [String] {
        files(in: folder).filter { read(folder, $0).contains(marker) }
    }
}

extension SiteOutputChecks {
    /// Where a missing optional value shows up as a word or an empty label: "None", "none", "null",
    /// "undefined" in text, attributes or JSON; empty `<dd>`, `<li>`, headings; "()" with nothing inside.
    /// Style sheets, scripts and SVG paint values (`fill="none"`) are no text and are skipped.
    static func missingValueMarkers(inHTML html: String, file: String) -> [String] {
        var text = html
        for pattern in [#"<style[^>]*>[\s\S]*?</style>"#, #"<script[^>]*>[\s\S]*?</script>"#, #"<!--[\s\S]*?-->"#] {
            text = text.replacingOccurrences(of: pattern, with: "", options: [.regularExpression, .caseInsensitive])
        }
        text = text.replacingOccurrences(of: #"(fill|stroke|list-style)="none""#, with: "", options: .regularExpression)
        return matches(
            of: [
                (#"\b(None|none|null|undefined|nil)\b"#, "woord voor een ontbrekende waarde"),
                (#"<dd[^>]*>\s*</dd>"#, "lege <dd>"),
                (#"<li[^>]*>\s*</li>"#, "lege <li>"),
                (#"<h[1-6][^>]*>\s*</h[1-6]>"#, "lege kop"),
                (#"<(strong|em|b|i)>\s*</\1>"#, "lege nadruk"),
                (#"\(\s*\)"#, "lege haakjes"),
            ], in: text, file: file)
    }

    /// The same for plain text (a PDF's text, a feed, a JSON index): the words, and "()" with nothing inside.
    static func missingValueMarkers(inText text: String, file: String) -> [String] {
        matches(
            of: [
                (#"\b(None|none|null|undefined|nil)\b"#, "woord voor een ontbrekende waarde"),
                (#"\(\s*\)"#, "lege haakjes"),
            ],
            in: text, file: file)
    }

    /// "file: what: …context…" for every match of each pattern.
    private static func matches(of patterns: [(String, String)], in text: String, file: String) -> [String] {
        var found: [String] = []
        for (pattern, what) in patterns {
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let range = Range(match.range, in: text)!
                let start = text.index(range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
                let end = text.index(range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
                found.append("\(file): \(what): …\(text[start..<end].replacingOccurrences(of: "\n", with: " "))…")
            }
        }
        return found
    }
}

extension SiteOutputChecks {
    /// The link checker: every `href`, `src` and `action` of every HTML page, every address in the feed,
    /// the sitemap, `robots.txt` and the JSON indexes, must be external (another host, `mailto:`) or name
    /// a file of the output under the site's path; an anchor on the same page must name an element of it.
    /// Returns "file: link (why)" for each one that does not.
    static func unresolvedLinks(in folder: URL, baseURL: String) -> [String] {
        let base = URL(string: baseURL)!
        let host = base.host ?? ""
        let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
        let all = Set(files(in: folder))
        var problems: [String] = []

        func attributeValues(_ text: String, names: String) -> [String] {
            let regex = try! NSRegularExpression(pattern: #"\s(?:"# + names + #")="([^"]*)""#)
            return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                String(text[Range($0.range(at: 1), in: text)!]).replacingOccurrences(of: "&amp;", with: "&")
            }
        }
        func captures(_ text: String, _ pattern: String) -> [String] {
            let regex = try! NSRegularExpression(pattern: pattern)
            return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                String(text[Range($0.range(at: 1), in: text)!]).replacingOccurrences(of: "&amp;", with: "&")
                    .replacingOccurrences(of: "\\/", with: "/")
            }
        }
        /// The output file a path under the site names, or nil.
        func target(ofPath path: String) -> String? {
            guard path.hasPrefix(basePath) else { return nil }
            var relative = String(path.dropFirst(basePath.count))
            relative = relative.removingPercentEncoding ?? relative
            if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
            if all.contains(relative) { return relative }
            if all.contains(relative + "/index.html") { return relative + "/index.html" }
            return nil
        }
        func check(_ link: String, in file: String, page: String?) {
            if link.isEmpty {
                problems.append("\(file): lege link")
                return
            }
            if link.hasPrefix("mailto:") || link.hasPrefix("tel:") { return }
            var path: String
            if link.hasPrefix("#") {
                let id = String(link.dropFirst())
                if let page, !id.isEmpty, !page.contains("id=\"\(id)\"") {
                    problems.append("\(file): \(link) (geen element met dit id)")
                }
                return
            } else if link.hasPrefix("//") {
                return
            } else if let url = URL(string: link), let scheme = url.scheme {
                guard scheme == "http" || scheme == "https" else {
                    problems.append("\(file): \(link) (onbekend schema)")
                    return
                }
                guard url.host == host else { return }  // external
                path = url.path.isEmpty ? "/" : url.path
                if link.hasSuffix("/") && !path.hasSuffix("/") { path += "/" }
            } else if link.hasPrefix("/") {
                path = link
            } else {
                // Relative to the file's folder.
                let folderPath = basePath + (file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) + "/" : "")
                path = URL(string: link, relativeTo: URL(string: "https://\(host)\(folderPath)"))?.path ?? link
                if link.hasSuffix("/") && !path.hasSuffix("/") { path += "/" }
            }
            if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
            if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
            guard path.hasPrefix(basePath) else {
                problems.append("\(file): \(link) (buiten \(basePath))")
                return
            }
            if target(ofPath: path) == nil { problems.append("\(file): \(link) (geen bestand in de output)") }
        }

        for file in all.sorted() {
            let text = read(folder, file)
            if file.hasSuffix(".html") {
                for link in attributeValues(text, names: "href|src|action") { check(link, in: file, page: text) }
            } else if file.hasSuffix(".xml") {
                for link in attributeValues(text, names: "href") + captures(text, #"<(?:loc|id|uri)>([^<]*)</"#) {
                    check(link, in: file, page: nil)
                }
            } else if file.hasSuffix(".json") {
                for link in captures(text, #""(?:u|url)":"([^"]*)""#) { check(link, in: file, page: nil) }
            } else if file == "robots.txt" {
                for line in text.split(separator: "\n") {
                    if line.hasPrefix("Sitemap: ") { check(String(line.dropFirst(9)), in: file, page: nil) }
                    if line.hasPrefix("Allow: ") && !line.dropFirst(7).hasPrefix(basePath) {
                        problems.append("\(file): \(line) (buiten \(basePath))")
                    }
                }
            }
        }
        return problems
    }
}

extension SiteOutputChecks {
    /// The text a reader sees in an HTML file: tags, style sheets and scripts left out (each tag a space),
    /// the entities and non-breaking spaces of amounts as plain characters, runs of white space as one space.
    static func visibleText(ofHTML html: String) -> String {
        var text = html
        for pattern in [#"<style[^>]*>[\s\S]*?</style>"#, #"<script[^>]*>[\s\S]*?</script>"#, #"<[^>]*>"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for (entity, character) in [
            ("&nbsp;", " "), ("\u{A0}", " "), ("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"),
            ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    }

    /// The text of a PDF as pdftotext reads it, in reading order, with the halves of a word hyphenated at a
    /// line end joined (the PDF maps the typeset hyphen to U+00AD so that copied text is whole), no-break
    /// spaces as spaces and runs of white space as one space; nil (with a note) without the tool.
    static func pdfText(_ pdf: URL) throws -> String? {
        guard let pdftotext = ExternalTool.find("pdftotext", skipping: "the PDF side of this check") else { return nil }
        let (status, text) = try ExternalTool.run(pdftotext, [pdf.path, "-"])
        XCTAssertEqual(status, 0, text)
        return text.replacingOccurrences(of: #"\x{AD}\s*"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(
                of: #"\s+"#, with: " ", options: .regularExpression)
    }
}
