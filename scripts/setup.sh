#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian packages mamisguide needs (only those missing) and configures a build.
# Works as root, or through sudo when not root.  Usage: scripts/setup.sh [BUILD_DIR] [cmake args...]
# MAMISGUIDE_PICTURES=1 also installs graphviz and fonts-noto-cjk (SVG/PNG pictures).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-"$here/build"}
shift || true

packages=(
  build-essential cmake ninja-build pkg-config python3
  libboost-graph-dev libboost-test-dev libexpected-dev libcsv-dev
  libsimdjson-dev nlohmann-json3-dev libcli11-dev libbenchmark-dev
  clang libclang-rt-14-dev time abigail-tools
  libboost1.74-dev python3-jsonschema
  chromium chromium-driver python3-selenium fonts-noto-cjk graphviz
  systemd
  default-jdk-headless libjna-java php8.2-cli mono-mcs
)

# The web tests' accessibility checker, axe-core, is installed by `npm ci` (tests/web/axe/,
# pinned): npm from Debian when no npm is on PATH (a Node.js that brings its own npm keeps it).
command -v npm >/dev/null || packages+=(npm)

# Pictures (`mamisguide graph --format svg|png` and the test that renders them): Graphviz and a
# Japanese font, so that Japanese does not render as boxes. Installed when asked for with
# MAMISGUIDE_PICTURES=1 (CI sets it); `graph --format dot` needs neither.
if [ "${MAMISGUIDE_PICTURES:-0}" = 1 ]; then
  packages+=(graphviz fonts-noto-cjk)
fi

"$here/scripts/install-missing.sh" setup "${packages[@]}"

# shellcheck source=scripts/generator.sh
. "$here/scripts/generator.sh"
mg_use_ninja "$build"

cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
