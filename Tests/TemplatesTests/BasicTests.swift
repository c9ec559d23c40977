import Diagnostics
import Templates
import XCTest

final class BasicTests: XCTestCase {
    func testOutputAndEscaping() throws {
        XCTAssertEqual(try render("Hallo {{ naam }}!", ["naam": "<Ada & Bob>"]), "Hallo &lt;Ada &amp; Bob&gt;!")
        XCTAssertEqual(try render("{{ x }}", ["x": "<b>"], name: "page.txt"), "<b>")
        XCTAssertEqual(try render("{{ x|safe }}", ["x": "<b>"]), "<b>")
        XCTAssertEqual(try render("<a title=\"{{ t }}\">", ["t": "a\"b'c"]), "<a title=\"a&#34;b&#39;c\">")
    }

    func testLoopsAndConditions() throws {
        let template =
            "{% for x in xs if x > 1 %}{{ loop.index }}:{{ x }}{% if not loop.last %},{% endif %}{% else %}leeg{% endfor %}"
        XCTAssertEqual(try render(template, ["xs": [1, 2, 3]]), "1:2,2:3")
        XCTAssertEqual(try render(template, ["xs": []]), "leeg")
    }

    func testInheritance() throws {
        let templates = [
            "base.html": "<title>{% block title %}Basis{% endblock %}</title>{% block body %}{% endblock %}",
            "mid.html": "{% extends 'base.html' %}{% block title %}Mid - {{ super() }}{% endblock %}",
            "page.html":
                "{% extends 'mid.html' %}{% block title %}Pagina | {{ super() }}{% endblock %}{% block body %}B{% endblock %}",
        ]
        XCTAssertEqual(try render(templates), "<title>Pagina | Mid - Basis</title>B")
    }

    func testUndefinedIsAnErrorWithPosition() throws {
        let diagnostic = renderError(["page.html": "<p>\n  {{ pagina.titel }}</p>"], context: ["page": ["titel": "x"]])
        XCTAssertEqual(diagnostic?.line, 2)
        XCTAssertEqual(diagnostic?.column, 6)
        XCTAssertTrue(diagnostic?.message.contains("'pagina' is niet gedefinieerd") ?? false, diagnostic?.message ?? "")
    }
}
