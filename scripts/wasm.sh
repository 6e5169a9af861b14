#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# The engine in WebAssembly: the npm package `mamisguide` (js/), built with Debian's emscripten,
# and the single-file web guide made from it (build-wasm/mamisguide.html: src/web's page with the
# engine and the sample master inside, js/build-guide.mjs).
#
#   scripts/wasm.sh [build]   install what is missing, build build-wasm/mamisguide-<version>.tgz
#                             and build-wasm/mamisguide.html
#   scripts/wasm.sh test      build them, then run their tests (ctest -L wasm in the native build/,
#                             which holds the native side of the comparisons; the single file's
#                             browser tests are labelled wasm too: web_single_file in Chromium,
#                             web_single_file_firefox and web_single_file_webkit)
#   scripts/wasm.sh bench     build them, then measure: planJson against native mg_plan_json over
#                             the benchmark's workload, createEngine, the package's size; the
#                             single file in Chromium against the served page (bench/guide.py)
#
# What it installs when missing (Debian packages, through apt-get): emscripten, node-acorn
# (emscripten's optimizer needs acorn, which Debian keeps under /usr/share/nodejs, where a Node
# from elsewhere does not look: NODE_PATH says so below), node-typescript (the TypeScript check),
# the header-only libraries, and nodejs/npm only when `node`/`npm` are absent; for `test`,
# firefox-esr, gir1.2-webkit2-4.1, python3-gi and xvfb (the single file in Firefox and WebKitGTK). simdjson and libcsv
# are compiled from Debian's source packages of the versions the native build uses
# (scripts/debian-sources.sh: apt-get source through a private sources list, checksums checked,
# cached). Nothing else is downloaded. The build is `emcmake cmake` (emscripten's CMake
# toolchain) of this tree, which then builds only the C ABI and js/ (cmake/WasmDependencies.cmake).
#
# Environment: MAMISGUIDE_WASM_BUILD_DIR (default build-wasm), MAMISGUIDE_BUILD_DIR (the native
# build for `test` and `bench`, default build).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cmd=${1:-build}
wasm_build=${MAMISGUIDE_WASM_BUILD_DIR:-"$here/build-wasm"}
native_build=${MAMISGUIDE_BUILD_DIR:-"$here/build"}
case "$cmd" in build | test | bench) ;; *)
  echo "usage: scripts/wasm.sh [build|test|bench]" >&2
  exit 2
  ;;
esac

started=$(date +%s)
packages=(emscripten node-acorn node-typescript libboost-graph-dev libexpected-dev
  nlohmann-json3-dev libsimdjson-dev libcsv-dev dpkg-dev cmake ninja-build)
# `test` also opens the single file in the engines besides Chromium (tests/web/
# test_other_engines.py): Firefox ESR, and WebKitGTK (Safari's engine) in an Xvfb display.
[ "$cmd" != test ] || packages+=(firefox-esr gir1.2-webkit2-4.1 python3-gi xvfb)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
"$here/scripts/install-missing.sh" wasm "${packages[@]}"
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

mapfile -t sources < <("$here/scripts/debian-sources.sh" libsimdjson-dev libcsv-dev)
# shellcheck source=scripts/generator.sh
. "$here/scripts/generator.sh"
( # a subshell: the generator is this build's only
  mg_use_ninja "$wasm_build"
  emcmake cmake -S "$here" -B "$wasm_build" -DCMAKE_BUILD_TYPE=Release \
    -DMAMISGUIDE_WASM_SIMDJSON_SOURCE="${sources[0]}" \
    -DMAMISGUIDE_WASM_LIBCSV_SOURCE="${sources[1]}" >/dev/null
)
cmake --build "$wasm_build" -j"$(nproc)"
version=$(sed -n 's/^project(mamisguide VERSION \([0-9.]*\).*/\1/p' "$here/CMakeLists.txt")
tgz=$wasm_build/mamisguide-$version.tgz
echo "wasm: $tgz ($(stat -c %s "$tgz") bytes; the .wasm $(stat -c %s "$wasm_build/js/mamisguide-engine.wasm") bytes), built in $(($(date +%s) - started)) s" >&2
echo "wasm: $wasm_build/mamisguide.html ($(stat -c %s "$wasm_build/mamisguide.html") bytes; at most 2 MiB)" >&2

# The native side (comparisons, benchmark): the native build, configured when missing, and the
# targets the wasm tests use.
native() {
  "$here/scripts/setup.sh" "$native_build" -DMAMISGUIDE_WERROR=ON \
    -DMAMISGUIDE_WASM_DIR="$wasm_build" "$@"
  cmake --build "$native_build" -j"$(nproc)" --target mamisguide_cli mamisguide_bench \
    wasm_native wasm_exhaustive_requests
}
case "$cmd" in
  test)
    native
    # Here a test that would be skipped (no package, no workload, no browser) is a failure.
    MAMISGUIDE_REQUIRE_WASM=1 MAMISGUIDE_REQUIRE_BROWSERS=1 ctest --test-dir "$native_build" --output-on-failure \
      -j"$(nproc)" -L wasm --no-tests=error
    ;;
  bench) # the Release build scripts/bench.sh uses
    native_build=${MAMISGUIDE_BENCH_DIR:-"$here/build-release"}
    CMAKE_BUILD_TYPE=Release native
    node "$here/bench/wasm.mjs" --native "$native_build" --wasm "$wasm_build" --version "$version"
    /usr/bin/python3 "$here/bench/guide.py" --html "$wasm_build/mamisguide.html" \
      --cli "$native_build/src/mamisguide"
    ;;
esac
