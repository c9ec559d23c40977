import ContentModel
import XCTest

@testable import Site

/// `BankFacet.sameInputs`: the live preview takes the last build's filters only when no field they count
/// changed.
final class BankFacetTests: XCTestCase {
    private func exampleKnowledgeBase() throws -> KnowledgeBase {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try ContentLoader.load(root: repository).0
    }

    func testAnEditOfATextKeepsTheFacetsAnEditOfAFieldTheyCountDoesNot() throws {
        let kb = try exampleKnowledgeBase()
        XCTAssertFalse(kb.bestPractices.isEmpty)
        var text = kb
        text.bestPractices[0].title += " (nieuw)"
        text.bestPractices[0].summary = "Een andere samenvatting."
        XCTAssertTrue(BankFacet.sameInputs(text, as: kb))
        XCTAssertEqual(BankFacet.facets(text), BankFacet.facets(kb))

        let edits: [(String, (inout BestPractice) -> Void)] = [
            ("category", { $0.category = ($0.category ?? "") + " anders" }),
            ("places", { $0.places.append("Zwolle-Zuid") }),
            ("themes", { $0.themes.append("nog-een-thema") }),
            ("status", { $0.status = $0.status == .actief ? .gestopt : .actief }),
            ("business model", { $0.businessModel = $0.businessModel == .delen ? .ruilen : .delen }),
        ]
        for (what, edit) in edits {
            var changed = kb
            edit(&changed.bestPractices[0])
            XCTAssertFalse(BankFacet.sameInputs(changed, as: kb), what)
        }
        var theme = kb
        theme.themes[0].title += " (nieuw)"
        XCTAssertFalse(BankFacet.sameInputs(theme, as: kb), "theme title")
    }
}
