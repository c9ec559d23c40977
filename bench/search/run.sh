#!/usr/bin/env bash
# The search benchmark: what one query costs a visitor, and what the index costs the build.
#   1. Generates the benchmark site (bench/site/generate.py) at N = 1,000 and 10,000 best practices with
#      bodies drawn from the seed documents' words by their natural frequency (--vocabulary), builds it
#      with breingen (release) and times the build, the search index's phase apart (BREINGEN_TIMINGS).
#   2. Serves each output with a static server that gzips as a host does (bench/search/gzip_server.py)
#      and loads the search page once per query in headless Chromium with an empty cache
#      (bench/search/measure.py): the transfer sizes the browser reports, page and assets included.
#   3. Does the same for the example site (the repository's content).
# Queries: a rare word, a common word, two words, a prefix (four letters), picked from the vocabulary's
# frequency ranking (printed). Usage: bench/search/run.sh [--shared DIR] [N ...]   (default 1000 10000;
# DIR holds seeds/, default ../shared or $BREINGEN_SHARED). RUNS=n timed builds (default 3); WORK=dir.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
shared=${BREINGEN_SHARED:-$repo/../shared}
sizes=()
while [ $# -gt 0 ]; do
    case "$1" in
        --shared) shared=$2; shift 2 ;;
        *) sizes+=("$1"); shift ;;
    esac
done
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
runs=${RUNS:-3}
[ -d "$shared/seeds" ] || { echo "geen seeds in $shared/seeds (--shared DIR)" >&2; exit 1; }
for tool in python3 chromium chromedriver; do
    command -v "$tool" >/dev/null || { echo "ontbreekt: $tool (apt-get install chromium chromium-driver)" >&2; exit 1; }
done
python3 -c 'import selenium' 2>/dev/null || { echo "ontbreekt: selenium (pip install selenium)" >&2; exit 1; }

swift build -c release --product breingen >/dev/null
breingen="$repo/.build/release/breingen"
work=${WORK:-$(mktemp -d)}
echo "werkmap: $work" >&2
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true' EXIT

# The queries, from the vocabulary's ranking (the same for every N).
read -r rare common second prefix < <(python3 - "$shared/seeds" <<'PY'
import sys
sys.path.insert(0, "bench/site")
import generate
words, _ = generate.load_vocabulary(sys.argv[1])
stop = set(open("themes/default/assets/js/search.js").read().split('var STOP = ("')[1].split('").split')[0]
           .replace('" +\n    "', "").split())
content = [w for w in words if w not in stop and len(w) >= 5]
# The rare word: from rank 3000 on, the first that begins no other word of the vocabulary (a query of
# three letters or more also finds the words it begins).
rare = next(w for w in content[3000:] if len(w) >= 7 and not any(o != w and o.startswith(w[:-1]) for o in words))
print(rare, content[0], content[40], content[60][:4])
PY
)
echo "queries: zeldzaam '$rare', gewoon '$common', twee woorden '$common $second', prefix '$prefix'"
echo "load average vooraf: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() {  # measure OUTPUT LABEL QUERY...
    local output=$1 label=$2; shift 2
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    python3 bench/search/gzip_server.py "$port" "$output" & server_pid=$!
    sleep 1
    python3 bench/search/measure.py "http://127.0.0.1:$port/" "$@" 2>/dev/null | python3 -c '
import json, sys
label = sys.argv[1]
for line in sys.stdin:
    r = json.loads(line)
    print("| %s | `%s` | %s | %d | %.1f KB | %.1f KB | **%.1f KB** | %s |" % (label, r["query"], r["status"], r["requests"],
          r["page"] / 1000, r["index"] / 1000, r["total"] / 1000, ", ".join(f.split("-")[0] for f in r["index_files"])))
' "$label"
    kill "$server_pid"; server_pid=
}

echo
echo "| site | query | status | requests | page + assets | index | total | index files |"
echo "|---|---|---|---|---|---|---|---|"
"$breingen" build -q --root "$repo" --output "$work/example" 2>/dev/null
example_queries=(woningen "woningen daklozen" creeren jonge)
measure "$work/example" "voorbeeld" "${example_queries[@]}"
# SEARCH_BASELINE=DIR: a checkout of an older commit with its release build (the single-file index):
# the example site built and searched with it, for "no heavier than before" (SEARCH_BASELINE_LABEL names it).
if [ -n "${SEARCH_BASELINE:-}" ]; then
    "$SEARCH_BASELINE/.build/release/breingen" build -q --root "$SEARCH_BASELINE" --output "$work/example-before" 2>/dev/null
    measure "$work/example-before" "voorbeeld, vóór (${SEARCH_BASELINE_LABEL:-$SEARCH_BASELINE})" "${example_queries[@]}"
fi
for n in "${sizes[@]}"; do
    site="$work/n$n"
    [ -d "$site/breingen" ] || python3 bench/site/generate.py "$n" "$site" --vocabulary="$shared/seeds" >/dev/null
    rm -rf "$site/out"
    "$breingen" build -q --root "$site/breingen" --output "$site/out"
    measure "$site/out" "$n" "$rare" "$common" "$common $second" "$prefix"
done

echo
echo "| N | build, wall (median of $runs) | search index phase | share | index files | index bytes (raw / gzip) |"
echo "|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
    python3 - "$n" "$work/n$n" "$runs" "$breingen" <<'PY'
import gzip, os, re, shutil, statistics, subprocess, sys, time
n, site, runs, breingen = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
totals, phases = [], []
for r in range(runs):
    shutil.rmtree(os.path.join(site, "out"), ignore_errors=True)
    started = time.monotonic()
    done = subprocess.run([breingen, "build", "-q", "--root", os.path.join(site, "breingen"), "--output", os.path.join(site, "out")],
                          env=dict(os.environ, BREINGEN_TIMINGS="1"), capture_output=True, text=True, check=True)
    totals.append((time.monotonic() - started) * 1000)
    # The search pass's phases: records, pages read, index made, files written.
    phases.append(sum(float(v) for v in re.findall(r"search [a-z ]+ ([0-9.]+)/", done.stderr)))
folder = os.path.join(site, "out", "zoeken", "index")
files = [os.path.join(folder, f) for f in os.listdir(folder)]
raw = sum(os.path.getsize(f) for f in files)
gz = sum(len(gzip.compress(open(f, "rb").read(), 6)) for f in files)
t, p = statistics.median(totals), statistics.median(phases)
print("| %s | %.0f ms | %.0f ms | %.1f%% | %d | %.1f MB / %.1f MB |" % (n, t, p, 100 * p / t, len(files), raw / 1e6, gz / 1e6))
PY
done
echo "load average achteraf: $(cut -d' ' -f1-3 /proc/loadavg)"
