#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Sets up (installs missing Debian packages, configures), builds everything and runs every test
# through ctest. Exits non-zero when any test fails. Warnings are errors here
# (-DMAMISGUIDE_WERROR=ON); a plain `cmake -B b && cmake --build b` keeps them warnings.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${MAMISGUIDE_BUILD_DIR:-"$here/build"}
"$here/scripts/setup.sh" "$build" -DMAMISGUIDE_WERROR=ON "$@"
cmake --build "$build" -j"$(nproc)"
# The npm package (scripts/wasm.sh) when emscripten is installed, so that its tests (ctest -L
# wasm, here in the native build) run with the rest; without emscripten they are skipped.
if command -v emcmake >/dev/null 2>&1; then
  "$here/scripts/wasm.sh" build
fi
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" -LE bench
