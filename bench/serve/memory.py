#!/usr/bin/env python3
"""Resident memory of `breingen serve` over many saves: writes a new marker into a file, polls the page
until the marker is served (the rebuild is done), and reads the server's VmRSS from /proc after each save.

    memory.py PID PORT FILE TEMPLATE_FILE SAVES PAGE LABEL

TEMPLATE_FILE holds the file's new text with {marker} where the marker goes. Prints one line per
sample (every 10 saves) and a summary line:
LABEL <tab> rss after 20 saves (MB) <tab> rss after SAVES saves (MB) <tab> growth % <tab> max (MB)
"""
import http.client
import sys
import time

pid, port, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
with open(sys.argv[4], encoding="utf-8") as handle:
    template = handle.read()
saves, page, label = int(sys.argv[5]), sys.argv[6], sys.argv[7]


def rss_mb():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise SystemExit("no VmRSS: the server is gone")


connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
samples = []
for i in range(1, saves + 1):
    marker = f"Geheugen{i}x{time.time_ns()}"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(template.replace("{marker}", marker))
    started = time.perf_counter()
    while True:
        connection.request("GET", page)
        if marker.encode() in connection.getresponse().read():
            break
        if time.perf_counter() - started > 60:
            raise SystemExit(f"{label}: save {i} not served within 60 s")
        time.sleep(0.005)
    # Let the background work of the build (hard-link copies, emptying) finish before measuring.
    time.sleep(0.15)
    rss = rss_mb()
    samples.append(rss)
    if i % 10 == 0:
        print(f"  {label} save {i}: {rss:.1f} MB", file=sys.stderr)

warm = samples[min(19, len(samples) - 1)]
final = samples[-1]
print(f"{label}\t{warm:.1f}\t{final:.1f}\t{(final - warm) / warm * 100:+.1f}\t{max(samples):.1f}")
