#!/usr/bin/env bash
# Resident memory of `breingen serve` on the example site over SAVES template saves (base.html, which
# every page extends: a new template environment each time) and then SAVES content saves (a best
# practice's title). The figure that matters is the growth from save 20 (caches warm) to the last save:
# a leak grows with every save. Release build; see docs/benchmarks.md.
#
#   bash bench/serve/memory.sh            # 200 + 200 saves
#   SAVES=50 bash bench/serve/memory.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

SAVES=${SAVES:-200}
KINDS=${KINDS:-template content}
source bench/serve/common.sh
require_tools python3
build_breingen
make_work memory

mkdir -p "$work/site"
cp -r content themes "$work/site/"
TMPDIR="$work" "$BIN" serve --root "$work/site" --port 0 2>"$work/serve.log" &
pid=$!
pids+=($pid)
wait_for_log "$work/serve.log" "serveert" 120
port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1 | cut -d: -f2)
start_rss=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")

base="$work/site/themes/default/templates/base.html"
# The marker goes into the footer of every page, as a comment a template author might add.
sed 's|</body>|<!-- {marker} --></body>|' "$base" >"$work/base.template"
practice=$(ls "$work/site/content/best-practices" | sort | head -1)
slug=${practice%.md}
sed 's/^title: .*/title: "{marker}"/' "$work/site/content/best-practices/$practice" >"$work/practice.template"

echo "example site; $(nproc) cores, load before: $(cut -d' ' -f1 /proc/loadavg); RSS after start: $start_rss MB"
echo "| saves | RSS after 20 saves (MB) | RSS after $SAVES saves (MB) | growth | max (MB) |"
echo "| --- | --- | --- | --- | --- |"
for kind in $KINDS; do
    if [ "$kind" = template ]; then
        result=$(python3 bench/serve/memory.py "$pid" "$port" "$base" "$work/base.template" "$SAVES" / "$SAVES template saves (base.html)")
    else
        result=$(python3 bench/serve/memory.py "$pid" "$port" "$work/site/content/best-practices/$practice" \
            "$work/practice.template" "$SAVES" "/best-practices/$slug/" "$SAVES content saves (best practice)")
    fi
    awk -F'\t' '{ printf "| %s | %s | %s | %s%% | %s |\n", $1, $2, $3, $4, $5 }' <<<"$result"
done
grep "herbouwd" "$work/serve.log" | tail -1
