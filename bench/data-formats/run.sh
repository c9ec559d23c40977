#!/usr/bin/env bash
# Benchmark of the YAML and CSV readers against PyYAML (C and pure Python loaders) and Python's csv, in
# one run: builds bench-data-formats in release and runs it (it generates its input deterministically).
# Usage: bench/data-formats/run.sh [COUNT] [--no-peers]   (COUNT front matters, default 10,000)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product bench-data-formats >&2
.build/release/bench-data-formats "$@"
