import Markdown
import XCTest

@testable import ContentModel

final class ArchetypeTests: XCTestCase {
    private let site = """
        title: T
        baseURL: https://example.org/
        language: nl
        menus: {main: [{title: Home, url: /}]}
        wijschool: {levels: [{slug: start, title: Start, order: 1}]}

        """

    /// Every built-in archetype, filled in, decodes without a single diagnostic, also with quotes and
    /// backslashes in the title.
    func testEveryBuiltInArchetypeDecodesCleanly() throws {
        let date = ContentDate(year: 2021, month: 3, day: 4)
        let title = #"Zeg "hoi" \ Saïd"#
        var files: [(name: String, type: ContentType, text: String)] = [
            ("content/themes/onderwijs.md", .theme, "---\ntitle: Onderwijs\n---\n"),
            ("content/publications/p.md", .publication, "---\ntitle: P\nkind: rapport\ndate: 2020-01-01\n---\n"),
        ]
        for type in Archetypes.creatable where type != .finance {
            let template = try XCTUnwrap(Archetypes.builtIn(type))
            let slug = type == .result ? "2021-onderwijs" : Slug.make(title, asciiOnly: true)
            let text = Archetypes.fill(
                template, title: title, slug: slug, date: date, theme: "onderwijs", level: "start")
            let ext = type.isMarkdown ? "md" : "yml"
            files.append(("content/\(type.folder)/\(slug).\(ext)", type, text))
        }
        let (kb, diagnostics) = try ContentLoader.load(site: site, files: files, options: .everything)
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(kb.bestPractices.first?.title, title)
        XCTAssertEqual(kb.bestPractices.first?.slug, "zeg-hoi-said")
        XCTAssertEqual(kb.people.first?.name, title)
        XCTAssertEqual(kb.schoolScans.first?.schoolYear.description, "2021-2022")
        XCTAssertEqual(kb.checkedFiles, files.count + 1)
        XCTAssertTrue(kb.bestPractices.allSatisfy(\.info.draft))
    }
}
