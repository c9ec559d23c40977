import Diagnostics
import Foundation
import XCTest

@testable import Templates

final class LoaderTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-loader-\(UUID().uuidString)")
        for folder in ["site/templates", "theme/templates/partials", "outside"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try write("theme/templates/base.html", "thema:{% block b %}{% endblock %}{% include 'partials/voet.html' %}")
        try write("theme/templates/partials/voet.html", "|voet van thema")
        try write("site/templates/partials/voet.html", "|voet van site")
        try write("theme/templates/page.html", "{% extends 'base.html' %}{% block b %}pagina{% endblock %}")
        try write("outside/geheim.html", "geheim")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private var environment: Environment {
        Environment(searchPaths: [
            root.appendingPathComponent("site/templates"), root.appendingPathComponent("theme/templates"),
        ])
    }

    func testSiteTemplatesOverrideTheTheme() throws {
        XCTAssertEqual(try environment.render("page.html"), "thema:pagina|voet van site")
    }

    func testNamesLeavingTheFoldersAreRefused() throws {
        for name in ["../outside/geheim.html", "partials/../../../outside/geheim.html", "/etc/passwd"] {
            try write("theme/templates/poging.html", "{% include '\(name)' %}")
            let env = environment
            XCTAssertThrowsError(try env.render("poging.html"), name) { error in
                let diagnostic = error as? Diagnostic
                XCTAssertEqual(diagnostic?.line, 1, name)
                XCTAssertEqual(diagnostic?.column, 12, name)
                XCTAssertTrue(
                    diagnostic?.message.contains("ongeldige templatenaam") ?? false, diagnostic?.message ?? "")
            }
        }
    }

    func testSymlinkOutOfTheFolderIsRefused() throws {
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("theme/templates/link.html"),
            withDestinationURL: root.appendingPathComponent("outside/geheim.html"))
        try write("theme/templates/poging.html", "{% extends 'link.html' %}")
        XCTAssertThrowsError(try environment.render("poging.html")) { error in
            XCTAssertTrue((error as? Diagnostic)?.message.contains("symbolische link") ?? false, "\(error)")
        }
    }

    func testMissingTemplateListsTheFolders() {
        XCTAssertThrowsError(try environment.template(named: "nergens.html")) { error in
            XCTAssertTrue(
                (error as? Diagnostic)?.message.contains("template 'nergens.html' niet gevonden (gezocht in") ?? false,
                "\(error)")
        }
    }

    func testTemplatesCompileOnceAndAreCached() throws {
        let env = environment
        // The compiled tree is shared; the `Template` handed out is a light handle that holds the environment.
        XCTAssertTrue(try env.template(named: "page.html").compiled === env.template(named: "page.html").compiled)
    }
}

final class ConcurrencyTests: XCTestCase {
    /// Many pages render at once from many threads with one environment and one compiled template.
    func testParallelRendersGiveIdenticalOutput() throws {
        let templates = [
            "base.html": "<title>{% block t %}{% endblock %}</title>{% block body %}{% endblock %}",
            "page.html": """
            {% extends 'base.html' %}{% import 'm.html' as m %}{% block t %}{{ titel }}{% endblock %}
            {% block body %}{% for x in xs %}{{ m.item(x) }}{% endfor %}{% include 'voet.html' %}{% endblock %}
            """,
            "m.html": "{% macro item(x) %}<li>{{ x }}</li>{% endmacro %}",
            "voet.html": "<footer>{{ titel|upper }}</footer>",
        ]
        let environment = Environment(loader: DictionaryLoader(templates))
        let outputs = UnsafeMutableBufferPointer<String>.allocate(capacity: 64)
        outputs.initialize(repeating: "")
        defer { outputs.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let context: [String: Value] = ["titel": .string("pagina \(i)"), "xs": .list((0..<i % 5).map { .int($0) })]
            outputs[i] = (try? environment.render("page.html", context: context)) ?? "FOUT"
        }
        for i in 0..<64 {
            let items = (0..<i % 5).map { "<li>\($0)</li>" }.joined()
            XCTAssertEqual(outputs[i], "<title>pagina \(i)</title>\(items)<footer>PAGINA \(i)</footer>")
        }
    }
}
