#!/usr/bin/python3
"""In-office benchmarks: KPI Tree's functions in real cells of one headless office, timed as
the CPU time soffice.bin spends (user + system, from /proc), with every comparison taken in the
same run and interleaved, so the ratios hold on a noisy machine. Writes a JSON object of
figures to $KPITREE_BENCH_DIR/office.json (build/bench by default). It asserts nothing about
time; it fails only when a formula does not give its expected kind of result.

    KPITREE_OXT=build/kpitree.oxt /usr/bin/python3 tests/bench/office_bench.py [--short]
    KPITREE_OXT=build/kpitree.oxt /usr/bin/python3 tests/bench/office_bench.py --cli-only

(--cli-only: the command-line figures below alone, written to office-cli.json.)

Figures (seconds of soffice CPU per recalculation, median of REPEAT interleaved runs):
  check.array.N, check.plain.N, check.sumproduct.N   one full recalculation (calculateAll)
  check.fill.N vs check.array.N                      one edit of a leaf value (calculate)
  check.fillref.N                                    the same for the fill-down prototype
                                                     (tests/bench/probe), when it is built
  expected.array.N vs builtin.array.N                one full recalculation (each N, and
                                                     5,000 and 10,000 in the full run)
  every.N.edit, every.N.recalc                       every function entered as an array on one
                                                     N-KPI table (10,000; 1,000 in --short)
and the ratios the README's performance table shows. The command line (`kpitree check`) is
timed as wall and CPU seconds (its own and its children's: unopkg, soffice) per run:
  cli.cold   the first run with an empty profile cache (prepares the profile: unopkg add)
  cli.single a run on one workbook with the prepared profile
  cli.extra  the marginal cost of each further workbook in the same run
"""
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from calc_case import OXT, area  # noqa: E402
from office import UNOPKG, Office  # noqa: E402

SHORT = "--short" in sys.argv
CLI_ONLY = "--cli-only" in sys.argv
PERIODS = 24
SIZES = (100, 200) if SHORT else (1000, 2000)
REPEAT = int(os.environ.get("KPITREE_BENCH_REPEAT", 3 if SHORT else 5))
EXPECTED_SIZE = 10000
EVERY_SIZE = 1000 if SHORT else 10000  # every function entered on one table
TICKS = os.sysconf("SC_CLK_TCK")
# The fill-down prototype (tests/bench/probe): timed when its .oxt is built.
PROBE_OXT = os.environ.get("KPITREE_PROBE_OXT", os.path.join(os.path.dirname(
    os.path.abspath(OXT)), "bench", "kpitree-probe.oxt"))
PROBE = os.path.exists(PROBE_OXT)


class BenchOffice(Office):
    """The office with the extension and, when built, the prototype."""

    def install(self):
        super().install()
        if PROBE:
            subprocess.run([UNOPKG, "add", "--shared", "-s", "-f", PROBE_OXT] + self.env_args(),
                           capture_output=True, timeout=300, check=True)


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def grouped_rows(n, rng):
    """About n KPIs in the core benchmark's shape: a KGI summing groups, each group the product
    of 8 leaves plus one ~ hypothesis leaf (every function has work to do), PERIODS periods."""
    header = ["Name", "Parent", "Link"] + ["P%d" % (t + 1) for t in range(PERIODS)]
    rows, kgi = [header, None], [0.0] * PERIODS
    for g in range((n - 1) // 10):
        leaves = [[round(rng.uniform(0.5, 1.5), 4) for _ in range(PERIODS)] for _ in range(8)]
        product = [1.0] * PERIODS
        for leaf in leaves:
            product = [a * b for a, b in zip(product, leaf)]
        kgi = [a + b for a, b in zip(kgi, product)]
        rows.append(["G%d" % g, "KGI", "+"] + product)
        rows += [["G%d.%d" % (g, k), "G%d" % g, "*"] + v for k, v in enumerate(leaves)]
        rows.append(["G%d.d" % g, "G%d" % g, "~"] + [round(rng.uniform(1, 9), 2)
                                                   for _ in range(PERIODS)])
    rows[1] = ["KGI", "", ""] + kgi
    return rows


def tree_rows(n, rng):
    """A KGI that is the sum of n-1 leaves, PERIODS periods: the identity holds."""
    header = ["Name", "Parent", "Link"] + ["P%d" % (t + 1) for t in range(PERIODS)]
    leaves = [[round(rng.uniform(1, 100), 2) for _ in range(PERIODS)] for _ in range(n - 1)]
    kgi = [round(sum(col), 2) for col in zip(*leaves)]
    rows = [header, ["KGI", "", ""] + kgi]
    rows += [["L%d" % i, "KGI", "+"] + v for i, v in enumerate(leaves)]
    return rows


class Bench:
    def __init__(self, office):
        self.office = office
        self.pid = office.soffice_pid()
        self.doc = office.new_calc()
        self.sheet = self.doc.Sheets.getByIndex(0)

    def put(self, rows):
        block = self.sheet.getCellRangeByName(area(0, 0, len(rows[0]), len(rows)))
        block.setDataArray(tuple(tuple(r) for r in rows))
        return "$A$1:$%s$%d" % (area(len(rows[0]) - 1, 0, 1, 1).split(":")[0].rstrip("0123456789"),
                                len(rows))

    def clear(self, col, rows, width):
        self.sheet.getCellRangeByName(area(col, 0, width, rows)).clearContents(1 | 2 | 4 | 16)

    def cpu(self, action, at_least=0.3, at_most=200):
        """soffice CPU seconds per call of `action`, repeated until the total is measurable
        (clock ticks are 10 ms)."""
        before = cpu_seconds(self.pid)
        calls = 0
        while calls < at_most:
            action()
            calls += 1
            if cpu_seconds(self.pid) - before >= at_least:
                break
        return (cpu_seconds(self.pid) - before) / calls

    def full_recalc(self):
        return self.cpu(self.doc.calculateAll)

    def edit(self, n):
        cell = self.sheet.getCellByPosition(3, 1 + random.randrange(1, n))
        return self.cpu(lambda: (cell.setValue(cell.getValue() + 1), self.doc.calculate()))


def layouts(ref, n, out_col):
    """Formula setups for one table: name -> function entering them at column out_col."""
    col = area(out_col, 0, 1, 1).split(":")[0].rstrip("0123456789")

    def array(b, formula, width=1):
        b.sheet.getCellRangeByName(area(out_col, 0, width, n + 1)).setArrayFormula(formula)

    def fill(b, formula):
        cells = b.sheet.getCellRangeByName(area(out_col, 1, 1, n))
        cells.setFormulaArray(tuple((formula % (r + 2),) for r in range(n)))

    return {
        "check.array": lambda b: array(b, "=KPI.CHECK(%s)" % ref),
        "check.fill": lambda b: fill(b, "=KPI.CHECK(" + ref + ";;$A%d)"),
        "check.fillref": lambda b: fill(b, "=KPI.CHECKREF(" + ref + ";;$A%d)"),
        # The plain-formula equivalent of CHECK on a sum: the KGI row compared with SUM.
        "check.plain": lambda b: fill(b, "=IF($B%d=\"\";IF(ABS(SUMIF($B$2:$B$" + str(n + 1) +
                                      ";$A$2;$D$2:$D$" + str(n + 1) + ")-$D$2)<1E-9;\"OK\";\"MISMATCH\");\"LEAF\")"),
        "check.sumproduct": lambda b: fill(b, "=SUMPRODUCT(" + ref.replace("$A$1", "$D$2") + ")+0*%d"),
        "expected.array": lambda b: array(b, "=KPI.EXPECTED(%s)" % ref, PERIODS),
        "builtin.array": lambda b: array(b, "=" + ref.replace("$A$1", "$D$1") + "*1", PERIODS),
    }


# Every function as an array formula beside the table: (formula with %(t)s for the table,
# %(plan)s and %(changes)s for the helper ranges, result width).
EVERY_FUNCTION = (
    ("=KPI.CHECK(%(t)s)", 1), ("=KPI.EXPECTED(%(t)s)", PERIODS),
    ("=KPI.RESIDUAL(%(t)s)", PERIODS), ("=KPI.LINT(%(t)s)", 1), ("=KPI.CAUSAL(%(t)s)", 1),
    ("=KPI.CONTRIB(%(t)s;%(p0)d;%(p1)d)", 1), ("=KPI.TARGET(%(t)s;\"+10%%\")", 1),
    ("=KPI.ROLLUP(%(t)s;3)", PERIODS // 3 + 1), ("=KPI.ELASTICITY(%(t)s)", 1),
    ("=KPI.VARIANCE(%(t)s;%(plan)s)", 6), ("=KPI.WHATIF(%(t)s;%(changes)s)", 2),
)


def measure_every_function(bench, n, figures):
    """every.N.edit: one edit of a leaf value with every function entered on an N-KPI table
    (grouped_rows), and every.N.recalc, one full recalculation of them all."""
    rows = grouped_rows(n, random.Random(n))
    ref = bench.put(rows)
    height, col = len(rows), len(rows[0]) + 1
    aux = col + sum(w for _, w in EVERY_FUNCTION) + len(EVERY_FUNCTION)
    plan = [["Name", "Plan"]] + [[r[0], r[-1]] for r in rows[1:]]
    bench.sheet.getCellRangeByName(area(aux, 0, 2, height)).setDataArray(
        tuple(tuple(r) for r in plan))
    bench.sheet.getCellRangeByName(area(aux + 2, 0, 2, 1)).setDataArray((("G0.0", "+10%"),))
    names = {"t": ref, "p0": PERIODS - 1, "p1": PERIODS, "plan": "$%s" % area(aux, 0, 2, height),
             "changes": "$%s" % area(aux + 2, 0, 2, 1)}
    blocks = []
    for formula, width in EVERY_FUNCTION:
        bench.sheet.getCellRangeByName(area(col, 0, width, height)).setArrayFormula(
            formula % names)
        blocks.append((col, formula))
        col += width + 1
    bench.doc.calculateAll()
    for block, formula in blocks:  # the KGI's row of every block is a result, not an error
        if bench.sheet.getCellByPosition(block, 1).getError():
            sys.exit("%s gave an error value on the benchmark table" % (formula % names))
    figures["every.%d.recalc" % n] = statistics.median(bench.full_recalc()
                                                       for _ in range(REPEAT))
    figures["every.%d.edit" % n] = statistics.median(bench.edit(height - 1)
                                                     for _ in range(REPEAT))
    bench.clear(0, height, aux + 4)


def measure(bench, n, figures, only=None):
    """Times every setup of layouts() at n KPIs (or those named in `only`)."""
    rows = tree_rows(n, random.Random(n))
    ref = bench.put(rows)
    out = len(rows[0]) + 1
    setups = layouts(ref, n, out)
    full = {k: [] for k in ("check.array", "check.plain", "check.sumproduct", "expected.array",
                            "builtin.array") if not only or k in only}
    edits = {k: [] for k in ("check.array", "check.fill", "check.fillref")[:3 if PROBE else 2]
             if not only or k in only}
    for _ in range(REPEAT):  # interleaved: each round times every setup once
        for name in list(full) + [k for k in edits if k not in full]:
            bench.clear(out, n + 1, PERIODS)
            setups[name](bench)
            bench.doc.calculateAll()
            if name in full:
                full[name].append(bench.full_recalc())
            if name in edits:
                edits[name].append(bench.edit(n))
    bench.clear(out, n + 1, PERIODS)
    bench.clear(0, n + 1, PERIODS + 3)
    for name, times in full.items():
        figures["%s.%d.recalc" % (name, n)] = statistics.median(times)
    for name, times in edits.items():
        figures["%s.%d.edit" % (name, n)] = statistics.median(times)


def timed_cli(args, cache_home):
    """(wall seconds, CPU seconds of kpitree and its children) of one `kpitree` run."""
    kpitree = os.path.join(os.path.dirname(os.path.abspath(OXT)), "kpitree")
    env = dict(os.environ, XDG_CACHE_HOME=cache_home, KPITREE_OXT=OXT)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run([kpitree] + args, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=600, check=False)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure_cli(figures, workbook):
    """cli.cold / cli.single / cli.extra (see the module doc), medians of interleaved runs."""
    scratch = tempfile.mkdtemp(prefix="kpitree-bench-cli-")
    warm = os.path.join(scratch, "warm")
    timed_cli(["check", workbook], warm)  # prepares the warm cache
    runs = {"cold": [], "single": [], "triple": []}
    for i in range(1 if SHORT else REPEAT):
        runs["cold"].append(timed_cli(["check", workbook], os.path.join(scratch, "cold%d" % i)))
        runs["single"].append(timed_cli(["check", workbook], warm))
        runs["triple"].append(timed_cli(["check", workbook, workbook, workbook], warm))
    shutil.rmtree(scratch, ignore_errors=True)
    for i, kind in enumerate(("wall", "cpu")):
        med = {k: statistics.median(t[i] for t in v) for k, v in runs.items()}
        figures["cli.cold.%s" % kind] = med["cold"]
        figures["cli.single.%s" % kind] = med["single"]
        figures["cli.extra.%s" % kind] = (med["triple"] - med["single"]) / 2


def ratio(figures, a, b):
    return figures[a] / figures[b] if a in figures and figures.get(b) else None


def cli_workbook():
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples",
                        "marketing-automation.ods")


def main_cli_only():
    figures = {}
    measure_cli(figures, cli_workbook())
    figures["cli.cold/single"] = ratio(figures, "cli.cold.wall", "cli.single.wall")
    out_dir = os.environ.get("KPITREE_BENCH_DIR", os.path.join("build", "bench"))
    os.makedirs(out_dir, exist_ok=True)
    result = {"unit": "seconds (wall, and CPU of kpitree and its children)", "short": SHORT,
              "repeat": 1 if SHORT else REPEAT, "figures": figures}
    with open(os.path.join(out_dir, "office-cli.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))


def main():
    if CLI_ONLY:
        return main_cli_only()
    figures = {}
    with BenchOffice(OXT) as office:
        bench = Bench(office)
        for n in SIZES:
            measure(bench, n, figures)
        if not SHORT:  # the scale for EXPECTED: 10,000 KPIs x 24 periods
            for n in (EXPECTED_SIZE // 2, EXPECTED_SIZE):
                measure(bench, n, figures, only=("expected.array", "builtin.array"))
        measure_every_function(bench, EVERY_SIZE, figures)
    measure_cli(figures, cli_workbook())
    small, large = SIZES
    ratios = {
        "check.array/plain": ratio(figures, "check.array.%d.recalc" % large,
                                   "check.plain.%d.recalc" % large),
        "check.array/sumproduct": ratio(figures, "check.array.%d.recalc" % large,
                                        "check.sumproduct.%d.recalc" % large),
        "fill/array.%d" % small: ratio(figures, "check.fill.%d.edit" % small,
                                       "check.array.%d.edit" % small),
        "fill/array.%d" % large: ratio(figures, "check.fill.%d.edit" % large,
                                       "check.array.%d.edit" % large),
        "fill.growth.%dto%d" % SIZES: ratio(figures, "check.fill.%d.edit" % large,
                                             "check.fill.%d.edit" % small),
        # The prototype: the table as a cell-range reference, checked once per edit.
        "fillref/array.%d" % small: ratio(figures, "check.fillref.%d.edit" % small,
                                          "check.array.%d.edit" % small),
        "fillref/array.%d" % large: ratio(figures, "check.fillref.%d.edit" % large,
                                          "check.array.%d.edit" % large),
        "fillref.growth.%dto%d" % SIZES: ratio(figures, "check.fillref.%d.edit" % large,
                                                "check.fillref.%d.edit" % small),
        "expected/builtin.%d" % large: ratio(figures, "expected.array.%d.recalc" % large,
                                             "builtin.array.%d.recalc" % large),
        "expected/builtin.%d" % EXPECTED_SIZE: ratio(
            figures, "expected.array.%d.recalc" % EXPECTED_SIZE,
            "builtin.array.%d.recalc" % EXPECTED_SIZE),
        # Calc's conversion of a result matrix is quadratic in its rows where blanks follow
        # numbers (4 = quadratic, 2 = linear).
        "expected.growth.%dto%d" % (EXPECTED_SIZE // 2, EXPECTED_SIZE): ratio(
            figures, "expected.array.%d.recalc" % EXPECTED_SIZE,
            "expected.array.%d.recalc" % (EXPECTED_SIZE // 2)),
        "cli.cold/single": ratio(figures, "cli.cold.wall", "cli.single.wall"),
    }
    out_dir = os.environ.get("KPITREE_BENCH_DIR", os.path.join("build", "bench"))
    os.makedirs(out_dir, exist_ok=True)
    result = {"unit": "seconds of soffice.bin CPU", "periods": PERIODS, "short": SHORT,
              "figures": figures, "ratios": ratios}
    with open(os.path.join(out_dir, "office.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
