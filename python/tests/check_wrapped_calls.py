# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Every C function the package wraps is called by a Python test that checks answers (issue 31).

Run by ctest as ``python_wrapped_calls`` (label python); not a unittest module (unittest's
discovery looks for ``test*.py``).

1. *Wrapped* is found in the package's source: every ``<something>.mg_*`` that the modules of
   ``python/mamisguide/`` other than ``_ffi.py``'s declaration table name (an AST walk, so a call
   passed on as a value, ``json_call(lib.mg_guide_json, ...)``, counts too). Each must be declared
   in ``_ffi.FUNCTIONS``.
2. *Called by a test* is measured, not guessed: every ``_Library`` (the package's loaded library,
   however many times a test loads it) is built with each declared function behind a recorder that
   notes which test method of ``python/tests/test_*.py`` is on the call stack. Then the whole
   unittest suite runs in this process.
3. *Answers checked*: at least one of the test methods that reached a function makes an assertion
   (``self.assert*``/``self.fail``, or an ``assert`` statement) in its own body.

Fails (exit 1) when the suite fails or when a wrapped function is never reached by an asserting
test, naming the function and the public Python code that wraps it. ``--list`` prints, for each
wrapped function, the tests that reach it; ``--pattern P`` runs only the test files matching P.
"""

from __future__ import annotations

import ast
import collections
import sys
import unittest
from pathlib import Path
from typing import Dict, Set

TESTS_DIR = Path(__file__).resolve().parent
PACKAGE_DIR = TESTS_DIR.parent / "mamisguide"


def wrapped_functions(package_dir: Path = PACKAGE_DIR) -> Dict[str, Set[str]]:
    """mg_* name -> the "module:function" places of the package that name it (not _ffi's table)."""
    out: Dict[str, Set[str]] = collections.defaultdict(set)
    for path in sorted(package_dir.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        # Who names it: the innermost def around the attribute.
        def visit(node: ast.AST, where: str) -> None:
            for child in ast.iter_child_nodes(node):
                here = where
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    here = f"{where}.{child.name}" if where else child.name
                if isinstance(child, ast.Attribute) and child.attr.startswith("mg_"):
                    out[child.attr].add(f"{path.stem}:{where or '<module>'}")
                visit(child, here)

        visit(tree, "")
    return dict(out)


def asserting_tests(tests_dir: Path = TESTS_DIR) -> Set[str]:
    """The "file:Class.method" test methods whose own body makes an assertion."""
    out: Set[str] = set()
    for path in sorted(tests_dir.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            for fn in (n for n in cls.body if isinstance(n, ast.FunctionDef)):
                if not fn.name.startswith("test"):
                    continue
                for n in ast.walk(fn):
                    asserts = isinstance(n, ast.Assert) or (
                        isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                        and isinstance(n.func.value, ast.Name) and n.func.value.id == "self"
                        and (n.func.attr.startswith("assert") or n.func.attr == "fail"))
                    if asserts:
                        out.add(f"{path.name}:{cls.name}.{fn.name}")
                        break
    return out


def install_recorder(reached: Dict[str, Set[str]]) -> None:
    """Every _Library built from now on records, per mg_* call, the test method on the stack."""
    from mamisguide import _ffi

    test_files = {str(p) for p in TESTS_DIR.glob("test_*.py")}
    original_init = _ffi._Library.__init__

    def test_on_stack() -> str:
        f = sys._getframe(2)  # the caller of Recorded.__call__
        while f is not None:
            code = f.f_code
            if code.co_filename in test_files and code.co_name.startswith("test"):
                owner = f.f_locals.get("self")
                cls = type(owner).__name__ if owner is not None else "?"
                return f"{Path(code.co_filename).name}:{cls}.{code.co_name}"
            f = f.f_back
        return ""

    class Recorded:
        """The ctypes function, called through; its argtypes, restype, ... read through."""

        def __init__(self, name: str, fn) -> None:  # type: ignore[no-untyped-def]
            self._name, self._fn = name, fn

        def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            reached[self._name].add(test_on_stack())
            return self._fn(*args, **kwargs)

        def __getattr__(self, attr: str):  # type: ignore[no-untyped-def]
            return getattr(self._fn, attr)

    def init(self, path: str) -> None:  # type: ignore[no-untyped-def]
        original_init(self, path)
        for name, *_ in _ffi.FUNCTIONS:
            setattr(self, name, Recorded(name, getattr(self, name)))

    _ffi._Library.__init__ = init  # type: ignore[method-assign]
    if _ffi._lib is not None:  # loaded at import: rebuilt with the recorders
        _ffi._lib = _ffi._Library(_ffi._lib.path)


def main() -> int:
    from mamisguide import _ffi

    declared = {name for name, *_ in _ffi.FUNCTIONS}
    wrapped = wrapped_functions()
    problems = [f"{name} (named by {', '.join(sorted(where))}) is not declared in _ffi.FUNCTIONS"
                for name, where in sorted(wrapped.items()) if name not in declared]

    reached: Dict[str, Set[str]] = collections.defaultdict(set)
    install_recorder(reached)
    sys.path.insert(0, str(TESTS_DIR))
    # --pattern P: only the test files matching P (ctest's python_wrapped_calls_catches runs one
    # file, to show that the check fails when tests leave a wrapped function out).
    pattern = sys.argv[sys.argv.index("--pattern") + 1] if "--pattern" in sys.argv else "test*.py"
    suite = unittest.defaultTestLoader.discover(str(TESTS_DIR), pattern=pattern)
    result = unittest.TextTestRunner(stream=sys.stderr, verbosity=1).run(suite)
    if not result.wasSuccessful():
        problems.append("the Python tests failed")

    checking = asserting_tests()
    for name in sorted(wrapped):
        tests = reached.get(name, set()) - {""}
        if not tests:
            problems.append(f"{name} (wrapped by {', '.join(sorted(wrapped[name]))}) is called by "
                            "no Python test")
        elif not tests & checking:
            problems.append(f"{name} is called only by tests that assert nothing: "
                            f"{', '.join(sorted(tests))}")
    if "--list" in sys.argv:
        for name in sorted(wrapped):
            tests = sorted(reached.get(name, set()) - {""})
            print(f"{name}: {len(tests)} tests, e.g. {', '.join(tests[:3])}")
    print(f"python_wrapped_calls: {len(wrapped)} functions wrapped by the package "
          f"({len(declared)} declared), {sum(1 for n in wrapped if reached.get(n, set()) - {''})} "
          "reached by a Python test")
    for p in problems:
        print("python_wrapped_calls: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
