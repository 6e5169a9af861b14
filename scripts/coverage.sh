#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Coverage (docs/hardening.md, issue 31): line, function and branch coverage of the library's
# three areas — include/mamisguide/, capi/, src/ — and of the Python package, each held to its
# floor. CI measures it in the build it already makes for the sanitizers: scripts/ci-hardening.sh
# asan builds build-asan/ with -DMAMISGUIDE_COVERAGE=ON (gcc --coverage -fprofile-update=atomic:
# the tests run threads, and without atomic counters the counts are impossible) and runs every
# test there; this script then reads the counts with gcovr (Debian's gcovr, 5.2) and prints the
# table. The Python package is measured with Debian's python3-coverage, its unittest suite run
# against the normal build's library.
#
# Usage: scripts/coverage.sh [BUILD_DIR] [NORMAL_BUILD_DIR]
#        (default: build-asan/ under $MG_HARDENING_ROOT or the repository, and build/)
#   BUILD_DIR must have been built with -DMAMISGUIDE_COVERAGE=ON and its tests run (the counts
#   are the .gcda files the tests left). Writes BUILD_DIR/coverage/{summary.json,coverage.txt,
#   python.txt}. Fails when an area is under its floor.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=${MG_HARDENING_ROOT:-$here}
b=$(cd "${1:-$root/build-asan}" && pwd)
normal=$(cd "${2:-${MG_BUILD_DIR:-$here/build}}" && pwd)
"$here/scripts/install-missing.sh" coverage gcovr python3-coverage

# ---- the floors: the one place to tune them ----------------------------------------------------
# area (a path prefix of the repository), then the least line, function and branch percentages.
# The goals of issue 31: include/mamisguide/ and capi/ 100 100 98; src/ 97 - 92; Python 95.
# Where a floor is under its goal it is what the ASan stage reached (include/ 99.96/100/85.84,
# capi/ 100/100/90.87, src/ 97.34/96.69/78.49 on CI's clean clone of 2026-12-07, fourth
# session), rounded down with room for run-to-run variation (the server's timing-dependent
# paths): coverage cannot fall while the rest is worked on. src/'s lines are held to their goal.
floors=(
    "include/mamisguide/ 99.9 100 85.5"
    "capi/ 99.9 100 90.0"
    "src/ 97.0 96.5 77.5"
)
python_floor=95

if ! find "$b" -name '*.gcda' -print -quit | grep -q .; then
    echo "coverage: no .gcda files in $b: configure it with -DMAMISGUIDE_COVERAGE=ON and run its tests" >&2
    exit 2
fi
out=$b/coverage
mkdir -p "$out"
# Branches: a throw's unwinding edges and branches gcc marks unreachable are not the code's own
# decisions (gcovr --exclude-throw-branches --exclude-unreachable-branches).
cd "$here"
gcovr --root "$here" "$b" --filter 'include/mamisguide/' --filter 'capi/' --filter 'src/' \
    --exclude-throw-branches --exclude-unreachable-branches -j "$(nproc)" \
    --json-summary "$out/summary.json" --txt "$out/coverage.txt" >/dev/null

status=0
/usr/bin/python3 - "$out/summary.json" "${floors[@]}" <<'EOF' || status=1
import json, sys
summary = json.load(open(sys.argv[1]))
floors = [f.split() for f in sys.argv[2:]]
def pct(c, t):
    return 100.0 * c / t if t else 100.0
failed = []
print(f"{'area':<22} {'lines':>20} {'functions':>18} {'branches':>20}   floors (l/f/b)")
for area, *mins in floors:
    files = [f for f in summary["files"] if f["filename"].startswith(area)]
    sums = {k: sum(f[k] for f in files) for k in ("line_covered", "line_total", "function_covered",
                                                   "function_total", "branch_covered", "branch_total")}
    got = []
    cells = []
    for kind in ("line", "function", "branch"):
        c, t = sums[kind + "_covered"], sums[kind + "_total"]
        got.append(pct(c, t))
        cells.append(f"{pct(c, t):6.2f}% ({c}/{t})")
    print(f"{area:<22} {cells[0]:>20} {cells[1]:>18} {cells[2]:>20}   {'/'.join(mins)}")
    for kind, g, m in zip(("lines", "functions", "branches"), got, mins):
        if g + 1e-9 < float(m):
            failed.append(f"{area} {kind}: {g:.2f}% < {m}%")
# The files with the most uncovered lines, to show where the rest is.
rest = sorted(summary["files"], key=lambda f: f["line_covered"] - f["line_total"])[:8]
print("most lines not run:", ", ".join(f"{f['filename']} {f['line_total'] - f['line_covered']}"
                                          for f in rest if f["line_total"] > f["line_covered"]))
if failed:
    print("coverage: under the floor: " + "; ".join(failed), file=sys.stderr)
    sys.exit(1)
EOF
echo "coverage: per-file figures in $out/coverage.txt"

# ---- Python ---------------------------------------------------------------------------------
lib=$normal/capi/libmamisguide.so
if [ ! -e "$lib" ]; then
    echo "coverage: $lib missing: build the normal build first (scripts/test.sh)" >&2
    exit 2
fi
export COVERAGE_FILE=$out/python.coverage
MAMISGUIDE_LIBRARY=$lib PYTHONPATH=$here/python MG_SOURCE_DIR=$here PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 -m coverage run --branch --source="$here/python/mamisguide" \
    -m unittest discover -s "$here/python/tests" >"$out/python-tests.log" 2>&1 ||
    { tail -40 "$out/python-tests.log" >&2; echo "coverage: the Python tests failed" >&2; exit 1; }
/usr/bin/python3 -m coverage report --show-missing | tee "$out/python.txt" | tail -12
/usr/bin/python3 -m coverage report --fail-under="$python_floor" >/dev/null ||
    { echo "coverage: python/mamisguide/ under $python_floor%" >&2; status=1; }
exit $status
