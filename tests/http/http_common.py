# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Shared helpers of the HTTP service's tests (Python 3 standard library only).

Every script is run by ctest as
    /usr/bin/python3 test_x.py MAMISGUIDE_BINARY LIBMAMISGUIDE_SO SOURCE_DIR
It starts `mamisguide serve --listen 127.0.0.1:0` (the kernel picks a free port; the URL is
read from the server's first line on standard error), talks to it on loopback, and stops it.
Everything is bounded in time.
"""

import ctypes
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import unittest

BIN = ""
LIB = ""
SRC = ""
SAMPLE_MASTER = ""
SAMPLE_CATEGORIES = ""

JSON_TYPE = "application/json; charset=utf-8"
NDJSON_TYPE = "application/x-ndjson; charset=utf-8"


def main():
    global BIN, LIB, SRC, SAMPLE_MASTER, SAMPLE_CATEGORIES
    if len(sys.argv) < 4:
        sys.exit("usage: %s MAMISGUIDE_BINARY LIBMAMISGUIDE_SO SOURCE_DIR [unittest args]"
                 % sys.argv[0])
    BIN = os.path.abspath(sys.argv[1])
    LIB = os.path.abspath(sys.argv[2])
    SRC = os.path.abspath(sys.argv[3])
    SAMPLE_MASTER = os.path.join(SRC, "data", "sample-municipal.csv")
    SAMPLE_CATEGORIES = os.path.join(SRC, "data", "sample-categories.csv")
    unittest.main(argv=[sys.argv[0]] + sys.argv[4:], verbosity=2)


class Server:
    """`mamisguide serve` on a free loopback port; its standard error collected line by line."""

    def __init__(self, *args, env=None, directory=None, categories=None, timeout=None,
                 threads=None, quiet=False, preexec_fn=None):
        self.args = [BIN, "serve", "--listen", "127.0.0.1:0"]
        self.args += ["--directory", directory or SAMPLE_MASTER]
        self.args += ["--categories", categories or SAMPLE_CATEGORIES]
        if timeout is not None:
            self.args += ["--timeout", str(timeout)]
        if threads is not None:
            self.args += ["--threads", str(threads)]
        if quiet:
            self.args.append("--quiet")
        self.args += list(args)
        self.env = dict(os.environ)
        if env:
            self.env.update(env)
        self.lines = []
        self.cond = threading.Condition()
        self.proc = None
        self.port = None
        self.host = "127.0.0.1"
        self.preexec_fn = preexec_fn  # run in the child before the server starts (e.g. setrlimit)

    def start(self):
        self.proc = subprocess.Popen(self.args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=self.env,
                                     preexec_fn=self.preexec_fn)
        self.drainer = threading.Thread(target=self._drain, daemon=True)
        self.drainer.start()
        url = self.wait_for(lambda l: "http://" in l, 30)
        # The URL names the host it listens on (an IPv6 address in brackets).
        shown = "[%s]" % self.host if ":" in self.host else self.host
        m = re.search(r"http://%s:(\d+)/" % re.escape(shown), url)
        if not m:
            raise AssertionError("no %s URL in the server's first line: %r" % (shown, url))
        self.port = int(m.group(1))
        return self

    def _drain(self):
        for raw in self.proc.stderr:
            with self.cond:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self.cond.notify_all()
        with self.cond:
            self.lines.append(None)  # end of the stream
            self.cond.notify_all()

    def wait_for(self, pred, timeout=20, start=0):
        """The first line from index `start` on that satisfies `pred` (waits for it)."""
        deadline = time.monotonic() + timeout
        i = start
        with self.cond:
            while True:
                while i < len(self.lines):
                    line = self.lines[i]
                    if line is None:
                        raise AssertionError("the server ended; its log:\n" + self.log_text())
                    if pred(line):
                        return line
                    i += 1
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("timed out waiting for a log line; log:\n"
                                         + self.log_text())
                self.cond.wait(left)

    def log_text(self):
        return "\n".join(l for l in self.lines if l is not None)

    def access_log(self):
        """The access-log lines parsed (lines that are JSON objects)."""
        out = []
        with self.cond:
            lines = list(self.lines)
        for l in lines:
            if l and l.startswith("{"):
                out.append(json.loads(l))
        return out

    def conn(self, timeout=20):
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def signal(self, sig):
        self.proc.send_signal(sig)

    def stop(self, timeout=30):
        """SIGTERM, then the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("the server did not stop within %ss" % timeout)
        self.proc.stdout.close()
        self.drainer.join(10)
        self.proc.stderr.close()
        return rc

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.proc:
            self.proc.stdout.close()
        return False


def request(conn, method, path, body=None, headers=None):
    """One request on `conn`; returns (status, headers dict lower-cased, body bytes)."""
    h = dict(headers or {})
    if body is not None and isinstance(body, str):
        body = body.encode("utf-8")
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, data


def read_all(s, timeout=10, total=None):
    """Every byte sent on `s` until the server closes it (EOF or reset), each read waiting at
    most `timeout` seconds and all of them at most `total` (no limit when None)."""
    s.settimeout(timeout)
    chunks = []
    deadline = None if total is None else time.monotonic() + total
    while deadline is None or time.monotonic() < deadline:
        try:
            b = s.recv(65536)
        except (socket.timeout, ConnectionResetError):
            break
        if not b:
            break
        chunks.append(b)
    return b"".join(chunks)


def raw_exchange(port, data, timeout=10, half_close=True):
    """Sends raw bytes on a new connection, returns every byte the server sends until it closes
    (or `timeout`)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        # A server that answers early (413, 431, 503) may close before all is sent: what it
        # answered is still to be read.
        try:
            s.sendall(data)
            if half_close:
                s.shutdown(socket.SHUT_WR)
        except (BrokenPipeError, ConnectionResetError, OSError) as e:
            if isinstance(e, socket.timeout):
                raise
        chunks = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                b = s.recv(65536)
            except socket.timeout:
                break
            except ConnectionResetError:
                break
            if not b:
                break
            chunks.append(b)
        return b"".join(chunks)
    finally:
        s.close()


def parse_responses(data):
    """Splits raw HTTP/1.1 responses (Content-Length or chunked bodies) into
    [(status, headers, body)]."""
    out = []
    i = 0
    while i < len(data):
        end = data.find(b"\r\n\r\n", i)
        if end < 0:
            raise AssertionError("incomplete response header: %r" % data[i:i + 200])
        head = data[i:end].decode("latin-1").split("\r\n")
        status = int(head[0].split(" ")[1])
        headers = {}
        for h in head[1:]:
            k, _, v = h.partition(":")
            headers[k.strip().lower()] = v.strip()
        i = end + 4
        if status == 100:
            continue
        if headers.get("transfer-encoding") == "chunked":
            parts = []
            while True:
                nl = data.find(b"\r\n", i)
                if nl < 0:
                    raise AssertionError("incomplete chunked body")
                size = int(data[i:nl].split(b";")[0], 16)
                i = nl + 2
                if size == 0:
                    i = data.find(b"\r\n", i) + 2
                    break
                parts.append(data[i:i + size])
                i += size + 2
            body = b"".join(parts)
        else:
            n = int(headers.get("content-length", "0"))
            body = data[i:i + n]
            if len(body) != n:
                raise AssertionError("truncated body")
            i += n
        out.append((status, headers, body))
    return out


class Library:
    """libmamisguide through ctypes: mg_plan_json on an engine loaded like the server's."""

    def __init__(self, master=None, categories=None):
        self.lib = ctypes.CDLL(LIB)
        self.lib.mg_engine_new.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
        self.lib.mg_engine_load_directory.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        self.lib.mg_engine_load_categories.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        self.lib.mg_plan_json.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                                          ctypes.POINTER(ctypes.c_void_p)]
        self.lib.mg_free.argtypes = [ctypes.c_void_p]
        self.lib.mg_engine_free.argtypes = [ctypes.c_void_p]
        self.e = ctypes.c_void_p()
        assert self.lib.mg_engine_new(ctypes.byref(self.e)) == 0
        assert self.lib.mg_engine_load_directory(
            self.e, (master or SAMPLE_MASTER).encode()) == 0
        assert self.lib.mg_engine_load_categories(
            self.e, (categories or SAMPLE_CATEGORIES).encode()) == 0

    def plan_json(self, body):
        out = ctypes.c_void_p()
        st = self.lib.mg_plan_json(self.e, body, len(body), ctypes.byref(out))
        text = ctypes.string_at(out.value) if out.value else b""
        self.lib.mg_free(out)
        return st, text


LEVELS = ["municipal", "prefectural", "national"]
OPERATIONS = ["join", "additional_join", "change_category", "change_facility", "transfer",
              "withdraw"]


def rule_requests():
    """The rule tests' requests: every held set × operation × level set (test_exhaustive's
    space), with and without cascade, categories and a proxy, in both languages; then the
    fuzz corpus's contract requests (good and bad, tests/fuzz/corpus/plan_json)."""
    reqs = []
    held_sets = [[]]
    for n in range(1, 8):
        held_sets.append([LEVELS[i] for i in range(3) if n & (1 << i)])
    level_sets = held_sets
    cats = {"municipal": "A", "prefectural": "B", "national": "A1"}
    for held in held_sets:
        member = {"levels": held}
        if held:
            member["municipal"] = "13-chiyoda"
        for op in OPERATIONS:
            for levels in level_sets:
                req = {"operation": op, "levels": levels}
                if op == "join":
                    req["municipal"] = "13-chiyoda"
                if op == "transfer":
                    req["municipal"] = "28-kobe"
                if op in ("join", "additional_join", "change_category", "transfer"):
                    req["categories"] = {l: cats[l] for l in levels}
                for variant in range(3):
                    r = dict(req)
                    if variant == 1 and op == "withdraw":
                        r["cascade"] = True
                    if variant == 2:
                        r["proxy"] = True
                    reqs.append({"member": member, "request": r,
                                 "lang": "en" if variant == 1 else "ja"})
    out = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in reqs]
    corpus = os.path.join(SRC, "tests", "fuzz", "corpus", "plan_json")
    for name in sorted(os.listdir(corpus)):
        with open(os.path.join(corpus, name), "rb") as f:
            out.append(f.read())
    return out
