#!/usr/bin/env bash
# Incremental rebuilds on the 10,000-page benchmark site (bench/site/generate.py): starts `breingen serve`
# and the peer `hugo server` on the same generated content, edits one best practice EDITS times in each
# and measures
#   - edit to served: from writing the file to the new text being served (bench/serve/edit_page_latency.py,
#     polling the page every millisecond over one keep-alive connection, 127.0.0.1 only), both tools, for
#     an edit of the Markdown body; for breingen also for an edit of the title (a field that list pages,
#     neighbours and the feed show: the slower path that plans and fingerprints every page);
#   - breingen's own figure: from the change being noticed (inotify) to the new output being served,
#     read from serve's terminal lines ("... ms na de wijziging"), also for a new best practice and its
#     deletion (ADDS times, default 3), and (each edit followed by its restore) for an edit of a template
#     few pages use (theme.html, the theme pages; OTHER_EDITS times, default 3), of a theme's title
#     (content/themes/tolerantie.md, shown on its page, the themes list and the pages of its best
#     practices; OTHER_EDITS times) and of the template every page extends (base.html; BASE_EDITS times,
#     default 1, BASE_QUIET seconds, default 40, after each write).
#
#   bash bench/serve/incremental.sh            # N=10000, 10 edits each, 10 s of quiet after start-up (SETTLE)
#   N=1000 EDITS=20 bash bench/serve/incremental.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

N=${N:-10000}
EDITS=${EDITS:-10}
source bench/serve/common.sh
require_tools hugo python3
build_breingen
make_work incremental

python3 bench/site/generate.py "$N" "$work" >/dev/null
slug=$(ls "$work/breingen/content/best-practices" | sed -n "$((N / 2))p" | sed 's/\.md$//')
echo "site: $N best practices; edited: best-practices/$slug; $(nproc) cores, load before: $(cut -d' ' -f1 /proc/loadavg)"

started=$(date +%s.%N)
TMPDIR="$work" "$BIN" serve --root "$work/breingen" --port 0 2>"$work/breingen.log" &
pids+=($!)
wait_for_log "$work/breingen.log" "serveert" 600
echo "breingen serve: first build $(grep -o 'gebouwd.*' "$work/breingen.log" | head -1)"
port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/breingen.log" | head -1 | cut -d: -f2)

hugo_port=$((port + 1))
while (exec 3<>"/dev/tcp/127.0.0.1/$hugo_port") 2>/dev/null; do hugo_port=$((hugo_port + 1)); done
hugo server -s "$work/hugo" --bind 127.0.0.1 --port "$hugo_port" --appendPort=false >"$work/hugo.log" 2>&1 &
pids+=($!)
wait_for_log "$work/hugo.log" "Web Server is available" 600
echo "hugo server: $(grep -i 'built in' "$work/hugo.log" | head -1)"

# Both servers have just built (hugo for many seconds): let them and the disk settle before editing, so
# neither tool's edits pay for the other's start-up.
sleep "${SETTLE:-10}"
echo "load after settling: $(cut -d' ' -f1 /proc/loadavg)"
hugo_name="hugo server $(hugo version | awk '{print $2}' | cut -d+ -f1)"
echo
echo "edit to served ($EDITS edits each; milliseconds)"
echo "| server | median | p90 | max |"
echo "| --- | --- | --- | --- |"
python3 bench/serve/edit_page_latency.py "breingen serve" "$port" "/best-practices/$slug/" \
    "$work/breingen/content/best-practices/$slug.md" "$EDITS" |
    awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }'
sleep 1  # the rebuild after the restore of the file belongs to the body edits
body_lines=$(grep -c 'herbouwd' "$work/breingen.log" || true)
python3 bench/serve/edit_page_latency.py "breingen serve (titel)" "$port" "/best-practices/$slug/" \
    "$work/breingen/content/best-practices/$slug.md" "$EDITS" title |
    awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }'
sleep 1
title_lines=$(grep -c 'herbouwd' "$work/breingen.log" || true)
# A new best practice (the newest, so it shifts the bank and its theme's and tag's lists), then its
# deletion, ADDS times: serve's own figures only (noticed to served).
for i in $(seq 1 "${ADDS:-3}"); do
    printf -- '---\ntitle: Nieuwe praktijk %s\ndate: 2026-11-24\nthemes: ["tolerantie"]\ntags: ["wijk"]\nplaces: ["Utrecht"]\nstatus: actief\n---\n\nTekst.\n' "$i" \
        >"$work/breingen/content/best-practices/nieuwe-praktijk-$i.md"
    sleep 3
    rm "$work/breingen/content/best-practices/nieuwe-praktijk-$i.md"
    sleep 3
done
adds_lines=$(grep -c 'herbouwd' "$work/breingen.log" || true)
# The other edits: each COUNT times (an edit, then its restore), QUIET seconds after each write.
other_edit() {  # file, sed expression, count, quiet
    cp "$1" "$work/saved"
    for i in $(seq 1 "$3"); do
        sed -i "$2" "$1"
        sleep "$4"
        cp "$work/saved" "$1"
        sleep "$4"
    done
}
templates="$work/breingen/themes/default/templates"
other_edit "$templates/theme.html" 's|{% endblock %}|<!-- bewerkt -->{% endblock %}|' "${OTHER_EDITS:-3}" "${QUIET:-4}"
theme_template_lines=$(grep -c 'herbouwd' "$work/breingen.log" || true)
other_edit "$work/breingen/content/themes/tolerantie.md" 's|^title: .*|title: "Tolerantie (bewerkt)"|' "${OTHER_EDITS:-3}" "${QUIET:-4}"
theme_title_lines=$(grep -c 'herbouwd' "$work/breingen.log" || true)
# Every page extends base.html: each of these builds renders all of them, so it gets more time.
other_edit "$templates/base.html" 's|</body>|<!-- bewerkt --></body>|' "${BASE_EDITS:-1}" "${BASE_QUIET:-40}"
base_template_lines=$(grep -c 'herbouwd' "$work/breingen.log" || true)
# Hugo last, HUGO_EDITS times (default EDITS); a loaded machine can make it miss the poller's limit, which
# is reported without losing breingen's figures.
python3 bench/serve/edit_page_latency.py "$hugo_name" "$hugo_port" "/best-practices/$slug/" \
    "$work/hugo/content/best-practices/$slug.md" "${HUGO_EDITS:-$EDITS}" |
    awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' || echo "($hugo_name: no figure, see above)"

echo
echo "breingen serve, change noticed to new output served (its terminal lines):"
grep 'herbouwd' "$work/breingen.log" | sed 's/^/    /'
noticed() { grep 'herbouwd' "$work/breingen.log" | sed -n "$1" | grep -o '[0-9]* ms na de wijziging' | awk '{print $1}'; }
stats() {
    python3 -c 'import statistics, sys
v = [float(x) for x in sys.stdin if x.strip()]
print("%s: median %.0f ms, max %.0f ms over %d rebuilds" % (sys.argv[1], statistics.median(v), max(v), len(v)) if v else "")' "$1"
}
noticed "1,${body_lines}p" | stats "noticed to served, body edits (and the restore)"
noticed "$((body_lines + 1)),${title_lines}p" | stats "noticed to served, title edits (and the restore)"
noticed "$((title_lines + 1)),${adds_lines}p" | stats "noticed to served, a new best practice and its deletion"
noticed "$((adds_lines + 1)),${theme_template_lines}p" | stats "noticed to served, template theme.html edited (and restored)"
noticed "$((theme_template_lines + 1)),${theme_title_lines}p" | stats "noticed to served, a theme's title edited (and restored)"
noticed "$((theme_title_lines + 1)),${base_template_lines}p" | stats "noticed to served, template base.html edited (and restored)"
