#!/usr/bin/env python3
"""Jinja2 side of the template benchmark: same templates, same data, same settings as our engine."""
import os
import sys
import time

import jinja2

HERE = os.path.dirname(os.path.abspath(__file__))
RENDERS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
OUT = sys.argv[2] if len(sys.argv) > 2 else None

env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE),
    autoescape=jinja2.select_autoescape(["html"]),
    undefined=jinja2.StrictUndefined,
)
cases = {
    "bigtable": (env.get_template("bigtable.html"), {"table": [[r * 100 + c for c in range(100)] for r in range(100)]}),
    "teams": (env.get_template("teams.html"), {
        "title": "Teams & <partners>",
        "teams": [
            {"name": "Bestuur", "score": 12},
            {"name": "Raad van advies", "score": 7},
            {"name": "Programmabureau & co", "score": 31},
            {"name": "Saïd's <team>", "score": 4},
        ],
    }),
}
for name, (template, context) in cases.items():
    for _ in range(max(10, RENDERS // 10)):
        template.render(context)
    start = time.perf_counter()
    for _ in range(RENDERS):
        output = template.render(context)
    elapsed = time.perf_counter() - start
    print(f"{name} {elapsed / RENDERS * 1e6:.2f}")
    if OUT:
        with open(os.path.join(OUT, f"{name}.jinja2.html"), "w", encoding="utf-8") as f:
            f.write(output)
