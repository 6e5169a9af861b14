# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""`mamisguide graph`: pictures a person can read (issue 17).

The DOT names a Japanese font; the three pictures (the whole directory of a generated 890-row
master, one prefecture, the state machine) render to PNG through Graphviz; the whole directory
stays no wider than 4,000 px (prefecture clusters wrap into rows) and is laid out top to
bottom; the state machine's labels are in the language asked for.

Needs Graphviz's `dot` and a Japanese font (MAMISGUIDE_PICTURES=1 scripts/setup.sh installs
both; CI does): without `dot` the test is skipped (exit 77), with it every check runs.
"""

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

import cli_common as c

# Municipal associations per prefecture in the generated master: 890 in all, unevenly spread
# like the real ones (Tokyo, Osaka and Hokkaido have many).
COUNTS = [40 if p in (1, 13, 27) else 25 if p in (11, 14, 23, 28) else 17 for p in range(1, 48)]
COUNTS[46] += 890 - sum(COUNTS)
SUFFIXES = ["市医師会", "区医師会", "郡医師会", "町医師会", "大学医師会"]
KANJI = "東西南北中上下大小本新古高田川山原野松竹梅桜岡島浜崎沢池谷森林石"


def generated_master(path):
    rows = ["code,name,prefecture,name_en"]
    for p in range(1, 48):
        for i in range(COUNTS[p - 1]):
            stem = KANJI[(p * 7 + i) % len(KANJI)] + KANJI[(p + i * 3) % len(KANJI)]
            if i % 4 == 0:
                stem += KANJI[(i * 5 + p) % len(KANJI)]
            name = stem + SUFFIXES[i % len(SUFFIXES)]
            rows.append("%02d%04d,%s,%02d,%s Medical Association %d" % (p, i + 1, name, p, "Town", i + 1))
    assert len(rows) == 891
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")


def png_size(data):
    """(width, height) from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise AssertionError("not a PNG")
    return struct.unpack(">II", data[16:24])


def run_bytes(args):
    p = subprocess.run([c.BIN] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


class Pictures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mg-pictures-")
        cls.master = os.path.join(cls.tmp, "master-890.csv")
        generated_master(cls.master)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_dot_names_a_japanese_font(self):
        for what in ("directory", "transitions"):
            for lang in ("ja", "en"):
                rc, out, err = c.run(["graph", "--what", what, "--lang", lang, "--directory", self.master])
                self.assertEqual(rc, 0, err)
                self.assertIn('fontname="Noto Sans CJK JP,IPAGothic', out)

    def test_the_font_is_installed(self):
        # Graphviz renders through fontconfig: the font named must be there to be used.
        p = subprocess.run(["fc-match", "-f", "%{family}", "Noto Sans CJK JP"], stdout=subprocess.PIPE)
        self.assertIn("Noto Sans CJK JP", p.stdout.decode("utf-8"),
                      "install fonts-noto-cjk (MAMISGUIDE_PICTURES=1 scripts/setup.sh)")

    def test_whole_directory_png(self):
        rc, data, err = run_bytes(["graph", "--directory", self.master, "--format", "png"])
        self.assertEqual(rc, 0, err)
        width, height = png_size(data)
        # 47 prefecture clusters in rows of 4: no row wider than 4,000 px; top to bottom, so
        # taller than wide.
        self.assertLessEqual(width, 4000)
        self.assertGreater(height, width)
        self.assertGreater(width, 1000)  # not a collapsed picture either

    def test_one_prefecture_png(self):
        rc, data, err = run_bytes(["graph", "--directory", self.master, "--prefecture", "13",
                                   "--format", "png"])
        self.assertEqual(rc, 0, err)
        width, height = png_size(data)
        self.assertLessEqual(width, 4000)
        self.assertGreater(width, 200)
        # Full-width digits are a prefecture too; and the DOT has the one cluster.
        rc, out, err = c.run(["graph", "--directory", self.master, "--prefecture", "１３"])
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.count("subgraph cluster_"), 1)
        self.assertEqual(out.count("shape=ellipse"), COUNTS[12])
        rc, out2, err = c.run(["graph", "--directory", self.master, "--prefecture", "東京都"])
        self.assertEqual(out2, out)
        for bad in ("0", "48", "x", "東京府"):
            rc, out, err = c.run(["graph", "--directory", self.master, "--prefecture", bad])
            self.assertEqual(rc, 2, bad)
            self.assertIn("--prefecture", err)

    def test_state_machine_png_in_both_languages(self):
        sizes = {}
        for lang in ("ja", "en"):
            rc, data, err = run_bytes(["graph", "--what", "transitions", "--lang", lang, "--format", "png"])
            self.assertEqual(rc, 0, err)
            sizes[lang] = png_size(data)
            self.assertLessEqual(sizes[lang][0], 4000)
        rc, out, err = c.run(["graph", "--what", "transitions"])
        self.assertIn("新規入会（郡市・都道府県・日医）", out)
        self.assertNotIn("additional_join", out)
        rc, out, err = c.run(["graph", "--what", "transitions", "--lang", "en"])
        self.assertIn("join (municipal, prefectural, JMA)", out)


if __name__ == "__main__":
    if not shutil.which("dot"):
        print("Graphviz's dot is not installed: skipped (MAMISGUIDE_PICTURES=1 scripts/setup.sh)")
        sys.exit(77)
    c.main()
