#!/usr/bin/env bash
# Benchmark of the PDF typesetter against ReportLab (peer) on the same 30-page sample document.
# Release build of bench-pdf; writes into a temporary folder. Usage: bench/pdf/run.sh
# Needs hyperfine and `pip install reportlab` for the peer; says so when either is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if swift build -c release --product bench-pdf 2>&1 | grep -E "error|warning:"; then
    echo "release build failed" >&2
    exit 1
fi
bin=.build/release/bench-pdf

echo "== in-process time per document (mean of 20 runs, startup excluded; CPU = all threads)"
$bin "$out/breingen.pdf" --sections 10 --repeat 20 --json "$out/sample.json"
if python3 -c "import reportlab" 2>/dev/null; then
    python3 bench/pdf/reportlab_peer.py "$out/sample.json" "$out/reportlab.pdf" 5
    echo "sizes: breingen $(wc -c < "$out/breingen.pdf") bytes, reportlab $(wc -c < "$out/reportlab.pdf") bytes"
else
    echo "reportlab is not installed (pip install reportlab): no peer comparison"
fi

if command -v hyperfine >/dev/null && python3 -c "import reportlab" 2>/dev/null; then
    echo "== whole process, hyperfine"
    hyperfine --warmup 2 --runs 10 -N \
        "$bin $out/breingen.pdf --sections 10" \
        "python3 bench/pdf/reportlab_peer.py $out/sample.json $out/reportlab.pdf"
fi
