# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Shared helpers of the command-line tests (Python 3 standard library only).

Every test script is run as  python3 test_x.py MAMISGUIDE_BINARY SOURCE_DIR  by ctest.
"""

import json
import os
import pty
import subprocess
import sys
import time
import unittest

BIN = ""
SRC = ""
SAMPLE_MASTER = ""
SAMPLE_CATEGORIES = ""

OPERATIONS = {"join", "additional_join", "change_category", "change_facility", "transfer", "withdraw"}
FORMS = {"admission", "transfer", "withdrawal"}
SELECTIONS = {None, "new", "additional", "category_change", "association_transfer"}
LEVELS = ["municipal", "prefectural", "national"]
CODES = {
    "invalid_request", "unknown_association", "level_mismatch", "invalid_state", "not_a_member",
    "already_member", "level_not_held", "level_already_held", "illegal_levels", "same_association",
    "category_required", "unknown_category", "category_unchanged", "no_category",
}


def main():
    """Reads the binary and the source directory from argv, then runs unittest."""
    global BIN, SRC, SAMPLE_MASTER, SAMPLE_CATEGORIES
    if len(sys.argv) < 3:
        sys.exit("usage: %s MAMISGUIDE_BINARY SOURCE_DIR [unittest args]" % sys.argv[0])
    BIN = os.path.abspath(sys.argv[1])
    SRC = os.path.abspath(sys.argv[2])
    SAMPLE_MASTER = os.path.join(SRC, "data", "sample-municipal.csv")
    SAMPLE_CATEGORIES = os.path.join(SRC, "data", "sample-categories.csv")
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=2)


def batch_on_terminal(args, first, second):
    """`mamisguide batch ARGS` with standard error a terminal (a pty): the line `first`, its
    answer read (the run has started), 1.3 s later the line `second` and the end of input.
    Returns (the first answer, parsed; the rest of standard output; what reached the terminal)."""
    master, slave = pty.openpty()
    try:
        p = subprocess.Popen([BIN, "batch", *args], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=slave)
        os.close(slave)
        slave = -1
        try:
            p.stdin.write((first + "\n").encode())
            p.stdin.flush()
            answer = json.loads(p.stdout.readline())
            time.sleep(1.3)
            p.stdin.write((second + "\n").encode())
            p.stdin.close()
            rest = p.stdout.read()
            if p.wait(60) != 0:
                raise AssertionError(f"batch exited {p.returncode}")
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
            p.stdout.close()
        err = b""
        while True:
            try:
                b = os.read(master, 4096)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not b:
                break
            err += b
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)
    return answer, rest, err


def fake_dot(directory, script):
    """A `dot` in `directory` that runs the shell `script`; returns its path."""
    path = os.path.join(directory, "dot")
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + script)
    os.chmod(path, 0o700)
    return path


def run(args, stdin=None, env=None, binary=True):
    """Runs mamisguide; returns (returncode, stdout, stderr). Text is decoded as UTF-8 unless
    binary output is asked for with binary=None."""
    if isinstance(stdin, str):
        stdin = stdin.encode("utf-8")
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    p = subprocess.run([BIN] + list(args), input=stdin if stdin is not None else b"",
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=full_env, timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def check_response(tc, obj, line=None):
    """Asserts that `obj` is one of the contract's two response shapes."""
    tc.assertIsInstance(obj, dict)
    if line is not None:
        tc.assertEqual(obj.get("line"), line)
    else:
        tc.assertNotIn("line", obj)
    tc.assertIn(obj.get("ok"), (True, False))
    if obj["ok"]:
        tc.assertIn(obj["operation"], OPERATIONS)
        tc.assertIn(obj["form"], FORMS)
        tc.assertIsInstance(obj["form_label"], str)
        tc.assertIn(obj["selection"], SELECTIONS)
        tc.assertIsInstance(obj["checked"], list)
        tc.assertTrue(obj["checked"])
        for a in obj["checked"]:
            tc.assertIn(a["level"], LEVELS)
            tc.assertIsInstance(a["code"], str)
            tc.assertIsInstance(a["name"], str)
        tc.assertEqual([LEVELS.index(a["level"]) for a in obj["checked"]],
                       sorted(LEVELS.index(a["level"]) for a in obj["checked"]))
        tc.assertIsInstance(obj["categories"], dict)
        for q in obj["prerequisites"]:
            tc.assertIn(q["kind"], ("user_registration", "mypage_check"))
            tc.assertIsInstance(q["steps"], list)
            tc.assertIsInstance(q["manual"], str)
        tc.assertTrue(obj["steps"])
        for s in obj["steps"]:
            tc.assertIsInstance(s, str)
        tc.assertIsInstance(obj["manual"], str)
        tc.assertIn(obj["actor"], ("member", "secretariat"))
        tc.assertIsInstance(obj["result"], dict)
        tc.assertIsInstance(obj["result"]["levels"], list)
        tc.assertIsInstance(obj["notes"], list)
        tc.assertIsInstance(obj["rule"], str)
    else:
        err = obj["error"]
        tc.assertIn(err["code"], CODES)
        tc.assertIsInstance(err["message"], str)
        tc.assertTrue(err["message"])
        if "suggestion" in err:
            tc.assertIn(err["suggestion"]["operation"], OPERATIONS)


def flags_and_json(op, held=None, municipal=None, to=None, levels=None, categories=None,
                   current=None, mypage=None, reason=None, cascade=False, proxy=False, lang=None):
    """The same request twice: as `mamisguide plan` flags and as a contract JSON request."""
    chains = {None: [], "none": [], "municipal": LEVELS[:1], "prefectural": LEVELS[:2],
              "all": LEVELS[:]}
    args = ["plan", op]
    member = {}
    request = {"operation": op}
    if held is not None:
        args += ["--held", held]
    member["levels"] = chains[held] if held in chains else held.split(",")
    if municipal is not None:
        args += ["--municipal", municipal]
        member["municipal"] = municipal
    if mypage is not None:
        args += ["--mypage", mypage]
        member["mypage"] = mypage
    if current:
        for k, v in current.items():
            args += ["--current-category", "%s=%s" % (k, v)]
        member["categories"] = dict(current)
    if to is not None:
        args += ["--to", to]
        request["municipal"] = to
    if levels is not None:
        args += ["--levels", ",".join(levels)]
        request["levels"] = list(levels)
    if categories:
        for k, v in categories.items():
            args += ["--category", "%s=%s" % (k, v)]
        request["categories"] = dict(categories)
    if reason is not None:
        args += ["--reason", reason]
        request["reason"] = reason
    if cascade:
        args.append("--cascade")
        request["cascade"] = True
    if proxy:
        args.append("--proxy")
        request["proxy"] = True
    doc = {"member": member, "request": request}
    if lang is not None:
        args += ["--lang", lang]
        doc["lang"] = lang
    return args, json.dumps(doc, ensure_ascii=False)
