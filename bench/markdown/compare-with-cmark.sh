#!/bin/sh
# Differential check on the two 10 MB benchmark corpora: breingen against cmark (CommonMark mode) and
# cmark-gfm with all extensions (GFM mode). Prints the distinct differing lines with their counts.
# Usage: bench/markdown/compare-with-cmark.sh   (after a release build of breingen and bench-markdown;
# the prose corpus needs the seed documents: ../shared next to the repository, or set BREINGEN_SHARED)
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
.build/release/bench-markdown corpus "$dir"
for corpus in spec-10mb proza-10mb; do
    .build/release/breingen markdown --commonmark "$dir/$corpus.md" > "$dir/ours-cm.html"
    cmark --unsafe "$dir/$corpus.md" > "$dir/cmark.html"
    .build/release/breingen markdown "$dir/$corpus.md" > "$dir/ours-gfm.html"
    cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes \
        "$dir/$corpus.md" > "$dir/cmark-gfm.html"
    for pair in "ours-cm cmark" "ours-gfm cmark-gfm"; do
        set -- $pair
        if cmp -s "$dir/$1.html" "$dir/$2.html"; then
            echo "$corpus: $1 = $2 (byte for byte)"
        else
            echo "$corpus: $1 differs from $2 in these lines (count, < ours, > theirs):"
            diff "$dir/$1.html" "$dir/$2.html" | grep '^[<>]' | sort | uniq -c | sort -rn | head -40 || true
        fi
    done
done
