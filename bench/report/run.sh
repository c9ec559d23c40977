#!/bin/sh
# Benchmark of `breingen report` (issues 7 and 12): both formats of the 2020 example report, against
# WeasyPrint turning the same report's HTML into a PDF/UA PDF (the usual way to get a PDF out of a static
# site). Also prints what pdfua finds in both PDFs and their sizes.
#
#   swift build -c release --product breingen   # once
#   bench/report/run.sh                         # needs hyperfine; weasyprint (pip install weasyprint) for the peer
set -e
cd "$(dirname "$0")/../.."
BIN=.build/release/breingen
[ -x "$BIN" ] || { echo "eerst: swift build -c release --product breingen" >&2; exit 1; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$BIN" report --year 2020 --output "$OUT" --quiet
echo "PDF: $(pdfinfo "$OUT/jaarverslag-2020.pdf" 2>/dev/null | grep Pages || echo '?'), $(wc -c < "$OUT/jaarverslag-2020.pdf") bytes"
PEER=""
if command -v weasyprint >/dev/null 2>&1; then
    PEER="weasyprint --quiet --pdf-variant pdf/ua-1 $OUT/jaarverslag-2020.html $OUT/weasyprint.pdf"
    $PEER
    echo "WeasyPrint $(weasyprint --version | sed 's/.* //'): $(pdfinfo "$OUT/weasyprint.pdf" 2>/dev/null | grep Pages), $(wc -c < "$OUT/weasyprint.pdf") bytes"
else
    echo "weasyprint ontbreekt (pip install weasyprint): alleen breingen wordt gemeten" >&2
fi
if python3 -c "import pdfua" >/dev/null 2>&1; then
    for pdf in "$OUT/jaarverslag-2020.pdf" ${PEER:+"$OUT/weasyprint.pdf"}; do
        echo "pdfua $(basename "$pdf"): $(python3 -m pdfua check "$pdf" | grep 'result:' | sed 's/^ *//')"
    done
fi
hyperfine --warmup 3 --runs "${RUNS:-20}" --export-markdown "${EXPORT:-/dev/null}" \
    -n "breingen report (html+pdf)" "$BIN report --year 2020 --output $OUT --quiet" \
    -n "breingen report --format pdf" "$BIN report --year 2020 --format pdf --output $OUT --quiet" \
    -n "breingen report --format html" "$BIN report --year 2020 --format html --output $OUT --quiet" \
    ${PEER:+-n "weasyprint --pdf-variant pdf/ua-1 (HTML naar PDF)"} ${PEER:+"$PEER"}
