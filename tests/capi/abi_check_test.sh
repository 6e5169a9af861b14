#!/bin/sh
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# scripts/abi.sh's judgement, on two libraries of this build: libmamisguide against itself is
# compatible; libmamisguide_next (mg_member and mg_result grown, tests/capi/test_abi_next.c),
# given the same SONAME, is a change the check must refuse. Skips (77) without abigail-tools or
# without the types in the debug information (a Release build, or the -g1 line tables of CI's
# sanitizer builds): abidw sees a struct only through its DWARF type.
set -eu
script=$1 lib=$2 next=$3 out=$4
command -v abidw >/dev/null || { echo "SKIP: no abidw (abigail-tools)"; exit 77; }
readelf -S "$lib" | grep -q '\.debug_info' || { echo "SKIP: $lib has no debug information"; exit 77; }
readelf --debug-dump=info "$lib" 2>/dev/null | grep -q 'DW_AT_name.*: mg_result$' ||
  { echo "SKIP: the debug information of $lib has no types (line tables only)"; exit 77; }
mkdir -p "$out"
"$script" dump "$lib" "$out/lib.abi"
"$script" dump "$next" "$out/next.abi"
# as if the grown library had kept the SONAME
sed -i "s/soname='[^']*'/soname='$(basename "$lib" | sed 's/\(\.so\.[0-9]*\).*/\1/')'/" "$out/next.abi"
"$script" compare "$out/lib.abi" "$out/lib.abi"
if "$script" compare "$out/lib.abi" "$out/next.abi" >"$out/report.txt" 2>&1; then
  cat "$out/report.txt"
  echo "FAIL: a grown mg_result passed the ABI check"
  exit 1
fi
grep -q "mg_result" "$out/report.txt" || { cat "$out/report.txt"; echo "FAIL: mg_result not named"; exit 1; }
grep -q "not allowed in 1.x\|INCOMPATIBLE" "$out/report.txt"
echo "ok: the check refuses the grown structs:"
grep -E "changes summary|mg_result|mg_member" "$out/report.txt" | head -8
