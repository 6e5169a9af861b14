# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""mamisguide batch: one response per input line, in order, with its line number, whatever the
lines hold; the summary on standard error; the exit statuses."""

import json
import os
import random
import tempfile
import unittest

import cli_common as c
from cli_common import run

MAX = 1 << 20  # json::max_request_bytes

GOOD = [
    '{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},'
    '"request":{"operation":"withdraw","levels":["national"]}}',
    '{"request":{"operation":"join","municipal":"14-yokohama","levels":["municipal","prefectural"],'
    '"categories":{"municipal":"A","prefectural":"B"}},"lang":"en"}',
    '{"member":{"municipal":"13-chiyoda","levels":["municipal"],"mypage":"unknown"},'
    '"request":{"operation":"additional_join","levels":["prefectural","national"],'
    '"categories":{"prefectural":"A","national":"A2B"}}}',
    '{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},'
    '"request":{"operation":"withdraw","levels":["municipal"]}}',
]


def exact_size_request(size):
    """A valid JSON request of exactly `size` bytes (padded with spaces)."""
    doc = ('{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},'
           '"request":{"operation":"withdraw","levels":["national"],"reason":"' + "r" * (size - 200) +
           '"}}')
    return (doc + " " * (size - len(doc))).encode()


class Batch(unittest.TestCase):
    def batch(self, data, args=(), rc=0):
        with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as f:
            f.write(data)
        try:
            code, out, err = run(["batch", f.name] + list(args))
            self.assertEqual(code, rc, err)
            code2, out2, err2 = run(["batch"] + list(args), stdin=data)
            self.assertEqual((code2, out2), (code, out))
        finally:
            os.unlink(f.name)
        return out, err

    def responses(self, out, n):
        lines = out.split("\n")
        self.assertEqual(lines[-1], "")
        lines = lines[:-1]
        self.assertEqual(len(lines), n)
        objs = []
        for i, line in enumerate(lines, 1):
            obj = json.loads(line)
            c.check_response(self, obj, line=i)
            self.assertTrue(line.startswith('{"line":%d,' % i))
            objs.append(obj)
        return objs

    def test_mixed_lines(self):
        lines = [
            GOOD[0].encode(),                               # 1 plan
            b"not json",                                    # 2 malformed
            b"",                                            # 3 empty
            b'{"request":{"operation":"join","reason":"' + b"x" * (2 * MAX) + b'"}}',  # 4 oversized
            GOOD[1].encode() + b"\r",                       # 5 plan, CRLF
            b"   \t ",                                      # 6 blank
            exact_size_request(MAX) + b"\r",                # 7 exactly the limit (CRLF): read
            exact_size_request(MAX + 1),                    # 8 one byte over: too large
            b"\xff\xfe",                                    # 9 invalid UTF-8
            GOOD[3].encode(),                               # 10 refusal: illegal_levels
            b"[1,2,3]",                                     # 11 not an object
            GOOD[2].encode(),                               # 12 plan, last line without newline
        ]
        out, err = self.batch(b"\n".join(lines))
        objs = self.responses(out, len(lines))
        self.assertEqual([o["ok"] for o in objs],
                         [True, False, False, False, True, False, True, False, False, False, False, True])
        codes = [o["error"]["code"] for o in objs if not o["ok"]]
        self.assertEqual(codes, ["invalid_request"] * 6 + ["illegal_levels", "invalid_request"])
        self.assertEqual(objs[3]["error"]["message"], "リクエストが大きすぎます。")
        self.assertEqual(objs[7]["error"]["message"], "リクエストが大きすぎます。")
        self.assertEqual(objs[2]["error"]["message"], "リクエストが空です。")
        self.assertEqual(objs[4]["form_label"], "Admission form (入会届)")  # its own lang
        self.assertEqual(objs[6]["reason"][:3], "rrr")
        self.assertIn("12 lines, 4 plans, 8 refusals", err)
        self.assertRegex(err, r"invalid_request +7")
        self.assertRegex(err, r"illegal_levels +1")

    def test_good_lines_equal_plan(self):
        data = ("\n".join(GOOD) + "\n").encode()
        out, _ = self.batch(data)
        for i, (line, req) in enumerate(zip(out.splitlines(), GOOD), 1):
            _, single, _ = run(["plan"], stdin=req)
            self.assertEqual(line, '{"line":%d,' % i + single.rstrip("\n")[1:])

    def test_trailing_newline_adds_no_record(self):
        self.responses(self.batch((GOOD[0] + "\n").encode())[0], 1)
        self.responses(self.batch(GOOD[0].encode())[0], 1)
        self.responses(self.batch(b"\n")[0], 1)
        self.responses(self.batch(b"\r\n\r\n")[0], 2)
        out, err = self.batch(b"")
        self.assertEqual(out, "")
        self.assertIn("0 lines", err)

    def test_many_lines_keep_their_order(self):
        """Enough lines to cross the reader's 1 MiB blocks many times, with oversized lines
        straddling them."""
        rnd = random.Random(7)
        lines, expect = [], []
        for i in range(30000):
            k = rnd.randrange(10)
            if k == 0:
                lines.append(b"{broken")
                expect.append(False)
            elif i % 1500 == 1:
                lines.append(b'"' + b"y" * (MAX + rnd.randrange(3 * MAX)) + b'"')
                expect.append(False)
            else:
                g = rnd.randrange(len(GOOD))
                lines.append(GOOD[g].encode())
                expect.append(g != 3)
        out, err = self.batch(b"\n".join(lines) + b"\n",
                              args=["--quiet", "--directory", c.SAMPLE_MASTER])
        self.assertEqual(err, "")
        objs = self.responses(out, len(lines))
        self.assertEqual([o["ok"] for o in objs], expect)

    def test_directory_and_errors(self):
        with tempfile.TemporaryDirectory() as d:
            m = os.path.join(d, "m.csv")
            with open(m, "w", encoding="utf-8") as f:
                f.write("code,name,prefecture\n26-kyoto-city,京都市医師会,26\n")
            req = ('{"member":{"municipal":"26-kyoto-city","levels":["municipal"]},'
                   '"request":{"operation":"withdraw","levels":["municipal"]}}\n' + GOOD[0] + "\n")
            out, _ = self.batch(req.encode(), args=["--directory", m])
            objs = self.responses(out, 2)
            self.assertTrue(objs[0]["ok"])
            self.assertEqual(objs[1]["error"]["code"], "unknown_association")
            with open(m, "a", encoding="utf-8") as f:
                f.write("26-kyoto-city,重複,26\n")
            rc, out, err = run(["batch", "--directory", m], stdin=req)
            self.assertEqual((rc, out), (2, ""))
            self.assertIn(m + ":3:", err)
        rc, out, err = run(["batch", "/nonexistent/in.jsonl"])
        self.assertEqual((rc, out), (2, ""))
        self.assertIn("/nonexistent/in.jsonl", err)


    def test_progress_on_a_terminal(self):
        # Standard error a terminal and the run longer than a second: a progress line (lines
        # and lines/s), then the summary, which first erases it ("\r\x1b[K").
        # The first answer is written once the input is idle: the run has started.
        first, rest, err = c.batch_on_terminal(["--directory", c.SAMPLE_MASTER], GOOD[0],
                                               GOOD[3])
        self.assertTrue(first["ok"], first)
        self.assertEqual(json.loads(rest)["line"], 2)
        text = err.decode("utf-8", "replace")
        self.assertRegex(text, r"\rmamisguide batch: 2 lines \(\d+ lines/s\)")
        self.assertIn("\r\x1b[Kmamisguide batch: 2 lines, ", text)


if __name__ == "__main__":
    c.main()
