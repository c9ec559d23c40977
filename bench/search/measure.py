#!/usr/bin/env python3
"""Loads the search page of a served site in headless Chromium once per query, with an empty cache, and
reports what the browser fetched for it: transfer sizes from the Performance API (compressed bodies as
the server sent them, plus headers), split into the page with its assets and the search index's files.
Usage: measure.py BASE_URL QUERY... (prints one JSON object per query)."""
import json
import sys
import time
import urllib.parse

sys.path.insert(0, __file__.rsplit("/", 3)[0] + "/tests/browser")
from checks import driver  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

COLLECT = """
var out = [];
var nav = performance.getEntriesByType("navigation")[0];
out.push({name: nav.name, transfer: nav.transferSize, body: nav.encodedBodySize, decoded: nav.decodedBodySize});
performance.getEntriesByType("resource").forEach(function (r) {
  out.push({name: r.name, transfer: r.transferSize, body: r.encodedBodySize, decoded: r.decodedBodySize});
});
return out;
"""


def settled(browser):
    status = browser.find_element(By.ID, "zoekstatus").text
    return ("resultaat" in status or "resultaten" in status) and browser.find_elements(By.CSS_SELECTOR, "#zoekresultaten li") \
        or status.startswith("Geen")


def main(argv):
    base, queries = argv[1], argv[2:]
    browser = driver()
    try:
        browser.execute_cdp_cmd("Network.enable", {})
        browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        browser.execute_script("window.open('about:blank')")
        for query in queries:
            browser.get("about:blank")
            started = time.time()
            browser.get(base + "zoeken/?q=" + urllib.parse.quote(query))
            WebDriverWait(browser, 60).until(settled)
            elapsed = time.time() - started
            time.sleep(0.5)  # the fragments of the first results, fonts
            WebDriverWait(browser, 60).until(settled)
            entries = browser.execute_script(COLLECT)
            index = [e for e in entries if "/zoeken/index" in e["name"]]  # also the single-file index.json of before
            page = [e for e in entries if "/zoeken/index" not in e["name"]]
            print(json.dumps({
                "query": query,
                "status": browser.find_element(By.ID, "zoekstatus").text,
                "shown": len(browser.find_elements(By.CSS_SELECTOR, "#zoekresultaten li")),
                "requests": len(entries),
                "total": sum(e["transfer"] for e in entries),
                "page": sum(e["transfer"] for e in page),
                "index": sum(e["transfer"] for e in index),
                "index_decoded": sum(e["decoded"] for e in index),
                "index_files": [e["name"].rsplit("/", 1)[1] for e in index],
                "seconds": round(elapsed, 3),
            }), flush=True)
    finally:
        browser.quit()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
