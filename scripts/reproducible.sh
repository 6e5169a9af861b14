#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Reproducible packages: builds the Debian packages again (scripts/package.sh) in another scratch
# directory, 400 days later (faketime), in another time zone, locale (ja_JP.UTF-8) and umask
# (0002), and compares every .deb with the first build's: exit 1 unless every one is the same
# bytes, with what diffoscope (Debian diffoscope-minimal) prints about those that differ. The
# second build makes the single-file web guide (mamisguide.html, scripts/wasm.sh) afresh in
# another build directory, so the .debs compare two builds of it too.
# SOURCE_DATE_EPOCH is debian/changelog's date in both builds (dpkg-buildpackage sets it).
#
# Usage: scripts/reproducible.sh FIRST_DIST_DIR [SECOND_DIST_DIR]   (default: dist-again/)
#        scripts/reproducible.sh --second SECOND_DIST_DIR    only the second build
#        scripts/reproducible.sh --compare FIRST SECOND      only the comparison
#        scripts/reproducible.sh --deps                      only install what it needs
# (scripts/ci-packages.sh runs the second build beside the first, then the comparison.)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=both
case "${1:-}" in --second | --compare | --deps) mode=${1#--}; shift ;; esac
if [ "$mode" = deps ]; then
  :
elif [ "$mode" = second ]; then
  second=$(realpath -m "$1")
else
  first=$(realpath "$1")
  second=$(realpath -m "${2:-$here/dist-again}")
fi
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive

"$here/scripts/install-missing.sh" reproducible diffoscope-minimal faketime locales
if ! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
  "${sudo[@]}" localedef -i ja_JP -f UTF-8 ja_JP.UTF-8
fi
[ "$mode" != deps ] || exit 0

if [ "$mode" != compare ]; then
  echo "reproducible: the second build (faketime +400d, TZ=Pacific/Kiritimati, LC_ALL=ja_JP.UTF-8, umask 0002)" >&2
  (
    umask 0002
    export TZ=Pacific/Kiritimati LC_ALL=ja_JP.UTF-8 LANG=ja_JP.UTF-8 LANGUAGE=ja
    wasm_again=$(mktemp -d)
    trap 'rm -rf "$wasm_again"' EXIT
    MAMISGUIDE_WASM_BUILD_DIR=$wasm_again faketime -f '+400d' "$here/scripts/package.sh" "$second"
  )
fi
[ "$mode" != second ] || exit 0

status=0
n=0
for a in "$first"/*.deb; do
  b=$second/$(basename "$a")
  n=$((n + 1))
  if [ ! -f "$b" ]; then
    echo "reproducible: $(basename "$a") is missing from the second build" >&2
    status=1
    continue
  fi
  out=$(diffoscope --no-progress "$a" "$b" 2>&1) || true
  if [ -n "$out" ] || ! cmp -s "$a" "$b"; then
    echo "reproducible: $(basename "$a") differs:" >&2
    echo "$out" | head -200 >&2
    status=1
  fi
done
[ "$n" -gt 0 ] || { echo "reproducible: no .deb in $first" >&2; exit 1; }
if [ "$status" -eq 0 ]; then
  echo "reproducible: all $n .debs are the same bytes in both builds (diffoscope printed nothing)" >&2
fi
exit "$status"
