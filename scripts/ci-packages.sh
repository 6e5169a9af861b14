#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
# CI: the Debian packages as a user gets them. Builds them (scripts/package.sh: no tests, lintian
# --pedantic clean) and, side by side, builds them again in another directory, at another time
# (faketime, 400 days on), in another time zone, locale and umask (scripts/reproducible.sh), and
# checks that every .deb is the same bytes (diffoscope prints nothing). Installs the first build,
# then, with no environment variable pointing anywhere:
#   - the C consumer with pkg-config, shared (libmamisguide.so.1 found by the loader) and
#     static (libmamisguide.a and its private libraries from `pkg-config --static`);
#   - the C++ consumer with find_package(mamisguide) (tests/capi/consumer);
#   - the Python package with Debian's /usr/bin/python3;
#   - the command line, /etc/mamisguide/ and the systemd unit (installed, not enabled);
#   - the single-file web guide in /usr/share/mamisguide/, served by `mamisguide serve`;
# and purges the packages again. Needs root (or sudo) for apt. MG_PACKAGES_PREBUILT=1 skips the
# builds and uses the .debs already in dist/; MG_PACKAGES_REPRODUCIBLE=0 skips the second build.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
say() { printf '\n== ci-packages [%4ds] %s\n' "$(($(date +%s) - started))" "$*"; }
packages=(libmamisguide1 libmamisguide-dev mamisguide python3-mamisguide)

if [ "${MG_PACKAGES_PREBUILT:-0}" = 1 ]; then
  say "the packages already in dist/ (MG_PACKAGES_PREBUILT=1)"
else
  # The two builds run side by side: each has long stretches on one core (configuring, dwz,
  # xz, lintian, the second build's emscripten link), which the other's compiling fills.
  "$here/scripts/package.sh" --deps
  [ "${MG_PACKAGES_REPRODUCIBLE:-1}" != 1 ] || "$here/scripts/reproducible.sh" --deps
  builds=$(mktemp -d)
  say "build the packages$([ "${MG_PACKAGES_REPRODUCIBLE:-1}" != 1 ] || echo ", and beside them the second build (scripts/reproducible.sh)")"
  "$here/scripts/package.sh" "$here/dist" >"$builds/first.log" 2>&1 &
  first=$!
  if [ "${MG_PACKAGES_REPRODUCIBLE:-1}" = 1 ]; then
    "$here/scripts/reproducible.sh" --second "$here/dist-again" >"$builds/second.log" 2>&1 &
    second=$!
  fi
  status=0
  wait "$first" || status=1
  say "the first build's output:"
  cat "$builds/first.log"
  if [ "${MG_PACKAGES_REPRODUCIBLE:-1}" = 1 ]; then
    wait "$second" || status=1
    say "the second build's output:"
    cat "$builds/second.log"
  fi
  rm -rf "$builds"
  [ "$status" = 0 ] || { echo "ci-packages: a package build failed (its output is above)" >&2; exit 1; }
  if [ "${MG_PACKAGES_REPRODUCIBLE:-1}" = 1 ]; then
    "$here/scripts/reproducible.sh" --compare "$here/dist" "$here/dist-again"
  fi
fi

say "install ${packages[*]}"
debs=()
for p in "${packages[@]}"; do debs+=("$(ls "$here"/dist/"${p}"_*.deb)"); done
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${debs[@]}" >/dev/null
purge() { "${sudo[@]}" apt-get purge -y -qq "${packages[@]}" >/dev/null || true; }
trap purge EXIT

work=$(mktemp -d)
trap 'purge; rm -rf "$work"' EXIT
consumer=$here/tests/capi/consumer
# Nothing from the build tree or the environment may help.
unset MAMISGUIDE_LIBRARY LD_LIBRARY_PATH PKG_CONFIG_PATH CMAKE_PREFIX_PATH PYTHONPATH || true

say "C, pkg-config, shared"
cc -std=c11 -Wall -Wextra -pedantic -Werror $(pkg-config --cflags mamisguide) "$consumer/consumer.c" \
  -o "$work/consumer_shared" $(pkg-config --libs mamisguide)
readelf -d "$work/consumer_shared" | grep -q 'NEEDED.*libmamisguide.so.1'
"$work/consumer_shared"

say "C, pkg-config --static (libmamisguide.a)"
libdir=$(pkg-config --variable=libdir mamisguide)
private=$(pkg-config --static --libs-only-l mamisguide | sed 's/-lmamisguide\b//')
cc -std=c11 -Wall -Wextra -pedantic -Werror $(pkg-config --cflags mamisguide) "$consumer/consumer.c" \
  -o "$work/consumer_static" "$libdir/libmamisguide.a" $private
if readelf -d "$work/consumer_static" | grep -q 'NEEDED.*libmamisguide'; then
  echo "ci-packages: the static consumer needs libmamisguide.so" >&2
  exit 1
fi
"$work/consumer_static"

say "C++ and C, find_package(mamisguide)"
cmake -S "$consumer" -B "$work/cmake" >/dev/null
cmake --build "$work/cmake" -j"$(nproc)" >/dev/null
"$work/cmake/consumer_cpp" /usr/share/mamisguide/sample-municipal.csv
"$work/cmake/consumer_c"
"$work/cmake/consumer_c_static"

say "Python: /usr/bin/python3, no environment variable"
(cd / && /usr/bin/python3 - <<'PY'
import mamisguide as mg
path = mg.library_path()
assert "libmamisguide.so.1" in path, path
e = mg.Engine("/usr/share/mamisguide/sample-municipal.csv")
plan = e.withdraw({"municipal": "13-chiyoda", "levels": ["municipal", "prefectural", "national"]}, ["national"])
assert plan["ok"], plan
print("python3-mamisguide", mg.version(), "loaded", path, "->", plan["form_label"])
PY
)

say "the command line"
mamisguide holidays 2026 | head -3
echo '{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},"request":{"operation":"withdraw","levels":["national"]}}' |
  mamisguide plan --json | grep -q '"ok":true'

say "the single-file web guide: /usr/share/mamisguide/mamisguide.html, served at /mamisguide.html"
/usr/bin/python3 - <<'PY'
import subprocess, urllib.request
with open("/usr/share/mamisguide/mamisguide.html", "rb") as f:
    installed = f.read()
assert installed.startswith(b"<!doctype html>") and len(installed) <= 2 * 1024 * 1024, len(installed)
p = subprocess.Popen(["mamisguide", "serve", "--listen", "127.0.0.1:0", "--quiet"],
                     stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
try:
    line = ""
    while "http://" not in line:  # the sample's warning may come first
        line = p.stderr.readline().decode()
        assert line, "the server did not start"
    url = line.split()[-1].rstrip("/")
    with urllib.request.urlopen(url + "/mamisguide.html", timeout=10) as r:
        body, csp = r.read(), r.headers["Content-Security-Policy"]
    assert body == installed, "served bytes differ"
    assert csp.startswith("default-src 'none'") and "connect-src 'none'" in csp, csp
    with urllib.request.urlopen(url + "/", timeout=10) as r:
        assert b'data-download="mamisguide.html"' in r.read()
    print("mamisguide.html:", len(installed), "bytes, served at", url + "/mamisguide.html")
finally:
    p.terminate()
    p.wait(10)
PY

say "/etc/mamisguide/ and the service: installed, conffiles, neither enabled nor started"
test -f /etc/mamisguide/README && test -f /etc/mamisguide/sample-municipal.csv
dpkg-query --showformat='${Conffiles}\n' --show mamisguide | grep -q /etc/mamisguide/README
dpkg-query --showformat='${Conffiles}\n' --show mamisguide | grep -q /etc/mamisguide/sample-municipal.csv
unit=$(dpkg -L mamisguide | grep '/mamisguide\.service$')
systemd-analyze verify --man=no "$unit"
if [ -e /etc/systemd/system/multi-user.target.wants/mamisguide.service ]; then
  echo "ci-packages: the service was enabled on install" >&2
  exit 1
fi
mamisguide directory --directory /etc/mamisguide/sample-municipal.csv --code 13-chiyoda | grep -q 13-chiyoda

say "purge"
purge
trap 'rm -rf "$work"' EXIT
if dpkg-query -W -f='${Status}\n' "${packages[@]}" 2>/dev/null | grep -q "install ok installed"; then
  echo "ci-packages: a package is still installed after the purge" >&2
  exit 1
fi
say "done: the packages build, install, work and purge"
