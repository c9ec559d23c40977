#!/usr/bin/env python3
"""Generates the synthetic benchmark site: N best practices in breingen's layout and the same pages as a
Hugo site, so both tools build the same content in the same run.

Usage: generate.py N OUTDIR [--seed=S] [--vocabulary=DIR]

--vocabulary=DIR draws the bodies' words from the text files in DIR (the seed documents) by their
natural frequency, the 6,000 most frequent words, instead of the small built-in list: a realistic
vocabulary for the search benchmark (bench/search/run.sh).

Writes:
  OUTDIR/breingen/content/site.yml             title, baseURL, language only
  OUTDIR/breingen/content/themes/<slug>.md      five themes, `title` only
  OUTDIR/breingen/content/best-practices/*.md   N best practices, ~7 KB of Dutch-looking Markdown each
  OUTDIR/breingen/content/reports/YEAR/         annual reports of REPORT_YEARS (a foreword and the generated
                                                themes chapter, which lists every practice up to that year)
  OUTDIR/breingen/themes/default/               a copy of the repository's default theme (when present)
  OUTDIR/hugo/                                  the same pages for Hugo, with a minimal theme in layouts/

The output is deterministic: the same N and seed give byte-identical files.
"""
import os
import random
import shutil
import sys

THEMES = [
    ("sociale-huisvesting", "Sociale huisvesting"),
    ("onderwijs", "Onderwijs"),
    ("tolerantie", "Stimuleren van tolerantie bij kinderen"),
    ("inzichtenplatform", "Inzichtenplatform"),
    ("overige-verbindingen", "Overige verbindingen"),
]

PLACES = [
    "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere",
    "Breda", "Nijmegen", "Arnhem", "Haarlem", "Enschede", "Zwolle", "Leeuwarden", "Maastricht",
    "Leiden", "Delft", "Dordrecht", "Zoetermeer", "Amersfoort", "Apeldoorn", "Deventer", "Venlo",
    "Heerlen", "Alkmaar", "Emmen", "Helmond", "Oss", "Middelburg",
]

TAGS = [
    "armoede", "schulden", "jongeren", "ouderen", "dakloosheid", "wonen", "werk", "scholing",
    "taal", "inclusie", "participatie", "buurt", "vrijwilligers", "zorg", "preventie", "gezondheid",
    "statushouders", "mentoren", "stages", "ondernemers", "fondsen", "gemeente", "corporaties",
    "onderzoek", "kinderrechten", "pesten", "diversiteit", "sport", "cultuur", "techniek",
    "duurzaamheid", "energie", "digitalisering", "eenzaamheid", "mantelzorg", "veiligheid",
    "laaggeletterdheid", "financiering", "netwerk", "opschaling",
]

WORDS = (
    "de het een en van in op voor met aan door bij naar over onder tussen samen wij zij ons hun "
    "gemeente wijk buurt school leerling docent ouder kind jongere bewoner huurder corporatie woning "
    "woningen huisvesting onderwijs tolerantie partner partners alliantie samenwerking netwerk fonds "
    "bedrijf bedrijven overheid ministerie maatschappelijk maatschappelijke organisatie stichting "
    "vrijwilliger vrijwilligers begeleiding ondersteuning coaching mentor traject aanpak methode "
    "resultaat resultaten effect impact opbrengst investering kosten baten besparing waarde "
    "kansen kansengelijkheid armoede schulden werk baan stage opleiding diploma taal les klas "
    "groep gesprek bijeenkomst workshop training programma project initiatief proef pilot "
    "ervaring inzicht inzichten kennis lessen succesfactor succesvoorwaarde belemmering uitdaging "
    "gezamenlijk lokaal landelijk regionaal duurzaam structureel tijdelijk nieuw bestaand sterk "
    "belangrijk zichtbaar betaalbaar veilig gezond eerlijk open actief betrokken zelfstandig "
    "werken leren wonen delen ruilen creëren bouwen verbinden versterken meten evalueren borgen "
    "opschalen ontwikkelen verbeteren starten stoppen helpen zorgen bieden vinden maken kiezen "
    "jaar jaren maand week dag moment periode fase stap doel doelen doelgroep middel middelen "
    "vraag antwoord probleem oplossing verandering beleid regels ruimte plek plaats omgeving "
    "veel weinig meer minder elke iedere alle goede betere eerste tweede derde laatste volgende "
    "ook nog al wel niet vaak soms altijd steeds direct snel langzaam graag zeker daarom omdat "
    "financiële sociale culturele technische praktische positieve concrete heldere vaste echte "
    "coöperatie café reïntegratie geëvalueerd geïnvesteerd ideeën één twee drie vier vijf"
).split()

HEADINGS = [
    "Aanpak", "Werkwijze", "Succesfactoren", "Resultaten", "Lessen", "Doelgroep", "Samenwerking",
    "Financiering", "Opschaling", "Belemmeringen", "Meten van effect", "Volgende stappen",
    "Achtergrond", "Betrokken partijen", "Werkzame mechanismen", "Borging",
]

NAME_PARTS_A = [
    "Samen", "Wijk", "Buurt", "Kans", "Stad", "Jong", "Thuis", "Sterk", "Open", "Groen", "Leer",
    "Werk", "Huis", "Brug", "Start", "Toekomst", "Talent", "Droom", "Maat", "Zorg",
]
NAME_PARTS_B = [
    "plein", "kracht", "huis", "werk", "lab", "punt", "netwerk", "school", "plaats", "deal", "kompas",
    "loket", "kring", "sprong", "pad", "haven", "coalitie", "fabriek", "team", "route",
]


def slugify(text):
    table = str.maketrans("áàäâéèëêíìïîóòöôúùüûç", "aaaaeeeeiiiioooouuuuc")
    out = []
    for ch in text.lower().translate(table):
        if ch.isalnum() and ch.isascii():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


# Set by --vocabulary: (words, cumulative weights) to draw from by frequency.
VOCABULARY = None


def load_vocabulary(folder, size=6000):
    import collections
    import re
    counts = collections.Counter()
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for word in re.findall(r"[a-zà-ÿ]+", f.read().lower()):
                if len(word) > 1:
                    counts[word] += 1
    common = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
    words, cumulative, total = [], [], 0
    for word, count in common:
        total += count
        words.append(word)
        cumulative.append(total)
    return words, cumulative


def pick_words(rng, count):
    if VOCABULARY is None:
        return [rng.choice(WORDS) for _ in range(count)]
    return rng.choices(VOCABULARY[0], cum_weights=VOCABULARY[1], k=count)


def sentence(rng, lo=8, hi=18):
    words = pick_words(rng, rng.randint(lo, hi))
    words[0] = words[0][0].upper() + words[0][1:]
    # Sprinkle inline emphasis so the Markdown engine has some inline work to do.
    roll = rng.random()
    if roll < 0.15:
        i = rng.randrange(1, len(words))
        words[i] = "*" + words[i] + "*"
    elif roll < 0.25:
        i = rng.randrange(1, len(words))
        words[i] = "**" + words[i] + "**"
    elif roll < 0.30:
        i = rng.randrange(1, len(words))
        words[i] = "`" + words[i] + "`"
    return " ".join(words) + rng.choice([".", ".", ".", "!", "?"])


def paragraph(rng, link_target):
    parts = [sentence(rng) for _ in range(rng.randint(3, 6))]
    if rng.random() < 0.35:
        text, url = link_target(rng)
        parts.insert(rng.randrange(len(parts)), "Zie ook [%s](%s)." % (text, url))
    if rng.random() < 0.15:
        parts.append("Meer op [de website](https://www.voorbeeld.nl/%s)." % rng.choice(WORDS))
    return " ".join(parts)


def table(rng):
    rows = ["| Partij | Investering | Baten |", "| --- | ---: | --- |"]
    for _ in range(rng.randint(3, 6)):
        party = rng.choice(["Gemeente", "Corporatie", "Fonds", "Bedrijf", "Ministerie", "School"])
        amount = "€ %d.%03d" % (rng.randint(5, 400), rng.randint(0, 999))
        rows.append("| %s | %s | %s |" % (party, amount, sentence(rng, 3, 6)))
    return "\n".join(rows)


def body(rng, link_target, target_bytes=7000):
    out = []
    size = 0
    first = True
    while size < target_bytes:
        if first:
            block = paragraph(rng, link_target)
            first = False
        else:
            kind = rng.random()
            if kind < 0.22:
                block = "## " + rng.choice(HEADINGS)
            elif kind < 0.30:
                block = "### " + rng.choice(HEADINGS)
            elif kind < 0.42:
                marker = rng.choice(["-", "*", "1."])
                items = []
                for n in range(rng.randint(3, 6)):
                    m = "%d." % (n + 1) if marker == "1." else marker
                    items.append("%s %s" % (m, sentence(rng, 4, 10)))
                block = "\n".join(items)
            elif kind < 0.45:
                block = "> " + sentence(rng)
            elif kind < 0.48 and rng.random() < 0.5:
                block = table(rng)
            else:
                block = paragraph(rng, link_target)
        out.append(block)
        size += len(block.encode("utf-8")) + 2
    return "\n\n".join(out) + "\n"


def make_items(n, rng):
    items = []
    used = set()
    for i in range(n):
        name = "%s%s %s" % (rng.choice(NAME_PARTS_A), rng.choice(NAME_PARTS_B), rng.choice(PLACES))
        slug = slugify(name)
        if slug in used:
            slug = "%s-%d" % (slug, i)
        used.add(slug)
        year = rng.randint(2012, 2024)
        date = "%04d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28))
        themes = sorted(rng.sample([t[0] for t in THEMES], rng.choice([1, 1, 1, 2])))
        tags = sorted(rng.sample(TAGS, rng.randint(2, 5)))
        places = sorted(rng.sample(PLACES, rng.choice([1, 1, 2, 3])))
        status = "gestopt" if rng.random() < 0.2 else "actief"
        stopped = None
        if status == "gestopt":
            stopped = "%04d-%02d-%02d" % (min(year + rng.randint(1, 4), 2025), rng.randint(1, 12), rng.randint(1, 28))
        items.append(dict(title=name, slug=slug, date=date, themes=themes, tags=tags, places=places,
                          status=status, stopped=stopped))
    return items


def yaml_list(values):
    return "[" + ", ".join(quote(v) for v in values) + "]"


def quote(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(item):
    lines = ["---",
             "title: " + quote(item["title"]),
             "date: " + item["date"],
             "themes: " + yaml_list(item["themes"]),
             "tags: " + yaml_list(item["tags"]),
             "places: " + yaml_list(item["places"]),
             "status: " + item["status"]]
    if item["stopped"]:
        lines.append("stopped: " + item["stopped"])
    lines.append("---")
    return "\n".join(lines) + "\n\n"


# The years with an annual report in the breingen site: the site build renders each as HTML and PDF.
REPORT_YEARS = [2023, 2024]


def report_files(year):
    definition = """year: %d
title: Jaarverslag %d
subtitle: Het Maatschappelijk Brein (benchmark)
cover:
  - Den Haag, %d
foreword:
  file: voorwoord.md
  author: De directeur
chapters:
  - generated: themes
""" % (year, year, year + 1)
    foreword = """---
title: Voorwoord
---

Een jaar van samenwerken aan de thema's van het netwerk. Dit verslag noemt per thema de best practices
die tot en met %d in de inzichtenbank staan.
""" % year
    return {"report.yml": definition, "voorwoord.md": foreword}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><ul>{{ range .Site.Taxonomies.themes }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}</ul></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2 January 2006" }} · {{ .Params.status }}</p>
<ul>{{ range .GetTerms "themes" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<ul>{{ range .GetTerms "places" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}<p>{{ .Summary }}</p></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
    "_default/term.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ul>{{ range first 10 (where .Site.RegularPages "Section" "best-practices") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}


def main(argv):
    global VOCABULARY
    args = [a for a in argv[1:] if not a.startswith("--seed") and not a.startswith("--vocabulary")]
    seed = 20201231
    for a in argv[1:]:
        if a.startswith("--seed="):
            seed = int(a.split("=", 1)[1])
        if a.startswith("--vocabulary="):
            VOCABULARY = load_vocabulary(a.split("=", 1)[1])
    if len(args) != 2 or not args[0].isdigit():
        print("gebruik: generate.py N UITVOERMAP [--seed=S] [--vocabulary=MAP]", file=sys.stderr)
        return 2
    n, outdir = int(args[0]), args[1]
    rng = random.Random(seed)
    items = make_items(n, rng)
    slugs = [it["slug"] for it in items]

    breingen = os.path.join(outdir, "breingen")
    hugo = os.path.join(outdir, "hugo")
    for d in (breingen, hugo):
        if os.path.exists(d):
            shutil.rmtree(d)

    write(os.path.join(breingen, "content/site.yml"),
          "title: Het Maatschappelijk Brein (benchmark)\nbaseURL: https://bench.example.org/\nlanguage: nl\n")
    write(os.path.join(hugo, "config.yaml"),
          "title: Het Maatschappelijk Brein (benchmark)\nbaseURL: https://bench.example.org/\n"
          "languageCode: nl\ndisableKinds: []\npaginate: 20\n"
          "taxonomies:\n  theme: themes\n  tag: tags\n  place: places\n")
    for slug, title in THEMES:
        write(os.path.join(breingen, "content/themes/%s.md" % slug), "---\ntitle: %s\n---\n" % quote(title))
        write(os.path.join(hugo, "content/themes/%s/_index.md" % slug), "---\ntitle: %s\n---\n" % quote(title))
    write(os.path.join(hugo, "content/best-practices/_index.md"), "---\ntitle: Best practices\n---\n")

    for item in items:
        # One RNG stream per page, derived from the seed and the slug, so the two sites get the same
        # text and a page's text does not depend on N.
        page_rng = random.Random("%d/%s" % (seed, item["slug"]))
        picks = []

        def link_target(r):
            other = slugs[r.randrange(len(slugs))]
            picks.append(other)
            return (other.replace("-", " "), "\0%d\0" % (len(picks) - 1))

        text = body(page_rng, link_target)
        fm = front_matter(item)
        b_text, h_text = text, text
        for i, other in enumerate(picks):
            token = "\0%d\0" % i
            b_text = b_text.replace(token, "../best-practices/%s.md" % other, 1)
            h_text = h_text.replace(token, "/best-practices/%s/" % other, 1)
        write(os.path.join(breingen, "content/best-practices/%s.md" % item["slug"]), fm + b_text)
        write(os.path.join(hugo, "content/best-practices/%s.md" % item["slug"]), fm + h_text)

    for year in REPORT_YEARS:
        for name, text in report_files(year).items():
            write(os.path.join(breingen, "content/reports/%d/%s" % (year, name)), text)

    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(hugo, "layouts", name), text)

    theme = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "themes", "default")
    if os.path.isdir(theme):
        shutil.copytree(theme, os.path.join(breingen, "themes", "default"))
    print("%d best practices in %s (breingen/ en hugo/)" % (n, outdir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
