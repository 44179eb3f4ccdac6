#!/usr/bin/env bash
# Command 2: installs what is missing, builds, and runs every test (core unit tests, the
# extension in a real headless LibreOffice, the sidebar under Xvfb). Exit status is ctest's.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-tests
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKPITREE_WERROR=ON
cmake --build build -j2
ctest --test-dir build --output-on-failure
