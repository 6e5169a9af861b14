#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""`mamisguide serve` when its file descriptors run out (issue 31). The server runs under a low
RLIMIT_NOFILE and is sent more connections than it has descriptors for: accept() fails with
EMFILE, and the server waits and tries again rather than spinning or dying. The connections that
waited in the listening queue are answered once descriptors are free, and the server goes on
serving."""

import os
import resource
import socket
import time
import unittest

import http_common as h
from http_common import request

LIMIT = 48  # descriptors the server may have open
EXTRA = 4   # connections sent once every descriptor is taken


def open_fds(pid):
    return len(os.listdir("/proc/%d/fd" % pid))


def low_limit():
    resource.setrlimit(resource.RLIMIT_NOFILE, (LIMIT, LIMIT))


def cpu_seconds(pid):
    """User and system time the process has used (/proc/PID/stat's utime and stime)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@unittest.skipUnless(os.path.isdir("/proc/self/fd"), "no /proc/PID/fd to count descriptors")
@unittest.skipIf("ASAN_OPTIONS" in os.environ or "UBSAN_OPTIONS" in os.environ,
                 "under the sanitizers' runtime (scripts/ci-hardening.sh) the server does not "
                 "start with so few descriptors, and UBSan's vptr check, which opens a pipe to "
                 "see that a vtable can be read, reports a false error once none are left: the "
                 "normal build runs this")
class OutOfDescriptors(unittest.TestCase):
    def test_accept_waits_for_descriptors_then_serves(self):
        # --timeout long enough that no idle connection is closed by the server meanwhile.
        with h.Server(threads=1, timeout=120, quiet=True, preexec_fn=low_limit) as srv:
            pid = srv.proc.pid
            used = open_fds(pid)
            self.assertLess(used, LIMIT - 4, "the server uses %d descriptors at the start" % used)
            # Idle connections until the server holds every descriptor it may have.
            held = []
            try:
                deadline = time.monotonic() + 60
                while open_fds(pid) < LIMIT:
                    self.assertLess(time.monotonic(), deadline,
                                    "the server took %d descriptors of %d"
                                    % (open_fds(pid), LIMIT))
                    if len(held) < LIMIT:  # more than enough: the server takes them as it can
                        held.append(socket.create_connection(("127.0.0.1", srv.port), timeout=10))
                    else:
                        time.sleep(0.05)
                # These wait in the listening queue: the server cannot accept them now.
                extra = []
                for _ in range(EXTRA):
                    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
                    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    extra.append(s)
                time.sleep(0.2)
                cpu = cpu_seconds(pid)
                time.sleep(1)  # the server tries (EMFILE) and waits, every 50 ms
                # Waiting, not spinning: a loop of failing accept() would take the second's CPU.
                self.assertLess(cpu_seconds(pid) - cpu, 0.25, "the server spun on EMFILE")
                self.assertEqual(open_fds(pid), LIMIT)
                self.assertIsNone(srv.proc.poll(), "the server ended")
                # Descriptors freed: the waiting connections are accepted and answered.
                for s in held:
                    s.close()
                held = []
                for s in extra:
                    answer = h.read_all(s, 30)
                    self.assertTrue(answer.startswith(b"HTTP/1.1 200 "), answer[:200])
                    self.assertIn(b'"ok":true', answer)
                    s.close()
            finally:
                for s in held:
                    s.close()
            # And it goes on serving.
            conn = srv.conn()
            status, _, body = request(conn, "GET", "/healthz")
            conn.close()
            self.assertEqual(status, 200, body)
            self.assertEqual(srv.stop(), 0)


if __name__ == "__main__":
    h.main()
