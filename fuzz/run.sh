#!/usr/bin/env bash
# Runs each libFuzzer harness for SECONDS seconds (default 60) from its seed corpus, one after another,
# and prints executions, coverage and findings per target. Exits 1 when any target found a crash, a
# timeout (an input taking more than 1 s), a leak or an out-of-memory (more than 2 GB); the input that
# did it is in .build/fuzz/findings/TARGET/ (replay: .build/fuzz/bin/fuzz-TARGET FILE).
#
#   bash fuzz/run.sh [SECONDS] [TARGET...]     e.g. bash fuzz/run.sh 600 markdown
#
# Inputs that reach new code are kept in .build/fuzz/corpus/TARGET/, so later runs go on from there; the
# committed seeds in fuzz/corpus/TARGET/ are only read.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(markdown yaml frontmatter csv templates http font)

bash fuzz/build.sh "${targets[@]}"

failed=0
printf '%-12s %8s %12s %10s %8s %8s %8s %9s  %s\n' target seconds executions exec/s cov ft rss-MB slowest-s result
for target in "${targets[@]}"; do
    work=.build/fuzz/corpus/$target findings=.build/fuzz/findings/$target log=.build/fuzz/logs/$target.log
    mkdir -p "$work" "$findings" "$(dirname "$log")"
    status=0
    # detect_leaks: every input is parsed from scratch, so memory kept after it returns is a leak
    # (a reference cycle, say). -timeout=1: no input may take a second.
    dict=()
    case $target in
        frontmatter) dict=(-dict=fuzz/dictionaries/yaml.dict) ;;
        *) [ -f "fuzz/dictionaries/$target.dict" ] && dict=(-dict="fuzz/dictionaries/$target.dict") ;;
    esac
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 SWIFT_BACKTRACE=enable=no \
        ".build/fuzz/bin/fuzz-$target" "$work" "fuzz/corpus/$target" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    slowest=$(sed -n 's/^stat::slowest_unit_time_sec: *//p' "$log" | tail -1)
    if [ "$status" -eq 0 ]; then
        result=ok
    else
        failed=1
        result="FOUND: $(grep -m1 -E 'ERROR: libFuzzer|ERROR: AddressSanitizer|ERROR: LeakSanitizer|Fatal error|Illegal instruction|SUMMARY' "$log" || echo "exit $status") ($(ls "$findings" | tail -1))"
    fi
    printf '%-12s %8s %12s %10s %8s %8s %8s %9s  %s\n' "$target" "$seconds" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" \
        "${rss:-?}" "${slowest:-?}" "$result"
done
exit $failed
