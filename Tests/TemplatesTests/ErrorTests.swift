import DataFormats
import Diagnostics
import Templates
import XCTest

final class ErrorTests: XCTestCase {
    func testUndefinedNameWithSuggestionAndCaret() {
        let diagnostic = renderError(["page.html": "<h1>{{ titl }}</h1>"], context: ["titel": "x"])
        XCTAssertEqual(diagnostic?.message, "'titl' is niet gedefinieerd; bedoelde je 'titel'?")
        XCTAssertEqual(
            diagnostic?.description,
            """
            page.html:1:8: error: 'titl' is niet gedefinieerd; bedoelde je 'titel'?
            <h1>{{ titl }}</h1>
                   ^
            """)
    }

    func testUndefinedAttributeSuggestsKey() {
        let diagnostic = renderError(["page.html": "{{ p.plaatss }}"], context: ["p": ["plaats": "Utrecht"]])
        XCTAssertEqual(diagnostic?.message, "'p' heeft geen attribuut 'plaatss'; bedoelde je 'plaats'?")
        XCTAssertEqual(diagnostic?.column, 6)
    }

    func testStrictOperationsOnUndefined() {
        for source in [
            "{% for x in nope %}{% endfor %}", "{{ nope + 1 }}", "{{ nope|upper }}", "{% if nope %}{% endif %}",
            "{{ nope.x }}",
        ] {
            let diagnostic = renderError(["page.html": source])
            XCTAssertTrue(diagnostic?.message.contains("'nope' is niet gedefinieerd") ?? false, source)
        }
        XCTAssertEqual(
            try render("{{ nope|default('d') }} {{ nope is defined }} {{ p.x is defined }}", ["p": [:]]),
            "d False False")
    }

    func testLenientModePrintsNothing() throws {
        XCTAssertEqual(
            try render(
                "[{{ nope }}][{{ p.x.y }}]{% for x in nope %}x{% endfor %}{% if nope %}ja{% endif %}",
                ["p": [:]], lenient: true), "[][]")
    }

    /// Found by fuzzing: `int` with base 1 trapped in `Int(_:radix:)`, killing `render` and `build`.
    func testIntFilterBaseOutOfRangeIsAnError() throws {
        for base in ["1", "37", "-2", "99999999999"] {
            let diagnostic = renderError(["page.html": "{{ '7' | int(0, \(base)) }}"])
            XCTAssertTrue(
                diagnostic?.message.contains("grondtal") ?? false, "\(base): \(String(describing: diagnostic))")
        }
        XCTAssertEqual(
            try render(
                "{{ '0x1F' | int(0, 0) }} {{ '0b101' | int(0, 0) }} {{ '12' | int(0, 0) }} {{ 'z' | int(0, 36) }}"),
            "31 5 12 35")
    }

    func testFilterArgumentErrors() {
        let tooMany = renderError(["page.html": "{{ 'x'|truncate(1, true, '.', 0, 5) }}"])
        XCTAssertEqual(tooMany?.message, "filter 'truncate' verwacht hoogstens 4 argument(en), kreeg 5")
        XCTAssertEqual(tooMany?.column, 8)
        let unknown = renderError(["page.html": "{{ xs|sort(revers=true) }}"], context: ["xs": [1]])
        XCTAssertEqual(unknown?.message, "filter 'sort' kent geen argument 'revers'; bedoelde je 'reverse'?")
        let compare = renderError(["page.html": "{{ 1 < 'a' }}"])
        XCTAssertEqual(compare?.message, "kan geheel getal en tekst niet vergelijken")
    }

    func testChainOfIncludeAndMacroCallsInNotes() {
        let templates = [
            "page.html": "{% import 'macros.html' as m %}\n{{ m.kaart(p) }}",
            "macros.html": "{% macro kaart(x) %}\n  {% include 'deel.html' %}\n{% endmacro %}",
            "deel.html": "<p>{{ x.naam }}</p>",
        ]
        let diagnostic = renderError(templates, context: ["p": ["titel": "t"]])
        XCTAssertEqual(diagnostic?.file, "deel.html")
        XCTAssertEqual(diagnostic?.line, 1)
        XCTAssertEqual(diagnostic?.column, 9)
        XCTAssertEqual(
            diagnostic?.notes,
            [
                "macros.html:2:6: ingevoegd met include",
                "page.html:2:6: macro 'kaart' aangeroepen",
            ])
    }

    func testExtendsChainInNotes() {
        let templates = [
            "base.html": "{% block b %}{% endblock %}",
            "page.html": "{% extends 'base.html' %}\n{% block b %}{{ 1 / 0 }}{% endblock %}",
        ]
        let diagnostic = renderError(templates)
        XCTAssertEqual(diagnostic?.message, "deling door nul")
        XCTAssertEqual(diagnostic?.line, 2)
        XCTAssertEqual(diagnostic?.notes, ["page.html:1:4: breidt 'base.html' uit met extends"])
    }

    func testSyntaxErrorInIncludedTemplateNamesBoth() {
        let diagnostic = renderError(["page.html": "\n{% include 'kapot.html' %}", "kapot.html": "{% if %}"])
        XCTAssertEqual(diagnostic?.file, "kapot.html")
        XCTAssertEqual(diagnostic?.notes.first, "page.html:2:12: hier geladen")
    }

    func testInfiniteRecursionStopsWithAnError() {
        let include = renderError(["page.html": "{% include 'page.html' %}"])
        XCTAssertTrue(include?.message.contains("te diepe nesting") ?? false, include?.message ?? "")
        let macro = renderError(["page.html": "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"])
        XCTAssertTrue(macro?.message.contains("te diepe nesting") ?? false, macro?.message ?? "")
        let extends = renderError(["page.html": "{% extends 'page.html' %}"])
        XCTAssertTrue(extends?.message.contains("te diepe nesting") ?? false, extends?.message ?? "")
    }

    func testMissingTemplateAndMacroArguments() {
        let missing = renderError(["page.html": "{% include 'weg.html' %}"])
        XCTAssertEqual(missing?.message, "template 'weg.html' niet gevonden")
        XCTAssertEqual(missing?.column, 12)
        let arguments = renderError(["page.html": "{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}"])
        XCTAssertEqual(arguments?.message, "macro 'm' verwacht hoogstens 1 argument(en), kreeg 2")
        let keyword = renderError(["page.html": "{% macro m(titel) %}{% endmacro %}{{ m(titl=1) }}"])
        XCTAssertEqual(keyword?.message, "macro 'm' kent geen argument 'titl'; bedoelde je 'titel'?")
    }
}

/// Hostile or careless templates end in an error, never in a crash, a hang or exhausted memory.
final class RobustnessTests: XCTestCase {
    func testResourceLimits() {
        let cases = [
            "{{ 'x' * 1000000000000 }}", "{{ [1] * 1000000000 }}", "{{ range(0, 9223372036854775807)|length }}",
            "{{ range(-9223372036854775807, 9223372036854775807)|length }}", "{{ 'a b'|wordwrap(0) }}",
            "{{ [1]|batch(9000000000) }}", "{{ 'a'|indent(99999999) }}", "{{ [1]|slice(99999999999) }}",
            "{{ 'abcde'|truncate(3, leeway=-10) }}", "{{ '%99999999f'|format(1.5) }}", "{{ '%.99999s' % 'x' }}",
        ]
        for source in cases {
            XCTAssertNotNil(renderError(["page.html": source]), source)
        }
    }

    func testExtremeButHarmlessValues() throws {
        XCTAssertEqual(
            try render("{{ [1, 2, 3][::9223372036854775807] }} {{ [1, 2, 3][::-9223372036854775807] }}"), "[1] [3]")
        XCTAssertEqual(
            try render("{{ 2.5|round(400) }} {{ 1234.5|round(-400) }} {{ 'x'|center(9999999999) }}"), "2.5 0.0 x")
        XCTAssertEqual(DutchFormat.date(YAMLDate(year: 2020, month: -20, day: 1), format: "%B"), "april")
    }

    func testSelfReferencingNamespacePrints() throws {
        let output = try render("{% set ns = namespace(a=1) %}{% set ns.zelf = ns %}{{ ns }}", name: "page.txt")
        XCTAssertTrue(output.hasPrefix("<Namespace {'a': 1, 'zelf': <Namespace {'a': 1, "), output)
        XCTAssertTrue(output.contains("..."))
        XCTAssertNotNil(renderError(["page.html": "{% set ns = namespace() %}{% set ns.zelf = ns %}{{ ns|tojson }}"]))
    }
}

final class StringFormatErrorTests: XCTestCase {
    func testBadFormatStringsAreErrors() {
        for source in [
            "{{ '{'.format(1) }}", "{{ '}'.format(1) }}", "{{ '{} {}'.format(1) }}", "{{ '{:99999d}'.format(1) }}",
            "{{ '{:q}'.format(1) }}", "{{ '{:d}'.format('x') }}", "{{ '{x}'.format(y=1) }}",
        ] {
            let diagnostic = renderError(["page.html": source])
            XCTAssertTrue(
                diagnostic?.message.hasPrefix("format():") ?? false, "\(source): \(diagnostic?.message ?? "")")
        }
    }
}
