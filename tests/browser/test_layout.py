#!/usr/bin/env python3
"""Layout tests of built sites in headless Chromium: one page of every kind (the largest of each, by the
`soort-*` class on <body>, plus the annual report's HTML and a redirect page) at 360, 390, 768, 1024 and
1280 px wide, and in print at A4 width. On every page and width:
  - nothing scrolls horizontally: document.documentElement.scrollWidth <= innerWidth;
  - no chart label's text is wider than its box (HTML labels: their own box and the chart's; SVG text:
    the drawing's viewBox), and none is rendered smaller than 8 px;
  - every table caption lies within the window (a wide table scrolls in its own box, its caption stays);
  - a table box that scrolls shows its cue (class "schuift", set by the theme's script; shadows at its
    edges on a page without scripts) and can be
    reached with the keyboard (tabindex, a role and a name), as axe asks for scrollable regions.
Usage: test_layout.py NAME=URL=FOLDER ... (run.sh starts the servers)."""
import os
import re
import sys

from checks import check, driver, run, verdict

WIDTHS = [360, 390, 768, 1024, 1280]
# A4 minus 2 cm margins at 96 dpi: the width a printed page lays out in.
PRINT_WIDTH = 643

CHECK = r"""
const problems = [];
const where = (el) => {
  const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 60);
  return el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? "." + String(el.className).split(" ")[0] : "") + " '" + text + "'";
};
const overflow = document.documentElement.scrollWidth - window.innerWidth;
if (overflow > 0) {
  // Name the widest culprits: elements whose right edge passes the window.
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > window.innerWidth + 1) {
      let inside = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX === "auto" || style.overflowX === "scroll" || style.overflowX === "hidden") { inside = true; break; }
      }
      if (!inside) wide.push(where(el) + " right=" + Math.round(r.right));
    }
  }
  problems.push("scrollWidth " + document.documentElement.scrollWidth + " > innerWidth " + window.innerWidth + ": " + wide.slice(-3).join("; "));
}
// HTML chart labels.
for (const el of document.querySelectorAll(".chart-label, .chart-value")) {
  if (el.offsetParent === null) continue;
  if (el.scrollWidth > el.clientWidth + 1) problems.push("label breder dan zijn vak: " + where(el) + " " + el.scrollWidth + " > " + el.clientWidth);
  const chart = el.closest(".chart");
  if (chart) {
    const r = el.getBoundingClientRect(), c = chart.getBoundingClientRect();
    if (r.left < c.left - 1 || r.right > c.right + 1) problems.push("label buiten de grafiek: " + where(el));
  }
  if (parseFloat(getComputedStyle(el).fontSize) < 8) problems.push("label kleiner dan 8 px: " + where(el));
}
// SVG text: inside the drawing's viewBox, and readable at the drawing's scale.
for (const t of document.querySelectorAll("svg text")) {
  const svg = t.ownerSVGElement;
  if (!svg || svg.getBoundingClientRect().width === 0) continue;
  const vb = svg.viewBox.baseVal;
  const b = t.getBBox();
  if (vb && vb.width > 0) {
    if (b.x < vb.x - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 || b.y < vb.y - 0.5 || b.y + b.height > vb.y + vb.height + 0.5) {
      problems.push("SVG-tekst buiten de tekening: " + where(t) + " x=" + b.x.toFixed(1) + " w=" + b.width.toFixed(1) + " viewBox=" + vb.width);
    }
    const scale = svg.getBoundingClientRect().width / vb.width;
    const size = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (size < 8) problems.push("SVG-tekst kleiner dan 8 px (" + size.toFixed(1) + "): " + where(t));
  }
}
// Table captions stay in the window.
for (const cap of document.querySelectorAll("caption")) {
  const r = cap.getBoundingClientRect();
  if (r.width === 0) continue;
  if (r.left < -1 || r.right > window.innerWidth + 1) problems.push("bijschrift buiten beeld: " + where(cap) + " " + Math.round(r.left) + ".." + Math.round(r.right));
}
// Boxes that scroll: a cue, and reachable by keyboard. The site's script writes a hint (class
// "schuift"); a page without scripts (the annual report) must at least have the CSS edge shadows.
const scripted = document.querySelector("script[src]") !== null;
for (const box of document.querySelectorAll(".table-scroll")) {
  if (box.scrollWidth > box.clientWidth + 1) {
    const cue = scripted ? box.classList.contains("schuift") : getComputedStyle(box).backgroundImage.includes("gradient");
    if (!cue) problems.push("tabel schuift zonder zichtbare hint: " + where(box));
    if (box.getAttribute("tabindex") !== "0" || !box.getAttribute("role") || !(box.getAttribute("aria-label") || box.getAttribute("aria-labelledby")))
      problems.push("schuivende tabel niet met het toetsenbord bereikbaar of zonder naam: " + where(box));
  }
}
return problems;
"""


KIND = re.compile(rb'<body class="soort-([a-z0-9-]+)')
REDIRECT = re.compile(rb'<meta http-equiv="refresh"')


def pages_of_every_kind(folder):
    """The largest page of each kind (most content: the likeliest to overflow), the report and a redirect."""
    largest = {}
    for directory, _, files in os.walk(folder):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            with open(path, "rb") as f:
                head = f.read(4096)
            size = os.path.getsize(path)
            if name.startswith("jaarverslag-"):
                kind = "jaarverslag"
            elif REDIRECT.search(head):
                kind = "doorverwijzing"
            else:
                match = KIND.search(head) or KIND.search(open(path, "rb").read())
                if not match:
                    continue
                kind = match.group(1).decode()
            if kind not in largest or (size, relative) > largest[kind][0:2]:
                largest[kind] = (size, relative)
    pages = []
    for kind in sorted(largest):
        relative = largest[kind][1]
        if relative.endswith("index.html"):
            relative = relative[: -len("index.html")]
        pages.append((kind, relative))
    return pages


def run_check(browser):
    """The checks after two animation frames, so resize observers (the table hint) have run."""
    return browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "requestAnimationFrame(() => requestAnimationFrame(() => done((function () {" + CHECK + "})())));")


def set_width(browser, width, media=""):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


def test_site(browser, name, base, folder):
    pages = pages_of_every_kind(folder)
    print("%s: %d soorten pagina's (%s)" % (name, len(pages), ", ".join(k for k, _ in pages)))
    for kind, page in pages:
        set_width(browser, WIDTHS[-1])
        browser.get(base + page)
        if kind == "doorverwijzing":
            # A redirect page leaves at once (meta refresh 0) for the page it names.
            check(browser.current_url != base + page, "/%s verwijst door naar %s" % (page, browser.current_url))
            continue
        for width in WIDTHS:
            set_width(browser, width)
            problems = run_check(browser)
            check(not problems, "%s /%s op %d px%s" % (kind, page, width, (": " + " | ".join(problems[:4])) if problems else ""))
        set_width(browser, PRINT_WIDTH, "print")
        problems = run_check(browser)
        check(not problems, "%s /%s afgedrukt (%d px)%s" % (kind, page, PRINT_WIDTH, (": " + " | ".join(problems[:4])) if problems else ""))
        set_width(browser, WIDTHS[-1])


def main(argv):
    sites = [a.split("=", 2) for a in argv[1:]]
    if not sites or any(len(s) != 3 for s in sites):
        print(__doc__, file=sys.stderr)
        return 2
    def steps(browser):
        for name, base, folder in sites:
            test_site(browser, name, base, folder)
    run(driver("--hide-scrollbars"), steps)
    return verdict("%d layouttest(s) mislukt", "alle layouttests geslaagd")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
