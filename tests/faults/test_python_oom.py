#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Python and out of memory (issue 25): with libmgfault.so preloaded, each allocation made
during a call of the package (the library's, and Python's own around the ctypes call) is failed
in turn, each run in a fork()ed child. A run either returns the right answer (the allocation
had a fallback) or raises MemoryError; the library's MG_ERR_NOMEM is
mamisguide.OutOfMemoryError, a MemoryError, with the code "out_of_memory". Nothing dies, and
once memory is back the same call gives the right answer. Python is the host the library was
dlopen'd into, as PHP's and Java's would be: the first call on a new thread is one of them.

    test_python_oom.py LIBMGFAULT_SO     (PYTHONPATH and MAMISGUIDE_LIBRARY set by ctest)
"""

import ctypes
import os
import sys
import threading
import time

if os.environ.get("MGFAULT_CHILD") != "1":
    # Run again with the allocator preloaded (it must be loaded before anything allocates).
    env = dict(os.environ, LD_PRELOAD=os.path.abspath(sys.argv[1]), MGFAULT_CHILD="1")
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

import mamisguide as mg  # noqa: E402

SRC = os.environ["MG_SOURCE_DIR"]
MASTER = os.path.join(SRC, "data", "sample-municipal.csv")
CATEGORIES = os.path.join(SRC, "data", "sample-categories.csv")
EXTRA_MASTER = os.path.join(os.environ.get("TMPDIR", "/tmp"), "mgfault-%d.csv" % os.getpid())
FAULT = ctypes.CDLL(None)  # the preloaded allocator's mgfault_* functions
FAULT.mgfault_disarm.restype = ctypes.c_ulong
FAULT.mgfault_arm.argtypes = [ctypes.c_ulong]

PLAN = {"member": {"municipal": "13-chiyoda", "levels": ["municipal", "prefectural", "national"]},
        "request": {"operation": "transfer", "municipal": "14-yokohama",
                    "categories": {"municipal": "Y", "prefectural": "K"}}}
REFUSAL = {"request": {"operation": "join", "municipal": "13-chiyod", "levels": ["municipal"]}}


class Armed:
    """The allocation to fail (0: count only), armed on the thread that runs the call."""
    n = 0
    count = 0

    @staticmethod
    def call(f, e):
        FAULT.mgfault_arm(Armed.n)
        try:
            return f(e)
        finally:
            Armed.count = FAULT.mgfault_disarm()


def here(f):
    return lambda e: Armed.call(f, e)


def on_new_thread(f):
    def run(e):
        box = {}

        def body():
            try:
                box["value"] = Armed.call(f, e)
            except BaseException as x:  # noqa: B902 (carried to the caller's thread)
                box["error"] = x
        t = threading.Thread(target=body)
        t.start()
        t.join()
        if "error" in box:
            raise box["error"]
        return box["value"]
    return run


# (Every C function's allocations are failed by test_faults_capi; here, the ways Python reaches
# them: the JSON contract, a load, notices (a NULL string), a module function.)
SCENARIOS = [
    ("respond", here(lambda e: e.respond_text(PLAN))),
    ("respond refusal", here(lambda e: e.respond_text(REFUSAL))),
    ("respond, first call on a new thread", on_new_thread(lambda e: e.respond_text(PLAN))),
    ("load_directory", here(lambda e: (e.load_directory(EXTRA_MASTER), len(e))[1])),
    ("notices", here(lambda e: e.load_directory_bytes(
        b"code,name,prefecture,phone\n90-x,X,13,0\n").notices("en"))),
    ("guide", here(lambda e: mg.guide("ja"))),
]


def fresh_engine():
    return mg.Engine(MASTER, CATEGORIES)


def child(f, n, expected):
    """One run: the n-th allocation of the call fails. Exit status: 0 right answer, 3 MemoryError
    from Python itself, 4 OutOfMemoryError from the library, 1 anything else."""
    e = fresh_engine()
    Armed.n = n
    if n == 0:
        value = f(e)
        return value, Armed.count
    try:
        value = f(e)
    except mg.OutOfMemoryError as x:
        status = 4 if (x.code == "out_of_memory" and x.status == -4 and
                       x.message == "out of memory") else 1
        if status == 1:
            print("    OutOfMemoryError with %r %r %r" % (x.code, x.status, x.message))
    except MemoryError:
        status = 3
    else:
        status = 0 if value == expected else 1
        if status:
            print("    a wrong answer: %r" % ((value,),))
    Armed.n = 0
    if status in (3, 4) and f(fresh_engine()) != expected:  # memory back
        print("    a wrong answer once memory was back")
        status = 1
    return status


def main():
    with open(EXTRA_MASTER, "w", encoding="utf-8") as f:
        f.write("code,name,prefecture\n90-prev-a,Previous A,13\n90-prev-b,Previous B,27\n")
    try:
        return run_all()
    finally:
        os.unlink(EXTRA_MASTER)


def run_all():
    t0 = time.monotonic()
    failures = 0
    total_runs = 0
    for name, f in SCENARIOS:
        # The counting run (in a child too, so that every run starts from the same state).
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(r)
                value, count = child(f, 0, None)
                os.write(w, (repr(count) + "\n" + repr(value)).encode())
            except BaseException as x:  # noqa: B902
                print("    the counting run: %r" % x)
                sys.stdout.flush()
                os._exit(1)
            os._exit(0)
        os.close(w)
        data = b""
        while True:
            b = os.read(r, 1 << 20)
            if not b:
                break
            data += b
        os.close(r)
        _, status = os.waitpid(pid, 0)
        if status != 0:
            print("FAIL %s: the counting run failed" % name)
            failures += 1
            continue
        count_text, value_text = data.decode().split("\n", 1)
        count = int(count_text)
        expected = eval(value_text)  # noqa: S307 (our own repr of str/int)
        outcomes = {0: 0, 3: 0, 4: 0}
        bad = 0
        for n in range(1, count + 1):
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                try:
                    st = child(f, n, expected)
                except BaseException as x:  # noqa: B902
                    print("    %r" % x)
                    st = 1
                sys.stdout.flush()
                os._exit(st)
            _, status = os.waitpid(pid, 0)
            total_runs += 1
            if os.WIFSIGNALED(status):
                print("FAIL %s: allocation %d of %d: killed by signal %d" % (
                    name, n, count, os.WTERMSIG(status)))
                bad += 1
                continue
            code = os.WEXITSTATUS(status)
            if code in outcomes:
                outcomes[code] += 1
            else:
                print("FAIL %s: allocation %d of %d: exit %d" % (name, n, count, code))
                bad += 1
        if count and outcomes[4] == 0 and name != "guide":
            print("FAIL %s: no run raised the library's OutOfMemoryError" % name)
            bad += 1
        failures += bad
        print("%s %-40s %3d allocations: %d OutOfMemoryError, %d Python's own MemoryError, "
              "%d fallbacks" % ("FAIL" if bad else "ok  ", name, count, outcomes[4], outcomes[3],
                                outcomes[0]))
    print("test_python_oom: %d runs, %d bad, %.1f s" % (total_runs, failures,
                                                       time.monotonic() - t0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
