# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The package's paths no other test ran (issue 31: python3-coverage at least 95%): the
exceptions' texts, the conversions of levels and enums, the engine's small methods, and the
library search without $MAMISGUIDE_LIBRARY. Answers are checked against the library's own."""

from __future__ import annotations

import ctypes
import enum
import json
import os
import unittest
from unittest import mock

import mamisguide as mg
from mamisguide import _convert, _ffi
from mgtest import MASTER, engine, member


class ErrorsTest(unittest.TestCase):
    def test_texts(self) -> None:
        e = mg.MamisguideError("", code="io_error", status=mg.Status.ERR_IO)
        self.assertEqual(str(e), "io_error")
        self.assertEqual(repr(e), f"MamisguideError(code='io_error', status={mg.Status.ERR_IO!s}, message='')")
        e = mg.MamisguideError("gone", code="io_error", status=mg.Status.ERR_IO)
        self.assertEqual(str(e), "io_error: gone")
        self.assertIn("message='gone'", repr(e))

    def test_refusal_without_a_response_builds_the_contract_s(self) -> None:
        r = mg.RefusalError("no", code="level_not_held", status=mg.Status.LEVEL_NOT_HELD,
                            field="request.levels", suggestion={"operation": "join"},
                            details={"levels": ["national"], "other": 1})
        self.assertEqual(r.response, {"ok": False, "error": {
            "code": "level_not_held", "message": "no", "field": "request.levels",
            "levels": ["national"], "other": 1, "suggestion": {"operation": "join"}}})
        self.assertEqual(r.details, {"levels": ["national"]})
        # The same from a real refusal: the library's response, its details.
        with engine() as eng:
            with self.assertRaises(mg.RefusalError) as c:
                eng.plan({"member": member(["municipal"]),
                          "request": {"operation": "withdraw", "levels": ["national"]}})
        self.assertEqual(c.exception.code, "level_not_held")
        self.assertEqual(c.exception.response["error"]["code"], "level_not_held")
        self.assertEqual(c.exception.details.get("levels"), ["national"])

    def test_library_not_found_lists_what_was_tried(self) -> None:
        e = mg.LibraryNotFoundError([("here", "no such file")], "set it")
        self.assertEqual(str(e).splitlines()[1:], ["  - here: no such file", "set it"])
        self.assertIsInstance(e, OSError)
        with self.assertRaises(mg.LibraryNotFoundError) as c:
            _ffi.load_library("/nonexistent/libmamisguide.so.1")
        self.assertIn("/nonexistent/libmamisguide.so.1 (argument)", str(c.exception))
        self.assertIsNotNone(_ffi._lib)  # the loaded library stays

    def test_error_for_each_kind_of_status(self) -> None:
        self.assertIsInstance(_ffi.error_for(mg.Status.ERR_NOMEM), mg.OutOfMemoryError)
        self.assertIsInstance(_ffi.error_for(mg.Status.ERR_NOMEM), MemoryError)
        r = _ffi.error_for(mg.Status.ALREADY_MEMBER, "already_member: the member is one")
        self.assertIsInstance(r, mg.RefusalError)
        self.assertEqual(r.message, "the member is one")
        self.assertEqual(r.code, mg.status_name(mg.Status.ALREADY_MEMBER))
        e = _ffi.error_for(mg.Status.ERR_RANGE, "out")
        self.assertEqual((type(e), e.code), (mg.MamisguideError, mg.status_name(mg.Status.ERR_RANGE)))


class SearchTest(unittest.TestCase):
    def test_search_without_the_variable_finds_a_library(self) -> None:
        saved = _ffi._lib
        env = {k: v for k, v in os.environ.items() if k != _ffi.ENV_VAR}
        try:
            _ffi._lib = None
            with mock.patch.dict(os.environ, env, clear=True):
                lib = _ffi.load_library()
            self.assertEqual(lib.mg_version_number(), saved.mg_version_number())
            self.assertEqual(mg.version(), lib.mg_version().decode())
        finally:
            _ffi._lib = saved

    def test_search_that_finds_nothing_says_where_it_looked(self) -> None:
        saved = _ffi._lib
        env = {k: v for k, v in os.environ.items() if k != _ffi.ENV_VAR}
        try:
            _ffi._lib = None
            with mock.patch.dict(os.environ, env, clear=True), \
                    mock.patch.object(_ffi, "candidates", return_value=[
                        ("a missing file", "/nonexistent/libmamisguide.so.1"),
                        ("not a library", os.devnull),
                        ("ctypes.util.find_library('mamisguide')", "<not found>")]):
                with self.assertRaises(mg.LibraryNotFoundError) as c:
                    _ffi.load_library()
            tried = dict(c.exception.tried)
            self.assertEqual(tried["a missing file"], "no such file")
            self.assertEqual(tried["ctypes.util.find_library('mamisguide')"], "not found")
            self.assertIn("not a library", tried)
            self.assertIn(_ffi.ENV_VAR, str(c.exception))
        finally:
            _ffi._lib = saved

    def test_a_library_of_another_abi_is_refused(self) -> None:
        # A shared object without mg_* functions (the C library) is not taken for one.
        with self.assertRaises(mg.LibraryNotFoundError) as c:
            _ffi.load_library("libc.so.6")
        self.assertIn("has no function mg_", str(c.exception))

    def test_take_string_of_null(self) -> None:
        self.assertIsNone(_ffi.take_string(ctypes.c_void_p()))

    def test_versioned_pointer_takes_pointers(self) -> None:
        # A pointer to a struct (not only byref) gets the package's version too.
        info = _ffi.STRUCTS["mg_support_contact"]()
        info.version = 0
        p = ctypes.pointer(info)
        self.assertEqual(_ffi.library().mg_support_contact_info(0, p), 0)
        self.assertEqual(info.version, type(info)._version_)
        self.assertEqual(_ffi.decode(info.phone), mg.support_contact("ja")["phone"])


class ConvertTest(unittest.TestCase):
    def test_keys_and_sets(self) -> None:
        class Color(enum.Enum):
            red = 1

        self.assertEqual(_convert.jsonable({Color.red: mg.Level(2)}), {"1": "prefectural"})
        self.assertEqual(_convert.jsonable({mg.Level(1): "A"}), {"municipal": "A"})
        self.assertEqual(_convert.jsonable({"national", mg.Level(1), "zzz"}),
                         ["municipal", "national", "zzz"])
        self.assertEqual(_convert.levels_value(5), ["municipal", "national"])
        self.assertEqual(_convert.levels_value("national"), ["national"])
        self.assertEqual(_convert.levels_value(None), [])
        self.assertEqual(_convert.level_names(6), ["prefectural", "national"])

    def test_level_bits(self) -> None:
        self.assertEqual(_convert.level_bits(["municipal", "national"]), 5)
        self.assertEqual(_convert.level_bits(mg.Level(3)), 3)
        with self.assertRaises(TypeError):
            _convert.level_bits(2.5)  # type: ignore[arg-type]
        with self.assertRaises(ValueError):
            _convert.level_bits(["everywhere"])

    def test_json_call_raises_the_library_s_error(self) -> None:
        lib = _ffi.library()
        with self.assertRaises(mg.MamisguideError) as c:
            _convert.json_call(lib.mg_holidays_json, 1999, 0)
        self.assertEqual(c.exception.code, mg.status_name(mg.Status.ERR_RANGE))
        h = _convert.json_call(lib.mg_holidays_json, 2026, 1)
        self.assertEqual([x["date"] for x in h],
                         [x.date.isoformat() for x in mg.holidays(2026)])


class EnumsTest(unittest.TestCase):
    def test_single_levels_only_have_a_name(self) -> None:
        self.assertEqual(mg.Level(4).json_name, "national")
        with self.assertRaises(ValueError):
            mg.Level(3).json_name

    def test_c_numbers(self) -> None:
        for op in mg.Operation:
            self.assertIs(mg.Operation.from_c(op.c_value), op)
            self.assertEqual(_ffi.decode(_ffi.library().mg_operation_name(op.c_value)), op.value)
        with self.assertRaises(ValueError):
            mg.Operation.from_c(99)
        with self.assertRaises(ValueError):
            mg.Operation.from_c("join")  # type: ignore[arg-type]


class EngineTest(unittest.TestCase):
    def test_small_methods(self) -> None:
        eng = mg.Engine(MASTER)
        self.assertTrue(eng)
        self.assertEqual(repr(eng), f"<mamisguide.Engine with {len(eng)} associations>")
        eng.close()
        self.assertTrue(eng)
        self.assertEqual(repr(eng), "<mamisguide.Engine (closed)>")

    def test_respond_text_is_the_library_s_bytes(self) -> None:
        req = {"member": member(), "request": {"operation": "withdraw", "levels": ["national"]}}
        with engine() as eng:
            text = eng.respond_text(req)
            self.assertEqual(json.loads(text), eng.respond(req))
            self.assertEqual(eng.respond_text(json.dumps(req)), text)
            self.assertEqual(eng.respond_text(json.dumps(req).encode()), text)
            bad = json.loads(eng.respond_text(b"{"))
            self.assertEqual(bad["error"]["code"], "invalid_request")

    def test_respond_text_on_a_closed_engine(self) -> None:
        eng = engine()
        eng.close()
        with self.assertRaises(mg.MamisguideError):
            eng.respond_text("{}")

    def test_withdraw_with_no_categories_and_flags(self) -> None:
        with engine() as eng:
            p = eng.withdraw(member(), ["national"], cascade=False, proxy=True)
            self.assertEqual(p["actor"], "secretariat")
            self.assertEqual(p, eng.plan({"member": member(), "request": {
                "operation": "withdraw", "levels": ["national"], "proxy": True}}))

    def test_join_with_no_categories_is_the_contract_s_default(self) -> None:
        with engine() as eng:
            with self.assertRaises(mg.RefusalError) as a:
                eng.join("13-chiyoda", ["municipal"], categories={})
            with self.assertRaises(mg.RefusalError) as b:
                eng.plan({"member": member([]), "request": {
                    "operation": "join", "municipal": "13-chiyoda", "levels": ["municipal"]}})
            self.assertEqual(a.exception.response, b.exception.response)

    def test_notices(self) -> None:
        with engine() as eng:
            cats = "association,code,label\n13-chiyoda,A,A会員\n13-chiyoda,A,A会員\n"
            with self.assertRaises(mg.MamisguideError):
                eng.load_categories_bytes(cats)
            lib = _ffi.library()
            n = eng.notices("en")
            with eng._lock.write():
                self.assertEqual(len(n), lib.mg_engine_notice_count(eng._handle))


if __name__ == "__main__":
    unittest.main()
