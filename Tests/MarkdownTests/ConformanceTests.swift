import Foundation
import XCTest

@testable import Markdown

/// The CommonMark and GFM spec examples vendored in `Conformance/` beside this file (see its README for
/// source and licence), compared byte for byte. Nothing outside the checkout is read.
final class ConformanceTests: XCTestCase {
    struct Example: Decodable {
        var markdown: String
        var html: String
        var example: Int
        var section: String
        var extensions: [String]?
    }

    static let conformanceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Conformance")

    func load(_ name: String) throws -> [Example] {
        let url = Self.conformanceDirectory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            // The suites are part of the repository: missing means broken, not skipped.
            struct Missing: Error, CustomStringConvertible { var description: String }
            throw Missing(description: "conformance suite not found at \(url.path)")
        }
        return try JSONDecoder().decode([Example].self, from: data)
    }

    /// Runs examples, prints `label: passed/total` and returns the numbers of the failures. Each
    /// example is rendered three ways: parsed whole (as `Markdown.html` does below 1 MiB), with its
    /// inlines parsed one leaf block at a time while rendering (as from 1 MiB), and from the same
    /// document again after its whole tree was asked for.
    func run(_ examples: [Example], options: MarkdownOptions, label: String) -> [Int] {
        var failures: [Int] = []
        let verbose = ProcessInfo.processInfo.environment["MARKDOWN_VERBOSE"] != nil
        for example in examples {
            let whole = Markdown.html(example.markdown, options: options)
            let deferred = Markdown.parse(
                Array(example.markdown.utf8), options: options, firstLine: 1, deferInlines: true)
            let perLeaf = deferred.html()
            _ = deferred.root
            let afterTree = deferred.html()
            if example.html == "<IGNORE>\n" || [whole, perLeaf, afterTree].allSatisfy({ $0 == example.html }) {
                continue
            }
            failures.append(example.example)
            if verbose {
                for (name, html) in [("whole", whole), ("per leaf block", perLeaf), ("after the tree", afterTree)]
                where html != example.html {
                    print(
                        "--- \(label) example \(example.example) (\(example.section)), \(name)\n\(example.markdown)"
                            + "--- expected\n\(example.html)--- got\n\(html)")
                }
            }
        }
        print("\(label): \(examples.count - failures.count)/\(examples.count)")
        return failures
    }

    func testCommonMark() throws {
        let examples = try load("commonmark-0.31.2.json")
        let failures = run(examples, options: .commonMark, label: "CommonMark 0.31.2")
        XCTAssertEqual(failures, [], "failing CommonMark examples")
    }

    /// Core examples of the GFM 0.29 file whose expected HTML contradicts CommonMark 0.31.2 (which
    /// wins), with the reason.
    static let gfmCoreContradictions: [Int: String] = [
        140: "GFM mode applies the tag filter to <script> (as cmark-gfm does); the core example runs without it",
        141: "tag filter on <style>",
        142: "tag filter on <style>",
        145: "tag filter on <style>",
        147: "tag filter on <script>",
        610: "extended autolinks (GFM mode) link http://foo.bar/baz inside the angle brackets, as cmark-gfm does",
        616: "extended autolinks link http://foo.bar, as cmark-gfm does",
        619: "extended autolinks link http://example.com, as cmark-gfm does",
        620: "extended autolinks link foo@bar.example.com, as cmark-gfm does",
        614: "extended email autolink applies after the escaped `+` (cmark-gfm links `foo+@bar.example.com`)",
        645: "CommonMark 0.31.2 allows `--` inside HTML comments",
        646: "CommonMark 0.31.2 makes <!--> and <!-- foo---> comments",
    ]

    /// The two task-list examples of the GFM 0.29 spec write `<input disabled="" type="checkbox">`;
    /// `gfm-extensions.json` and cmark-gfm 0.29.0.gfm.6 write `<input type="checkbox" disabled="" />`.
    /// One renderer cannot give both; we follow cmark-gfm (what `breingen markdown` must match) and
    /// check these two with the attribute order normalised.
    static let taskListExamples: Set<Int> = [279, 280]

    func testGFMSpec() throws {
        let examples = try load("gfm-0.29.json")
        let extensionExamples = examples.filter { !($0.extensions ?? []).isEmpty }.map { example -> Example in
            guard Self.taskListExamples.contains(example.example) else { return example }
            var normalised = example
            normalised.html = example.html
                .replacingOccurrences(
                    of: "<input checked=\"\" disabled=\"\" type=\"checkbox\">",
                    with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />"
                )
                .replacingOccurrences(
                    of: "<input disabled=\"\" type=\"checkbox\">",
                    with: "<input type=\"checkbox\" disabled=\"\" />")
            return normalised
        }
        let extensionFailures = run(extensionExamples, options: .default, label: "GFM 0.29 (extensions)")
        XCTAssertEqual(extensionFailures, [], "failing GFM extension examples")
        let core = examples.filter { ($0.extensions ?? []).isEmpty && Self.gfmCoreContradictions[$0.example] == nil }
        let coreFailures = run(
            core, options: .default,
            label: "GFM 0.29 (core, less \(Self.gfmCoreContradictions.count) listed exceptions)")
        XCTAssertEqual(coreFailures, [], "failing GFM core examples")
    }

    func testGFMExtensions() throws {
        let examples = try load("gfm-extensions.json")
        let failures = run(examples, options: .default, label: "GFM extensions")
        XCTAssertEqual(failures, [], "failing GFM extension examples")
    }
}
