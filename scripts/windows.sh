#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Windows, 64-bit: mamisguide.dll (the C ABI) and mamisguide.exe (the command line, `serve`
# included), cross-compiled on Debian with MinGW-w64, in a zip.
#
#   scripts/windows.sh [build] [CMAKE_ARGS...]  install what is missing, build
#                                               build-windows/mamisguide-<version>-win64.zip
#   scripts/windows.sh test [CMAKE_ARGS...]     build it, then run its tests under wine: ctest -L
#                                               windows in the native build/, which holds the
#                                               native side of every comparison
#
# What it installs when missing (Debian packages, through apt-get): g++-mingw-w64-x86-64 (its
# -posix compilers are used: their libstdc++ has std::thread and std::mutex), wine64 (the
# tests), llvm-14 (llvm-dlltool writes mamisguide.lib), clang and lld-14 (a test builds a program
# as MSVC does, against the zip), the header-only libraries (Boost with
# Asio and Beast, tl-expected, CLI11, nlohmann/json) and cmake. simdjson and libcsv are compiled
# from Debian's source packages of the versions the native build uses, as for the WebAssembly
# package (scripts/debian-sources.sh: apt-get source through a private sources list, checksums
# checked, cached). Nothing else is downloaded. The build is CMake with the toolchain file
# cmake/mingw-w64-x86_64.cmake (cmake/WindowsDependencies.cmake, cmake/WindowsPackage.cmake).
#
# Environment: MAMISGUIDE_WINDOWS_BUILD_DIR (default build-windows), MAMISGUIDE_BUILD_DIR (the
# native build for `test`, default build), MAMISGUIDE_WINDOWS_SIMDJSON_SOURCE and
# MAMISGUIDE_WINDOWS_LIBCSV_SOURCE (another simdjson or libcsv source folder than Debian's).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cmd=${1:-build}
[ $# -gt 0 ] && shift
windows_build=${MAMISGUIDE_WINDOWS_BUILD_DIR:-"$here/build-windows"}
native_build=${MAMISGUIDE_BUILD_DIR:-"$here/build"}
case "$cmd" in build | test) ;; *)
  echo "usage: scripts/windows.sh [build|test] [CMAKE_ARGS...]" >&2
  exit 2
  ;;
esac

started=$(date +%s)
packages=(g++-mingw-w64-x86-64 wine64 llvm-14 lld-14 clang libboost1.74-dev libexpected-dev
  libcli11-dev nlohmann-json3-dev libsimdjson-dev libcsv-dev dpkg-dev cmake ninja-build python3)
"$here/scripts/install-missing.sh" windows "${packages[@]}"
installed=$(date +%s)

mapfile -t sources < <("$here/scripts/debian-sources.sh" libsimdjson-dev libcsv-dev)
# The zip's time stamps: debian/changelog's date, as the Debian packages'.
SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l "$here/debian/changelog" -STimestamp)
export SOURCE_DATE_EPOCH
# shellcheck source=scripts/generator.sh
. "$here/scripts/generator.sh"
( # a subshell: the generator is this build's only
  mg_use_ninja "$windows_build"
  cmake -S "$here" -B "$windows_build" --toolchain "$here/cmake/mingw-w64-x86_64.cmake" \
    -DCMAKE_BUILD_TYPE=Release -DMAMISGUIDE_WERROR=ON \
    -DMAMISGUIDE_WINDOWS_SIMDJSON_SOURCE="${MAMISGUIDE_WINDOWS_SIMDJSON_SOURCE:-${sources[0]}}" \
    -DMAMISGUIDE_WINDOWS_LIBCSV_SOURCE="${MAMISGUIDE_WINDOWS_LIBCSV_SOURCE:-${sources[1]}}" \
    "$@" >/dev/null
)
cmake --build "$windows_build" -j"$(nproc)"
version=$(sed -n 's/^project(mamisguide VERSION \([0-9.]*\).*/\1/p' "$here/CMakeLists.txt")
zip=$windows_build/mamisguide-$version-win64.zip
echo "windows: $zip ($(stat -c %s "$zip") bytes), built in $(($(date +%s) - installed)) s" \
  "(installing took $((installed - started)) s)" >&2

if [ "$cmd" = test ]; then
  # The native side: the native build, configured when missing, and what the tests compare with.
  "$here/scripts/setup.sh" "$native_build" -DMAMISGUIDE_WERROR=ON \
    -DMAMISGUIDE_WINDOWS_DIR="$windows_build" "$@"
  cmake --build "$native_build" -j"$(nproc)" --target mamisguide_cli mamisguide_native_driver \
    mamisguide_workload
  # Here a missing toolchain or zip is a failure, not a skip.
  MAMISGUIDE_REQUIRE_WINDOWS=1 ctest --test-dir "$native_build" --output-on-failure \
    -j"$(nproc)" -L windows
  echo "windows: built and tested in $(($(date +%s) - started)) s" >&2
fi
