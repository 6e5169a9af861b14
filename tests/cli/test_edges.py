# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The command line's less travelled sides (issue 31): outputs larger than the standard
output's buffer (the guide's too) that cannot be written; `plan`'s malformed LEVEL=CODE pairs, a
request read from a directory, several candidates for an unknown association; `batch -`, input
that is a directory, and `batch -q` on a terminal; usage errors in English mode and an option
missing its value; the desk and the holidays out of their years in English; `serve` installed
as the Debian package installs it. (The guide's dialogue: test_guide_edges.py.)"""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import unittest

import cli_common as c
from cli_common import run

WITHDRAW_NATIONAL = ["plan", "withdraw", "--held", "all", "--municipal", "13-chiyoda",
                     "--levels", "national"]


def full():
    return open("/dev/full", "wb")


def run_to(args, stdout, stdin=b""):
    """Runs mamisguide with standard output `stdout` (a file object); (returncode, stderr)."""
    p = subprocess.run([c.BIN] + list(args), input=stdin, stdout=stdout, stderr=subprocess.PIPE,
                       timeout=120)
    return p.returncode, p.stderr.decode("utf-8", "replace")


@unittest.skipUnless(os.path.exists("/dev/full"), "no /dev/full")
class LargeOutputFails(unittest.TestCase):
    """Outputs larger than standard output's buffer (4 KiB): the write itself fails."""

    def check(self, args, stdin=b""):
        with full() as f:
            rc, err = run_to(args, f, stdin)
        self.assertEqual(rc, 2, err)
        self.assertIn("mamisguide: cannot write the output: " + os.strerror(28), err)  # ENOSPC

    def test_directory(self):
        for fmt in ([], ["--json"]):
            with self.subTest(fmt=fmt):
                rc, out, _ = run(["directory"] + fmt)
                self.assertGreater(len(out.encode()), 4096)
                self.check(["directory"] + fmt)

    def test_guide_tree_and_walk(self):
        self.check(["guide", "--tree"])
        for fmt in ([], ["--json"]):
            with self.subTest(fmt=fmt):
                self.check(["guide"] + fmt, b"yes\nwithdraw\n1\n13-chiyoda\n")
                # The plan at the end larger than the buffer: a long reason.
                self.check(["guide"] + fmt,
                           b"yes\nchange\nfacility\nnational\n13-chiyoda\n" + b"x" * 5000 + b"\n")

    def test_batch_answer_written_at_the_end(self):
        # A last line without its newline is answered when the input ends: that answer is the
        # one that cannot be written.
        self.check(["batch"], b'{"member":{}}')

    def test_plan_with_a_long_reason(self):
        reason = "x" * 5000
        self.check(["plan", "change_facility", "--held", "all", "--municipal", "13-chiyoda",
                    "--reason", reason])
        self.check(["plan", "change_facility", "--held", "all", "--municipal", "13-chiyoda",
                    "--reason", reason, "--json"])
        request = {"member": {"municipal": "13-chiyoda", "levels": c.LEVELS},
                   "request": {"operation": "change_facility", "reason": reason}}
        self.check(["plan", "--request", "-"], json.dumps(request).encode())


class PlanEdges(unittest.TestCase):
    def test_held_national_is_all(self):
        args = ["plan", "withdraw", "--municipal", "13-chiyoda", "--levels", "national", "--json"]
        rc, national, err = run(args + ["--held", "national"])
        self.assertEqual(rc, 0, err)
        rc, everything, err = run(args + ["--held", "all"])
        self.assertEqual(rc, 0, err)
        self.assertEqual(national, everything)
        self.assertEqual(json.loads(national)["checked"][0]["code"], "00")

    def test_malformed_level_code_pairs(self):
        for option in ("--category", "--current-category"):
            for pair in ("national", "national=", "nowhere=A", "=A"):
                with self.subTest(option=option, pair=pair):
                    rc, out, err = run(WITHDRAW_NATIONAL + [option, pair])
                    self.assertEqual((rc, out), (2, ""), err)
                    self.assertIn("mamisguide: %s: expected LEVEL=CODE (LEVEL: municipal, "
                                  "prefectural or national), not '%s'" % (option, pair), err)
            rc, out, err = run(WITHDRAW_NATIONAL + [option, "national=A1", option, "national=B"])
            self.assertEqual((rc, out), (2, ""), err)
            self.assertIn("%s: level 'national' given twice" % option, err)

    def test_request_from_standard_input_that_is_a_directory(self):
        with tempfile.TemporaryDirectory() as d:
            fd = os.open(d, os.O_RDONLY)
            try:
                p = subprocess.run([c.BIN, "plan", "--request", "-"], stdin=fd,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
            finally:
                os.close(fd)
        err = p.stderr.decode("utf-8")
        self.assertEqual((p.returncode, p.stdout), (2, b""), err)
        self.assertIn("cannot read standard input: " + os.strerror(21), err)  # EISDIR

    def test_request_file_that_is_a_directory(self):
        with tempfile.TemporaryDirectory() as d:
            rc, out, err = run(["plan", "--request", d])
        self.assertEqual((rc, out), (2, ""), err)
        self.assertIn("cannot read %s: %s" % (d, os.strerror(21)), err)

    def test_several_candidates_for_an_unknown_association(self):
        rc, out, err = run(WITHDRAW_NATIONAL[:5] + ["区"] + WITHDRAW_NATIONAL[6:])
        self.assertEqual(rc, 1, err)
        self.assertIn("もしかして：13-chiyoda（千代田区医師会）、13-shinjuku（新宿区医師会）、"
                      "13-setagaya（世田谷区医師会）\n", out)


class BatchEdges(unittest.TestCase):
    LINE = ('{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},'
            '"request":{"operation":"withdraw","levels":["national"]}}\n')

    def test_dash_is_standard_input(self):
        rc, dash, err = run(["batch", "-"], stdin=self.LINE * 3)
        self.assertEqual(rc, 0, err)
        self.assertIn("mamisguide batch: 3 lines, 3 plans, 0 refusals", err)
        rc, plain, _ = run(["batch"], stdin=self.LINE * 3)
        self.assertEqual(dash, plain)
        self.assertEqual([json.loads(x)["line"] for x in dash.splitlines()], [1, 2, 3])

    def test_input_that_is_a_directory(self):
        with tempfile.TemporaryDirectory() as d:
            rc, out, err = run(["batch", d])
            self.assertEqual((rc, out), (2, ""), err)
            self.assertIn("cannot read %s: %s" % (d, os.strerror(21)), err)
            fd = os.open(d, os.O_RDONLY)
            try:
                p = subprocess.run([c.BIN, "batch"], stdin=fd, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, timeout=120)
            finally:
                os.close(fd)
        err = p.stderr.decode("utf-8")
        self.assertEqual((p.returncode, p.stdout), (2, b""), err)
        self.assertIn("cannot read standard input: " + os.strerror(21), err)

    def test_quiet_on_a_terminal(self):
        # -q: neither the progress line of a run longer than a second nor the summary, even
        # with standard error a terminal.
        first, rest, err = c.batch_on_terminal(["-q", "--directory", c.SAMPLE_MASTER],
                                               self.LINE.rstrip("\n"), self.LINE.rstrip("\n"))
        self.assertEqual(first["line"], 1)
        self.assertEqual(json.loads(rest)["line"], 2)
        self.assertEqual(err, b"")


class UsageEdges(unittest.TestCase):
    def test_english_mode_by_lang_equals_en(self):
        rc, out, err = run(["plan", "--lang=en", "--no-such-option"])
        self.assertEqual((rc, out), (2, ""), err)
        self.assertIn("--no-such-option", err)
        self.assertNotIn("mamisguide: ", err)  # no Japanese line after CLI11's
        rc, out, err = run(["plan", "--lang", "ja", "--no-such-option"])
        self.assertEqual(rc, 2, err)
        self.assertIn("mamisguide: ", err)

    def test_an_option_missing_its_value(self):
        # `--lang` last, without its value: CLI11's message, then the Japanese line (the
        # arguments cannot say English) naming the wrong number of values.
        for args in (["plan", "withdraw", "--lang"], ["plan", "withdraw", "--held"]):
            with self.subTest(args=args):
                rc, out, err = run(args)
                self.assertEqual((rc, out), (2, ""), err)
                self.assertIn("1 required", err)
                self.assertIn("mamisguide: オプションの値の数が正しくありません。", err)

    def test_desk_and_holidays_out_of_their_years_in_english(self):
        rc, out, err = run(["support", "--at", "2100-01-05T12:00", "--lang", "en"])
        self.assertEqual((rc, out), (2, ""), err)
        rc_ja, _, err_ja = run(["support", "--at", "2100-01-05T12:00"])
        self.assertEqual(rc_ja, 2)
        self.assertNotEqual(err, err_ja)
        self.assertTrue(err.isascii(), err)
        rc, out, err = run(["holidays", "2100", "--lang", "en"])
        self.assertEqual((rc, out), (2, ""), err)
        self.assertTrue(err.isascii(), err)
        self.assertIn(": 2100", err)
        rc, out, err = run(["support", "--at", "tomorrow", "--lang", "en"])
        self.assertEqual((rc, out), (2, ""), err)
        self.assertTrue(err.startswith("mamisguide: --at: "), err)
        self.assertTrue(err.rstrip().endswith(": tomorrow"), err)
        self.assertTrue(err.isascii(), err)


class InstalledLayout(unittest.TestCase):
    def test_serve_offers_the_installed_single_file_guide(self):
        # Installed as the Debian package installs it (bin/mamisguide and
        # share/mamisguide/mamisguide.html), `serve` offers that page without --guide-html.
        csp = "default-src 'none'; script-src 'sha256-AAAA'"
        page = ('<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n'
                '<meta http-equiv="Content-Security-Policy" content="%s">\n</head>\n'
                "<body>installed</body>\n</html>\n" % csp).encode("utf-8")
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "bin"))
            os.makedirs(os.path.join(d, "share", "mamisguide"))
            binary = os.path.join(d, "bin", "mamisguide")
            shutil.copy2(c.BIN, binary)
            with open(os.path.join(d, "share", "mamisguide", "mamisguide.html"), "wb") as f:
                f.write(page)
            p = subprocess.Popen([binary, "serve", "--listen", "127.0.0.1:0", "--directory",
                                  c.SAMPLE_MASTER], stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                first = p.stderr.readline().decode("utf-8", "replace")
                m = re.search(r"http://127\.0\.0\.1:(\d+)/", first)
                self.assertTrue(m, first)
                conn = http.client.HTTPConnection("127.0.0.1", int(m.group(1)), timeout=30)
                try:
                    conn.request("GET", "/mamisguide.html")
                    r = conn.getresponse()
                    body = r.read()
                finally:
                    conn.close()
                self.assertEqual(r.status, 200)
                self.assertEqual(body, page)
                self.assertEqual(r.getheader("content-security-policy"), csp)
            finally:
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)
                try:
                    self.assertEqual(p.wait(30), 0)
                finally:
                    if p.poll() is None:
                        p.kill()
                        p.wait()
                    p.stderr.close()


class SampleWarning(unittest.TestCase):
    def test_warned_once_across_reloads(self):
        # `serve` on the bundled sample: the warning that it is a sample is given once, when
        # the service starts, not again at each reload (SIGHUP).
        p = subprocess.Popen([c.BIN, "serve", "--listen", "127.0.0.1:0"],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        guard = threading.Timer(60, p.kill)  # never hang the suite
        guard.start()
        lines = []
        try:
            def until(pred):
                for raw in p.stderr:
                    lines.append(raw.decode("utf-8", "replace"))
                    if pred(lines[-1]):
                        return
                self.fail("the server ended: " + "".join(lines))

            until(lambda l: "http://127.0.0.1:" in l)
            for _ in range(2):
                p.send_signal(signal.SIGHUP)
                until(lambda l: "再読み込みしました" in l)
            p.send_signal(signal.SIGTERM)
            lines += [raw.decode("utf-8", "replace") for raw in p.stderr]
            self.assertEqual(p.wait(30), 0)
        finally:
            guard.cancel()
            if p.poll() is None:
                p.kill()
                p.wait()
            p.stderr.close()
        text = "".join(lines)
        self.assertEqual(text.count("再読み込みしました"), 2, text)
        self.assertEqual(text.count("mamisguide: 医師会マスターが指定されていないため、同梱のサンプル"), 1,
                         text)


if __name__ == "__main__":
    c.main()
