# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""mamisguide plan: JSON on standard input and --request FILE, the flags, the person's text,
--lang, the exit statuses."""

import json
import os
import shlex
import tempfile
import unittest

import cli_common as c
from cli_common import run

# (name, kwargs of flags_and_json, extra options for both paths, expected ok)
CASES = [
    ("withdraw_national", dict(op="withdraw", held="all", municipal="13-chiyoda", levels=["national"]), [], True),
    ("withdraw_all", dict(op="withdraw", held="all", municipal="13-chiyoda",
                          levels=["municipal", "prefectural", "national"]), [], True),
    ("withdraw_illegal", dict(op="withdraw", held="all", municipal="13-chiyoda", levels=["municipal"]), [], False),
    ("withdraw_cascade", dict(op="withdraw", held="prefectural", municipal="13-chiyoda",
                              levels=["municipal"], cascade=True), [], True),
    ("join_three", dict(op="join", to="14-yokohama", levels=["municipal", "prefectural", "national"],
                        categories={"municipal": "A", "prefectural": "A", "national": "A2B"}), [], True),
    ("join_catalogue", dict(op="join", to="13-chiyoda", levels=["municipal", "prefectural"],
                            categories={"municipal": "C", "prefectural": "B"}),
     ["--categories", "SAMPLE_CATEGORIES"], True),
    ("join_unknown_category", dict(op="join", to="13-chiyoda", levels=["municipal"],
                                   categories={"municipal": "Z"}),
     ["--categories", "SAMPLE_CATEGORIES"], False),
    ("join_member", dict(op="join", held="municipal", municipal="13-chiyoda", to="13-chiyoda",
                         levels=["municipal", "prefectural"], categories={"prefectural": "A"}), [], False),
    ("additional", dict(op="additional_join", held="municipal", municipal="04-sendai",
                        levels=["prefectural", "national"],
                        categories={"prefectural": "A", "national": "A2C"}, mypage="no"), [], True),
    ("change_category", dict(op="change_category", held="all", municipal="23-nagoya",
                             categories={"national": "A1"}, current={"national": "A2B"},
                             mypage="unknown"), [], True),
    ("category_unchanged", dict(op="change_category", held="all", municipal="23-nagoya",
                                categories={"national": "A1"}, current={"national": "A1"}), [], False),
    ("change_facility", dict(op="change_facility", held="prefectural", municipal="28-kobe",
                             reason="勤務先の変更", proxy=True), [], True),
    ("transfer_across", dict(op="transfer", held="all", municipal="13-chiyoda", to="40-fukuoka",
                             categories={"municipal": "A", "prefectural": "B"}, reason="転居"), [], True),
    ("transfer_within", dict(op="transfer", held="all", municipal="13-chiyoda", to="13-setagaya",
                             categories={"municipal": "A"}, lang="en"), [], True),
    ("transfer_same", dict(op="transfer", held="all", municipal="13-chiyoda", to="13-chiyoda"), [], False),
    ("unknown_association", dict(op="withdraw", held="municipal", municipal="99-nowhere",
                                 levels=["municipal"]), [], False),
    ("invalid_state", dict(op="withdraw", held="prefectural,national", municipal="13-chiyoda",
                           levels=["national"]), [], False),
    ("not_a_member", dict(op="withdraw", levels=["municipal"], lang="en"), [], False),
]


def extra(opts):
    return [c.SAMPLE_CATEGORIES if o == "SAMPLE_CATEGORIES" else o for o in opts]


class PlanJson(unittest.TestCase):
    def test_stdin_request_file_and_flags_agree(self):
        """For every case: stdin JSON == --request FILE == flags --json, and the exit status."""
        for name, kw, opts, ok in CASES:
            with self.subTest(name):
                args, doc = c.flags_and_json(**kw)
                rc1, out1, err1 = run(["plan"] + extra(opts), stdin=doc)
                self.assertEqual(rc1, 0 if ok else 1, err1)
                self.assertTrue(out1.endswith("\n"))
                self.assertEqual(out1.count("\n"), 1)
                obj = json.loads(out1)
                c.check_response(self, obj)
                self.assertEqual(obj["ok"], ok)
                with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False,
                                                 encoding="utf-8") as f:
                    f.write(doc)
                try:
                    rc2, out2, _ = run(["plan", "--request", f.name] + extra(opts))
                finally:
                    os.unlink(f.name)
                self.assertEqual((rc2, out2), (rc1, out1))
                rc3, out3, err3 = run(args + ["--json"] + extra(opts))
                self.assertEqual(rc3, rc1, err3)
                self.assertEqual(out3, out1)
                # The person's text has the same exit status.
                rc4, out4, err4 = run(args + extra(opts))
                self.assertEqual(rc4, rc1, err4)
                self.assertTrue(out4.strip())

    def test_request_dash_is_stdin(self):
        args, doc = c.flags_and_json(**CASES[0][1])
        self.assertEqual(run(["plan", "--request", "-"], stdin=doc), run(["plan"], stdin=doc))

    def test_invalid_json_is_a_refusal(self):
        for text in ["garbage", "", "[]", '{"request":{"operation":"fly"}}',
                     '{"request":{"operation":"join"},"typo":1}', b"\xff\xfe"]:
            with self.subTest(text=text):
                rc, out, _ = run(["plan"], stdin=text)
                self.assertEqual(rc, 1)
                obj = json.loads(out)
                c.check_response(self, obj)
                self.assertEqual(obj["error"]["code"], "invalid_request")

    def test_oversized_request(self):
        doc = '{"request":{"operation":"join","reason":"' + "x" * (1 << 21) + '"}}'
        rc, out, _ = run(["plan"], stdin=doc)
        self.assertEqual(rc, 1)
        self.assertEqual(json.loads(out)["error"]["code"], "invalid_request")

    def test_lang_switches_text_not_codes(self):
        for name, kw, opts, ok in CASES:
            with self.subTest(name):
                kw = dict(kw, lang=None)
                args, _ = c.flags_and_json(**kw)
                _, ja, _ = run(args + ["--json"] + extra(opts))
                _, en, _ = run(args + ["--json", "--lang", "en"] + extra(opts))
                ja, en = json.loads(ja), json.loads(en)
                if ok:
                    for k in ("operation", "form", "selection", "categories", "actor", "result",
                              "rule"):
                        self.assertEqual(ja[k], en[k], k)
                    self.assertEqual([(a["level"], a["code"]) for a in ja["checked"]],
                                     [(a["level"], a["code"]) for a in en["checked"]])
                    self.assertNotEqual(ja["steps"], en["steps"])
                    self.assertNotEqual(ja["form_label"], en["form_label"])
                else:
                    self.assertEqual(ja["error"]["code"], en["error"]["code"])
                    self.assertEqual(ja["error"].get("suggestion"), en["error"].get("suggestion"))
                    self.assertNotEqual(ja["error"]["message"], en["error"]["message"])


class PlanText(unittest.TestCase):
    def text(self, args, rc=0):
        code, out, err = run(["plan"] + args)
        self.assertEqual(code, rc, err)
        return out

    def test_withdraw_national(self):
        out = self.text(["withdraw", "--held", "all", "--municipal", "13-chiyoda", "--levels", "national"])
        for word in ["［退会届］をクリック", "① マイページにログイン", "② ［退会届］をクリック",
                     "③ 退会する医師会にチェックを入れて申請", "「MAMIS 操作マニュアル（退会届）」",
                     "☑ 日本医師会", "日本医師会のみ退会（郡市・都道府県は継続）",
                     "日本医師会のみにチェックを入れて申請", "千代田区医師会（13-chiyoda）",
                     "東京都医師会（13）", "マイページあり", "withdraw.top_of_chain"]:
            self.assertIn(word, out)
        self.assertNotIn("☑ 千代田区医師会", out)

    def test_withdraw_everything_ticks_the_names(self):
        out = self.text(["withdraw", "--held", "all", "--municipal", "13-chiyoda", "--levels",
                         "municipal,prefectural,national"])
        for word in ["☑ 千代田区医師会", "☑ 東京都医師会", "☑ 日本医師会", "完全退会",
                     "非会員"]:
            self.assertIn(word, out)

    def test_join_steps_categories_and_result(self):
        out = self.text(["join", "--to", "13-chiyoda", "--levels", "municipal,prefectural,national",
                         "--category", "municipal=A", "--category", "prefectural=B",
                         "--category", "national=A2B", "--categories", c.SAMPLE_CATEGORIES])
        for word in ["［入会届］をクリック", "④ 会員区分を選択する", "新規入会",
                     "「MAMIS 操作マニュアル（入会届）」", "☑ 千代田区医師会", "☑ 東京都医師会",
                     "A2B（A②会員(B)）", "B（B会員）", "会員区分 A2B"]:
            self.assertIn(word, out)

    def test_additional_join_box(self):
        out = self.text(["additional_join", "--held", "prefectural", "--municipal", "14-kawasaki",
                         "--levels", "national", "--category", "national=C"])
        for word in ["③ 「新規入会」ボックスの右隣にある", "④ ［追加入会］ボックスをクリック",
                     "⑤ 日本医師会を選択し会員区分を選んで申請", "C（C会員）"]:
            self.assertIn(word, out)

    def test_mypage_unknown_shows_both_checks_and_the_desk(self):
        out = self.text(["withdraw", "--held", "municipal", "--municipal", "13-chiyoda",
                         "--levels", "municipal", "--mypage", "unknown"])
        for word in ["初期ログインで確認する", "会員情報検索で確認する", "0120-110-030",
                     "inquiry@mamis.med.or.jp", "医師会会員情報システム運営事務局",
                     "平日 10:00～18:00"]:
            self.assertIn(word, out)

    def test_mypage_no_registers_first(self):
        out = self.text(["withdraw", "--held", "municipal", "--municipal", "13-chiyoda",
                         "--levels", "municipal", "--mypage", "no"])
        self.assertIn("利用者登録", out)
        self.assertIn("「MAMIS操作マニュアル（利用者登録）」", out)

    def test_proxy_and_transfer_notes(self):
        out = self.text(["transfer", "--held", "all", "--municipal", "13-chiyoda", "--to",
                         "40-fukuoka", "--category", "municipal=A", "--category", "prefectural=B",
                         "--proxy", "--reason", "転居"])
        for word in ["「MAMIS 操作マニュアル（医師会事務局による代理申請入力）」",
                     "医師会事務局（代理申請）", "異動先医師会を検索・選択し", "☑ 福岡市医師会",
                     "☑ 福岡県医師会", "異動事由：転居", "日本医師会の会員資格は継続します。"]:
            self.assertIn(word, out)

    def test_english(self):
        out = self.text(["withdraw", "--held", "all", "--municipal", "13-chiyoda", "--levels",
                         "national", "--lang", "en"])
        for word in ["Click [Withdrawal form]", "①", "Japan Medical Association",
                     "Chiyoda Medical Association (13-chiyoda)", "withdraw.top_of_chain"]:
            self.assertIn(word, out)
        self.assertNotIn("退会する医師会にチェック", out)

    def test_refusal_suggests_a_command_that_works(self):
        for args in [["withdraw", "--held", "all", "--municipal", "13-chiyoda", "--levels", "municipal"],
                     ["transfer", "--held", "all", "--municipal", "13-chiyoda", "--to", "13-chiyoda",
                      "--reason", "建て替え 中"],
                     ["withdraw", "--held", "prefectural", "--municipal", "13-chiyoda", "--levels",
                      "municipal", "--lang", "en"],
                     # The member's current categories go into the suggested command too.
                     ["transfer", "--held", "all", "--municipal", "13-chiyoda", "--to", "13-chiyoda",
                      "--current-category", "national=A1", "--current-category", "municipal=B",
                      "--categories", c.SAMPLE_CATEGORIES]]:
            with self.subTest(args=args):
                out = self.text(args, rc=1)
                lines = [l.strip() for l in out.splitlines() if l.strip().startswith("mamisguide plan")]
                self.assertEqual(len(lines), 1, out)
                self.assertRegex(out, r"(illegal_levels|same_association)")
                suggested = shlex.split(lines[0])[1:]
                if "--current-category" in args:
                    # In the levels' order (municipal first), whatever the order given.
                    self.assertEqual(suggested[suggested.index("--current-category"):],
                                     ["--current-category", "municipal=B",
                                      "--current-category", "national=A1"])
                    self.assertEqual(suggested[:2], ["plan", "change_facility"])
                rc, text, err = run(suggested)
                self.assertEqual(rc, 0, err)

    def test_no_personal_data_is_asked_for(self):
        _, out, _ = run(["plan", "--help"])
        self.assertNotIn("birth", out.lower())
        self.assertNotIn("registration number", out.lower())


class PlanUsage(unittest.TestCase):
    def check2(self, args, stdin=None, message=None):
        rc, out, err = run(args, stdin=stdin)
        self.assertEqual(rc, 2, (out, err))
        self.assertEqual(out, "")
        self.assertTrue(err.strip())
        if message:
            self.assertIn(message, err)

    def test_bad_usage(self):
        self.check2(["plan", "fly"])
        self.check2(["plan", "withdraw", "--bogus"])
        self.check2(["plan", "withdraw", "--held", "some"], message="--held")
        self.check2(["plan", "withdraw", "--levels", "municipal,town"], message="town")
        self.check2(["plan", "withdraw", "--levels", "national,national"], message="twice")
        self.check2(["plan", "join", "--category", "A"], message="LEVEL=CODE")
        self.check2(["plan", "join", "--category", "town=A"], message="LEVEL=CODE")
        self.check2(["plan", "join", "--category", "municipal=A", "--category", "municipal=B"],
                    message="--category: level 'municipal' given twice")
        # An option without its value: CLI11's message, then what it means.
        self.check2(["plan", "withdraw", "--held"], message="オプションの値の数が正しくありません。")
        self.check2(["plan", "join", "--mypage", "maybe"])
        self.check2(["plan", "--held", "all"], stdin="{}", message="OPERATION")
        self.check2(["plan", "--lang", "en"], stdin="{}", message="lang")
        self.check2(["plan", "withdraw", "--request", c.SAMPLE_MASTER], message="--request")
        self.check2(["plan", "--request", "/nonexistent/request.json"], message="/nonexistent/request.json")

    def test_unreadable_or_broken_master(self):
        self.check2(["plan", "withdraw", "--directory", "/nonexistent/master.csv"],
                    message="/nonexistent/master.csv")
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.csv")
            with open(bad, "w", encoding="utf-8") as f:
                f.write("code,name,prefecture\n13-a,Ａ医師会,13\n13-b,Ｂ医師会,99\n")
            self.check2(["plan", "withdraw", "--directory", bad], message=bad + ":3:")
            rc, out, err = run(["plan", "withdraw", "--directory", bad, "--lang", "en"])
            self.assertEqual(rc, 2)
            self.assertIn("unknown prefecture", err)
            cats = os.path.join(d, "cats.csv")
            with open(cats, "w", encoding="utf-8") as f:
                f.write("association,code,label\nnowhere,A,A\n")
            self.check2(["plan", "withdraw", "--categories", cats], message=cats + ":2:")

    def test_own_master_replaces_the_sample(self):
        with tempfile.TemporaryDirectory() as d:
            m = os.path.join(d, "m.csv")
            with open(m, "w", encoding="utf-8") as f:
                f.write("code,name,prefecture\n26-kyoto-city,京都市医師会,26\n")
            rc, out, _ = run(["plan", "withdraw", "--held", "municipal", "--municipal",
                              "26-kyoto-city", "--levels", "municipal", "--directory", m, "--json"])
            self.assertEqual(rc, 0)
            self.assertEqual(json.loads(out)["checked"][0]["name"], "京都市医師会")
            rc, out, _ = run(["plan", "withdraw", "--held", "municipal", "--municipal",
                              "13-chiyoda", "--levels", "municipal", "--directory", m, "--json"])
            self.assertEqual(rc, 1)
            self.assertEqual(json.loads(out)["error"]["code"], "unknown_association")


if __name__ == "__main__":
    c.main()
