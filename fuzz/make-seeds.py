#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/corpus/TARGET/ from what the repository already holds: the CommonMark
and GFM spec examples (Tests/MarkdownTests/Conformance), the example content, the default theme, and a
few hand-written HTTP requests and request paths. Each seed is named by the SHA-1 of its bytes, as
libFuzzer names the inputs it adds. Run it again after the content or theme changed much:

    python3 fuzz/make-seeds.py
"""
import hashlib
import json
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")
SEPARATOR = b"\n=====\n"  # between the files of one csv input (see fuzz/harnesses/csv.swift)

# Content types in the order of ContentType.allCases without finance (the frontmatter selector byte).
TYPES = ["themes", "best-practices", "insights", "activities", "results", "alliances", "publications",
         "people", "wij-school", "pages"]


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def files(folder, suffix):
    for base, _, names in sorted(os.walk(os.path.join(ROOT, folder))):
        for name in sorted(names):
            if name.endswith(suffix):
                yield os.path.relpath(os.path.join(base, name), ROOT)


def front_matter(text):
    if not text.startswith(b"---\n"):
        return None
    end = text.find(b"\n---", 4)
    return text[4:end + 1] if end > 0 else None


def main():
    seeds = {name: set() for name in ["markdown", "yaml", "frontmatter", "csv", "templates", "http"]}

    # Markdown: flags byte 1 = GFM, 2 = footnotes, 4 = smart punctuation, 8 = heading ids, 16 = safe.
    conformance = "Tests/MarkdownTests/Conformance/"
    commonmark = json.loads(read(conformance + "commonmark-0.31.2.json"))
    seen = set()
    for example in commonmark:
        text = example["markdown"].encode()
        seen.add(text)
        seeds["markdown"].add(b"\x00" + text)
    for example in json.loads(read(conformance + "gfm-0.29.json")):
        text = example["markdown"].encode()
        if text not in seen:
            seeds["markdown"].add(b"\x03" + text)
    for example in json.loads(read(conformance + "gfm-extensions.json")):
        seeds["markdown"].add(b"\x1f" + example["markdown"].encode())
    for path in files("content", ".md"):
        text = read(path)
        seeds["markdown"].add(b"\x0b" + text)
        kind = path.split("/")[1]
        if kind in TYPES:
            seeds["frontmatter"].add(bytes([TYPES.index(kind)]) + text)
        matter = front_matter(text)
        if matter:
            seeds["yaml"].add(matter)
    for path in files("content", ".yml"):
        text = read(path)
        seeds["yaml"].add(text)
        kind = path.split("/")[1]
        if path == "content/site.yml":
            seeds["frontmatter"].add(b"\xff" + text)
        elif kind in TYPES:
            seeds["frontmatter"].add(bytes([TYPES.index(kind)]) + text)

    # CSV: finance.yml, then the two tables; each table alone too.
    for folder in sorted(os.listdir(os.path.join(ROOT, "content/finance"))):
        base = "content/finance/" + folder + "/"
        yml = read(base + "finance.yml")
        income, distribution = read(base + "baten-en-lasten.csv"), read(base + "verdeling-lasten.csv")
        seeds["csv"].add(yml + SEPARATOR + income + SEPARATOR + distribution)
        seeds["csv"].add(income)
        seeds["csv"].add(distribution)
    seeds["csv"].add(b"Omschrijving;Bedrag\nSubsidie;\xe2\x82\xac 1.234,56\nGiften;(2.500)\nRente;0,00000000000000000001\n")
    seeds["csv"].add(b'naam,bedrag\n"a ""b""",-12\n"regel\neen",25,-\n')

    # Templates: flags byte 0 = an HTML template (autoescaped), 1 = text.
    for path in files("themes/default/templates", ".html"):
        seeds["templates"].add(b"\x00" + read(path))
    for text in [
        b"{% extends 'base.html' %}{% block title %}{{ page.title | upper }}{% endblock %}",
        b"{% from 'macros.html' import card %}{% call card(page.title, 2) %}x{% endcall %}",
        b"{% for i in items | groupby('year') %}{{ i.grouper }}:{{ i.list | map(attribute='name') | join(', ') }}{% endfor %}",
        b"{{ page.amount | euro }} {{ page.date | date('%A %-d %B %Y') }} {{ '7' | int(0, 8) }} {{ numbers | sum }}",
        b"{{ text | truncate(10) }} {{ page.tags[1:] }} {{ '%05.1f' | format(page.share) }} {% include 'part.html' %}",
        # Extreme arguments, as the probes that found the traps of docs/reliability.md used them.
        b"{{ 0.5 | round(1e308) }}{{ [1] | batch(9223372036854775807) }}{{ 'x' | center(-1) }}{{ [1] | tojson(-1) }}",
        b"{{ 'abc' | truncate(9223372036854775807) }}{{ page.amount ** -9223372036854775807 }}{{ 1e400 | euro }}",
        b"{{ 1 | number(38) }}{{ '2020-02-29' | date('%A %-d %B') }}{{ 'a b' | readingtime(9223372036854775807) }}",
        b"{{ -1e300 | filesizeformat }}{{ (-9223372036854775807 - 1) | abs }}{{ 'abc'[::-9223372036854775807] }}",
        b"{% macro m(n) %}{{ n }}{% if n > 0 %}{{ m(n - 1) }}{% endif %}{% endmacro %}{% set ns = namespace(f=m) %}{{ ns.f(3) }}",
    ]:
        seeds["templates"].add(b"\x00" + text)
        seeds["templates"].add(b"\x01" + text)

    # HTTP: flags byte 0 = a raw request, 1 = a bare request path.
    requests = [
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
        b"GET /thema/wonen/?x=1 HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\nAccept: text/html\r\n\r\n",
        b"HEAD /zoeken/index.json HTTP/1.0\r\n\r\n",
        b"GET http://localhost:8080/css/main.css HTTP/1.1\r\nHost: localhost:8080\r\nIf-None-Match: \"abc\"\r\n\r\n",
        b"GET /__breingen/events HTTP/1.1\r\nHost: [::1]:8080\r\nAccept: text/event-stream\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
        b"\r\nGET /a HTTP/1.1\nHost: a\n\n",
        b"GET /..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\nHost: a\r\n\r\n",
    ]
    paths = [b"/", b"/thema/wonen/", b"/a/./b/../c", b"/..%2F%CC%81x", b"/%2e%2e/", b"/%2E./x", b"/.%2e/x",
             b"/%252e%252e/", b"/%c0%ae%c0%ae/", b"/a\\..\\b", b"/%5c..%5cb", b"/x/%E2%80%8D/y", b"/caf%C3%A9/",
             b"/%F0%9F%91%A9%E2%80%8D%F0%9F%92%BB", b"/a%00b", b"//double//slash//", b"/%ef%bc%8e%ef%bc%8e/"]
    for request in requests:
        seeds["http"].add(b"\x00" + request)
    for path in paths:
        seeds["http"].add(b"\x01" + path)

    for target, inputs in seeds.items():
        folder = os.path.join(CORPUS, target)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        for data in inputs:
            with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
                f.write(data)
        print(f"{target}: {len(inputs)} seeds")


if __name__ == "__main__":
    main()
