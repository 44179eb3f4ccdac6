#!/usr/bin/env bash
# The benchmark command: the core benchmarks (bench.core) and the in-office benchmarks
# (tests/bench/office_bench.py) in one go, merged into build/bench/results.json: every figure
# with its name, value and unit, and the ratios taken in the same run. Assumes a built tree
# (scripts/test.sh or cmake --build build). Timings are figures, never assertions.
#
#   scripts/bench.sh            full sizes (1,000 and 2,000 KPIs in the office; minutes)
#   scripts/bench.sh --short    the short version ctest's bench.office runs
set -euo pipefail
cd "$(dirname "$0")/.."
build="${KPITREE_BUILD_DIR:-build}"
export KPITREE_BENCH_DIR="$build/bench" KPITREE_OXT="${KPITREE_OXT:-$build/kpitree.oxt}"
mkdir -p "$KPITREE_BENCH_DIR"
"$build/tests/kpitree_core_bench"
/usr/bin/python3 tests/bench/office_bench.py "$@" >/dev/null
/usr/bin/python3 - "$KPITREE_BENCH_DIR" <<'PY'
import json, os, re, sys
out = sys.argv[1]
core, section = {}, ""
for line in open(os.path.join(out, "core_speed.txt")):
    m = re.match(r"\s+(.+): ([0-9.e+-]+) ms", line)
    if m:
        core["%s %s" % (section, m.group(1))] = {"value": float(m.group(2)), "unit": "ms"}
    elif line.strip() and not line.startswith("#"):
        section = line.strip()
office = json.load(open(os.path.join(out, "office.json")))
figures = {k: {"value": v, "unit": "s soffice CPU"} for k, v in office["figures"].items()}
json.dump({"core": core, "office": figures, "ratios": office["ratios"], "short": office["short"]},
          open(os.path.join(out, "results.json"), "w"), indent=2)
print("wrote", os.path.join(out, "results.json"))
PY
