#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# Builds the Debian packages (debian/) and leaves them in dist/ (or OUT_DIR):
#   libmamisguide1, libmamisguide-dev, mamisguide, python3-mamisguide (and their -dbgsym), and
#   the source package (a native one: the tree as it is)
# Installs the build dependencies (as root, or through sudo), builds in a scratch copy of the
# tree (dpkg-buildpackage writes next to the source), without the tests (DEB_BUILD_OPTIONS=
# nocheck: scripts/test.sh runs them), then runs lintian --pedantic over the source and the
# binaries: exit 1 on any error, warning or pedantic tag (info tags are printed, not fatal).
# SOURCE_DATE_EPOCH is debian/changelog's date (dpkg-buildpackage), so two builds of the same
# tree give the same bytes (scripts/ci-packages.sh checks it).
#
# The single-file web guide (mamisguide.html, which the mamisguide package installs in
# /usr/share/mamisguide/) is made first, by scripts/wasm.sh: it needs emscripten and Debian's
# simdjson and libcsv sources, which a Debian build cannot fetch. The scratch tree carries it as
# prebuilt/mamisguide.html (so the source package does too), and debian/rules installs it.
#
# Usage: scripts/package.sh [OUT_DIR]
#        scripts/package.sh --deps    only install what a build needs (the tools, debian/control's
#                                     build dependencies), so that builds can then run side by side
# Environment: MG_PACKAGE_JOBS (default: nproc); MAMISGUIDE_WASM_BUILD_DIR, where scripts/wasm.sh
# builds (default build-wasm/; scripts/reproducible.sh gives the second build a fresh one).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive

tools=(dpkg-dev debhelper devscripts lintian dh-python)
"$here/scripts/install-missing.sh" package "${tools[@]}"
build_deps() { # DIR holding debian/
  if ! (cd "$1" && dpkg-checkbuilddeps >/dev/null 2>&1); then
    echo "package: installing the build dependencies of debian/control" >&2
    "${sudo[@]}" apt-get update -qq
    (cd "$1" && "${sudo[@]}" apt-get build-dep -y -qq --no-install-recommends ./ >/dev/null)
  fi
}
if [ "${1:-}" = --deps ]; then
  build_deps "$here"
  exit 0
fi
dist=$(realpath -m "${1:-$here/dist}")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/mamisguide"
# The tree as it is (uncommitted changes included), without builds, packages or git.
if git -C "$here" rev-parse --git-dir >/dev/null 2>&1; then # what git tracks or would track
  git -C "$here" ls-files -z --cached --others --exclude-standard |
    (cd "$here" && xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
    tar -C "$here" --null -T - -cf - | tar -C "$work/mamisguide" -xf -
else
  tar -C "$here" --exclude=./.git --exclude='./build*' --exclude='./dist*' --exclude='./obj-*' \
    --exclude='__pycache__' -cf - . | tar -C "$work/mamisguide" -xf -
fi
cd "$work/mamisguide"

echo "package: the single-file web guide (scripts/wasm.sh)" >&2
wasm_build=$(realpath -m "${MAMISGUIDE_WASM_BUILD_DIR:-$here/build-wasm}")
MAMISGUIDE_WASM_BUILD_DIR=$wasm_build "$here/scripts/wasm.sh" build
install -D -m 0644 "$wasm_build/mamisguide.html" "$work/mamisguide/prebuilt/mamisguide.html"

build_deps .

echo "package: dpkg-buildpackage -us -uc (in $work)" >&2
DEB_BUILD_OPTIONS="nocheck parallel=${MG_PACKAGE_JOBS:-$(nproc)}" \
  dpkg-buildpackage -us -uc >"$work/build.log" 2>&1 || {
  tail -60 "$work/build.log" >&2
  echo "package: dpkg-buildpackage failed (the end of its log is above)" >&2
  exit 1
}

mkdir -p "$dist"
rm -f "$dist"/*.deb "$dist"/*.changes "$dist"/*.buildinfo "$dist"/*.dsc "$dist"/*.tar.*
mv "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$work"/*.dsc "$work"/*.tar.* "$dist"/
echo "package: lintian --pedantic" >&2
lintian --pedantic --display-info --fail-on error,warning,pedantic "$dist"/*.changes || {
  echo "package: lintian reports errors, warnings or pedantic tags" >&2
  exit 1
}
ls -1 "$dist"/*.deb
