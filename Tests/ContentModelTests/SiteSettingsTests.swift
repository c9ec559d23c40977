import Diagnostics
import Foundation
import XCTest

@testable import ContentModel

final class SiteSettingsTests: XCTestCase {
    func testMinimalSiteHasDefaults() throws {
        let site = try TestSite([:], site: "title: T\nbaseURL: https://example.org/\nlanguage: nl\n")
        defer { site.remove() }
        let (kb, diagnostics) = try site.load()
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(kb.site.targets.minimumObjectivesShareOfIncome, Decimal(string: "0.8"))
        XCTAssertEqual(kb.site.targets.maximumManagementShareOfExpenses, Decimal(string: "0.07"))
        XCTAssertEqual(kb.site.menus, [])
    }

    func testMenusTargetsAndLevels() throws {
        let site = try TestSite(
            [:],
            site: """
                title: T
                baseURL: https://example.org/
                language: nl
                menus:
                  main:
                    - {title: B, url: /b/, weight: 2}
                    - {title: Zonder gewicht, url: /z/}
                    - {title: A, url: /a/, weight: 1}
                targets:
                  minimumObjectivesShareOfIncome: 0.75
                  maximumManagementShareOfExpenses: 7
                wijschool:
                  levels:
                    - {slug: top, title: Top, order: 2}
                    - {slug: basis, title: Basis, order: 1}
                    - {slug: basis, title: Dubbel, order: 1}

                """)
        defer { site.remove() }
        let (kb, diagnostics) = try site.load()
        XCTAssertEqual(kb.site.menu("main")?.entries.map(\.title), ["A", "B", "Zonder gewicht"])
        XCTAssertEqual(kb.site.targets.minimumObjectivesShareOfIncome, Decimal(string: "0.75"))
        // By order; the duplicate is an error.
        XCTAssertEqual(kb.site.pyramidLevels.map(\.slug), ["basis", "basis", "top"])
        XCTAssertEqual(
            diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" },
            [
                "11:37: veld 'maximumManagementShareOfExpenses' is een aandeel tussen 0 en 1 (zoals 0.80), niet 7",
                "16:14: niveau 'basis' staat twee keer in de piramide",
                "16:43: twee niveaus hebben volgorde 1",
            ])
    }

    func testMissingRequiredSettingsThrow() throws {
        let site = try TestSite([:], site: "title: T\nlanguag: nl\n")
        defer { site.remove() }
        XCTAssertThrowsError(try site.load()) { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.message) ?? []
            XCTAssertEqual(
                messages,
                [
                    "verplicht veld 'baseURL' ontbreekt (site.yml)",
                    "verplicht veld 'language' ontbreekt (site.yml)",
                    "onbekend veld 'languag' (site.yml); bedoelde je 'language'?",
                ])
        }
    }
}

extension SiteSettingsTests {
    /// Found reading the code for issue 18: a pyramid level's `order` had no range, and a scan that
    /// climbed from order Int.min to Int.max overflowed in `last.order - first.order`. Orders are 1–1000.
    func testPyramidLevelOrderIsInRange() throws {
        let site = try TestSite(
            [:],
            site: """
                title: T
                baseURL: https://example.org/
                language: nl
                wijschool:
                  levels:
                    - {slug: basis, title: Basis, order: -9223372036854775808}
                    - {slug: top, title: Top, order: 9223372036854775807}
                    - {slug: nul, title: Nul, order: 0}
                    - {slug: goed, title: Goed, order: 1000}

                """)
        defer { site.remove() }
        let (kb, diagnostics) = try site.load()
        XCTAssertEqual(
            diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" },
            [
                "6:42: veld 'order' moet tussen 1 en 1000 liggen, niet -9223372036854775808",
                "7:38: veld 'order' moet tussen 1 en 1000 liggen, niet 9223372036854775807",
                "8:38: veld 'order' moet tussen 1 en 1000 liggen, niet 0",
            ])
        XCTAssertEqual(kb.site.pyramidLevels.map(\.slug), ["goed"])
    }
}
