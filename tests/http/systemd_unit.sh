#!/bin/sh
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# The Debian package's unit (debian/mamisguide.service), with ExecStart pointed at the binary just
# built (verify checks that the command exists):
#   - `systemd-analyze verify` passes and prints nothing;
#   - `systemd-analyze security --offline=true` rates its exposure at 2.0 or lower;
#   - its ExecReload, run as systemd runs it ($MAINPID the server's), makes a live
#     `mamisguide serve` reload (the log says so).
# Usage: systemd_unit.sh UNIT_FILE MAMISGUIDE_BINARY MASTER.  Exit 77 (skipped) without
# systemd-analyze.
set -eu
command -v systemd-analyze >/dev/null 2>&1 || { echo "systemd-analyze not found: skipped"; exit 77; }
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
unit=$dir/mamisguide.service
sed "s|/usr/bin/mamisguide|$2|" "$1" >"$unit"
grep -q "^ExecStart=$2 serve" "$unit"
out=$(systemd-analyze verify --man=no "$unit" 2>&1) || { echo "$out"; exit 1; }
if [ -n "$out" ]; then echo "$out"; exit 1; fi
echo "systemd-analyze verify: OK"

score=$(systemd-analyze security --offline=true "$unit" 2>&1 | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
[ -n "$score" ] || { echo "no exposure level from systemd-analyze security"; exit 1; }
if awk "BEGIN { exit !($score > 2.0) }"; then
  systemd-analyze security --offline=true "$unit" | grep '✗'
  echo "exposure level $score > 2.0"
  exit 1
fi
echo "systemd-analyze security: exposure $score (at most 2.0)"

reload=$(sed -n 's/^ExecReload=//p' "$unit")
[ -n "$reload" ] || { echo "no ExecReload"; exit 1; }
"$2" serve --listen 127.0.0.1:0 --directory "$3" --lang en --quiet 2>"$dir/log" &
pid=$!
i=0
until grep -q "http://" "$dir/log"; do
  i=$((i + 1)); [ $i -lt 100 ] || { cat "$dir/log"; echo "the server did not start"; exit 1; }
  sleep 0.1
done
MAINPID=$pid
eval "$reload"
i=0
until grep -q "reloaded the data" "$dir/log"; do
  i=$((i + 1)); [ $i -lt 100 ] || { cat "$dir/log"; echo "ExecReload ($reload) did not reload"; exit 1; }
  sleep 0.1
done
echo "ExecReload ($reload): the server reloaded"
