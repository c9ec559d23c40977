#!/usr/bin/env bash
# The Markdown benchmark with its peers in the same run: installs cmark, cmark-gfm, pulldown-cmark and
# md4c when missing, compiles md4c's ten-line driver, builds breingen and bench-markdown in release
# and runs bench-markdown (speed, memory and hostile input unless a mode is given).
#
#   bash bench/markdown/run.sh [speed|memory|hostile|all] [--shared DIR] [--runs N]
#
# The prose corpus is made from the seed documents in DIR/seeds (default: ../shared next to the
# repository, or $BREINGEN_SHARED). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v cmark >/dev/null 2>&1 || need+=(cmark)
command -v cmark-gfm >/dev/null 2>&1 || need+=(cmark-gfm)
command -v pulldown-cmark >/dev/null 2>&1 || need+=(pulldown-cmark)
[ -f /usr/include/md4c-html.h ] || need+=(libmd4c-dev libmd4c-html0-dev)
if [ ${#need[@]} -gt 0 ]; then
    echo "== apt-get install ${need[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

mkdir -p .build
cc -O2 -o .build/md4c-driver bench/markdown/md4c-driver.c -lmd4c-html -lmd4c
swift build -c release --product breingen >&2
swift build -c release --product bench-markdown >&2
MD4C_DRIVER="$PWD/.build/md4c-driver" .build/release/bench-markdown "${@:-all}"
