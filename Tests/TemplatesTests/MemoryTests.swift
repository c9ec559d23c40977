import Templates
import XCTest

/// Nothing a render or an environment made outlives it: `breingen serve` makes a new environment for
/// every template change and renders thousands of pages, so a reference cycle is a leak that grows with
/// every save.
final class MemoryTests: XCTestCase {
    /// A context value whose lifetime the test watches.
    private final class Probe: TemplateObject, @unchecked Sendable {
        func attribute(_ name: String) -> Value? { name == "naam" ? "probe" : nil }
    }

    /// Issue 18: `Environment.cache` held each `Template` and `Template.environment` held the environment,
    /// so an environment that had compiled one template was never freed (serve grew by megabytes a save).
    func testEnvironmentIsFreedWithItsCompiledTemplates() throws {
        weak var weakEnvironment: Environment?
        try scoped {
            let environment = Environment(
                loader: DictionaryLoader([
                    "base.html": "<main>{% block body %}{% endblock %}</main>",
                    "page.html": "{% extends 'base.html' %}{% block body %}{% include 'part.html' %}{% endblock %}",
                    "part.html": "{{ titel }}",
                ]))
            weakEnvironment = environment
            XCTAssertEqual(try environment.render("page.html", context: ["titel": "x"]), "<main>x</main>")
            // A template handed out keeps its environment alive while it is used...
            let template = try environment.template(named: "part.html")
            XCTAssertEqual(try template.render(["titel": "y"]), "y")
        }
        // ...and nothing keeps it alive after.
        XCTAssertNil(weakEnvironment, "the environment and its cached templates keep each other alive")
    }

    func testTemplateKeepsItsEnvironmentAliveWhileHeld() throws {
        weak var weakEnvironment: Environment?
        var template: Template? = try {
            let environment = Environment(
                loader: DictionaryLoader(["a.html": "{% include 'b.html' %}", "b.html": "b"]))
            weakEnvironment = environment
            return try environment.template(named: "a.html")
        }()
        XCTAssertNotNil(weakEnvironment)
        XCTAssertEqual(try template?.render(), "b")
        template = nil
        XCTAssertNil(weakEnvironment)
    }

    /// Found by fuzzing (LeakSanitizer): a macro is a value in the scope it is defined in and referred to
    /// that scope, so every render that defined a macro (the theme's partials do) leaked its scopes and
    /// everything in them, the page context included.
    func testRenderWithMacrosFreesItsScopes() throws {
        let environment = Environment(
            loader: DictionaryLoader([
                "macros.html": "{% macro card(x) %}<b>{{ x }}</b>{% endmacro %}",
                "page.html": """
                {% import 'macros.html' as m %}{% from 'macros.html' import card %}\
                {% macro self_(n) %}{{ n }}{% if n > 0 %}{{ self_(n - 1) }}{% endif %}{% endmacro %}\
                {% set ns = namespace(f=none) %}\
                {% macro wrap() %}[{{ caller() }}]{% endmacro %}\
                {% call wrap() %}{% set ns.f = self_ %}{{ p.naam }}{% endcall %}\
                {{ m.card(p.naam) }}{{ card(1) }}{{ self_(2) }}{{ ns.f(1) }}
                """,
            ]))
        weak var weakProbe: Probe?
        try scoped {
            let probe = Probe()
            weakProbe = probe
            XCTAssertEqual(
                try environment.render("page.html", context: ["p": .object(probe)]),
                "[probe]<b>probe</b><b>1</b>21010")
        }
        XCTAssertNil(weakProbe, "the render's scopes (and with them its context) were kept alive by a cycle")
    }
}

/// Runs `body` in its own function frame, so its locals are released when it returns.
private func scoped(_ body: () throws -> Void) rethrows {
    try body()
}

extension MemoryTests {
    /// Found by fuzzing (LeakSanitizer, 10-minute run): an undefined value keeps what it needs for its
    /// "did you mean" suggestion, and kept the whole scope; stored back into that scope (`set`, a
    /// namespace), it made a cycle, in lenient mode on every page that did so. A namespace holding
    /// itself (directly, or through `loop.changed` of a loop over it) is emptied when the render ends.
    func testUndefinedValuesAndNamespacesInCyclesAreFreed() throws {
        for source in [
            "{% set x = nope %}{% set ns = namespace(f=nope2) %}{{ p.naam }}",
            "{% set d = {'a': p} %}{% set ns = namespace(d=d) %}{% set ns.u = d.zz %}{{ ns.d.a.naam }}",
            "{% macro m(n) %}{{ n }}{% endmacro %}{% set ns = namespace(f=mItera) %}{{ p.naam }}",
            // A namespace that holds itself, directly or through a loop's `changed`.
            "{% set ns = namespace(p=p) %}{% set ns.me = ns %}{{ ns.me.p.naam }}",
            "{% set ns = namespace(p=p) %}{% for x in [ns] %}{% set ns.c = loop.changed %}{% endfor %}{{ p.naam }}",
        ] {
            let environment = Environment(loader: DictionaryLoader(["page.html": source]), lenient: true)
            weak var weakProbe: Probe?
            try scoped {
                let probe = Probe()
                weakProbe = probe
                XCTAssertEqual(try environment.render("page.html", context: ["p": .object(probe)]), "probe")
            }
            XCTAssertNil(weakProbe, source)
        }
        // The suggestion still comes during the render.
        let diagnostic = renderError(["page.html": "{% set titel = 'x' %}{{ titl }}"])
        XCTAssertEqual(diagnostic?.message, "'titl' is niet gedefinieerd; bedoelde je 'titel'?")
    }
}
