#!/usr/bin/env bash
# Puts LibreOffice 25.2 (Debian's bookworm-backports suite) into a private prefix, beside the
# system's LibreOffice 7.4 and without touching it: the backports .debs and the few libraries
# bookworm has not installed yet are downloaded (`apt-get download`, a private apt state
# directory, the system's sources plus bookworm-backports) and unpacked with `dpkg -x`. Nothing
# is installed through dpkg, no apt source of the machine changes. Idempotent: a finished prefix
# (its .kpitree-complete stamp) is left as it is.
#
# Usage: scripts/install-office-25.sh [PREFIX]     (default /opt/libreoffice-25.2)
# Then:  PREFIX/usr/lib/libreoffice/program/soffice --version
#        KPITREE_SOFFICE=PREFIX/usr/lib/libreoffice/program/soffice selects it for the tests.
set -euo pipefail

prefix=${1:-${KPITREE_OFFICE25_PREFIX:-/opt/libreoffice-25.2}}
program=$prefix/usr/lib/libreoffice/program
stamp=$prefix/.kpitree-complete
# The wrappers' line below marks the prefix's layout: an older prefix is redone.
wrapper_env='unset UNO_TYPES URE_BOOTSTRAP'
if [[ -f $stamp ]] && grep -qx "$wrapper_env" "$program/unopkg" &&
    "$program/soffice" --version 2>/dev/null | grep -q '^LibreOffice 25\.2'; then
    echo "kpitree: LibreOffice 25.2 is in $prefix"
    exit 0
fi

# What the tests need of the office: Calc and everything it needs, no Java, no SDK, no Python
# (tests drive the office from the system's python3-uno over the URP bridge).
wanted=(libreoffice-calc libreoffice-core libreoffice-common ure)
# Packages apt upgrades along with them only because the system has them at 7.4's version.
unneeded='(-java|-java-common|^libreoffice-dev.*|^python3-uno|^libreoffice-gtk.*|^libreoffice-kf.*|^libreoffice-qt.*)$'

state=${KPITREE_OFFICE25_CACHE:-/var/cache/kpitree-office-25.2}
mkdir -p "$state/lists/partial" "$state/archives/partial" "$state/debs"
echo "deb http://deb.debian.org/debian bookworm-backports main" >"$state/sources.list"
apt=(-o "Dir::Etc::sourcelist=$state/sources.list" -o "Dir::State::Lists=$state/lists"
     -o "Dir::Cache=$state" -o "Dir::Cache::archives=$state/archives" -o APT::Sandbox::User=root)
# The system's package lists are a head start (apt-get update then fetches only what changed).
for list in /var/lib/apt/lists/*_InRelease /var/lib/apt/lists/*_Packages*; do
    [[ -f $list && ! -e $state/lists/${list##*/} ]] && cp "$list" "$state/lists/" || true
done
echo "kpitree: reading bookworm-backports"
apt-get "${apt[@]}" update -qq

# The dependency closure, relative to what this machine has installed: every package apt would
# install or upgrade for 25.2 (from backports, or from bookworm where 7.4 did not need it).
closure=()
while read -r name version; do
    [[ $name =~ $unneeded ]] || closure+=("$name=$version")
done < <(apt-get "${apt[@]}" -s install --no-install-recommends -t bookworm-backports \
             "${wanted[@]}" |
         awk '$1 == "Inst" { v = $3; if (v ~ /^\[/) v = $4; gsub(/[()]/, "", v); print $2, v }')
if [[ ${#closure[@]} -eq 0 || ! " ${closure[*]} " =~ " libreoffice-calc=4:25.2" ]]; then
    echo "kpitree: bookworm-backports offers no LibreOffice 25.2 for this machine" >&2
    exit 1
fi
missing=()
for package in "${closure[@]}"; do
    name=${package%%=*} version=${package#*=}
    compgen -G "$state/debs/${name}_${version//:/%3a}_*.deb" >/dev/null || missing+=("$package")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "kpitree: downloading ${#missing[@]} packages"
    (cd "$state/debs" && apt-get "${apt[@]}" download -q "${missing[@]}" >/dev/null)
fi

staging=$(mktemp -d "${prefix%/}.staging.XXXXXX")
trap 'rm -rf "$staging"' EXIT
for package in "${closure[@]}"; do
    name=${package%%=*} version=${package#*=}
    dpkg -x "$(compgen -G "$state/debs/${name}_${version//:/%3a}_*.deb")" "$staging"
done
# What the packages' maintainer scripts and Debian's paths would do for /usr/lib/libreoffice:
# the configuration main.xcd in etc/, the bootstrap files pointing at this prefix.
mkdir -p "$staging/etc/libreoffice/registry"
cp "$staging/usr/lib/libreoffice/share/.registry/main.xcd" "$staging/etc/libreoffice/registry/"
sed -i -e "s|file:///usr/lib/libreoffice|file://$prefix/usr/lib/libreoffice|g" \
    -e "s|file:///etc/libreoffice|file://$prefix/etc/libreoffice|g" \
    "$staging/usr/lib/libreoffice/program/fundamentalrc" \
    "$staging/usr/lib/libreoffice/program/sofficerc"
sed -i "s|PYTHONPATH=\"/usr/lib/libreoffice/program\"|PYTHONPATH=\"$program\"|" \
    "$staging/usr/lib/libreoffice/program/unopkg"
# Absolute links (sofficerc -> /etc/libreoffice/sofficerc, ...) point into the system's 7.4:
# point them into the prefix where the prefix has the target.
while IFS= read -r -d '' link; do
    target=$(readlink "$link")
    if [[ $target == /* && -e $staging$target ]]; then
        ln -sfn "$prefix$target" "$link"
    fi
done < <(find "$staging" -type l -print0)
# The office's own libraries come before the system's (7.4's), for soffice and unopkg only, never
# for the tests' Python (the system's pyuno): the program directory first (its libuno_* copies
# find unorc beside them; 25.2's cppuhelper needs libreglo.so from there), then
# PREFIX/usr/lib/x86_64-linux-gnu (libraries bookworm had not installed, such as libzxcvbn).
libdir='export LD_LIBRARY_PATH="'$program:$prefix'/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"'
# UNO_TYPES: a client of the system's URE talking to this office needs this office's type
# libraries (scripts/test.sh's second pass gives them to the tests' Python that way); the office
# itself must keep its own list, which includes the installed extensions' types. URE_BOOTSTRAP:
# the system's python3-uno sets it (to 7.4's fundamentalrc) for every process the tests start.
for wrapper in soffice unopkg; do
    file=$staging/usr/lib/libreoffice/program/$wrapper
    if ! grep -q 'kpitree:' "$file"; then
        sed -i "2i # kpitree: this office's libraries and types, not the system's 7.4 ones\\n$libdir\\n$wrapper_env" "$file"
    fi
done

rm -rf "$prefix"
mv "$staging" "$prefix"
trap - EXIT
chmod 755 "$prefix"
version=$("$program/soffice" --version)
echo "$version" >"$stamp"
echo "kpitree: $version in $prefix"
