#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# The sources of Debian packages, for builds that cannot link the machine's own libraries (the
# WebAssembly package, a Windows cross-build): the very versions the native build uses, from
# Debian's archive, and nothing else.
#
#   scripts/debian-sources.sh libsimdjson-dev libcsv-dev
#
# For each binary package named (usually a -dev package), prints the directory of its source
# package, unpacked with Debian's patches applied, one per line in the order given. The version
# is the one installed (dpkg), else the candidate apt would install. The machine's apt
# configuration is left alone: `apt-get source` reads a private sources list with deb-src
# entries (the same suites as the machine, signed by debian-archive-keyring) and keeps its lists
# and downloads in the cache. apt checks every file against the signed Sources index; this
# script then checks the .dsc's Checksums-Sha256 itself, and dpkg-source checks them again as it
# unpacks (its warning that it cannot verify the maintainer's own signature of the .dsc is
# expected: that needs Debian's developer keyring; the archive's signature is what apt checks).
# Cached: a source package already unpacked and checked is not fetched again.
#
# Environment:
#   MAMISGUIDE_SOURCES_CACHE  where sources are kept (default ~/.cache/mamisguide/debian-sources)
#   MAMISGUIDE_DEBIAN_MIRROR  the archive (default http://deb.debian.org/debian); security
#                             updates come from the -security archive beside it
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: scripts/debian-sources.sh BINARY_PACKAGE..." >&2
  exit 2
fi

cache=${MAMISGUIDE_SOURCES_CACHE:-"${XDG_CACHE_HOME:-$HOME/.cache}/mamisguide/debian-sources"}
mirror=${MAMISGUIDE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
if [ -z "$codename" ]; then
  echo "debian-sources: /etc/os-release names no Debian release (VERSION_CODENAME)" >&2
  exit 1
fi

need=()
command -v dpkg-source >/dev/null || need+=(dpkg-dev)
[ -r "$keyring" ] || need+=(debian-archive-keyring)
if [ ${#need[@]} -gt 0 ]; then
  echo "debian-sources: installing ${need[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${need[@]}" >/dev/null
fi

# The version the native build uses: installed, else apt's candidate (the machine's own lists).
source_of() {
  local pkg=$1 line
  line=$(dpkg-query -W -f='${db:Status-Abbrev}|${source:Package}|${source:Version}\n' "$pkg" \
    2>/dev/null | grep '^ii' | head -1 || true)
  if [ -n "$line" ]; then
    echo "$line" | cut -d'|' -f2,3 | tr '|' ' '
    return
  fi
  line=$(apt-cache show --no-all-versions "$pkg" 2>/dev/null |
    awk -F': ' '/^Package:/{p=$2} /^Source:/{s=$2} /^Version:/{v=$2} END{print p "|" s "|" v}')
  local name src ver
  IFS='|' read -r name src ver <<<"$line"
  if [ -z "$ver" ]; then
    echo "debian-sources: $pkg is neither installed nor known to apt" >&2
    return 1
  fi
  # "Source: name (version)" when the source version differs from the binary's.
  if [[ $src == *"("*")"* ]]; then
    ver=${src#*(}
    ver=${ver%)}
    src=${src%% *}
  fi
  echo "${src:-$name} $ver"
}

apt_private() {
  apt-get -q \
    -o Dir::Etc::sourcelist="$cache/apt/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$cache/apt/lists" -o Dir::Cache="$cache/apt/cache" \
    -o APT::Sandbox::User="$(id -un)" "$@"
}

updated=0
update_lists() {
  [ "$updated" = 1 ] && return
  mkdir -p "$cache/apt/lists/partial" "$cache/apt/cache/archives/partial"
  cat >"$cache/apt/sources.list" <<EOF
deb-src [signed-by=$keyring] $mirror $codename main
deb-src [signed-by=$keyring] $mirror $codename-updates main
deb-src [signed-by=$keyring] ${mirror%/debian}/debian-security $codename-security main
EOF
  echo "debian-sources: apt-get update (private lists in $cache/apt)" >&2
  apt_private update >&2
  updated=1
}

# Checks every file the .dsc lists against its Checksums-Sha256.
verify_dsc() {
  local dsc=$1 dir files
  dir=$(dirname "$dsc")
  files=$(awk '/^Checksums-Sha256:/{on=1; next} /^[^ ]/{on=0} on && NF==3 {print $1 "  " $3}' "$dsc")
  if [ -z "$files" ]; then
    echo "debian-sources: $dsc lists no Checksums-Sha256" >&2
    return 1
  fi
  (cd "$dir" && echo "$files" | sha256sum --check --quiet --strict -) >&2
}

for pkg in "$@"; do
  read -r src ver < <(source_of "$pkg")
  upstream=${ver#*:}          # no epoch in file names
  dest=$cache/$src-$upstream
  if [ ! -f "$dest/.checked" ]; then
    update_lists
    rm -rf "$dest"
    mkdir -p "$dest/download"
    echo "debian-sources: fetching $src $ver (for $pkg)" >&2
    (cd "$dest/download" && apt_private source --download-only "$src=$ver" >&2)
    dsc=$(ls "$dest/download/"*.dsc)
    verify_dsc "$dsc"
    dpkg-source --no-copy -x "$dsc" "$dest/src" >&2
    echo "$src $ver $(sha256sum "$dsc" | cut -d' ' -f1)" >"$dest/.checked"
  fi
  echo "$dest/src"
done
