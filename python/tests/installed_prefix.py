# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""`cmake --install` then `pip install ./python`: the package finds libmamisguide.so.1 by itself.

Run by ctest (python_installed_prefix) as: installed_prefix.py BUILD_DIR SOURCE_DIR. In a scratch
directory it makes a venv, installs the build's libraries into the venv's prefix with
`cmake --install`, pip-installs ./python into the venv (offline), and imports the package from
another directory with no MAMISGUIDE_LIBRARY, LD_LIBRARY_PATH or PYTHONPATH: the library must be
the one in <prefix>/lib (the standard places of the prefix). Then the same with the library
elsewhere and found by the dynamic loader (LD_LIBRARY_PATH stands in for ldconfig, which would
change the machine).
"""

import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

build, source = Path(sys.argv[1]), Path(sys.argv[2])
clean_env = {k: v for k, v in os.environ.items()
             if k not in ("MAMISGUIDE_LIBRARY", "LD_LIBRARY_PATH", "PYTHONPATH", "LD_PRELOAD")}
probe = "import mamisguide as mg; print(mg.library_path()); print(mg.version()); " \
        "print(mg.Engine().respond({'request': {'operation': 'withdraw', 'levels': ['national']}})" \
        "['error']['code'] == 'not_a_member')"


def run(cmd, **kw):
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=300, **kw)
    if r.returncode != 0:
        sys.exit(f"FAILED: {' '.join(map(str, cmd))}\n{r.stdout}\n{r.stderr}")
    return r.stdout


if ctypes.util.find_library("mamisguide"):
    print(f"SKIP: a libmamisguide is installed system-wide ({ctypes.util.find_library('mamisguide')}); "
          "the loader would find it first")
    sys.exit(0)

with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    run(["cmake", "--install", build, "--prefix", venv])
    lib = venv / "lib" / "libmamisguide.so.1"
    assert lib.exists(), sorted(p.name for p in (venv / "lib").iterdir())
    run([sys.executable, "-m", "pip", "install", "--no-index", "--no-deps", "--quiet",
         "--disable-pip-version-check", "--prefix", venv, source / "python"], env=clean_env)
    out = run([venv / "bin" / "python", "-c", probe], env=clean_env, cwd=tmp).split()
    assert out[0] == str(lib), f"loaded {out[0]}, expected {lib}"
    assert out[2] == "True", out
    print(f"venv prefix: mamisguide {out[1]} loaded {out[0]} by itself")

    # The library somewhere the dynamic loader searches, the package in a plain directory.
    libdir, site = tmp / "libdir", tmp / "site"
    libdir.mkdir()
    shutil.copy(lib, libdir / lib.name)
    run([sys.executable, "-m", "pip", "install", "--no-index", "--no-deps", "--quiet",
         "--disable-pip-version-check", "--target", site, source / "python"], env=clean_env)
    env = dict(clean_env, PYTHONPATH=str(site), LD_LIBRARY_PATH=str(libdir))
    out = run([sys.executable, "-c", probe], env=env, cwd=tmp).split()
    assert out[0] == "libmamisguide.so.1", f"loaded {out[0]}, expected the SONAME through the loader"
    assert out[2] == "True", out
    print(f"loader: mamisguide {out[1]} loaded by its SONAME {out[0]}")
