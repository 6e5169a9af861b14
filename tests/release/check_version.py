# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""One version: CMake's project(VERSION) is the only place it is written; everything that
states it follows it. Fails naming each file that says another version.

Usage: check_version.py VERSION SOURCE_DIR [MAMISGUIDE_BINARY]
"""
import json
import re
import subprocess
import sys
from pathlib import Path

version, root = sys.argv[1], Path(sys.argv[2])
binary = sys.argv[3] if len(sys.argv) > 3 else None
failed = []


def found(what, got):
    if got != version:
        failed.append(f"{what} says {got!r}, CMake's project version is {version!r}")
    else:
        print(f"{what}: {got}")


def first(pattern, path, flags=re.M):
    m = re.search(pattern, (root / path).read_text(encoding="utf-8"), flags)
    return m.group(1) if m else None


h = root / "capi/mamisguide.h"
parts = [first(rf"^#define MG_VERSION_{k} (\d+)$", "capi/mamisguide.h") for k in ("MAJOR", "MINOR", "PATCH")]
found("capi/mamisguide.h MG_VERSION_MAJOR/MINOR/PATCH", ".".join(p or "?" for p in parts))
found("capi/mamisguide.h MG_VERSION_STRING", first(r'^#define MG_VERSION_STRING "([^"]*)"', "capi/mamisguide.h"))
# The newest release in CHANGELOG.md (the first "## [X.Y.Z]" heading; [Unreleased] is not one).
found("CHANGELOG.md (newest release)", first(r"^## \[(\d+\.\d+\.\d+)\]", "CHANGELOG.md"))
found("debian/changelog (newest entry)", first(r"^mamisguide \(([^)]*)\)", "debian/changelog"))
found("python/pyproject.toml", first(r'^version = "([^"]*)"', "python/pyproject.toml"))
found("python/mamisguide/__init__.py __version__", first(r'^__version__ = "([^"]*)"', "python/mamisguide/__init__.py"))
for pkg in sorted(root.glob("js/package.json")):
    found(str(pkg.relative_to(root)), json.loads(pkg.read_text(encoding="utf-8")).get("version"))
if binary:
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout
    m = re.search(r"\b(\d+\.\d+\.\d+)\b", out)
    found("mamisguide --version", m.group(1) if m else out.strip())

for f in failed:
    print("DIFFERENT:", f)
sys.exit(1 if failed else 0)
