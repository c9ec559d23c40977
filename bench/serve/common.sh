# Shared start-up of the serve benchmarks (sourced, from the repository root): tools, the release
# binary, a work folder that goes with every server started into `pids` when the script ends.

# Exits with a message when one of the named tools is missing.
require_tools() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "bench/serve: '$tool' ontbreekt (apt-get install $tool)" >&2; exit 1; }
    done
}

# Builds the release binary; sets BIN.
build_breingen() {
    swift build -c release --product breingen 2>&1 | tail -1
    BIN="$PWD/.build/release/breingen"
}

# Makes the work folder `work` (named after $1) and stops the servers in `pids` and removes it on exit.
make_work() {
    work=$(mktemp -d "/tmp/breingen-bench-$1.XXXXXX")
    pids=()
    trap cleanup EXIT
}

cleanup() {
    for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}

# Waits until log $1 has a line matching $2, at most $3 seconds; else prints the log and exits.
wait_for_log() {
    for _ in $(seq 1 $(($3 * 20))); do
        grep -q "$2" "$1" 2>/dev/null && return
        sleep 0.05
    done
    echo "bench/serve: server did not start; log:" >&2
    cat "$1" >&2
    exit 1
}
