#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Sets up (installs missing Debian packages, configures), builds the command line and answers a
# real request with it. Any arguments replace the default request's arguments:
#   scripts/run.sh                        # plan: leave JMA, keep 郡市 and 都道府県 (13-chiyoda)
#   scripts/run.sh plan join --to 13-chiyoda --levels municipal --category municipal=A
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${MAMISGUIDE_BUILD_DIR:-"$here/build"}
"$here/scripts/setup.sh" "$build"
cmake --build "$build" -j"$(nproc)" --target mamisguide_cli >/dev/null
if [ $# -eq 0 ]; then
  set -- plan withdraw --held all --municipal 13-chiyoda --levels national
fi
exec "$build/src/mamisguide" "$@"
