# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The support desk, holidays, the guide, category advice and the level rules."""

from __future__ import annotations

import datetime as dt
import unittest

import mamisguide as mg
from mgtest import ALL, M, MP, engine

JST = mg.JST


def jst(*args: int) -> dt.datetime:
    """A time in Japan."""
    return dt.datetime(*args, tzinfo=JST)


class SupportTest(unittest.TestCase):
    def test_open_on_a_weekday(self) -> None:
        s = mg.support_status(dt.datetime(2026, 6, 3, 11, 0, tzinfo=JST))  # a Wednesday
        self.assertTrue(s.open)
        self.assertEqual(s.reason, mg.DeskReason.OPEN)
        self.assertEqual(s.next_open, dt.datetime(2026, 6, 3, 11, 0, tzinfo=JST))
        self.assertIsNone(s.holiday)

    def test_closed_cases(self) -> None:
        cases = [
            # (instant, reason, next opening)
            (jst(2026, 6, 3, 18), mg.DeskReason.AFTER_HOURS, jst(2026, 6, 4, 10)),
            (jst(2026, 6, 6, 12), mg.DeskReason.WEEKEND, jst(2026, 6, 8, 10)),
            (jst(2026, 5, 4, 12), mg.DeskReason.HOLIDAY, jst(2026, 5, 7, 10)),
            (jst(2026, 12, 30, 11), mg.DeskReason.YEAR_END, jst(2027, 1, 4, 10)),
        ]
        for when, reason, nxt in cases:
            with self.subTest(when=when):
                s = mg.support_status(when)
                self.assertFalse(s.open)
                self.assertEqual(s.reason, reason)
                self.assertEqual(s.next_open, nxt)
                self.assertEqual(s.next_open.utcoffset(), dt.timedelta(hours=9))
                self.assertTrue(s.reason_text)
        self.assertEqual(mg.support_status(cases[2][0]).holiday, "みどりの日")
        self.assertEqual(mg.support_status(cases[2][0], lang="en").holiday, "Greenery Day")

    def test_other_zones_and_text(self) -> None:
        utc = dt.datetime(2026, 6, 3, 2, 0, tzinfo=dt.timezone.utc)  # 11:00 in Japan
        self.assertTrue(mg.support_status(utc).open)
        self.assertTrue(mg.support_status("2026-06-03T11:00:00+09:00").open)
        self.assertFalse(mg.support_status("2026-06-03T10:00:00Z").open)  # 19:00 in Japan
        self.assertEqual(mg.parse_instant("2026-06-03T02:00:00Z"), utc)
        self.assertIsInstance(mg.support_status().open, bool)

    def test_errors(self) -> None:
        with self.assertRaises(ValueError):
            mg.support_status(dt.datetime(2026, 6, 3, 11, 0))
        with self.assertRaises(TypeError):
            mg.support_status(dt.date(2026, 6, 3))  # type: ignore[arg-type]
        with self.assertRaises(mg.MamisguideError) as cm:
            mg.support_status("next tuesday")
        self.assertEqual(cm.exception.code, "parse_error")
        with self.assertRaises(mg.MamisguideError) as cm:
            mg.support_status(dt.datetime(2150, 1, 1, tzinfo=JST))
        self.assertEqual(cm.exception.code, "out_of_range")

    def test_engine_year_end(self) -> None:
        when = dt.datetime(2026, 12, 28, 11, 0, tzinfo=JST)  # a Monday
        with engine() as e:
            self.assertTrue(e.support_status(when).open)
            e.set_year_end((12, 28), (1, 4))
            s = e.support_status(when)
            self.assertEqual(s.reason, mg.DeskReason.YEAR_END)
            self.assertEqual(s.next_open, dt.datetime(2027, 1, 5, 10, 0, tzinfo=JST))
        self.assertTrue(mg.support_status(when).open)  # the default desk is unchanged

    def test_contact(self) -> None:
        c = mg.support_contact()
        self.assertEqual(c["mail"], "inquiry@mamis.med.or.jp")
        self.assertEqual(c["phone"], "0120-110-030")
        self.assertIn("10:00", c["hours"])
        self.assertNotEqual(mg.support_contact("en")["name"], c["name"])

    def test_holidays(self) -> None:
        h = mg.holidays(2026)
        self.assertEqual(h[0], (dt.date(2026, 1, 1), "元日", "New Year's Day"))
        self.assertIsInstance(h[0], mg.Holiday)
        self.assertEqual([x.date for x in h], sorted(x.date for x in h))
        self.assertIn(dt.date(2026, 5, 6), [x.date for x in h])  # 振替休日
        self.assertIn(dt.date(2026, 9, 22), [x.date for x in h])  # 国民の休日
        self.assertTrue(all(x.name and x.name_en for x in h))
        self.assertEqual(len(mg.holidays(2000)) > 10, True)
        for year in (1999, 2100):
            with self.assertRaises(mg.MamisguideError) as cm:
                mg.holidays(year)
            self.assertEqual(cm.exception.code, "out_of_range")


class AdviceTest(unittest.TestCase):
    def test_recommend_category(self) -> None:
        table = {
            ("founder_manager", False): "A1",
            ("resident", False): "A2C",
            ("resident", True): "C",
            ("other", False): "A2B",
            ("other", True): "B",
        }
        for (role, opt_out), code in table.items():
            with self.subTest(role=role, opt_out=opt_out):
                c = mg.recommend_category(role, opt_out)
                self.assertEqual(c.code, code)
                self.assertTrue(c.label)
        self.assertEqual(mg.recommend_category(mg.Role.OTHER, lang="en").code, "A2B")
        with self.assertRaises(ValueError):
            mg.recommend_category("nurse")

    def test_guide(self) -> None:
        g = mg.guide()
        ids = {n["id"] for n in g["nodes"]}
        self.assertIn(g["root"], ids)
        leaves = [n for n in g["nodes"] if "request" in n]
        self.assertEqual({n["request"]["operation"] for n in leaves}, {op.value for op in mg.Operation})
        for n in g["nodes"]:
            for a in n.get("answers", []):
                self.assertIn(a["next"], ids)
        self.assertNotEqual(mg.guide("en")["nodes"][0]["title"], g["nodes"][0]["title"])

    def test_check_levels(self) -> None:
        self.assertIsNone(mg.check_levels(ALL, "withdraw", ["national"]))
        self.assertIsNone(mg.check_levels(MP, mg.Operation.ADDITIONAL_JOIN, mg.Level.NATIONAL))
        self.assertEqual(mg.check_levels(ALL, "withdraw", M), "illegal_levels")
        self.assertIsNone(mg.check_levels(ALL, "withdraw", M, cascade=True))
        self.assertEqual(mg.check_levels([], "withdraw", M), "not_a_member")
        self.assertEqual(mg.check_levels(["national"], "withdraw", ["national"]), "invalid_state")

    def test_mypage_step(self) -> None:
        self.assertIsNone(mg.mypage_step("yes"))
        self.assertEqual(mg.mypage_step(mg.MyPage.NO)["kind"], "user_registration")
        check = mg.mypage_step("unknown", "en")
        self.assertEqual(check["kind"], "mypage_check")
        self.assertIn("support", check)

    def test_graphs_and_directory(self) -> None:
        self.assertIn("digraph", mg.transitions_dot())
        with engine() as e:
            dot = e.directory_dot("en")
            self.assertIn("digraph", dot)
            self.assertIn("Yokohama", dot)
            assoc = e.associations()
            self.assertEqual(len(assoc), len(e))
            self.assertEqual(assoc[0], mg.Association("national", "00", "日本医師会", None))
            self.assertEqual(assoc[13].code, "13")
            self.assertEqual(sum(a.level == "prefectural" for a in assoc), 47)
            self.assertIn("14-kawasaki", e)
            self.assertNotIn("14-nowhere", e)


if __name__ == "__main__":
    unittest.main()
