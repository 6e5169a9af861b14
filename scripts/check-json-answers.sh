#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Are two builds' JSON answers the same bytes? Runs mg_plan_json of each library over the bench
# workload's 178,593 requests (good and bad lines), over the first lines of it cut at every
# byte and with every byte replaced (bad JSON of every kind, with its error positions), and
# over the fuzz corpus and regressions; then compares the answers (cmp), for each of the new
# build's request readers.
#
#   scripts/check-json-answers.sh OLD_BUILD NEW_BUILD [MUTATED_LINES]
#
# Each BUILD is a build directory with capi/libmamisguide.so and bench/mamisguide_bench (the
# workload's writer; taken from NEW_BUILD). MUTATED_LINES: how many lines are mutated (300).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
old=$1 new=$2 mutated=${3:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/json_answers" "$here/scripts/json_answers.c" -ldl
"$new/bench/mamisguide_bench" --write-workload "$work" >/dev/null
mapfile -t files < <(find "$here/tests/fuzz/corpus/plan_json" "$here/tests/fuzz/regressions" \
  -type f 2>/dev/null | sort)
answers() { # LIB OUT
  "$work/json_answers" "$1" "$work/master.csv" lines "$work/requests.jsonl" >"$2.lines"
  "$work/json_answers" "$1" "$work/master.csv" mutate "$work/requests.jsonl" "$mutated" >"$2.mutate"
  "$work/json_answers" "$1" "$work/master.csv" files "${files[@]}" >"$2.files"
}
answers "$old/capi/libmamisguide.so" "$work/old"
status=0
# The new build with each of its request readers (capi/json_read.cpp): the scanner (the
# default), the DOM reader alone, On-Demand as this processor gets it, the baseline On-Demand copy.
for reader in scan dom ondemand baseline; do
  MAMISGUIDE_JSON_READER=$reader answers "$new/capi/libmamisguide.so" "$work/new"
  for part in lines mutate files; do
    if cmp -s "$work/old.$part" "$work/new.$part"; then
      echo "$reader reader, $part: $(wc -l <"$work/new.$part") answers, the same bytes"
    else
      echo "$reader reader, $part: DIFFERENT"
      cmp "$work/old.$part" "$work/new.$part" || true
      diff <(cat -v "$work/old.$part") <(cat -v "$work/new.$part") | head -20 || true
      status=1
    fi
  done
done
exit $status
