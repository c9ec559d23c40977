import Diagnostics
import Templates
import XCTest

final class SyntaxTests: XCTestCase {
    func testWhitespaceControlAndComments() throws {
        XCTAssertEqual(
            try render("<ul>\n  {%- for x in [1, 2] %}\n  <li>{{ x }}</li>\n  {%- endfor %}\n</ul>"),
            "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>")
        XCTAssertEqual(try render("a {{- ' b ' -}} c"), "a b c")
        XCTAssertEqual(try render("a {#- weg -#} b"), "ab")
        XCTAssertEqual(try render("regel\n"), "regel", "one trailing newline is dropped, as in Jinja2")
    }

    func testRawKeepsTagsLiteral() throws {
        XCTAssertEqual(try render("{% raw %}{{ x }} {% if %}{% endraw %}!"), "{{ x }} {% if %}!")
        XCTAssertEqual(try render("{%- raw -%}  {{ x }}  {%- endraw %}"), "{{ x }}")
    }

    func testLiteralsAndOperators() throws {
        XCTAssertEqual(
            try render("{{ 7 // 2 }} {{ -7 % 3 }} {{ 2 ** 8 }} {{ 1 / 4 }} {{ 'a' ~ 1 }}"), "3 2 256 0.25 a1")
        XCTAssertEqual(
            try render("{{ [1, 'a'] }} {{ {'k': none} }} {{ (1, 2) }} {{ true }}"),
            "[1, &#39;a&#39;] {&#39;k&#39;: None} (1, 2) True")
        XCTAssertEqual(try render("{{ 'ja' if 2 in [1, 2] and not false else 'nee' }}"), "ja")
    }

    func testForLoopFeatures() throws {
        let template =
            "{% for k, v in d.items() %}{{ loop.index }}{{ k }}={{ v }}{{ loop.cycle(',', ';') }}{% endfor %}"
        XCTAssertEqual(try render(template, ["d": ["a": 1, "b": 2, "c": 3]]), "1a=1,2b=2;3c=3,")
        XCTAssertEqual(
            try render(
                "{% for x in xs %}{{ loop.previtem|default('-') }}{{ x }}{{ loop.nextitem|default('-') }} {% endfor %}",
                ["xs": [1, 2, 3]]), "-12 123 23- ")
        XCTAssertEqual(
            try render(
                "{% for r in rows %}{% for c in r %}{{ loop.index }}{% endfor %}/{{ loop.index }} {% endfor %}",
                ["rows": [[7, 8], [9]]]), "12/1 1/2 ")
    }

    func testMacrosCallAndImport() throws {
        let templates = [
            "macros.html":
                "{% macro kaart(titel, klasse='kaart') %}<div class=\"{{ klasse }}\"><h3>{{ titel }}</h3>{{ caller() }}</div>{% endmacro %}",
            "page.html":
                "{% from 'macros.html' import kaart %}{% call kaart('A & B', klasse='groot') %}<p>{{ tekst }}</p>{% endcall %}",
        ]
        XCTAssertEqual(
            try render(templates, context: ["tekst": "<x>"]),
            "<div class=\"groot\"><h3>A &amp; B</h3><p>&lt;x&gt;</p></div>")
    }

    func testSetBlockFilterBlockAndWith() throws {
        XCTAssertEqual(try render("{% set x %}<b>{{ y }}</b>{% endset %}{{ x }}", ["y": "&"]), "<b>&amp;</b>")
        XCTAssertEqual(try render("{% filter upper %}hallo {{ n }}{% endfilter %}", ["n": "ada"]), "HALLO ADA")
        XCTAssertEqual(try render("{% with a = 2 %}{{ a * 3 }}{% endwith %}"), "6")
    }

    func testIncludeSeesLoopVariablesAndIgnoreMissing() throws {
        let templates = [
            "page.html": "{% for i in [1, 2] %}{% include 'p.html' %}{% endfor %}{% include 'x.html' ignore missing %}",
            "p.html": "[{{ i }}]",
        ]
        XCTAssertEqual(try render(templates), "[1][2]")
    }

    func testDeepInheritanceChain() throws {
        var templates = ["t0.html": "{% block b %}0{% endblock %}"]
        for level in 1...20 {
            templates["t\(level).html"] =
                "{% extends 't\(level - 1).html' %}{% block b %}\(level)-{{ super() }}{% endblock %}"
        }
        XCTAssertEqual(
            try render(templates, "t20.html"),
            (1...20).reversed().map(String.init).joined(separator: "-") + "-0")
    }

    func testSyntaxErrorsPointAtTheToken() {
        let cases: [(String, Int, Int, String)] = [
            ("<p>\n{% if x %}\nja", 2, 4, "'{% endif %}' ontbreekt"),
            ("{{ x | upperr }}", 1, 8, "onbekend filter 'upperr'; bedoelde je 'upper'?"),
            ("{{ x is definedd }}", 1, 9, "onbekende test 'definedd'; bedoelde je 'defined'?"),
            ("{% fro x in y %}{% endfor %}", 1, 4, "onbekende opdracht 'fro'; bedoelde je 'for'?"),
            ("ok\n{{ x + }}", 2, 8, "expressie verwacht"),
            ("{% for x in y %}{% endif %}", 1, 20, "onverwacht 'endif'"),
            ("{{ 'open }}", 1, 4, "tekst zonder afsluitend aanhalingsteken"),
            ("{{ x ", 1, 1, "'}}' ontbreekt"),
            ("{{ x ? 1 }}", 1, 6, "onverwacht teken '?'"),
            ("{% if x = 1 %}{% endif %}", 1, 9, "'%}' verwacht, maar vond '='; vergelijken gaat met '=='"),
            ("<p>{{ x }</p>\n{{ y }}", 1, 9, "een enkele '}' sluit de tag niet af; gebruik '}}'"),
        ]
        for (source, line, column, message) in cases {
            guard let diagnostic = renderError(["page.html": source], context: ["x": 1, "y": []]) else { continue }
            XCTAssertEqual(diagnostic.line, line, source)
            XCTAssertEqual(diagnostic.column, column, source)
            XCTAssertTrue(diagnostic.message.contains(message), "\(source): \(diagnostic.message)")
            XCTAssertEqual(diagnostic.file, "page.html")
            XCTAssertNotNil(diagnostic.sourceLine)
        }
    }

    func testDeepExpressionNestingIsAnErrorNotACrash() {
        let source = "{{ " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000) + " }}"
        let diagnostic = renderError(["page.html": source])
        XCTAssertTrue(diagnostic?.message.contains("te diep genest") ?? false)
    }
}
