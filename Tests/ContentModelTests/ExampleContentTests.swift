import Foundation
import XCTest

@testable import ContentModel

/// The repository's example site (`content/`) against the facts it must hold (issue 5, item 7) and the
/// derived data the site and report read from it.
final class ExampleContentTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testExampleContentIsCleanAndHoldsTheKnownFacts() throws {
        let (kb, diagnostics) = try ContentLoader.load(root: Self.root, options: .publicBuild)
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(kb.themes.count, 5)
        XCTAssertEqual(kb.themes.compactMap(\.number), ["2.1", "2.2", "2.3", "2.4", "2.5"])
        XCTAssertGreaterThanOrEqual(kb.bestPractices.count, 12)
        for theme in kb.themes {
            XCTAssertNotNil(theme.objective, "\(theme.slug) heeft een doelstelling nodig")
        }

        let finance = try XCTUnwrap(kb.financialYear(2020))
        XCTAssertEqual(finance.result, 95_677)
        XCTAssertTrue(finance.illustrative)
        let statement = finance.incomeStatement
        XCTAssertEqual(statement.table.value(row: statement.resultRow, column: statement.column), 95_677)
        XCTAssertEqual(statement.table.value(row: "Subsidie ministerie van JenV", column: statement.column), 240_000)
        XCTAssertNotNil(kb.financialRatios[2020]?.objectivesShareOfIncome)
        XCTAssertNotNil(kb.financialRatios[2020]?.managementShareOfExpenses)

        let year = try XCTUnwrap(kb.byYear[2020])
        XCTAssertFalse(year.activities.isEmpty)
        XCTAssertEqual(year.body(.raadVanAdvies)?.atYearEnd.count, 9)
        XCTAssertFalse(year.body(.bestuur)?.atYearEnd.isEmpty ?? true)
        XCTAssertFalse(year.body(.programmabureau)?.atYearEnd.isEmpty ?? true)
    }

    func testDraftsAndInternalScansOnlyWhenAsked() throws {
        let (published, _) = try ContentLoader.load(root: Self.root, options: .publicBuild)
        let (everything, _) = try ContentLoader.load(root: Self.root, options: .everything)
        XCTAssertGreaterThanOrEqual(everything.schoolScans.count, 3)
        XCTAssertTrue(everything.schoolScans.contains { $0.info.visibility == .internal })
        XCTAssertFalse(published.schoolScans.contains { $0.info.visibility == .internal })
        let drafts =
            everything.bestPractices.filter(\.info.draft).count + everything.themes.filter(\.info.draft).count
            + everything.pages.filter(\.info.draft).count + everything.activities.filter(\.info.draft).count
            + everything.insights.filter(\.info.draft).count + everything.publications.filter(\.info.draft).count
        XCTAssertGreaterThanOrEqual(drafts, 1, "het voorbeeld heeft minstens één concept")
        XCTAssertFalse(published.bestPractices.contains { $0.info.draft })
        for scan in everything.schoolScans {
            XCTAssertNotNil(everything.schoolProgress[scan.slug])
        }
    }
}
