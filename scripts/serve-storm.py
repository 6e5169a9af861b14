#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""`mamisguide serve` under a SIGHUP storm (issue 25; docs/hardening.md).

    scripts/serve-storm.py BUILD_DIR [--seconds 60] [--clients 8] [--rate 20]    (reload)
    scripts/serve-storm.py BUILD_DIR --soak [--seconds 600] [--clients 64]       (soak)

The service runs from BUILD_DIR (src/mamisguide, capi/libmamisguide.so) on a master file that a
driver changes and reloads `--rate` times a second (SIGHUP), in turn: a good master (A, then B),
a refused one, the file deleted, and a large one (C) truncated or rewritten in place while the
service reads it. Meanwhile `--clients` keep-alive connections send requests whose answers name
the master they came from (an association, 99-storm, is named differently in A, B and C; /healthz
has the master's row count), and every answer is compared, byte for byte, with the answer of an
in-process engine (the Python package, over the same libmamisguide) on that master. An answer
from a master that was not in service while the request was in flight is wrong too.

Checks (exit 1 when one fails): every SIGHUP is logged with its outcome (reloaded / refused), the
outcome is the one the file asked for, zero wrong answers, zero failed requests, and (reload
mode) RSS grows at most 1 MiB after the warm-up (RSS read with master A in service, after each
reload of A). --soak adds bad requests (malformed JSON, unknown paths, bad parameters, wrong
methods) and hostile ones (bodies over 1 MiB, headers over 16 KiB, garbage request lines, a half
header then a close, deeply nested JSON) on connections of their own, and prints the figures:
requests, errors, p50/p99 latency, RSS at the start and at the end.
"""

import argparse
import bisect
import ctypes
import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

STORM = "99-storm"
PLAN_STORM = json.dumps({"request": {"operation": "join", "municipal": STORM,
                                     "levels": ["municipal"], "categories": {"municipal": "X"}}})
PLAN_FIXED = json.dumps({
    "member": {"municipal": "13-chiyoda", "levels": ["municipal", "prefectural", "national"],
               "categories": {"municipal": "A", "prefectural": "A", "national": "A2B"}},
    "request": {"operation": "transfer", "municipal": "14-yokohama",
                "categories": {"municipal": "Y", "prefectural": "K"}}, "lang": "en"})
REFUSAL = json.dumps({"member": {"municipal": "13-chiyoda",
                                 "levels": ["municipal", "prefectural", "national"]},
                      "request": {"operation": "withdraw", "levels": ["municipal"]}})
BAD_JSON = '{"request": {"operation": "join", "levels": [}'


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Masters:
    """The files: A, B (good), C (good and large), a refused one; their engines."""

    def __init__(self, src, d, lib):
        self.dir = d
        self.path = os.path.join(d, "master.csv")
        self.categories = os.path.join(src, "data", "sample-categories.csv")
        with open(os.path.join(src, "data", "sample-municipal.csv"), encoding="utf-8") as f:
            base = f.read()
        if not base.endswith("\n"):
            base += "\n"
        self.text = {
            "A": base + STORM + ",ストームA医師会,13,Storm A\n",
            "B": base + STORM + ",ストームB医師会,13,Storm B\n98-storm-b,追加B医師会,27,Extra B\n"
                 "98-storm-b2,追加B2医師会,28,Extra B2\n",
        }
        # C: 14 MB, nearly all of it lines of spaces (blank rows, skipped quickly) between its
        # first rows and its last two, so that reading it takes long enough for the driver to
        # change it meanwhile, and parsing it does not. Any prefix of it ending in the blank
        # rows is itself a valid master (without the last two rows): loaded, it would be a
        # master that was never in the file.
        head = base + STORM + ",ストームC医師会,13,Storm C\n95-storm-c,先頭C医師会,40,Head C\n"
        blank = (" " * 1023 + "\n") * 14000
        self.text["C"] = (head + blank + "97-storm-c,追加C医師会,40,Extra C\n"
                          "96-storm-c,追加C2医師会,47,Extra C2\n")
        self.c_cut = len(head.encode()) + 7000 * 1024  # a line's start in the blank rows
        # T: C truncated there, as the driver leaves it (a master too, when read whole). Its
        # 99-storm is C's: answers about it are the same; /healthz tells them apart.
        self.text["T"] = self.text["C"].encode()[:self.c_cut].decode()
        self.refused = base + "13-chiyoda,重複医師会,13,Duplicate\n"
        self.a_bytes = self.text["A"].encode()
        sys.path.insert(0, os.path.join(src, "python"))
        os.environ["MAMISGUIDE_LIBRARY"] = lib
        import mamisguide  # noqa: E402  (the package of this checkout, on this library)
        from mamisguide import _ffi  # noqa: E402
        self.ffi = _ffi
        self.engines, self.size, self.by_name, self.by_size = {}, {}, {}, {}
        for k, text in self.text.items():
            p = os.path.join(d, "engine-%s.csv" % k)
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
            e = mamisguide.Engine(p, self.categories)
            self.engines[k] = e
            self.size[k] = len(e)
            self.by_size[len(e)] = k
            self.by_name.setdefault(e.find_association(STORM, "ja").name, k)
        assert len(self.by_size) == 4 and len(self.by_name) == 3
        self.builtin = len(mamisguide.Engine())
        self.expected = {}  # (kind, identity) -> expected bytes, filled lazily
        self.lock = threading.Lock()

    def write(self, text):
        """Replaces the served file atomically (rename)."""
        tmp = self.path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, self.path)

    def answer(self, kind, ident, body=None):
        key = (kind, ident, body)
        with self.lock:
            if key in self.expected:
                return self.expected[key]
        e = self.engines[ident]
        if kind == "plan":
            v = e.respond_text(body).encode("utf-8")
        elif kind == "directory":
            out = ctypes.c_void_p()
            with e._reading() as h:
                e._lib.mg_directory_json(h, None, None, STORM.encode(), 0, ctypes.byref(out))
            v = self.ffi.take_string(out).encode("utf-8")
        else:
            raise ValueError(kind)
        with self.lock:
            self.expected[key] = v
        return v


class Server:
    def __init__(self, build, masters, threads):
        self.bin = os.path.join(build, "src", "mamisguide")
        self.args = [self.bin, "serve", "--listen", "127.0.0.1:0", "--directory", masters.path,
                     "--categories", masters.categories, "--threads", str(threads), "--quiet",
                     "--lang", "en", "--timeout", "10"]
        self.lines = []
        self.cond = threading.Condition()

    def start(self):
        self.proc = subprocess.Popen(self.args, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        threading.Thread(target=self._drain, daemon=True).start()
        line = self.wait_for(lambda l: "http://" in l, 0, 30)
        self.port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))

    def _drain(self):
        for raw in self.proc.stderr:
            with self.cond:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self.cond.notify_all()
        with self.cond:
            self.lines.append(None)
            self.cond.notify_all()

    def wait_for(self, pred, start, timeout):
        deadline = time.monotonic() + timeout
        i = start
        with self.cond:
            while True:
                while i < len(self.lines):
                    if self.lines[i] is None:
                        raise SystemExit("serve-storm: the service ended:\n" + "\n".join(
                            l for l in self.lines if l))
                    if pred(self.lines[i]):
                        return self.lines[i]
                    i += 1
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.hostile = 0
        self.wrong = []      # descriptions of wrong answers
        self.failed = []     # requests that got no answer
        self.latency = []    # seconds, keep-alive requests
        self.seen = []       # (t0, t1, identity)

    def wrong_answer(self, what):
        with self.lock:
            if len(self.wrong) < 20:
                print("serve-storm: WRONG " + what[:400], file=sys.stderr)
            self.wrong.append(what)


def client(server, masters, stats, stop, soak, seed):
    rnd = random.Random(seed)
    conn = None
    kinds = ["plan_storm", "directory", "healthz", "batch", "plan_fixed"]
    if soak:
        kinds += ["bad_json", "not_found", "bad_param", "bad_method", "refusal"]
    while not stop.is_set():
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        kind = rnd.choice(kinds)
        method, path, body = "GET", None, None
        if kind == "plan_storm":
            method, path, body = "POST", "/v1/plan", PLAN_STORM
        elif kind == "plan_fixed":
            method, path, body = "POST", "/v1/plan", PLAN_FIXED
        elif kind == "refusal":
            method, path, body = "POST", "/v1/plan", REFUSAL
        elif kind == "bad_json":
            method, path, body = "POST", "/v1/plan", BAD_JSON
        elif kind == "directory":
            path = "/v1/directory?code=" + STORM
        elif kind == "healthz":
            path = "/healthz"
        elif kind == "batch":
            method, path, body = "POST", "/v1/batch", "\n".join([PLAN_STORM, REFUSAL, PLAN_FIXED]) + "\n"
        elif kind == "not_found":
            path = "/v1/nowhere"
        elif kind == "bad_param":
            path = "/v1/directory?colour=red"
        elif kind == "bad_method":
            method, path = "DELETE", "/v1/plan"
        t0 = time.monotonic()
        try:
            conn.request(method, path, body=body.encode() if body else None,
                         headers={"Content-Type": "application/json"} if body else {})
            r = conn.getresponse()
            data = r.read()
            status = r.status
        except (OSError, http.client.HTTPException) as e:
            with stats.lock:
                stats.failed.append("%s: %r" % (kind, e))
            conn.close()
            conn = None
            continue
        t1 = time.monotonic()
        with stats.lock:
            stats.requests += 1
            stats.latency.append(t1 - t0)
        check(kind, status, data, body, t0, t1, masters, stats)


def ident_of_name(masters, name):
    return masters.by_name.get(name)


def check(kind, status, data, body, t0, t1, masters, stats):
    def wrong(why):
        stats.wrong_answer("%s: %s: %r" % (kind, why, data[:300]))

    try:
        if kind in ("plan_storm", "directory"):
            doc = json.loads(data)
            name = doc["checked"][0]["name"] if kind == "plan_storm" else doc[0]["name"]
            ident = ident_of_name(masters, name)
            if ident is None:
                return wrong("no known master")
            expected = masters.answer("plan" if kind == "plan_storm" else "directory", ident,
                                      PLAN_STORM if kind == "plan_storm" else None)
            if status != 200 or data != expected:
                return wrong("differs from master %s's answer" % ident)
            with stats.lock:
                stats.seen.append((t0, t1, ident))
        elif kind == "healthz":
            doc = json.loads(data)
            ident = masters.by_size.get(doc["associations"])
            if status != 200 or ident is None or \
                    doc["master_rows"] != doc["associations"] - masters.builtin:
                return wrong("not a known master's size")
            with stats.lock:
                stats.seen.append((t0, t1, ident))
        elif kind in ("plan_fixed", "refusal", "bad_json"):
            expected = masters.answer("plan", "A", body)
            want = 400 if kind == "bad_json" else 200
            if status != want or data != expected:
                return wrong("differs from the engine's answer")
        elif kind == "batch":
            lines = data.decode("utf-8").split("\n")
            if status != 200 or len(lines) != 4 or lines[3] != "":
                return wrong("not three lines")
            first = json.loads(lines[0])
            ident = ident_of_name(masters, first["checked"][0]["name"])
            if ident is None:
                return wrong("no known master")
            for n, (line, req) in enumerate(zip(lines, [PLAN_STORM, REFUSAL, PLAN_FIXED]), 1):
                got = json.loads(line)
                if got.pop("line", None) != n:
                    return wrong("line %d: its number" % n)
                if got != json.loads(masters.answer("plan", ident, req)):
                    return wrong("line %d differs from master %s's answer" % (n, ident))
            with stats.lock:
                stats.seen.append((t0, t1, ident))
        elif kind == "not_found":
            if status != 404 or json.loads(data)["error"]["code"] != "not_found":
                return wrong("not a 404")
        elif kind == "bad_param":
            if status != 400 or json.loads(data)["error"]["code"] != "invalid_parameter":
                return wrong("not a 400 invalid_parameter")
        elif kind == "bad_method":
            if status != 405:
                return wrong("not a 405")
    except (ValueError, KeyError, IndexError, TypeError) as e:
        wrong("unreadable: %r" % e)


def hostile(server, stats, stop, seed):
    """Hostile requests, each on a connection of its own: the service answers or closes, and
    keeps serving the others."""
    rnd = random.Random(seed)
    cases = [
        ("POST /v1/plan HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % (2 << 20)).encode()
        + b"x" * 4096,                                               # 413, unread
        b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n",  # 431
        b"\x16\x03\x01\x02\x00garbage\r\n\r\n",                     # 400
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Half: ",             # half a header, then close
        ("POST /v1/plan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
         "Content-Length: %d\r\nConnection: close\r\n\r\n" % 200001).encode()
        + b"[" * 100000 + b"]" * 100000 + b"\n",                     # nested too deep: 400
        b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",  # bad chunk
    ]
    while not stop.is_set():
        data = rnd.choice(cases)
        try:
            s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            try:
                s.sendall(data)
                s.shutdown(socket.SHUT_WR)
                while s.recv(65536):
                    pass
            finally:
                s.close()
        except OSError:
            pass  # the service may reset a connection it refused: that is an answer too
        with stats.lock:
            stats.hostile += 1
        time.sleep(0.005)


def storm(server, masters, stop, until, rate, log):
    """The driver: one reload every 1/rate s, each waited for in the log."""
    pid = server.proc.pid
    period = 1.0 / rate
    events = []  # (t_signal, t_logged, identity) of every reload that published data
    outcomes = {}
    problems = []
    rss_a = []   # (time, RSS KiB) right after each reload of A
    step = 0
    current = "A"
    next_at = time.monotonic()
    while time.monotonic() < until and not stop.is_set():
        kind = ("good", "refused", "deleted", "torn")[step % 4]
        turn = (step // 4) % 2
        if kind == "good":
            want = "A" if turn == 0 else "B"
            masters.write(masters.text[want])
        elif kind == "refused":
            masters.write(masters.refused)
        elif kind == "deleted":
            try:
                os.unlink(masters.path)
            except FileNotFoundError:
                pass
        else:
            masters.write(masters.text["C"])
        with server.cond:
            n0 = len(server.lines)
        t_sig = time.monotonic()
        os.kill(pid, signal.SIGHUP)
        if kind == "torn":
            time.sleep(random.uniform(0, 0.003))
            if turn == 0:  # truncated in place, at a line in its blank rows
                with open(masters.path, "r+b") as f:
                    f.truncate(masters.c_cut)
            else:          # rewritten in place (not renamed) with A
                with open(masters.path, "wb") as f:
                    f.write(masters.a_bytes)
        line = server.wait_for(lambda l: l.startswith("mamisguide: re"), n0, 10)
        t_log = time.monotonic()
        if line is None:
            problems.append("step %d (%s): no reload logged within 10 s" % (step, kind))
            break
        m = re.match(r"mamisguide: reloaded the data; associations: (\d+)$", line)
        if m:
            ident = masters.by_size.get(int(m.group(1)))
            outcome = "reloaded " + str(ident)
            # A torn step loads C when the read came first, what the driver left when it came
            # after (T, or A); never anything else.
            ok = (kind == "good" and ident == want) or \
                 (kind == "torn" and ident in (("C", "T") if turn == 0 else ("C", "A")))
            if ident is not None:
                events.append((t_sig, t_log, ident))
                current = ident
                if ident == "A":
                    rss_a.append((t_log, rss_kib(pid)))
        elif line.startswith("mamisguide: reload refused"):
            outcome = "refused"
            ok = kind in ("refused", "deleted", "torn")
        else:
            outcome, ok = "?", False
        key = "%s %s" % (kind + ("" if kind != "torn" else (" truncated" if turn == 0 else " rewritten")), outcome)
        outcomes[key] = outcomes.get(key, 0) + 1
        if not ok:
            problems.append("step %d (%s): %s" % (step, kind, line))
        step += 1
        next_at += period
        time.sleep(max(0.0, next_at - time.monotonic()))
    log.update(events=events, outcomes=outcomes, problems=problems, steps=step, rss_a=rss_a,
               current=current)


def same_answers(a, b):
    """C and T answer every request but /healthz alike (T is C without its last rows)."""
    return a == b or {a, b} == {"C", "T"}


def timeline_check(events, seen, initial="A"):
    """Each answer's master must have been in service at some moment of its request: master k
    of the reloads was published between its SIGHUP and its log line, and replaced at the latest
    when the next reload that published was logged."""
    starts = [e[0] for e in events]
    bad = 0
    for t0, t1, ident in seen:
        ok = False
        # masters possibly in service during [t0, t1]
        i = bisect.bisect_right(starts, t1) - 1  # the last reload signalled before t1
        k = i
        while k >= -1:
            name = initial if k < 0 else events[k][2]
            until = events[k + 1][1] if k + 1 < len(events) else float("inf")
            since = 0.0 if k < 0 else events[k][0]
            if since <= t1 and until >= t0 and same_answers(name, ident):
                ok = True
                break
            if until < t0:
                break
            k -= 1
        if not ok:
            bad += 1
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build")
    ap.add_argument("--seconds", type=float, default=None)
    ap.add_argument("--clients", type=int, default=None)
    ap.add_argument("--rate", type=float, default=20.0)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--warmup", type=float, default=10.0)
    ap.add_argument("--soak", action="store_true")
    ap.add_argument("--rss-limit-kib", type=int, default=1024)
    args = ap.parse_args()
    seconds = args.seconds or (600.0 if args.soak else 60.0)
    clients = args.clients or (64 if args.soak else 8)
    src = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    build = os.path.abspath(args.build)
    lib = os.path.join(build, "capi", "libmamisguide.so")

    with tempfile.TemporaryDirectory() as d:
        masters = Masters(src, d, lib)
        masters.write(masters.text["A"])
        server = Server(build, masters, args.threads)
        server.start()
        pid = server.proc.pid
        stats = Stats()
        stop = threading.Event()
        rss_start = rss_kib(pid)
        t_start = time.monotonic()
        until = t_start + seconds
        workers = [threading.Thread(target=client, args=(server, masters, stats, stop, args.soak, i),
                                    daemon=True) for i in range(clients)]
        if args.soak:
            workers += [threading.Thread(target=hostile, args=(server, stats, stop, 1000 + i),
                                         daemon=True) for i in range(2)]
        for w in workers:
            w.start()
        rss_series = []
        sampler_stop = threading.Event()

        def sample():
            while not sampler_stop.wait(1.0):
                rss_series.append((time.monotonic() - t_start, rss_kib(pid)))
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        log = {}
        storm(server, masters, stop, until, args.rate, log)
        stop.set()
        for w in workers:
            w.join(60)
        sampler_stop.set()
        rss_end = rss_kib(pid)
        alive = server.proc.poll() is None
        server.proc.send_signal(signal.SIGTERM)
        try:
            rc = server.proc.wait(60)
        except subprocess.TimeoutExpired:
            server.proc.kill()
            rc = "killed"
        elapsed = time.monotonic() - t_start
        with server.cond:
            logged = sum(1 for l in server.lines if l and l.startswith("mamisguide: re"))

    late = timeline_check(log["events"], stats.seen)
    lat = sorted(stats.latency)
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else 0.0
    warm = [v for (t, v) in log["rss_a"] if t - t_start >= args.warmup]
    growth = (max(warm[len(warm) // 2:]) - warm[0]) if len(warm) >= 2 else 0
    mode = "soak" if args.soak else "reload"
    print("serve-storm (%s): %.0f s, %d clients, %d reloads signalled and %d logged (%s)" % (
        mode, elapsed, clients, log["steps"], logged,
        ", ".join("%s: %d" % kv for kv in sorted(log["outcomes"].items()))))
    print("  requests: %d answered (%.0f/s), %d hostile connections; wrong answers: %d; "
          "answers from a master not in service: %d; requests without an answer: %d" % (
              stats.requests, stats.requests / elapsed, stats.hostile, len(stats.wrong), late,
              len(stats.failed)))
    print("  latency: p50 %.2f ms, p99 %.2f ms, max %.1f ms" % (p(0.50), p(0.99), p(1.0) * 1 if lat else 0))
    print("  RSS: %d KiB at the start, %d KiB at the end; after each reload of A past the %.0f s "
          "warm-up: first %s KiB, highest of the second half %s KiB (growth %d KiB)" % (
              rss_start, rss_end, args.warmup, warm[0] if warm else "-",
              max(warm[len(warm) // 2:]) if warm else "-", growth))
    problems = list(log["problems"])
    if logged != log["steps"]:
        problems.append("%d SIGHUPs but %d reload lines in the log" % (log["steps"], logged))
    if stats.wrong:
        problems.append("%d wrong answers" % len(stats.wrong))
    if late:
        problems.append("%d answers from a master that was not in service" % late)
    if stats.failed:
        problems.append("%d requests without an answer, e.g. %s" % (len(stats.failed), stats.failed[:3]))
    if not alive or rc != 0:
        problems.append("the service did not survive (exit %s)" % rc)
    if not args.soak and growth > args.rss_limit_kib:
        problems.append("RSS grew %d KiB after the warm-up (limit %d)" % (growth, args.rss_limit_kib))
    if not args.soak and log["steps"] < 0.9 * seconds * args.rate:
        problems.append("only %d reloads in %.0f s" % (log["steps"], seconds))
    for p_ in problems[:30]:
        print("serve-storm: FAIL " + p_, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
