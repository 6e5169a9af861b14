# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Every refusal code of rules.md §7, and the exceptions that carry them."""

from __future__ import annotations

import unittest
from typing import Any, Dict, Optional, Tuple, Union

import mamisguide as mg
from mgtest import ALL, MP, M, engine, member, request

#: code → (request, field, suggestion or None); the JSON contract's requests.
CASES: Dict[str, Tuple[Union[str, Dict[str, Any]], Optional[str], Optional[Dict[str, Any]]]] = {
    "invalid_request": ('{"request":', None, None),
    "unknown_association": (
        request("join", municipal="99-nowhere", levels=M, categories={"municipal": "A"}),
        "request.municipal", None),
    "level_mismatch": (
        request("join", municipal="13", levels=M, categories={"municipal": "A"}), "request.municipal", None),
    "invalid_state": (
        request("withdraw", member(["prefectural"]), levels=["prefectural"]), "member.levels", None),
    "not_a_member": (request("withdraw", levels=M), "member.levels", None),
    "already_member": (
        request("join", member(M), municipal="13-chiyoda", levels=MP,
                categories={"municipal": "A", "prefectural": "A"}),
        "member.levels",
        {"operation": "additional_join", "levels": ["prefectural"]},
    ),
    "level_not_held": (request("withdraw", member(M), levels=["national"]), "request.levels", None),
    "level_already_held": (
        request("additional_join", member(MP), levels=["prefectural", "national"],
                categories={"prefectural": "A", "national": "A1"}),
        "request.levels",
        {"operation": "additional_join", "levels": ["national"], "categories": {"national": "A1"}},
    ),
    "illegal_levels": (
        request("withdraw", member(), levels=M), "request.levels",
        {"operation": "withdraw", "levels": ALL},
    ),
    "same_association": (
        request("transfer", member(), municipal="13-chiyoda", categories={"municipal": "A"}),
        "request.municipal",
        {"operation": "change_facility"},
    ),
    "category_required": (request("join", municipal="14-yokohama", levels=M), "request.categories", None),
    "unknown_category": (
        request("join", municipal="13-chiyoda", levels=M, categories={"municipal": "Z"}),
        "request.categories", None),
    "category_unchanged": (
        request("change_category", member(categories={"national": "A2B"}), categories={"national": "A2B"}),
        "request.categories", None),
}


class RefusalTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.e = engine(categories=True)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.e.close()

    def test_every_code_is_covered(self) -> None:
        self.assertEqual(set(CASES) | {"no_category"}, set(mg.REFUSAL_CODES))

    def test_plan_raises_refusal_error(self) -> None:
        for code, (req, field, suggestion) in CASES.items():
            with self.subTest(code=code):
                with self.assertRaises(mg.RefusalError) as cm:
                    self.e.plan(req)
                err = cm.exception
                self.assertIsInstance(err, mg.MamisguideError)
                self.assertEqual(err.code, code)
                self.assertEqual(err.status, mg.REFUSAL_CODES.index(code) + 1)
                self.assertEqual(err.status, getattr(mg.Status, code.upper()))
                self.assertTrue(err.message)
                self.assertEqual(str(err), f"{code}: {err.message}")
                self.assertEqual(err.field, field)
                if suggestion is None:
                    self.assertIsNone(err.suggestion)
                else:
                    for k, v in suggestion.items():
                        self.assertEqual(err.suggestion.get(k), v)
                self.assertFalse(err.response["ok"])
                self.assertEqual(err.response["error"]["code"], code)

    def test_respond_never_raises(self) -> None:
        for code, (req, field, _) in CASES.items():
            with self.subTest(code=code):
                r = self.e.respond(req)
                self.assertEqual(r, {"ok": False, "error": r["error"]})
                self.assertEqual(r["error"]["code"], code)
                self.assertEqual(r["error"].get("field"), field)

    def test_suggestions_succeed(self) -> None:
        for code, (req, _, suggestion) in CASES.items():
            if suggestion is None:
                continue
            with self.subTest(code=code):
                err = self.e.respond(req)["error"]
                fixed = dict(req, request=err["suggestion"])
                self.assertTrue(self.e.plan(fixed)["ok"])

    def test_english_messages(self) -> None:
        req, _, _ = CASES["illegal_levels"]
        ja = self.e.respond(req)["error"]["message"]
        en = self.e.respond(dict(req, lang="en"))["error"]["message"]
        self.assertNotEqual(ja, en)
        self.assertTrue(en.isascii())

    def test_no_category(self) -> None:
        with self.assertRaises(mg.RefusalError) as cm:
            mg.recommend_category("founder_manager", opt_out=True)
        self.assertEqual(cm.exception.code, "no_category")
        self.assertEqual(cm.exception.status, 14)
        self.assertTrue(cm.exception.message)
        self.assertNotIn("no_category:", cm.exception.message)
        self.assertIsNone(cm.exception.suggestion)
        self.assertIsNone(cm.exception.field)

    def test_invalid_requests(self) -> None:
        bad = [
            "",
            "[]",
            '{"request":{"operation":"fly"}}',
            '{"request":{"operation":"withdraw","levels":["city"]}}',
            '{"request":{"operation":"withdraw","levels":["national","national"]}}',
            '{"request":{"operation":"withdraw","levels":["national"]},"typo":1}',
            '{"member":{"levels":[]}}',
            b"\xff\xfe",
            "{" * 10000,
            "x" * (2 << 20),
        ]
        for text in bad:
            with self.subTest(text=text[:40]):
                r = self.e.respond(text)
                self.assertEqual(r["error"]["code"], "invalid_request")
                with self.assertRaises(mg.RefusalError):
                    self.e.plan(text)

    def test_typed_helpers_refuse_bad_python_values(self) -> None:
        for call in (
            lambda: self.e.withdraw(member(), ["city"]),
            lambda: self.e.withdraw(member(), ["national", "national"]),
            lambda: self.e.withdraw(member(), 9),
            lambda: self.e.withdraw({"municipal": "13-chiyoda", "levels": ALL, "typo": 1}, ["national"]),
            lambda: self.e.withdraw(member(mypage="perhaps"), ["national"]),
            lambda: self.e.change_category(member(), {"city": "A"}),
            lambda: self.e.change_category(member(), {"national": 1}),
            lambda: self.e.join(13, M, {"municipal": "A"}),
        ):
            with self.assertRaises(mg.RefusalError) as cm:
                call()
            self.assertEqual(cm.exception.code, "invalid_request")
            self.assertTrue(cm.exception.field)

    def test_typed_helpers_give_every_rule_refusal(self) -> None:
        e = self.e
        expect = {
            "unknown_association": lambda: e.join("99-nowhere", M, {"municipal": "A"}),
            "level_mismatch": lambda: e.join("13", M, {"municipal": "A"}),
            "invalid_state": lambda: e.withdraw(member(["prefectural"]), "prefectural"),
            "not_a_member": lambda: e.withdraw(None, M),
            "already_member": lambda: e.join("13-chiyoda", M, {"municipal": "A"}, member=member(M)),
            "level_not_held": lambda: e.withdraw(member(M), "national"),
            "level_already_held": lambda: e.additional_join(member(MP), "prefectural", {"prefectural": "A"}),
            "illegal_levels": lambda: e.withdraw(member(), M),
            "same_association": lambda: e.transfer(member(), "13-chiyoda", {"municipal": "A"}),
            "category_required": lambda: e.join("14-yokohama", M),
            "unknown_category": lambda: e.join("13-chiyoda", M, {"municipal": "Z"}),
            "category_unchanged": lambda: e.change_category(
                member(categories={"national": "A1"}), {"national": "A1"}),
            "invalid_request": lambda: e.additional_join(member(M), []),
        }
        for code, call in expect.items():
            with self.subTest(code=code):
                with self.assertRaises(mg.RefusalError) as cm:
                    call()
                self.assertEqual(cm.exception.code, code)
                self.assertTrue(cm.exception.message)


if __name__ == "__main__":
    unittest.main()
