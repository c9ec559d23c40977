#!/usr/bin/env python3
"""Edit-to-served latency of a live-preview server: writes a new marker into a source file and polls
the page over one keep-alive connection (127.0.0.1 only) every millisecond until the marker is served.

    edit_latency.py NAME PORT FILE TEMPLATE_FILE [EDITS] [PAGE]

TEMPLATE_FILE holds the file's new text with {marker} where the marker goes; PAGE is the path polled
(default /). Prints one line:
NAME median p90 max (milliseconds) over EDITS edits.
"""
import http.client
import statistics
import sys
import time

name, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(sys.argv[4], encoding="utf-8") as handle:
    template = handle.read()
edits = int(sys.argv[5]) if len(sys.argv) > 5 else 20
page = sys.argv[6] if len(sys.argv) > 6 else "/"

connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
samples = []
for i in range(edits):
    marker = f"Meting{i}x{time.time_ns()}"
    started = time.perf_counter()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(template.replace("{marker}", marker))
    while True:
        connection.request("GET", page)
        body = connection.getresponse().read()
        if marker.encode() in body:
            break
        if time.perf_counter() - started > 10:
            sys.exit(f"{name}: marker not served within 10 s")
        time.sleep(0.001)
    samples.append((time.perf_counter() - started) * 1000)
    time.sleep(0.3)

samples.sort()
p90 = samples[min(len(samples) - 1, int(round(0.9 * (len(samples) - 1))))]
print(f"{name}\t{statistics.median(samples):.1f}\t{p90:.1f}\t{samples[-1]:.1f}")
