#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Coverage (docs/hardening.md, issue 31): line, function and branch coverage of the library's
# three areas — include/mamisguide/, capi/ and src/ — and of the Python package, each held to its
# floor. Its own build, build-cov/: gcc -O0 --coverage -fprofile-update=atomic (the tests run
# threads, and without atomic counters the counts are impossible), no sanitizer, no benchmarks.
#   - -O0: a line and a branch are the source's own. Optimized, a header's function is inlined
#     into each caller in its own shape and gcovr merges the copies by branch number; a constexpr
#     function folded away leaves lines that never run.
#   - no sanitizer: UBSan's checks (bool and enum loads, shifts, memcpy's arguments) are
#     branches to gcov, that correct code never takes; and the fault tests that bring their own
#     allocator (faults_batch, faults_serve, faults_python, test_faults_dlopen), which cannot run
#     under ASan, run here.
# It runs every test of README's test command but the benchmarks' (label bench), the npm
# package's and the Windows build's (labels wasm and windows: they test other builds) and
# test_exhaustive (compiled without counters: 44.7 million plans; it runs in the other stages).
# Then gcovr (Debian's, 5.2) reads the counts and prints the table; the Python package is
# measured with Debian's python3-coverage, its unittest suite run against this build's library.
#
# Usage: scripts/coverage.sh [BUILD_DIR]
#        (default: build-cov/ under $MG_HARDENING_ROOT or the repository)
#   MG_COVERAGE_RUN=0  only measure: the counts BUILD_DIR's tests left (no build, no test run)
#   Writes BUILD_DIR/coverage/{detail.json,summary.txt,python.txt}. Fails when a test fails or an
#   area is under its floor.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=${MG_HARDENING_ROOT:-$here}
b=${1:-$root/build-cov}
"$here/scripts/install-missing.sh" coverage gcovr python3-coverage

# ---- the floors: the one place to tune them ----------------------------------------------------
# area (a path prefix of the repository), then the least line, function and branch percentages.
# The goals of issue 31: include/mamisguide/ and capi/ 100 100 98; src/ 97 - 92; Python 95.
# Where a floor is under its goal it is what this build reached, rounded down: coverage cannot
# fall while the rest is worked on.
floors=(
    "include/mamisguide/ 100 100 98.0"
    "capi/ 100 100 98.0"
    "src/ 97.0 96.5 92.0"
)
python_floor=95

if [ "${MG_COVERAGE_RUN:-1}" != 0 ]; then
    "$here/scripts/setup.sh" "$b" -DCMAKE_BUILD_TYPE=None -DCMAKE_C_FLAGS=-O0 \
        -DCMAKE_CXX_FLAGS=-O0 -DMAMISGUIDE_COVERAGE=ON -DMAMISGUIDE_WERROR=ON \
        -DMAMISGUIDE_BUILD_BENCH=OFF
    cmake --build "$b" -j"$(nproc)"
    find "$b" -name '*.gcda' -delete # the counts of this run only
    ctest --test-dir "$b" --output-on-failure -j"$(nproc)" -LE '^(bench|wasm|windows)$' \
        -E '^test_exhaustive$'
fi
b=$(cd "$b" && pwd)
if ! find "$b" -name '*.gcda' -print -quit | grep -q .; then
    echo "coverage: no .gcda files in $b: configure it with -DMAMISGUIDE_COVERAGE=ON and run its tests" >&2
    exit 2
fi
out=$b/coverage
mkdir -p "$out"
# Branches: a throw's unwinding edges and branches gcc marks unreachable are not the code's own
# decisions. gcovr 5.2's --exclude-throw-branches drops a branch gcov marks "(throw)", but gcov
# marks it only in a translation unit where the block ran ("branch 3 never executed" carries no
# mark), and gcovr then merges the unmarked copy with the others: a `std::fopen()` or
# `vector::clear()` in a header counted as a decision never taken. So gcovr writes every branch
# with its mark, merged (a branch is a throw edge when any unit marks it), and the summary below
# leaves out the marked ones itself.
cd "$here"
gcovr --root "$here" "$b" --filter 'include/mamisguide/' --filter 'capi/' --filter 'src/' \
    --exclude-unreachable-branches -j "$(nproc)" \
    --json "$out/detail.json" >/dev/null

status=0
/usr/bin/python3 - "$out/detail.json" "$out/summary.txt" "${floors[@]}" <<'EOF' || status=1
import json, sys
detail = json.load(open(sys.argv[1]))
floors = [f.split() for f in sys.argv[3:]]
def pct(c, t):
    return 100.0 * c / t if t else 100.0
def counts(f):
    """Lines, functions and branches (throw edges left out) of one file: (covered, total) each."""
    lines = [l for l in f["lines"] if not l.get("gcovr/noncode") and not l.get("gcovr/excluded")]
    branches = [b for l in lines for b in l.get("branches", []) if not b.get("throw")]
    functions = f.get("functions", [])
    return {"line": (sum(l["count"] > 0 for l in lines), len(lines)),
            "function": (sum(fn["execution_count"] > 0 for fn in functions), len(functions)),
            "branch": (sum(b["count"] > 0 for b in branches), len(branches))}
per_file = {f["file"]: counts(f) for f in detail["files"]}
failed = []
print(f"{'area':<22} {'lines':>20} {'functions':>18} {'branches':>20}   floors (l/f/b)")
for area, *mins in floors:
    files = [c for name, c in per_file.items() if name.startswith(area)]
    got, cells = [], []
    for kind in ("line", "function", "branch"):
        c, t = sum(x[kind][0] for x in files), sum(x[kind][1] for x in files)
        got.append(pct(c, t))
        cells.append(f"{pct(c, t):6.2f}% ({c}/{t})")
    print(f"{area:<22} {cells[0]:>20} {cells[1]:>18} {cells[2]:>20}   {'/'.join(mins)}")
    for kind, g, m in zip(("lines", "functions", "branches"), got, mins):
        if g + 1e-9 < float(m):
            failed.append(f"{area} {kind}: {g:.2f}% < {m}%")
with open(sys.argv[2], "w") as out:  # per file, as counted here
    for name, c in sorted(per_file.items()):
        out.write(f"{name}: lines {c['line'][0]}/{c['line'][1]}, functions {c['function'][0]}/"
                  f"{c['function'][1]}, branches {c['branch'][0]}/{c['branch'][1]}\n")
# The files with the most lines and branches not run, to show where the rest is.
def rest(kind):
    worst = sorted(per_file.items(), key=lambda x: x[1][kind][0] - x[1][kind][1])[:8]
    return ", ".join(f"{n} {c[kind][1] - c[kind][0]}" for n, c in worst if c[kind][1] > c[kind][0])
print("most lines not run:", rest("line"))
print("most branches not taken:", rest("branch"))
if failed:
    print("coverage: under the floor: " + "; ".join(failed), file=sys.stderr)
    sys.exit(1)
EOF
echo "coverage: per-file figures in $out/summary.txt"

# ---- Python ---------------------------------------------------------------------------------
lib=$b/capi/libmamisguide.so
export COVERAGE_FILE=$out/python.coverage
MAMISGUIDE_LIBRARY=$lib PYTHONPATH=$here/python MG_SOURCE_DIR=$here PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 -m coverage run --branch --source="$here/python/mamisguide" \
    -m unittest discover -s "$here/python/tests" >"$out/python-tests.log" 2>&1 ||
    { tail -40 "$out/python-tests.log" >&2; echo "coverage: the Python tests failed" >&2; exit 1; }
/usr/bin/python3 -m coverage report --show-missing | tee "$out/python.txt" | tail -12
/usr/bin/python3 -m coverage report --fail-under="$python_floor" >/dev/null ||
    { echo "coverage: python/mamisguide/ under $python_floor%" >&2; status=1; }
exit $status
