#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Concurrency: 16 keep-alive clients × 1,000 requests each get answers identical to one
client's, on one connection each; SIGTERM under load answers every request the server took
and exits 0. (No ctypes here: scripts/ci-hardening.sh runs this under ThreadSanitizer.)"""

import json
import signal
import socket
import threading
import time
import unittest

import http_common as h
from http_common import request

import os

CLIENTS = 16
# requests per client: 1,000; scripts/ci-hardening.sh asks fewer under ThreadSanitizer
PER_CLIENT = int(os.environ.get("MG_HTTP_LOAD_REQUESTS", "1000"))


class Load(unittest.TestCase):
    def test_16_clients_match_one(self):
        reqs = h.rule_requests()
        with h.Server(quiet=True, threads=4) as srv:
            c = srv.conn()
            expected = {}
            for i, body in enumerate(reqs):
                expected[i] = request(c, "POST", "/v1/plan", body=body)
            c.close()
            errors = []

            def client(k):
                try:
                    conn = srv.conn(timeout=60)
                    sock_before = None
                    for j in range(PER_CLIENT):
                        i = (k * 7919 + j * 31) % len(reqs)
                        got = request(conn, "POST", "/v1/plan", body=reqs[i])
                        if sock_before is None:
                            sock_before = conn.sock
                        if conn.sock is not sock_before:
                            errors.append("client %d: reconnected" % k)
                            return
                        if got[0] != expected[i][0] or got[2] != expected[i][2]:
                            errors.append("client %d request %d differs" % (k, i))
                            return
                    conn.close()
                except Exception as e:  # noqa: BLE001 — reported below
                    errors.append("client %d: %r" % (k, e))

            threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(240)
            self.assertFalse(any(t.is_alive() for t in threads), "clients hung")
            self.assertEqual(errors, [])
            # A request is counted once its response has been written (with its latency), which
            # a client can see just before the server's thread counts it: read the metrics until
            # they agree, for at most a few seconds. More requests than sent is a failure at once.
            want = len(reqs) + CLIENTS * PER_CLIENT
            deadline = time.monotonic() + 5
            while True:
                c = srv.conn()
                _, _, m = request(c, "GET", "/metrics")
                c.close()
                total = sum(int(l.rsplit(" ", 1)[1]) for l in m.decode().splitlines()
                            if l.startswith('mamisguide_http_requests_total{endpoint="/v1/plan"'))
                if total >= want or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            self.assertEqual(total, want)
            self.assertEqual(srv.stop(), 0)

    def test_sigterm_under_load(self):
        """Clients hammer the server; one batch request is in flight with half its body sent
        when SIGTERM arrives. The batch is finished and answered in full, every response any
        client got is whole and correct, the server exits 0, and the port is closed."""
        reqs = h.rule_requests()[:200]
        with h.Server(quiet=True, timeout=5) as srv:
            c = srv.conn()
            expected = [request(c, "POST", "/v1/plan", body=b)[2] for b in reqs]
            c.close()
            stop = threading.Event()
            answered = [0] * 8
            errors = []

            def client(k):
                conn = srv.conn(timeout=20)
                j = 0
                while not stop.is_set():
                    i = (k * 13 + j) % len(reqs)
                    j += 1
                    try:
                        _, _, body = request(conn, "POST", "/v1/plan", body=reqs[i])
                    except (ConnectionError, h.http.client.RemoteDisconnected,
                            h.http.client.CannotSendRequest, BrokenPipeError, OSError):
                        # closed between requests by the stop: the request was not taken
                        return
                    if body != expected[i]:
                        errors.append("client %d: wrong answer" % k)
                        return
                    answered[k] += 1

            threads = [threading.Thread(target=client, args=(k,)) for k in range(8)]
            for t in threads:
                t.start()
            # the batch in flight
            line = reqs[3] + b"\n"
            s = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
            s.sendall(b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n"
                      % (100 * len(line)))
            s.sendall(line * 50)
            time.sleep(0.5)
            srv.signal(signal.SIGTERM)
            srv.wait_for(lambda l: "mamisguide:" in l and ("stopping" in l or "終了" in l))
            time.sleep(0.3)
            s.sendall(line * 50)
            got = b""
            while True:
                b = s.recv(65536)
                if not b:
                    break
                got += b
            s.close()
            stop.set()
            for t in threads:
                t.join(30)
            rc = srv.proc.wait(30)
            self.assertEqual(rc, 0)
            rs = h.parse_responses(got)
            # (its header went out before the stop, so it carries no "Connection: close"; the
            # server closed the connection after it: the read loop above ended on EOF)
            self.assertEqual(len(rs), 1)
            out = rs[0][2].splitlines()
            self.assertEqual(len(out), 100)
            self.assertEqual(json.loads(out[-1])["line"], 100)
            self.assertEqual(errors, [])
            self.assertGreater(sum(answered), 0)
            with self.assertRaises(OSError):
                socket.create_connection(("127.0.0.1", srv.port), timeout=2)


if __name__ == "__main__":
    h.main()
