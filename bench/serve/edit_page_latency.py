#!/usr/bin/env python3
"""Edit-to-served latency for one page: appends a paragraph with a new marker to a Markdown source file
and polls the page over one keep-alive connection (127.0.0.1 only) every millisecond until the marker is
served. The file gets its original text back at the end.

    edit_page_latency.py NAME PORT URLPATH FILE [EDITS] [body|title]

"body" (the default) appends the paragraph; "title" puts the marker into the `title:` line of the front
matter instead (a change of a field, which list pages, neighbours and feeds show too). Prints one line: NAME median p90 max (milliseconds) over EDITS edits.
"""
import http.client
import re
import statistics
import sys
import time

name, port, url, path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
edits = int(sys.argv[5]) if len(sys.argv) > 5 else 10
mode = sys.argv[6] if len(sys.argv) > 6 else "body"
with open(path, encoding="utf-8") as handle:
    original = handle.read()

connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
samples = []
try:
    for i in range(edits):
        marker = f"Meting{i}x{time.time_ns()}"
        started = time.perf_counter()
        with open(path, "w", encoding="utf-8") as handle:
            if mode == "title":
                handle.write(re.sub(r'^title: "?(.*?)"?$', lambda m: f'title: "{m.group(1)} {marker}"', original,
                                    count=1, flags=re.M))
            else:
                handle.write(original + f"\nDeze alinea is gewijzigd: {marker}.\n")
        while True:
            connection.request("GET", url)
            body = connection.getresponse().read()
            if marker.encode() in body:
                break
            if time.perf_counter() - started > 30:
                sys.exit(f"{name}: marker not served within 30 s")
            time.sleep(0.001)
        samples.append((time.perf_counter() - started) * 1000)
        time.sleep(0.5)
finally:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(original)

samples.sort()
p90 = samples[min(len(samples) - 1, int(round(0.9 * (len(samples) - 1))))]
print(f"{name}\t{statistics.median(samples):.1f}\t{p90:.1f}\t{samples[-1]:.1f}")
