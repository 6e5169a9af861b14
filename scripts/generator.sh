# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Sourced by the scripts that configure a build (setup.sh, wasm.sh, windows.sh). A new build tree
# is configured for Ninja (Debian's ninja-build, which those scripts install): on CI's 2 cores it
# builds this project in 0.8 of Make's time (the TSan stage's targets, clean, twice each in
# alternation: 99 s against 123 and 125 s), since Make waits for a library to be linked before
# compiling what uses it. A tree already configured keeps its generator; CMAKE_GENERATOR (CMake's
# own variable) chooses another for a new one.
mg_use_ninja() { # BUILD_DIR
  [ -f "$1/CMakeCache.txt" ] || export CMAKE_GENERATOR=${CMAKE_GENERATOR:-Ninja}
}
