#!/bin/sh
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# docs/mamisguide.service passes `systemd-analyze verify`, with ExecStart pointed at the binary
# just built (verify checks that the command exists), and prints no warning either.
# Usage: systemd_unit.sh UNIT_FILE MAMISGUIDE_BINARY.  Exit 77 (skipped) without systemd-analyze.
set -eu
command -v systemd-analyze >/dev/null 2>&1 || { echo "systemd-analyze not found: skipped"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed "s|/usr/local/bin/mamisguide|$2|" "$1" >"$dir/mamisguide.service"
grep -q "ExecStart=$2 serve" "$dir/mamisguide.service"
out=$(systemd-analyze verify --man=no "$dir/mamisguide.service" 2>&1) || { echo "$out"; exit 1; }
if [ -n "$out" ]; then echo "$out"; exit 1; fi
echo "systemd-analyze verify: OK"
