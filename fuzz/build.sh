#!/usr/bin/env bash
# Builds the libFuzzer harnesses in fuzz/harnesses/ with AddressSanitizer and coverage instrumentation:
# each module a harness needs is compiled once (whole-module, -O, instrumented) from Sources/, then
# linked with the harness. Output: .build/fuzz/bin/fuzz-TARGET.
#
#   bash fuzz/build.sh [TARGET...]     (default: every harness)
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/fuzz
mkdir -p "$out/modules" "$out/bin"

flags=(-sanitize=fuzzer,address -O -g -parse-as-library -swift-version 5 -use-ld=lld)

# Module -> the modules it imports (as in Package.swift).
declare -A deps=(
    [Diagnostics]=""
    [Markdown]=""
    [DataFormats]="Diagnostics"
    [Templates]="Diagnostics DataFormats Markdown"
    [ContentModel]="DataFormats Diagnostics Markdown"
    [Server]="Diagnostics"
)
declare -A extra=([Templates]="-enforce-exclusivity=unchecked")
# Harness -> the modules it links.
declare -A uses=(
    [markdown]="Markdown"
    [yaml]="Diagnostics DataFormats"
    [frontmatter]="Diagnostics Markdown DataFormats ContentModel"
    [csv]="Diagnostics Markdown DataFormats ContentModel"
    [templates]="Diagnostics Markdown DataFormats Templates"
    [http]="Diagnostics Server"
)

declare -A built=()
build_module() {
    local name=$1
    [ -n "${built[$name]:-}" ] && return
    for dep in ${deps[$name]}; do build_module "$dep"; done
    local object="$out/modules/$name.o"
    # Rebuilt only when a source of the module is newer than its object.
    if [ ! -f "$object" ] || [ -n "$(find "Sources/$name" -name '*.swift' -newer "$object" | head -1)" ]; then
        echo "fuzz: compiling $name" >&2
        swiftc "${flags[@]}" ${extra[$name]:-} -enable-testing -module-name "$name" -wmo \
            -emit-module -emit-module-path "$out/modules/$name.swiftmodule" -I "$out/modules" \
            -c $(find "Sources/$name" -name '*.swift' | sort) -o "$object"
    fi
    built[$name]=1
}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(markdown yaml frontmatter csv templates http)
for target in "${targets[@]}"; do
    [ -n "${uses[$target]+x}" ] || { echo "fuzz: unknown target '$target'" >&2; exit 2; }
    objects=()
    for module in ${uses[$target]}; do
        build_module "$module"
        objects+=("$out/modules/$module.o")
    done
    binary="$out/bin/fuzz-$target"
    harness="fuzz/harnesses/$target.swift"
    newest=$(ls -t "$harness" "${objects[@]}" "$binary" 2>/dev/null | head -1 || true)
    if [ "$newest" != "$binary" ]; then
        echo "fuzz: linking fuzz-$target" >&2
        swiftc "${flags[@]}" -module-name "fuzz_$target" -I "$out/modules" "$harness" "${objects[@]}" -o "$binary"
    fi
done
