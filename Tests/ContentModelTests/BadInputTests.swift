import Foundation
import XCTest

@testable import ContentModel

/// Bad input gives one clear error per problem, never a crash or a cascade of follow-up errors.
final class BadInputTests: XCTestCase {
    func testOddFilesGiveOneClearErrorEach() throws {
        let site = try TestSite([
            "content/pages/empty.md": "",
            "content/pages/unclosed.md": "---\ntitle: A\n",
            "content/pages/list.md": "---\n- a\n- b\n---\n",
            "content/pages/latin1.md": "---\ntitle: A\n---\nCaf\u{E9}\n",
            "content/results/2020-x.yml": "",
        ])
        defer { site.remove() }
        // Latin-1: write the é as one byte.
        let latin1 = site.root.appendingPathComponent("content/pages/latin1.md")
        try Data([UInt8]("---\ntitle: A\n---\nCaf".utf8) + [0xE9, 0x0A]).write(to: latin1)
        XCTAssertEqual(
            try site.problems(),
            [
                "content/pages/empty.md:1:1: error: pagina zonder front matter: het bestand begint met een regel '---', dan de velden, dan weer '---'",
                "content/pages/latin1.md:4: error: het bestand is geen UTF-8-tekst; bewaar het als UTF-8",
                "content/pages/list.md:2:1: error: pagina: verwacht velden (sleutel: waarde), niet een lijst",
                "content/pages/unclosed.md:1:1: error: front matter wordt niet afgesloten: na de eerste regel '---' ontbreekt een regel '---' (of '...')",
                "content/results/2020-x.yml:1:1: error: verplicht veld 'items' ontbreekt (resultatenlijst)",
                "content/results/2020-x.yml:1:1: error: verplicht veld 'theme' ontbreekt (resultatenlijst)",
                "content/results/2020-x.yml:1:1: error: verplicht veld 'year' ontbreekt (resultatenlijst)",
            ])
    }

    func testWrongShapesInsideItems() throws {
        let site = try TestSite([
            "content/people/x.md": "---\nname: X\nroles: [1, {body: bestuur, role: lid, start: 2020-01-01}]\n---\n",
            "content/themes/t.md": "---\ntitle: T\n---\n",
            "content/best-practices/b.md":
                "---\ntitle: B\ndate: 2020-01-01\nthemes: [[t]]\ntags: {a: 1}\nplaces: []\nstatus: actief\n---\n",
        ])
        defer { site.remove() }
        XCTAssertEqual(
            try site.problems(),
            [
                "content/best-practices/b.md:4:10: error: veld 'themes' moet tekst zijn, niet een lijst",
                "content/best-practices/b.md:5:7: error: veld 'tags' moet een lijst zijn, niet velden (sleutel: waarde)",
                "content/people/x.md:3:9: error: rol: verwacht velden (sleutel: waarde), niet getal 1",
            ])
    }
}

final class BodyTextTests: XCTestCase {
    func testValidUTF8IncludingALiteralReplacementCharacterIsKept() {
        XCTAssertEqual(FileDecoder.text(Array("Café \u{FFFD} één".utf8)), "Café \u{FFFD} één")
        XCTAssertEqual(FileDecoder.text([]), "")
        XCTAssertEqual(FileDecoder.text([0xEF]), nil)
        XCTAssertNil(FileDecoder.text([0x43, 0x61, 0x66, 0xE9]))
        XCTAssertNil(FileDecoder.text(Array("ok \u{FFFD}".utf8) + [0xFF]))
    }
}
