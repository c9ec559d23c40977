#!/usr/bin/env bash
# Load run of `breingen serve` against the peer `hugo server`, both serving the same HTML page with
# live reload on, measured with wrk on loopback (127.0.0.1 only). Bounded: DURATION seconds per run.
#
#   bash bench/serve/run.sh            # 3 alternating rounds of 5 s per server, 2 wrk threads, 64 connections
#   ROUNDS=1 DURATION=10 CONNECTIONS=256 bash bench/serve/run.sh
#
# Prints a table row per run, the medians and their ratio; needs wrk and hugo (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
source bench/serve/common.sh
require_tools wrk hugo

build_breingen
make_work serve

# The example site, served by breingen.
mkdir -p "$work/site"
cp -r content "$work/site/"
TMPDIR="$work" "$BIN" serve --root "$work/site" --port 0 2>"$work/breingen.log" &
pids+=($!)
wait_for_log "$work/breingen.log" "serveert" 10
breingen_port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/breingen.log" | head -1 | cut -d: -f2)

# The same page as a Hugo site: the built index.html as the home layout (plain HTML, no template code).
"$BIN" build --root "$work/site" --output "$work/built" --quiet
mkdir -p "$work/hugo/layouts"
cp "$work/built/index.html" "$work/hugo/layouts/index.html"
printf 'baseURL = "http://127.0.0.1/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "404"]\n' >"$work/hugo/config.toml"
hugo_port=$((breingen_port + 1))
while (exec 3<>"/dev/tcp/127.0.0.1/$hugo_port") 2>/dev/null; do hugo_port=$((hugo_port + 1)); done
hugo server -s "$work/hugo" --bind 127.0.0.1 --port "$hugo_port" --appendPort=false >"$work/hugo.log" 2>&1 &
pids+=($!)
wait_for_log "$work/hugo.log" "Web Server is available" 10

for url in "http://127.0.0.1:$breingen_port/" "http://127.0.0.1:$hugo_port/"; do
    size=$(curl -s "$url" | wc -c)
    echo "page $url: $size bytes"
done

run() { # name url round
    local out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2")
    local rps p50 p99 errors non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Socket errors/ {print $3 $4 $5 $6 $7 $8 $9 $10}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $4}' <<<"$out")
    echo "| $3 | $1 | $rps | $p50 | $p99 | ${errors:-none} | ${non2xx:-0} |" >>"$work/table"
    echo "$rps" >>"$work/$4"
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

hugo_name="hugo server $(hugo version | awk '{print $2}' | cut -d+ -f1)"
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS alternating rounds, loopback, $(nproc) cores, load before: $(cut -d' ' -f1 /proc/loadavg)"
echo "| round | server | requests/s | p50 | p99 | socket errors | non-2xx |" >"$work/table"
echo "| --- | --- | --- | --- | --- | --- | --- |" >>"$work/table"
# Alternating rounds so that load from other processes hits both servers alike.
for round in $(seq 1 "$ROUNDS"); do
    run "breingen serve" "http://127.0.0.1:$breingen_port/" "$round" ours
    run "$hugo_name" "http://127.0.0.1:$hugo_port/" "$round" peer
done
cat "$work/table"

# Edit-to-served latency: a new title in the site's source, polled until it is served.
EDITS=${EDITS:-20}
echo
echo "edit to served ($EDITS edits each; milliseconds)"
echo "| server | median | p90 | max |"
echo "| --- | --- | --- | --- |"
# The site's own settings with a marker as title (which every page shows), and the Hugo layout likewise.
sed 's/^title: .*/title: {marker}/' "$work/site/content/site.yml" >"$work/site.template"
sed 's/<title>[^<]*<\/title>/<title>{marker}<\/title>/' "$work/hugo/layouts/index.html" >"$work/layout.template"
grep -q '{marker}' "$work/site.template" && grep -q '{marker}' "$work/layout.template"
python3 bench/serve/edit_latency.py "breingen serve" "$breingen_port" "$work/site/content/site.yml" "$work/site.template" "$EDITS" |
    awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }'
python3 bench/serve/edit_latency.py "$hugo_name" "$hugo_port" "$work/hugo/layouts/index.html" "$work/layout.template" "$EDITS" |
    awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }'
echo

ours=$(median "$work/ours")
peer=$(median "$work/peer")
echo "median requests/s: breingen serve $ours, $hugo_name $peer"
awk -v a="$ours" -v b="$peer" 'BEGIN { printf "ratio breingen/hugo (medians): %.2fx\n", a / b }'
