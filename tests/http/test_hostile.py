#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Bad HTTP of each kind gets its status and a JSON body; a stalled client (slowloris) is cut
off by the read timeout and never blocks the others; the connection cap answers 503."""

import json
import socket
import threading
import time
import unittest

import http_common as h
from http_common import JSON_TYPE, request


def one_response(port, data, timeout=10):
    rs = h.parse_responses(h.raw_exchange(port, data, timeout=timeout))
    assert len(rs) == 1, rs
    return rs[0]


class BadHttp(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = h.Server(timeout=1).start()

    @classmethod
    def tearDownClass(cls):
        assert cls.srv.stop() == 0

    def assertJsonError(self, r, status, code):
        self.assertEqual(r[0], status, r)
        self.assertEqual(r[1]["content-type"], JSON_TYPE)
        obj = json.loads(r[2])
        self.assertEqual(obj["ok"], False)
        self.assertEqual(obj["error"]["code"], code)

    def test_malformed_request_line_and_headers(self):
        for data in (b"GARBAGE\r\n\r\n",
                     b"GET\r\n\r\n",
                     b"GET / HTTP/9.9\r\n\r\n",
                     b"GET / HTTP/1.1 extra\r\n\r\n",
                     b"GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n",
                     b"G@T / HTTP/1.1\r\nHost: x\r\n\r\n",
                     b"GET / HTTP/1.1\r\nBad Header\r\n\r\n",
                     b"GET / HTTP/1.1\r\n: novalue\r\n\r\n",
                     b"GET / HTTP/1.1\r\nHost: x\x00y\r\n\r\n",
                     b"POST /v1/plan HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
                     b"POST /v1/plan HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}",
                     b"POST /v1/plan HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                     b"POST /v1/batch HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"):
            with self.subTest(data=data):
                raw = h.raw_exchange(self.srv.port, data)
                if data.startswith(b"POST /v1/batch"):
                    # the 200 header went out before the bad chunk: the response is cut short
                    self.assertTrue(raw.startswith(b"HTTP/1.1 200"))
                    self.assertFalse(raw.endswith(b"0\r\n\r\n"))
                    continue
                rs = h.parse_responses(raw)
                self.assertEqual(len(rs), 1, raw)
                self.assertJsonError(rs[0], 400, "bad_request")
                self.assertEqual(rs[0][1].get("connection"), "close")

    def test_header_too_large(self):
        r = one_response(self.srv.port, b"GET / HTTP/1.1\r\nX: " + b"a" * 20000 + b"\r\n\r\n")
        self.assertJsonError(r, 431, "header_too_large")

    def test_large_header_under_the_limit(self):
        """Header fields beyond the connection's 2 KiB block (taken from the heap) but under the
        16 KiB limit: answered, on a connection that goes on to a small request."""
        big = b"".join(b"X-Pad-%d: %s\r\n" % (i, b"v" * 1500) for i in range(6))
        req = b"GET /v1/holidays/2026?lang=en HTTP/1.1\r\nHost: x\r\n" + big + b"\r\n"
        raw = h.raw_exchange(self.srv.port, req + req + b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
                             b"Connection: close\r\n\r\n")
        rs = h.parse_responses(raw)
        self.assertEqual([r[0] for r in rs], [200, 200, 200], raw[:300])
        self.assertEqual(rs[0][2], rs[1][2])
        self.assertEqual(json.loads(rs[0][2])[0]["date"], "2026-01-01")
        self.assertTrue(json.loads(rs[2][2])["ok"])

    def test_body_too_large_elsewhere(self):
        r = one_response(self.srv.port, b"GET /healthz HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n")
        self.assertJsonError(r, 413, "payload_too_large")
        # a chunked /v1/plan body over 1 MiB: the contract's refusal, 413
        data = b"x" * ((1 << 20) + 100)
        r = one_response(self.srv.port, b"POST /v1/plan HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                         b"\r\n%x\r\n%s\r\n0\r\n\r\n" % (len(data), data))
        self.assertEqual(r[0], 413)
        self.assertEqual(json.loads(r[2])["error"]["code"], "invalid_request")

    def test_chunked_plan_body(self):
        """A /v1/plan body sent in chunks (no Content-Length) gets the same answer as the body
        of known length; one that ends inside a chunk is closed without an answer."""
        body = (b'{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural",'
                b'"national"]},"request":{"operation":"withdraw","levels":["national"]}}')
        sized = one_response(self.srv.port, b"POST /v1/plan HTTP/1.1\r\nHost: x\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.assertEqual(sized[0], 200, sized)
        self.assertTrue(json.loads(sized[2])["ok"], sized)
        half = len(body) // 2
        chunked = one_response(self.srv.port, b"POST /v1/plan HTTP/1.1\r\nHost: x\r\n"
                               b"Transfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n"
                               % (half, body[:half], len(body) - half, body[half:]))
        self.assertEqual(chunked[0], 200, chunked)
        self.assertEqual(chunked[1]["content-type"], JSON_TYPE)
        self.assertEqual(chunked[2], sized[2])
        # The connection ends inside a chunk: nothing is answered, and the server goes on.
        raw = h.raw_exchange(self.srv.port, b"POST /v1/plan HTTP/1.1\r\nHost: x\r\n"
                             b"Transfer-Encoding: chunked\r\n\r\n%x\r\n%s"
                             % (len(body), body[:10]))
        self.assertEqual(raw, b"")
        self.assertEqual(one_response(self.srv.port, b"GET /healthz HTTP/1.1\r\n\r\n")[0], 200)

    def test_expect_100_continue(self):
        s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=10)
        body = b'{"request":{"operation":"withdraw"}}'
        s.sendall(b"POST /v1/plan HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                  b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body))
        first = s.recv(100)
        self.assertTrue(first.startswith(b"HTTP/1.1 100 Continue\r\n\r\n"), first)
        s.sendall(body)
        got = first
        while True:
            b = s.recv(65536)
            if not b:
                break
            got += b
        s.close()
        rs = h.parse_responses(got)
        self.assertEqual(len(rs), 1)
        self.assertIn(rs[0][0], (200, 400))

    def test_http10(self):
        raw = h.raw_exchange(self.srv.port, b"GET /healthz HTTP/1.0\r\n\r\n")
        self.assertTrue(raw.startswith(b"HTTP/1.0 200"), raw[:40])
        raw = h.raw_exchange(self.srv.port, b"POST /v1/batch HTTP/1.0\r\nContent-Length: 3\r\n\r\n\n\n\n")
        head, _, body = raw.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.0 200"))
        self.assertEqual([json.loads(l)["line"] for l in body.splitlines()], [1, 2, 3])

    def test_stalled_clients_do_not_block_others(self):
        """Ten clients send half a header, ten half a body, and stall; meanwhile others are
        served at once; the stalled ones are cut off by the 1 s timeout."""
        stalled = []
        for i in range(10):
            s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=10)
            s.sendall(b"POST /v1/plan HTTP/1.1\r\nHost: x\r\nContent-Le")
            stalled.append(s)
            s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=10)
            s.sendall(b"POST /v1/plan HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
            stalled.append(s)
        c = self.srv.conn(timeout=5)
        t0 = time.monotonic()
        for _ in range(50):
            status, _, _ = request(c, "GET", "/healthz")
            self.assertEqual(status, 200)
        c.close()
        self.assertLess(time.monotonic() - t0, 5)  # bounded, not a timing assertion
        for s in stalled:  # each is closed by the server (EOF), no response needed
            s.settimeout(10)
            end = time.monotonic() + 10
            data = b""
            while time.monotonic() < end:
                try:
                    b = s.recv(4096)
                except (ConnectionResetError, socket.timeout):
                    break
                if not b:
                    break
                data += b
            self.assertLess(time.monotonic(), end, "a stalled connection stayed open")
            s.close()

    def test_slowloris_drip(self):
        """A header dripped one byte every 0.3 s never completes: one deadline covers the
        whole header, so the drip is cut off after the 1 s timeout."""
        s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=10)
        t0 = time.monotonic()
        closed = False
        for ch in b"GET /healthz HTTP/1.1\r\nX-Slow: " + b"a" * 40:
            try:
                s.sendall(bytes([ch]))
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            time.sleep(0.3)
            s.setblocking(False)
            try:
                if s.recv(1) == b"":
                    closed = True
                    break
            except BlockingIOError:
                pass
            except ConnectionResetError:
                closed = True
                break
            finally:
                s.setblocking(True)
        s.close()
        self.assertTrue(closed)
        self.assertLess(time.monotonic() - t0, 8)

    def test_idle_keep_alive_is_closed(self):
        c = self.srv.conn()
        status, _, _ = request(c, "GET", "/healthz")
        self.assertEqual(status, 200)
        time.sleep(2.5)
        with self.assertRaises((ConnectionError, OSError, h.http.client.HTTPException)):
            request(c, "GET", "/healthz")
            request(c, "GET", "/healthz")


class ConnectionCap(unittest.TestCase):
    def test_cap_answers_503(self):
        with h.Server("--max-connections", "4", timeout=3) as srv:
            held = [socket.create_connection(("127.0.0.1", srv.port), timeout=10) for _ in range(4)]
            time.sleep(0.3)
            r = one_response(srv.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            self.assertEqual(r[0], 503)
            self.assertEqual(json.loads(r[2])["error"]["code"], "too_many_connections")
            for s in held:
                s.close()
            time.sleep(0.5)
            c = srv.conn()
            status, _, _ = request(c, "GET", "/healthz")
            self.assertEqual(status, 200)
            _, _, m = request(c, "GET", "/metrics")
            self.assertRegex(m.decode(), r"mamisguide_http_connections_rejected_total [1-9]")
            c.close()
            self.assertEqual(srv.stop(), 0)


if __name__ == "__main__":
    h.main()
