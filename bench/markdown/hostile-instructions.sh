#!/usr/bin/env bash
# Linearity of the hostile inputs in instructions rather than time: valgrind (callgrind) counts the
# instructions `breingen markdown` executes on each input at full size (n) and doubled (2n), less those
# of an empty input (start-up). Unlike a timing on a shared machine the count does not vary from run
# to run, so "2n / n per byte" near 1 shows linear work. Needs valgrind; after a release build.
#
#   bash bench/markdown/hostile-instructions.sh [--commonmark]
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "hostile-instructions: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
.build/release/bench-markdown hostile-dump "$dir"
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null .build/release/breingen markdown "$@" 2>&1 >/dev/null \
        | sed -n 's/.*refs: *//p' | tr -d ,
}
: > "$dir/empty.md"
base=$(count "$@" "$dir/empty.md")
echo "| case | bytes n | instructions n | instructions 2n | per byte 2n / n |"
echo "| --- | ---: | ---: | ---: | ---: |"
while read -r k name; do
    a=$(count "$@" "$dir/$k-n.md")
    b=$(count "$@" "$dir/$k-2n.md")
    bytes=$(stat -c %s "$dir/$k-n.md")
    bytes2=$(stat -c %s "$dir/$k-2n.md")
    awk -v name="$name" -v a=$((a - base)) -v b=$((b - base)) -v n="$bytes" -v m="$bytes2" \
        'BEGIN { printf "| %s | %d | %.1f M | %.1f M | %.2f |\n", name, n, a / 1e6, b / 1e6, (b / m) / (a / n) }'
done < "$dir/names.txt"
