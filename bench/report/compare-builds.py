#!/usr/bin/env python3
# Alternating comparison of two breingen binaries (BEFORE and AFTER, environment variables) on one command:
# wall clock and the child's CPU per run, medians and minimums. "@" in an argument becomes before/after.
#   BEFORE=/tmp/old/breingen AFTER=.build/release/breingen N=50 bench/report/compare-builds.py build --root SITE --output SITE/out-@ --quiet
import subprocess, time, resource, statistics, sys, os
bins = {"before": os.environ["BEFORE"], "after": os.environ.get("AFTER", ".build/release/breingen")}
args = sys.argv[1:]
res = {k: {"wall": [], "cpu": []} for k in bins}
for i in range(int(os.environ.get("N", "30"))):
    for k in (["before", "after"] if i % 2 == 0 else ["after", "before"]):
        cmd = [bins[k]] + [a.replace("@", k) for a in args]
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        t1 = time.perf_counter()
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        res[k]["wall"].append((t1 - t0) * 1000)
        res[k]["cpu"].append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
for k in bins:
    w, c = res[k]["wall"], res[k]["cpu"]
    print(f"{k}: wall median {statistics.median(w):.1f} ms (min {min(w):.1f}), CPU median {statistics.median(c):.1f} ms (min {min(c):.1f})")
b, a = statistics.median(res['before']['wall']), statistics.median(res['after']['wall'])
bc, ac = statistics.median(res['before']['cpu']), statistics.median(res['after']['cpu'])
print(f"after/before: wall {a/b:.3f}, CPU {ac/bc:.3f}; min wall {min(res['after']['wall'])/min(res['before']['wall']):.3f}")
