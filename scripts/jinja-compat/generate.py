#!/usr/bin/env python3
"""Generates cases.json: templates, a context and the output Jinja2 3.1 renders for them.

Run from the repository root:  python3 scripts/jinja-compat/generate.py
(needs `pip install jinja2`). The Swift test TemplatesTests/JinjaCompatibilityTests renders every case
with our engine and compares. Settings: autoescape on for .html (as our engine), StrictUndefined
(our default), except cases marked lenient, which use Jinja2's default Undefined.
"""
import json
import os
import sys

import jinja2

HERE = os.path.dirname(os.path.abspath(__file__))

TEAMS = {"teams": [{"naam": "Bestuur", "leden": ["Anna", "Bram & Co"]}, {"naam": "<Raad>", "leden": []}]}
PEOPLE = {"mensen": [
    {"naam": "Saïd", "jaar": 2019, "plaats": "Utrecht"},
    {"naam": "anna", "jaar": 2020, "plaats": "Amsterdam"},
    {"naam": "Bram", "jaar": 2019, "plaats": "amsterdam"},
    {"naam": "Carla", "jaar": 2021, "plaats": "Utrecht"},
]}

# (name, templates-or-source, context[, options])
CASES = [
    # --- output, literals, escaping
    ("text only", "Hallo wereld", {}),
    ("variable", "Hallo {{ naam }}!", {"naam": "Ada"}),
    ("escape", "{{ x }}", {"x": "<a href=\"x\">Tom & 'Jerry'</a>"}),
    ("escape in attribute", '<a title="{{ t }}">', {"t": "a\"b'c<d>"}),
    ("no escape txt", {"page.txt": "{{ x }}"}, {"x": "<b>&"}),
    ("safe filter", "{{ x|safe }}", {"x": "<b>vet</b>"}),
    ("escape then safe", "{{ x|e }}{{ x|e|e }}", {"x": "<i>"}),
    ("int literal", "{{ 42 }}", {}),
    ("negative int", "{{ -7 }}", {}),
    ("float literal", "{{ 3.14 }} {{ 1.0 }} {{ 2.50 }}", {}),
    ("float repr", "{{ 0.1 + 0.2 }} {{ 1e20 }} {{ 1.5e-7 }} {{ 123456789.125 }}", {}),
    ("big floats", "{{ 1e15 }} {{ 1e16 }} {{ 12345678901234567.0 }}", {}),
    ("string literals", "{{ 'a' }}{{ \"b\" }}{{ 'c' 'd' }}", {}),
    ("string escapes", "{{ 'x\\ny' }}|{{ 'it\\'s' }}", {}),
    ("booleans print", "{{ true }} {{ false }} {{ True }} {{ none }} {{ None }}", {}),
    ("list print", "{{ [1, 'a', none, true] }}", {}),
    ("dict print", "{{ {'a': 1, 'b': 'twee'} }}", {}),
    ("list with quote", "{{ [\"it's\", 'x'] }}", {}),
    ("nested list print", "{{ [[1, 2], {'k': [3]}] }}", {}),
    ("tuple-ish list", "{{ (1, 2) | list }}", {}),
    ("unicode", "{{ 'één' }} {{ naam }}", {"naam": "Saïd"}),
    # --- arithmetic
    ("add", "{{ 1 + 2 }} {{ 1.5 + 2 }} {{ 'a' + 'b' }}", {}),
    ("subtract multiply", "{{ 10 - 3 * 2 }} {{ (10 - 3) * 2 }}", {}),
    ("divide", "{{ 7 / 2 }} {{ 6 / 3 }} {{ 1 / 3 }}", {}),
    ("floor divide", "{{ 7 // 2 }} {{ -7 // 2 }} {{ 7.5 // 2 }}", {}),
    ("modulo", "{{ 7 % 3 }} {{ -7 % 3 }} {{ 7 % -3 }}", {}),
    ("power", "{{ 2 ** 10 }} {{ 2 ** -1 }} {{ 2 ** 3 ** 2 }}", {}),
    ("unary", "{{ -x }} {{ +x }} {{ - -x }}", {"x": 5}),
    ("concat", "{{ 'a' ~ 1 ~ none ~ true }}", {}),
    ("concat escapes", "{{ '<' ~ x }}", {"x": "&"}),
    ("concat with safe", "{{ ('<b>'|safe) ~ x }}", {"x": "<i>"}),
    ("string repeat", "{{ 'ab' * 3 }}", {}),
    ("list concat", "{{ [1] + [2, 3] }}", {}),
    ("percent format", "{{ '%s is %d jaar' % ('Ada', 36) }}", {}),
    ("precedence", "{{ 1 + 2 * 3 - 4 / 2 }}", {}),
    ("bool arithmetic", "{{ true + 1 }}", {}),
    # --- comparisons and logic
    ("comparisons", "{{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 'a' < 'b' }} {{ 1 == 1.0 }} {{ 1 != 2 }}", {}),
    ("chained comparison", "{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }}", {}),
    ("and or", "{{ true and 'x' }} {{ false or 'y' }} {{ 0 or '' or 'z' }} {{ 1 and 0 }}", {}),
    ("not", "{{ not true }} {{ not 0 }} {{ not [] }}", {}),
    ("in", "{{ 2 in [1, 2] }} {{ 'b' in 'abc' }} {{ 'k' in {'k': 1} }} {{ 3 not in [1] }}", {}),
    ("conditional expr", "{{ 'ja' if x else 'nee' }} {{ 'ja' if y else 'nee' }}", {"x": 1, "y": []}),
    ("equality of lists", "{{ [1, 2] == [1, 2] }} {{ {'a': 1} == {'a': 1} }}", {}),
    ("string compare unicode", "{{ 'é' > 'z' }}", {}),
    # --- access
    ("attribute", "{{ p.naam }} {{ p['plaats'] }}", {"p": {"naam": "Ada", "plaats": "Utrecht"}}),
    ("index", "{{ xs[0] }} {{ xs[-1] }} {{ xs.1 }}", {"xs": ["a", "b", "c"]}),
    ("nested access", "{{ a.b.c }} {{ a['b']['c'] }}", {"a": {"b": {"c": 42}}}),
    ("slices", "{{ xs[1:] }} {{ xs[:2] }} {{ xs[::-1] }} {{ 'hallo'[1:3] }}", {"xs": [1, 2, 3, 4]}),
    ("dict methods", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}{{ d.keys()|list }}{{ d.values()|list }}",
     {"d": {"b": 1, "a": 2}}),
    ("dict get", "{{ d.get('a') }} {{ d.get('x', 'nee') }} {{ d.get('x') }}", {"d": {"a": 1}}),
    ("string methods", "{{ s.upper() }} {{ s.lower() }} {{ s.startswith('Ha') }} {{ s.replace('l', 'L') }} {{ '  x '.strip() }}",
     {"s": "Hallo"}),
    ("string split", "{{ 'a,b,c'.split(',') }} {{ 'a b  c'.split() }}", {}),
    ("attribute then filter", "{{ p.naam|upper }}", {"p": {"naam": "ada"}}),
    # --- if
    ("if", "{% if x %}ja{% endif %}", {"x": True}),
    ("if else", "{% if x %}ja{% else %}nee{% endif %}", {"x": False}),
    ("elif", "{% for n in [1, 2, 3] %}{% if n == 1 %}een{% elif n == 2 %}twee{% else %}veel{% endif %} {% endfor %}", {}),
    ("if defined", "{% if x is defined %}ja{% else %}nee{% endif %}", {}),
    ("if nested", "{% if a %}{% if b %}ab{% else %}a{% endif %}{% endif %}", {"a": 1, "b": 0}),
    # --- for
    ("for list", "{% for x in xs %}{{ x }},{% endfor %}", {"xs": [1, 2, 3]}),
    ("for string", "{% for c in 'abc' %}[{{ c }}]{% endfor %}", {}),
    ("for dict", "{% for k in d %}{{ k }}{% endfor %}", {"d": {"z": 1, "a": 2}}),
    ("for else", "{% for x in [] %}x{% else %}leeg{% endfor %}", {}),
    ("for filter", "{% for x in range(10) if x is odd %}{{ x }}{% endfor %}", {}),
    ("for filter loop index", "{% for x in range(10) if x % 3 == 0 %}{{ loop.index }}/{{ loop.length }} {% endfor %}", {}),
    ("loop vars", "{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }} {% endfor %}", {}),
    ("loop prev next", "{% for x in [1, 2, 3] %}{% if not loop.first %}{{ loop.previtem }}{% endif %}-{{ x }}-{% if not loop.last %}{{ loop.nextitem }}{% endif %};{% endfor %}", {}),
    ("loop cycle", "{% for x in range(5) %}{{ loop.cycle('odd', 'even') }} {% endfor %}", {}),
    ("nested loops", "{% for r in rows %}{% for c in r %}{{ c }}{% endfor %}|{% endfor %}", {"rows": [[1, 2], [3]]}),
    ("nested loop outer", "{% for a in 'ab' %}{% for b in 'xy' %}{{ loop.index }}{{ a }}{{ b }} {% endfor %}{{ loop.index }};{% endfor %}", {}),
    ("unpack", "{% for a, b in pairs %}{{ a }}:{{ b }} {% endfor %}", {"pairs": [[1, "x"], [2, "y"]]}),
    ("for scope", "{% set x = 1 %}{% for i in [5] %}{% set x = i %}{{ x }}{% endfor %}{{ x }}", {}),
    ("for over range", "{% for i in range(2, 10, 3) %}{{ i }} {% endfor %}", {}),
    ("teams", "{% for team in teams %}<h2>{{ team.naam }}</h2>{% for lid in team.leden %}<li>{{ lid|upper }}</li>{% else %}<p>niemand</p>{% endfor %}{% endfor %}", TEAMS),
    # --- set, with
    ("set", "{% set x = 5 %}{{ x * 2 }}", {}),
    ("set multiple", "{% set a, b = 1, 2 %}{{ a }}{{ b }}", {}),
    ("set block", "{% set x %}<b>{{ y }}</b>{% endset %}{{ x }}", {"y": "<i>"}),
    ("set block filter", "{% set x | upper %}hallo{% endset %}{{ x }}", {}),
    ("with", "{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}", {}),
    ("with scope", "{% set a = 'buiten' %}{% with a = 'binnen' %}{{ a }}{% endwith %} {{ a }}", {}),
    ("namespace", "{% set ns = namespace(n=0) %}{% for x in [1, 2, 3] %}{% set ns.n = ns.n + x %}{% endfor %}{{ ns.n }}", {}),
    # --- whitespace control, comments, raw
    ("comment", "a{# weg #}b", {}),
    ("strip before", "a   {%- if true %}b{% endif %}", {}),
    ("strip after", "{% if true -%}   \n  b{% endif %}", {}),
    ("strip both", "<ul>\n  {%- for x in [1, 2] %}\n  <li>{{ x }}</li>\n  {%- endfor %}\n</ul>", {}),
    ("strip var", "a  {{- 'b' -}}  c", {}),
    ("strip comment", "a  {#- x -#}  b", {}),
    ("raw", "{% raw %}{{ x }}{% if %}{% endraw %}", {}),
    ("trailing newline dropped", "regel\n", {}),
    ("two trailing newlines", "regel\n\n", {}),
    ("newline after block", "{% if true %}\nja\n{% endif %}\n", {}),
    ("crlf", "a\r\nb", {}),
    # --- filters
    ("abs", "{{ -3|abs }} {{ (-2.5)|abs }}", {}),
    ("batch", "{{ [1, 2, 3, 4, 5]|batch(2)|list }} {{ [1, 2, 3]|batch(2, 'x')|list }}", {}),
    ("capitalize", "{{ 'hALLO wereld'|capitalize }}", {}),
    ("center", "[{{ 'ab'|center(7) }}] [{{ 'abc'|center(6) }}]", {}),
    ("default", "{{ x|default('leeg') }} {{ y|default('leeg') }} {{ ''|default('leeg', true) }} {{ z|d('d') }}", {"y": 0}),
    ("default none", "{{ x|default(none) }}", {"x": None}),
    ("dictsort", "{{ d|dictsort }} {{ d|dictsort(by='value') }} {{ d|dictsort(reverse=true) }}", {"d": {"b": 2, "A": 3, "c": 1}}),
    ("escape filter", "{{ '<&>'|escape }} {{ '\"'|e }}", {}),
    ("first last", "{{ xs|first }} {{ xs|last }} {{ 'abc'|first }}", {"xs": [1, 2, 3]}),
    ("float", "{{ '3.5'|float }} {{ 3|float }} {{ 'x'|float }} {{ 'x'|float(1.5) }}", {}),
    ("int", "{{ '42'|int }} {{ 3.9|int }} {{ 'x'|int }} {{ 'x'|int(7) }} {{ '0x1A'|int(0, 16) }} {{ '3.7'|int }}", {}),
    ("format", "{{ '%s-%s'|format('a', 'b') }} {{ '%.2f'|format(3.14159) }} {{ '%5s|'|format('ab') }}", {}),
    ("groupby", "{% for g in mensen|groupby('jaar') %}{{ g.grouper }}:{% for p in g.list %}{{ p.naam }} {% endfor %};{% endfor %}", PEOPLE),
    ("groupby unpack", "{% for jaar, lijst in mensen|groupby('jaar') %}{{ jaar }}={{ lijst|length }} {% endfor %}", PEOPLE),
    ("groupby case", "{% for g in mensen|groupby('plaats') %}{{ g.grouper }}={{ g.list|map(attribute='naam')|join(',') }} {% endfor %}", PEOPLE),
    ("indent", "{{ 'a\nb\n\nc'|indent }}|{{ 'a\nb'|indent(2, true) }}|{{ 'a\n\nb'|indent(2, blank=true) }}", {}),
    ("indent trailing newline", "{{ 'a\nb\n'|indent(3) }}", {}),
    ("join", "{{ [1, 2, 3]|join }} {{ [1, 2, 3]|join(', ') }} {{ mensen|join('|', attribute='naam') }}", PEOPLE),
    ("join escapes", "{{ ['<a>', '<b>'|safe]|join('&') }}", {}),
    ("length", "{{ [1, 2]|length }} {{ 'één'|length }} {{ {'a': 1}|count }}", {}),
    ("list filter", "{{ 'abc'|list }} {{ {'a': 1, 'b': 2}|list }}", {}),
    ("lower upper", "{{ 'ÉÉN Twee'|lower }} {{ 'één twee'|upper }}", {}),
    ("map attribute", "{{ mensen|map(attribute='naam')|join(', ') }}", PEOPLE),
    ("map filter", "{{ ['a', 'b']|map('upper')|list }} {{ ['1', '2']|map('int')|sum }}", {}),
    ("max min", "{{ [3, 1, 2]|max }} {{ [3, 1, 2]|min }} {{ ['b', 'A', 'c']|max }} {{ (mensen|max(attribute='jaar')).naam }} {{ (mensen|min(attribute='naam')).naam }}", PEOPLE),
    ("replace", "{{ 'aaa'|replace('a', 'b') }} {{ 'aaa'|replace('a', 'b', 2) }}", {}),
    ("replace escaping", "{{ '<a>'|replace('a', '&') }}", {}),
    ("reject select", "{{ range(10)|select('odd')|list }} {{ range(10)|reject('odd')|list }} {{ [0, 1, '', 'x']|select|list }}", {}),
    ("select with arg", "{{ range(20)|select('divisibleby', 5)|list }} {{ [1, 2, 3]|select('in', [2, 3])|list }}", {}),
    ("selectattr", "{{ mensen|selectattr('jaar', 'equalto', 2019)|map(attribute='naam')|join(',') }} {{ mensen|rejectattr('jaar', 'gt', 2019)|list|length }}", PEOPLE),
    ("selectattr truthy", "{{ xs|selectattr('actief')|map(attribute='n')|list }}", {"xs": [{"n": 1, "actief": True}, {"n": 2, "actief": False}]}),
    ("reverse", "{{ [1, 2, 3]|reverse|list }} {{ 'abc'|reverse }}", {}),
    ("round", "{{ 2.5|round }} {{ 3.5|round }} {{ 2.675|round(2) }} {{ 2.1|round(0, 'ceil') }} {{ 2.9|round(method='floor') }} {{ 42|round }}", {}),
    ("safe and escape", "{{ '<b>'|safe|escape }}", {}),
    ("slice filter", "{{ range(10)|slice(3)|list }} {{ range(7)|slice(3, 0)|list }}", {}),
    ("sort", "{{ [3, 1, 2]|sort }} {{ ['b', 'A', 'c']|sort }} {{ ['b', 'A', 'c']|sort(case_sensitive=true) }} {{ [3, 1, 2]|sort(reverse=true) }}", {}),
    ("sort attribute", "{{ mensen|sort(attribute='jaar', reverse=true)|map(attribute='naam')|join(',') }}", PEOPLE),
    ("sort attribute stable", "{{ mensen|sort(attribute='jaar')|map(attribute='naam')|join(',') }}", PEOPLE),
    ("sort multiple attributes", "{{ mensen|sort(attribute='plaats,naam')|map(attribute='naam')|join(',') }}", PEOPLE),
    ("string filter", "{{ 12|string ~ 'x' }} {{ [1]|string }}", {}),
    ("striptags", "{{ '<p>Hallo  <b>wereld</b></p>\n<!-- c --> &amp; meer'|striptags }}", {}),
    ("sum", "{{ [1, 2, 3]|sum }} {{ mensen|sum(attribute='jaar') }} {{ [1, 2]|sum(start=10) }} {{ [0.5, 0.25]|sum }}", PEOPLE),
    ("title", "{{ 'hallo wereld-wijd (test) o\\'neil'|title }}", {}),
    ("tojson", "{{ d|tojson }}", {"d": {"b": [1, 2.5, None, True], "a": "<é & '>"}}),
    ("tojson indent", "{{ d|tojson(2) }}", {"d": {"b": [1, 2], "a": {}}}),
    ("trim", "[{{ '  x  '|trim }}] [{{ 'xxaxx'|trim('x') }}]", {}),
    ("truncate", "{{ 'Een hele lange zin met woorden'|truncate(15) }}|{{ 'kort'|truncate(10) }}|{{ 'Een hele lange zin'|truncate(9, true) }}|{{ 'Een hele lange zin met'|truncate(10, end='…', leeway=0) }}", {}),
    ("truncate leeway", "{{ 'abcdefghijklmn'|truncate(10) }}|{{ 'abcdefghijklmnop'|truncate(10) }}", {}),
    ("unique", "{{ [1, 2, 1, 3, 2]|unique|list }} {{ ['a', 'A', 'b']|unique|list }} {{ mensen|unique(attribute='jaar')|map(attribute='naam')|list }}", PEOPLE),
    ("urlencode", "{{ 'a b&c/d?é'|urlencode }} {{ {'q': 'x y', 'n': 1}|urlencode }}", {}),
    ("wordcount", "{{ 'Een twee, drie-vier'|wordcount }}", {}),
    ("wordwrap", "{{ 'een twee drie vier vijf zes'|wordwrap(10) }}", {}),
    ("xmlattr", "<a{{ {'href': '/x?a=1&b=2', 'class': 'k', 'title': none}|xmlattr }}>", {}),
    ("filter chain", "{{ '  Hallo  '|trim|lower|replace('a', 'e')|upper }}", {}),
    ("filter on expression", "{{ (1 + 2)|string ~ '!' }}", {}),
    ("filter precedence with minus", "{{ -3|abs }}", {}),
    ("count filter on list", "{{ mensen|selectattr('plaats', 'eq', 'Utrecht')|list|count }}", PEOPLE),
    ("items filter", "{% for k, v in d|items %}{{ k }}{{ v }}{% endfor %}", {"d": {"x": 1, "y": 2}}),
    # --- tests
    ("tests basic", "{{ x is defined }} {{ y is defined }} {{ y is undefined }} {{ n is none }} {{ 1 is number }} {{ 'a' is string }}", {"x": 1, "n": None}),
    ("tests types", "{{ [1] is iterable }} {{ 1 is iterable }} {{ {} is mapping }} {{ [] is mapping }} {{ 'a' is iterable }}", {}),
    ("tests odd even", "{{ 3 is odd }} {{ 3 is even }} {{ 4 is divisibleby 2 }} {{ 9 is divisibleby(4) }}", {}),
    ("tests sameas", "{{ none is sameas none }} {{ true is sameas true }} {{ 1 is sameas true }}", {}),
    ("tests in", "{{ 2 is in [1, 2] }} {{ 'x' is in 'abc' }}", {}),
    ("tests not", "{{ x is not none }} {{ 3 is not odd }}", {"x": 1}),
    ("tests comparison", "{{ 3 is gt 2 }} {{ 3 is lt 2 }} {{ 3 is eq 3 }} {{ 'a' is ne 'b' }}", {}),
    ("tests string case", "{{ 'abc' is lower }} {{ 'ABC' is upper }} {{ 'Abc' is lower }}", {}),
    ("tests boolean", "{{ true is boolean }} {{ 1 is boolean }} {{ true is true }} {{ false is false }} {{ 1 is integer }} {{ 1.0 is float }}", {}),
    ("test in condition", "{% if x is number and x > 2 %}groot{% endif %}", {"x": 3}),
    # --- macros
    ("macro", "{% macro groet(naam) %}Hallo {{ naam }}!{% endmacro %}{{ groet('Ada') }} {{ groet('<b>') }}", {}),
    ("macro defaults", "{% macro m(a, b=2, c='x') %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m(1) }} {{ m(1, 3) }} {{ m(1, c='y') }} {{ m(a=5, b=6) }}", {}),
    ("macro output safe", "{% macro b(t) %}<b>{{ t }}</b>{% endmacro %}{{ b('<i>') }}", {}),
    ("macro varargs kwargs", "{% macro m(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, x=4) }}", {}),
    ("macro recursion", "{% macro fac(n) %}{% if n <= 1 %}1{% else %}{{ n * fac(n - 1)|int }}{% endif %}{% endmacro %}{{ fac(5) }}", {}),
    ("macro sees globals", "{% macro m() %}{{ site }}{% endmacro %}{{ m() }}", {"site": "Brein"}),
    ("call caller", "{% macro kaart(titel) %}<div><h3>{{ titel }}</h3>{{ caller() }}</div>{% endmacro %}{% call kaart('T') %}inhoud <b>{{ x }}</b>{% endcall %}", {"x": "&"}),
    ("call with args", "{% macro lijst(xs) %}{% for x in xs %}{{ caller(x) }}{% endfor %}{% endmacro %}{% call(item) lijst([1, 2]) %}[{{ item }}]{% endcall %}", {}),
    ("macro in loop", "{% macro li(x) %}<li>{{ x }}</li>{% endmacro %}{% for x in xs %}{{ li(x) }}{% endfor %}", {"xs": ["a", "<b>"]}),
    # --- filter blocks
    ("filter block", "{% filter upper %}hallo {{ x }}{% endfilter %}", {"x": "wereld"}),
    ("filter block chain", "{% filter trim|title %}   hallo wereld   {% endfilter %}", {}),
    # --- include, extends, import
    ("include", {"page.html": "A{% include 'part.html' %}C", "part.html": "B{{ x }}"}, {"x": 1}),
    ("include sees loop", {"page.html": "{% for i in [1, 2] %}{% include 'part.html' %}{% endfor %}", "part.html": "[{{ i }}]"}, {}),
    ("include ignore missing", {"page.html": "A{% include 'nope.html' ignore missing %}B"}, {}),
    ("include list", {"page.html": "{% include ['nope.html', 'part.html'] %}", "part.html": "gevonden"}, {}),
    ("include without context", {"page.html": "{% set x = 1 %}{% include 'part.html' without context %}", "part.html": "{{ y|default('geen') }}"}, {}),
    ("include set does not leak", {"page.html": "{% set x = 1 %}{% include 'part.html' %}{{ x }}", "part.html": "{% set x = 2 %}{{ x }}"}, {}),
    ("extends", {"base.html": "<h1>{% block titel %}Basis{% endblock %}</h1>{% block body %}{% endblock %}",
                 "page.html": "{% extends 'base.html' %}{% block titel %}Pagina{% endblock %}"}, {}),
    ("extends super", {"base.html": "{% block b %}basis{% endblock %}",
                       "page.html": "{% extends 'base.html' %}{% block b %}kind+{{ super() }}{% endblock %}"}, {}),
    ("extends three levels", {"a.html": "[{% block b %}A{% endblock %}]",
                              "b.html": "{% extends 'a.html' %}{% block b %}B{{ super() }}{% endblock %}",
                              "page.html": "{% extends 'b.html' %}{% block b %}C{{ super() }}{% endblock %}"}, {}),
    ("extends ignores outside", {"base.html": "B{% block x %}{% endblock %}",
                                 "page.html": "{% extends 'base.html' %}weg{% block x %}X{% endblock %}weg"}, {}),
    ("extends nested blocks", {"base.html": "{% block outer %}<{% block inner %}i{% endblock %}>{% endblock %}",
                               "page.html": "{% extends 'base.html' %}{% block inner %}I{% endblock %}"}, {}),
    ("extends context", {"base.html": "{% block t %}{% endblock %}", "page.html": "{% extends 'base.html' %}{% block t %}{{ titel }}{% endblock %}"}, {"titel": "T&"}),
    ("extends top-level set", {"base.html": "{% block t %}{% endblock %}", "page.html": "{% extends 'base.html' %}{% set x = 5 %}{% block t %}{{ x }}{% endblock %}"}, {}),
    ("block used twice via self-like loop", {"base.html": "{% for i in [1, 2] %}{% block item %}x{% endblock %}{% endfor %}",
                                            "page.html": "{% extends 'base.html' %}{% block item %}y{% endblock %}"}, {}),
    ("scoped block", {"page.html": "{% for i in [1, 2] %}{% block item scoped %}{{ i }}{% endblock %}{% endfor %}"}, {}),
    ("import", {"page.html": "{% import 'm.html' as m %}{{ m.groet('Ada') }}", "m.html": "{% macro groet(n) %}Hoi {{ n }}{% endmacro %}"}, {}),
    ("from import", {"page.html": "{% from 'm.html' import groet, dag as d %}{{ groet('A') }} {{ d() }}",
                     "m.html": "{% macro groet(n) %}Hoi {{ n }}{% endmacro %}{% macro dag() %}Dag{% endmacro %}"}, {}),
    ("import variable", {"page.html": "{% import 'c.html' as c %}{{ c.kleur }}", "c.html": "{% set kleur = 'rood' %}"}, {}),
    ("include in block", {"base.html": "{% block b %}{% endblock %}", "page.html": "{% extends 'base.html' %}{% block b %}{% include 'p.html' %}{% endblock %}", "p.html": "P{{ v }}"}, {"v": 1}),
    # --- errors (StrictUndefined)
    ("error undefined var", "{{ nope }}", {}),
    ("error undefined attribute", "{{ p.nope }}", {"p": {"a": 1}}),
    ("error undefined in loop", "{% for x in nope %}{% endfor %}", {}),
    ("error undefined arithmetic", "{{ nope + 1 }}", {}),
    ("error unknown filter", "{{ 1|nope }}", {}),
    ("error unknown test", "{{ 1 is nope }}", {}),
    ("error syntax", "{% if %}", {}),
    ("error unclosed", "{% if true %}x", {}),
    ("error endfor mismatch", "{% for x in y %}{% endif %}", {}),
    ("error divide zero", "{{ 1 / 0 }}", {}),
    ("error missing include", {"page.html": "{% include 'nope.html' %}"}, {}),
    ("error compare types", "{{ 1 < 'a' }}", {}),
    ("error macro too many args", "{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}", {}),
    ("error unclosed string", "{{ 'abc }}", {}),
    ("undefined ok in default", "{{ nope|default('ok') }} {{ nope is defined }}", {}),
    ("undefined attribute defined test", "{{ p.nope is defined }} {{ p.a is defined }}", {"p": {"a": 1}}),
    ("error undefined in if", "{% if p.nope %}ja{% else %}nee{% endif %}", {"p": {}}),
    ("lenient undefined in if", "{% if p.nope %}ja{% else %}nee{% endif %}", {"p": {}}, {"lenient": True}),
    # --- more edge cases
    ("upper keeps safe", "{{ ('<b>x</b>'|safe)|upper }} {{ '<b>'|upper }}", {}),
    ("title on safe", "{{ ('<b>een twee</b>'|safe)|title }}", {}),
    ("center on safe", "[{{ ('<i>'|safe)|center(5) }}]", {}),
    ("default on none", "[{{ x|default('d') }}] [{{ x|default('d', true) }}]", {"x": None}),
    ("string of none", "{{ none|string }} {{ true|string }} {{ 1.5|string }}", {}),
    ("length of safe", "{{ ('<b>'|safe)|length }}", {}),
    ("escape concat", "{% set s = '<'|safe %}{{ '<' ~ s }} {{ s ~ '<' }}", {}),
    ("plus with safe", "{{ ('<b>'|safe) + '<i>' }} {{ '<i>' + ('<b>'|safe) }}", {}),
    ("join safe separator", "{{ ['<a>', 'b']|join('<br>'|safe) }}", {}),
    ("macro caller in loop", "{% macro wrap() %}<{{ caller() }}>{% endmacro %}{% for x in [1, 2] %}{% call wrap() %}{{ x }}{% endcall %}{% endfor %}", {}),
    ("nested macro calls", "{% macro a(x) %}a{{ x }}{% endmacro %}{% macro b(x) %}b{{ a(x) }}{% endmacro %}{{ b(1) }}", {}),
    ("macro default uses earlier param", "{% macro m(a, b=a * 2) %}{{ a }},{{ b }}{% endmacro %}{{ m(3) }}", {}),
    ("macro with loop variable", "{% macro m(x) %}{{ x }}{% endmacro %}{% for i in range(3) %}{{ m(loop.index) }}{% endfor %}", {}),
    ("set in if at top", "{% if true %}{% set x = 1 %}{% endif %}{{ x }}", {}),
    ("set after loop", "{% for i in [1] %}{% endfor %}{% set i = 5 %}{{ i }}", {}),
    ("loop variable after loop", "{% set x = 'buiten' %}{% for x in [1, 2] %}{% endfor %}{{ x }}", {}),
    ("include loop object", {"page.html": "{% for i in 'ab' %}{% include 'p.html' %}{% endfor %}", "p.html": "{{ loop.index }}{{ i }}"}, {}),
    ("import with context", {"page.html": "{% set kleur = 'rood' %}{% import 'm.html' as m with context %}{{ m.k() }}", "m.html": "{% macro k() %}{{ kleur }}{% endmacro %}"}, {}),
    ("from import with context", {"page.html": "{% from 'm.html' import k with context %}{{ k() }}", "m.html": "{% macro k() %}{{ x }}{% endmacro %}"}, {"x": 7}),
    ("block in include in extends", {"base.html": "<{% block a %}A{% endblock %}>", "page.html": "{% extends 'base.html' %}{% block a %}{% include 'i.html' %}{% endblock %}", "i.html": "I{{ v }}"}, {"v": 2}),
    ("super in nested block", {"base.html": "{% block o %}[{% block i %}basis{% endblock %}]{% endblock %}", "page.html": "{% extends 'base.html' %}{% block i %}kind {{ super() }}{% endblock %}"}, {}),
    ("super twice", {"base.html": "{% block b %}x{% endblock %}", "page.html": "{% extends 'base.html' %}{% block b %}{{ super() }}{{ super() }}{% endblock %}"}, {}),
    ("extends with variable", {"base.html": "B{% block b %}{% endblock %}", "page.html": "{% extends layout %}{% block b %}!{% endblock %}"}, {"layout": "base.html"}),
    ("text before extends", {"base.html": "B", "page.html": "voor{% extends 'base.html' %}na"}, {}),
    ("macro in child used in block", {"base.html": "{% block b %}{% endblock %}", "page.html": "{% extends 'base.html' %}{% macro m() %}M{% endmacro %}{% block b %}{{ m() }}{% endblock %}"}, {}),
    ("filter with kwargs only", "{{ [3, 1, 2]|sort(reverse=true)|join(d='-') }}", {}),
    ("filter inside test arg", "{{ 3 is in [1, 2, 3]|list }}", {}),
    ("not in precedence", "{{ not 1 in [1] }} {{ not 1 == 2 }}", {}),
    ("negative power", "{{ -2 ** 2 }} {{ (-2) ** 2 }}", {}),
    ("unary minus filter", "{{ -1|abs }} {{ -(1|abs) }}", {}),
    ("conditional without else", "[{{ 'x' if false }}]", {}, {"lenient": True}),
    ("float formatting", "{{ 1/3 }} {{ 2/3 }} {{ 10/4 }} {{ 1e-5 }} {{ 0.0001 }} {{ -0.5 }} {{ 3.0 * 2 }}", {}),
    ("int float equality", "{{ 1 == 1.0 }} {{ 1 in [1.0] }} {{ 2 * 0.5 == 1 }}", {}),
    ("sort mixed case strings", "{{ ['beta', 'Alfa', 'gamma', 'Delta']|sort|join(',') }}", {}),
    ("sort numbers as floats", "{{ [2.5, 1, 3]|sort }}", {}),
    ("dictsort case sensitive", "{{ {'b': 1, 'A': 2, 'a': 3}|dictsort(true) }}", {}),
    ("groupby default", "{% for g in xs|groupby('k', default='geen') %}{{ g.grouper }}:{{ g.list|length }} {% endfor %}", {"xs": [{"k": "a"}, {}, {"k": "a"}]}),
    ("map with default", "{{ xs|map(attribute='k', default='-')|join(',') }}", {"xs": [{"k": "a"}, {}]}),
    ("selectattr dotted", "{{ xs|selectattr('p.ok')|map(attribute='n')|join }}", {"xs": [{"n": "a", "p": {"ok": True}}, {"n": "b", "p": {"ok": False}}]}),
    ("sum of floats", "{{ [0.1, 0.2, 0.3]|sum }}", {}),
    ("round negative precision", "{{ 1234.5|round(-2) }}", {}),
    ("truncate exact", "{{ 'abcde'|truncate(5) }}|{{ 'abc def ghi jkl mno'|truncate(12, leeway=0) }}", {}),
    ("wordcount unicode", "{{ 'één twee-drie, vier_vijf 5'|wordcount }}", {}),
    ("striptags entities", "{{ 'a &lt;b&gt; &amp;&#39;c&#x27; <br/>d'|striptags }}", {}),
    ("first of dict", "{{ {'x': 1, 'y': 2}|first }}", {}),
    ("list slice negative", "{{ [1, 2, 3, 4][-2:] }} {{ [1, 2, 3, 4][1:-1] }} {{ [1, 2, 3][5:] }}", {}),
    ("string index", "{{ 'hallo'[0] }}{{ 'hallo'[-1] }}", {}),
    ("loop over tuple items", "{% for a, b in [(1, 2), (3, 4)] %}{{ a + b }}{% endfor %}", {}),
    ("batch in table", "{% for row in range(5)|batch(2, '&') %}<tr>{% for c in row %}<td>{{ c }}</td>{% endfor %}</tr>{% endfor %}", {}),
    ("whitespace control in loop with text", "{% for x in [1, 2] -%}\n  {{ x }}\n{%- endfor %}", {}),
    ("raw with whitespace control", "a {%- raw %} {{ x }} {% endraw -%} b", {}),
    ("comment multi-line", "a{# regel\nnog een #}b", {}),
    ("tojson in attribute", "<div data-x='{{ d|tojson }}'></div>", {"d": {"a": "it's <x>"}}),
    ("xmlattr with none only", "<a{{ {'x': none}|xmlattr }}>", {}),
    ("dict literal with trailing comma", "{{ {'a': 1,}['a'] }} {{ [1, 2,]|length }}", {}),
    ("chained filters on literal list", "{{ [3, 1, 2]|sort|reverse|list|first }}", {}),
    ("namespace attribute print", "{% set ns = namespace(a=1) %}{{ ns.a }}", {}),
    ("loop length with else", "{% for x in [] %}{{ loop.length }}{% else %}geen{% endfor %}", {}),
    ("error unknown loop attribute", "{% for x in [1] %}{{ loop.nonsense }}{% endfor %}", {}),
    ("error undefined macro argument printed", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m() }}", {}),
    ("error extends twice", {"base.html": "B", "page.html": "{% extends 'base.html' %}{% extends 'base.html' %}"}, {}),
    ("error int overflow safe", "{{ 'x' * 'y' }}", {}),
    ("error unknown statement", "{% frobnicate %}", {}),
    ("error missing endblock name mismatch", "{% block a %}{% endblock b %}", {}),
    ("error duplicate block", "{% block a %}{% endblock %}{% block a %}{% endblock %}", {}),
    ("recursive loop", "<ul>{% for item in tree recursive %}<li>{{ item.naam }}{% if item.kinderen %}<ul>{{ loop(item.kinderen) }}</ul>{% endif %}</li>{% endfor %}</ul>",
     {"tree": [{"naam": "A", "kinderen": [{"naam": "A1 & co", "kinderen": []}, {"naam": "A2", "kinderen": [{"naam": "A2a", "kinderen": []}]}]}, {"naam": "B", "kinderen": []}]}),
    ("recursive loop depth", "{% for item in tree recursive %}{{ loop.depth }}{{ loop.depth0 }}{{ item.n }}{{ loop(item.k) }}{% endfor %}",
     {"tree": [{"n": "a", "k": [{"n": "b", "k": [{"n": "c", "k": []}]}]}]}),
    ("loop changed", "{% for p in mensen|sort(attribute='jaar') %}{% if loop.changed(p.jaar) %}[{{ p.jaar }}]{% endif %}{{ p.naam }} {% endfor %}", PEOPLE),
    ("autoescape block", "{{ x }}{% autoescape false %}{{ x }}{% endautoescape %}{{ x }}", {"x": "<b>"}),
    ("autoescape block in txt", {"page.txt": "{{ x }}{% autoescape true %}{{ x }}{% set y %}{{ x }}{% endset %}{{ y }}{% endautoescape %}"}, {"x": "<b>"}),
    # --- lenient (Jinja2's default Undefined)
    ("lenient undefined prints nothing", "[{{ nope }}]", {}, {"lenient": True}),
    ("lenient undefined attribute", "[{{ p.nope }}]", {"p": {}}, {"lenient": True}),
    ("lenient loop over undefined", "{% for x in nope %}x{% else %}leeg{% endfor %}", {}, {"lenient": True}),
]


def render(templates, context, lenient):
    undefined = jinja2.Undefined if lenient else jinja2.StrictUndefined
    env = jinja2.Environment(
        loader=jinja2.DictLoader(templates),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "svg"], default_for_string=False, default=False),
        undefined=undefined,
    )
    name = "page.html" if "page.html" in templates else next(iter(templates))
    return env.get_template(name).render(**context)


def main():
    cases = []
    for entry in CASES:
        name, templates, context = entry[0], entry[1], entry[2]
        options = entry[3] if len(entry) > 3 else {}
        if isinstance(templates, str):
            templates = {"page.html": templates}
        lenient = options.get("lenient", False)
        case = {"name": name, "templates": templates, "context": context, "lenient": lenient}
        try:
            case["expected"] = render(templates, context, lenient)
        except Exception as error:  # The case documents an error: our engine must report one too.
            case["error"] = type(error).__name__
        cases.append(case)
    names = [c["name"] for c in cases]
    if len(names) != len(set(names)):
        sys.exit("duplicate case names")
    path = os.path.join(HERE, "cases.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"jinja2": jinja2.__version__, "cases": cases}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    errors = sum(1 for c in cases if "error" in c)
    print(f"{len(cases)} cases ({errors} expect an error) written to {os.path.relpath(path)} with Jinja2 {jinja2.__version__}")


if __name__ == "__main__":
    main()
