import Foundation
import TestSupport
import XCTest

/// The build's walk over the site's files (issue 18): links out of the site are never followed, link
/// loops end, unreadable files and folders are errors, and nothing a build cannot read goes missing
/// without a word.
final class HostileFilesTests: XCTestCase {
    private var site: URL!
    /// A folder beside the site, standing for the rest of the build machine.
    private var outside: URL!
    private let fm = FileManager.default

    override func setUpWithError() throws {
        let base = fm.temporaryDirectory.appendingPathComponent("breingen-hostile-\(UUID().uuidString)")
        site = base.appendingPathComponent("site")
        outside = base.appendingPathComponent("elders")
        try fm.createDirectory(at: base, withIntermediateDirectories: true)
        try fm.copyItem(at: BreingenProcess.fixture("minimal"), to: site)
        // The theme beside the content, as a real site has it: the build, run as another user, must not
        // need the checkout's theme (a fresh clone may sit in a folder only its owner can enter).
        let checkoutTheme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes/default")
        try fm.createDirectory(at: site.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try fm.copyItem(at: checkoutTheme, to: site.appendingPathComponent("themes/default"))
        try fm.createDirectory(at: outside.appendingPathComponent("map"), withIntermediateDirectories: true)
        try write("geheim wachtwoord", to: outside.appendingPathComponent("geheim.txt"))
        try write("nog een geheim", to: outside.appendingPathComponent("map/sleutel.pem"))
        try write("hallo", to: site.appendingPathComponent("static/docs/welkom.txt"))
    }

    override func tearDownWithError() throws {
        // Make everything removable again, whatever a test made unreadable.
        _ = try? Process.run(
            URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+rwx", site.deletingLastPathComponent().path]
        ).waitUntilExit()
        try? fm.removeItem(at: site.deletingLastPathComponent())
    }

    private func write(_ text: String, to url: URL) throws {
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func link(_ path: String, to destination: String) throws {
        let url = site.appendingPathComponent(path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    private func output(_ path: String) -> URL { site.appendingPathComponent("output/" + path) }

    /// Every file under output/, relative to it.
    private func outputFiles() -> Set<String> {
        let root = site.appendingPathComponent("output").path
        return Set(
            (fm.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { path in
                var isDirectory: ObjCBool = false
                return fm.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
            })
    }

    func testLinksOutOfTheSiteAreRefusedWithAWarningNamingThem() throws {
        try link("static/wachtwoord.txt", to: outside.appendingPathComponent("geheim.txt").path)
        try link("static/sleutels", to: outside.appendingPathComponent("map").path)
        try link("static/relatief.txt", to: "../../elders/geheim.txt")
        try link("assets/css/extra.css", to: outside.appendingPathComponent("geheim.txt").path)
        // Links that stay inside the site folder are followed as before.
        try link("static/ook-welkom.txt", to: "docs/welkom.txt")
        try link("static/documenten", to: "docs")

        let result = try BreingenProcess.run(["build"], in: site, timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        for name in ["static/wachtwoord.txt", "static/sleutels", "static/relatief.txt", "assets/css/extra.css"] {
            XCTAssertTrue(
                result.stderr.contains("warning: symbolische link \(name) wijst buiten de sitemap"),
                "\(name): \(result.stderr)")
        }
        let files = outputFiles()
        XCTAssertTrue(
            files.isSuperset(of: ["docs/welkom.txt", "ook-welkom.txt", "documenten/welkom.txt"]), "\(files.sorted())")
        XCTAssertFalse(
            files.contains {
                $0.contains("wachtwoord") || $0.contains("sleutel") || $0.contains("relatief") || $0.contains("extra")
            },
            "\(files.sorted())")
        for file in files {
            let text = (try? String(contentsOf: output(file), encoding: .utf8)) ?? ""
            XCTAssertFalse(text.contains("geheim"), file)
        }
    }

    func testLinkLoopsAreDetectedAndTheBuildEnds() throws {
        // Issue 18: two links to their parent made `build` run for ever.
        try link("static/d/up", to: "..")
        try link("static/d/up2", to: "..")
        try link("static/d/e/terug", to: "../..")
        try link("static/zelf", to: "zelf")
        let started = Date()
        let result = try BreingenProcess.run(["build"], in: site, timeout: 60)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(result.status, 0, result.stderr)
        for name in ["static/d/up", "static/d/up2", "static/d/e/terug"] {
            XCTAssertTrue(
                result.stderr.contains("warning: symbolische link \(name) maakt een lus"), "\(name): \(result.stderr)")
        }
        XCTAssertTrue(
            result.stderr.contains("symbolische link static/zelf wijst in een kring naar zichzelf"), result.stderr)
        XCTAssertEqual(
            outputFiles().filter {
                !$0.hasSuffix(".html") && !$0.hasPrefix("assets/") && !$0.hasSuffix(".xml") && !$0.hasSuffix(".json")
                    && $0 != "robots.txt"
            },
            ["docs/welkom.txt"])
    }

    func testSpecialFilesAndDanglingLinksAreLeftOutWithAWarning() throws {
        // Reading a named pipe would block the build for ever.
        XCTAssertEqual(mkfifo(site.appendingPathComponent("static/pijp").path, 0o644), 0)
        try link("static/weg.txt", to: "bestaat-niet.txt")
        let result = try BreingenProcess.run(["build"], in: site, timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("static/pijp is geen gewoon bestand of map (een named pipe)"), result.stderr)
        XCTAssertTrue(
            result.stderr.contains("symbolische link static/weg.txt wijst naar iets dat niet bestaat"), result.stderr)
        XCTAssertTrue(outputFiles().contains("docs/welkom.txt"))
    }

    func testContentLinksOutOfTheSiteAreNotRead() throws {
        try write("---\ntitle: Geheim\n---\ngeheime tekst\n", to: outside.appendingPathComponent("over.md"))
        try link("content/pages/over.md", to: outside.appendingPathComponent("over.md").path)
        let result = try BreingenProcess.run(["build"], in: site, timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("warning: symbolische link content/pages/over.md wijst buiten de sitemap"),
            result.stderr)
        XCTAssertFalse(outputFiles().contains { $0.contains("over") })
    }

    /// Root reads every file whatever its mode, so these run the binary as the user `nobody`.
    private func runAsOtherUser(_ arguments: [String]) throws -> BreingenProcess.Result {
        try OtherUser.run { try BreingenProcess.run(arguments + ["--root", site.path], timeout: 60) }
    }

    /// Opens the site to the other user, then builds it once as that user.
    private func buildOnce() throws -> Data {
        if getuid() == 0 {
            _ = try Process.run(
                URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "a+rwX", site.deletingLastPathComponent().path]
            )
            .waitUntilExit()
        }
        let first = try runAsOtherUser(["build", "-q"])
        XCTAssertEqual(first.status, 0, first.stderr)
        return try Data(contentsOf: output("index.html"))
    }

    func testUnreadableContentFolderIsAnError() throws {
        try write("---\ntitle: Over ons\n---\nTekst.\n", to: site.appendingPathComponent("content/pages/over.md"))
        let before = try buildOnce()
        XCTAssertTrue(outputFiles().contains { $0.contains("over") })
        try fm.setAttributes([.posixPermissions: 0], ofItemAtPath: site.appendingPathComponent("content/pages").path)
        // Issue 18: the folder was skipped, the build exited 0 and `check` said all was well.
        let build = try runAsOtherUser(["build"])
        XCTAssertEqual(build.status, 1, build.stderr)
        XCTAssertTrue(
            build.stderr.contains("content/pages: error: kan de map content/pages/ niet lezen: geen toegang"),
            build.stderr)
        XCTAssertEqual(try Data(contentsOf: output("index.html")), before, "the previous output stays")
        let check = try runAsOtherUser(["check"])
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertTrue(check.stderr.contains("kan de map content/pages/ niet lezen: geen toegang"), check.stderr)
    }

    func testUnreadableFilesAreErrors() throws {
        try write("---\ntitle: Over ons\n---\nTekst.\n", to: site.appendingPathComponent("content/pages/over.md"))
        _ = try buildOnce()
        for (path, message) in [
            (
                "content/pages/over.md",
                "content/pages/over.md: error: kan content/pages/over.md niet lezen: geen toegang"
            ),
            (
                "static/docs/welkom.txt",
                "static/docs/welkom.txt: error: kan static/docs/welkom.txt niet lezen: geen toegang"
            ),
            ("static/docs", "static/docs/: error: kan de map static/docs/ niet lezen: geen toegang"),
        ] {
            let url = site.appendingPathComponent(path)
            let mode = try fm.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int ?? 0o755
            try fm.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
            let result = try runAsOtherUser(["build"])
            XCTAssertEqual(result.status, 1, "\(path): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(path): \(result.stderr)")
            try fm.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        }
        XCTAssertEqual(try runAsOtherUser(["build", "-q"]).status, 0)
    }

    /// Issue 18: a read-only previous output was left beside output/ without a word. It is our own
    /// build, so it is made writable and removed (run as `nobody`: root removes it anyway).
    func testReadOnlyPreviousOutputIsReplacedAndRemoved() throws {
        _ = try buildOnce()
        _ = try Process.run(
            URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "a-w", site.appendingPathComponent("output").path]
        )
        .waitUntilExit()
        try write("nieuw", to: site.appendingPathComponent("static/docs/nieuw.txt"))
        let result = try runAsOtherUser(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("warning"), result.stderr)
        XCTAssertTrue(outputFiles().contains("docs/nieuw.txt"))
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".breingen") }, [])
    }
}
