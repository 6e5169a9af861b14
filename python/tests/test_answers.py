# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Refusals that name what is wrong (issue 17), from Python: RefusalError.details and the
message, through the JSON path (Engine.plan) and the typed path (Engine.transfer, …)."""

from __future__ import annotations

import unittest

import mamisguide as mg
from mgtest import ALL, M, engine, member, request


class AnswersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.e = engine(categories=True)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.e.close()

    def refused(self, req) -> mg.RefusalError:
        with self.assertRaises(mg.RefusalError) as cm:
            self.e.plan(req)
        return cm.exception

    def test_category_required_json_and_typed(self) -> None:
        cats = {"municipal": "A", "prefectural": "A", "national": "A1"}
        r = self.refused(request("transfer", member(categories=cats), municipal="28-kobe",
                                 categories={"municipal": "K"}))
        self.assertEqual(r.code, "category_required")
        self.assertEqual(r.details["associations"], [{"level": "prefectural", "code": "28", "name": "兵庫県医師会"}])
        self.assertEqual(r.details["levels"], ["prefectural"])
        self.assertEqual(r.message, "兵庫県医師会（都道府県医師会・28）の会員区分を選択してください。")
        with self.assertRaises(mg.RefusalError) as cm:
            self.e.transfer(member(categories=cats), "28-kobe", {"municipal": "K"}, lang="en")
        t = cm.exception
        self.assertEqual(t.details["associations"], [{"level": "prefectural", "code": "28", "name": "Hyogo Medical Association"}])
        self.assertEqual(t.details["levels"], ["prefectural"])
        self.assertIn("Hyogo Medical Association (prefectural medical association, 28)", t.message)
        self.assertEqual(t.response["error"]["associations"], t.details["associations"])

    def test_unknown_category_allowed(self) -> None:
        r = self.refused(request("join", municipal="13-chiyoda", levels=M, categories={"municipal": "Z"}))
        self.assertEqual(r.details["value"], "Z")
        self.assertEqual([a["code"] for a in r.details["allowed"]], ["A", "B", "C"])

    def test_unknown_association_candidates(self) -> None:
        r = self.refused(request("join", municipal="14-yokohma", levels=M, categories={"municipal": "A"}))
        self.assertEqual(r.details["candidates"][0]["code"], "14-yokohama")
        self.assertEqual(r.details["value"], "14-yokohma")
        with self.assertRaises(mg.RefusalError) as cm:
            self.e.join("14-yokohma", M, {"municipal": "A"})
        self.assertEqual(cm.exception.details["value"], "14-yokohma")
        self.assertIn("14-yokohma", cm.exception.message)

    def test_invalid_request_field_and_position(self) -> None:
        r = self.refused('{"request": {"operation": "join", "colour": 1}}')
        self.assertEqual(r.field, "request.colour")
        r = self.refused('{"request":\n{"operation": "join"}\n}}')
        self.assertEqual(r.details["position"], {"line": 3, "column": 2})

    def test_invalid_state_and_levels(self) -> None:
        r = self.refused(request("withdraw", member(M, prefectural="13"), levels=M))
        self.assertEqual(r.details["problem"], "prefectural_not_held")
        self.assertEqual(r.field, "member.prefectural")
        with self.assertRaises(mg.RefusalError) as cm:
            self.e.withdraw(member(M), ["national"])
        self.assertEqual(cm.exception.details, {"levels": ["national"]})
        self.assertEqual(cm.exception.message, "加入していない医師会が指定されています：日本医師会。")

    def test_no_details_where_none_apply(self) -> None:
        r = self.refused(request("withdraw", member(ALL), levels=M))
        self.assertEqual(r.code, "illegal_levels")
        self.assertEqual(r.details, {})


if __name__ == "__main__":
    unittest.main()
