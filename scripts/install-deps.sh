#!/usr/bin/env bash
# Installs the Debian packages KPI Tree needs to build, run and test, if they are missing.
# Works as root or as a user with sudo. Usage: scripts/install-deps.sh [--with-tests]
# --with-tests also puts LibreOffice 25.2 beside the system's 7.4 (scripts/install-office-25.sh,
# /opt/libreoffice-25.2) for the tests' second pass; KPITREE_OFFICE25=0 leaves it out.
set -euo pipefail
here=$(dirname "$0")

# The second office for the tests, after the packages (it reads what this machine has).
office25() {
    [[ "${1:-}" == "--with-tests" && "${KPITREE_OFFICE25:-1}" != 0 ]] || return 0
    if [[ $(id -u) -eq 0 ]]; then
        "$here/install-office-25.sh"
    elif command -v sudo >/dev/null; then
        sudo "$here/install-office-25.sh"
    else
        echo "kpitree: not root and no sudo: the tests run on the system's LibreOffice only" >&2
    fi
}

packages=(cmake g++ make zip libboost-dev libboost-math-dev googletest libgtest-dev
          libreoffice-calc libreoffice-dev libreoffice-dev-common python3-uno)
if [[ "${1:-}" == "--with-tests" ]]; then
    packages+=(xvfb xauth imagemagick xdotool python3-statsmodels python3-scipy python3-numpy
               python3-pil # scripts/make_icons.py
               clang-14 libclang-rt-14-dev clang-format # clang: sanitizers and fuzzing (scripts/fuzz.sh)
               clang-tidy) # style.tidy: the checks of .clang-tidy
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
    echo "kpitree: all required packages are installed"
    office25 "${1:-}"
    exit 0
fi

echo "kpitree: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null; then
    sudo=(sudo)
else
    echo "kpitree: these packages are missing and neither root nor sudo is available:" >&2
    echo "  ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q "${missing[@]}"
office25 "${1:-}"
