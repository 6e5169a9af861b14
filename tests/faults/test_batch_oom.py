#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""`mamisguide batch` out of memory (issue 25): with libmgfault.so preloaded, every allocation
made while answering lines (from the allocation of the 1 MiB read buffer on: MGFAULT_ARM_SIZE)
is failed in turn, one run each. Every run either answers every line exactly as a run without
faults does (the allocation had a fallback), or writes the answers of the lines before the one
it could not answer, whole and in order, and exits 2 with a message naming that line. It never
dies by a signal, never drops, reorders or cuts a line.

    test_batch_oom.py MAMISGUIDE_BINARY LIBMGFAULT_SO SOURCE_DIR
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time

PLAN = json.dumps({"member": {"municipal": "13-chiyoda",
                              "levels": ["municipal", "prefectural", "national"]},
                   "request": {"operation": "withdraw", "levels": ["national"]}})


def lines():
    """Lines that each make the library allocate: a syntax error (its position is found by a
    second parser), candidates for an unknown association, a request larger than the parser's
    first block, and enough plans that a line is split across two 1 MiB reads."""
    out = [PLAN,
           '{"request": {"operation": "join", "levels": [}',
           json.dumps({"request": {"operation": "join", "municipal": "13-chiyod",
                                   "levels": ["municipal"], "categories": {"municipal": "A"}}}),
           json.dumps({"member": {"municipal": "13-chiyoda", "levels": ["municipal"]},
                       "request": {"operation": "change_facility", "reason": "x" * 200000}}),
           "",
           json.dumps({"request": {"operation": "join", "municipal": "13-chiyoda",
                                   "levels": ["municipal"], "categories": {"municipal": "Z"}},
                       "lang": "en"})]
    size = sum(len(l) + 1 for l in out)
    filler = 0
    while size < (1 << 20) + 50000:  # past the first read of 1 MiB
        l = json.dumps({"member": {"municipal": "13-chiyoda", "levels": ["municipal"]},
                        "request": {"operation": "change_facility", "reason": "r%06d" % filler}})
        out.append(l)
        size += len(l) + 1
        filler += 1
    out.append(PLAN)
    return "\n".join(out) + "\n"


def run(binary, lib, src, inp, env_extra):
    env = dict(os.environ, LD_PRELOAD=lib, **env_extra)
    return subprocess.run([binary, "batch", "--quiet", "--directory",
                           os.path.join(src, "data", "sample-municipal.csv"), inp],
                          stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=120)


def main():
    binary, lib, src = (os.path.abspath(a) for a in sys.argv[1:4])
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as d:
        inp = os.path.join(d, "in.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            f.write(lines())
        report = os.path.join(d, "report")
        arm = {"MGFAULT_ARM_SIZE": str(1 << 20)}
        ref = run(binary, lib, src, inp, dict(arm, MGFAULT_REPORT=report))
        if ref.returncode != 0:
            sys.exit("the run without faults failed: %d %s" % (ref.returncode, ref.stderr[-2000:]))
        with open(report) as f:
            total = int(f.read().split()[0])
        expected = ref.stdout.split(b"\n")
        assert expected[-1] == b"", "the output ends with a newline"
        expected = expected[:-1]
        n_lines = len(expected)
        bad = []
        stopped = fallback = 0
        for n in range(1, total + 1):
            r = run(binary, lib, src, inp, dict(arm, MGFAULT_FAIL_AT=str(n)))
            why = None
            if r.returncode < 0:
                why = "killed by signal %d" % -r.returncode
            elif r.returncode == 0:
                fallback += 1
                if r.stdout != ref.stdout:
                    why = "exit 0 with an output that differs"
            elif r.returncode == 2:
                stopped += 1
                err = r.stderr.decode("utf-8", "replace")
                m = re.search(r"(?:中止した行: |Stopped at line )(\d+)", err)
                if not m:
                    why = "exit 2 without naming the line: %r" % err[-300:]
                else:
                    k = int(m.group(1))
                    got = r.stdout.split(b"\n")
                    if got[-1] != b"":
                        why = "half a line written"
                    elif not (1 <= k <= n_lines) or got[:-1] != expected[:k - 1]:
                        why = "stopped at line %d but the lines before it differ (%d written)" % (
                            k, len(got) - 1)
            else:
                why = "exit %d: %r" % (r.returncode, r.stderr[-300:])
            if why:
                bad.append("allocation %d of %d: %s" % (n, total, why))
    for b in bad[:20]:
        print("FAIL " + b)
    print("test_batch_oom: %d lines, %d allocations after the read buffer, each failed in turn: "
          "%d stopped at a named line, %d had a fallback, %d bad, %.1f s" % (
              n_lines, total, stopped, fallback, len(bad), time.monotonic() - t0))
    return 1 if bad or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
