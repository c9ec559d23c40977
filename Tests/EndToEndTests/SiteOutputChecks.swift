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
