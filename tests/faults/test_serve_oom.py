#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""`mamisguide serve` out of memory (issue 25): with libmgfault.so preloaded, every 40th
allocation of the whole process fails for a few seconds (SIGUSR1 arms it, SIGUSR2 stops it)
while clients send requests and the data is reloaded. Meanwhile every answer is either the right
one or 503 `out_of_memory` (a connection may also be closed: memory that ran out in Beast or
Asio); the service never dies. Afterwards every answer is right again, the reloads were all
logged, and SIGTERM stops it with exit 0.

    test_serve_oom.py MAMISGUIDE_BINARY LIBMGFAULT_SO SOURCE_DIR
"""

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

PLAN = json.dumps({"member": {"municipal": "13-chiyoda",
                              "levels": ["municipal", "prefectural", "national"]},
                   "request": {"operation": "withdraw", "levels": ["national"]}})


def main():
    binary, lib, src = (os.path.abspath(a) for a in sys.argv[1:4])
    env = dict(os.environ, LD_PRELOAD=lib, MGFAULT_SIGNALS="1", MGFAULT_EVERY="40")
    proc = subprocess.Popen(
        [binary, "serve", "--listen", "127.0.0.1:0", "--threads", "4", "--quiet", "--lang", "en",
         "--directory", os.path.join(src, "data", "sample-municipal.csv"),
         "--categories", os.path.join(src, "data", "sample-categories.csv")],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    lines = []
    cond = threading.Condition()

    def drain():
        for raw in proc.stderr:
            with cond:
                lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                cond.notify_all()

    threading.Thread(target=drain, daemon=True).start()
    deadline = time.monotonic() + 30
    port = None
    while port is None and time.monotonic() < deadline:
        with cond:
            for l in lines:
                m = re.search(r"http://127\.0\.0\.1:(\d+)/", l)
                if m:
                    port = int(m.group(1))
            if port is None:
                cond.wait(1)
    if port is None:
        proc.kill()
        sys.exit("the service did not start")

    requests = [("POST", "/v1/plan", PLAN), ("GET", "/v1/directory?q=chiyoda", None),
                ("GET", "/healthz", None), ("POST", "/v1/batch", PLAN + "\n" + PLAN + "\n"),
                ("GET", "/v1/guide?lang=en", None), ("GET", "/metrics", None)]

    def ask(conn, method, path, body):
        conn.request(method, path, body=body.encode() if body else None)
        r = conn.getresponse()
        return r.status, r.read()

    # The right answers, before any fault (/healthz and /metrics change: their status is checked).
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    right = {(m, p): ask(conn, m, p, b) for m, p, b in requests}
    conn.close()

    stats = {"answers": 0, "unavailable": 0, "closed": 0, "wrong": []}
    lock = threading.Lock()
    stop = threading.Event()

    def client(i):
        c = None
        k = i
        while not stop.is_set():
            m, p, b = requests[k % len(requests)]
            k += 1
            try:
                if c is None:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status, data = ask(c, m, p, b)
            except (OSError, http.client.HTTPException):
                with lock:
                    stats["closed"] += 1
                if c:
                    c.close()
                c = None
                continue
            with lock:
                if status == 503:
                    err = json.loads(data)["error"]
                    if err["code"] != "out_of_memory" or not err["message"]:
                        stats["wrong"].append((p, status, data[:200]))
                    stats["unavailable"] += 1
                elif p in ("/healthz", "/metrics"):
                    stats["answers"] += 1
                    if status != 200:
                        stats["wrong"].append((p, status, data[:200]))
                elif p == "/v1/batch" and status == 200 and data != right[(m, p)][1]:
                    # A batch whose memory ran out mid-way is cut short: fewer lines, each whole.
                    good = right[(m, p)][1].split(b"\n")
                    got = data.split(b"\n")
                    if not (len(got) < len(good) and got[:-1] == good[:len(got) - 1]):
                        stats["wrong"].append((p, status, data[:200]))
                    stats["closed"] += 1
                else:
                    stats["answers"] += 1
                    if (status, data) != right[(m, p)]:
                        stats["wrong"].append((p, status, data[:200]))
        if c:
            c.close()

    workers = [threading.Thread(target=client, args=(i,)) for i in range(6)]
    for w in workers:
        w.start()
    time.sleep(0.5)
    proc.send_signal(signal.SIGUSR1)  # every 40th allocation fails from now on
    for _ in range(6):
        time.sleep(0.5)
        proc.send_signal(signal.SIGHUP)
    time.sleep(0.5)
    proc.send_signal(signal.SIGUSR2)  # memory back
    during = dict(stats, wrong=len(stats["wrong"]))
    time.sleep(1.0)
    with lock:
        for k in ("answers", "unavailable", "closed"):
            stats[k] = 0
    time.sleep(2.0)
    stop.set()
    for w in workers:
        w.join(60)
    after = dict(stats)
    alive = proc.poll() is None
    # Memory back: every answer right, on a new connection too.
    final_ok = True
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for m, p, b in requests:
            if p in ("/healthz", "/metrics"):
                continue
            got = ask(conn, m, p, b)
            if got[1] != right[(m, p)][1]:
                print("    once memory was back, %s %s: %d %r" % (m, p, got[0], got[1][:200]))
                final_ok = False
        conn.close()
    except (OSError, http.client.HTTPException) as e:
        print("    once memory was back: %r" % e)
        final_ok = False
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = "killed"
    with cond:
        reloads = [l for l in lines if l.startswith("mamisguide: re")]
    problems = []
    if not alive or rc != 0:
        problems.append("the service did not survive (exit %s)" % rc)
    if after["wrong"]:
        problems.append("wrong answers: %r" % after["wrong"][:5])
    if after["unavailable"] or after["closed"]:
        problems.append("after memory came back: %d 503s, %d closed" % (
            after["unavailable"], after["closed"]))
    if not final_ok:
        problems.append("a wrong answer once memory was back")
    if len(reloads) != 6:
        problems.append("%d reload lines for 6 SIGHUPs" % len(reloads))
    if during["unavailable"] == 0:
        problems.append("no request was answered 503 out_of_memory while allocations failed")
    print("test_serve_oom: while every 40th allocation failed: %d answers, %d 503 out_of_memory, "
          "%d connections closed or batches cut short; %d reloads logged (%s); afterwards: %d "
          "answers, %d wrong; exit %s" % (
              during["answers"], during["unavailable"], during["closed"], len(reloads),
              ", ".join(sorted(set(re.sub(r":.*", "", l[12:]) for l in reloads))),
              after["answers"], len(after["wrong"]), rc))
    for p in problems:
        print("FAIL " + p)
    if problems:
        with cond:
            print("the service's log (end):\n" + "\n".join(lines[-20:]))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
