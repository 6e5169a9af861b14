#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian packages named that are not installed yet, with apt-get (as root, or
# through sudo), saying which; does nothing when all are. The one place the scripts install
# packages (setup.sh, wasm.sh, windows.sh, package.sh, reproducible.sh, .ci/run).
#   scripts/install-missing.sh WHO PACKAGE...     WHO prefixes the message ("setup", "wasm", …)
set -euo pipefail
who=$1
shift
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -gt 0 ] || exit 0
echo "$who: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
