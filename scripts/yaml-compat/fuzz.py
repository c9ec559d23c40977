#!/usr/bin/env python3
"""Differential fuzzing against PyYAML: writes random editor-style YAML documents with PyYAML's values in
the format of expected.json, for the compatibility test to run instead of the committed suite:

    python3 scripts/yaml-compat/fuzz.py /tmp/fuzz.json --count 2000 --seed 1 [--mutate]
    YAML_COMPAT_CASES=/tmp/fuzz.json swift test --filter YAMLCompatibilityTests

Scalars whose reading deliberately differs from PyYAML (see DEVIATIONS in cases.py) are not generated.
With --garbage, the documents are random strings of YAML indicators, letters, digits and blanks (up to
40 characters), to look for crashes and wrong acceptance. With --files DIR, the documents are instead every .yml file and every front matter of a .md file under DIR
(e.g. content/), to check real content. With --mutate, one random character is inserted, deleted or replaced in each document, to compare how
both readers treat broken input (a disagreement there needs a human look, not necessarily a fix).
"""
import argparse
import json
import os
import random
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import canonical  # noqa: E402

WORDS = ["wonen", "onderwijs", "één", "café", "naïef", "Jan", "de", "Vries", "zorg", "thema", "België",
         "coöperatie", "x", "a b", "ideeën", "2020", "€", "80%", "rood#1", "http://a.nl/x", "it's", "C:\\pad"]
PLAIN_SCALARS = ["true", "False", "yes", "no", "on", "OFF", "null", "~", "0", "12", "-7", "+3", "1_000",
                 "0x1F", "0b11", "3.14", "-0.5", "1.", ".5", "2.2", "1.5e+3", "2020-09-23",
                 "2020-09-23T14:30:00", "2020-09-23 14:30:00Z", "2020-1-2 3:04:05", "1e5", "1.2.3",
                 "-.5", "y", "n", "tRue", "a-b", "a - b", "co-op", "1,5", "v1.2"]
KEYS = ["title", "date", "draft", "tags", "themes", "places", "status", "naam", "rol", "van", "tot",
        "omschrijving", "bedrag", "jaar", "summary", "url", "weight", "params", "menu", "items"]


def plain_text(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def scalar(rng, indent, in_flow=False):
    kind = rng.random()
    if kind < 0.3:
        return rng.choice(PLAIN_SCALARS)
    if kind < 0.55:
        text = plain_text(rng)
        if text[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in text or " #" in text or text.endswith(":") \
                or (in_flow and any(c in text for c in ",[]{}")):
            return "'" + text.replace("'", "''") + "'"
        return text
    if kind < 0.7:
        text = plain_text(rng)
        return "'" + text.replace("'", "''") + "'"
    if kind < 0.85:
        text = plain_text(rng)
        esc = rng.choice(["", "\\n", "\\t", "\\u00e9", "\\\"", "\\\\", "\\x41"])
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + esc + '"'
    if in_flow:
        return rng.choice(PLAIN_SCALARS)
    # Block scalar.
    head = rng.choice(["|", ">"]) + rng.choice(["", "-", "+"])
    pad = " " * (indent + rng.randint(1, 3))
    lines = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if r < 0.15:
            lines.append("")
        elif r < 0.25:
            lines.append(pad + "  " + plain_text(rng))
        else:
            lines.append(pad + plain_text(rng))
    if all(not l for l in lines):
        lines.append(pad + "x")
    return head + "\n" + "\n".join(lines) + "\n" + ("\n" if rng.random() < 0.3 else "")


def flow(rng, depth=0):
    if depth < 2 and rng.random() < 0.3:
        if rng.random() < 0.5:
            return "[" + ", ".join(flow(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "]"
        keys = rng.sample(KEYS, rng.randint(0, 3))
        return "{" + ", ".join(k + ": " + flow(rng, depth + 1) for k in keys) + "}"
    return scalar(rng, 0, in_flow=True)


def block(rng, indent, depth):
    """A block node as lines, at `indent` spaces."""
    pad = " " * indent
    step = rng.choice([2, 2, 4, 1, 3])
    kind = rng.random()
    if depth > 3 or kind < 0.15:
        return None
    out = []
    if kind < 0.55:
        for key in rng.sample(KEYS, rng.randint(1, 5)):
            out.extend(value_lines(rng, pad + key + ":", indent, step, depth, allow_indentless=True))
    else:
        for _ in range(rng.randint(1, 4)):
            out.extend(value_lines(rng, pad + "-", indent, step, depth, allow_indentless=False))
    return out


def value_lines(rng, prefix, indent, step, depth, allow_indentless):
    r = rng.random()
    comment = "  # opmerking" if rng.random() < 0.1 else ""
    if r < 0.5:
        s = scalar(rng, indent)
        if "\n" in s:
            return [prefix + " " + s.rstrip("\n")] + ([""] if s.endswith("\n\n") else [])
        return [prefix + " " + s + comment]
    if r < 0.65:
        return [prefix + " " + flow(rng) + comment]
    if r < 0.7:
        return [prefix + comment]
    child_indent = indent + step
    if allow_indentless and rng.random() < 0.3:
        child_indent = indent
        lines = []
        for _ in range(rng.randint(1, 3)):
            lines.extend(value_lines(rng, " " * indent + "-", indent, step, depth + 1, False))
        return [prefix + comment] + lines
    child = block(rng, child_indent, depth + 1)
    if child is None:
        return [prefix + " " + scalar(rng, indent, in_flow=True)]
    if not allow_indentless and rng.random() < 0.5 and child[0].startswith(" " * child_indent):
        # Compact form: the first line of the child right after '- '.
        first = child[0][child_indent:]
        gap = child_indent - indent - 1
        if gap >= 1:
            return [prefix + " " * gap + first] + child[1:]
    return [prefix + comment] + child


def document(rng):
    lines = block(rng, 0, 0) or [scalar(rng, 0, in_flow=True)]
    if rng.random() < 0.1:
        lines.insert(rng.randint(0, len(lines)), "# commentaar")
    if rng.random() < 0.1:
        lines.insert(rng.randint(0, len(lines)), "")
    return "\n".join(lines) + "\n"


GARBAGE = list("ab:-#'\"[]{}|>?&*!%@` \n\t,.0123456789~ey\\") + ["\r\n", "é", "---", "...", "  ", "- ", ": "]


def garbage(rng):
    return "".join(rng.choice(GARBAGE) for _ in range(rng.randint(1, 40)))


def mutate(rng, text):
    i = rng.randrange(len(text))
    op = rng.random()
    if op < 0.33:
        return text[:i] + text[i + 1:]
    c = rng.choice(list(":-#'\"[]{}|> \n\t,&*!?"))
    if op < 0.66:
        return text[:i] + c + text[i:]
    return text[:i] + c + text[i + 1:]


def content_documents(folder):
    """(path, YAML text) of every .yml file and every front matter under folder."""
    for root, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            path = os.path.join(root, name)
            with open(path, encoding="utf-8-sig") as f:
                text = f.read()
            if name.endswith((".yml", ".yaml")):
                yield path, text
            elif name.endswith(".md") and text.startswith("---\n") and "\n---\n" in text[3:]:
                yield path, text[4:text.index("\n---\n", 3) + 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mutate", action="store_true")
    parser.add_argument("--files", help="take the documents from the .yml and .md files under this folder")
    parser.add_argument("--garbage", action="store_true", help="random strings instead of documents")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = []
    if args.files:
        documents = list(content_documents(args.files))
    elif args.garbage:
        documents = [(n, garbage(rng)) for n in range(args.count)]
    else:
        documents = [(n, document(rng)) for n in range(args.count)]
    for n, text in documents:
        if args.mutate:
            text = mutate(rng, text)
        case = {"name": "fuzz-%s" % n, "yaml": text}
        try:
            case["expected"] = canonical(yaml.safe_load(text))
        except (yaml.YAMLError, ValueError) as error:
            case["error"] = str(error).splitlines()[0]
        except (TypeError, AttributeError) as error:  # an unhashable key PyYAML accepted, or a PyYAML bug
            case["error"] = str(error) or type(error).__name__
        cases.append(case)
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump({"generator": "fuzz.py", "pyyaml": yaml.__version__, "cases": cases}, f, ensure_ascii=False, indent=1)
    print("wrote %s: %d documents, %d rejected by PyYAML" % (args.output, len(cases), sum("error" in c for c in cases)))


if __name__ == "__main__":
    main()
