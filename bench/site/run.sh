#!/usr/bin/env bash
# The site benchmark: generates the synthetic site (bench/site/generate.py) at N = 1,000 and 10,000
# best practices, then builds it with breingen (release) and with Hugo in the same run: wall time with
# hyperfine (median of the runs), CPU time (user + system, mean of the runs, from hyperfine), peak memory
# (maximum resident set) with /usr/bin/time. Prints a Markdown table with the ratios.
# Usage: bench/site/run.sh [N ...]   (default: 1000 10000)
# RUNS=n (default 5) timed runs per tool; WORK=dir for the generated sites and outputs (default: a new
# temporary folder; WORK=/dev/shm/... keeps the file system out of the measurement for both tools).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
runs=${RUNS:-5}

for tool in hugo hyperfine python3; do
    command -v "$tool" >/dev/null || { echo "ontbreekt: $tool (apt-get install $tool)" >&2; exit 1; }
done
swift build -c release --product breingen >/dev/null
breingen="$repo/.build/release/breingen"
work=${WORK:-$(mktemp -d)}
echo "werkmap: $work" >&2

peak_kb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
median_s() { python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"])' "$1" "$2"; }
cpu_s() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]; print("%.3f" % (r["user"] + r["system"]))' "$1" "$2"; }

echo "load average vooraf: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| pagina's (N) | breingen | Hugo $(hugo version | sed -E 's/^hugo v([0-9.]+).*/\1/') | tijd: Hugo/breingen | CPU breingen | CPU Hugo | CPU: Hugo/breingen | piekgeheugen breingen | piekgeheugen Hugo | geheugen: breingen/Hugo |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
    site="$work/n$n"
    python3 bench/site/generate.py "$n" "$site" >/dev/null
    b_cmd="$breingen build -q --root $site/breingen --output $site/out-breingen"
    h_cmd="hugo --quiet --source $site/hugo --destination $site/out-hugo"
    hyperfine --style none --runs "$runs" --warmup 1 \
        --prepare "rm -rf $site/out-breingen $site/out-hugo" \
        --export-json "$site/times.json" "$b_cmd" "$h_cmd" >&2
    bt=$(median_s "$site/times.json" 0)
    ht=$(median_s "$site/times.json" 1)
    bc=$(cpu_s "$site/times.json" 0)
    hc=$(cpu_s "$site/times.json" 1)
    rm -rf "$site/out-breingen" "$site/out-hugo"
    bm=$(peak_kb $b_cmd)
    rm -rf "$site/out-hugo"
    hm=$(peak_kb $h_cmd)
    pages_b=$(find "$site/out-breingen" -name '*.html' | wc -l)
    pages_h=$(find "$site/out-hugo" -name '*.html' | wc -l)
    python3 - "$n" "$bt" "$ht" "$bc" "$hc" "$bm" "$hm" "$pages_b" "$pages_h" <<'PY'
import sys
n, bt, ht, bc, hc, bm, hm, pb, ph = sys.argv[1:]
bt, ht, bc, hc, bm, hm = float(bt), float(ht), float(bc), float(hc), int(bm), int(hm)
print("| %s (%s / %s HTML-bestanden) | %.2f s | %.2f s | %.2f× | %.2f s | %.2f s | %.2f× | %.0f MB | %.0f MB | %.3f (1/%.1f) |" % (
    n, pb, ph, bt, ht, ht / bt, bc, hc, hc / bc, bm / 1024, hm / 1024, bm / hm, hm / bm))
PY
done
