#!/usr/bin/env python3
"""Generates the YAML compatibility suite: the expected value of every document according to PyYAML.

Run from the repository root:

    python3 scripts/yaml-compat/generate.py

It reads the documents in scripts/yaml-compat/cases.py, loads each with yaml.safe_load and writes
scripts/yaml-compat/expected.json. Every expected value is written in the canonical typed JSON form of
`YAMLNode.jsonText(typed: true)`, so the Swift test compares text. A document PyYAML rejects is expected to be
an error. Deliberate differences of our reader (DEVIATIONS in cases.py) are recorded next to PyYAML's answer.
"""
import datetime
import decimal
import json
import math
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cases import CASES, DEVIATIONS  # noqa: E402


def canonical_decimal(value):
    if math.isinf(value) or math.isnan(value):
        return json.dumps({"$float": repr(value)})
    d = decimal.Decimal(repr(value))
    if d == 0:
        return "0.0"
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0")
        if text.endswith("."):
            text += "0"
    else:
        text += ".0"
    return text


def iso_datetime(value):
    text = "%04d-%02d-%02dT%02d:%02d:%02d" % (
        value.year, value.month, value.day, value.hour, value.minute, value.second)
    if value.microsecond:
        text += ".%06d" % value.microsecond
    offset = value.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        minutes = abs(minutes)
        text += "%s%02d:%02d" % (sign, minutes // 60, minutes % 60)
    return text


def canonical(value):
    """The typed canonical JSON text of a PyYAML value (see YAMLNode.jsonText(typed:))."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return canonical_decimal(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime.datetime):
        return '{"$datetime":"%s"}' % iso_datetime(value)
    if isinstance(value, datetime.date):
        return '{"$date":"%04d-%02d-%02d"}' % (value.year, value.month, value.day)
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            key = k if isinstance(k, str) else "$key:" + canonical(k)
            parts.append(json.dumps(key, ensure_ascii=False) + ":" + canonical(v))
        return "{" + ",".join(parts) + "}"
    raise TypeError("unexpected value type %r" % type(value))


def main():
    names = set()
    out = []
    for name, text in CASES:
        if name in names:
            raise SystemExit("duplicate case name " + name)
        names.add(name)
        case = {"name": name, "yaml": text}
        try:
            case["expected"] = canonical(yaml.safe_load(text))
        except yaml.YAMLError as error:
            case["error"] = str(error).splitlines()[0]
        except ValueError as error:  # impossible dates
            case["error"] = str(error)
        if name in DEVIATIONS:
            reason, ours = DEVIATIONS[name]
            case["deviation"] = {"reason": reason}
            if ours == "ERROR":
                case["deviation"]["error"] = True
            else:
                case["deviation"]["expected"] = ours
        out.append(case)
    unknown = set(DEVIATIONS) - names
    if unknown:
        raise SystemExit("deviations for unknown cases: %s" % sorted(unknown))
    document = {
        "generator": "scripts/yaml-compat/generate.py",
        "pyyaml": yaml.__version__,
        "cases": out,
    }
    path = os.path.join(HERE, "expected.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=1)
        f.write("\n")
    errors = sum(1 for c in out if "error" in c)
    print("wrote %s: %d documents (%d rejected by PyYAML, %d documented deviations)"
          % (os.path.relpath(path), len(out), errors, len(DEVIATIONS)))


if __name__ == "__main__":
    main()
