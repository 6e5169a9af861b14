# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""mamisguide graph, directory, support, holidays, --help and --version."""

import json
import os
import re
import shutil
import tempfile
import unittest

import cli_common as c
from cli_common import run

SUBCOMMANDS = ["plan", "batch", "guide", "graph", "directory", "support", "holidays"]

# Japan's holidays in 2026 (Cabinet Office, 国民の祝日について).
HOLIDAYS_2026 = [
    ("2026-01-01", "元日"), ("2026-01-12", "成人の日"), ("2026-02-11", "建国記念の日"),
    ("2026-02-23", "天皇誕生日"), ("2026-03-20", "春分の日"), ("2026-04-29", "昭和の日"),
    ("2026-05-03", "憲法記念日"), ("2026-05-04", "みどりの日"), ("2026-05-05", "こどもの日"),
    ("2026-05-06", "振替休日"), ("2026-07-20", "海の日"), ("2026-08-11", "山の日"),
    ("2026-09-21", "敬老の日"), ("2026-09-22", "国民の休日"), ("2026-09-23", "秋分の日"),
    ("2026-10-12", "スポーツの日"), ("2026-11-03", "文化の日"), ("2026-11-23", "勤労感謝の日"),
]


def sample_count():
    with open(c.SAMPLE_MASTER, encoding="utf-8") as f:
        rows = [l for l in f if l.strip() and not l.startswith("#")]
    return len(rows) - 1  # the header


class HelpVersion(unittest.TestCase):
    def test_version(self):
        rc, out, _ = run(["--version"])
        self.assertEqual(rc, 0)
        want = os.environ.get("MG_VERSION")
        self.assertRegex(out, r"^mamisguide \d+\.\d+\.\d+\n$")
        if want:
            self.assertEqual(out, "mamisguide %s\n" % want)

    def test_help(self):
        rc, out, _ = run(["--help"])
        self.assertEqual(rc, 0)
        for sub in SUBCOMMANDS:
            self.assertIn(sub, out)
        for sub in SUBCOMMANDS:
            with self.subTest(sub):
                rc, out, err = run([sub, "--help"])
                self.assertEqual(rc, 0, err)
                self.assertIn("Usage:", out)
                self.assertIn(sub, out)

    def test_usage_errors(self):
        for args in [[], ["fly"], ["--bogus"], ["holidays"], ["holidays", "abc"],
                     ["graph", "--what", "everything"], ["graph", "--format", "gif"],
                     ["directory", "--lang", "fr"], ["support", "--json", "extra"]]:
            with self.subTest(args=args):
                rc, out, err = run(args)
                self.assertEqual(rc, 2, out)
                self.assertTrue(err.strip())


class Graph(unittest.TestCase):
    def test_directory_dot(self):
        rc, out, err = run(["graph"])
        self.assertEqual(rc, 0, err)
        self.assertTrue(out.startswith("digraph G {"))
        self.assertTrue(out.rstrip().endswith("}"))
        nodes = re.findall(r"^(\d+)\[label=", out, re.M)
        # The hierarchy's edges (parent -> member); the layout's invisible ones left out.
        edges = re.findall(r"^(\d+)->(\d+) \[dir=back", out, re.M)
        n = 48 + sample_count()
        self.assertEqual(len(nodes), n)
        self.assertEqual(len(edges), n - 1)  # a tree: every association but JMA has one parent
        self.assertIn('"00\\n日本医師会", shape=doubleoctagon, level=national', out)
        self.assertIn('"13\\n東京都医師会", shape=box, level=prefectural', out)
        self.assertIn('"13-chiyoda\\n千代田区医師会", shape=ellipse, level=municipal', out)
        ids = {re.search(r'label="([^\\"]+)', l).group(1): l.split("[")[0]
               for l in out.splitlines() if re.match(r"^\d+\[label=", l)}
        self.assertIn((ids["13"], ids["13-chiyoda"]), edges)
        self.assertIn((ids["00"], ids["13"]), edges)
        _, en, _ = run(["graph", "--lang", "en"])
        self.assertIn("13\\nTokyo Medical Association", en)

    def test_transitions_dot(self):
        rc, out, err = run(["graph", "--what", "transitions"])
        self.assertEqual(rc, 0, err)
        self.assertEqual(len(re.findall(r"^\d+\[label=", out, re.M)), 4)
        edges = re.findall(r'^(\d+)->(\d+) \[label="?([^"\]]+(?:\])?)"?\]', out, re.M)
        self.assertEqual(len(edges), 29)  # 12 joins/withdrawals + 11 category changes + 6
        # In the language asked for (Japanese by default).
        self.assertIn(("0", "3", "新規入会（郡市・都道府県・日医）"), edges)
        self.assertIn(("3", "2", "退会（日医）"), edges)
        self.assertIn(("2", "2", "施設変更（医師会異動）"), edges)
        self.assertIn("非会員", out)
        _, en, _ = run(["graph", "--what", "transitions", "--lang", "en"])
        edges = re.findall(r'^(\d+)->(\d+) \[label="?([^"\]]+(?:\])?)"?\]', en, re.M)
        self.assertIn(("0", "3", "join (municipal, prefectural, JMA)"), edges)
        self.assertIn(("3", "2", "withdraw (JMA)"), edges)
        self.assertIn(("2", "2", "transfer"), edges)

    def test_svg(self):
        if shutil.which("dot"):
            rc, out, err = run(["graph", "--format", "svg"])
            self.assertEqual(rc, 0, err)
            self.assertIn("<svg", out)
            self.assertIn("千代田区医師会", out)
        # Without Graphviz on PATH: a clean error.
        rc, out, err = run(["graph", "--format", "svg"], env={"PATH": "/nonexistent"})
        self.assertEqual((rc, out), (2, ""))
        self.assertIn("dot", err)
        self.assertIn("Graphviz", err)


class Directory(unittest.TestCase):
    def json_of(self, args, rc=0):
        code, out, err = run(["directory", "--json"] + args)
        self.assertEqual(code, rc, err)
        return json.loads(out)

    def test_list_all(self):
        rows = self.json_of([])
        self.assertEqual(len(rows), 48 + sample_count())
        self.assertEqual(rows[0], {"code": "00", "level": "national", "name": "日本医師会",
                                   "name_en": "Japan Medical Association", "parent": None,
                                   "categories": rows[0]["categories"]})
        self.assertEqual([x["code"] for x in rows[0]["categories"]], ["A1", "A2B", "A2C", "B", "C"])

    def test_search(self):
        self.assertEqual([r["code"] for r in self.json_of(["--code", "13-chiyoda"])], ["13-chiyoda"])
        self.assertEqual([r["code"] for r in self.json_of(["--name", "千代田"])], ["13-chiyoda"])
        self.assertEqual([r["code"] for r in self.json_of(["--name", "CHIYODA"])], ["13-chiyoda"])
        self.assertEqual([r["code"] for r in self.json_of(["--prefecture", "13"])],
                         ["13", "13-chiyoda", "13-shinjuku", "13-setagaya"])
        self.assertEqual([r["code"] for r in self.json_of(["--prefecture", "4"])], ["04", "04-sendai"])
        self.assertEqual([r["code"] for r in self.json_of(["--prefecture", "14", "--level", "municipal"])],
                         ["14-yokohama", "14-kawasaki"])
        self.assertEqual([r["code"] for r in self.json_of(["--name", "京都"])], ["13", "26"])
        self.assertEqual(self.json_of(["--code", "nope"], rc=1), [])
        rows = self.json_of(["--code", "13-chiyoda", "--categories", c.SAMPLE_CATEGORIES])
        self.assertEqual([x["code"] for x in rows[0]["categories"]], ["A", "B", "C"])

    def test_table(self):
        rc, out, err = run(["directory", "--prefecture", "13"])
        self.assertEqual(rc, 0, err)
        lines = out.splitlines()
        self.assertTrue(lines[0].startswith("コード"))
        self.assertIn("千代田区医師会", out)
        self.assertIn("Chiyoda Medical Association", out)
        self.assertEqual(lines[-1], "4 件")
        rc, out, err = run(["directory", "--name", "nothing-like-this"])
        self.assertEqual((rc, out), (1, ""))
        self.assertTrue(err.strip())
        rc, out, _ = run(["directory", "--code", "13", "--lang", "en"])
        self.assertTrue(out.startswith("code"))

    def test_bad_input(self):
        for bad in ["0", "48", "tokyo", "130"]:
            rc, out, err = run(["directory", "--prefecture", bad])
            self.assertEqual((rc, out), (2, ""))
        with tempfile.TemporaryDirectory() as d:
            m = os.path.join(d, "m.csv")
            with open(m, "w", encoding="utf-8") as f:
                f.write("code,name\n")
            rc, out, err = run(["directory", "--directory", m])
            self.assertEqual((rc, out), (2, ""))
            self.assertIn(m + ":1:", err)
            with open(m, "w", encoding="utf-8") as f:
                f.write("code,name,prefecture\n26-kyoto-city,京都市医師会,26\n")
            rows = self.json_of(["--directory", m, "--level", "municipal"])
            self.assertEqual([r["code"] for r in rows], ["26-kyoto-city"])

    def test_json_master(self):
        # rules.md §1: the master may be a JSON file; a refusal names its line.
        with tempfile.TemporaryDirectory() as d:
            m = os.path.join(d, "m.json")
            with open(m, "w", encoding="utf-8") as f:
                json.dump([{"code": "26-kyoto-city", "name": "京都市医師会", "prefecture": "26",
                            "name_en": "Kyoto City Medical Association"}], f, ensure_ascii=False)
            rows = self.json_of(["--directory", m, "--level", "municipal"])
            self.assertEqual([(r["code"], r["name"], r["name_en"], r["parent"]) for r in rows],
                             [("26-kyoto-city", "京都市医師会", "Kyoto City Medical Association", "26")])
            req = {"request": {"operation": "join", "municipal": "26-kyoto-city",
                               "levels": ["municipal"], "categories": {"municipal": "A"}}}
            rc, out, err = run(["plan", "--directory", m], json.dumps(req))
            self.assertEqual(rc, 0, err)
            self.assertEqual(json.loads(out)["checked"][0]["name"], "京都市医師会")
            with open(m, "w", encoding="utf-8") as f:
                f.write('[\n{"code": "26-a", "name": "甲", "prefecture": "26"},\n'
                        '{"code": "26-b", "name": "乙"}\n]\n')
            rc, out, err = run(["directory", "--directory", m])
            self.assertEqual((rc, out), (2, ""))
            self.assertIn(m + ":3:", err)


class Support(unittest.TestCase):
    def status(self, at, rc=0):
        code, out, err = run(["support", "--at", at, "--json"])
        self.assertEqual(code, rc, err)
        return json.loads(out) if rc == 0 else err

    def check(self, at, open_, reason, next_open, holiday=None):
        s = self.status(at)
        self.assertEqual(s["open"], open_)
        self.assertEqual(s["reason"], reason)
        self.assertEqual(s["next_open"], next_open)
        self.assertEqual(s["holiday"], holiday)
        self.assertEqual(s["phone"], "0120-110-030")
        self.assertEqual(s["mail"], "inquiry@mamis.med.or.jp")

    def test_edges(self):
        # 2026-12-01 is a Tuesday.
        self.check("2026-12-01T09:59:59+09:00", False, "after_hours", "2026-12-01T10:00:00+09:00")
        self.check("2026-12-01T10:00:00+09:00", True, "open", "2026-12-01T10:00:00+09:00")
        self.check("2026-12-01T17:59:59+09:00", True, "open", "2026-12-01T17:59:59+09:00")
        self.check("2026-12-01T18:00:00+09:00", False, "after_hours", "2026-12-02T10:00:00+09:00")
        self.check("2026-12-04T18:30:00+09:00", False, "after_hours", "2026-12-07T10:00:00+09:00")
        self.check("2026-12-05T12:00:00+09:00", False, "weekend", "2026-12-07T10:00:00+09:00")
        self.check("2026-11-23T12:00:00+09:00", False, "holiday", "2026-11-24T10:00:00+09:00",
                   "勤労感謝の日")
        self.check("2026-05-06T12:00:00+09:00", False, "holiday", "2026-05-07T10:00:00+09:00",
                   "振替休日")
        self.check("2026-12-30T11:00:00+09:00", False, "year_end", "2027-01-04T10:00:00+09:00")
        self.check("2026-12-28T18:00:00+09:00", False, "after_hours", "2027-01-04T10:00:00+09:00")
        self.check("2027-01-01T12:00:00+09:00", False, "year_end", "2027-01-04T10:00:00+09:00")

    def test_utc_and_other_offsets(self):
        # 01:00Z is 10:00 in Japan; 00:59:59Z is 09:59:59.
        self.check("2026-12-01T01:00:00Z", True, "open", "2026-12-01T10:00:00+09:00")
        self.check("2026-12-01T00:59:59Z", False, "after_hours", "2026-12-01T10:00:00+09:00")
        self.check("2026-11-30T20:00:00-05:00", True, "open", "2026-12-01T10:00:00+09:00")
        self.assertEqual(self.status("2026-12-01T01:00:00Z")["at"], "2026-12-01T10:00:00+09:00")

    def test_errors(self):
        # (Without an offset a time is Japan time: tests/cli/test_answers.py.)
        for bad in ["2026-12-01T", "tomorrow", "2026-02-30T10:00:00+09:00",
                    "2026-12-01T24:00:00+09:00", "1999-12-31T12:00:00+09:00",
                    "2100-01-01T12:00:00+09:00"]:
            with self.subTest(bad):
                code, out, err = run(["support", "--at", bad])
                self.assertEqual((code, out), (2, ""))
                self.assertTrue(err.strip())

    def test_text(self):
        rc, out, _ = run(["support", "--at", "2026-12-01T10:00:00+09:00"])
        self.assertEqual(rc, 0)
        for word in ["医師会会員情報システム運営事務局", "受付中", "0120-110-030", "inquiry@mamis.med.or.jp",
                     "火曜日"]:
            self.assertIn(word, out)
        rc, out, _ = run(["support", "--at", "2026-11-23T12:00:00+09:00", "--lang", "en"])
        for word in ["closed", "Labor Thanksgiving Day", "2026-11-24T10:00:00+09:00", "Tuesday"]:
            self.assertIn(word, out)
        rc, out, _ = run(["support"])  # now
        self.assertEqual(rc, 0)
        self.assertIn("0120-110-030", out)
        rc, out, _ = run(["support", "--json"])
        self.assertIn(json.loads(out)["reason"],
                      ["open", "after_hours", "weekend", "holiday", "year_end"])


class Holidays(unittest.TestCase):
    def test_2026(self):
        rc, out, err = run(["holidays", "2026", "--json"])
        self.assertEqual(rc, 0, err)
        got = json.loads(out)
        self.assertEqual([(h["date"], h["name"]) for h in got], HOLIDAYS_2026)
        self.assertEqual(got[0]["name_en"], "New Year's Day")
        self.assertEqual(got[9]["name_en"], "Substitute Holiday")
        rc, out, _ = run(["holidays", "2026"])
        self.assertEqual(len(out.splitlines()), len(HOLIDAYS_2026))
        self.assertIn("2026-09-22  火曜日  国民の休日", out)
        rc, out, _ = run(["holidays", "2026", "--lang", "en"])
        self.assertIn("Citizens' Holiday", out)

    def test_range(self):
        for year in ["1999", "2100", "-5"]:
            rc, out, err = run(["holidays", year])
            self.assertEqual((rc, out), (2, ""), year)
            self.assertTrue(err.strip())
        for year in ["2000", "2099"]:
            rc, out, _ = run(["holidays", year, "--json"])
            self.assertEqual(rc, 0)
            self.assertTrue(json.loads(out))


if __name__ == "__main__":
    c.main()
