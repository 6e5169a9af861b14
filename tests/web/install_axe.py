#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Installs axe-core, the web tests' accessibility checker, into the build directory: the only
npm package the tests use, pinned to an exact version with its integrity hash
(tests/web/axe/package-lock.json), installed by `npm ci` (which checks that hash) with a cache
in the build directory, so that a second run needs no network.

    /usr/bin/python3 install_axe.py SOURCE_DIR/tests/web/axe BUILD_DIR/web/axe   (ctest: web_axe)

Exit 0 when installed; 77 (ctest: skipped) when npm is missing or the registry cannot be
reached, saying so; 1 instead when MAMISGUIDE_REQUIRE_AXE=1 (CI).
"""
import os
import shutil
import subprocess
import sys

src, dst = sys.argv[1], sys.argv[2]
required = os.environ.get('MAMISGUIDE_REQUIRE_AXE') == '1'


def give_up(why):
    print('%s: %s' % ('FAIL (MAMISGUIDE_REQUIRE_AXE=1)' if required else 'skipped', why))
    sys.exit(1 if required else 77)


npm = shutil.which('npm')
if not npm:
    give_up('npm is not installed (Debian: apt-get install npm); the accessibility checks need axe-core')
os.makedirs(dst, exist_ok=True)
for name in ('package.json', 'package-lock.json'):
    shutil.copyfile(os.path.join(src, name), os.path.join(dst, name))
env = dict(os.environ, npm_config_cache=os.path.join(dst, '.npm-cache'),
           npm_config_update_notifier='false', npm_config_fund='false', npm_config_audit='false')
r = subprocess.run([npm, 'ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'],
                   cwd=dst, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
axe = os.path.join(dst, 'node_modules', 'axe-core', 'axe.min.js')
if r.returncode != 0 or not os.path.exists(axe):
    give_up('npm ci of axe-core failed (is the npm registry reachable?):\n' + r.stdout.decode(errors='replace')[-2000:])
print('axe-core installed: ' + axe)
