#!/usr/bin/env bash
# Content model benchmark: load and validate N best practices with `breingen check` (release build),
# compared in the same run with Hugo loading the same pages (`hugo list all`, which reads and parses every
# page's front matter but validates nothing).
#
# Usage: bench/content/run.sh [N] [WORKDIR]     (defaults: 10000, /tmp/breingen-bench-content)
# Needs: python3, hyperfine, hugo; the site generator bench/site/generate.py (override with GEN=path).
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-10000}"
WORK="${2:-/tmp/breingen-bench-content}"
GEN="${GEN:-bench/site/generate.py}"
for tool in python3 hyperfine hugo; do
    command -v "$tool" >/dev/null || { echo "ontbreekt: $tool" >&2; exit 1; }
done
[ -f "$GEN" ] || { echo "generator niet gevonden: $GEN (zet GEN=pad/naar/generate.py)" >&2; exit 1; }

rm -rf "$WORK"
python3 "$GEN" "$N" "$WORK" >/dev/null
swift build -c release --product breingen 2>&1 | tail -1
BIN="$(swift build -c release --show-bin-path)/breingen"

# Sanity: the generated site is valid, and both tools see all pages.
"$BIN" check --root "$WORK/breingen"
echo "hugo pages: $(hugo list all -s "$WORK/hugo" | tail -n +2 | wc -l)"

echo "cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --warmup 2 --runs "${RUNS:-10}" --style basic \
    -n "breingen check ($N)" "$BIN check --root $WORK/breingen" \
    -n "hugo list all ($N)" "hugo list all -s $WORK/hugo"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "breingen check: %e s wall, %U s user, %S s sys, %M KB max RSS" "$BIN" check --root "$WORK/breingen" 2>&1 | tail -1
