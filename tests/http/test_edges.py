#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The HTTP service's edges (issue 31): query strings the decoder refuses or takes, each GET
endpoint's parameter errors, what the access log does with a long method or path, a header
field larger than the connection's block, HTTP/0.9 and HTTP/1.0 requests, a body cut short, a
client that never reads its answer (the write's deadline), a client that goes on sending after
a 413 (the lingering close's cap), the graceful stop with connections in each state, and the
command line's refusals of --listen, --cors and --guide-html."""

import json
import os
import signal
import socket
import struct
import tempfile
import time
import unittest

import http_common as h
from http_common import JSON_TYPE, request


def one_response(port, data, timeout=10):
    rs = h.parse_responses(h.raw_exchange(port, data, timeout=timeout))
    assert len(rs) == 1, rs
    return rs[0]


def error_of(body):
    obj = json.loads(body)
    assert obj["ok"] is False, obj
    return obj["error"]


class Queries(unittest.TestCase):
    """handler.cpp's query decoding and each GET endpoint's checks, on one server."""

    @classmethod
    def setUpClass(cls):
        cls.srv = h.Server(timeout=2).start()

    @classmethod
    def tearDownClass(cls):
        assert cls.srv.stop() == 0

    def setUp(self):
        self.c = self.srv.conn()

    def tearDown(self):
        self.c.close()

    def get(self, path):
        return request(self.c, "GET", path)

    def assertError(self, path, status, code, field=None):
        st, headers, body = self.get(path)
        self.assertEqual(st, status, (path, body))
        self.assertEqual(headers["content-type"], JSON_TYPE)
        e = error_of(body)
        self.assertEqual(e["code"], code, path)
        self.assertEqual(e.get("field"), field, (path, e))
        return e

    def test_lower_case_escapes_are_the_upper_case_ones(self):
        upper = self.get("/v1/directory?prefecture=%E6%9D%B1%E4%BA%AC&lang=en")
        lower = self.get("/v1/directory?prefecture=%e6%9d%b1%e4%ba%ac&lang=en")
        self.assertEqual(upper[0], 200)
        self.assertEqual(lower[0], 200)
        self.assertEqual(lower[2], upper[2])
        self.assertIn("13-chiyoda", lower[2].decode())

    def test_empty_items_are_skipped(self):
        plain = self.get("/v1/directory?q=chiyoda&lang=en")
        gaps = self.get("/v1/directory?&q=chiyoda&&lang=en&")
        self.assertEqual(gaps[0], 200)
        self.assertEqual(gaps[2], plain[2])

    def test_bad_escapes(self):
        # an escape cut short at the end, in a value and in a key; a bad hex digit in a key;
        # a good first digit and a bad second; a byte below '0' and one between '9' and 'A'
        for path in ("/v1/directory?q=%4", "/v1/directory?q=%", "/v1/directory?%4=1",
                     "/v1/directory?%zz=1", "/healthz?%G0", "/v1/directory?q=%2z",
                     "/v1/directory?q=%!0", "/v1/directory?q=%:0"):
            with self.subTest(path=path):
                self.assertError(path, 400, "invalid_parameter")

    def test_lang_with_a_nul(self):
        """lang=en%00: "en" as a C string but not as the value: refused, not taken for en."""
        e = self.assertError("/v1/guide?lang=en%00", 400, "invalid_parameter", "lang")
        self.assertTrue(e["message"])

    def test_unknown_parameter_with_a_long_name(self):
        """An unknown parameter is named in the error's field, unless its name is over 64
        bytes (then no field)."""
        self.assertError("/v1/guide?colour=red", 400, "invalid_parameter", "colour")
        self.assertError("/v1/guide?" + "k" * 64 + "=1", 400, "invalid_parameter", "k" * 64)
        self.assertError("/v1/guide?" + "k" * 65 + "=1", 400, "invalid_parameter", None)

    def test_more_than_sixteen_parameters(self):
        """A query of more than 16 parameters is refused (only 17 are kept, and so many repeat
        one of the endpoint's few names): 17 times q= is a repeated parameter."""
        self.assertError("/v1/directory?" + "&".join(["q=a"] * 17), 400, "invalid_parameter",
                         "q")
        self.assertError("/v1/directory?" + "&".join(["q=a"] * 40) + "&zz=1", 400,
                         "invalid_parameter", "q")

    def test_endpoints_without_parameters_refuse_one(self):
        for path in ("/healthz?x=1", "/metrics?x=1", "/v1/texts?x=1", "/v1/holidays/2026?x=1"):
            with self.subTest(path=path):
                self.assertError(path, 400, "invalid_parameter", "x")
        # and the language asked for is the error's
        ja = error_of(self.get("/metrics?x=1")[2])["message"]
        en = error_of(self.get("/metrics?x=1&lang=en")[2])["message"]
        self.assertNotEqual(ja, en)

    def test_holiday_years(self):
        for year in ("20a6", "202", "20266", "-202"):
            with self.subTest(year=year):
                self.assertError("/v1/holidays/" + year, 400, "invalid_parameter", "year")
        status, _, body = self.get("/v1/holidays/2027")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)[0]["date"], "2027-01-01")

    def test_guide_categories_levels(self):
        base = "/v1/guide/categories?leaf=change.transfer&member=13-chiyoda&to=14-yokohama"
        good = self.get(base + "&held=municipal,prefectural,national")
        self.assertEqual(good[0], 200, good[2])
        # an empty list is no list
        self.assertEqual(self.get(base + "&held=municipal,prefectural,national&levels=")[2],
                         good[2])
        for q, field in (("&held=municipal,municipal", "held"), ("&held=city", "held"),
                         ("&held=municipal&levels=national,national", "levels"),
                         ("&held=municipal,", "held")):
            with self.subTest(q=q):
                self.assertError(base + q, 400, "invalid_parameter", field)
        # no leaf: the question is not well-formed (400 with the contract's refusal)
        status, headers, body = self.get("/v1/guide/categories?member=13-chiyoda")
        self.assertEqual(status, 400, body)
        self.assertEqual(headers["content-type"], JSON_TYPE)
        self.assertEqual(error_of(body)["code"], "invalid_request")
        # a well-formed question refused: 200 with the refusal, as /v1/plan
        status, headers, body = self.get("/v1/guide/categories?leaf=change.transfer"
                                         "&member=99-nowhere&to=14-yokohama&held=municipal")
        self.assertEqual(status, 200, body)
        e = error_of(body)
        self.assertEqual(e["code"], "unknown_association")
        self.assertEqual(e["value"], "99-nowhere")


class Connections(unittest.TestCase):
    """server.cpp: what reaches a connection, on a server with a short --timeout."""

    @classmethod
    def setUpClass(cls):
        cls.srv = h.Server(timeout=1).start()

    @classmethod
    def tearDownClass(cls):
        assert cls.srv.stop() == 0

    def log_entry(self, pred):
        return json.loads(self.srv.wait_for(lambda l: l.startswith("{") and pred(json.loads(l))))

    def test_long_method_and_path_in_the_access_log(self):
        method = "ABCDEFGHIJKLMNOPQRSTU"  # 21 letters: a token, not a method we know
        r = one_response(self.srv.port, b"%s /healthz?from=long-method HTTP/1.1\r\nHost: x\r\n"
                         b"Connection: close\r\n\r\n" % method.encode())
        self.assertEqual(r[0], 405)
        self.assertEqual(r[1]["allow"], "GET, HEAD, OPTIONS")
        e = self.log_entry(lambda e: e["path"] == "/healthz" and e["status"] == 405)
        self.assertEqual(e["method"], "?")
        self.assertEqual(e["code"], "method_not_allowed")
        path = "/" + "p" * 300
        r = one_response(self.srv.port, b"GET %s?q=1 HTTP/1.1\r\nHost: x\r\n"
                         b"Connection: close\r\n\r\n" % path.encode())
        self.assertEqual(r[0], 404)
        e = self.log_entry(lambda e: e["path"].startswith("/ppp") and e["status"] == 404)
        self.assertEqual(e["path"], path[:256])
        self.assertEqual(e["method"], "GET")

    def test_one_header_field_larger_than_the_block(self):
        """A field of 4000 bytes (more than the connection's 2 KiB block at once): answered, and
        the connection goes on."""
        req = (b"GET /v1/holidays/2026?lang=en HTTP/1.1\r\nHost: x\r\nX-Big: " + b"v" * 4000 +
               b"\r\n\r\n")
        raw = h.raw_exchange(self.srv.port, req + b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
                             b"Connection: close\r\n\r\n")
        rs = h.parse_responses(raw)
        self.assertEqual([r[0] for r in rs], [200, 200], raw[:300])
        self.assertEqual(json.loads(rs[0][2])[0]["date"], "2026-01-01")

    def test_http09_and_http10(self):
        """HTTP/0.9 (and 2.0) request lines are refused, 400 bad_request: the parser takes 1.0
        and 1.1 only. A /v1/plan POST of HTTP/1.0 is answered in HTTP/1.0 (not with the
        HTTP/1.1 header block made at start), keep-alive when it asks for it."""
        for version in (b"HTTP/0.9", b"HTTP/2.0"):
            with self.subTest(version=version):
                for target in (b"/healthz", b"/v1/batch"):
                    raw = h.raw_exchange(self.srv.port, b"POST %s %s\r\nContent-Length: 1\r\n"
                                         b"\r\n\n" % (target, version))
                    rs = h.parse_responses(raw)
                    self.assertEqual(len(rs), 1, raw)
                    self.assertEqual(rs[0][0], 400)
                    self.assertEqual(error_of(rs[0][2])["code"], "bad_request")
        body = (b'{"member":{"municipal":"13-chiyoda","levels":["municipal"]},'
                b'"request":{"operation":"withdraw","levels":["municipal"]}}')
        raw = h.raw_exchange(self.srv.port, b"POST /v1/plan HTTP/1.0\r\nConnection: keep-alive\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.assertTrue(raw.startswith(b"HTTP/1.0 200 "), raw[:40])
        rs = h.parse_responses(raw.replace(b"HTTP/1.0", b"HTTP/1.1", 1))
        self.assertEqual(len(rs), 1)
        self.assertEqual(rs[0][1]["content-type"], JSON_TYPE)
        self.assertEqual(rs[0][1]["connection"], "keep-alive")
        self.assertTrue(json.loads(rs[0][2])["ok"], rs[0][2])

    def test_put_plan_too_large(self):
        """PUT /v1/plan with a body over 1 MiB: 413 payload_too_large (the contract's refusal is
        POST's), then the connection closes."""
        r = one_response(self.srv.port, b"PUT /v1/plan HTTP/1.1\r\nHost: x\r\n"
                         b"Content-Length: 2000000\r\n\r\n")
        self.assertEqual(r[0], 413)
        self.assertEqual(r[1]["content-type"], JSON_TYPE)
        self.assertEqual(error_of(r[2])["code"], "payload_too_large")
        self.assertEqual(r[1]["connection"], "close")

    def test_sized_body_cut_short(self):
        """A body of known length that ends early (the client half-closes): no answer, the
        connection closes, and the server goes on."""
        raw = h.raw_exchange(self.srv.port, b"POST /v1/plan HTTP/1.1\r\nHost: x\r\n"
                             b"Content-Length: 100\r\n\r\n{\"request\":")
        self.assertEqual(raw, b"")
        raw = h.raw_exchange(self.srv.port, b"GET /v1/guide HTTP/1.1\r\nHost: x\r\n"
                             b"Content-Length: 100\r\n\r\nabc")
        self.assertEqual(raw, b"")
        self.assertEqual(one_response(self.srv.port, b"GET /healthz HTTP/1.1\r\n\r\n")[0], 200)

    def test_batch_with_connection_close(self):
        """A batch on HTTP/1.1 with Connection: close: chunked, ends with its last chunk, and
        the server closes the connection after it (a request pipelined behind is not read)."""
        raw = h.raw_exchange(self.srv.port, b"POST /v1/batch HTTP/1.1\r\nHost: x\r\n"
                             b"Connection: close\r\nContent-Length: 3\r\n\r\n\n\n\n"
                             b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        rs = h.parse_responses(raw)
        self.assertEqual(len(rs), 1, raw[-200:])
        self.assertEqual(rs[0][1]["transfer-encoding"], "chunked")
        self.assertEqual(rs[0][1]["connection"], "close")
        self.assertEqual([json.loads(l)["line"] for l in rs[0][2].splitlines()], [1, 2, 3])

    def test_batch_whose_answers_outgrow_a_piece(self):
        """40,000 blank lines in one body, sent after a header of 12 KB (the connection's read
        buffer grows to hold it, and the body is then read in pieces that large): a piece's
        answers are written as they pass 256 KiB, every line answered once, in order."""
        n = 40000
        s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=10)
        s.sendall(b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                  b"X-Pad: %s\r\nContent-Length: %d\r\n\r\n" % (b"p" * 12000, n) + b"\n" * n)
        raw = h.read_all(s, 30, total=30)
        s.close()
        rs = h.parse_responses(raw)
        self.assertEqual(len(rs), 1)
        lines = rs[0][2].splitlines()
        self.assertEqual(len(lines), n)
        self.assertEqual(json.loads(lines[0])["line"], 1)
        self.assertEqual(json.loads(lines[-1])["line"], n)
        self.assertEqual(len(set(lines[1:])), n - 1)  # each has its own number

    def test_client_that_never_reads(self):
        """A client that asks and never reads: the write waits for it no longer than --timeout,
        then the connection is closed and the access log says the answer was cut short
        ("aborted"); the same for a batch whose answers are not read."""
        for what, req in (
                ("pipelined", b"GET /v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n" * 100),
                ("batch", b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 600000\r\n"
                          b"\r\n" + b"\n" * 600000)):
            with self.subTest(what=what):
                n = len(self.srv.lines)
                s = socket.socket()
                s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                s.settimeout(10)
                s.connect(("127.0.0.1", self.srv.port))
                try:
                    try:
                        s.sendall(req)
                    except (BrokenPipeError, ConnectionResetError, socket.timeout):
                        pass
                    self.srv.wait_for(lambda l: '"code":"aborted"' in l, 30, start=n)
                finally:
                    s.close()
        self.assertEqual(one_response(self.srv.port, b"GET /healthz HTTP/1.1\r\n\r\n")[0], 200)

    def test_clients_that_reset(self):
        """Clients that send a request and reset the connection (SO_LINGER 0) at once: a batch
        the server started is logged as cut short ("aborted", status 200: its header could not
        be delivered), never as answered; a request waiting for "100 Continue" is never
        answered; the server goes on serving. (Whether the server reads the request before it
        sees the reset is the kernel's timing: either way nothing is answered.)"""
        def send_and_reset(data):
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            s.settimeout(10)
            s.connect(("127.0.0.1", self.srv.port))
            s.sendall(data)
            s.close()

        n = len(self.srv.lines)
        for _ in range(3):
            send_and_reset(b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n")
            send_and_reset(b"POST /v1/plan HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                           b"Content-Length: 10\r\n\r\n")
        time.sleep(0.2)
        r = one_response(self.srv.port, b"GET /v1/texts?lang=en HTTP/1.1\r\n\r\n")
        self.assertEqual(r[0], 200)
        self.srv.wait_for(lambda l: '"/v1/texts"' in l, start=n)
        with self.srv.cond:
            since = [json.loads(l) for l in self.srv.lines[n:] if l and l.startswith("{")]
        for e in since:
            if e["path"] == "/v1/batch":
                self.assertEqual((e["status"], e["code"]), (200, "aborted"), e)
        self.assertNotIn("/v1/plan", [e["path"] for e in since])

    def test_lingering_close_has_a_cap(self):
        """After a 413 the server reads and drops what the client still sends, but at most
        16 MiB: a client that sends more finds the connection closed."""
        s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=10)
        s.sendall(b"POST /v1/guide HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n")
        piece = b"x" * (1 << 20)
        sent = 0
        closed = False
        try:
            while sent < 64 << 20:
                s.sendall(piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError, socket.timeout):
            closed = True
        answer = h.read_all(s, 5, total=5)
        s.close()
        self.assertTrue(closed, "64 MiB sent after a 413")
        self.assertGreaterEqual(sent, 1 << 20)
        if answer:  # (a reset may have discarded it)
            self.assertTrue(answer.startswith(b"HTTP/1.1 413 "), answer[:100])


class Stop(unittest.TestCase):
    def test_stop_with_connections_in_each_state(self):
        """SIGTERM with one connection idle, one halfway through a header, one halfway through a
        body and one halfway through a batch's header: the idle one is closed at once; the
        others are answered with Connection: close when they finish (the batch whole, with its
        last chunk); then the server exits 0. (A connection whose bytes the server had not read
        yet when the stop came counts as idle: closed, no answer — never a keep-alive one.)"""
        with h.Server(timeout=5, threads=2) as srv:
            idle = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
            idle.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            first = b""
            while b'"ok":true' not in first:
                b = idle.recv(65536)
                self.assertTrue(b)
                first += b
            header = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
            header.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            body = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
            plan = (b'{"member":{"municipal":"13-chiyoda","levels":["municipal"]},'
                    b'"request":{"operation":"withdraw","levels":["municipal"]}}')
            body.sendall(b"POST /v1/plan HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n"
                         % len(plan) + plan[:10])
            batch = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
            batch.sendall(b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n")
            # All seen by the server: its metrics count them open (with this one).
            c = srv.conn()
            deadline = time.monotonic() + 10
            while True:
                _, _, m = request(c, "GET", "/metrics")
                if "mamisguide_http_connections_open 5" in m.decode():
                    break
                self.assertLess(time.monotonic(), deadline, m.decode())
                time.sleep(0.05)
            c.close()
            time.sleep(0.3)  # (the partial requests read by now, most likely: see below)
            n = len(srv.lines)
            srv.signal(signal.SIGTERM)
            srv.wait_for(lambda l: "mamisguide:" in l and ("stopping" in l or "終了" in l),
                         start=n)
            self.assertEqual(h.read_all(idle, 10, total=10), b"")  # closed, nothing more sent
            idle.close()

            def finish(sock, rest):
                """The connection's answer once the client ends its request: one response with
                Connection: close, or none when the server had received no byte of the request
                before the stop (such a connection is idle: closed at once)."""
                try:
                    sock.sendall(rest)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                r = h.parse_responses(h.read_all(sock, 10, total=10))
                sock.close()
                self.assertLessEqual(len(r), 1)
                for x in r:
                    self.assertEqual(x[0], 200)
                    self.assertEqual(x[1]["connection"], "close")
                return r

            r = finish(header, b"\r\n")
            if r:
                self.assertTrue(json.loads(r[0][2])["ok"])
            r = finish(body, plan[10:])
            if r:
                self.assertTrue(json.loads(r[0][2])["ok"])
            r = finish(batch, b"\r\n\n\n")
            if r:
                self.assertEqual(r[0][1]["transfer-encoding"], "chunked")
                self.assertEqual([json.loads(l)["line"] for l in r[0][2].splitlines()], [1, 2])
            self.assertEqual(srv.stop(), 0)


class CommandLine(unittest.TestCase):
    def run_serve(self, *args):
        return h.subprocess.run([h.BIN, "serve", "--directory", h.SAMPLE_MASTER, "--lang", "en"]
                                + list(args), capture_output=True, timeout=30,
                                stdin=h.subprocess.DEVNULL)

    def test_listen_refused(self):
        for listen in ("[::1]", "[::1]x80", "[::1", "127.0.0.1:", "127.0.0.1:123456",
                       "127.0.0.1:8a", "::1:80", "[nohost]:80"):
            with self.subTest(listen=listen):
                p = self.run_serve("--listen", listen)
                self.assertEqual(p.returncode, 2)
                self.assertIn(b"--listen", p.stderr)
                self.assertIn(listen.encode(), p.stderr)

    def test_listen_without_a_host(self):
        """--listen :0 keeps the default address (loopback) and takes a free port."""
        srv = h.Server(quiet=True)
        srv.args[srv.args.index("127.0.0.1:0")] = ":0"
        with srv:
            c = srv.conn()
            status, _, body = request(c, "GET", "/healthz")
            c.close()
            self.assertEqual(status, 200, body)
            self.assertEqual(srv.stop(), 0)
        # --quiet: no access log line
        self.assertEqual(srv.access_log(), [])

    def test_cors_refused(self):
        for origin in ("https://", "http://", "https://" + "a" * 254):
            with self.subTest(origin=origin[:20]):
                p = self.run_serve("--cors", origin)
                self.assertEqual(p.returncode, 2)
                self.assertIn(b"--cors", p.stderr)
        # 253 characters after the scheme are allowed
        with h.Server("--cors", "https://" + "a" * 253, quiet=True) as srv:
            c = srv.conn()
            status, headers, _ = request(c, "GET", "/healthz")
            c.close()
            self.assertEqual(status, 200)
            self.assertEqual(headers["access-control-allow-origin"], "https://" + "a" * 253)
            self.assertEqual(srv.stop(), 0)

    def test_threads_follow_the_affinity(self):
        """Without --threads, one serving thread per processor the process may run on (its
        affinity mask: taskset, a container's cpuset), not per processor of the machine."""
        cpus = sorted(os.sched_getaffinity(0))
        if len(cpus) < 2:
            self.skipTest("one processor: nothing to tell apart")

        def threads_on(allowed, *args):
            srv = h.Server(*args, quiet=True,
                           preexec_fn=lambda: os.sched_setaffinity(0, allowed))
            with srv:
                # The pool starts just after the URL is printed: count once it is steady.
                task = "/proc/%d/task" % srv.proc.pid
                n, deadline = -1, time.monotonic() + 10
                while time.monotonic() < deadline:
                    m = len(os.listdir(task))
                    if m == n:
                        break
                    n = m
                    time.sleep(0.3)
                self.assertEqual(srv.stop(), 0)
            return n

        one = threads_on(cpus[:1])
        two = threads_on(cpus[:2])
        self.assertEqual(two - one, 1, (one, two))
        # --threads still says how many, whatever the mask
        self.assertEqual(threads_on(cpus[:1], "--threads", "2"), two)

    def test_guide_html_refused(self):
        """--guide-html must name a page with its policy <meta> in its <head>, with a policy of
        printable ASCII that is not empty, in a readable file of at most 8 MiB."""
        meta = '<meta http-equiv="Content-Security-Policy" content="%s">'
        pages = {
            "after-head": "<html><head></head><body>%s</body></html>" % (meta % "default-src 'none'"),
            "empty-policy": "<html><head>%s</head></html>" % (meta % ""),
            "unclosed": '<html><head><meta http-equiv="Content-Security-Policy" content="abc',
            "control": "<html><head>%s</head></html>" % (meta % "default-src\t'none'"),
            "non-ascii": "<html><head>%s</head></html>" % (meta % "default-src 'n\u00f6ne'"),
            "delete": "<html><head>%s</head></html>" % (meta % "default-src\x7f'none'"),
        }
        with tempfile.TemporaryDirectory() as d:
            names = []
            for name, text in pages.items():
                path = os.path.join(d, name + ".html")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                names.append(path)
            big = os.path.join(d, "big.html")
            with open(big, "wb") as f:
                f.write(("<html><head>%s</head><body>" % (meta % "default-src 'none'")).encode())
                f.write(b" " * (9 << 20))
                f.write(b"</body></html>")
            names += [big, d]  # too large; a directory (fopen works, fread fails)
            for path in names:
                with self.subTest(path=os.path.basename(path)):
                    p = self.run_serve("--listen", "127.0.0.1:0", "--guide-html", path)
                    self.assertEqual(p.returncode, 2, p.stderr)
                    self.assertIn(b"--guide-html", p.stderr)
                    self.assertIn(path.encode(), p.stderr)


if __name__ == "__main__":
    h.main()
