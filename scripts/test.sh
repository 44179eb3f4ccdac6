#!/usr/bin/env bash
# Command 2: installs what is missing, builds, and runs every test (core unit tests, the
# extension in a real headless LibreOffice, the sidebar under Xvfb), the office tests twice: on
# the system's LibreOffice 7.4 and on LibreOffice 25.2 (/opt/libreoffice-25.2, put there by
# install-deps.sh --with-tests; tests named NAME@25.2). Two at a time: one office test per
# version, beside each other. Exit status is ctest's.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-tests
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKPITREE_WERROR=ON
cmake --build build -j2
# A test that times out (a hung office) runs once more; a test that fails still fails.
ctest --test-dir build --output-on-failure -j2 --repeat after-timeout:2
