#!/usr/bin/env bash
# The installed command line finds its extension: `cmake --install` into a throwaway prefix,
# then `kpitree check` on the example workbook without KPITREE_OXT. Exit 0 when it ran the
# audit with the installed .oxt (exit 0 or 1: findings), 1 otherwise.
set -euo pipefail
build="$1" source="$2"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/kpitree share/kpitree/kpitree.oxt; do
    [[ -e "$prefix/$f" ]] || { echo "missing after install: $f"; exit 1; }
done
status=0
env -u KPITREE_OXT "$prefix/bin/kpitree" check "$source/examples/marketing-automation.ods" \
    >"$prefix/out.txt" 2>"$prefix/err.txt" || status=$?
cat "$prefix/out.txt" "$prefix/err.txt"
if grep -q "kpitree.oxt not found" "$prefix/err.txt"; then
    echo "the installed program did not find the installed extension"
    exit 1
fi
[[ $status -le 1 ]] || { echo "kpitree check exited $status"; exit 1; }
grep -q "^Summary:" "$prefix/out.txt" || { echo "no audit summary"; exit 1; }
