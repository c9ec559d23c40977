import XCTest

@testable import Report

/// Editor Markdown (walked from the Markdown module's tree) as report blocks.
final class EditorMarkdownTests: XCTestCase {
    private func blocks(_ text: String) -> [ReportBlock] {
        EditorText.parse(text, file: "x.md", firstLine: 1).intro
    }

    func testInlineStylesAndLinks() {
        let inlines = EditorInlines.parse(
            "Een *schuine* en **vette** tekst met [een site](https://example.org) en [een thema](../themes/a.md).")
        XCTAssertEqual(
            inlines,
            [
                ReportInline("Een "), ReportInline("schuine", italic: true), ReportInline(" en "),
                ReportInline("vette", bold: true),
                ReportInline(" tekst met "), ReportInline("een site", link: "https://example.org"),
                ReportInline(" en een thema."),
            ])
    }

    func testEuroSignKeepsToItsAmount() {
        XCTAssertEqual(
            EditorInlines.parse("een tranche van € 240.000"), [ReportInline("een tranche van €\u{00A0}240.000")])
    }

    func testLiteralMarkersAndEscapes() {
        XCTAssertEqual(
            EditorInlines.parse("5 * 3 = 15, snake_case_naam en \\*geen nadruk\\*"),
            [ReportInline("5 * 3 = 15, snake_case_naam en *geen nadruk*")])
        XCTAssertEqual(EditorInlines.parse("regel een\nregel twee"), [ReportInline("regel een regel twee")])
    }

    func testListsEndAtAnUnindentedParagraph() {
        let result = blocks(
            "Inleiding:\n\n- een\n  vervolg\n- twee\n\n  nog bij twee\n\nNa de lijst.\n\n1. eerste\n2. tweede\n   - genest\n"
        )
        XCTAssertEqual(result.count, 4)
        guard case .list(let bullets) = result[1], case .paragraph(let after) = result[2],
            case .list(let ordered) = result[3]
        else {
            return XCTFail("\(result)")
        }
        XCTAssertFalse(bullets.ordered)
        XCTAssertEqual(bullets.items.map { $0.inlines.map(\.text).joined() }, ["een vervolg", "twee nog bij twee"])
        XCTAssertEqual(after.map(\.text).joined(), "Na de lijst.")
        XCTAssertTrue(ordered.ordered)
        XCTAssertEqual(ordered.items[1].children?.items.first?.inlines.first?.text, "genest")
    }

    func testTablesAndQuotes() {
        let result = blocks("| Partij | Investering |\n| --- | ---: |\n| Gemeente | € 270.000 |\n\n> Samen *sterk*.\n")
        guard case .table(let table) = result.first, case .paragraph(let quote) = result.last else {
            return XCTFail("\(result)")
        }
        XCTAssertEqual(table.header, ["Partij", "Investering"])
        XCTAssertEqual(table.alignments, [.left, .right])
        XCTAssertEqual(table.rows.map(\.cells), [["Gemeente", "€\u{00A0}270.000"]])
        XCTAssertEqual(quote, [ReportInline("Samen sterk.", italic: true)])
    }

    func testHeadingsMakeSectionsAndLoseTheirHandNumbers() {
        let text = EditorText.parse(
            "Intro.\n\n## 1.1 Eerste\n\nTekst.\n\n### Dieper\n\nMeer.\n\n## Tweede ##\n", file: "x.md", firstLine: 5)
        XCTAssertEqual(text.intro.count, 1)
        XCTAssertEqual(text.sections.map(\.title), ["Eerste", "Tweede"])
        XCTAssertEqual(text.sections[0].manualNumber?.text, "1.1")
        XCTAssertEqual(text.sections[0].manualNumber?.line, 7)
        XCTAssertEqual(text.sections[0].subsections.map(\.title), ["Dieper"])
        XCTAssertEqual(text.sections[0].subsections[0].level, 3)
        XCTAssertNil(text.sections[1].manualNumber)
    }

    func testNumbersThatAreTitles() {
        XCTAssertEqual(EditorText.splitNumber("2020 in cijfers").1, "in cijfers")
        XCTAssertEqual(EditorText.splitNumber("1.7 Nieuwe projecten").0, "1.7")
        XCTAssertEqual(EditorText.splitNumber("2.").1, "2.")
        XCTAssertEqual(EditorText.splitNumber("Visie 2020-2022").0, nil)
    }
}
