#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Hardening (docs/hardening.md): fails on any sanitizer report, fuzzer finding or test failure.
#   1. asan   — every test under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/),
#               first the out-of-memory harness (tests/faults: each allocation of every C ABI
#               function and of the HTTP handler failed in turn, leak checks on). Coverage is
#               measured in a build of its own (scripts/coverage.sh); MG_COVERAGE=ON adds
#               --coverage here too
#   2. reload — `mamisguide serve` (the normal build, build/) under a SIGHUP storm for 60 s,
#               answers checked against in-process engines (scripts/serve-storm.py)
#   3. tsan   — the concurrency tests (ctest -L concurrency: the C ABI's threads, the HTTP
#               service under load) under ThreadSanitizer (build-tsan/)
#   4. fuzz   — everything built with clang and -Werror (build-fuzz/: CI's clang build), then
#               the libFuzzer targets, each run for a while
#   soak      — not run by default (10 minutes): the storm with 64 keep-alive connections of
#               good, bad and hostile requests; prints requests, errors, p99, RSS
#
# Usage: scripts/ci-hardening.sh [asan] [reload] [tsan] [fuzz] [soak]
#        (no argument: asan reload tsan fuzz)
# Environment:
#   MG_HARDENING_ROOT   where the build directories go (default: the repository)
#   MG_COVERAGE         OFF (default) or ON: build-asan/ also counts lines and branches (read
#                       them with MG_COVERAGE_RUN=0 scripts/coverage.sh build-asan)
#   MG_FUZZ_SECONDS     seconds of a core per fuzz target (default 60)
#   MG_FUZZ_JOBS        fuzz targets run at once (default: the number of cores, at most 4)
#   MG_FUZZ_TARGETS     which targets (default: plan_json batch_line master categories http)
#   MG_CONCURRENCY_REQUESTS  requests per thread in test_concurrency (default: the test's own)
#   MG_HTTP_LOAD_REQUESTS    requests per client in http_load under TSan (default 200)
#   MG_BUILD_DIR        the normal build the reload and soak steps use (default: build/)
#   MG_STORM_SECONDS, MG_SOAK_SECONDS  how long they run (default 60 and 600)
#
# Tests under the sanitizers, in three groups (the regexes are ctest -R/-E on test names):
#   - native: every test whose programs are ours, built with the sanitizers; full checks,
#     leak detection included.
#   - preloaded: programs not built with our flags that load the sanitized libmamisguide.so —
#     the plain C tests (test_capi_c, test_capi_c99, test_abi_*) and the Python tests (every test
#     labelled "python", cross_door_json included, and the HTTP tests http_*, which load the
#     library with ctypes). The ASan
#     runtime must come first, so they run with LD_PRELOAD=libasan.so; Python with
#     detect_leaks=0, since the interpreter itself never frees everything at exit.
#   - not run here: the packaging tests (install_tree, consumer_cmake, consumer_pkgconfig,
#     python_installed_prefix).
#     They build consumers with plain flags against the installed, sanitized library, which
#     cannot link without -fsanitize; they test packaging, not memory, and run in the normal
#     build (scripts/test.sh). The library code they call runs here in test_capi_c(_static).
#     Nor the out-of-memory tests that bring their own allocator into a process ASan must come
#     first in (faults_batch, faults_python, faults_serve: a preloaded libmgfault.so) or that
#     load the library with dlopen into a C host (test_faults_dlopen: ASan cannot intercept a
#     libstdc++ loaded after it); they run in the normal build. The harness that runs here
#     (test_faults_capi, test_faults_http) fails the same allocations from inside.
#     Nor the Java, PHP and .NET bindings' tests (labels java, php, dotnet): a JVM and Mono
#     handle SIGSEGV themselves (safepoints, the GC), which the ASan runtime takes over; they
#     test that the bindings move bytes, and run in the normal build. The mg_plan_json they
#     call runs here under the fuzz targets' replays and test_json_contract.
#     Nor the Windows build's tests (label windows, when build-windows/ exists): they test the
#     zip under wine, and their native C drivers are not built with the sanitizers.
set -euo pipefail

# The three builds here are for checking, not for shipping: -O1 with line tables only (-g1, enough
# for symbolized reports with file and line), as the sanitizers' manuals suggest, compile about a
# third faster than RelWithDebInfo's -O2 -g. The clang build keeps no debug information (its
# fuzz targets add -g themselves); clang's warnings come from its front end, whatever the -O.
check_flags=(-DCMAKE_BUILD_TYPE=None "-DCMAKE_C_FLAGS=-O1 -g1" "-DCMAKE_CXX_FLAGS=-O1 -g1")
clang_flags=(-DCMAKE_BUILD_TYPE=None "-DCMAKE_C_FLAGS=-O1" "-DCMAKE_CXX_FLAGS=-O1")

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=${MG_HARDENING_ROOT:-$here}
cores=$(nproc)
steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=(asan reload tsan fuzz)

packaging_tests='^(install_tree|consumer_cmake|consumer_pkgconfig|python_installed_prefix)$'
binding_labels='^(java|php|dotnet)$'
# The Windows build's tests (label windows) run the zip under wine against the native build; they
# test the Windows build, and the native side's C drivers are not built with the sanitizers.
windows_label='^windows$'
preload_c_tests='^(test_capi_c|test_capi_c99|test_abi_old|test_abi_new|test_abi_new_on_1_0)$'
# (and test_faults_capi's ctest variants: the same program over a few scenarios, tests/faults)
fault_harness='^(test_faults_capi|test_faults_http)(_[a-z]+)?$'
own_allocator_tests='^(faults_batch|faults_python|faults_serve|test_faults_dlopen)$'
# Checks of the tests themselves, not of memory: python_wrapped_calls runs the Python suite again
# to see which test calls what (python_unittest runs that suite here).
test_checks='^python_wrapped_calls'


started=$(date +%s)
say() { printf '\n== ci-hardening [%4ds] %s\n' "$(($(date +%s) - started))" "$*"; }

# ---- 1. ASan + UBSan ------------------------------------------------------------------------------
run_asan() {
    local b=$root/build-asan
    say "asan+ubsan: configure and build ($b)"
    "$here/scripts/setup.sh" "$b" "${check_flags[@]}" -DMAMISGUIDE_SANITIZE=address,undefined \
        -DMAMISGUIDE_WERROR=ON -DMAMISGUIDE_BUILD_BENCH=OFF -DMAMISGUIDE_BUILD_FUZZ=ON \
        -DMAMISGUIDE_COVERAGE="${MG_COVERAGE:-OFF}"
    cmake --build "$b" -j"$cores"
    # Coverage counts (with MG_COVERAGE=ON) from this run only.
    find "$b" -name '*.gcda' -delete

    export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    local cxx asan_rt
    cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$b/CMakeCache.txt")
    asan_rt=$("$cxx" -print-file-name=libasan.so)

    # Every test labelled python (read from ctest, so a new one cannot be missed) and http_*.
    local python_tests
    python_tests="^($(ctest --test-dir "$b" -N -L python | sed -n 's/^ *Test *#[0-9]*: //p' | paste -sd'|'))\$|^http_"
    # Out of memory: every allocation of every C ABI function and of the HTTP handler failed in
    # turn, each run in a child process, leaks checked (docs/hardening.md). Its figures shown.
    say "asan+ubsan: out of memory, each allocation failed in turn (tests/faults)"
    local t harness_asan=$ASAN_OPTIONS
    # With coverage, the children exit() to write their counts: LSan's check at exit off there
    # (each child runs its own leak check before it ends; tests/faults/harness.hpp).
    [ "${MG_COVERAGE:-OFF}" = OFF ] || harness_asan=$ASAN_OPTIONS:leak_check_at_exit=0
    for t in test_faults_capi test_faults_http; do
        ASAN_OPTIONS=$harness_asan "$b/tests/faults/$t" "$here" "$b/tests/faults/scratch-$t" >"$b/$t.log" 2>&1 ||
            { grep -v '^ok' "$b/$t.log" | tail -60 >&2; echo "ci-hardening: $t failed (log: $b/$t.log)" >&2; exit 1; }
        tail -1 "$b/$t.log"
    done
    ASAN_OPTIONS=$harness_asan ctest --test-dir "$b" --output-on-failure -j"$cores" \
        -R '^test_faults_capi_[a-z]+$' --no-tests=ignore
    say "asan+ubsan: native tests"
    ctest --test-dir "$b" --output-on-failure -j"$cores" -LE "^bench$|$binding_labels|$windows_label" \
        -E "$packaging_tests|$preload_c_tests|$python_tests|$fault_harness|$own_allocator_tests"
    say "asan+ubsan: C tests with the ASan runtime preloaded"
    LD_PRELOAD=$asan_rt ctest --test-dir "$b" --output-on-failure -LE bench -R "$preload_c_tests" \
        --no-tests=ignore
    say "asan+ubsan: Python tests with the ASan runtime preloaded"
    LD_PRELOAD=$asan_rt ASAN_OPTIONS=detect_leaks=0 \
        ctest --test-dir "$b" --output-on-failure -j"$cores" -LE bench -R "$python_tests" \
        -E "$packaging_tests|$own_allocator_tests|$test_checks" --no-tests=ignore
    say "asan+ubsan: not run under the sanitizers (packaging; their own allocator; checks of the tests): $packaging_tests $own_allocator_tests $test_checks; (bindings, Windows): labels $binding_labels $windows_label"
    unset ASAN_OPTIONS UBSAN_OPTIONS
}

# ---- 2. The SIGHUP storm, and the soak ---------------------------------------------------------------
# `mamisguide serve` of the normal build: built here if missing (the service and the library only).
normal_build() {
    local b=${MG_BUILD_DIR:-$here/build}
    if [ ! -x "$b/src/mamisguide" ] || [ ! -e "$b/capi/libmamisguide.so" ]; then
        say "normal build: configure and build the service ($b)" >&2
        "$here/scripts/setup.sh" "$b" -DMAMISGUIDE_WERROR=ON >&2
        cmake --build "$b" -j"$cores" --target mamisguide_cli mamisguide_capi >&2
    fi
    echo "$b"
}

run_reload() {
    local b
    b=$(normal_build)
    say "reload: SIGHUP 20 times a second for ${MG_STORM_SECONDS:-60}s: good, refused, deleted, rewritten while read"
    /usr/bin/python3 "$here/scripts/serve-storm.py" "$b" --seconds "${MG_STORM_SECONDS:-60}"
}

run_soak() {
    local b
    b=$(normal_build)
    say "soak: ${MG_SOAK_SECONDS:-600}s, 64 keep-alive connections, good, bad and hostile requests, the SIGHUP storm"
    /usr/bin/python3 "$here/scripts/serve-storm.py" "$b" --soak --seconds "${MG_SOAK_SECONDS:-600}"
}

# ---- 3. TSan --------------------------------------------------------------------------------------
run_tsan() {
    local b=$root/build-tsan
    say "tsan: configure and build ($b)"
    "$here/scripts/setup.sh" "$b" "${check_flags[@]}" -DMAMISGUIDE_SANITIZE=thread \
        -DMAMISGUIDE_WERROR=ON -DMAMISGUIDE_BUILD_BENCH=OFF -DMAMISGUIDE_BUILD_EXAMPLES=OFF
    # Only what the concurrency tests run (a test whose program is missing fails loudly).
    cmake --build "$b" -j"$cores" --target mamisguide_capi test_concurrency mamisguide_cli
    say "tsan: ctest -L concurrency"
    # http_load: the server under ThreadSanitizer, 16 clients x 200 requests and a SIGTERM under load
    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
        MG_HTTP_LOAD_REQUESTS=${MG_HTTP_LOAD_REQUESTS:-200} \
        ctest --test-dir "$b" --output-on-failure -L concurrency --no-tests=error
}

# ---- 4. libFuzzer ---------------------------------------------------------------------------------
run_fuzz() {
    local b=$root/build-fuzz
    local secs=${MG_FUZZ_SECONDS:-60}
    local jobs=${MG_FUZZ_JOBS:-$((cores < 4 ? cores : 4))}
    local targets=(${MG_FUZZ_TARGETS:-plan_json batch_line master categories http})
    local fuzz=$here/tests/fuzz
    # CI's one clang build, with -Werror so that clang's warnings are caught too: what users
    # compile (the library, the command line, the examples) and the fuzz targets. The tests and
    # benchmarks are left to the GCC builds, to keep CI under its time (set MG_CLANG_ALL=1 to
    # build everything with clang).
    say "fuzz: configure and build with clang and -Werror ($b)"
    CC=clang CXX=clang++ "$here/scripts/setup.sh" "$b" "${clang_flags[@]}" -DMAMISGUIDE_BUILD_FUZZ=ON \
        -DMAMISGUIDE_WERROR=ON
    if [ -n "${MG_CLANG_ALL:-}" ]; then
        cmake --build "$b" -j"$cores"
    else
        cmake --build "$b" -j"$cores" --target mamisguide_capi mamisguide_capi_static mamisguide_cli \
            mamisguide_examples
    fi
    cmake --build "$b" -j"$cores" --target "${targets[@]/#/fuzz_}"

    say "fuzz: ${targets[*]} for ${secs}s of a core each, $jobs at a time"
    local failed=()
    # One run of target $1 for $2 seconds, its log $3. New inputs go to build-fuzz/corpus/<t> (the
    # first directory; runs of one target side by side share it, as libFuzzer's -jobs do); the
    # seed corpus and the regressions are read, never written. Findings go to
    # tests/fuzz/artifacts/<t>/.
    fuzz_one() {
        local t=$1 dict=json
        case $t in master | categories) dict=csv ;; esac
        mkdir -p "$b/corpus/$t" "$fuzz/artifacts/$t"
        "$b/tests/fuzz/fuzz_$t" -max_total_time="$2" -timeout=10 -rss_limit_mb=2048 \
            -max_len=16384 -dict="$fuzz/dict/$dict.dict" -artifact_prefix="$fuzz/artifacts/$t/" \
            -print_final_stats=1 "$b/corpus/$t" "$fuzz/corpus/$t" "$fuzz/regressions/$t" \
            >"$3" 2>&1
    }
    # Rounds of $jobs targets. A last round with fewer targets than cores gives each of its
    # targets several runs side by side for a part of the time (5 targets on 2 cores: 60 + 60 +
    # 2 x 30 s instead of 60 + 60 + 60 s with a core idle): every target gets $secs seconds of a
    # core. Each run's log is build-fuzz/fuzz-<t>.log, then fuzz-<t>.2.log, ...
    local i k r
    for ((i = 0; i < ${#targets[@]}; i += jobs)); do
        local pids=() owners=() batch=("${targets[@]:i:jobs}")
        local runs=$((jobs / ${#batch[@]}))
        for t in "${batch[@]}"; do
            rm -f "$b/fuzz-$t".*log
            for ((r = 1; r <= runs; ++r)); do
                fuzz_one "$t" $((secs / runs)) "$b/fuzz-$t$([ $r = 1 ] || echo ".$r").log" &
                pids+=($!)
                owners+=("$t")
            done
        done
        for k in "${!pids[@]}"; do
            wait "${pids[$k]}" || failed+=("${owners[$k]}")
        done
    done

    for t in "${targets[@]}"; do
        local execs=0 units v
        for v in $(sed -n 's/^stat::number_of_executed_units: *//p' "$b/fuzz-$t".*log); do
            execs=$((execs + v))
        done
        units=$(find "$b/corpus/$t" -type f | wc -l)
        printf '   fuzz_%-11s %10s executions, %5s inputs in build-fuzz/corpus/%s\n' "$t" "${execs:-?}" "$units" "$t"
    done
    if [ ${#failed[@]} -gt 0 ]; then
        local log
        for t in $(printf '%s\n' "${failed[@]}" | sort -u); do
            for log in "$b/fuzz-$t".*log; do
                echo "---- fuzz_$t: FINDING? (log: $log)" >&2
                grep -v '^#[0-9]' "$log" | tail -60 >&2
            done
            ls -1 "$fuzz/artifacts/$t" >&2 || true
        done
        echo "ci-hardening: the fuzzers found something: reproduce with build-fuzz/tests/fuzz/fuzz_<target> <artifact>," >&2
        echo "fix it, and add the input to tests/fuzz/regressions/<target>/ (docs/hardening.md)" >&2
        exit 1
    fi
}

for s in "${steps[@]}"; do
    case $s in
    asan) run_asan ;;
    reload) run_reload ;;
    tsan) run_tsan ;;
    fuzz) run_fuzz ;;
    soak) run_soak ;;
    *) echo "ci-hardening: unknown step '$s' (asan, reload, tsan, fuzz, soak)" >&2; exit 2 ;;
    esac
done
say "done: ${steps[*]} — no finding"
