#!/usr/bin/env bash
# Builds the libFuzzer harnesses in fuzz/harnesses/ with AddressSanitizer and coverage instrumentation:
# each module a harness needs is compiled once (whole-module, -O, instrumented) from Sources/, in the
# order Package.swift gives (read with `swift package dump-package`), then linked with the harness.
# Output: .build/fuzz/bin/fuzz-TARGET.
#
#   bash fuzz/build.sh [TARGET...]     (default: every harness)
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/fuzz
mkdir -p "$out/modules" "$out/bin"

flags=(-sanitize=fuzzer,address -O -g -parse-as-library -swift-version 5 -use-ld=lld)

# Harness -> the modules it imports; the modules those depend on come along.
declare -A uses=(
    [markdown]="Markdown"
    [yaml]="DataFormats"
    [frontmatter]="ContentModel"
    [csv]="ContentModel"
    [templates]="Site"
    [http]="Server"
    [font]="PDF"
)

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(markdown yaml frontmatter csv templates http font)

# "Module|flags" lines for the modules a harness needs, dependencies first.
modules_for() {
    swift package dump-package 2>/dev/null | python3 -c '
import json, sys
package = json.load(sys.stdin)
targets = {t["name"]: t for t in package["targets"]}
order, seen = [], set()
def visit(name):
    if name in seen: return
    seen.add(name)
    for dependency in targets[name].get("dependencies", []):
        visit(dependency["byName"][0])
    flags = []
    for setting in targets[name].get("settings", []):
        flags += setting.get("kind", {}).get("unsafeFlags", {}).get("_0", [])
    order.append(name + "|" + " ".join(flags))
for name in sys.argv[1:]: visit(name)
print("\n".join(order))
' "$@"
}

declare -A built=()
for target in "${targets[@]}"; do
    [ -n "${uses[$target]+x}" ] || { echo "fuzz: unknown target '$target'" >&2; exit 2; }
    objects=()
    changed=""
    while IFS='|' read -r module extra; do
        object="$out/modules/$module.o"
        # Rebuilt when a source of the module is newer than its object, or a module before it was rebuilt.
        if [ -n "${built[$module]:-}" ]; then
            [ "${built[$module]}" = compiled ] && changed=1
        elif [ -n "$changed" ] || [ ! -f "$object" ] || [ -n "$(find "Sources/$module" -name '*.swift' -newer "$object" | head -1)" ]; then
            changed=1
            echo "fuzz: compiling $module" >&2
            # shellcheck disable=SC2086
            swiftc "${flags[@]}" $extra -enable-testing -module-name "$module" -wmo \
                -emit-module -emit-module-path "$out/modules/$module.swiftmodule" -I "$out/modules" \
                -c $(find "Sources/$module" -name '*.swift' | sort) -o "$object"
            built[$module]=compiled
        else
            built[$module]=current
        fi
        objects+=("$object")
    done < <(modules_for ${uses[$target]})
    binary="$out/bin/fuzz-$target"
    harness="fuzz/harnesses/$target.swift"
    newest=$(ls -t "$harness" "${objects[@]}" "$binary" 2>/dev/null | head -1 || true)
    if [ "$newest" != "$binary" ]; then
        echo "fuzz: linking fuzz-$target" >&2
        swiftc "${flags[@]}" -module-name "fuzz_$target" -I "$out/modules" "$harness" "${objects[@]}" -o "$binary"
    fi
done
