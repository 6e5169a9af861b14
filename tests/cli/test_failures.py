#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The command line when its input or output fails (issue 31): an output that cannot be written
(/dev/full, a closed descriptor), an input that cannot be read (a directory), a file that cannot
be opened, and Graphviz's dot missing or failing. Each is exit status 2 with a message on
standard error, never a crash or a silent success."""

import os
import resource
import stat
import subprocess
import tempfile
import unittest

import cli_common as c

REQUEST = ('{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},'
           '"request":{"operation":"withdraw","levels":["national"]}}')


def run_fds(args, stdin=None, stdout=None, shell_redirect="", env=None):
    """Runs mamisguide with its descriptors as given (a file object, or a shell redirection such
    as '>&-' that closes one); returns (returncode, stderr)."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    if shell_redirect:
        cmd = ['sh', '-c', 'exec "$0" "$@" ' + shell_redirect, c.BIN] + list(args)
    else:
        cmd = [c.BIN] + list(args)
    p = subprocess.run(cmd, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                       stdout=stdout if stdout is not None else subprocess.DEVNULL,
                       stderr=subprocess.PIPE, env=full_env, timeout=120)
    return p.returncode, p.stderr.decode("utf-8", "replace")


class OutputFails(unittest.TestCase):
    def setUp(self):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")

    def test_batch_to_dev_full(self):
        with tempfile.TemporaryFile() as inp, open("/dev/full", "wb") as full:
            inp.write((REQUEST + "\n").encode() * 200)
            inp.seek(0)
            rc, err = run_fds(["batch", "--directory", c.SAMPLE_MASTER, "-q"], stdin=inp, stdout=full)
        self.assertEqual(rc, 2, err)
        self.assertIn("cannot write the output", err)
        self.assertIn(os.strerror(28), err)  # ENOSPC

    def test_batch_of_a_large_input_to_dev_full(self):
        # More than one write block: the failure is found while reading, not only at the end.
        with tempfile.TemporaryFile() as inp, open("/dev/full", "wb") as full:
            inp.write((REQUEST + "\n").encode() * 20000)
            inp.seek(0)
            rc, err = run_fds(["batch", "--directory", c.SAMPLE_MASTER, "-q"], stdin=inp, stdout=full)
        self.assertEqual(rc, 2, err)
        self.assertIn("cannot write the output", err)

    def test_plan_to_dev_full(self):
        with tempfile.TemporaryFile() as inp, open("/dev/full", "wb") as full:
            inp.write(REQUEST.encode())
            inp.seek(0)
            rc, err = run_fds(["plan", "--directory", c.SAMPLE_MASTER], stdin=inp, stdout=full)
        self.assertNotEqual(rc, 0, err)
        self.assertTrue(err.strip(), "no message on standard error")

    def test_batch_with_standard_output_closed(self):
        with tempfile.TemporaryFile() as inp:
            inp.write((REQUEST + "\n").encode())
            inp.seek(0)
            rc, err = run_fds(["batch", "--directory", c.SAMPLE_MASTER, "-q"], stdin=inp,
                              shell_redirect=">&-")
        self.assertEqual(rc, 2, err)
        self.assertIn("cannot write the output", err)
        self.assertIn(os.strerror(9), err)  # EBADF

    def test_graph_to_dev_full(self):
        with open("/dev/full", "wb") as full:
            rc, err = run_fds(["graph", "--what", "transitions"], stdout=full)
        self.assertEqual(rc, 2, err)
        self.assertTrue(err.strip())


class InputFails(unittest.TestCase):
    def test_batch_from_a_directory(self):
        # A directory opens, but read() fails (EISDIR): the input cannot be read.
        d = os.open(c.SRC, os.O_RDONLY)
        try:
            rc, err = run_fds(["batch", "--directory", c.SAMPLE_MASTER, "-q"], stdin=d)
        finally:
            os.close(d)
        self.assertEqual(rc, 2, err)
        self.assertIn("cannot read standard input", err)
        self.assertIn(os.strerror(21), err)  # EISDIR

    def test_plan_from_a_directory(self):
        d = os.open(c.SRC, os.O_RDONLY)
        try:
            rc, err = run_fds(["plan", "--directory", c.SAMPLE_MASTER], stdin=d)
        finally:
            os.close(d)
        self.assertEqual(rc, 2, err)
        self.assertIn("cannot read standard input", err)
        self.assertIn(os.strerror(21), err)  # EISDIR

    def test_batch_from_standard_input_closed(self):
        rc, err = run_fds(["batch", "--directory", c.SAMPLE_MASTER, "-q"], shell_redirect="<&-")
        self.assertEqual(rc, 2, err)
        self.assertIn("cannot read standard input", err)

    def test_batch_of_a_file_that_cannot_be_opened(self):
        missing = os.path.join(tempfile.gettempdir(), "mamisguide-no-such-dir", "in.jsonl")
        rc, err = run_fds(["batch", "--directory", c.SAMPLE_MASTER, missing])
        self.assertEqual(rc, 2, err)
        self.assertIn("cannot open " + missing, err)
        self.assertIn(os.strerror(2), err)  # ENOENT

    def test_batch_of_a_named_file(self):
        # The same input named instead of piped: the same answers.
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write(REQUEST + "\n" + REQUEST)
        try:
            rc, out, err = c.run(["batch", "--directory", c.SAMPLE_MASTER, "-q", f.name])
            rc2, out2, _ = c.run(["batch", "--directory", c.SAMPLE_MASTER, "-q"],
                                 stdin=REQUEST + "\n" + REQUEST)
        finally:
            os.unlink(f.name)
        self.assertEqual((rc, rc2), (0, 0), err)
        self.assertEqual(out, out2)
        self.assertEqual(len(out.splitlines()), 2)


class DotFails(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def fake_dot(self, script):
        c.fake_dot(self.tmp.name, script)
        return {"PATH": self.tmp.name + os.pathsep + os.environ.get("PATH", "")}

    def test_a_dot_that_exits_1(self):
        env = self.fake_dot("cat >/dev/null\nexit 1\n")
        for what in ("transitions", "directory"):
            rc, out, err = c.run(["graph", "--what", what, "--format", "svg"], env=env)
            self.assertEqual(rc, 2, err)
            self.assertIn("failed to render", err)
            self.assertIn(os.path.join(self.tmp.name, "dot"), err)

    def test_a_dot_that_renders_gets_the_dot_text(self):
        # The fake dot copies its input: what it was given is exactly `graph`'s DOT output.
        env = self.fake_dot('test "$1" = -Tsvg || exit 3\ncat\n')
        rc, out, err = c.run(["graph", "--what", "transitions", "--format", "svg"], env=env)
        self.assertEqual(rc, 0, err)
        rc2, dot, _ = c.run(["graph", "--what", "transitions"])
        self.assertEqual(rc2, 0)
        self.assertEqual(out, dot)

    def test_a_dot_that_cannot_run(self):
        self.fake_dot("")
        os.chmod(os.path.join(self.tmp.name, "dot"), stat.S_IRUSR | stat.S_IWUSR)  # not executable
        rc, out, err = c.run(["graph", "--format", "png"], env={"PATH": self.tmp.name})
        self.assertEqual(rc, 2, err)
        self.assertTrue(err.strip())

    @unittest.skipIf("ASAN_OPTIONS" in os.environ or "UBSAN_OPTIONS" in os.environ,
                     "the sanitizers' runtime needs descriptors of its own before main() "
                     "(UBSan reads /proc/self/maps), and UBSan's vptr check opens a pipe to see "
                     "that a vtable can be read: with none left it reports a false error. The "
                     "normal build runs this")
    def test_no_descriptor_for_the_pipe_to_dot(self):
        # RLIMIT_NOFILE 4: standard input, output and error, and one more (the dynamic loader
        # opens one library at a time); the pipe to dot needs two: pipe() fails (EMFILE).
        env = self.fake_dot("cat\n")
        full_env = dict(os.environ)
        full_env.update(env)
        p = subprocess.run([c.BIN, "graph", "--what", "transitions", "--format", "svg"],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=full_env, timeout=120, preexec_fn=lambda: resource.setrlimit(
                               resource.RLIMIT_NOFILE, (4, 4)))
        err = p.stderr.decode("utf-8", "replace")
        self.assertEqual(p.returncode, 2, err)
        self.assertIn("pipe: " + os.strerror(24), err)  # EMFILE
        self.assertEqual(p.stdout, b"")

    def test_prefecture_of_the_transitions(self):
        # --prefecture picks a part of the directory: the state machine has none.
        rc, out, err = c.run(["graph", "--what", "transitions", "--prefecture", "13"])
        self.assertEqual((rc, out), (2, ""), err)
        self.assertIn("--prefecture は --what directory でのみ指定できます。", err)

    def test_no_dot(self):
        rc, out, err = c.run(["graph", "--format", "svg"], env={"PATH": self.tmp.name})
        self.assertEqual(rc, 2, err)
        self.assertIn("svg", err)
        self.assertEqual(out, "")


if __name__ == "__main__":
    c.main()
