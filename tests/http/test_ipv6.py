#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""`mamisguide serve --listen [::1]:0`: the service on IPv6's loopback address (issue 31). It
says its URL with the address in brackets, and answers there as on IPv4: /healthz, and
/v1/plan byte for byte what mg_plan_json gives. A listen address that is not one is refused."""

import socket
import subprocess
import unittest

import http_common as h
from http_common import request

REQUEST = (b'{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},'
           b'"request":{"operation":"withdraw","levels":["national"]}}')


def ipv6_loopback():
    """Whether this machine can listen on ::1 (a container may have no IPv6)."""
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


class Ipv6Server(h.Server):
    def __init__(self, listen):
        super().__init__()
        self.args[self.args.index("127.0.0.1:0")] = listen
        self.host = "::1"


@unittest.skipUnless(ipv6_loopback(), "no IPv6 loopback on this machine")
class Ipv6(unittest.TestCase):
    def test_serves_on_ipv6_loopback(self):
        lib = h.Library()
        with Ipv6Server("[::1]:0") as srv:
            c = srv.conn()
            status, _, body = request(c, "GET", "/healthz")
            self.assertEqual(status, 200, body)
            status, headers, body = request(c, "POST", "/v1/plan", body=REQUEST,
                                            headers={"Content-Type": "application/json"})
            self.assertEqual(status, 200, body)
            self.assertEqual(body, lib.plan_json(REQUEST)[1])
            c.close()
            # Not on IPv4: the socket is IPv6's only.
            with self.assertRaises(OSError):
                socket.create_connection(("127.0.0.1", srv.port), timeout=5).close()
            self.assertEqual(srv.stop(), 0)


class BadListen(unittest.TestCase):
    def test_refused(self):
        for listen in ("[::1", "[::1]", "[::1]:http", "[nowhere]:80", "::1"):
            p = subprocess.run([h.BIN, "serve", "--listen", listen, "--directory", h.SAMPLE_MASTER],
                               stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
            self.assertEqual(p.returncode, 2, (listen, p.stderr))
            self.assertTrue(p.stderr.strip(), listen)


if __name__ == "__main__":
    h.main()
