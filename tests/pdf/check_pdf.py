#!/usr/bin/env python3
"""Checks a report PDF with independent tools, as .ci/run does (see docs/pdf.md, "Checking a PDF"):

  - pdfua (PyPI, offline): 0 errors and 0 warnings, and every rule evaluated (PDF/UA-1 7.1, 7.2, 7.3,
    7.4, 7.5, 7.18, 5: structure tree, MarkInfo, tagged or artifact content, /Lang, Figure /Alt, table
    headers, link and annotation descriptions, headings, title, DisplayDocTitle, pdfuaid);
  - pdffonts (poppler): every font embedded, subset and with a Unicode map (PDF/UA-1 7.21.4.1, 7.21.7;
    PDF/A-2 6.2.11.4, 6.2.11.7);
  - qpdf --check: the file's syntax, cross-reference table and streams;
  - pdftotext (poppler): the given phrases come out, in this order, each character intact (a word
    hyphenated at a line end joined back), so reading order and the Unicode maps are right.

    tests/pdf/check_pdf.py FILE.pdf [PHRASES.txt]    # PHRASES.txt: one phrase a line, in reading order

Exits non-zero with a message for the first failing check. Needs python3 with pdfua (pip install pdfua),
poppler-utils and qpdf.
"""
import json
import subprocess
import sys


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    return result.returncode, result.stdout, result.stderr


def check_pdfua(path):
    code, out, err = run([sys.executable, "-m", "pdfua", "check", "--format", "json", path])
    try:
        report = json.loads(out)
    except json.JSONDecodeError:
        fail(f"pdfua gave no JSON (exit {code}): {err or out}")
    summary = report.get("summary", {})
    if summary.get("errors") != 0 or summary.get("warnings") != 0:
        findings = report.get("findings", [])
        fail("pdfua: " + "; ".join(f"{f.get('rule_id')} {f.get('message')}" for f in findings[:5]))
    if summary.get("rules_skipped") != 0:
        fail("pdfua skipped rules: " + "; ".join(str(s) for s in report.get("skipped", [])))
    print(f"pdfua: 0 errors, 0 warnings, every rule evaluated ({path})")


def check_fonts(path):
    code, out, err = run(["pdffonts", path])
    if code != 0:
        fail(f"pdffonts: {err}")
    lines = out.splitlines()[2:]
    if not lines:
        fail("pdffonts lists no fonts")
    for line in lines:
        # name type... encoding emb sub uni object ID: the three yes/no columns before the object number.
        columns = line.split()
        emb, sub, uni = columns[-5], columns[-4], columns[-3]
        if (emb, sub, uni) != ("yes", "yes", "yes"):
            fail(f"pdffonts: {columns[0]} emb {emb} sub {sub} uni {uni}")
    print(f"pdffonts: {len(lines)} fonts, each embedded, subset and with Unicode")


def check_qpdf(path):
    code, out, err = run(["qpdf", "--check", path])
    if code != 0 or "No syntax or stream encoding errors" not in out or "WARNING" in out + err:
        fail(f"qpdf --check: {out}{err}")
    print("qpdf --check: no errors")


def check_text(path, phrases_file):
    code, out, err = run(["pdftotext", "-enc", "UTF-8", path, "-"])
    if code != 0:
        fail(f"pdftotext: {err}")
    text = out.replace("\u00ad\n", "")
    if phrases_file is None:
        return
    phrases = [p.rstrip("\n") for p in open(phrases_file, encoding="utf-8") if p.strip() and not p.startswith("#")]
    cursor = 0
    for phrase in phrases:
        found = text.find(phrase, cursor)
        if found < 0:
            anywhere = text.find(phrase)
            fail(f"pdftotext: '{phrase}' " + ("out of reading order" if anywhere >= 0 else "missing"))
        cursor = found + len(phrase)
    print(f"pdftotext: {len(phrases)} phrases in reading order, every character intact")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    phrases = sys.argv[2] if len(sys.argv) > 2 else None
    check_qpdf(path)
    check_fonts(path)
    check_pdfua(path)
    check_text(path, phrases)


if __name__ == "__main__":
    main()
