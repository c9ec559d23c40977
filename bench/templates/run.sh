#!/usr/bin/env bash
# Template benchmark: our engine (release build) and Jinja2 on the same templates and data, in the same
# run, N renders each (default 1000). Checks both produce identical output, then prints µs per render
# and the ratio. Usage: bench/templates/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-1000}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
swift build -c release --product bench-templates >/dev/null
BIN="$(swift build -c release --show-bin-path)/bench-templates"
"$BIN" bench/templates "$N" "$OUT" > "$OUT/ours.txt"
python3 bench/templates/jinja_bench.py "$N" "$OUT" > "$OUT/jinja.txt"
for name in bigtable teams; do
    cmp -s "$OUT/$name.breingen.html" "$OUT/$name.jinja2.html" || { echo "output of $name differs from Jinja2" >&2; exit 1; }
done
echo "Jinja2 $(python3 -c 'import jinja2; print(jinja2.__version__)'), $N renders each, µs per render (identical output checked)"
printf "%-10s %12s %12s %10s\n" template breingen jinja2 "jinja2/ours"
while read -r name ours; do
    theirs="$(awk -v n="$name" '$1 == n { print $2 }' "$OUT/jinja.txt")"
    printf "%-10s %12s %12s %9.1fx\n" "$name" "$ours" "$theirs" "$(echo "$theirs / $ours" | bc -l)"
done < "$OUT/ours.txt"
