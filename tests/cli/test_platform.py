#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""src/platform.cpp's POSIX side through the command line (issue 31): how Graphviz's dot is
found on PATH (no PATH at all, an empty entry that means the current directory), a dot that dies
of a signal or exits without reading what it is sent, and a log line on a standard error that
cannot be written (/dev/full). Each ends in exit status 2 with its message (where standard error is open)."""

import os
import socket
import subprocess
import tempfile
import unittest

import cli_common as c


class Dot(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def fake_dot(self, script):
        return c.fake_dot(self.tmp.name, script)

    def run_graph(self, args, env, cwd=None):
        p = subprocess.run([c.BIN, "graph"] + args, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd,
                           timeout=120)
        return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")

    def test_no_path_at_all(self):
        env = {k: v for k, v in os.environ.items() if k != "PATH"}
        rc, out, err = self.run_graph(["--what", "transitions", "--format", "svg", "--lang", "en"],
                                      env)
        self.assertEqual(rc, 2, err)
        self.assertEqual(out, b"")
        self.assertIn("svg", err)
        self.assertIn("dot", err)

    def test_an_empty_path_entry_is_the_current_directory(self):
        self.fake_dot("cat >/dev/null\nexit 1\n")
        env = dict(os.environ, PATH="/nonexistent-dir::" + os.environ.get("PATH", "/usr/bin:/bin"))
        rc, _, err = self.run_graph(["--what", "transitions", "--format", "svg"], env,
                                    cwd=self.tmp.name)
        self.assertEqual(rc, 2, err)
        self.assertIn("failed to render", err)
        self.assertIn("(./dot)", err)
        # and the copying dot there renders it (exit 0, the DOT text through it)
        self.fake_dot('test "$1" = -Tpng || exit 3\ncat\n')
        rc, out, err = self.run_graph(["--what", "transitions", "--format", "png"], env,
                                      cwd=self.tmp.name)
        self.assertEqual(rc, 0, err)
        self.assertTrue(out.startswith(b"digraph"), out[:40])

    def test_a_dot_killed_by_a_signal(self):
        path = self.fake_dot("cat >/dev/null\nkill -KILL $$\n")
        env = dict(os.environ, PATH=self.tmp.name + os.pathsep + os.environ.get("PATH", ""))
        rc, out, err = self.run_graph(["--what", "transitions", "--format", "svg"], env)
        self.assertEqual(rc, 2, err)
        self.assertEqual(out, b"")
        self.assertIn("failed to render", err)
        self.assertIn(path, err)

    def test_a_dot_that_exits_without_reading(self):
        """A dot that exits 0 at once: the DOT text (more than a pipe holds: a master of 1,500
        associations) cannot all be written, and that is a failure even though dot said 0."""
        master = os.path.join(self.tmp.name, "master.csv")
        with open(master, "w", encoding="utf-8") as f:
            f.write("code,name,prefecture,name_en\n")
            for i in range(1500):
                f.write("13-m%04d,\u533b\u5e2b\u4f1a%04d,13,Medical Association %04d\n"
                        % (i, i, i))
        rc, text, err = self.run_graph(["--directory", master], dict(os.environ))
        self.assertEqual(rc, 0, err)
        self.assertGreater(len(text), 1 << 17, "the directory's DOT text fits in a pipe")
        path = self.fake_dot("exit 0\n")
        env = dict(os.environ, PATH=self.tmp.name + os.pathsep + os.environ.get("PATH", ""))
        rc, out, err = self.run_graph(["--directory", master, "--format", "svg"], env)
        self.assertEqual(rc, 2, err)
        self.assertEqual(out, b"")
        self.assertIn("failed to render", err)
        self.assertIn(path, err)


@unittest.skipUnless(os.path.exists("/dev/full"), "no /dev/full")
class FullStandardError(unittest.TestCase):
    def test_serve_cannot_listen_with_stderr_full(self):
        """`serve` on a port in use logs that it cannot listen; with standard error on
        /dev/full the line is lost (write(2) fails: ENOSPC) and the exit status still says
        so."""
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        try:
            with open("/dev/full", "wb") as full:
                p = subprocess.run([c.BIN, "serve", "--listen", "127.0.0.1:%d" % port,
                                    "--directory", c.SAMPLE_MASTER], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=full, timeout=60)
            self.assertEqual(p.returncode, 2)
            self.assertEqual(p.stdout, b"")
            # the same with standard error open: the line names the address
            p = subprocess.run([c.BIN, "serve", "--listen", "127.0.0.1:%d" % port,
                                "--directory", c.SAMPLE_MASTER], stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
            self.assertEqual(p.returncode, 2)
            self.assertIn(b"127.0.0.1:%d" % port, p.stderr)
        finally:
            s.close()


if __name__ == "__main__":
    c.main()
