# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Files as Japanese offices make them, from Python: Shift_JIS and BOM masters and catalogues
with Excel's headers, ``encoding=``, the loader's notices, refusals with file and line in both
encodings, codes typed in full width; the batch example on Shift_JIS input."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import mamisguide as mg
from mgtest import ALL, MP, SOURCE_DIR, request

sys.path.insert(0, str(SOURCE_DIR / "tests" / "support"))
import excel_files as xf  # noqa: E402

EXAMPLE = SOURCE_DIR / "examples" / "python" / "batch_csv.py"


class Files(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name: str, data: bytes) -> str:
        path = os.path.join(self.tmp.name, name)
        Path(path).write_bytes(data)
        return path

    def test_shift_jis_master_plans_like_its_utf8_twin(self) -> None:
        text = xf.master_text(890)
        with mg.Engine(self.write("u.csv", text.encode("utf-8"))) as a, \
                mg.Engine(self.write("s.csv", xf.to_cp932(text))) as b:
            self.assertEqual(len(a), 48 + 890)
            self.assertEqual([x.code for x in a.associations()], [x.code for x in b.associations()])
            self.assertEqual([x.name for x in a.associations()], [x.name for x in b.associations()])
            self.assertEqual(len(b.notices()), 2)
            self.assertIn("CP932", b.notices("en")[0])
            self.assertTrue(b.notices("en")[1].endswith("columns not used were ignored (電話番号, 住所)"))
            self.assertEqual(len(a.notices()), 1)
            for i in range(0, 890, 7):
                q = request("join", None, municipal=xf.code(i), levels=MP,
                            categories={"municipal": "A", "prefectural": "A"})
                self.assertEqual(a.respond(q), b.respond(q))

    def test_encoding_argument_reaches_the_library(self) -> None:
        data = xf.to_cp932("コード,名称,都道府県\r\n01-x,甲医師会,北海道\r\n")
        path = self.write("x.csv", data)
        with mg.Engine(path, encoding="cp932") as e:
            self.assertEqual(e.find_association("０１－ｘ").code, "01-x")
            self.assertEqual(e.notices(), [])  # forced: nothing guessed
        with self.assertRaises(mg.MamisguideError) as cm:
            mg.Engine(path, encoding="utf-8")
        self.assertEqual(cm.exception.code, "load_error")
        self.assertIn("x.csv:1: ", str(cm.exception))
        e = mg.Engine()
        e.load_directory_bytes(data)  # auto
        self.assertIn("01-x", e)
        self.assertEqual(len(e.notices()), 1)
        with self.assertRaises(mg.MamisguideError):
            e.load_directory_bytes(data, encoding="utf-8")
        with self.assertRaises(ValueError):
            mg.Engine(encoding="latin1")
        e.load_categories_bytes(xf.to_cp932("医師会コード,区分コード,区分名\n０１－ｘ,Ａ,甲\n"))
        plan = e.plan(request("join", None, municipal="01-x", levels=["municipal"],
                              categories={"municipal": "Ａ"}))
        self.assertEqual(plan["categories"], {"municipal": "A"})
        e.close()

    def test_refusals_keep_their_line_in_both_encodings(self) -> None:
        text = "# c\r\nコード,名称,都道府県\r\n\r\n13-a,甲,13\r\n13-b,乙,48\r\n"
        for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), xf.to_cp932(text)):
            with self.subTest(data=data[:4]):
                path = self.write("r.csv", data)
                with self.assertRaises(mg.MamisguideError) as cm:
                    mg.Engine(path)
                self.assertIn("r.csv:5: ", str(cm.exception))
                self.assertIn("(48)", str(cm.exception))

    def test_json_request_with_bom(self) -> None:
        with mg.Engine(SOURCE_DIR / "data" / "sample-municipal.csv") as e:
            text = ('\ufeff{"member":{"municipal":"１３－ｃｈｉｙｏｄａ","levels":["municipal","prefectural",'
                    '"national"]},\r\n"request":{"operation":"withdraw","levels":["national"]}}')
            r = e.respond(text)
            self.assertTrue(r["ok"], r)
            self.assertEqual(r["result"]["municipal"], "13-chiyoda")


class BatchExample(unittest.TestCase):
    """examples/python/batch_csv.py on the files Excel writes."""

    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def run_example(self, *args: str) -> subprocess.CompletedProcess:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(Path(mg.__file__).resolve().parents[1])
        return subprocess.run([sys.executable, str(EXAMPLE), *args], capture_output=True, env=env,
                              timeout=120)

    def test_shift_jis_and_utf8_read_alike_and_short_rows_are_refused(self) -> None:
        src = (SOURCE_DIR / "examples" / "python" / "applications.csv").read_text(encoding="utf-8")
        lines = src.splitlines()
        # Excel's way: header padded and in upper case, CRLF, a blank row, one row cut short.
        lines[0] = " " + lines[0].upper().replace(",", " ,")
        lines.insert(3, ",,,,,,,,,,,")
        lines.append("Z-0001,join,yes")
        text = "\r\n".join(lines) + "\r\n"
        outs = []
        for name, data in (("u.csv", text.encode("utf-8-sig")), ("s.csv", xf.to_cp932(text))):
            path = os.path.join(self.tmp.name, name)
            Path(path).write_bytes(data)
            p = self.run_example(path)
            self.assertEqual(p.returncode, 1, p.stderr.decode())  # the short row is unreadable
            self.assertNotIn(b"Traceback", p.stderr)
            out = p.stdout.decode("utf-8")
            self.assertIn("Z-0001   unreadable  %s:%d: 3 fields, 12 expected" % (path, len(lines)), out)
            self.assertIn("planned, ", out)
            outs.append(out.replace(path, "FILE"))
        self.assertEqual(outs[0], outs[1])
        self.assertIn(b"CP932", p.stderr)

    def test_excel_output_is_utf8_with_bom_and_crlf(self) -> None:
        out = os.path.join(self.tmp.name, "results.csv")
        p = self.run_example("--excel", "--output", out)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        data = Path(out).read_bytes()
        self.assertTrue(data.startswith(b"\xef\xbb\xbfid,status,code,form,associations,message\r\n"))
        self.assertNotIn(b"\n", data.replace(b"\r\n", b""))
        rows = data.decode("utf-8-sig").split("\r\n")
        self.assertEqual(len([r for r in rows if r]), 1 + 21)
        # Without --output the CSV takes standard output and the report standard error.
        p = self.run_example("--excel")
        self.assertEqual(p.returncode, 0)
        self.assertTrue(p.stdout.startswith(b"\xef\xbb\xbfid,status"))
        self.assertIn(b"applications:", p.stderr)


if __name__ == "__main__":
    unittest.main()
