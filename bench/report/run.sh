#!/bin/sh
# Benchmark of `breingen report` (issue 7): both formats of the 2020 example report, against WeasyPrint
# turning the same report's HTML into a PDF (the usual way to get a PDF out of a static site).
#
#   swift build -c release --product breingen   # once
#   bench/report/run.sh                         # needs hyperfine; weasyprint for the peer
set -e
cd "$(dirname "$0")/../.."
BIN=.build/release/breingen
[ -x "$BIN" ] || { echo "eerst: swift build -c release --product breingen" >&2; exit 1; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$BIN" report --year 2020 --output "$OUT" --quiet
echo "PDF: $(pdfinfo "$OUT/jaarverslag-2020.pdf" 2>/dev/null | grep Pages || echo '?')"
PEER=""
if command -v weasyprint >/dev/null 2>&1; then
    PEER="weasyprint --quiet $OUT/jaarverslag-2020.html $OUT/weasyprint.pdf"
else
    echo "weasyprint ontbreekt (apt-get install weasyprint): alleen breingen wordt gemeten" >&2
fi
hyperfine --warmup 3 --runs "${RUNS:-20}" --export-markdown "${EXPORT:-/dev/null}" \
    -n "breingen report (html+pdf)" "$BIN report --year 2020 --output $OUT --quiet" \
    -n "breingen report --format pdf" "$BIN report --year 2020 --format pdf --output $OUT --quiet" \
    -n "breingen report --format html" "$BIN report --year 2020 --format html --output $OUT --quiet" \
    ${PEER:+-n "weasyprint (HTML naar PDF)"} ${PEER:+"$PEER"}
