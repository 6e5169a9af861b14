# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""One voice: the same request planned through the C ABI, the command line and Python gives the
same JSON, byte for byte.

Run by ctest as  python3 test_cross_door.py MAMISGUIDE_BINARY SOURCE_DIR  with
MAMISGUIDE_LIBRARY naming this build's libmamisguide and PYTHONPATH the Python package.

The requests are the rules tests' space: every held chain (and illegal ones) x every operation x
every set of levels x category shapes (none, good, unknown) x MyPage x proxy x cascade x lang,
plus malformed requests. Each is answered by
  - C: mg_plan_json (through ctypes, the bytes as the library allocated them);
  - the command line: `mamisguide batch` (one line each; the "line" field it adds is checked and
    removed) and `mamisguide plan` (for a sample, one process each);
  - Python: Engine.respond_text (the package's path) and the typed helpers (join, withdraw, ...),
    whose dicts must equal the JSON's.
"""

import ctypes
import itertools
import json
import os
import subprocess
import sys
import unittest

BIN = sys.argv[1] if len(sys.argv) > 1 else ""
SRC = sys.argv[2] if len(sys.argv) > 2 else ""
del sys.argv[1:3]

import mamisguide as mg  # noqa: E402  (PYTHONPATH is set by ctest)

MASTER = os.path.join(SRC, "data", "sample-municipal.csv")
CATEGORIES = os.path.join(SRC, "data", "sample-categories.csv")
L = ["municipal", "prefectural", "national"]
HELD = [[], L[:1], L[:2], L[:], ["prefectural"], ["national"], ["municipal", "national"]]
OPS = ["join", "additional_join", "change_category", "change_facility", "transfer", "withdraw"]
CATS = [None, {"municipal": "A", "prefectural": "A", "national": "A1"}, {"national": "Z"}]


def subsets():
    for n in range(4):
        for c in itertools.combinations(L, n):
            yield list(c)


def requests():
    """The rules tests' requests, as JSON texts (also some that are not well-formed)."""
    out = []
    k = 0
    for held, op, levels, cats in itertools.product(HELD, OPS, subsets(), CATS):
        k += 1
        member = {"levels": held}
        if held:
            member["municipal"] = "13-chiyoda"
        if k % 5 == 0 and held:
            member["categories"] = {held[-1]: "A1" if held[-1] == "national" else "A"}
        member["mypage"] = ["yes", "no", "unknown"][k % 3]
        req = {"operation": op}
        if op in ("join", "additional_join", "withdraw") or (op == "change_category" and k % 2):
            req["levels"] = levels
        if op in ("join", "transfer"):
            req["municipal"] = ["13-chiyoda", "14-yokohama", "27", "99-nowhere"][k % 4]
        if cats is not None and op != "withdraw" and op != "change_facility":
            req["categories"] = {lv: cats[lv] for lv in (levels or L) if lv in cats}
        if op in ("change_facility", "transfer") and k % 3 == 0:
            req["reason"] = "開業のため \"新規\"\n"
        if op == "withdraw" and k % 2:
            req["cascade"] = True
        if k % 7 == 0:
            req["proxy"] = True
        doc = {"member": member, "request": req}
        if k % 4 == 1:
            doc["lang"] = "en"
        out.append(json.dumps(doc, ensure_ascii=False))
    out += [
        "",
        "{",
        "[]",
        '{"request":{"operation":"withdraw","levels":["national"]},"colour":1}',
        '{"member":{"levels":["municipal"],"municipal":"13-chiyoda"},"request":{"operation":"fly"}}',
        '{"member":{"levels":["municipal","municipal"],"municipal":"13-chiyoda"},'
        '"request":{"operation":"withdraw","levels":["municipal"]}}',
        '{"request":{"operation":"join","municipal":"13-chiyoda","levels":["municipal"],'
        '"categories":{"municipal":"A"}},"lang":"fr"}',
    ]
    return out


class CrossDoor(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.requests = requests()
        cls.engine = mg.Engine(MASTER, CATEGORIES)
        lib = ctypes.CDLL(os.environ["MAMISGUIDE_LIBRARY"])
        lib.mg_engine_new.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
        lib.mg_engine_load_directory.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.mg_engine_load_categories.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.mg_plan_json.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                                     ctypes.POINTER(ctypes.c_void_p)]
        lib.mg_free.argtypes = [ctypes.c_void_p]
        e = ctypes.c_void_p()
        assert lib.mg_engine_new(ctypes.byref(e)) == 0
        assert lib.mg_engine_load_directory(e, MASTER.encode()) == 0
        assert lib.mg_engine_load_categories(e, CATEGORIES.encode()) == 0
        cls.c = []
        for r in cls.requests:
            data = r.encode("utf-8")
            out = ctypes.c_void_p()
            lib.mg_plan_json(e, data, len(data), ctypes.byref(out))
            cls.c.append(ctypes.string_at(out.value).decode("utf-8"))
            lib.mg_free(out)

    def test_every_code_is_reached(self):
        codes = {json.loads(c).get("error", {}).get("code", "plan") for c in self.c}
        for code in ("plan", "invalid_request", "unknown_association", "level_mismatch",
                     "invalid_state", "not_a_member", "already_member", "level_not_held",
                     "level_already_held", "illegal_levels", "same_association",
                     "category_required", "unknown_category", "category_unchanged"):
            self.assertIn(code, codes)

    def test_batch(self):
        # Requests are one line each (json.dumps escapes newlines); the malformed ones too.
        data = "\n".join(self.requests) + "\n"
        p = subprocess.run([BIN, "batch", "--directory", MASTER, "--categories", CATEGORIES],
                           input=data.encode("utf-8"), capture_output=True, timeout=300)
        lines = p.stdout.decode("utf-8").splitlines()
        self.assertEqual(len(lines), len(self.requests))
        for i, (line, c) in enumerate(zip(lines, self.c), 1):
            prefix = '{"line":%d,' % i
            self.assertTrue(line.startswith(prefix), line[:40])
            self.assertEqual("{" + line[len(prefix):], c, self.requests[i - 1])

    def test_plan_command(self):
        for r, c in list(zip(self.requests, self.c))[::37]:
            p = subprocess.run([BIN, "plan", "--json", "--directory", MASTER, "--categories",
                                CATEGORIES], input=r.encode("utf-8"), capture_output=True,
                               timeout=60)
            self.assertEqual(p.stdout.decode("utf-8").rstrip("\n"), c, r)

    def test_python_respond(self):
        for r, c in zip(self.requests, self.c):
            self.assertEqual(self.engine.respond_text(r), c, r)
            self.assertEqual(self.engine.respond(r), json.loads(c), r)

    def test_python_typed_helpers(self):
        e = self.engine
        n = 0
        for r, c in zip(self.requests, self.c):
            try:
                doc = json.loads(r)
            except ValueError:
                continue
            if not isinstance(doc, dict) or set(doc) - {"member", "request", "lang"}:
                continue
            q = doc.get("request", {})
            if not isinstance(q, dict) or q.get("operation") not in OPS:
                continue
            member = doc.get("member")
            lang = doc.get("lang", "ja")
            if lang not in ("ja", "en"):
                continue
            kw = {"proxy": q.get("proxy", False), "lang": lang}
            op = q["operation"]
            if set(q) - {"operation", "levels", "municipal", "categories", "reason", "cascade",
                         "proxy"}:
                continue
            if op == "join":
                call = lambda: e.join(q.get("municipal"), q.get("levels"), q.get("categories"),
                                      member=member, **kw)
            elif op == "additional_join":
                call = lambda: e.additional_join(member, q.get("levels"), q.get("categories"), **kw)
            elif op == "change_category":
                if "levels" in q:
                    continue  # the helper names levels by the keys of categories
                call = lambda: e.change_category(member, q.get("categories"), **kw)
            elif op == "change_facility":
                call = lambda: e.change_facility(member, q.get("reason"), **kw)
            elif op == "transfer":
                call = lambda: e.transfer(member, q.get("municipal"), q.get("categories"),
                                          q.get("reason"), **kw)
            else:
                call = lambda: e.withdraw(member, q.get("levels"), q.get("cascade", False), **kw)
            want = json.loads(c)
            try:
                got = call()
            except mg.RefusalError as err:
                got = err.response
            self.assertEqual(got, want, r)
            n += 1
        self.assertGreater(n, 800)


if __name__ == "__main__":
    unittest.main()
