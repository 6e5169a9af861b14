#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# The ABI check of libmamisguide (docs/abi.md), with Debian's abigail-tools.
#
#   scripts/abi.sh check  [BUILD_DIR]   compare the library built in BUILD_DIR with the baseline
#                                       abi/libmamisguide.abi; exit 1 on an incompatible change
#                                       that keeps the SONAME (CI runs this)
#   scripts/abi.sh update [BUILD_DIR]   refresh the baseline from BUILD_DIR's library (after an
#                                       intended change: new functions, or a new SONAME)
#
# BUILD_DIR defaults to build/ (configured by scripts/setup.sh when missing). Only the target
# mamisguide_capi is built; it needs debug information (-g: RelWithDebInfo, setup.sh's default),
# which is where abidw reads the types from. Only the exported functions and the public header's
# types are recorded (--exported-interfaces-only, --headers-dir capi): the baseline (~40 KB) does
# not depend on the C++ core's internals, and a check takes seconds once the library is built.
#
# Compatible (the check passes, and says so): added functions, added symbol versions. Incompatible
# (it fails): a removed or changed function, a changed struct layout or enum value, a symbol
# version removed. A change of SONAME (libmamisguide.so.1 -> .so.2) is a new ABI: run `update`.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cmd=${1:-check}
build=${2:-"$here/build"}
[[ $build = /* ]] || build=$PWD/$build
baseline=$here/abi/libmamisguide.abi

for tool in abidw abidiff; do
  if ! command -v "$tool" >/dev/null; then
    echo "abi: $tool not found: apt-get install abigail-tools (scripts/setup.sh installs it)" >&2
    exit 2
  fi
done

soname() { sed -n 's/.*<abi-corpus [^>]*soname=.\([^"'"'"']*\).*/\1/p' "$1" | head -1; }

dump() { # dump LIB OUT: the library's ABI as abixml, without paths or line numbers
  abidw --headers-dir "$here/capi" --no-corpus-path --no-comp-dir-path --no-show-locs \
    --drop-private-types --exported-interfaces-only --type-id-style hash --out-file "$2" "$1"
}

compare() { # compare OLD.abi NEW.abi: 0 compatible, 1 not (with abidiff's report), 2 failure
  local old=$1 new=$2 so_old so_new report full rc
  so_old=$(soname "$old") so_new=$(soname "$new")
  if [ "$so_old" != "$so_new" ]; then
    echo "abi: the SONAME changed ($so_old -> $so_new): a new ABI. Refresh the baseline with" \
      "scripts/abi.sh update and say so in CHANGELOG.md." >&2
    return 1
  fi
  set +e
  report=$(abidiff --no-added-syms "$old" "$new" 2>&1)
  rc=$?
  full=$(abidiff "$old" "$new" 2>&1)
  set -e
  # abidiff's status is a bit field: 1 error, 2 usage, 4 a change, 8 an incompatible change.
  if ((rc & 3)); then
    echo "$full" >&2
    echo "abi: abidiff failed (status $rc)" >&2
    return 2
  fi
  if ((rc & 8)); then
    echo "$full" >&2
    echo "abi: INCOMPATIBLE change to $so_new: keep the 1.x ABI (docs/abi.md), or bump the SONAME" >&2
    return 1
  fi
  # Removed or changed functions, variables or symbols (a struct grown, an enum renumbered, a
  # parameter changed) fail too: abidiff calls most of them "changes", not "incompatible".
  # An intended one (a field appended with its MG_*_VERSION bumped) is recorded with `update`.
  if grep -E 'changes summary:' <<<"$report" | grep -Eq '(^|[^0-9])[1-9][0-9]* (Removed|Changed)'; then
    echo "$full" >&2
    echo "abi: a change to existing functions or types of $so_new (see above): not allowed in 1.x" >&2
    return 1
  fi
  if ((rc & 4)); then
    echo "$full"
    echo "abi: compatible additions only; run scripts/abi.sh update to record them"
  fi
  echo "abi: $so_new is compatible with $(basename "$old")"
}

library() { # builds BUILD_DIR's mamisguide_capi and prints the library's path
  if [ ! -f "$build/CMakeCache.txt" ]; then
    "$here/scripts/setup.sh" "$build" >&2
  fi
  if ! grep -Eq '^CMAKE_BUILD_TYPE:[A-Z]*=(RelWithDebInfo|Debug)$' "$build/CMakeCache.txt"; then
    echo "abi: $build is not a RelWithDebInfo or Debug build: abidw needs debug information" >&2
    exit 2
  fi
  cmake --build "$build" -j"$(nproc)" --target mamisguide_capi >/dev/null
  local lib
  lib=$(find "$build/capi" -maxdepth 1 -name 'libmamisguide.so.*.*' -type f | head -1)
  [ -n "$lib" ] || { echo "abi: no libmamisguide.so.X.Y.Z in $build/capi" >&2; exit 2; }
  echo "$lib"
}

case $cmd in
update)
  lib=$(library)
  mkdir -p "$(dirname "$baseline")"
  dump "$lib" "$baseline"
  echo "abi: baseline $baseline refreshed from $lib ($(grep -c '<elf-symbol ' "$baseline") symbols)"
  ;;
check)
  [ -f "$baseline" ] || { echo "abi: no baseline $baseline: run scripts/abi.sh update" >&2; exit 2; }
  lib=$(library)
  current=$(mktemp --suffix=.abi)
  trap 'rm -f "$current"' EXIT
  dump "$lib" "$current"
  compare "$baseline" "$current"
  ;;
dump) # dump LIB OUT (tests/capi/abi_check_test.sh)
  dump "$2" "$3"
  ;;
compare) # compare OLD.abi NEW.abi (tests/capi/abi_check_test.sh)
  compare "$2" "$3"
  ;;
*)
  echo "usage: scripts/abi.sh check|update [BUILD_DIR]" >&2
  exit 2
  ;;
esac
