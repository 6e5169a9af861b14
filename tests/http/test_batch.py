#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""POST /v1/batch: JSON Lines in, JSON Lines out, streamed, exactly `mamisguide batch`'s bytes:
count and order with good, blank, malformed and oversized lines; chunked input; an answer
before the body ends; a body larger than the 1 MiB request limit."""

import json
import os
import re
import signal
import socket
import subprocess
import time
import unittest

import http_common as h
from http_common import NDJSON_TYPE, request


def cli_batch(data):
    p = subprocess.run([h.BIN, "batch", "-q", "--directory", h.SAMPLE_MASTER, "--categories",
                        h.SAMPLE_CATEGORIES], input=data, capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr
    return p.stdout


class Batch(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = h.Server(timeout=5).start()

    @classmethod
    def tearDownClass(cls):
        assert cls.srv.stop() == 0

    def mixed_input(self):
        good = h.rule_requests()[:300]
        good = [g for g in good if b"\n" not in g and b"\r" not in g]
        lines = []
        for i, g in enumerate(good):
            lines.append(g)
            if i % 17 == 0:
                lines.append(b"")                      # blank
            if i % 29 == 0:
                lines.append(b"{not json")             # malformed
            if i % 97 == 0:
                lines.append(b'{"x":"' + b"y" * ((1 << 20) + 10) + b'"}')  # oversized
            if i % 41 == 0:
                lines.append(g + b"\r")                # CRLF
        return b"\n".join(lines) + b"\n", len(lines)

    def test_same_bytes_as_the_command_line(self):
        data, n = self.mixed_input()
        c = self.srv.conn(timeout=120)
        status, headers, body = request(c, "POST", "/v1/batch", body=data,
                                        headers={"Content-Type": "application/x-ndjson"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], NDJSON_TYPE)
        self.assertEqual(headers.get("transfer-encoding"), "chunked")
        self.assertEqual(body, cli_batch(data))
        out = body.splitlines()
        self.assertEqual(len(out), n)
        self.assertEqual([json.loads(l)["line"] for l in out], list(range(1, n + 1)))
        codes = [json.loads(l).get("error", {}).get("code") for l in out]
        self.assertIn(None, codes)
        self.assertIn("invalid_request", codes)
        # the connection stays usable
        status, _, _ = request(c, "GET", "/healthz")
        self.assertEqual(status, 200)

    def test_no_trailing_newline_and_empty_body(self):
        c = self.srv.conn()
        for data in (b"", b"\n", b"{", b"{}\n{", b"\n\n\n"):
            status, _, body = request(c, "POST", "/v1/batch", body=data)
            self.assertEqual(status, 200)
            self.assertEqual(body, cli_batch(data), data)

    def test_chunked_request_body_split_everywhere(self):
        data, _ = self.mixed_input()
        data = data[: 200000]  # cut mid-line on purpose
        s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=60)
        s.sendall(b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                  b"Connection: close\r\n\r\n")
        i, step = 0, 1
        while i < len(data):
            piece = data[i:i + step]
            s.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            i += step
            step = step * 3 + 1
        s.sendall(b"0\r\n\r\n")
        got = b""
        while True:
            b = s.recv(65536)
            if not b:
                break
            got += b
        s.close()
        rs = h.parse_responses(got)
        self.assertEqual(len(rs), 1)
        self.assertEqual(rs[0][2], cli_batch(data))

    def test_streams_answers_before_the_body_ends(self):
        """A line's answer arrives while the body is still open: the service streams."""
        s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=20)
        s.sendall(b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        line = h.rule_requests()[0] + b"\n"
        s.sendall(b"%x\r\n%s\r\n" % (len(line), line))
        got = b""
        deadline = time.monotonic() + 15
        while b'"line":1' not in got and time.monotonic() < deadline:
            got += s.recv(65536)
        self.assertIn(b'"line":1', got)
        s.sendall(b"0\r\n\r\n")
        while not got.endswith(b"0\r\n\r\n") and time.monotonic() < deadline:
            got += s.recv(65536)
        s.close()
        rs = h.parse_responses(got)
        self.assertEqual(rs[0][0], 200)
        self.assertEqual(rs[0][2].count(b"\n"), 1)

    def test_large_body_constant_memory(self):
        """A body far over the 1 MiB request limit — 4 MiB of requests, a 64 MiB line, one more
        request — is answered line by line, and the server's resident memory does not grow
        with it."""
        import threading
        line = h.rule_requests()[5] + b"\n"
        n = (4 << 20) // len(line)
        huge = 64 << 20
        length = n * len(line) + huge + 1 + len(line)
        rss0 = rss(self.srv.proc.pid)
        s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=60)
        s.sendall(b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                  b"Content-Length: %d\r\n\r\n" % length)

        def send():
            s.sendall(line * n)
            block = b"x" * (1 << 20)
            for _ in range(huge >> 20):
                s.sendall(block)
            s.sendall(b"\n" + line)
        t = threading.Thread(target=send)
        t.start()
        got = []
        peak = rss0
        while True:
            b = s.recv(1 << 20)
            if not b:
                break
            got.append(b)
            peak = max(peak, rss(self.srv.proc.pid))
        t.join()
        s.close()
        rs = h.parse_responses(b"".join(got))
        out = rs[0][2].splitlines()
        self.assertEqual(len(out), n + 2)
        self.assertEqual(json.loads(out[n])["error"]["code"], "invalid_request")
        self.assertEqual(json.loads(out[-1])["line"], n + 2)
        self.assertEqual(out[0], out[-1].replace(b'"line":%d' % (n + 2), b'"line":1'))
        if "ASAN_OPTIONS" in os.environ:
            # Under AddressSanitizer (scripts/ci-hardening.sh) a freed block waits in its
            # quarantine (256 MiB by default) before it is used again, so resident memory grows
            # with any traffic and says nothing here: the normal build checks the memory, the
            # sanitizer the accesses.
            return
        self.assertLess(peak - rss0, 32 << 20, "resident memory grew by %d bytes" % (peak - rss0))


def rss(pid):
    with open("/proc/%d/status" % pid) as f:
        for l in f:
            if l.startswith("VmRSS:"):
                return int(l.split()[1]) * 1024
    return 0


class StopDuringBatch(unittest.TestCase):
    def test_a_batch_that_never_ends_does_not_hold_the_stop(self):
        """SIGTERM while a client sends a batch a line at a time, each within --timeout, and
        never ends it: the server waits for requests in flight only up to three timeouts and a
        second, then stops regardless (exit 0); the batch's answer is cut short."""
        with h.Server(quiet=True, timeout=0.5, threads=1) as srv:
            s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
            s.sendall(b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            got = b""
            closed = False
            signalled = None
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    s.sendall(b"1\r\n\n\r\n")  # a blank line, answered {"line":N,...}
                    s.settimeout(0.1)
                    b = s.recv(65536)
                    if not b:
                        closed = True
                        break
                    got += b
                except socket.timeout:
                    pass
                except (BrokenPipeError, ConnectionResetError):
                    closed = True
                    break
                if signalled is None and got.count(b'"line":') >= 3:
                    srv.signal(signal.SIGTERM)  # the batch is under way
                    signalled = time.monotonic()
            s.close()
            self.assertIsNotNone(signalled, got[:300])
            self.assertTrue(closed, "the server kept the batch going for 30 s after SIGTERM")
            self.assertEqual(srv.stop(), 0)
            srv.wait_for(lambda l: "mamisguide:" in l and ("stopping" in l or "終了" in l))
            self.assertTrue(got.startswith(b"HTTP/1.1 200 "), got[:200])
            self.assertFalse(got.endswith(b"0\r\n\r\n"), got[-200:])  # no last chunk
            numbers = [int(n) for n in re.findall(rb'"line":(\d+)', got)]
            self.assertGreater(len(numbers), 3)
            self.assertEqual(numbers, list(range(1, len(numbers) + 1)))


if __name__ == "__main__":
    h.main()
