// libFuzzer harness: the template engine. The input is a template: it is lexed and parsed, and when it
// parses it is rendered in strict and in lenient mode with a small context that has every kind of value
// (text, numbers, a date, lists, a nested dictionary, undefined names). Helper templates to extend,
// include and import from are there too. A render may fail with a diagnostic; it must not trap, leak or
// run away.
import DataFormats
import Diagnostics
import Foundation
import Site

@testable import Templates

let helpers = DictionaryLoader([
    "base.html": "<title>{% block title %}T{% endblock %}</title>{% block body %}{% endblock %}",
    "macros.html": "{% macro card(x, n=1) %}<b>{{ x }}</b>{{ n }}{{ caller() if caller }}{% endmacro %}",
    "part.html": "[{{ page.title }}]",
])
/// Both modes, with the site's own filters (Dutch amounts, dates, Markdown) as the build registers them.
let strict: Environment = {
    let environment = Environment(loader: helpers, lenient: false)
    SiteFilters.register(in: environment, baseURL: "https://example.org/brein/")
    return environment
}()
let lenient: Environment = {
    let environment = Environment(loader: helpers, lenient: true)
    SiteFilters.register(in: environment, baseURL: "/")
    return environment
}()

let context: [String: Value] = [
    "page": .dict(
        OrderedDict([
            ("title", .string("Wonen & <werken>")), ("slug", .string("wonen")), ("count", .int(3)),
            ("share", .double(0.375)), ("amount", .decimal(Decimal(string: "1234.56")!)),
            ("date", .date(YAMLDate(year: 2020, month: 2, day: 29))), ("tags", .list(["a", "b", "c"])),
            ("draft", .bool(false)), ("nothing", .none), ("html", .safe("<em>x</em>")),
        ])),
    "items": .list([
        .dict(OrderedDict([("name", .string("Een")), ("year", .int(2019)), ("theme", .string("onderwijs"))])),
        .dict(OrderedDict([("name", .string("Twee")), ("year", .int(2020)), ("theme", .string("wonen"))])),
        .dict(OrderedDict([("name", .string("Drie")), ("year", .int(2020)), ("theme", .string("onderwijs"))])),
    ]),
    "numbers": .list([.int(3), .int(-1), .int(Int.max), .int(Int.min), .double(2.5)]),
    "text": .string("Het Maatschappelijk Brein — één café"),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    // The first byte picks the name: HTML templates autoescape, text templates do not.
    let name = data[0] & 1 == 0 ? "page.html" : "page.txt"
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var lexer = Lexer(source: SourceFile(name: name, bytes: bytes))
    _ = try? lexer.tokenize()
    let text = String(decoding: bytes, as: UTF8.self)
    for environment in [strict, lenient] {
        guard let template = try? environment.template(source: text, name: name) else { return 0 }
        _ = try? template.render(context)
    }
    return 0
}
