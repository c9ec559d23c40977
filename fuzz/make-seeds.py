#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/corpus/TARGET/ from what the repository already holds: the CommonMark
and GFM spec examples (Tests/MarkdownTests/Conformance), the example content, the default theme, and a
few hand-written HTTP requests and request paths, and TrueType fonts made from the theme's Noto Sans
(most outlines left out, so a seed stays below 100 KB) and built table by table. Each seed is named by the SHA-1 of its bytes, as
libFuzzer names the inputs it adds. Run it again after the content or theme changed much:

    python3 fuzz/make-seeds.py
"""
import hashlib
import json
import os
import shutil
import struct

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


def sfnt(tables):
    """A TrueType file from {tag: bytes}: table directory sorted by tag, tables 4-byte aligned."""
    tags = sorted(tables)
    out = struct.pack(">IHHHH", 0x00010000, len(tags), 0, 0, 0)
    offset = 12 + 16 * len(tags)
    body = b""
    for tag in tags:
        data = tables[tag]
        out += tag.encode("latin-1") + struct.pack(">III", 0, offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return out + body


def font_tables(path):
    data = read(path)
    count = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(count):
        record = 12 + 16 * i
        offset, length = struct.unpack(">II", data[record + 8:record + 16])
        tables[data[record:record + 4].decode("latin-1")] = data[offset:offset + length]
    return tables


def reduced(tables, keep_glyphs):
    """The font with the outlines of its first keep_glyphs glyphs only (long loca), no hinting."""
    glyph_count = struct.unpack(">H", tables["maxp"][4:6])[0]
    long_loca = struct.unpack(">h", tables["head"][50:52])[0] == 1
    loca = tables["loca"]
    def start(g):
        return struct.unpack(">I", loca[4 * g:4 * g + 4])[0] if long_loca else 2 * struct.unpack(">H", loca[2 * g:2 * g + 2])[0]
    glyf, offsets = b"", []
    for g in range(glyph_count):
        offsets.append(len(glyf))
        if g < keep_glyphs:
            glyf += tables["glyf"][start(g):start(g + 1)]
            glyf += b"\0" * (-len(glyf) % 4)
    offsets.append(len(glyf))
    out = {tag: data for tag, data in tables.items() if tag not in ("fpgm", "prep", "cvt ", "DSIG", "GSUB", "post")}
    out["glyf"] = glyf
    out["loca"] = b"".join(struct.pack(">I", o) for o in offsets)
    out["head"] = tables["head"][:50] + struct.pack(">h", 1) + tables["head"][52:]
    return out


def small_font(extra):
    """A font of 30 glyphs (glyph 1 a composite of glyph 2 and a missing one), 'A'-'Z' -> 1-26."""
    head = bytearray(54)
    head[18:20] = struct.pack(">H", 1000)
    head[50:52] = struct.pack(">h", 1)
    maxp = struct.pack(">IH", 0x5000, 30)
    hhea = bytearray(36)
    hhea[4:8] = struct.pack(">hh", 800, -200)
    hhea[34:36] = struct.pack(">H", 2)
    hmtx = struct.pack(">HhHh", 500, 10, 600, 20) + struct.pack(">h", 5) * 28
    square = struct.pack(">hhhhh", 1, 0, 0, 100, 100) + struct.pack(">HH", 3, 2) + b"\x05\x00" \
        + bytes([0x01, 0x33, 0x27, 0x05]) + bytes([0, 100, 100, 100]) + bytes([0, 0])
    composite = struct.pack(">hhhhh", -1, 0, 0, 100, 100) + struct.pack(">HHbb", 0x0020 | 0x0100, 2, 0, 0) \
        + struct.pack(">HHbb", 0x0001, 60000, 0, 0)[:4] + struct.pack(">hh", 0, 0) + struct.pack(">H", 1) + b"\0"
    glyphs = {1: composite, 2: square}
    glyf, loca = b"", b""
    for g in range(31):
        loca += struct.pack(">I", len(glyf))
        if g < 30:
            glyf += glyphs.get(g, b"")
            glyf += b"\0" * (-len(glyf) % 4)
    segments = [(0x41, 0x5A, (1 - 0x41) & 0xFFFF), (0xFFFF, 0xFFFF, 1)]
    sub = struct.pack(">HHHHHHH", 4, 16 + 8 * len(segments), 0, 2 * len(segments), 2, 0, 2)
    sub += b"".join(struct.pack(">H", s[1]) for s in segments) + b"\0\0"
    sub += b"".join(struct.pack(">H", s[0]) for s in segments)
    sub += b"".join(struct.pack(">H", s[2]) for s in segments) + b"\0\0" * len(segments)
    group12 = struct.pack(">HHIII", 12, 0, 16 + 12 * 2, 0, 2) + struct.pack(">III", 0x41, 0x5A, 1) \
        + struct.pack(">III", 0x1F600, 0x1F600, 27)
    cmap = struct.pack(">HHHHI", 0, 2, 3, 1, 20) + struct.pack(">HHI", 3, 10, 20 + len(sub)) + sub + group12
    name_text = "Proef".encode("utf-16-be")
    name = struct.pack(">HHH", 0, 2, 6 + 24) + struct.pack(">HHHHHH", 3, 1, 0x409, 1, len(name_text), 0) \
        + struct.pack(">HHHHHH", 3, 1, 0x409, 6, len(name_text), 0) + name_text
    tables = {"head": bytes(head), "maxp": maxp, "hhea": bytes(hhea), "hmtx": hmtx, "glyf": glyf, "loca": loca,
              "cmap": cmap, "name": name}
    tables.update(extra)
    return sfnt(tables)


def font_seeds():
    seeds = set()
    noto = font_tables("themes/default/fonts/NotoSans-Regular.ttf")
    seeds.add(sfnt(reduced(noto, 300)))
    without_gpos = reduced(noto, 120)
    del without_gpos["GPOS"], without_gpos["GDEF"]
    seeds.add(sfnt(without_gpos))
    # kern table, format 0: A-V, T-o (glyphs 1, 22 and 20, 15).
    pairs = [(1, 22, -80), (20, 15, -60)]
    kern = struct.pack(">HH", 0, 1) + struct.pack(">HHHHHHH", 0, 14 + 6 * len(pairs), 1, len(pairs), 6, 1, 0)
    kern += b"".join(struct.pack(">HHh", a, b, v) for a, b, v in pairs)
    seeds.add(small_font({"kern": kern}))
    # GPOS: a kern feature with one lookup of a format-1 and a format-2 pair subtable.
    script_list = struct.pack(">H4sH", 1, b"latn", 8) + struct.pack(">HH", 4, 0) + struct.pack(">HHHH", 0, 0xFFFF, 1, 0)
    feature_list = struct.pack(">H4sH", 1, b"kern", 8) + struct.pack(">HHH", 0, 1, 0)
    pair1 = struct.pack(">HHHHH", 1, 12, 4, 0, 1) + struct.pack(">H", 18) + struct.pack(">HHH", 1, 1, 1) \
        + struct.pack(">H", 1) + struct.pack(">Hh", 22, -80)
    pair2 = struct.pack(">HHHHHHHH", 2, 24, 4, 0, 34, 44, 2, 2) + struct.pack(">hhhh", 0, 0, 0, -40) \
        + struct.pack(">HHHHH", 2, 1, 20, 20, 0) + struct.pack(">HHHHH", 2, 1, 20, 20, 1) \
        + struct.pack(">HHHHH", 2, 1, 15, 15, 1)
    lookup = struct.pack(">HHH", 2, 0, 2) + struct.pack(">HH", 10, 10 + len(pair1)) + pair1 + pair2
    lookup_list = struct.pack(">HH", 1, 4) + lookup
    base = 10
    gpos = struct.pack(">IHHH", 0x00010000, base, base + len(script_list), base + len(script_list) + len(feature_list))
    gpos += script_list + feature_list + lookup_list
    seeds.add(small_font({"GPOS": gpos}))
    seeds.add(small_font({}))
    return seeds


def main():
    seeds = {name: set() for name in ["markdown", "yaml", "frontmatter", "csv", "templates", "http", "font"]}

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

    seeds["font"] = font_seeds()

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
