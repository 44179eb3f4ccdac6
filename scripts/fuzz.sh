#!/usr/bin/env bash
# Robustness run of the core: builds it with AddressSanitizer + UndefinedBehaviorSanitizer and
# libFuzzer (clang), runs the core unit tests under the sanitizers, then fuzzes every
# spreadsheet function (tests/fuzz, one target per *_cells function) for SECONDS each, starting
# from a copy of its seed corpus (tests/fuzz/corpus/<function>/).
#
#   scripts/fuzz.sh [SECONDS-PER-TARGET]       default 45; ctest's robustness.fuzz uses 30
#
# Exit status: 0 when nothing was found; 1 on any finding (a sanitizer report, a crash, an
# undocumented exception, a broken oracle, an input running over 10 s or 2 GB) or a failing
# unit test; 2 when the build fails. Findings stay in $BUILD/findings/<function>-crash-*
# (-timeout-*, -oom-*, ...); reproduce one with $BUILD/tests/fuzz/fuzz_<function> FILE, and
# shrink it with -minimize_crash=1 -runs=10000. Each target keeps going after a finding
# (fork mode), so one run reports every target's problems.
#
# A longer run, e.g. overnight, with the corpus kept between runs in $BUILD/corpus:
#   KPITREE_FUZZ_KEEP_CORPUS=1 scripts/fuzz.sh 3600
#
# Environment: KPITREE_FUZZ_BUILD_DIR (default build-fuzz in the repository, git-ignored),
# KPITREE_FUZZ_CXX (default clang++-14, else clang++), KPITREE_FUZZ_TARGETS (space-separated
# function names, default all), KPITREE_FUZZ_KEEP_CORPUS (1: grow $BUILD/corpus instead of
# starting from the seeds), KPITREE_FUZZ_JOBS (build jobs, default 2),
# KPITREE_FUZZ_PARALLEL (targets fuzzed at once, default the number of cores),
# KPITREE_FUZZ_GENERATED_ROWS (size cap of the rare generated chains and repeated-name tables,
# default 20000; lower it to look past a known slow path).
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-45}"
build="${KPITREE_FUZZ_BUILD_DIR:-$source_dir/build-fuzz}"
cxx="${KPITREE_FUZZ_CXX:-$(command -v clang++-14 || command -v clang++ || true)}"
[[ -n "$cxx" ]] || { echo "fuzz: clang++ not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }

configure_and_build() {
    # Core only: the LibreOffice adapters are not fuzzed, so the SDK is left out. -O1 compiles
    # fast and keeps assertions on.
    cmake -S "$source_dir" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DKPITREE_SANITIZE=ON -DKPITREE_FUZZ=ON \
        -DLO_SDK_DIR="$build/no-sdk" >"$build/configure.log" 2>&1 ||
        { cat "$build/configure.log" >&2; return 2; }
    cmake --build "$build" -j"${KPITREE_FUZZ_JOBS:-2}" --target kpitree_core_tests kpitree_fuzzers ||
        return 2
}

unit_tests() {
    echo "fuzz: core unit tests under ASan+UBSan"
    mkdir -p "$build/bench"
    KPITREE_BENCH_DIR="$build/bench" "$build/tests/kpitree_core_tests" --gtest_brief=1
}

# fuzz_target FUNCTION: fuzzes one function; its findings land in $build/findings.
fuzz_target() {
    local function="$1" corpus="$build/corpus/$1"
    if [[ "${KPITREE_FUZZ_KEEP_CORPUS:-0}" != 1 ]]; then
        rm -rf "$corpus"
    fi
    mkdir -p "$corpus"
    cp -n "$source_dir/tests/fuzz/corpus/$function/"* "$corpus/" 2>/dev/null || true
    echo "fuzz: $function for ${seconds}s"
    (cd "$build/findings" &&
        timeout --kill-after=30 $((seconds + 120)) "$build/tests/fuzz/fuzz_$function" \
            -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
            -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="$build/findings/$function-" "$corpus" \
            >"$build/logs/$function.log" 2>&1) || true
    tail -n 3 "$build/logs/$function.log" | sed 's/^/    /'
}

# Prints each target's findings (or that it did not run to its end); 1 if there are any.
report() {
    local function found failed=0
    for function in "$@"; do
        found=$(find "$build/findings" -maxdepth 1 -name "$function-*" | wc -l)
        if [[ $found -gt 0 ]]; then
            echo "fuzz: $function: $found finding(s), see $build/logs/$function.log"
            failed=$((failed + 1))
        elif ! grep -q "^INFO: exiting" "$build/logs/$function.log"; then
            echo "fuzz: $function did not finish, see $build/logs/$function.log"
            failed=$((failed + 1))
        fi
    done
    return $((failed > 0))
}

main() {
    mkdir -p "$build"
    configure_and_build || exit 2
    local status=0 targets="${KPITREE_FUZZ_TARGETS:-}" source
    if [[ -z "$targets" ]]; then
        for source in "$source_dir"/tests/fuzz/*_fuzzer.cpp; do
            source="${source##*/}"
            targets+="${source%_fuzzer.cpp} "
        done
    fi
    unit_tests || status=1
    rm -rf "$build/findings" "$build/logs"
    mkdir -p "$build/findings" "$build/logs"
    # Targets run side by side, one per core (each is one libFuzzer worker): the same fuzzing
    # per target in half the wall time on two cores.
    local parallel="${KPITREE_FUZZ_PARALLEL:-$(nproc)}"
    for function in $targets; do
        fuzz_target "$function" &
        while (($(jobs -rp | wc -l) >= parallel)); do
            wait -n || true
        done
    done
    wait || true
    # shellcheck disable=SC2086
    report $targets || status=1
    [[ $status -eq 0 ]] && echo "fuzz: no findings"
    exit $status
}

main
