#!/usr/bin/python3
"""Writes the seed corpus of every fuzz target: tests/fuzz/corpus/<function>/seed-*.
Inputs named regression-* (past findings, kept by hand) are left in place.

The targets decode their input with FuzzedDataProvider (grid_decoder.hpp), so any bytes make a
table; the seeds are a few deterministic pseudo-random inputs of several lengths, and for the
targets that read a tree table, transposed-* seeds whose table is in the transposed layout
(periods in rows): FuzzedDataProvider takes numbers from the end of the input, so their tail
spells out the arguments read before the table (TAILS) and then a table shape of 1600..1791.
With
--build DIR (a build-fuzz directory holding tests/fuzz/fuzz_<function>), candidates that do
not run cleanly within 3 s (a known finding, a 20,000-row table) are left out.

    /usr/bin/python3 tests/fuzz/make_corpus.py [--build build-fuzz]
"""

import argparse
import os
import pathlib
import random
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
LENGTHS = (8, 32, 96, 256, 512)
SEEDS = 8


# Per target reading a tree table, the bytes its arguments before the table consume, in the
# order the decoder reads them from the end: simple choices (skipped, a word of the vocabulary).
TAILS = {
    "check_cells": [0x01],                                 # tolerance skipped
    "expected_cells": [], "residual_cells": [], "lint_cells": [],
    "contrib_cells": [0x01, 0x00, 0x01, 0x01, 0x01, 0x01],  # periods "Jan", "Feb"; defaults
    "target_cells": [0x00, 0x01, 0x00, 0x0A, 0x00, 0x00, 0x00],  # "+10%", period, flex, kgi
    "whatif_cells": [0x00], "variance_cells": [0x00], "elasticity_cells": [0x00],
    "rollup_cells": [0x02, 0x03],                          # 3 periods per bucket
    "causal_cells": [0x00, 0x00],                          # alpha 0.05, max_lag skipped
}
TRANSPOSED = 4


def transposed_candidates(function, count):
    """Inputs whose table is transposed: random cells, then (from the end) the arguments, the
    shape 1536 + 64..255, 3..10 rows (KPIs before turning) and 4..12 columns (periods and
    labels)."""
    rng = random.Random(f"kpitree-{function}-transposed")
    for k in range(count):
        tail = TAILS[function] + [0x06, rng.randrange(64, 256), rng.randrange(3, 11),
                                  rng.randrange(4, 13)]
        cells = bytes(rng.randrange(0, 256) for _ in range(LENGTHS[2 + k % 3]))
        yield cells + bytes(reversed(tail))


def write_transposed(function, build, out):
    """Writes the transposed seeds; with a build, keeps those the fuzzer reports as transposed
    (KPITREE_FUZZ_SHOW_LAYOUT) and runs cleanly."""
    if function not in TAILS:
        return
    out.mkdir(parents=True, exist_ok=True)
    for k, blob in enumerate(transposed_candidates(function, TRANSPOSED)):
        seed = out / f"transposed-{k:03d}"
        seed.write_bytes(blob)
        if build and not transposed_and_quick(build / "tests" / "fuzz" / f"fuzz_{function}", seed):
            seed.unlink()


def transposed_and_quick(fuzzer, seed):
    try:
        run = subprocess.run([str(fuzzer), "-runs=1", str(seed)], timeout=3,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             env=dict(os.environ, KPITREE_FUZZ_SHOW_LAYOUT="1"))
    except subprocess.TimeoutExpired:
        return False
    return run.returncode == 0 and "kpitree-fuzz-layout: transposed" in run.stderr


def functions():
    return sorted(p.name[: -len("_fuzzer.cpp")] for p in HERE.glob("*_fuzzer.cpp"))


def candidates(function, count):
    rng = random.Random(f"kpitree-{function}")
    for k in range(count):
        length = LENGTHS[k % len(LENGTHS)]
        yield bytes(rng.randrange(0, 256) for _ in range(length))


def write(directory, blobs):
    directory.mkdir(parents=True, exist_ok=True)
    for k, blob in enumerate(blobs):
        (directory / f"seed-{k:03d}").write_bytes(blob)


def checked(function, build, out):
    """Keeps the candidates the built fuzzer runs cleanly and fast."""
    fuzzer = build / "tests" / "fuzz" / f"fuzz_{function}"
    write(out, list(candidates(function, SEEDS + 4)))
    for seed in sorted(out.glob("seed-*")):
        if not quick(fuzzer, seed):
            seed.unlink()
    for k, seed in enumerate(sorted(out.glob("seed-*"))):
        if k >= SEEDS:
            seed.unlink()


def quick(fuzzer, seed):
    """Whether the seed runs cleanly within 3 s (no 20,000-row table, no known finding)."""
    try:
        run = subprocess.run([str(fuzzer), "-runs=1", str(seed)], timeout=3,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return False
    return run.returncode == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=pathlib.Path, help="build directory with the fuzzers")
    args = parser.parse_args()
    for function in functions():
        out = HERE / "corpus" / function
        for old in [*out.glob("seed-*"), *out.glob("transposed-*")]:  # regression-* stay
            old.unlink()
        if args.build:
            checked(function, args.build.resolve(), out)
        else:
            write(out, list(candidates(function, SEEDS)))
        write_transposed(function, args.build.resolve() if args.build else None, out)
        print(f"{function}: {len(list(out.iterdir()))} seeds")


if __name__ == "__main__":
    main()
