# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""mamisguide guide's less travelled sides (issue 31): in English with a wrong answer at each
kind of question, an empty answer to the levels held, a prefectural name where a municipal
association is asked for, a master too large to list, a category typed freely where no
catalogue is loaded or whose label is its code, answers typed on a terminal (not echoed), and a
master that cannot be loaded."""

import json
import os
import pty
import subprocess
import tempfile
import unittest

import cli_common as c
from cli_common import run


class GuideEdges(unittest.TestCase):
    def test_english_walk_with_a_wrong_answer_at_each_question(self):
        # Join up to JMA: the municipal association empty, out of the list's numbers (0, 99 and
        # 1234, too long for one: then taken as part of codes), a prefectural one, a misspelt
        # code, matching nothing, then by name; a category out of the list's numbers (0, 99,
        # 1234) and unknown, then by number.
        answers = ("1\n1\n3\n\n0\n99\n1234\n13\n13-chyoda\nqqqqqq\nchiyoda\n0\n99\n1234\nZZ\n1\n1\n"
                   "1\n")
        rc, out, err = run(["guide", "--lang", "en", "--json", "--categories",
                            c.SAMPLE_CATEGORIES], stdin=answers)
        self.assertEqual(rc, 0, err)
        got = json.loads(out.splitlines()[-1])
        self.assertEqual([a["code"] for a in got["checked"]], ["13-chiyoda", "13", "00"])
        self.assertEqual(got["categories"], {"municipal": "A", "prefectural": "A", "national": "A1"})
        self.assertIn("  → Chiyoda Medical Association (13-chiyoda)\n", out)
        self.assertIn("Chiyoda Medical Association: member category\n", out)
        self.assertIn("1) Class A1 member — founders", out)
        self.assertIn("mamisguide: The answer is empty.\n", err)
        self.assertIn('mamisguide: Several associations match "0": enter one of these codes:\n'
                      "  Sapporo Medical Association (01-sapporo)\n", err)
        self.assertIn('mamisguide: No association matches "99"', err)
        self.assertIn('mamisguide: "13" is not a municipal association (Tokyo Medical Association '
                      '(13)): enter a municipal one.\n', err)
        self.assertIn('mamisguide: No association matches "13-chyoda": enter an association code '
                      "or part of its name.\nDid you mean:\n  Chiyoda Medical Association "
                      "(13-chiyoda)\n", err)
        self.assertIn('mamisguide: No association matches "qqqqqq": enter an association code or '
                      "part of its name.\n", err)
        self.assertIn('mamisguide: No association matches "1234"', err)
        for wrong in ("0", "99", "1234"):
            self.assertEqual(err.count('"%s" is not a category of Chiyoda Medical Association '
                                       "(13-chiyoda). Accepted:\n  A  A会員\n  B  B会員\n  C  C会員\n"
                                       % wrong), 1, err)
        self.assertIn('"ZZ" is not a category of Chiyoda Medical Association (13-chiyoda)', err)

    def test_choices_named_by_value_or_either_label(self):
        # In a Japanese session: the MyPage answer by its value in capitals, the inquiry by its
        # English label, the levels by their Japanese label (issue 31: each way names() takes).
        rc, out, err = run(["guide", "--json"],
                           stdin="YES\nNew Admission\n郡市医師会まで入会\n13-chiyoda\nA\n")
        self.assertEqual(rc, 0, err)
        got = json.loads(out.splitlines()[-1])
        self.assertEqual((got["operation"], got["selection"]), ("join", "new"))
        self.assertEqual([a["code"] for a in got["checked"]], ["13-chiyoda"])
        self.assertEqual(got["categories"], {"municipal": "A"})
        self.assertEqual(len(err.splitlines()), 1, err)  # the sample master's warning only

    def test_english_reason(self):
        rc, out, err = run(["guide", "--lang", "en", "--json"],
                           stdin="1\n3\n2\nnational\n13-chiyoda\nMoving house\n")
        self.assertEqual(rc, 0, err)
        self.assertIn("reason for the change (optional)\n  optional, empty line to skip > ", out)
        got = json.loads(out.splitlines()[-1])
        self.assertEqual((got["operation"], got["reason"]), ("change_facility", "Moving house"))

    def test_a_category_that_is_its_own_label(self):
        # A catalogue entry without a label of its own (the label is the code): listed by its
        # code alone, by the guide and by plan's refusal.
        with tempfile.TemporaryDirectory() as d:
            cats = os.path.join(d, "cats.csv")
            with open(cats, "w", encoding="utf-8") as f:
                f.write("association,code,label\n13-chiyoda,A,A会員\n13-chiyoda,Z,Z\n")
            rc, out, err = run(["guide", "--json", "--categories", cats],
                               stdin="yes\njoin\nmunicipal\n13-chiyoda\nQQ\n2\n")
            self.assertEqual(rc, 0, err)
            self.assertIn("  2) Z  [Z]\n", out)
            self.assertIn("の会員区分にありません。選択できる会員区分：\n  A  A会員\n  Z\n", err)
            self.assertEqual(json.loads(out.splitlines()[-1])["categories"], {"municipal": "Z"})
            rc, out, err = run(["plan", "join", "--to", "13-chiyoda", "--levels", "municipal",
                                "--category", "municipal=QQ", "--categories", cats])
            self.assertEqual(rc, 1, err)
            self.assertIn("unknown_category", out)
            self.assertIn("：A（A会員）、Z\n", out)

    def test_empty_answer_to_the_levels_held(self):
        base = "yes\nchange\ncategory\n"
        rc, out, err = run(["guide", "--json", "--categories", c.SAMPLE_CATEGORIES],
                           stdin=base + "\nprefectural\n13-chiyoda\nmunicipal\n2\n")
        self.assertEqual(rc, 0, err)
        self.assertEqual(err.count("mamisguide: 回答が空です。"), 1, err)
        got = json.loads(out.splitlines()[-1])
        self.assertEqual([a["code"] for a in got["checked"]], ["13-chiyoda"])
        self.assertEqual(got["categories"], {"municipal": "B"})
        self.assertEqual(got["result"]["levels"], ["municipal", "prefectural"])

    def test_a_prefectural_name_is_no_municipal_candidate(self):
        # 東京都 names only the prefectural association: no municipal association is offered.
        rc, out, err = run(["guide"], stdin="yes\nwithdraw\n1\n東京都\n")
        self.assertEqual(rc, 2, err)
        self.assertIn("「東京都」に一致する医師会がありません。", err)
        self.assertNotIn("東京都医師会（13）", err)
        self.assertNotIn("もしかして", err)

    def test_a_master_too_large_to_list(self):
        # 60 municipal associations: not listed, asked for by code; "1" is then no number but
        # part of codes, which all match: 20 are shown, then how many more.
        hint = {"ja": "コード（一覧: mamisguide directory） > ",
                "en": "code (list: mamisguide directory) > "}
        many = {"ja": "「1」に一致する医師会が複数あります。", "en": 'Several associations match "1"'}
        more = {"ja": "…ほか 40 件", "en": "40 more"}
        with tempfile.TemporaryDirectory() as d:
            m = os.path.join(d, "large.csv")
            with open(m, "w", encoding="utf-8") as f:
                f.write("code,name,prefecture,name_en\n")
                for p in (13, 14):
                    for i in range(1, 31):
                        f.write("%d-t%02d,試験%02d区医師会,%d,Test %02d\n" % (p, i, i, p, i))
            for lang in ("ja", "en"):
                with self.subTest(lang=lang):
                    rc, out, err = run(["guide", "--json", "--lang", lang, "--directory", m],
                                       stdin="1\n4\n1\n1\n14-t07\n")
                    self.assertEqual(rc, 0, err)
                    self.assertIn(hint[lang], out)
                    self.assertNotIn("1) 試験01区医師会", out)
                    self.assertIn(many[lang], err)
                    self.assertIn(more[lang], err)
                    got = json.loads(out.splitlines()[-1])
                    self.assertEqual([a["code"] for a in got["checked"]], ["14-t07"])

    def test_a_master_without_municipal_associations(self):
        # A master of the header alone: nothing to list, so the code is asked for; "1" is no
        # number of a list, 13 is prefectural; the input ends (exit 2).
        with tempfile.TemporaryDirectory() as d:
            m = os.path.join(d, "empty.csv")
            with open(m, "w", encoding="utf-8") as f:
                f.write("code,name,prefecture,name_en\n")
            rc, out, err = run(["guide", "--directory", m], stdin="yes\nwithdraw\n1\n1\n13\n")
        self.assertEqual((rc, out.count("コード（一覧: mamisguide directory） > ")), (2, 3), err + out)
        self.assertNotIn("  1) ", out[out.index("加入中の郡市区医師会のコード"):])
        self.assertIn("「1」に一致する医師会がありません。", err)
        self.assertIn("「13」は郡市区医師会ではありません（東京都医師会（13））。", err)
        self.assertIn("入力が終わったため、案内を中断しました。", err)

    def test_a_category_typed_freely_without_a_catalogue(self):
        # No catalogue for 13-chiyoda: the category is any code typed (not a number of a list),
        # only an empty answer is refused.
        hint = {"ja": "会員区分のコード（会員区分表なし） > ",
                "en": "category code (no catalogue loaded) > "}
        empty = {"ja": "mamisguide: 回答が空です。", "en": "mamisguide: The answer is empty."}
        for lang in ("ja", "en"):
            with self.subTest(lang=lang):
                rc, out, err = run(["guide", "--json", "--lang", lang],
                                   stdin="yes\njoin\nmunicipal\n13-chiyoda\n\nQ9\n")
                self.assertEqual(rc, 0, err)
                self.assertIn(hint[lang], out)
                self.assertEqual(err.count(empty[lang]), 1, err)
                got = json.loads(out.splitlines()[-1])
                self.assertEqual(got["categories"], {"municipal": "Q9"})

    def test_answers_typed_on_a_terminal_are_not_echoed(self):
        # Piped answers are echoed after their prompt, so that the output reads as a dialogue;
        # on a terminal the person's typing is already on the screen.
        answers = "yes\nwithdraw\n1\n13-chiyoda\n"
        rc, piped, err = run(["guide"], stdin=answers)
        self.assertEqual(rc, 0, err)
        self.assertIn("> 13-chiyoda\n", piped)
        master, slave = pty.openpty()
        try:
            p = subprocess.Popen([c.BIN, "guide"], stdin=slave, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
            os.close(slave)
            slave = -1
            os.write(master, answers.encode())
            try:
                out, err = p.communicate(timeout=60)
            finally:
                if p.poll() is None:
                    p.kill()
                    p.wait()
        finally:
            os.close(master)
            if slave >= 0:
                os.close(slave)
        self.assertEqual(p.returncode, 0, err)
        out = out.decode("utf-8")
        self.assertNotIn("> 13-chiyoda", out)
        self.assertNotIn("> yes", out)
        self.assertIn("☑ 千代田区医師会", out)
        # The same questions and plan, less the echoed answers.
        for a in answers.splitlines():
            piped = piped.replace("> " + a + "\n", "> ", 1)
        self.assertEqual(out[:out.index("ルール：")], piped[:piped.index("ルール：")])

    def test_bad_master(self):
        for args in (["guide"], ["graph"]):
            with self.subTest(args=args):
                rc, out, err = run(args + ["--directory", "/nonexistent/master.csv"],
                                   stdin="yes\n")
                self.assertEqual((rc, out), (2, ""), err)
                self.assertIn("/nonexistent/master.csv", err)


if __name__ == "__main__":
    c.main()
