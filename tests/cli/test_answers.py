# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Answers that help a person (issue 17), through the command line: refusals that name what
is wrong (JSON fields and text), the sample master never used silently, the support desk at
the end of every text plan, `support --at` in Japan time, a Japanese line after CLI11's usage
errors."""

import json
import os
import re
import tempfile
import unittest

import cli_common as c

MEMBER3 = {"municipal": "13-chiyoda", "levels": ["municipal", "prefectural", "national"],
           "categories": {"municipal": "A", "prefectural": "A", "national": "A1"}}


def own_master():
    """A master the user names (the sample's rows plus Osaka), as a temporary file."""
    with open(c.SAMPLE_MASTER, encoding="utf-8") as f:
        text = f.read()
    text += "27-osaka,大阪市医師会,27,Osaka City Medical Association\n"
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    return path


class Refusals(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.master = own_master()

    @classmethod
    def tearDownClass(cls):
        os.unlink(cls.master)

    def respond(self, doc, *extra):
        rc, out, err = c.run(["plan", "--directory", self.master] + list(extra),
                             stdin=json.dumps(doc, ensure_ascii=False))
        self.assertEqual(rc, 1, err)
        obj = json.loads(out)
        c.check_response(self, obj)
        return obj["error"]

    def test_category_required_names_osaka(self):
        e = self.respond({"member": MEMBER3, "request": {"operation": "transfer", "municipal": "27-osaka",
                                                         "categories": {"municipal": "X"}}})
        self.assertEqual(e["code"], "category_required")
        self.assertIn("大阪府医師会", e["message"])
        self.assertEqual(e["associations"], [{"level": "prefectural", "code": "27", "name": "大阪府医師会"}])
        self.assertEqual(e["levels"], ["prefectural"])
        # As text, with flags.
        rc, out, err = c.run(["plan", "transfer", "--directory", self.master, "--held", "all",
                              "--municipal", "13-chiyoda", "--to", "27-osaka", "--category", "municipal=X"])
        self.assertEqual(rc, 1)
        self.assertIn("大阪府医師会（都道府県医師会・27）の会員区分を選択してください。", out)

    def test_unknown_category_allowed(self):
        e = self.respond({"request": {"operation": "join", "municipal": "13-chiyoda",
                                      "levels": ["municipal", "prefectural", "national"],
                                      "categories": {"municipal": "A", "prefectural": "A", "national": "A3"}}})
        self.assertEqual(e["code"], "unknown_category")
        self.assertEqual([a["code"] for a in e["allowed"]], ["A1", "A2B", "A2C", "B", "C"])
        self.assertEqual(e["value"], "A3")
        rc, out, err = c.run(["plan", "join", "--directory", self.master, "--to", "13-chiyoda",
                              "--levels", "municipal,prefectural,national", "--category", "municipal=A",
                              "--category", "prefectural=A", "--category", "national=A3", "--lang", "en"])
        self.assertEqual(rc, 1)
        self.assertIn('Category "A3" is not in the catalogue of Japan Medical Association (00).', out)
        self.assertIn("Categories accepted: A1 (Class A1 member), A2B", out)

    def test_category_unchanged(self):
        e = self.respond({"member": MEMBER3, "request": {"operation": "change_category",
                                                         "categories": {"national": "A1"}}})
        self.assertEqual(e["code"], "category_unchanged")
        self.assertEqual(e["associations"][0]["code"], "00")
        self.assertIn("日本医師会（00）", e["message"])

    def test_invalid_request_paths_and_position(self):
        e = self.respond({"request": {"operation": "join", "colour": "red"}})
        self.assertEqual(e["field"], "request.colour")
        self.assertIn("request.colour", e["message"])
        e = self.respond({"member": {"municipal": "13-chiyoda", "levels": ["municipal", "bogus"]},
                          "request": {"operation": "withdraw", "levels": ["municipal"]}})
        self.assertEqual(e["field"], "member.levels[1]")
        rc, out, err = c.run(["plan", "--directory", self.master], stdin='{"request":\n {"operation" "join"}}')
        self.assertEqual(rc, 1)
        e = json.loads(out)["error"]
        self.assertEqual(e["position"], {"line": 2, "column": 15})
        self.assertIn("2 行 15 文字目", e["message"])

    def test_unknown_association_candidates(self):
        e = self.respond({"request": {"operation": "join", "municipal": "13-chiyod", "levels": ["municipal"]}})
        self.assertEqual(e["candidates"][0], {"code": "13-chiyoda", "name": "千代田区医師会", "level": "municipal"})
        rc, out, err = c.run(["plan", "join", "--directory", self.master, "--to", "千代田",
                              "--levels", "municipal", "--category", "municipal=A"])
        self.assertEqual(rc, 1)
        self.assertIn("医師会コード「千代田」は登録されていません。", out)
        self.assertIn("もしかして：13-chiyoda（千代田区医師会）", out)

    def test_invalid_state_and_levels(self):
        e = self.respond({"member": {"municipal": "13-chiyoda", "prefectural": "14",
                                     "levels": ["municipal", "prefectural"]},
                          "request": {"operation": "withdraw", "levels": ["prefectural"]}})
        self.assertEqual((e["code"], e["field"], e["problem"]), ("invalid_state", "member.prefectural", "prefectural_mismatch"))
        e = self.respond({"member": {"municipal": "13-chiyoda", "levels": ["municipal"]},
                          "request": {"operation": "withdraw", "levels": ["national"]}, "lang": "en"})
        self.assertEqual(e["levels"], ["national"])
        self.assertEqual(e["message"], "The member does not hold: Japan Medical Association.")
        e = self.respond({"member": MEMBER3, "request": {"operation": "additional_join", "levels": ["national"],
                                                         "categories": {"national": "A1"}}})
        self.assertEqual(e["code"], "level_already_held")
        self.assertIn("日本医師会", e["message"])

    def test_batch_too(self):
        lines = "\n".join([
            json.dumps({"request": {"operation": "join", "municipal": "13-chiyod", "levels": ["municipal"]}}),
            '{"request": {"operation": "join",, }}',
        ]) + "\n"
        rc, out, err = c.run(["batch", "--directory", self.master], stdin=lines)
        self.assertEqual(rc, 0, err)
        first, second = [json.loads(x) for x in out.splitlines()]
        self.assertEqual(first["line"], 1)
        self.assertEqual(first["error"]["candidates"][0]["code"], "13-chiyoda")
        self.assertEqual(second["error"]["position"]["line"], 1)


JOIN = ["plan", "join", "--to", "13-chiyoda", "--levels", "municipal", "--category", "municipal=A"]
JOIN_JSON = json.dumps({"request": {"operation": "join", "municipal": "13-chiyoda", "levels": ["municipal"],
                                    "categories": {"municipal": "A"}}})


class SampleMaster(unittest.TestCase):
    def env_without_master(self):
        env = dict(os.environ)
        env.pop("MAMISGUIDE_DIRECTORY", None)
        return env

    def run_clean(self, args, stdin=None, extra_env=None):
        # cli_common.run merges into os.environ: make sure the variable is unset unless given.
        saved = os.environ.pop("MAMISGUIDE_DIRECTORY", None)
        try:
            return c.run(args, stdin=stdin, env=extra_env)
        finally:
            if saved is not None:
                os.environ["MAMISGUIDE_DIRECTORY"] = saved

    def test_sample_is_noted_and_warned(self):
        rc, out, err = self.run_clean(["plan"], stdin=JOIN_JSON)
        self.assertEqual(rc, 0, err)
        notes = json.loads(out)["notes"]
        self.assertEqual(notes[-1]["kind"], "sample_directory")
        self.assertEqual(notes[-1]["levels"], [])
        self.assertIn("サンプル", notes[-1]["text"])
        self.assertEqual(err.count("サンプル"), 1, err)  # warned once
        # The text plan says so; --json of flags carries the note.
        rc, out, err = self.run_clean(JOIN)
        self.assertEqual(rc, 0, err)
        self.assertTrue(out.startswith("※ 同梱のサンプル医師会マスター"), out[:80])
        rc, out, err = self.run_clean(JOIN + ["--json", "--lang", "en"])
        self.assertEqual(json.loads(out)["notes"][-1]["kind"], "sample_directory")
        self.assertIn("sample master", err)
        # Every line of a batch.
        rc, out, err = self.run_clean(["batch"], stdin=JOIN_JSON + "\n" + JOIN_JSON + "\n")
        self.assertEqual([json.loads(x)["notes"][-1]["kind"] for x in out.splitlines()],
                         ["sample_directory"] * 2)
        self.assertEqual(err.count("サンプル"), 1, err)

    def test_own_master_has_no_note(self):
        for how in ("flag", "env"):
            args = ["plan"] + (["--directory", c.SAMPLE_MASTER] if how == "flag" else [])
            env = {"MAMISGUIDE_DIRECTORY": c.SAMPLE_MASTER} if how == "env" else None
            rc, out, err = self.run_clean(args, stdin=JOIN_JSON, extra_env=env)
            self.assertEqual(rc, 0, err)
            self.assertNotIn("sample_directory", out)
            self.assertEqual(err, "")
            rc, out, err = self.run_clean(JOIN[:1] + JOIN[1:] + (["--directory", c.SAMPLE_MASTER] if how == "flag" else []),
                                          extra_env=env)
            self.assertNotIn("サンプル", out)
        # The variable naming a file that does not load is an error, not the sample.
        rc, out, err = self.run_clean(["plan"], stdin=JOIN_JSON, extra_env={"MAMISGUIDE_DIRECTORY": "/nonexistent.csv"})
        self.assertEqual(rc, 2)
        self.assertIn("nonexistent", err)


class Desk(unittest.TestCase):
    DESK = re.compile(r"困ったときの問い合わせ先：医師会会員情報システム運営事務局\n"
                      r"  電話：0120-110-030  メール：inquiry@mamis.med.or.jp\n"
                      r"  受付時間：[^\n]+\n"
                      r"  現在：(受付中|受付していません（[^\n]+）、次の受付開始：\d{4}-\d\d-\d\dT10:00:00\+09:00（[^）]+）)\n$")

    def test_every_text_plan_ends_with_the_desk(self):
        plans = [
            JOIN,
            ["plan", "withdraw", "--held", "all", "--municipal", "13-chiyoda", "--levels", "national"],
            ["plan", "change_facility", "--held", "municipal", "--municipal", "13-chiyoda", "--mypage", "unknown"],
            ["plan", "transfer", "--held", "all", "--municipal", "13-chiyoda", "--to", "14-yokohama",
             "--category", "municipal=Y", "--category", "prefectural=K", "--proxy"],
            ["plan", "additional_join", "--held", "municipal", "--municipal", "13-chiyoda", "--levels",
             "prefectural", "--category", "prefectural=A"],
            ["plan", "change_category", "--held", "all", "--municipal", "13-chiyoda",
             "--current-category", "national=A1", "--category", "national=A2B"],
        ]
        for args in plans:
            rc, out, err = c.run(args + ["--directory", c.SAMPLE_MASTER])
            self.assertEqual(rc, 0, (args, err))
            self.assertRegex(out, self.DESK)
            rc, out, err = c.run(args + ["--directory", c.SAMPLE_MASTER, "--lang", "en"])
            self.assertRegex(out, r"If you need help: [^\n]+\n  Phone: 0120-110-030  Mail: inquiry@mamis.med.or.jp\n"
                                  r"  Hours: [^\n]+\n  Now: (open|closed \([^\n]+\), opens next: [^\n]+)\n$")


class SupportAt(unittest.TestCase):
    def support(self, at):
        rc, out, err = c.run(["support", "--at", at, "--json"])
        self.assertEqual(rc, 0, err)
        return json.loads(out)

    def test_no_offset_is_japan_time(self):
        s = self.support("2026-05-04T11:00")  # みどりの日
        self.assertEqual(s["at"], "2026-05-04T11:00:00+09:00")
        self.assertFalse(s["open"])
        self.assertEqual(s["reason"], "holiday")
        self.assertEqual(self.support("2026-05-07T11:00:00")["at"], "2026-05-07T11:00:00+09:00")
        self.assertTrue(self.support("2026-05-07 17:59")["open"])
        self.assertEqual(self.support("2026-05-07T02:00Z")["at"], "2026-05-07T11:00:00+09:00")

    def test_bare_date_is_ten_oclock(self):
        s = self.support("2026-05-07")
        self.assertEqual(s["at"], "2026-05-07T10:00:00+09:00")
        self.assertTrue(s["open"])

    def test_still_refused(self):
        for bad in ("2026-05-07T", "2026-02-30", "tomorrow", "2026-05-07T25:00"):
            rc, out, err = c.run(["support", "--at", bad])
            self.assertEqual(rc, 2, bad)
            self.assertIn("--at", err)


class UsageErrors(unittest.TestCase):
    def test_japanese_line_after_cli11(self):
        rc, out, err = c.run(["plan", "--bogus"])
        self.assertEqual(rc, 2)
        lines = err.strip().splitlines()
        self.assertTrue(any("--bogus" in x for x in lines[:-1]), err)  # CLI11's own message first
        self.assertIn("不明な引数があります。", lines[-1])
        self.assertIn("mamisguide --help", lines[-1])
        rc, out, err = c.run(["graph", "--format", "gif"])
        self.assertEqual(rc, 2)
        self.assertIn("オプションの値が正しくありません。", err.strip().splitlines()[-1])
        rc, out, err = c.run([])
        self.assertEqual(rc, 2)
        self.assertIn("必須のオプションまたはサブコマンドが指定されていません。", err)

    def test_not_in_english_mode(self):
        rc, out, err = c.run(["plan", "--bogus", "--lang", "en"])
        self.assertEqual(rc, 2)
        self.assertNotRegex(err, r"[\u3040-\u30ff]")
        rc, out, err = c.run(["--help"])
        self.assertEqual(rc, 0)
        self.assertEqual(err, "")


if __name__ == "__main__":
    c.main()
