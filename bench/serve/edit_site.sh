#!/usr/bin/env bash
# Edit-to-served on the synthetic benchmark site (bench/site/generate.py: N best practices, the same pages
# for breingen and Hugo): `breingen serve` (full rebuild per change) against `hugo server` (live reload
# on), both on loopback. Each edit gives one best practice a new title; the script polls that page until
# the title is served.
#
#   bash bench/serve/edit_site.sh          # N=1000 best practices, 10 edits per server
#   N=10000 EDITS=5 bash bench/serve/edit_site.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

N=${N:-1000}
EDITS=${EDITS:-10}
source bench/serve/common.sh
require_tools hugo python3
build_breingen
make_work edit

python3 bench/site/generate.py "$N" "$work/gen" >/dev/null
TMPDIR="$work" "$BIN" serve --root "$work/gen/breingen" --port 0 2>"$work/breingen.log" &
pids+=($!)
wait_for_log "$work/breingen.log" "serveert" 120
breingen_port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/breingen.log" | head -1 | cut -d: -f2)
hugo_port=$((breingen_port + 1))
while (exec 3<>"/dev/tcp/127.0.0.1/$hugo_port") 2>/dev/null; do hugo_port=$((hugo_port + 1)); done
hugo server -s "$work/gen/hugo" --bind 127.0.0.1 --port "$hugo_port" --appendPort=false >"$work/hugo.log" 2>&1 &
pids+=($!)
wait_for_log "$work/hugo.log" "Web Server is available" 120

# The middle best practice (by file name) is the one edited.
slug=$(ls "$work/gen/breingen/content/best-practices" | sort | sed -n "$(( (N + 1) / 2 ))p" | sed 's/\.md$//')
hugo_name="hugo server $(hugo version | awk '{print $2}' | cut -d+ -f1)"
echo "N=$N best practices; edited: best-practices/$slug; $(nproc) cores, load before: $(cut -d' ' -f1 /proc/loadavg)"
grep -m1 "gebouwd" "$work/breingen.log"
grep -m1 -E "Built in|Total in" "$work/hugo.log" || true
echo "| server | median (ms) | p90 (ms) | max (ms) |"
echo "| --- | --- | --- | --- |"
for side in breingen hugo; do
    file="$work/gen/$side/content/best-practices/$slug.md"
    sed 's/^title: .*/title: "{marker}"/' "$file" >"$work/$side.template"
    port=$([ "$side" = breingen ] && echo "$breingen_port" || echo "$hugo_port")
    name=$([ "$side" = breingen ] && echo "breingen serve" || echo "$hugo_name")
    python3 bench/serve/edit_latency.py "$name" "$port" "$file" "$work/$side.template" "$EDITS" "/best-practices/$slug/" |
        awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }'
done
grep "herbouwd" "$work/breingen.log" | tail -1
