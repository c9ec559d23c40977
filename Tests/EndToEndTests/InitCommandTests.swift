import Foundation
import XCTest

/// `breingen init`: the first command of a new user writes a site that builds and passes `check` at
/// once, refuses a folder that is not empty, and works from a binary installed outside the checkout.
final class InitCommandTests: XCTestCase {
    private var folders: [URL] = []

    override func tearDown() {
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
        folders = []
    }

    private func temporaryFolder() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-init-\(UUID().uuidString)")
        folders.append(folder)
        return folder
    }

    private func exists(_ url: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path)
    }

    private static var year: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }

    func testANewSiteBuildsAndPassesCheckAtOnce() throws {
        let site = temporaryFolder().appendingPathComponent("buurt-brein")
        let created = try BreingenProcess.run(["init", site.path, "--title", "Het \"Buurt\" Brein"])
        XCTAssertEqual(created.status, 0, created.stderr)
        let year = Self.year
        XCTAssertEqual(
            created.stdout.split(separator: "\n").map(String.init),
            [
                "content/site.yml", "content/themes/voorbeeldthema.md",
                "content/best-practices/voorbeeld-best-practice.md",
                "content/pages/toegankelijkheid.md", "content/reports/\(year)/report.yml", "README.md", ".gitignore",
                "themes/default/",
            ])
        XCTAssertTrue(exists(site, "themes/default/templates/base.html"), "the default theme is copied into the site")
        XCTAssertTrue(exists(site, "themes/default/assets/css/main.css"))
        let readme = try String(contentsOf: site.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.hasPrefix("# Het \"Buurt\" Brein\n"))
        XCTAssertTrue(
            readme.contains("breingen serve") && readme.contains("breingen check") && readme.contains("draft: true"))

        let build = try BreingenProcess.run(["build", "--root", site.path])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.hasPrefix("gebouwd: 11 pagina's"), build.stderr)
        XCTAssertFalse(build.stderr.contains("warning"), build.stderr)
        for page in [
            "index.html", "themas/voorbeeldthema/index.html", "best-practices/voorbeeld-best-practice/index.html",
            "jaarverslag-\(year).html", "jaarverslag-\(year).pdf", "sitemap.xml", "feed.xml",
        ] {
            XCTAssertTrue(exists(site, "output/" + page), "output/\(page) ontbreekt")
        }
        let home = try String(contentsOf: site.appendingPathComponent("output/index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("<title>Het &#34;Buurt&#34; Brein</title>"), "the title from --title, escaped")
        XCTAssertTrue(home.contains("Lopende thema"), "the example theme runs this year")
        XCTAssertTrue(home.contains("Voorbeeld van een best practice"))
        XCTAssertFalse(home.contains("Toegankelijkheid</a>"), "the statement is a draft, so no footer link yet")

        // The warnings are the to-dos the README names: the accessibility statement is still a draft, and
        // site.yml still has the example name and addresses.
        let check = try BreingenProcess.run(["check", "--root", site.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.contains("0 fouten, 2 waarschuwingen"), check.stderr)
        XCTAssertTrue(
            check.stderr.contains(
                "content/pages/toegankelijkheid.md: warning: de toegankelijkheidsverklaring wordt niet gepubliceerd"))
        XCTAssertTrue(
            check.stderr.contains(
                "content/site.yml:5:10: warning: 'https://www.voorbeeld.nl/' is een voorbeeld van breingen init of new"),
            check.stderr)

        // With the draft line gone the footer of every page links to it; check still warns while the
        // statement names the example organisation (found by a new editor: it said to mail info@voorbeeld.nl).
        let statement = site.appendingPathComponent("content/pages/toegankelijkheid.md")
        let text = try String(contentsOf: statement, encoding: .utf8)
        XCTAssertTrue(
            text.contains("## Status") && text.contains("## Datum van de laatste controle")
                && text.contains("## Een probleem melden") && text.contains("## Contact")
                && text.contains("info@voorbeeld.nl"))
        try text.replacingOccurrences(of: "draft: true\n", with: "").write(
            to: statement, atomically: true, encoding: .utf8)
        let unfilled = try BreingenProcess.run(["check", "--root", site.path]).stderr
        XCTAssertTrue(unfilled.contains("0 fouten, 2 waarschuwingen"), unfilled)
        XCTAssertTrue(
            unfilled.contains("content/pages/toegankelijkheid.md:5:1: warning: 'Stichting Voorbeeld' is een voorbeeld"),
            unfilled)
        // Filled in, check is clean.
        for file in [statement, site.appendingPathComponent("content/site.yml")] {
            try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
                of: "Stichting Voorbeeld", with: "Stichting Buurt"
            )
            .replacingOccurrences(of: "voorbeeld.nl", with: "buurt.example").write(
                to: file, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(
            try BreingenProcess.run(["check", "--root", site.path]).stderr.contains("geen fouten, geen waarschuwingen"),
            true)
        XCTAssertEqual(try BreingenProcess.run(["build", "-q", "--root", site.path]).status, 0)
        let page = try String(
            contentsOf: site.appendingPathComponent("output/themas/voorbeeldthema/index.html"), encoding: .utf8)
        XCTAssertTrue(
            page.contains("<li><a href=\"/toegankelijkheid/\">Toegankelijkheid</a></li>"),
            "footer link to the statement")
    }

    func testInitRefusesAFolderThatIsNotEmptyAndWritesNothing() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mijn aantekeningen\n".utf8).write(to: folder.appendingPathComponent("notities.txt"))
        let result = try BreingenProcess.run(["init", folder.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("error: de map \(folder.path) is niet leeg (notities.txt)"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["notities.txt"])

        // A folder that only holds a git repository counts as empty: `git init` first is common.
        let repository = temporaryFolder()
        try FileManager.default.createDirectory(
            at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        XCTAssertEqual(try BreingenProcess.run(["init", repository.path]).status, 0)
        XCTAssertTrue(exists(repository, "content/site.yml"))
        // A file is no folder; no folder at all is a usage error.
        XCTAssertEqual(try BreingenProcess.run(["init", folder.appendingPathComponent("notities.txt").path]).status, 1)
        XCTAssertEqual(try BreingenProcess.run(["init"]).status, 2)
    }

    /// An installed breingen (PREFIX/bin/breingen with PREFIX/share/breingen/themes/default) makes a site
    /// that builds with that binary alone, far from the checkout; a binary with no theme anywhere says
    /// what to do, and `--no-theme` still writes the content.
    func testInitWorksFromABinaryInstalledOutsideTheCheckout() throws {
        let prefix = temporaryFolder()
        let bin = prefix.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let installed = bin.appendingPathComponent("breingen")
        try FileManager.default.copyItem(at: BreingenProcess.binary, to: installed)
        let checkoutTheme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes/default")

        let lone = try BreingenProcess.run(
            ["init", prefix.appendingPathComponent("site-zonder").path], executable: installed)
        XCTAssertEqual(lone.status, 1)
        XCTAssertTrue(lone.stderr.contains("breingen vindt zijn standaardthema niet"), lone.stderr)
        XCTAssertFalse(exists(prefix, "site-zonder/content"), "nothing is written without a theme")
        let bare = try BreingenProcess.run(
            ["init", prefix.appendingPathComponent("kaal").path, "--no-theme"], executable: installed)
        XCTAssertEqual(bare.status, 0, bare.stderr)
        XCTAssertFalse(exists(prefix, "kaal/themes"))

        try FileManager.default.createDirectory(
            at: prefix.appendingPathComponent("share/breingen/themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: checkoutTheme, to: prefix.appendingPathComponent("share/breingen/themes/default"))
        let site = prefix.appendingPathComponent("sites/nieuw")
        let created = try BreingenProcess.run(["init", site.path], executable: installed)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(exists(site, "themes/default/templates/base.html"))
        let build = try BreingenProcess.run(["build", "--root", site.path], executable: installed)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(exists(site, "output/best-practices/voorbeeld-best-practice/index.html"))
        // The site without a theme of its own builds with the installed default theme.
        XCTAssertEqual(
            try BreingenProcess.run(
                ["build", "-q", "--root", prefix.appendingPathComponent("kaal").path], executable: installed
            ).status, 0)
    }
}
