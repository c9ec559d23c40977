import Foundation
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
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
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

    /// Every `href` and `src` of every HTML file that points into the site (root-relative under
    /// `basePath`) but names no file of the output: "page.html -> /brein/x/".
    static func brokenInternalLinks(in folder: URL, basePath: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        let all = Set(files(in: folder))
        var broken: [String] = []
        for file in all.sorted() where file.hasSuffix(".html") {
            let html = read(folder, file)
            let range = NSRange(html.startIndex..., in: html)
            for match in pattern.matches(in: html, range: range) {
                guard let r = Range(match.range(at: 1), in: html) else { continue }
                var link = String(html[r]).replacingOccurrences(of: "&amp;", with: "&")
                guard link.hasPrefix(basePath) else { continue }
                if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
                if let query = link.firstIndex(of: "?") { link = String(link[..<query]) }
                var path = String(link.dropFirst(basePath.count))
                if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                if !all.contains(path.removingPercentEncoding ?? path) { broken.append("\(file) -> \(link)") }
            }
        }
        return broken
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
        var found: [String] = []
        let checks: [(String, String)] = [
            (#"\b(None|none|null|undefined|nil)\b"#, "woord voor een ontbrekende waarde"),
            (#"<dd[^>]*>\s*</dd>"#, "lege <dd>"),
            (#"<li[^>]*>\s*</li>"#, "lege <li>"),
            (#"<h[1-6][^>]*>\s*</h[1-6]>"#, "lege kop"),
            (#"<(strong|em|b|i)>\s*</\1>"#, "lege nadruk"),
            (#"\(\s*\)"#, "lege haakjes"),
        ]
        for (pattern, what) in checks {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let range = Range(match.range, in: text)!
                let start = text.index(range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
                let end = text.index(range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
                found.append("\(file): \(what): …\(text[start..<end].replacingOccurrences(of: "\n", with: " "))…")
            }
        }
        return found
    }

    /// The same for plain text (a PDF's text, a feed, a JSON index): the words, and "()" with nothing inside.
    static func missingValueMarkers(inText text: String, file: String) -> [String] {
        var found: [String] = []
        for (pattern, what) in [(#"\b(None|none|null|undefined|nil)\b"#, "woord voor een ontbrekende waarde"), (#"\(\s*\)"#, "lege haakjes")] {
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
