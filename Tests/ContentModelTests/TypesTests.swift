import Foundation
import XCTest

@testable import ContentModel

final class TypesTests: XCTestCase {
    func testAlliancesPublicationsActivitiesResultsPeople() throws {
        let site = try TestSite([
            "content/themes/onderwijs.md": TestSite.theme,
            "content/alliances/oa.md":
                "---\ntitle: Onderwijs Alliantie\nabbreviation: OA\nfounded: 2020\nthemes: [onderwijs]\nphase: 7\n---\n",
            "content/alliances/ok.md":
                "---\ntitle: OK\nfounded: 2020-04-01\nthemes: [onderwijs]\nphase: 3\nmembers: [Deloitte, KidsRights]\n---\n",
            "content/publications/manifest.md":
                "---\ntitle: Onderwijsmanifest\nkind: manifest\ndate: 2020-09-24\nthemes: [onderwijs]\n---\n",
            "content/activities/overhandiging.md":
                "---\ntitle: Overhandiging\ndate: 2020-09-24T14:30:00\ntheme: onderwijs\npartners: KidsRights\n---\n",
            "content/results/2020-onderwijs.yml":
                "theme: onderwijs\nyear: 2020\nnumbering: letters\nitems:\n  - {title: Manifest, kind: manifest, publication: manifest}\n  - {title: X, kind: folder}\n",
            "content/results/2021-onderwys.yml":
                "theme: onderwijs\nyear: 2021\nitems:\n  - {title: Y, kind: rapport, publication: manifst}\n",
            "content/people/p.md":
                "---\nname: P\nroles:\n  - {body: raad-van-advies, role: lid, start: 2020-05-01, end: 2020-01-01}\n  - {body: bestuurr, role: lid, start: 2020-01-01}\n---\n",
        ])
        defer { site.remove() }
        let (kb, diagnostics) = try site.load()
        XCTAssertEqual(
            diagnostics.map { "\($0.location!): \($0.message)" },
            [
                "content/activities/overhandiging.md:5:11: veld 'partners' moet een lijst zijn, niet tekst 'KidsRights'",
                "content/alliances/oa.md:6:8: veld 'phase' moet tussen 1 en 6 liggen, niet 7",
                "content/people/p.md:4:64: einde van de rol (2020-01-01) ligt vóór het begin (2020-05-01)",
                "content/people/p.md:5:12: veld 'body': onbekende waarde 'bestuurr'; bedoelde je 'bestuur'?",
                "content/results/2020-onderwijs.yml:6:22: veld 'kind': onbekende waarde 'folder'",
                "content/results/2021-onderwys.yml:1:1: resultaten van onderwijs in 2021 horen in results/2021-onderwijs.yml",
                "content/results/2021-onderwys.yml:4:44: onbekende publicatie 'manifst'; bedoelde je 'manifest'?",
            ])
        XCTAssertEqual(kb.alliances.map(\.slug), ["ok"])
        XCTAssertEqual(kb.alliances.first?.phase.title, "Co-creatie")
        XCTAssertEqual(kb.alliances.first?.founded?.year, 2020)
        let digest = try XCTUnwrap(kb.byTheme["onderwijs"])
        XCTAssertEqual(digest.publications.map(\.slug), ["manifest"])
        XCTAssertEqual(digest.results.first?.items.map(\.title), ["Manifest"])
        XCTAssertEqual(digest.results.first?.label(at: 0), "A.")
        XCTAssertEqual(kb.byYear[2020]?.results.count, 1)
    }

    /// Found on the wijkkracht fixture: a second role in the same body that starts while the first still
    /// runs counted the person twice at year end ("vier mensen" for three) and reported a change of role
    /// while both went on. One role per body at a time; roles in different bodies may run together.
    func testOverlappingRolesInOneBodyAreAnError() throws {
        let site = try TestSite([
            "content/people/p.md": """
            ---
            name: P
            roles:
              - {body: programmabureau, role: projectleider, start: 2024-01-01, fte: 0.6}
              - {body: bestuur, role: penningmeester, start: 2024-01-01}
              - {body: programmabureau, role: directeur, start: 2024-06-01, fte: 0.4}
              - {body: raad-van-advies, role: lid, start: 2020-01-01, end: 2024-03-31}
              - {body: raad-van-advies, role: voorzitter, start: 2024-03-31}
              - {body: bestuur, role: lid, start: 2025-01-01}
            ---

            """,
            "content/people/q.md":
                "---\nname: Q\nroles:\n  - {body: bestuur, role: lid, start: 2020-01-01, end: 2023-12-31}\n  - {body: bestuur, role: voorzitter, start: 2024-01-01}\n  - {body: raad-van-advies, role: lid, start: 2024-01-01}\n---\n",
        ])
        defer { site.remove() }
        let (_, diagnostics) = try site.load()
        XCTAssertEqual(
            diagnostics.map { "\($0.location!): \($0.message)" },
            [
                "content/people/p.md:6:53: deze rol in het programmabureau begint op 2024-06-01, terwijl de rol als projectleider (vanaf 2024-01-01, zonder einde) nog loopt",
                "content/people/p.md:8:54: deze rol in de raad van advies begint op 2024-03-31, terwijl de rol als lid (vanaf 2020-01-01, tot en met 2024-03-31) nog loopt",
                "content/people/p.md:9:39: deze rol in het bestuur begint op 2025-01-01, terwijl de rol als penningmeester (vanaf 2024-01-01, zonder einde) nog loopt",
            ])
        XCTAssertEqual(
            diagnostics.first?.notes,
            [
                "één persoon heeft één rol tegelijk per orgaan: sluit de vorige rol af met end: de dag ervoor, of schrijf beide in één rol (role: projectleider en directeur)"
            ])
    }

    /// The fte check said "tussen 0 en 1" while it let 1,2 pass without a word; over 1 is a warning now.
    func testFteOverAFullWeekIsAWarningAndOverOneAndAHalfAnError() throws {
        let site = try TestSite([
            "content/people/p.md":
                "---\nname: P\nroles:\n  - {body: programmabureau, role: a, start: 2024-01-01, end: 2024-01-31, fte: 1.2}\n  - {body: programmabureau, role: b, start: 2024-02-01, end: 2024-02-28, fte: 2}\n  - {body: programmabureau, role: c, start: 2024-03-01, fte: 0.8}\n---\n"
        ])
        defer { site.remove() }
        let (_, diagnostics) = try site.load()
        XCTAssertEqual(
            diagnostics.map { "\($0.location!): \($0.severity.rawValue): \($0.message)" },
            [
                "content/people/p.md:4:79: warning: fte 1,2 is meer dan een volle werkweek (1 fte)",
                "content/people/p.md:5:79: error: fte 2 is onmogelijk; een fte ligt tussen 0 en 1 (een volle werkweek)",
            ])
    }

    /// Many files decode in parallel; the result does not depend on scheduling.
    func testParallelLoadIsDeterministic() throws {
        var files: [String: String] = ["content/themes/onderwijs.md": TestSite.theme]
        for i in 0..<200 {
            let theme = i % 50 == 0 ? "onderwys" : "onderwijs"
            files["content/best-practices/bp-\(i).md"] = """
                ---
                title: Initiatief \(i)
                date: 2020-\(String(format: "%02d", i % 12 + 1))-\(String(format: "%02d", i % 28 + 1))
                themes: [\(theme)]
                tags: [t\(i % 7)]
                places: [Delft]
                status: actief
                ---
                Tekst \(i).

                """
        }
        let site = try TestSite(files)
        defer { site.remove() }
        let (first, diagnosticsA) = try site.load()
        let (second, diagnosticsB) = try site.load()
        XCTAssertEqual(diagnosticsA, diagnosticsB)
        XCTAssertEqual(diagnosticsA.count, 4)
        XCTAssertEqual(first.bestPractices.map(\.slug), second.bestPractices.map(\.slug))
        XCTAssertEqual(first.bestPractices.count, 200)
        XCTAssertEqual(first.byTheme["onderwijs"]?.bestPractices.count, 196)  // 4 name a theme that does not exist
    }
}
