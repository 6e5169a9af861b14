# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Files as Japanese offices make them, through the command line: Shift_JIS (CP932) and BOM
masters and catalogues with Excel's headers, --encoding, the notices on standard error,
refusals with file and line in both encodings, a BOM and CRLF on a JSON request and a batch,
codes typed in full width."""

import json
import os
import sys
import tempfile
import unittest

import cli_common as c
from cli_common import run

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import excel_files as xf  # noqa: E402


class Files(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def batch(self, master, lines, extra=()):
        path = self.write("requests.jsonl", "".join(l + "\n" for l in lines))
        rc, out, err = run(["batch", "-q", path, "--directory", master] + list(extra))
        return rc, out, err

    def test_shift_jis_master_plans_exactly_like_its_utf8_twin(self):
        text = xf.master_text(890)
        utf8 = self.write("twin-utf8.csv", text)
        sjis = self.write("twin-sjis.csv", xf.to_cp932(text))
        lines = []
        for i in range(890):
            lines.append(json.dumps({"request": {"operation": "join", "municipal": xf.code(i),
                                                 "levels": ["municipal", "prefectural"],
                                                 "categories": {"municipal": "A", "prefectural": "A"}}}))
        rc8, out8, err8 = self.batch(utf8, lines)
        rcj, outj, errj = self.batch(sjis, lines)
        self.assertEqual((rc8, rcj), (0, 0), err8 + errj)
        self.assertEqual(out8, outj)
        answers = [json.loads(l) for l in out8.splitlines()]
        self.assertEqual(len(answers), 890)
        self.assertTrue(all(a["ok"] for a in answers))
        self.assertEqual(answers[13]["result"]["municipal"], xf.code(13))
        # The notices: CP932 said once, the unused columns named once.
        self.assertNotIn("CP932", err8)
        self.assertEqual(errj.count("CP932"), 1, errj)
        self.assertIn("twin-sjis.csv", errj)
        for err in (err8, errj):
            self.assertEqual(err.count("電話番号, 住所"), 1, err)
        # Forced: no guess to report; the wrong one refused with file, line and byte.
        rc, _, err = self.batch(sjis, lines[:1], ["--encoding", "cp932"])
        self.assertEqual(rc, 0, err)
        self.assertNotIn("CP932", err)
        rc, _, err = self.batch(sjis, lines[:1], ["--encoding", "utf-8"])
        self.assertEqual(rc, 2)
        self.assertIn(sjis + ":1: ", err)
        self.assertIn("byte 1 = 0x88", err)  # 医 in CP932

    def test_english_notices_and_refusals(self):
        sjis = self.write("en.csv", xf.to_cp932("code,名称,prefecture,メモ\n13-x,甲医師会,東京,x\n"))
        rc, out, err = run(["plan", "join", "--to", "１３－ｘ", "--levels", "municipal",
                            "--category", "municipal=A", "--directory", sjis, "--lang", "en", "--json"])
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out)["result"]["municipal"], "13-x")
        self.assertIn("en.csv: not UTF-8: read as CP932 (Shift_JIS)", err)
        self.assertIn("en.csv: columns not used were ignored (メモ)", err)

    def test_refusals_name_file_and_line_in_both_encodings(self):
        head = "# 出典\r\nコード,名称,都道府県\r\n\r\n13-a,甲医師会,13\r\n"
        cases = [
            ("13-b,乙,13\r\n１３－ａ,丙,13\r\n", 6, "13-a (line 4)"),
            ("13-b,乙,48\r\n", 5, "48"),
            ("13-b,乙,東京府\r\n", 5, "東京府"),
            ("\u3000,乙,13\r\n", 5, "(code)"),
            ("13-b,,13\r\n", 5, "(name)"),
            ("13-b,乙\r\n", 5, "2 != 3"),
            ('13-b,"乙,13\r\n', 5, ""),
        ]
        for body, line, detail in cases:
            for name, data in (("r8.csv", (head + body).encode("utf-8")),
                               ("rbom.csv", b"\xef\xbb\xbf" + (head + body).encode("utf-8")),
                               ("rsjis.csv", xf.to_cp932(head + body))):
                with self.subTest(body=body, file=name):
                    path = self.write(name, data)
                    rc, out, err = run(["plan", "withdraw", "--held", "all", "--municipal", "13-a",
                                        "--levels", "national", "--directory", path])
                    self.assertEqual(rc, 2)
                    self.assertEqual(out, "")
                    self.assertIn("mamisguide: %s:%d: " % (path, line), err)
                    self.assertIn(detail, err)
        # Neither encoding: the byte and its line.
        path = self.write("neither.csv", xf.to_cp932("コード,名称,都道府県\n13-a,甲,13\n") + b"13-b,\x80,13\n")
        rc, _, err = run(["directory", "--directory", path])
        self.assertEqual(rc, 2)
        self.assertIn(path + ":3: ", err)
        self.assertIn("0x80", err)

    def test_catalogues_from_excel(self):
        cats = self.write("cats.csv", xf.to_cp932(
            "医師会コード,区分コード,区分名,備考\r\n１３－ｃｈｉｙｏｄａ,Ｓ,特別会員,x\r\n"))
        rc, out, err = run(["plan", "join", "--to", "13-chiyoda", "--levels", "municipal",
                            "--category", "municipal=S", "--categories", cats, "--json"])
        self.assertEqual(rc, 0, err)
        plan = json.loads(out)
        self.assertEqual(plan["categories"]["municipal"], "S")
        self.assertEqual(plan["category_labels"]["municipal"], "特別会員")
        self.assertIn("(備考)", err)
        rc, out, err = run(["plan", "join", "--to", "13-chiyoda", "--levels", "municipal",
                            "--category", "municipal=T", "--categories", cats, "--json"])
        self.assertEqual(rc, 1)
        self.assertEqual(json.loads(out)["error"]["code"], "unknown_category")
        bad = self.write("bad-cats.csv", xf.to_cp932("医師会コード,区分名\r\n13-chiyoda,甲\r\n"))
        rc, _, err = run(["plan", "join", "--to", "13-chiyoda", "--levels", "municipal",
                          "--category", "municipal=S", "--categories", bad])
        self.assertEqual(rc, 2)
        self.assertIn(bad + ":1: 必要な列がありません (code)", err)

    def test_json_request_with_bom_and_crlf(self):
        req = ('{"member":{"municipal":"１３－ｃｈｉｙｏｄａ","levels":["municipal","prefectural","national"]},\r\n'
               '"request":{"operation":"withdraw","levels":["national"]}}\r\n')
        rc, out, err = run(["plan"], stdin=b"\xef\xbb\xbf" + req.encode("utf-8"))
        self.assertEqual(rc, 0, out + err)
        self.assertEqual(json.loads(out)["result"]["municipal"], "13-chiyoda")
        path = self.write("req.json", b"\xef\xbb\xbf" + req.encode("utf-8"))
        rc, out, err = run(["plan", "--request", path])
        self.assertEqual(rc, 0, out + err)

    def test_batch_with_bom_and_crlf_keeps_line_one(self):
        line = ('{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},'
                '"request":{"operation":"withdraw","levels":["national"]}}')
        data = b"\xef\xbb\xbf" + (line + "\r\n" + line + "\r\n\r\n" + line).encode("utf-8")
        path = self.write("bom.jsonl", data)
        rc, out, err = run(["batch", "-q", path])
        self.assertEqual(rc, 0, err)
        answers = [json.loads(l) for l in out.splitlines()]
        self.assertEqual([a["line"] for a in answers], [1, 2, 3, 4])
        self.assertEqual([a["ok"] for a in answers], [True, True, False, True])
        self.assertEqual(answers[2]["error"]["code"], "invalid_request")  # the blank line

    def test_guide_answers_typed_full_width(self):
        rc, want, err = run(["guide", "--json"], stdin="1\n4\n4\n3\n")
        self.assertEqual(rc, 0, err)
        rc, got, err = run(["guide", "--json"], stdin="\u3000１\n４ \n４\n３\n")
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(got.splitlines()[-1]), json.loads(want.splitlines()[-1]))
        rc, out, err = run(["guide", "--json"],
                           stdin="ｙｅｓ\nwithdraw\n1\n１３－ｃｈｉｙｏｄａ\n")
        self.assertEqual(rc, 0, err + out)
        self.assertIn("13-chiyoda", [a["code"] for a in json.loads(out.splitlines()[-1])["checked"]])

    def test_encoding_option_is_checked(self):
        rc, _, err = run(["directory", "--encoding", "latin1"])
        self.assertEqual(rc, 2)
        self.assertIn("--encoding", err)


if __name__ == "__main__":
    c.main()
