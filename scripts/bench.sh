#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Builds the benchmarks in Release, runs them (Google Benchmark, JSON output) and, when the
# command line builds, `mamisguide batch` end to end on the same generated workload; prints one
# table: figure, measured, target, ratio to the floor, pass/miss.
#
#   scripts/bench.sh            # full run (5 repetitions, medians; about two minutes)
#   scripts/bench.sh --quick    # one short repetition: a smoke test of the figures
#   scripts/bench.sh --strict   # exit 1 when a target is missed
#   scripts/bench.sh --no-http  # without bench/http.sh (wrk against mamisguide serve and nginx)
#
# Environment: MAMISGUIDE_BENCH_DIR (default build-release), BENCH_OUT (default
# $MAMISGUIDE_BENCH_DIR/bench-results) for the raw results.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${MAMISGUIDE_BENCH_DIR:-"$here/build-release"}
out=${BENCH_OUT:-"$build/bench-results"}

quick=0
http=1
strict=()
for a in "$@"; do
  case "$a" in
    --quick) quick=1 ;;
    --strict) strict=(--strict) ;;
    --no-http) http=0 ;;
    *) echo "usage: scripts/bench.sh [--quick] [--strict] [--no-http]" >&2; exit 2 ;;
  esac
done

CMAKE_BUILD_TYPE=Release "$here/scripts/setup.sh" "$build"
cmake --build "$build" -j"$(nproc)" --target mamisguide_bench >/dev/null
cli=""
if cmake --build "$build" -j"$(nproc)" --target mamisguide_cli >/dev/null 2>&1 &&
   [ -x "$build/src/mamisguide" ]; then
  cli="$build/src/mamisguide"
else
  echo "bench: the command line does not build; skipping the end-to-end batch" >&2
fi

mkdir -p "$out"
bench="$build/bench/mamisguide_bench"
if [ "$quick" = 1 ]; then
  args=(--benchmark_min_time=0.05)
else
  args=(--benchmark_repetitions=5 --benchmark_report_aggregates_only=true)
fi
echo "bench: running $bench ${args[*]}" >&2
"$bench" "${args[@]}" --benchmark_out="$out/bench.json" --benchmark_out_format=json \
  >"$out/bench.txt" 2>&1

e2e=()
if [ -n "$cli" ]; then
  "$bench" --write-workload "$out" >/dev/null
  lines=$(wc -l <"$out/requests.jsonl")
  rows=$(grep -vc '^#' "$out/master.csv")
  rows=$((rows - 1))
  runs=5
  [ "$quick" = 1 ] && runs=1
  # The batch and its in-process twin, mg_plan_json over the same lines (BM_json_lines' best
  # round), in turn, best of each: on a shared machine whose speed drifts, the two are then
  # measured at the same moments.
  # Each of those runs also times mg_plan_json against its I/O floor again (BM_json_vs_floor),
  # in its own process: the floor (simdjson's AVX kernels) slows by up to 1.8x while the
  # machine's other work shares the core, mg_plan_json by a few per cent, so one process's
  # ratio depends on its moment. The best floor and the best mg_plan_json over the runs are
  # kept, each, as the benchmark keeps each one's best round.
  best=""
  json_best=""
  floor_best=""
  plan_best=""
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N)
    "$cli" batch -q --directory "$out/master.csv" "$out/requests.jsonl" >/dev/null
    t1=$(date +%s%N)
    t=$((t1 - t0))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    read -r j f p < <("$bench" --benchmark_filter='^BM_json_lines|^BM_json_vs_floor' \
      --benchmark_format=json 2>/dev/null | python3 -c 'import json,sys
b = {x["name"].split("/")[0]: x for x in json.load(sys.stdin)["benchmarks"]}
print(b["BM_json_lines"]["line_ns"], b["BM_json_vs_floor"]["floor_ns"], b["BM_json_vs_floor"]["json_ns"])')
    read -r json_best floor_best plan_best < <(python3 -c 'import sys
print(*(min(float(x) for x in a.split()) for a in sys.argv[1:]))' \
      "$json_best $j" "$floor_best $f" "$plan_best $p")
  done
  # Memory stays constant with the input: peak RSS for the workload and for ten times it.
  rss() { /usr/bin/time -f '%M' "$cli" batch -q --directory "$out/master.csv" "$1" 2>&1 >/dev/null | tail -1; }
  for _ in $(seq 10); do cat "$out/requests.jsonl"; done >"$out/requests10.jsonl"
  rss1=$(rss "$out/requests.jsonl")
  rss10=$(rss "$out/requests10.jsonl")
  rm -f "$out/requests10.jsonl"
  printf '{"wall_s": %s, "lines": %s, "runs": %s, "master_rows": %s, "rss_kib": %s, "rss10_kib": %s, "json_ns": %s, "io_floor_best_ns": %s, "plan_json_best_ns": %s}\n' \
    "$(awk -v t="$best" 'BEGIN { printf "%.6f", t / 1e9 }')" "$lines" "$runs" "$rows" \
    "$rss1" "$rss10" "$json_best" "$floor_best" "$plan_best" >"$out/e2e.json"
  e2e=("$out/e2e.json")
fi

echo
rc=0
python3 "$here/bench/report.py" "$out/bench.json" "${e2e[@]}" "${strict[@]}" || rc=$?

# The HTTP service against nginx (bench/http.sh; installs wrk and nginx-light when missing).
if [ "$http" = 1 ] && [ -n "$cli" ]; then
  secs=10
  [ "$quick" = 1 ] && secs=3
  HTTP_BENCH_SECONDS=$secs BENCH_OUT=$out "$here/bench/http.sh" "$build"
fi
exit $rc
