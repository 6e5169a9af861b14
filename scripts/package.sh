#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Builds the Debian packages (debian/) and leaves them in dist/:
#   libmamisguide1, libmamisguide-dev, mamisguide, python3-mamisguide
# Installs the build dependencies (as root, or through sudo), builds in a scratch copy of the
# tree (dpkg-buildpackage writes next to the source), without the tests (DEB_BUILD_OPTIONS=
# nocheck: scripts/test.sh runs them), then runs lintian: exit 1 on any lintian error.
#
# Usage: scripts/package.sh            Environment: MG_PACKAGE_JOBS (default: nproc)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dist=$here/dist
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive

tools=(dpkg-dev debhelper devscripts lintian dh-python)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "package: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/mamisguide"
# The tree as it is (uncommitted changes included), without builds, packages or git.
tar -C "$here" --exclude=./.git --exclude='./build*' --exclude=./dist --exclude='./obj-*' \
  --exclude='__pycache__' -cf - . | tar -C "$work/mamisguide" -xf -
cd "$work/mamisguide"

if ! dpkg-checkbuilddeps >/dev/null 2>&1; then
  echo "package: installing the build dependencies of debian/control" >&2
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get build-dep -y -qq --no-install-recommends ./ >/dev/null
fi

echo "package: dpkg-buildpackage -b -us -uc (in $work)" >&2
DEB_BUILD_OPTIONS="nocheck parallel=${MG_PACKAGE_JOBS:-$(nproc)}" \
  dpkg-buildpackage -b -us -uc >"$work/build.log" 2>&1 || {
  tail -60 "$work/build.log" >&2
  echo "package: dpkg-buildpackage failed (the end of its log is above)" >&2
  exit 1
}

mkdir -p "$dist"
rm -f "$dist"/*.deb "$dist"/*.changes "$dist"/*.buildinfo
mv "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$dist"/
echo "package: lintian" >&2
lintian --fail-on error "$dist"/*.changes || {
  echo "package: lintian reports errors" >&2
  exit 1
}
ls -1 "$dist"/*.deb
