#!/usr/bin/env bash
# The benchmark command: the core benchmarks (bench.core) and the in-office benchmarks
# (tests/bench/office_bench.py) in one go, and the sidebar's refresh after an edit in a GUI office
# under Xvfb (tests/bench/sidebar_bench.py; skipped with its reason when there is no X server),
# merged into build/bench/results.json: every figure with its name, value and unit, and the
# ratios taken in the same run. Assumes a built tree
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
/usr/bin/python3 tests/bench/sidebar_bench.py "$@" >/dev/null
/usr/bin/python3 - "$KPITREE_BENCH_DIR" <<'PY'
import json, os, re, sys
out = sys.argv[1]
core, growth, section = {}, {}, ""
for line in open(os.path.join(out, "core_speed.txt")):
    m = re.match(r"\s+(.+): ([0-9.e+-]+) (ms|faults|x)$", line)
    if m and m.group(3) != "x":
        unit = "ms CPU" if m.group(3) == "ms" else "minor page faults per call"
        core["%s %s" % (section, m.group(1))] = {"value": float(m.group(2)), "unit": unit}
    elif m:  # the growth section: time at 100,001 rows over time at 10,001 rows
        growth["core.growth.10kto100k %s" % m.group(1)] = float(m.group(2))
    elif line.strip() and not line.startswith("#"):
        section = line.strip()
# statsmodels on the shape of the core's "granger" section: 1,000 tests, 36 points, lag 2.
import time, warnings
import numpy as np
from statsmodels.tsa.stattools import grangercausalitytests
rng = np.random.default_rng(3)
pairs = [rng.standard_normal((36, 2)) for _ in range(1000)]
warnings.simplefilter("ignore")
start = time.process_time()
for pair in pairs:
    grangercausalitytests(pair, [2], verbose=False)
statsmodels_ms = (time.process_time() - start) * 1000
core["granger: statsmodels grangercausalitytests x1000"] = {"value": statsmodels_ms, "unit": "ms"}
office = json.load(open(os.path.join(out, "office.json")))
def unit(name):
    if name.startswith("cli."):
        return "s wall" if name.endswith(".wall") else "s CPU (kpitree and its children)"
    return "s soffice CPU"
figures = {k: {"value": v, "unit": unit(k)} for k, v in office["figures"].items()}
ratios = dict(office["ratios"])
ratios.update(growth)
if growth:
    ratios["core.growth.10kto100k max"] = max(v for k, v in growth.items() if "floor" not in k)
core_granger = core.get("granger: 1000 tests, 36 points, lag 2 granger_test x1000")
if core_granger:
    ratios["granger.statsmodels/core"] = statsmodels_ms / core_granger["value"]
# The sidebar's figures carry their own units (ms wall or ms soffice CPU).
sidebar = json.load(open(os.path.join(out, "sidebar.json")))
figures.update(sidebar.get("figures", {}))
ratios.update(sidebar.get("ratios", {}))
result = {"core": core, "office": figures, "ratios": ratios, "short": office["short"]}
if "skipped" in sidebar:
    result["sidebar skipped"] = sidebar["skipped"]
json.dump(result, open(os.path.join(out, "results.json"), "w"), indent=2)
print("wrote", os.path.join(out, "results.json"))
PY
