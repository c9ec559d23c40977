import Templates
import XCTest

/// The templates a template reads, from its parsed tree (as Jinja2's `meta.find_referenced_templates`).
final class ReferencedTemplatesTests: XCTestCase {
    func testLiteralNamesInEveryKindOfTagAndNesting() throws {
        let environment = Environment(
            loader: DictionaryLoader([
                "page.html": """
                {% extends "base.html" %}
                {% block content %}{% for x in xs %}{% if x %}{%- include 'partials/card.html' %}{% endif %}{% endfor %}{% endblock %}
                {% from "macros.html" import kaart %}{% import 'm.html' as m %}
                {% macro a() %}{% include ['x.html', 'y.html'] %}{% endmacro %}
                {{ "{% include 'geen.html' %}" }}
                """,
                "dynamic.html": "{% include naam %}",
            ]))
        XCTAssertEqual(
            try environment.template(named: "page.html").referencedTemplates,
            ["base.html", "partials/card.html", "macros.html", "m.html", "x.html", "y.html"])
        // A computed name may be any template.
        XCTAssertNil(try environment.template(named: "dynamic.html").referencedTemplates)
    }
}
