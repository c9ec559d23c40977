import ContentModel
import Foundation
import XCTest

@testable import Site

/// Tags that differ only in capitals or diacritics are one tag: counted once per practice, listed once,
/// shown in one spelling.
final class TagSpellingTests: XCTestCase {
    private func practice(_ slug: String, date: String, tags: String) -> (name: String, type: ContentType, text: String)
    {
        (
            "content/best-practices/\(slug).md", .bestPractice,
            "---\ntitle: \(slug)\ndate: \(date)\nthemes: [t]\ntags: \(tags)\nplaces: []\nstatus: actief\n---\n"
        )
    }

    private func load(_ files: [(name: String, type: ContentType, text: String)]) throws -> (KnowledgeBase, [String]) {
        let (kb, diagnostics) = try ContentLoader.load(
            site: "title: T\nbaseURL: https://example.org/\nlanguage: nl\n",
            files: [("content/themes/t.md", .theme, "---\ntitle: T\n---\n")] + files)
        return (kb, diagnostics.map { "\($0.location ?? ""): \($0.severity.rawValue): \($0.message)" })
    }

    func testSpellingsAreOneTagInTheMostCommonSpelling() throws {
        let (kb, diagnostics) = try load([
            practice("a", date: "2020-03-01", tags: "[Wonen, wonen]"),
            practice("b", date: "2020-02-01", tags: "[wonen, Zorg]"),
            practice("c", date: "2020-01-01", tags: "[wónen]"),
        ])
        XCTAssertEqual(
            diagnostics,
            [
                "content/best-practices/a.md:5:8: warning: tag 'Wonen' wordt ook anders gespeld: 'wonen' in content/best-practices/a.md, content/best-practices/b.md; 'Wonen' in content/best-practices/a.md; 'wónen' in content/best-practices/c.md"
            ])
        let index = PracticeIndex(kb.bestPractices)
        XCTAssertEqual(
            index.tags.map { "\($0.title) \($0.slug) \($0.members)" }, ["wonen wonen [0, 1, 2]", "Zorg zorg [1]"])
        XCTAssertEqual(index.tagIDs, [[0], [0, 1], [0]])
    }

    /// Found on the wijkkracht fixture: on a tie the site showed "Énergie" (the newest practice's) while
    /// `check` advised "Energie" (the first file's), and the tag index sorted "Énergie" after "zorg".
    /// One rule now, the plainest spelling, whatever the order of the files or the dates.
    func testOnATieCheckAndSiteChooseThePlainestSpelling() throws {
        for (older, newer) in [("Energie", "Énergie"), ("Énergie", "Energie")] {
            let (kb, diagnostics) = try load([
                practice("a", date: "2024-03-10", tags: "[\(newer), zorg]"),
                practice("b", date: "2023-04-12", tags: "[\(older), Zorg & welzijn]"),
            ])
            let index = PracticeIndex(kb.bestPractices)
            XCTAssertEqual(index.tags.map(\.title), ["Energie", "zorg", "Zorg & welzijn"], "\(older) / \(newer)")
            XCTAssertTrue(
                diagnostics.contains { $0.contains("tag 'Énergie' wordt ook anders gespeld") }, "\(diagnostics)")
        }
        XCTAssertEqual(
            TagSpelling.ranked([("Wónen", 1), ("wonen", 1), ("Wonen", 1), ("WONEN", 2)]),
            ["WONEN", "wonen", "Wonen", "Wónen"])
    }
}
