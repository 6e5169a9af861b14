# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Loading the library, the ctypes declarations against the header, loading failures, errors."""

from __future__ import annotations

import ctypes
import gc
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest
from ctypes import byref, c_size_t, c_void_p
from pathlib import Path
from typing import Dict, Optional

import mamisguide as mg
from mamisguide import _ffi
from mgtest import ALL, CATEGORIES, HEADER, MASTER, PACKAGE_DIR, SOURCE_DIR, engine, member


def run_python(code: str, env: Dict[str, str], cwd: Optional[str] = None) -> subprocess.CompletedProcess:
    """Runs a fresh interpreter (so the library is searched anew)."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


class LibraryTest(unittest.TestCase):
    def test_version(self) -> None:
        self.assertEqual(mg.version(), mg.__version__)
        major, minor, patch = (int(x) for x in mg.version().split("."))
        self.assertEqual(mg.version_number(), major * 1000000 + minor * 1000 + patch)
        pyproject = SOURCE_DIR / "python" / "pyproject.toml"
        if pyproject.exists():  # the package's version is the library's
            self.assertIn(f'\nversion = "{mg.version()}"\n', pyproject.read_text(encoding="utf-8"))
        self.assertEqual(mg.__version__, mg.version())
        self.assertTrue(os.path.exists(mg.library_path()) or "/" not in mg.library_path())

    def test_status_names(self) -> None:
        self.assertEqual(mg.status_name(0), "ok")
        self.assertEqual(mg.status_name(mg.Status.ERR_IO), "io_error")
        self.assertEqual(mg.status_name(mg.Status.ERR_LOAD), "load_error")
        self.assertEqual(mg.status_name(mg.Status.ERR_ARGUMENT), "argument_error")
        self.assertEqual(mg.status_name(999), "unknown_status")

    def test_table_declares_every_function_of_the_header(self) -> None:
        if not HEADER.exists():
            self.skipTest(f"{HEADER} not found")
        declared = set(re.findall(r"^MG_API[^;]*?\b(mg_\w+)\s*\(", HEADER.read_text(), re.M | re.S))
        self.assertEqual(declared, {name for name, *_ in _ffi.FUNCTIONS})
        lib = mg.load_library()
        for name, argtypes, restype, _ in _ffi.FUNCTIONS:
            fn = getattr(lib, name)
            self.assertEqual(fn.argtypes, argtypes, name)
            self.assertIs(fn.restype, restype, name)

    def test_struct_layout_matches_the_c_compiler(self) -> None:
        cc = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc") or shutil.which("clang")
        if not cc or not HEADER.exists():
            self.skipTest("no C compiler or no header")
        lines = ['#include <stdio.h>', '#include <stddef.h>', '#include "mamisguide.h"', "int main(void) {"]
        expected = []
        for cname, cls in _ffi.STRUCTS.items():
            lines.append(f'printf("{cname} sizeof %zu\\n", sizeof({cname}));')
            lines.append(f'printf("{cname} alignof %zu\\n", _Alignof({cname}));')
            expected.append(f"{cname} sizeof {ctypes.sizeof(cls)}")
            expected.append(f"{cname} alignof {ctypes.alignment(cls)}")
            for field, ftype in cls._fields_:
                lines.append(f'printf("{cname}.{field} %zu %zu\\n", offsetof({cname}, {field}), '
                             f"sizeof((({cname} *)0)->{field}));")
                expected.append(f"{cname}.{field} {getattr(cls, field).offset} {ctypes.sizeof(ftype)}")
        lines.append("return 0; }")
        with tempfile.TemporaryDirectory() as tmp:
            src, exe = Path(tmp, "layout.c"), Path(tmp, "layout")
            src.write_text("\n".join(lines))
            subprocess.run([cc, "-std=c11", "-I", str(HEADER.parent), str(src), "-o", str(exe)], check=True)
            got = subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout.split("\n")
        self.assertEqual([g for g in got if g], expected)

    def test_env_var_comes_first(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp, "libmamisguide-copy.so")
            shutil.copy(mg.library_path(), copy)
            env = dict(os.environ, MAMISGUIDE_LIBRARY=str(copy))
            r = run_python("import mamisguide as mg; print(mg.library_path()); print(mg.version())", env)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout.split(), [str(copy), mg.version()])

    def test_env_var_that_is_wrong_is_an_error_naming_it(self) -> None:
        for bad in ("/nonexistent/libmamisguide.so.1", str(MASTER)):
            env = dict(os.environ, MAMISGUIDE_LIBRARY=bad)
            r = run_python("""
                import mamisguide as mg
                try:
                    mg.Engine()
                except mg.LibraryNotFoundError as e:
                    assert isinstance(e, OSError)
                    print(e)
                else:
                    raise SystemExit("loaded")
            """, env)
            self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
            self.assertIn(bad, r.stdout)
            self.assertIn("$MAMISGUIDE_LIBRARY", r.stdout)

    def test_not_found_lists_every_place_tried(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(PACKAGE_DIR, Path(tmp, "mamisguide"))
            env = {k: v for k, v in os.environ.items() if k not in ("MAMISGUIDE_LIBRARY", "LD_LIBRARY_PATH")}
            env["PYTHONPATH"] = tmp
            r = run_python("""
                import mamisguide as mg
                try:
                    mg.version()
                except mg.LibraryNotFoundError as e:
                    print(e)
                    print("TRIED", len(e.tried))
                else:
                    print("LOADED", mg.library_path())
            """, env, cwd=tmp)
        self.assertEqual(r.returncode, 0, r.stderr)
        if r.stdout.startswith("LOADED"):
            self.skipTest("a libmamisguide is installed system-wide: " + r.stdout)
        out = r.stdout
        for place in (
            "$MAMISGUIDE_LIBRARY: not set",
            f"{tmp}/mamisguide/libmamisguide.so.1: no such file",
            f"{tmp}/build/capi/libmamisguide.so.1",
            "/usr/local/lib/libmamisguide.so.1",
            "/usr/lib/libmamisguide.so.1",
            "ctypes.util.find_library('mamisguide')",
            "libmamisguide.so.1 (the dynamic loader's search path)",
            "MAMISGUIDE_LIBRARY",
        ):
            self.assertIn(place, out)

    def test_candidates_include_the_build_tree(self) -> None:
        places = [p for _, p in _ffi.candidates()]
        if PACKAGE_DIR.parent.parent.resolve() == SOURCE_DIR.resolve():
            self.assertIn(str(SOURCE_DIR / "build" / "capi" / "libmamisguide.so.1"), places)
        # (An interpreter installed in /usr looks in its own sys.prefix/lib, /usr/lib, first.)
        if Path(sys.prefix).resolve() != Path("/usr"):
            self.assertLess(places.index("/usr/local/lib/libmamisguide.so.1"),
                            places.index("/usr/lib/libmamisguide.so.1"))
        # the SONAME through the dynamic loader first, the unversioned name never from the system
        self.assertEqual(places[0], "libmamisguide.so.1")
        self.assertNotIn("/usr/lib/libmamisguide.so", places)

    def test_versioned_structs_are_passed_with_their_version(self) -> None:
        # Arrays are never __init__-ed: the argtype sets the first element's version.
        for cls in _ffi.VERSIONED.values():
            self.assertEqual(cls().version, 1)
        out = (_ffi.MgHolidayInfo * 24)()
        self.assertEqual(out[0].version, 0)
        self.assertEqual(len(mg.holidays(2026)), 18)
        n = ctypes.c_size_t()
        mg.load_library().mg_holidays(2026, 0, out, 24, ctypes.byref(n))
        self.assertEqual((out[0].version, n.value, out[0].month), (1, 18, 1))


class InstallTest(unittest.TestCase):
    def test_pip_installs_the_package_offline(self) -> None:
        project = SOURCE_DIR / "python"
        if not (project / "pyproject.toml").exists():
            self.skipTest("not a checkout")
        if subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode:
            self.skipTest("no pip")
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp, "site")
            r = subprocess.run(
                [sys.executable, "-m", "pip", "install", "--no-index", "--no-deps", "--quiet",
                 "--disable-pip-version-check", "--target", str(target), str(project)],
                capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue((target / "mamisguide" / "py.typed").exists())
            self.assertTrue(list(target.glob("mamisguide-*.dist-info/RECORD")))
            env = dict(os.environ, PYTHONPATH=str(target), MAMISGUIDE_LIBRARY=mg.library_path())
            r = run_python(f"""
                import mamisguide as mg
                print(mg.__file__)
                e = mg.Engine({str(MASTER)!r})
                print(e.withdraw({{"municipal": "13-chiyoda", "levels": ["municipal"]}}, "municipal")["ok"])
            """, env, cwd=tmp)
            self.assertEqual(r.returncode, 0, r.stderr)
            file, ok = r.stdout.split()
            self.assertTrue(file.startswith(str(target)))
            self.assertEqual(ok, "True")


class LoadingTest(unittest.TestCase):
    def test_missing_file_is_io_error(self) -> None:
        with mg.Engine() as e:
            for load in (e.load_directory, e.load_categories):
                with self.assertRaises(mg.MamisguideError) as cm:
                    load("/nonexistent/master.csv")
                err = cm.exception
                self.assertNotIsInstance(err, mg.RefusalError)
                self.assertEqual((err.code, err.status), ("io_error", -2))
                self.assertIn("/nonexistent/master.csv", err.message)
                self.assertIn("io_error", str(err))

    def test_bad_csv_is_load_error_with_file_and_line(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            bad = Path(tmp, "bad.csv")
            bad.write_text("code,name,prefecture\n13-a,A区医師会,13\n13-b,B区医師会,99\n",
                           encoding="utf-8")
            with mg.Engine() as e:
                before = len(e)
                with self.assertRaises(mg.MamisguideError) as cm:
                    e.load_directory(bad)
                self.assertEqual((cm.exception.code, cm.exception.status), ("load_error", -3))
                self.assertIn(f"{bad}:3:", cm.exception.message)
                self.assertEqual(len(e), before)  # all or nothing
                self.assertNotIn("13-a", e)

    def test_bad_buffers(self) -> None:
        with mg.Engine(MASTER) as e:
            cases = {
                b"": "load_error",
                "name,code\n": "load_error",
                "code,name,prefecture\n13-chiyoda,dup,13\n": "load_error",  # loaded before
                "code,name,prefecture\n13-x,X,\n": "load_error",
            }
            for data, code in cases.items():
                with self.subTest(data=data):
                    with self.assertRaises(mg.MamisguideError) as cm:
                        e.load_directory_bytes(data)
                    self.assertEqual(cm.exception.code, code)
                    self.assertIn("<buffer>", cm.exception.message)
            with self.assertRaises(mg.MamisguideError) as cm:
                e.load_categories_bytes("association,code,label\n99-none,A,A\n")
            self.assertEqual(cm.exception.code, "load_error")
            self.assertIn("<buffer>:2", cm.exception.message)

    def test_json_master(self) -> None:
        # rules.md §1: a JSON master, told from CSV by its first character.
        rows = [{"code": "47-naha", "name": "那覇市医師会", "prefecture": "47", "name_en": "Naha"}]
        with mg.Engine() as e:
            e.load_directory_bytes(json.dumps(rows, ensure_ascii=False))
            self.assertEqual(e.find_association("47-naha", "en"),
                             mg.Association("municipal", "47-naha", "Naha", "47"))
            with self.assertRaises(mg.MamisguideError) as cm:
                e.load_directory_bytes('[{"code": "47-x", "name": "X", "prefecture": 47}]')
            self.assertEqual(cm.exception.code, "load_error")
            self.assertIn("<buffer>:1", cm.exception.message)
            self.assertNotIn("47-x", e)

    def test_buffers_load(self) -> None:
        with mg.Engine() as e:
            e.load_directory_bytes(MASTER.read_bytes())
            e.load_categories_bytes(CATEGORIES.read_text(encoding="utf-8"))
            self.assertEqual(e.find_association("14-yokohama", "en"),
                             mg.Association("municipal", "14-yokohama", "Yokohama Medical Association", "14"))
            with self.assertRaises(mg.RefusalError) as cm:
                e.join("13-chiyoda", ["municipal"], {"municipal": "Z"})
            self.assertEqual(cm.exception.code, "unknown_category")

    def test_null_ish_inputs(self) -> None:
        with mg.Engine() as e:
            for load in (e.load_directory, e.load_categories):
                with self.assertRaises(mg.MamisguideError) as cm:
                    load(None)
                self.assertEqual((cm.exception.code, cm.exception.status), ("argument_error", -1))
                self.assertIn("NULL", cm.exception.message)
            self.assertEqual(e.respond("")["error"]["code"], "invalid_request")
            self.assertEqual(e.respond(b"\0")["error"]["code"], "invalid_request")
            self.assertEqual(e.respond({})["error"]["code"], "invalid_request")
            self.assertIsNone(e.find_association(""))
            with self.assertRaises(mg.MamisguideError) as cm:
                e.set_year_end((2, 30), (1, 3))
            self.assertEqual(cm.exception.code, "argument_error")

    def test_null_pointers_at_the_c_boundary(self) -> None:
        lib = mg.load_library()
        out = c_void_p()
        status = lib.mg_plan_json(None, b"{}", 2, byref(out))
        self.assertEqual(status, mg.Status.ERR_ARGUMENT)
        self.assertIn('"invalid_request"', _ffi.take_string(out))
        self.assertEqual(lib.mg_plan_json(None, b"{}", 2, None), mg.Status.ERR_ARGUMENT)
        self.assertIn("NULL", lib.mg_last_error().decode())
        for call in (
            lambda: lib.mg_engine_new(None),
            lambda: lib.mg_engine_load_directory(None, b"x.csv"),
            lambda: lib.mg_association_count(None, byref(c_size_t())),
            lambda: lib.mg_withdraw(None, None, 4, 0, 0, 0, None),
            lambda: lib.mg_guide_json(0, None),
            lambda: lib.mg_holidays(2026, 0, None, 0, None),
        ):
            with self.assertRaises(mg.MamisguideError) as cm:
                call()
            self.assertEqual(cm.exception.code, "argument_error")
        lib.mg_engine_free(None)
        lib.mg_free(None)

    def test_closed_engine(self) -> None:
        e = engine()
        with e:
            self.assertFalse(e.closed)
            self.assertTrue(e.withdraw(member(), "national")["ok"])
        self.assertTrue(e.closed)
        e.close()  # idempotent
        for call in (lambda: e.plan({}), lambda: e.withdraw(member(), "national"), lambda: len(e),
                     lambda: e.load_directory(MASTER)):
            with self.assertRaises(mg.MamisguideError) as cm:
                call()
            self.assertEqual(cm.exception.code, "argument_error")

    def test_garbage_collection_frees(self) -> None:
        for _ in range(200):
            e = engine()
            self.assertTrue(e.withdraw(member(), ALL)["ok"])
            del e
        gc.collect()

    def test_failed_constructor_frees(self) -> None:
        with self.assertRaises(mg.MamisguideError):
            mg.Engine("/nonexistent.csv")


if __name__ == "__main__":
    unittest.main()
