"""The documents of the YAML compatibility suite: the kinds of YAML our editors write.

Each case is (name, text). The names group them: fm- front matter, site- site configuration, data- data
files, nl- Dutch text, q- quoting, blk- block scalars, flow- flow collections, c- comments, t- scalar types,
err- documents both PyYAML and we reject, dev- documented deviations.
"""

CASES = [
    # ---- Front matter -------------------------------------------------------------------------------
    ("fm-basic", """\
title: Housing First in Amsterdam
date: 2020-09-23
draft: false
tags: [wonen, dakloosheid]
"""),
    ("fm-best-practice", """\
title: Een thuis voor iedereen
date: 2020-03-12
themes:
  - wonen
  - armoede
tags:
  - housing first
  - zorg
places: [Amsterdam, Utrecht, Den Haag]
status: actief
"""),
    ("fm-gestopt", """\
title: Buurtschool De Regenboog
date: 2018-05-01
status: gestopt
stopped: 2020-06-30
themes: [onderwijs]
"""),
    ("fm-title-colon-quoted", 'title: "Wonen: eerst een huis, dan de rest"\nslug: wonen-eerst\n'),
    ("fm-title-apostrophe", "title: 'Het ''Housing First''-model'\n"),
    ("fm-diacritics", "title: Coöperatie één café naïef\nsummary: Ruimte voor reünie en ideeën\n"),
    ("fm-summary-folded", """\
title: Samen leren
summary: >
  Scholen in de wijk werken samen
  met ouders en buurtbewoners.
draft: true
"""),
    ("fm-body-literal", """\
title: Adres
address: |
  Stichting de Maatschappelijke Alliantie
  Postbus 123
  1000 AB Amsterdam
"""),
    ("fm-empty-values", "title: Leeg\nauthor:\ntags: []\nextra: {}\n"),
    ("fm-visibility", "title: Interne scan\nvisibility: internal\ndraft: false\n"),
    ("fm-weight", "title: Eerste\nweight: -10\norder: 3\n"),
    ("fm-budget", "title: Begroting\nbudget: 1234.56\nsubsidy: 240000\n"),
    ("fm-datetime", "title: Bijeenkomst\ndate: 2020-09-23T14:30:00\n"),
    ("fm-datetime-z", "date: 2020-09-23T12:30:00Z\n"),
    ("fm-datetime-offset", "date: 2020-09-23T14:30:00+02:00\n"),
    ("fm-datetime-space", "date: 2020-09-23 14:30:00\n"),
    ("fm-datetime-fraction", "date: 2001-12-14t21:59:43.10-05:00\n"),
    ("fm-date-quoted", 'date: "2020-09-23"\nyear: "2020"\n'),
    ("fm-aliases-paths", "aliases:\n  - /oud/pad/\n  - /nog-ouder/\n"),
    ("fm-url", "link: https://www.example.org/pad?x=1&y=2#deel\n"),
    ("fm-comment-lines", "# Een best practice\ntitle: Buurtkracht\n# datum volgt\ndate: 2020-01-15\n"),
    ("fm-trailing-comment", "title: Buurtkracht   # werktitel\ndraft: true # nog niet af\n"),
    ("fm-hash-in-value", "kleur: rood#1\nkanaal: '#onderwijs'\n"),
    ("fm-email", "contact: info@maatschappelijkealliantie.nl\n"),
    ("fm-persons", """\
people:
  - name: Jan de Vries
    role: voorzitter
    from: 2016-01-01
  - name: Fatima el Amrani
    role: penningmeester
    from: 2019-06-01
    until: 2020-12-31
"""),
    ("fm-nested-seo", """\
title: Over ons
seo:
  title: Over de Maatschappelijke Alliantie
  description: Wie we zijn en wat we doen
  noindex: false
"""),
    ("fm-multiline-plain", """\
summary: Dit is een lange samenvatting
  die over meerdere regels
  doorloopt.
title: Lang
"""),
    ("fm-crlf", "title: Windows\r\ndate: 2020-02-02\r\ntags:\r\n  - a\r\n  - b\r\n"),
    ("fm-bom", "\ufefftitle: Met BOM\ndraft: false\n"),
    ("fm-explicit-start", "---\ntitle: Met start\n"),
    ("fm-explicit-end", "title: Met einde\n...\n"),
    ("fm-assessment", """\
title: Taalmaatjes
assessment:
  doelmatigheid: 4
  doeltreffendheid: 3
  overdraagbaarheid: 5
  duurzaamheid: 4
  plus: Sterke betrokkenheid van vrijwilligers
"""),
    ("fm-cost-benefit", """\
costBenefit:
  - post: Personeel
    kosten: 45000.00
    baten: 0
  - post: Besparing zorg
    kosten: 0
    baten: 120000.50
"""),

    # ---- Site configuration -------------------------------------------------------------------------
    ("site-basic", """\
title: Het Maatschappelijk Brein
baseURL: https://www.hetmaatschappelijkbrein.nl/
language: nl
organisation:
  name: Stichting de Maatschappelijke Alliantie
  city: Amsterdam
  kvk: "34567890"
"""),
    ("site-menus", """\
menus:
  main:
    - title: Thema's
      url: /themas/
      weight: 1
    - title: Best practices
      url: /best-practices/
      weight: 2
  footer:
    - title: Contact
      url: /contact/
"""),
    ("site-targets", """\
targets:
  objectivesMinimum: 0.80
  managementMaximum: 0.07
  resultGoal: 95677
"""),
    ("site-params-bools", "params:\n  search: yes\n  comments: no\n  darkMode: off\n  feeds: on\n"),
    ("site-social", "social:\n  twitter: \"@maatschappelijk\"\n  linkedin: https://www.linkedin.com/company/x\n"),
    ("site-indentless", "languages:\n- nl\n- en\ndefault: nl\n"),
    ("site-four-levels", """\
a:
  b:
    c:
      d: diep
    e: [1, 2]
  f: ondiep
"""),
    ("site-pyramid", """\
pyramid:
  levels:
    - code: 1
      name: Basis
    - code: 2
      name: Groei
    - code: 3
      name: Excellent
"""),

    # ---- Data files ---------------------------------------------------------------------------------
    ("data-people", """\
- name: A. Jansen
  body: bestuur
  roles:
    - role: lid
      from: 2015-03-01
    - role: voorzitter
      from: 2018-01-01
- name: B. de Boer
  body: raad van advies
  roles:
    - {role: lid, from: 2020-01-01}
"""),
    ("data-numbers", "- 1\n- -2\n- 3.5\n- -0.25\n- 100.00\n- +7\n"),
    ("data-matrix", "- [1, 2, 3]\n- [4, 5, 6]\n"),
    ("data-flow-maps", "- {naam: Noord, jaar: 2020}\n- {naam: Zuid, jaar: 2019}\n"),
    ("data-empty-items", "-\n- a\n-\n"),
    ("data-nested-seq", "- - a\n  - b\n- - c\n"),
    ("data-seq-of-seq-block", "-\n  - x\n  - y\n-\n  - z\n"),
    ("data-schools", """\
schools:
  - name: OBS De Linde
    city: Zwolle
    scans:
      - phase: 1
        date: 2019-10-01
        level: 2
      - phase: 2
        date: 2020-06-15
        level: 3
"""),
    ("data-mapping-in-seq-compact", "- a: 1\n  b: 2\n- c: 3\n"),
    ("data-top-seq-indented", "  - een\n  - twee\n"),
    ("data-keys-numeric", "2019: vorig jaar\n2020: dit jaar\n"),
    ("data-key-bool", "true: ja\nfalse: nee\n"),
    ("data-key-date", "2020-01-01: nieuwjaar\n"),
    ("data-scalar-root", "gewoon tekst\n"),
    ("data-int-root", "42\n"),
    ("data-year-results", """\
results:
  2019:
    bereikt: 12
    doel: 10
  2020:
    bereikt: 15
    doel: 14
"""),

    # ---- Dutch text ---------------------------------------------------------------------------------
    ("nl-typographic-quotes", "citaat: „Samen sterk”, zei ze.\nenkel: ‘zo’\n"),
    ("nl-euro-string", "bedrag: € 1.234,56\nnegatief: (2.500)\n"),
    ("nl-ij-umlauts", "woorden: [ijs, België, reünie, café, coördinatie]\n"),
    ("nl-emoji", "groet: Goedemorgen 🙂\n"),
    ("nl-dash-inside", "titel: Jeugd - en jongerenwerk\n"),
    ("nl-apostrophe-plain", "titel: Thema's en project's\n"),
    ("nl-quote-inside-plain", "titel: Hij zei 'ja' en \"nee\"\n"),
    ("nl-question-mark", "vraag: Wat werkt? En waarom?\n"),
    ("nl-long-folded", """\
tekst: >
  De Maatschappelijke Alliantie verbindt
  organisaties die samen werken aan
  een inclusieve samenleving.

  Elk jaar verschijnt een jaarverslag.
"""),
    ("nl-percent-mid", "aandeel: 80% naar doelen\n"),
    ("nl-ampersand-mid", "naam: Wonen & Welzijn\n"),
    ("nl-star-mid", "noot: zie *bijlage*\n"),

    # ---- Quoting ------------------------------------------------------------------------------------
    ("q-double-escapes", r'''a: "regel 1\nregel 2\ttab \"citaat\" \\ slash\/"
b: "\u00e9\x41\U0001F600"
c: "bel\a esc\e nul\0 nbsp\_ nel\N"
'''),
    ("q-double-escaped-break", 'a: "een lange \\\n  regel"\n'),
    ("q-single-fold", "a: 'eerste\n  tweede\n\n  derde'\n"),
    ("q-double-fold-blank", 'a: "een\n\n\n  twee  \n  drie"\n'),
    ("q-keys", "\"met spatie\": 1\n'enkel': 2\n\"123\": 3\n"),
    ("q-number-strings", "a: \"123\"\nb: '1.5'\nc: \"true\"\nd: 'null'\ne: \"~\"\n"),
    ("q-empty", "a: \"\"\nb: ''\n"),
    ("q-hash-inside", "a: \"rood # blauw\"\nb: 'x # y'\n"),
    ("q-colon-inside", "a: \"tijd: 14:30\"\nb: 'sleutel: waarde'\n"),
    ("q-leading-trailing-spaces", "a: '  ruimte  '\nb: \"  ook  \"\n"),
    ("q-single-backslash", "a: 'C:\\pad\\naar'\n"),
    ("q-in-sequence", "- \"een\"\n- 'twee'\n- drie\n"),
    ("q-unicode-escape-nl", 'a: "co\\u00f6peratie"\n'),

    # ---- Block scalars ------------------------------------------------------------------------------
    ("blk-literal-clip", "a: |\n  een\n  twee\n\n\nb: 1\n"),
    ("blk-literal-strip", "a: |-\n  een\n  twee\n\nb: 1\n"),
    ("blk-literal-keep", "a: |+\n  een\n  twee\n\n\nb: 1\n"),
    ("blk-folded-clip", "a: >\n  een\n  twee\n\n  drie\n"),
    ("blk-folded-strip", "a: >-\n  een\n  twee\n"),
    ("blk-folded-keep", "a: >+\n  een\n  twee\n\n"),
    ("blk-explicit-indent", "a: |2\n    ingesprongen\n  normaal\n"),
    ("blk-explicit-indent-chomp", "a: >1-\n  een\n  twee\n"),
    ("blk-chomp-then-indent", "a: |-2\n   x\n  y\n"),
    ("blk-at-end-no-newline", "a: |\n  laatste regel"),
    ("blk-keep-at-end", "a: |+\n  tekst\n\n\n"),
    ("blk-folded-more-indented", "a: >\n  een\n    ingesprongen\n  twee\n  drie\n"),
    ("blk-leading-blank-lines", "a: |\n\n\n  tekst\n"),
    ("blk-in-sequence", "- |\n  een\n  twee\n- >\n  drie\n  vier\n"),
    ("blk-with-hash-colon", "a: |\n  # geen commentaar\n  sleutel: geen mapping\n"),
    ("blk-header-comment", "a: | # uitleg\n  tekst\n"),
    ("blk-empty", "a: |\nb: 2\n"),
    ("blk-nested-in-map", "x:\n  y: >\n    gevouwen\n    tekst\n  z: 1\n"),
    ("blk-trailing-spaces-kept", "a: |\n  tekst   \n  meer\n"),
    ("blk-root-literal", "|\n  alleen tekst\n"),
    ("blk-folded-blank-between-indented", "a: >\n  een\n\n    code\n\n  twee\n"),

    # ---- Flow collections ---------------------------------------------------------------------------
    ("flow-empty", "a: []\nb: {}\n"),
    ("flow-nested", "a: {b: [1, 2, {c: d}], e: {f: g}}\n"),
    ("flow-multiline", "a: [een,\n  twee,\n  drie]\n"),
    ("flow-multiline-map", "a: {\n  x: 1,\n  y: 2\n}\n"),
    ("flow-trailing-comma", "a: [1, 2, ]\nb: {x: 1, }\n"),
    ("flow-quoted", "a: [\"een, twee\", 'drie]']\n"),
    ("flow-null-values", "a: {x, y}\n"),
    ("flow-single-pair", "a: [x: 1, y]\n"),
    ("flow-url", "links: [https://a.nl/x, http://b.nl]\n"),
    ("flow-json-style", '{"a": 1, "b": [true, null], "c": "d"}\n'),
    ("flow-json-adjacent", '{"a":1,"b":"c"}\n'),
    ("flow-types", "a: [1, 1.5, true, null, 2020-01-01, tekst]\n"),
    ("flow-comment", "a: [een, # eerste\n  twee]\n"),
    ("flow-root-seq", "[a, b, c]\n"),

    # ---- Comments -----------------------------------------------------------------------------------
    ("c-after-key", "a: # niets\nb: 1\n"),
    ("c-in-sequence", "lijst:\n  # eerste\n  - een\n  # tweede\n  - twee\n"),
    ("c-indented-oddly", "a: 1\n      # vreemd ingesprongen\nb: 2\n"),
    ("c-only", "# alleen commentaar\n# meer\n"),
    ("c-end-of-doc", "a: 1\n# einde\n"),
    ("c-hash-no-space", "a: waarde#geen-commentaar\n"),

    # ---- Scalar types -------------------------------------------------------------------------------
    ("t-nulls", "a: null\nb: Null\nc: NULL\nd: ~\ne:\n"),
    ("t-bools", "a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\n"),
    ("t-bools-yaml11", "a: yes\nb: No\nc: ON\nd: off\n"),
    ("t-not-bools", "a: y\nb: n\nc: tRue\nd: ja\ne: nee\n"),
    ("t-ints", "a: 0\nb: -17\nc: +5\nd: 1_000_000\ne: 9223372036854775807\n"),
    ("t-hex-bin", "a: 0x1A\nb: 0b1010\nc: -0x10\n"),
    ("t-decimals", "a: 3.14\nb: -0.5\nc: 1.\nd: .5\ne: 2.2\nf: 100.00\n"),
    ("t-exponents", "a: 1.5e+3\nb: 6.02e+23\nc: 1.0e-5\nd: 2.5E+2\n"),
    ("t-number-like-strings", "a: 1e5\nb: 1.2.3\nc: 12abc\nd: -.5\ne: 1,5\nf: 1.5e3\n"),
    ("t-version-decimal", "version: 1.10\n"),
    ("t-dates", "a: 2020-02-29\nb: 2020-12-31\nc: 1999-01-01\n"),
    ("t-date-like-strings", "a: 2020-9-3\nb: 2020-09\nc: 2020/09/23\nd: 23-09-2020\n"),
    ("t-datetime-short-parts", "a: 2020-1-2 3:04:05\n"),
    ("t-datetime-tz-hour", "a: 2020-01-02T03:04:05+5\n"),
    ("t-zero", "a: 0.0\nb: -0\n"),
    ("t-plus-decimal", "a: +1.5\n"),
    ("t-underscore-decimal", "a: 1_000.50\n"),
    ("t-tilde-text", "a: ~tekst\n"),

    # ---- Errors in both -----------------------------------------------------------------------------
    ("err-tab-indent", "a:\n\tb: 1\n"),
    ("err-unterminated-double", 'a: "open\nb: 1\n'),
    ("err-unterminated-single", "a: 'open\n"),
    ("err-bad-indent", "a:\n    b: 1\n  c: 2\n"),
    ("err-mapping-on-value-line", "a: b: c\n"),
    ("err-colon-in-plain", "titel: Let op: dit\n"),
    ("err-flow-unclosed", "a: [1, 2\nb: 3\n"),
    ("err-seq-on-key-line", "a: - b\n"),
    ("err-bad-escape", 'a: "\\q"\n'),
    ("err-missing-colon", "a: 1\nb\nc: 2\n"),
    ("err-multiple-documents", "a: 1\n---\nb: 2\n"),
    ("err-impossible-date", "a: 2021-02-29\n"),
    ("err-seq-in-map", "a: 1\n- b\n"),
    ("err-text-after-quote", 'a: "x" y\n'),
    ("err-plain-equals", "a: =\n"),
    ("err-document-end-first", "# leeg\n...\n"),
    ("c-explicit-empty-document", "---\n...\n"),
    ("err-plain-merge-value", "a: [<<]\n"),

    # ---- Documented deviations ----------------------------------------------------------------------
    ("dev-octal-like", "kvk: 01234567\npostcode: 0612\n"),
    ("dev-sexagesimal", "tijd: 14:30\nduur: 1:30:00\n"),
    ("dev-time-without-seconds", "date: 2020-09-23 14:30\n"),
    ("dev-tab-after-colon", "a:\tb\n"),
    ("dev-anchor-alias", "a: &x 1\nb: *x\n"),
    ("dev-tag", "a: !!str 123\n"),
    ("dev-duplicate-key", "a: 1\nb: 2\na: 3\n"),
    ("dev-infinity", "a: .inf\n"),
    ("dev-merge-key", "base: {a: 1}\nx:\n  <<: {a: 1}\n  b: 2\n"),
    ("dev-complex-key", "? a\n: 1\n"),
    ("dev-directive", "%YAML 1.1\n---\na: 1\n"),
]

# Where our reader deliberately differs from PyYAML: name -> (reason, our canonical result or "ERROR").
DEVIATIONS = {
    "dev-octal-like": (
        "numbers with a leading zero stay text: PyYAML reads 01234567 as octal 342391, a silent misreading "
        "of registration numbers and postcodes",
        '{"kvk":"01234567","postcode":"0612"}'),
    "dev-sexagesimal": (
        "colon numbers stay text: PyYAML reads 14:30 as the base-60 number 870",
        '{"tijd":"14:30","duur":"1:30:00"}'),
    "dev-time-without-seconds": (
        "a date-time may omit its seconds (PyYAML leaves it a string)",
        '{"date":{"$datetime":"2020-09-23T14:30:00"}}'),
    "dev-tab-after-colon": (
        "a tab after ':' separates like a space (YAML 1.2); PyYAML rejects it",
        '{"a":"b"}'),
    "dev-anchor-alias": ("anchors and aliases are not supported: a clear error", "ERROR"),
    "dev-tag": ("tags are not supported: a clear error", "ERROR"),
    "dev-duplicate-key": ("duplicate keys are an error (PyYAML keeps the last value)", "ERROR"),
    "dev-infinity": (".inf and .nan are errors: amounts are exact decimals", "ERROR"),
    "dev-merge-key": ("merge keys (<<) are not supported: a clear error", "ERROR"),
    "dev-complex-key": ("complex keys ('? ') are not supported: a clear error", "ERROR"),
    "dev-directive": ("directives (%YAML, %TAG) are not supported: a clear error", "ERROR"),
}
