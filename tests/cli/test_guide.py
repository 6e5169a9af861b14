# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""mamisguide guide, driven by piped answers: every branch of STEP 1 × every leaf of STEP 2
(enumerated from the guide itself, `guide --tree`) ends in a plan, equal to what `plan` gives
for the same request; invalid answers and the end of the input exit 2."""

import json
import os
import re
import tempfile
import unittest

import cli_common as c
from cli_common import run

LEVELS = c.LEVELS

# The sample catalogues (data/sample-categories.csv) know 13 and 13-chiyoda; answering "2"
# picks their second entry, JMA's second (A2B), or, where no catalogue is loaded, the code "2".
SECOND = {"13-chiyoda": "B", "13": "B", "00": "A2B"}
FORM_CLICK = {"join": "［入会届］をクリック", "additional_join": "［入会届］をクリック",
              "change_category": "［異動届］をクリック", "change_facility": "［異動届］をクリック",
              "transfer": "［異動届］をクリック", "withdraw": "［退会届］をクリック"}
MANUAL = {"join": "「MAMIS 操作マニュアル（入会届）」", "additional_join": "「MAMIS 操作マニュアル（入会届）」",
          "change_category": "「MAMIS 操作マニュアル（異動届）」",
          "change_facility": "「MAMIS 操作マニュアル（異動届）」",
          "transfer": "「MAMIS 操作マニュアル（異動届）」",
          "withdraw": "「MAMIS 操作マニュアル（退会届）」"}
CHAIN = {"13-chiyoda": ["13-chiyoda", "13", "00"], "40-fukuoka": ["40-fukuoka", "40", "00"]}


def guide_tree():
    rc, out, err = run(["guide", "--tree"])
    assert rc == 0, err
    tree = json.loads(out)
    return tree["root"], {n["id"]: n for n in tree["nodes"]}


def paths(nodes, node_id, prefix=()):
    """Every path from `node_id` to a leaf: [(answers, leaf)], answers as (value, number)."""
    n = nodes[node_id]
    if "answers" not in n:
        return [(list(prefix), n)]
    out = []
    for i, a in enumerate(n["answers"], 1):
        out += paths(nodes, a["next"], prefix + ((a["value"], str(i)),))
    return out


FULL_WIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")


def script(path, leaf, messy=False):
    """The answers for one walk and the equivalent `plan` flags. `messy`: every answer but the
    optional reason follows a wrong one (which the guide explains and asks again), and digits
    are typed full-width, as a Japanese input method types them."""
    answers = []

    def add(answer, wrong="zzz"):
        if messy:
            if wrong is not None:
                answers.append(wrong)
            answer = answer.translate(FULL_WIDTH)
        answers.append(answer)

    for k, (v, num) in enumerate(path):
        add(v if k % 2 == 0 else num)
    mypage = path[0][0]
    op = leaf["request"]["operation"]
    levels = list(leaf["request"].get("levels", []))
    held = leaf.get("member_levels")
    municipal = None
    to = None
    reason = None
    cats = {}
    for inp in leaf["inputs"]:
        field = inp["field"]
        if field == "member.levels":
            add("national")  # the member holds all three levels
            held = LEVELS[:]
        elif field == "member.municipal":
            add("13-chiyoda")
            municipal = "13-chiyoda"
        elif field == "request.municipal":
            to = "40-fukuoka" if op == "transfer" else "13-chiyoda"
            add(to)
        elif field == "request.levels":
            add("municipal,3")  # numbers and values may be mixed
            levels = ["municipal", "national"]
        elif field == "request.categories":
            if op == "transfer":
                need = ["municipal", "prefectural"]  # across prefectures, holding both
                chain = CHAIN[to]
            else:
                need = levels
                chain = CHAIN[to or municipal]
            for lv in need:
                code = chain[LEVELS.index(lv)]
                # Where no catalogue is loaded any code is taken: the wrong answer is empty.
                add("2", "zzz" if code in SECOND else "")
                cats[lv] = SECOND.get(code, "2")
        elif field == "request.reason":
            add("転居", None)  # free text: no wrong answer
            reason = "転居"
        else:
            raise AssertionError("unknown input " + field)
    held_flag = {0: "none", 1: "municipal", 2: "prefectural", 3: "all"}[len(held or [])]
    args, _ = c.flags_and_json(op, held=held_flag, municipal=municipal, to=to,
                               levels=levels if op in ("join", "additional_join", "withdraw",
                                                       "change_category") else None,
                               categories=cats, mypage=mypage, reason=reason)
    return "\n".join(answers) + "\n", args, op, mypage


class Guide(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root, cls.nodes = guide_tree()
        cls.walks = paths(cls.nodes, cls.root)

    def test_every_leaf_is_walked(self):
        leaves = {n["id"] for n in self.nodes.values() if "answers" not in n}
        self.assertEqual(len(leaves), 15)
        self.assertEqual({leaf["id"] for _, leaf in self.walks}, leaves)
        self.assertEqual(len(self.walks), 3 * 15)  # STEP 1's three answers lead to each leaf

    def test_every_walk_ends_in_the_plan(self):
        opts = ["--categories", c.SAMPLE_CATEGORIES]
        for path, leaf in self.walks:
            answers, args, op, mypage = script(path, leaf)
            with self.subTest(leaf=leaf["id"], mypage=mypage):
                rc, out, err = run(["guide", "--json"] + opts, stdin=answers)
                self.assertEqual(rc, 0, err + out)
                got = json.loads(out.splitlines()[-1])
                c.check_response(self, got)
                rc2, expect, err2 = run(args + ["--json"] + opts)
                self.assertEqual(rc2, 0, err2)
                self.assertEqual(got, json.loads(expect))

                rc, text, err = run(["guide"] + opts, stdin=answers)
                self.assertEqual(rc, 0, err)
                plan_text = text[text.index("── 案内 ──"):]
                for word in ["【STEP 1】", "【STEP 2】", "① マイページにログイン", "② " + FORM_CLICK[op],
                             MANUAL[op], leaf["title"]]:
                    self.assertIn(word, plan_text)
                for a in got["checked"]:
                    self.assertIn("☑ " + a["name"], plan_text)
                if mypage == "unknown":
                    self.assertIn("初期ログインで確認する", plan_text)
                    self.assertIn("会員情報検索で確認する", plan_text)
                    self.assertIn("0120-110-030", plan_text)
                elif mypage == "no":
                    self.assertIn("利用者登録をする", plan_text)
                else:
                    self.assertIn("マイページあり", plan_text)
                # The questions come from the guide's own data.
                self.assertIn(self.nodes["step1"]["title"], text)
                self.assertIn(self.nodes["step2"]["title"], text)

    def test_wrong_answers_at_every_prompt(self):
        """Every walk again, each answer after a wrong one, digits full-width: the same plan
        as `plan`, and a why for each wrong answer."""
        opts = ["--categories", c.SAMPLE_CATEGORIES]
        for path, leaf in self.walks:
            answers, args, op, mypage = script(path, leaf, messy=True)
            with self.subTest(leaf=leaf["id"], mypage=mypage):
                rc, out, err = run(["guide", "--json"] + opts, stdin=answers)
                self.assertEqual(rc, 0, err + out)
                got = json.loads(out.splitlines()[-1])
                rc2, expect, err2 = run(args + ["--json"] + opts)
                self.assertEqual(got, json.loads(expect))
                wrong = answers.splitlines().count("zzz") + answers.splitlines().count("")
                self.assertEqual(err.count("mamisguide: "), wrong + 1, err)  # + the sample warning
                self.assertIn("「zzz」", err)

    def test_partial_names(self):
        # Ambiguous: listed, asked again; then unique: taken.
        rc, out, err = run(["guide"], stdin="yes\nwithdraw\n1\n区\n千代田\n")
        self.assertEqual(rc, 0, err)
        self.assertIn("「区」に一致する医師会が複数あります", err)
        for name in ("千代田区医師会（13-chiyoda）", "新宿区医師会（13-shinjuku）", "世田谷区医師会（13-setagaya）"):
            self.assertIn(name, err)
        self.assertIn("→ 千代田区医師会（13-chiyoda）", out)
        self.assertIn("☑ 千代田区医師会", out)
        # English names ignore case; part of a code; full-width letters.
        for answer in ("chiyoda", "CHIYODA Medical", "13-chi", "ｃｈｉｙｏｄａ"):
            rc, out, err = run(["guide", "--json"], stdin="yes\nwithdraw\n1\n%s\n" % answer)
            self.assertEqual(rc, 0, answer + err)
            self.assertEqual(json.loads(out.splitlines()[-1])["checked"][0]["code"], "13-chiyoda")
        # Nothing matches: why, with the associations probably meant, and asked again.
        rc, out, err = run(["guide"], stdin="yes\nwithdraw\n1\n13-chyoda\n")
        self.assertEqual(rc, 2)
        self.assertIn("「13-chyoda」に一致する医師会がありません", err)
        self.assertIn("千代田区医師会（13-chiyoda）", err)

    def test_categories_by_label(self):
        # JMA's categories as code or label: A① → A1, A②会員(B) → A2B, full-width Ａ２Ｃ.
        base = "yes\njoin\nnational\n13-chiyoda\nA\nA\n"
        for answer, code in (("A①", "A1"), ("A②会員(B)", "A2B"), ("Ａ２Ｃ", "A2C"), ("b会員", "B"),
                             ("Class A1 member", "A1"), ("５", "C")):
            rc, out, err = run(["guide", "--json", "--categories", c.SAMPLE_CATEGORIES],
                               stdin=base + answer + "\n")
            self.assertEqual(rc, 0, answer + err)
            self.assertEqual(json.loads(out.splitlines()[-1])["categories"]["national"], code, answer)
        rc, out, err = run(["guide", "--categories", c.SAMPLE_CATEGORIES], stdin=base + "A3\n")
        self.assertEqual(rc, 2)
        self.assertIn("「A3」は日本医師会（00）の会員区分にありません。選択できる会員区分：", err)
        self.assertIn("A2B  A②会員(B)", err)

    def test_level_lists_with_japanese_separators(self):
        # The levels whose category changes, as a list: 「、」 and 「，」 separate it as "," does;
        # a list of separators only names nothing, is explained and asked again.
        base = "yes\nchange\ncategory\nnational\n13-chiyoda\n"
        for answer in ("municipal、national", "1，3", "municipal, national"):
            with self.subTest(answer=answer):
                rc, out, err = run(["guide", "--json", "--categories", c.SAMPLE_CATEGORIES],
                                   stdin=base + answer + "\n2\n2\n")
                self.assertEqual(rc, 0, err + out)
                got = json.loads(out.splitlines()[-1])
                self.assertEqual([a["code"] for a in got["checked"]], ["13-chiyoda", "00"])
                self.assertEqual(got["categories"], {"municipal": "B", "national": "A2B"})
        for empty in ("、", "，、,"):
            with self.subTest(answer=empty):
                rc, out, err = run(["guide", "--categories", c.SAMPLE_CATEGORIES],
                                   stdin=base + empty + "\nprefectural\n1\n")
                self.assertEqual(rc, 0, err + out)
                self.assertEqual(err.count("mamisguide: 回答が空です。"), 1, err)
                self.assertIn("☑ 東京都医師会", out)
                self.assertNotIn("☑ 千代田区医師会", out)
        rc, out, err = run(["guide", "--lang", "en"], stdin=base + "、\n")
        self.assertEqual(rc, 2, out)
        self.assertIn("The answer is empty.", err)

    def test_english(self):
        rc, out, err = run(["guide", "--lang", "en"], stdin="1\n4\n4\n3\n")
        self.assertEqual(rc, 0, err)
        for word in ["STEP 1 - First, check for a MyPage", "STEP 2 - Choose the inquiry",
                     "Leave JMA only", "Click [Withdrawal form]", "☑ Japan Medical Association",
                     "withdraw.top_of_chain"]:
            self.assertIn(word, out)
        self.assertNotIn("退会する医師会にチェック", out)

    def test_answers_by_label(self):
        rc, out, err = run(["guide"], stdin="あり\n退会\n郡市医師会のみ入会 → 全退会\n千代田区医師会\n")
        self.assertEqual(rc, 0, err)
        self.assertIn("☑ 千代田区医師会", out)

    def test_refusal_at_the_end(self):
        rc, out, err = run(["guide"], stdin="yes\nchange\ntransfer\nnational\n13-chiyoda\n13-chiyoda\n\n")
        self.assertEqual(rc, 1, err)
        self.assertIn("same_association", out)
        self.assertIn("mamisguide plan change_facility --held all --municipal 13-chiyoda", out)
        # With --json: the refusal as JSON, as `plan --json` gives it.
        rc, out, err = run(["guide", "--json"],
                           stdin="yes\nchange\ntransfer\nnational\n13-chiyoda\n13-chiyoda\n\n")
        self.assertEqual(rc, 1, err)
        got = json.loads(out.splitlines()[-1])
        self.assertFalse(got["ok"])
        self.assertEqual(got["error"]["code"], "same_association")
        self.assertEqual(got["error"]["suggestion"], {"operation": "change_facility"})

    def test_many_associations_match(self):
        # More than 20 associations match the answer: 20 are listed, then how many more.
        with tempfile.TemporaryDirectory() as d:
            m = os.path.join(d, "many.csv")
            with open(m, "w", encoding="utf-8") as f:
                f.write("code,name,prefecture,name_en\n")
                for p in (13, 14):
                    for i in range(1, 26):
                        f.write("%d-t%02d,試験%02d区医師会,%d,Test %02d\n" % (p, i, i, p, i))
            rc, out, err = run(["guide", "--directory", m], stdin="yes\nwithdraw\n1\n試験\n")
        self.assertIn("「試験」に一致する医師会が複数あります。", err)
        self.assertIn("…ほか 30 件", err)
        listed = err[err.index("「試験」に一致する医師会"):err.index("…ほか 30 件")]
        self.assertEqual(len(re.findall(r"（1[34]-t\d\d）", listed)), 20)

    def test_invalid_answers_and_end_of_input(self):
        # A wrong answer is explained and the question asked again; only the end of the input
        # stops the walk (exit 2).
        for answers, why in [("", None), ("yes\n", None), ("maybe\n", "「maybe」は選択肢にありません"),
                             ("0\n", "「0」は選択肢にありません"), ("yes\n5\n", "「5」は選択肢にありません"),
                             ("不明\n", "「不明」は選択肢にありません"), ("\n", "回答が空です"),
                             ("yes\nwithdraw\n1\n99-nowhere\n", "「99-nowhere」に一致する医師会がありません"),
                             ("yes\nwithdraw\n1\n13\n", "「13」は郡市区医師会ではありません（東京都医師会"),
                             ("yes\njoin\nnational\n13-chiyoda\nA\nA\nZZ\n", "「ZZ」は日本医師会（00）の会員区分にありません"),
                             ("yes\nchange\ncategory\nmunicipal\n13-chiyoda\nnational\n", "「national」は選択肢にありません")]:
            with self.subTest(answers=answers):
                rc, out, err = run(["guide", "--categories", c.SAMPLE_CATEGORIES], stdin=answers)
                self.assertEqual(rc, 2, out)
                self.assertIn("入力が終わったため、案内を中断しました。", err)
                if why:
                    self.assertIn(why, err)
                    # The same question is asked again.
                    last_question = out.rstrip().splitlines()[-1]
                    self.assertIn(">", last_question)
        # A wrong answer, then a right one: the walk goes on.
        rc, out, err = run(["guide"], stdin="maybe\n１\n退会\nzzz\n１\n千代田\n")
        self.assertEqual(rc, 0, err)
        self.assertIn("☑ 千代田区医師会", out)
        rc, _, err = run(["guide", "--lang", "en"], stdin="")
        self.assertEqual(rc, 2)
        self.assertIn("The input ended", err)


if __name__ == "__main__":
    c.main()
