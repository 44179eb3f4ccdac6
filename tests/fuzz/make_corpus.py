#!/usr/bin/python3
"""Writes the seed corpus of every fuzz target: tests/fuzz/corpus/<function>/seed-*.
Inputs named regression-* (past findings, kept by hand) are left in place.

The targets decode their input with FuzzedDataProvider (grid_decoder.hpp), so any bytes make a
table; the seeds are a few deterministic pseudo-random inputs of several lengths. With
--build DIR (a build-fuzz directory holding tests/fuzz/fuzz_<function>), candidates that do
not run cleanly within 3 s (a known finding, a 20,000-row table) are left out.

    /usr/bin/python3 tests/fuzz/make_corpus.py [--build build-fuzz]
"""

import argparse
import pathlib
import random
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
LENGTHS = (8, 32, 96, 256, 512)
SEEDS = 8


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
        for old in out.glob("seed-*"):  # regression-* inputs (past findings) stay
            old.unlink()
        if args.build:
            checked(function, args.build.resolve(), out)
        else:
            write(out, list(candidates(function, SEEDS)))
        print(f"{function}: {len(list(out.iterdir()))} seeds")


if __name__ == "__main__":
    main()
