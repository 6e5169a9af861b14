#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""SIGHUP reloads the master and the catalogues atomically: a good master is served from the
next request on; a bad one is logged and the previous data keeps serving."""

import json
import os
import shutil
import signal
import tempfile
import unittest

import http_common as h
from http_common import request

JOIN_TEST = ('{"request":{"operation":"join","municipal":"99-test","levels":["municipal"],'
             '"categories":{"municipal":"A"}}}')


class Reload(unittest.TestCase):
    def test_good_then_bad_master(self):
        with tempfile.TemporaryDirectory() as d:
            master = os.path.join(d, "master.csv")
            shutil.copy(h.SAMPLE_MASTER, master)
            with h.Server(directory=master) as srv:
                c = srv.conn()
                _, _, body = request(c, "GET", "/healthz")
                rows0 = json.loads(body)["master_rows"]
                status, _, body = request(c, "POST", "/v1/plan", body=JOIN_TEST)
                self.assertEqual(json.loads(body)["error"]["code"], "unknown_association")

                # a good master with one more association
                with open(master, "a", encoding="utf-8") as f:
                    f.write("99-test,テスト市医師会,13,Test City\n")
                n = len(srv.lines)
                srv.signal(signal.SIGHUP)
                srv.wait_for(lambda l: "mamisguide:" in l and ("reloaded" in l or "再読み込みしました" in l), start=n)
                _, _, body = request(c, "GET", "/healthz")
                health = json.loads(body)
                self.assertEqual(health["master_rows"], rows0 + 1)
                self.assertEqual(health["reloads"], 1)
                status, _, body = request(c, "POST", "/v1/plan", body=JOIN_TEST)
                self.assertTrue(json.loads(body)["ok"], body)

                # a bad master: refused, logged, the previous data keeps serving
                with open(master, "w", encoding="utf-8") as f:
                    f.write("code,name,prefecture\n99-bad,,13\n")
                n = len(srv.lines)
                srv.signal(signal.SIGHUP)
                line = srv.wait_for(lambda l: "mamisguide:" in l and ("refused" in l or "できませんでした" in l), start=n)
                self.assertIn(master, line)
                _, _, body = request(c, "GET", "/healthz")
                self.assertEqual(json.loads(body)["master_rows"], rows0 + 1)
                status, _, body = request(c, "POST", "/v1/plan", body=JOIN_TEST)
                self.assertTrue(json.loads(body)["ok"])
                _, _, m = request(c, "GET", "/metrics")
                self.assertIn('mamisguide_reloads_total{result="refused"} 1', m.decode())
                self.assertIn('mamisguide_reloads_total{result="ok"} 1', m.decode())

                # a missing file: the same
                os.unlink(master)
                n = len(srv.lines)
                srv.signal(signal.SIGHUP)
                srv.wait_for(lambda l: "mamisguide:" in l and ("refused" in l or "できませんでした" in l), start=n)
                status, _, body = request(c, "POST", "/v1/plan", body=JOIN_TEST)
                self.assertTrue(json.loads(body)["ok"])
                c.close()
                self.assertEqual(srv.stop(), 0)

    def test_bad_catalogue_is_refused_too(self):
        with tempfile.TemporaryDirectory() as d:
            cats = os.path.join(d, "cats.csv")
            shutil.copy(h.SAMPLE_CATEGORIES, cats)
            with h.Server(categories=cats) as srv:
                with open(cats, "w", encoding="utf-8") as f:
                    f.write("association,code,label\nnowhere,A,x\n")
                n = len(srv.lines)
                srv.signal(signal.SIGHUP)
                srv.wait_for(lambda l: "mamisguide:" in l and ("refused" in l or "できませんでした" in l), start=n)
                c = srv.conn()
                status, _, _ = request(c, "GET", "/healthz")
                self.assertEqual(status, 200)
                c.close()
                self.assertEqual(srv.stop(), 0)


if __name__ == "__main__":
    h.main()
