# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Every operation, through the JSON contract (Engine.plan) and the typed helpers (mg_join ...)."""

from __future__ import annotations

import unittest
from typing import Any, Callable, Dict, List, Tuple

import mamisguide as mg
from mgtest import ALL, MP, M, engine, member, request


def typed_call(e: mg.Engine, req: Dict[str, Any]) -> Dict[str, Any]:
    """Runs a JSON-contract request through the matching typed helper."""
    r = req["request"]
    m = req.get("member")
    kw = {"proxy": r.get("proxy", False), "lang": req.get("lang", "ja")}
    op = r["operation"]
    if op == "join":
        return e.join(r.get("municipal"), r.get("levels"), r.get("categories"), member=m, **kw)
    if op == "additional_join":
        return e.additional_join(m, r.get("levels"), r.get("categories"), **kw)
    if op == "change_category":
        return e.change_category(m, r.get("categories"), **kw)
    if op == "change_facility":
        return e.change_facility(m, r.get("reason"), **kw)
    if op == "transfer":
        return e.transfer(m, r.get("municipal"), r.get("categories"), r.get("reason"), **kw)
    if op == "withdraw":
        return e.withdraw(m, r.get("levels"), cascade=r.get("cascade", False), **kw)
    raise AssertionError(op)


#: Requests that succeed, one or more per operation, with the associations they tick.
PLANS: List[Tuple[Dict[str, Any], List[str]]] = [
    (request("join", municipal="14-yokohama", levels=M, categories={"municipal": "X"}), ["14-yokohama"]),
    (request("join", {"mypage": "unknown"}, municipal="13-chiyoda", levels=ALL,
             categories={"municipal": "A", "prefectural": "A", "national": "A2B"}),
     ["13-chiyoda", "13", "00"]),
    (request("join", {"mypage": "no"}, lang="en", municipal="01-sapporo", levels=MP,
             categories={"municipal": "X", "prefectural": "Y"}), ["01-sapporo", "01"]),
    (request("additional_join", member(M), levels=["prefectural", "national"],
             categories={"prefectural": "A", "national": "A1"}), ["13", "00"]),
    (request("additional_join", member(MP, "14-kawasaki"), levels=["national"],
             categories={"national": "A2C"}, proxy=True), ["00"]),
    (request("change_category", member(categories={"national": "A2B"}), categories={"national": "A1"}),
     ["00"]),
    (request("change_category", member(MP, "13-chiyoda"), levels=["municipal"],
             categories={"municipal": "B"}), ["13-chiyoda"]),
    (request("change_facility", member(), reason="勤務先の変更"), ["13-chiyoda"]),
    (request("transfer", member(), municipal="13-shinjuku", categories={"municipal": "S"}), ["13-shinjuku"]),
    (request("transfer", member(), lang="en", municipal="28-kobe",
             categories={"municipal": "K", "prefectural": "H"}, reason="転居"), ["28-kobe", "28"]),
    (request("withdraw", member(M), levels=M), ["13-chiyoda"]),
    (request("withdraw", member(MP), levels=["prefectural"]), ["13"]),
    (request("withdraw", member(MP), levels=MP), ["13-chiyoda", "13"]),
    (request("withdraw", member(), levels=["national"]), ["00"]),
    (request("withdraw", member(), levels=["prefectural", "national"]), ["13", "00"]),
    (request("withdraw", member(), levels=ALL), ["13-chiyoda", "13", "00"]),
    (request("withdraw", member(), levels=M, cascade=True, proxy=True), ["13-chiyoda", "13", "00"]),
]


class PlanTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.e = engine(categories=True)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.e.close()

    def test_every_operation_plans(self) -> None:
        ops = set()
        for req, ticks in PLANS:
            with self.subTest(req=req):
                p = self.e.plan(req)
                ops.add(p["operation"])
                self.assertTrue(p["ok"])
                self.assertEqual(p["operation"], req["request"]["operation"])
                self.assertEqual([c["code"] for c in p["checked"]], ticks)
                self.assertTrue(p["steps"])
                self.assertTrue(p["manual"])
                self.assertTrue(p["rule"])
        self.assertEqual(ops, {op.value for op in mg.Operation})

    def test_typed_helpers_match_json(self) -> None:
        for req, _ in PLANS:
            with self.subTest(req=req):
                self.assertEqual(typed_call(self.e, req), self.e.plan(req))

    def test_typed_refusals_match_json(self) -> None:
        bad = [
            request("withdraw", member(), levels=M),
            request("join", member(), municipal="13-chiyoda", levels=M, categories={"municipal": "A"}),
            request("transfer", member(), municipal="13-chiyoda", categories={"municipal": "A"}),
            request("additional_join", member(MP), levels=["prefectural", "national"],
                    categories={"prefectural": "A", "national": "A1"}),
            request("join", municipal="13-chiyoda", levels=M, categories={"municipal": "Z"}, lang="en"),
        ]
        for req in bad:
            with self.subTest(req=req):
                response = self.e.respond(req)
                with self.assertRaises(mg.RefusalError) as cm:
                    typed_call(self.e, req)
                err = response["error"]
                self.assertEqual(cm.exception.code, err["code"])
                self.assertEqual(cm.exception.message, err["message"])
                self.assertEqual(cm.exception.field, err.get("field"))
                self.assertEqual(cm.exception.suggestion, err.get("suggestion"))

    def test_join_shape(self) -> None:
        p = self.e.join("13-chiyoda", mg.Level.MUNICIPAL | mg.Level.PREFECTURAL | mg.Level.NATIONAL,
                        {mg.Level.MUNICIPAL: "A", "prefectural": "B", "national": "A2B"})
        self.assertEqual(p["form"], "admission")
        self.assertEqual(p["form_label"], "入会届")
        self.assertEqual(p["selection"], "new")
        self.assertEqual(p["checked"][0],
                         {"level": "municipal", "code": "13-chiyoda", "name": "千代田区医師会"})
        self.assertEqual(p["categories"], {"municipal": "A", "prefectural": "B", "national": "A2B"})
        self.assertEqual(p["category_labels"]["national"], "A②会員(B)")
        self.assertEqual(p["category_labels"]["municipal"], "A会員")
        self.assertEqual(p["steps"][0], "マイページにログイン")
        self.assertEqual(p["manual"], "MAMIS 操作マニュアル（入会届）")
        self.assertEqual(p["actor"], "member")
        self.assertEqual(p["prerequisites"], [])
        self.assertEqual(p["result"]["levels"], ALL)
        self.assertEqual(p["result"]["prefectural"], "13")

    def test_mypage_prerequisites(self) -> None:
        p = self.e.plan(PLANS[1][0])
        (pre,) = p["prerequisites"]
        self.assertEqual(pre["kind"], "mypage_check")
        self.assertEqual(pre["methods"], ["initial_login", "member_search"])
        self.assertEqual(pre["support"]["phone"], "0120-110-030")
        p = self.e.plan(PLANS[2][0])
        self.assertEqual(p["prerequisites"][0]["kind"], "user_registration")
        self.assertEqual(p["steps"][0], "Log in to MyPage")

    def test_additional_join(self) -> None:
        p = self.e.additional_join(member(M), ["prefectural", "national"],
                                   {"prefectural": "A", "national": "A1"})
        self.assertEqual(p["selection"], "additional")
        self.assertEqual(p["result"]["levels"], ALL)

    def test_change_category(self) -> None:
        p = self.e.change_category(member(categories={"national": "A2B"}), {"national": "A1"})
        self.assertEqual((p["form"], p["selection"]), ("transfer", "category_change"))
        self.assertEqual(p["categories"], {"national": "A1"})

    def test_change_facility(self) -> None:
        p = self.e.change_facility(member(), reason="勤務先の変更")
        self.assertEqual((p["form"], p["selection"]), ("transfer", "association_transfer"))
        self.assertEqual(p["reason"], "勤務先の変更")
        self.assertEqual(p["result"]["municipal"], "13-chiyoda")

    def test_transfer_notes(self) -> None:
        same = self.e.transfer(member(), "13-shinjuku", {"municipal": "S"})
        self.assertIn("prefectural_stays", [n["kind"] for n in same["notes"]])
        across = self.e.transfer(member(), "28-kobe", {"municipal": "K", "prefectural": "H"})
        kinds = [n["kind"] for n in across["notes"]]
        self.assertIn("prefectural_moves", kinds)
        self.assertIn("national_continues", kinds)
        self.assertEqual(across["result"]["municipal"], "28-kobe")
        self.assertEqual(across["result"]["prefectural"], "28")
        self.assertEqual(across["result"]["levels"], ALL)

    def test_withdraw_cascade_and_proxy(self) -> None:
        p = self.e.withdraw(member(), "municipal", cascade=True, proxy=True)
        self.assertEqual([c["level"] for c in p["checked"]], ALL)
        self.assertIn("cascade_applied", [n["kind"] for n in p["notes"]])
        self.assertEqual(p["actor"], "secretariat")
        self.assertEqual(p["form"], "withdrawal")
        self.assertIsNone(p["selection"])
        self.assertEqual(p["result"]["levels"], [])

    def test_respond_accepts_text_and_bytes(self) -> None:
        req = ('{"member":{"municipal":"13-chiyoda","levels":["municipal"]},'
               '"request":{"operation":"withdraw","levels":["municipal"]}}')
        self.assertTrue(self.e.respond(req)["ok"])
        self.assertTrue(self.e.respond(req.encode())["ok"])
        self.assertEqual(self.e.plan(req), self.e.respond(req))

    def test_enums_in_requests(self) -> None:
        req = {"member": {"mypage": mg.MyPage.YES, "municipal": "13-chiyoda",
                          "levels": mg.Level.MUNICIPAL | mg.Level.PREFECTURAL},
               "request": {"operation": mg.Operation.WITHDRAW, "levels": {mg.Level.PREFECTURAL}},
               "lang": mg.Lang.EN}
        p = self.e.plan(req)
        self.assertEqual([c["code"] for c in p["checked"]], ["13"])
        self.assertTrue(p["form_label"].startswith("Withdrawal form"))

    def test_lang(self) -> None:
        ja = self.e.withdraw(member(), "national")
        en = self.e.withdraw(member(), "national", lang=mg.Lang.EN)
        self.assertEqual(ja["rule"], en["rule"])
        self.assertEqual(ja["checked"][0]["name"], "日本医師会")
        self.assertNotEqual(ja["steps"], en["steps"])
        with self.assertRaises(ValueError):
            self.e.withdraw(member(), "national", lang="fr")


class EnumTest(unittest.TestCase):
    def test_names_and_numbers(self) -> None:
        self.assertEqual([lv.json_name for lv in mg.Level], ALL)
        self.assertEqual((mg.Level.MUNICIPAL | mg.Level.NATIONAL).names(), ["municipal", "national"])
        self.assertEqual(mg.Level.parse("prefectural"), mg.Level.PREFECTURAL)
        self.assertEqual(mg.Level.NATIONAL.index, 2)
        self.assertRaises(ValueError, mg.Level.parse, "city")
        self.assertEqual([op.c_value for op in mg.Operation], list(range(6)))
        self.assertEqual(mg.Operation.CHANGE_FACILITY.value, "change_facility")
        self.assertEqual(str(mg.MyPage.UNKNOWN), "unknown")
        self.assertEqual(mg.Lang.EN.c_value, 1)
        self.assertEqual(len(mg.REFUSAL_CODES), 14)
        for i, code in enumerate(mg.REFUSAL_CODES, start=1):
            self.assertEqual(mg.status_name(i), code)


if __name__ == "__main__":
    unittest.main()
