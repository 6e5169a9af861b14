#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""The HTTP service's endpoints: statuses, content types and bodies; /v1/plan byte for byte
what mg_plan_json gives; keep-alive, pipelining, HEAD, CORS, the environment variables."""

import json
import os
import tempfile
import unittest

import http_common as h
from http_common import JSON_TYPE, NDJSON_TYPE, request


class Endpoints(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = h.Server().start()

    @classmethod
    def tearDownClass(cls):
        rc = cls.srv.stop()
        assert rc == 0, "exit status %s" % rc

    def setUp(self):
        self.c = self.srv.conn()

    def tearDown(self):
        self.c.close()

    def get(self, path, **kw):
        return request(self.c, "GET", path, **kw)

    def assertJsonError(self, status, headers, body, code, field=None):
        self.assertEqual(headers["content-type"], JSON_TYPE)
        obj = json.loads(body)
        self.assertEqual(obj["ok"], False)
        self.assertEqual(obj["error"]["code"], code)
        self.assertIsInstance(obj["error"]["message"], str)
        self.assertTrue(obj["error"]["message"])
        if field is not None:
            self.assertEqual(obj["error"].get("field"), field)
        return obj

    def test_plan_equals_mg_plan_json(self):
        """Every rule-test request: the body is mg_plan_json's, byte for byte; 200 for plans and
        refusals of a well-formed request, 400 for invalid_request."""
        lib = h.Library()
        reqs = h.rule_requests()
        self.assertGreater(len(reqs), 1000)
        seen = set()
        for body in reqs:
            st, expected = lib.plan_json(body)
            status, headers, got = request(self.c, "POST", "/v1/plan", body=body,
                                           headers={"Content-Type": "application/json"})
            self.assertEqual(got, expected, body[:200])
            self.assertEqual(headers["content-type"], JSON_TYPE)
            self.assertEqual(status, 400 if st == 1 else 200, body[:200])
            seen.add(st)
        self.assertIn(0, seen)
        self.assertIn(1, seen)
        self.assertGreater(len(seen), 8)  # plans and many refusal codes

    def test_plan_contract_example(self):
        body = {"member": {"municipal": "13-chiyoda", "levels": LEVELS3},
                "request": {"operation": "withdraw", "levels": ["national"]}}
        status, headers, got = request(self.c, "POST", "/v1/plan", body=json.dumps(body))
        self.assertEqual(status, 200)
        obj = json.loads(got)
        self.assertTrue(obj["ok"])
        self.assertEqual(obj["form"], "withdrawal")
        body["request"]["levels"] = ["municipal"]
        status, _, got = request(self.c, "POST", "/v1/plan", body=json.dumps(body))
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(got)["error"]["code"], "illegal_levels")
        status, _, got = request(self.c, "POST", "/v1/plan", body="{not json")
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(got)["error"]["code"], "invalid_request")

    def test_plan_too_large_is_413_with_the_contracts_refusal(self):
        lib = h.Library()
        big = b'{"request":{"operation":"withdraw","reason":"' + b"x" * (1 << 20) + b'"}}'
        _, expected = lib.plan_json(big)
        # Answered from Content-Length alone, before the body: send the headers only (a client
        # still sending the body may see the connection closed under it).
        raw = h.raw_exchange(self.srv.port, b"POST /v1/plan HTTP/1.1\r\nHost: x\r\n"
                             b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                             % len(big), half_close=False)
        rs = h.parse_responses(raw)
        self.assertEqual(len(rs), 1)
        status, headers, got = rs[0]
        self.assertEqual(status, 413)
        self.assertEqual(headers["content-type"], JSON_TYPE)
        self.assertEqual(got, expected)
        self.assertEqual(json.loads(got)["error"]["code"], "invalid_request")

    def test_plan_exactly_one_mib_is_read(self):
        body = {"member": {"municipal": "13-chiyoda", "levels": LEVELS3},
                "request": {"operation": "withdraw", "levels": ["national"], "reason": ""}}
        text = json.dumps(body)
        pad = (1 << 20) - len(text.encode())
        body["request"]["reason"] = "x" * pad
        data = json.dumps(body).encode()
        self.assertEqual(len(data), 1 << 20)
        status, _, got = request(self.c, "POST", "/v1/plan", body=data)
        self.assertEqual(status, 200)
        self.assertTrue(json.loads(got)["ok"])

    def test_guide(self):
        for q, lang in (("", "ja"), ("?lang=ja", "ja"), ("?lang=en", "en")):
            status, headers, body = self.get("/v1/guide" + q)
            self.assertEqual(status, 200)
            self.assertEqual(headers["content-type"], JSON_TYPE)
            rc = h.subprocess.run([h.BIN, "guide", "--json", "--lang", lang],
                                  stdin=h.subprocess.DEVNULL, capture_output=True, timeout=60)
            if rc.returncode == 0:
                self.assertEqual(body.rstrip(b"\n"), rc.stdout.rstrip(b"\n"))
            obj = json.loads(body)
            self.assertIn("root", obj)
            self.assertTrue(obj["nodes"])
        status, headers, body = self.get("/v1/guide?lang=fr")
        self.assertEqual(status, 400)
        self.assertJsonError(status, headers, body, "invalid_parameter", "lang")
        status, headers, body = self.get("/v1/guide?color=red")
        self.assertEqual(status, 400)
        self.assertJsonError(status, headers, body, "invalid_parameter", "color")
        status, headers, body = self.get("/v1/guide?lang=%zz")
        self.assertEqual(status, 400)

    def test_directory_support_holidays_same_as_the_command_line(self):
        files = ["--directory", h.SAMPLE_MASTER, "--categories", h.SAMPLE_CATEGORIES]
        cases = [
            ("/v1/directory", ["directory", "--json"] + files),
            ("/v1/directory?q=chiyoda", ["directory", "--name", "chiyoda", "--json"] + files),
            ("/v1/directory?q=CHIYODA&lang=en", ["directory", "--name", "CHIYODA", "--json",
                                                 "--lang", "en"] + files),
            ("/v1/directory?q=%E5%8D%83%E4%BB%A3%E7%94%B0", ["directory", "--name", "千代田",
                                                             "--json"] + files),
            ("/v1/directory?prefecture=%E6%9D%B1%E4%BA%AC%E9%83%BD",
             ["directory", "--prefecture", "東京都", "--json"] + files),
            ("/v1/directory?prefecture=28&level=municipal",
             ["directory", "--prefecture", "28", "--level", "municipal", "--json"] + files),
            ("/v1/directory?code=13-chiyoda", ["directory", "--code", "13-chiyoda", "--json"] + files),
            ("/v1/directory?q=nowhere-at-all", ["directory", "--name", "nowhere-at-all", "--json"] + files),
            ("/v1/support?at=2026-12-30T11:00:00+09:00",
             ["support", "--at", "2026-12-30T11:00:00+09:00", "--json"]),
            ("/v1/support?at=2027-01-04T01%3A30%3A00Z&lang=en",
             ["support", "--at", "2027-01-04T01:30:00Z", "--json", "--lang", "en"]),
            ("/v1/holidays/2026", ["holidays", "2026", "--json"]),
            ("/v1/holidays/2099?lang=en", ["holidays", "2099", "--json", "--lang", "en"]),
        ]
        for path, args in cases:
            with self.subTest(path=path):
                status, headers, body = self.get(path)
                self.assertEqual(status, 200)
                self.assertEqual(headers["content-type"], JSON_TYPE)
                p = h.subprocess.run([h.BIN] + args, capture_output=True, timeout=60,
                                     stdin=h.subprocess.DEVNULL)
                self.assertIn(p.returncode, (0, 1), p.stderr)
                self.assertEqual(body, p.stdout.rstrip(b"\n"))
                json.loads(body)
        status, _, body = self.get("/v1/support")
        self.assertEqual(status, 200)
        self.assertIn("open", json.loads(body))
        for path, field in (("/v1/holidays/1999", "year"), ("/v1/holidays/2100", "year"),
                            ("/v1/holidays/20x6", "year"), ("/v1/holidays/02026", "year"),
                            ("/v1/support?at=nope", "at"),
                            ("/v1/support?at=1999-12-31T00:00:00Z", "at"),
                            ("/v1/directory?prefecture=99", "prefecture"),
                            ("/v1/directory?level=world", "level"),
                            ("/v1/directory?name=x", "name"),
                            ("/v1/directory?q=a&q=b", "q")):
            with self.subTest(path=path):
                status, headers, body = self.get(path)
                self.assertEqual(status, 400)
                self.assertJsonError(status, headers, body, "invalid_parameter", field)

    def test_healthz(self):
        status, headers, body = self.get("/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], JSON_TYPE)
        obj = json.loads(body)
        self.assertTrue(obj["ok"])
        with open(h.SAMPLE_MASTER, encoding="utf-8") as f:
            rows = sum(1 for l in f if l.strip() and not l.startswith("#")) - 1
        self.assertEqual(obj["master_rows"], rows)
        self.assertEqual(obj["associations"], rows + 48)

    def test_index_page(self):
        for q in ("", "?lang=en"):
            status, headers, body = self.get("/" + q)
            self.assertEqual(status, 200)
            self.assertEqual(headers["content-type"], "text/html; charset=utf-8")
            text = body.decode("utf-8")
            # the web guide (tests/web walks it in a browser)
            self.assertIn("<!doctype html>", text)
            self.assertIn('<script src="/app.js" defer></script>', text)
            self.assertEqual(headers["content-security-policy"], "default-src 'self'")
            self.assertEqual(headers["referrer-policy"], "no-referrer")

    def test_single_file_guide(self):
        """GET /mamisguide.html: the single-file guide named by --guide-html, byte for byte,
        with its own <meta> policy as the Content-Security-Policy header; / then offers it. A
        file that is not one (no policy <meta>) or cannot be read stops the server (exit 2)."""
        csp = "default-src 'none'; script-src 'sha256-AAAA' 'wasm-unsafe-eval'; connect-src 'none'"
        page = ('<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n'
                '<meta http-equiv="Content-Security-Policy" content="%s">\n</head>\n'
                '<body>\u533b\u5e2b\u4f1a</body>\n</html>\n' % csp).encode("utf-8")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "mamisguide.html")
            with open(path, "wb") as f:
                f.write(page)
            with h.Server("--guide-html", path) as srv:
                c = srv.conn()
                try:
                    for q in ("", "?path=yes,join&plan=1"):
                        status, headers, body = request(c, "GET", "/mamisguide.html" + q)
                        self.assertEqual(status, 200)
                        self.assertEqual(body, page)
                        self.assertEqual(headers["content-type"], "text/html; charset=utf-8")
                        self.assertEqual(headers["content-security-policy"], csp)
                    status, headers, body = request(c, "HEAD", "/mamisguide.html")
                    self.assertEqual((status, body), (200, b""))
                    status, headers, body = request(c, "POST", "/mamisguide.html", body="")
                    self.assertEqual(status, 405)
                    status, headers, body = request(c, "GET", "/")
                    self.assertIn(b'<body data-download="mamisguide.html">', body)
                    self.assertEqual(headers["content-security-policy"], "default-src 'self'")
                    _, _, metrics = request(c, "GET", "/metrics")
                    self.assertRegex(metrics.decode(),
                                     r'requests_total\{endpoint="/mamisguide.html",status="200"\} [1-9]')
                finally:
                    c.close()
                self.assertEqual(srv.stop(), 0)
            bad = os.path.join(d, "other.html")
            with open(bad, "wb") as f:
                f.write(b"<!doctype html><html><head></head><body></body></html>")
            for name in (bad, os.path.join(d, "missing.html")):
                p = h.subprocess.run([h.BIN, "serve", "--listen", "127.0.0.1:0", "--directory",
                                      h.SAMPLE_MASTER, "--guide-html", name, "--lang", "en"],
                                     capture_output=True, timeout=30, stdin=h.subprocess.DEVNULL)
                self.assertEqual(p.returncode, 2, name)
                self.assertIn(b"--guide-html", p.stderr)
                self.assertIn(name.encode(), p.stderr)
        # Without --guide-html: the build tree's build-wasm/mamisguide.html when scripts/wasm.sh
        # has made it, else a 404 that says how to install it.
        built = os.path.exists(os.path.join(h.SRC, "build-wasm", "mamisguide.html"))
        status, headers, body = self.get("/mamisguide.html")
        if built:
            self.assertEqual(status, 200)
            self.assertTrue(body.startswith(b"<!doctype html>"))
            self.assertIn("connect-src 'none'", headers["content-security-policy"])
        else:
            self.assertEqual(status, 404)
            obj = self.assertJsonError(status, headers, body, "not_found")
            self.assertIn("mamisguide.html", obj["error"]["message"])

    def test_openapi_is_served(self):
        status, headers, body = self.get("/v1/openapi.json")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], JSON_TYPE)
        with open(os.path.join(h.SRC, "docs", "openapi.json"), "rb") as f:
            self.assertEqual(body, f.read())

    def test_metrics(self):
        request(self.c, "POST", "/v1/plan", body="{")
        status, headers, body = self.get("/metrics")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "text/plain; version=0.0.4; charset=utf-8")
        text = body.decode()
        self.assertRegex(text, r'mamisguide_http_requests_total\{endpoint="/v1/plan",status="400"\} [1-9]')
        self.assertRegex(text, r'mamisguide_refusals_total\{code="invalid_request"\} [1-9]')
        self.assertRegex(text, r'mamisguide_http_request_duration_seconds_bucket\{endpoint="/v1/plan",le="\+Inf"\} [1-9]')
        self.assertRegex(text, r"mamisguide_master_rows [1-9]")
        # A static asset and /metrics itself are counted under their own names.
        self.assertEqual(self.get("/app.js")[0], 200)
        status, _, body = self.get("/metrics")
        self.assertEqual(status, 200)
        text = body.decode()
        self.assertRegex(text, r'mamisguide_http_requests_total\{endpoint="asset",status="200"\} [1-9]')
        self.assertRegex(text, r'mamisguide_http_requests_total\{endpoint="/metrics",status="200"\} [1-9]')
        self.assertRegex(text, r"mamisguide_master_load_seconds [0-9.]+")
        for line in text.splitlines():  # the text format: comments or "name{labels} value"
            if line.startswith("#"):
                self.assertRegex(line, r"^# (HELP|TYPE) mamisguide_\w+ ")
            else:
                self.assertRegex(line, r'^mamisguide_\w+(\{[a-z]+="[^"]*"(,[a-z]+="[^"]*")*\})? [0-9.e+-]+$')

    def test_404_405(self):
        for path in ("/nope", "/v1", "/v1/plan/x", "/v1/holidays/2026/x", "/%00", "/v1/plans"):
            status, headers, body = self.get(path)
            self.assertEqual(status, 404, path)
            self.assertJsonError(status, headers, body, "not_found")
        for method, path in (("GET", "/v1/plan"), ("PUT", "/v1/plan"), ("DELETE", "/v1/batch"),
                             ("POST", "/v1/guide"), ("POST", "/healthz"), ("PATCH", "/")):
            status, headers, body = request(self.c, method, path, body="")
            self.assertEqual(status, 405, (method, path))
            self.assertJsonError(status, headers, body, "method_not_allowed")
            self.assertIn("allow", headers)

    def test_head(self):
        _, _, body = self.get("/healthz")
        status, headers, body2 = request(self.c, "HEAD", "/v1/guide")
        self.assertEqual(status, 200)
        self.assertEqual(body2, b"")
        self.assertGreater(int(headers["content-length"]), 100)

    def test_keep_alive_and_pipelining(self):
        c = self.srv.conn()
        for _ in range(20):
            status, _, _ = request(c, "GET", "/healthz")
            self.assertEqual(status, 200)
        c.close()
        req = (b'POST /v1/plan HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n{'
               b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
               b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n\n\n{\n\n"
               b"GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        rs = h.parse_responses(h.raw_exchange(self.srv.port, req))
        self.assertEqual([r[0] for r in rs], [400, 200, 200, 404])
        self.assertEqual(rs[2][1]["content-type"], NDJSON_TYPE)
        self.assertEqual([json.loads(l)["line"] for l in rs[2][2].splitlines()], [1, 2, 3, 4])

    def test_no_cors_by_default(self):
        status, headers, _ = self.get("/healthz", headers={"Origin": "https://a.example"})
        self.assertNotIn("access-control-allow-origin", headers)
        status, headers, _ = request(self.c, "OPTIONS", "/v1/plan")
        self.assertNotIn("access-control-allow-origin", headers)

    def test_access_log(self):
        request(self.c, "POST", "/v1/plan",
                body='{"member":{"municipal":"13-chiyoda","levels":["municipal"]},'
                     '"request":{"operation":"withdraw","levels":["national"],'
                     '"reason":"SECRET-BODY"}}')
        self.get("/v1/guide?lang=en&x=SECRET-QUERY")
        entry = json.loads(self.srv.wait_for(lambda l: '"/v1/guide"' in l and '"status":400' in l))
        self.assertEqual(set(entry), {"time", "method", "path", "status", "us", "code"})
        self.assertEqual(entry["code"], "invalid_parameter")
        self.assertRegex(entry["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
        refused = [e for e in self.srv.access_log()
                   if e["path"] == "/v1/plan" and e["code"] == "level_not_held"]
        self.assertTrue(refused)
        self.assertNotIn("SECRET", self.srv.log_text())


LEVELS3 = ["municipal", "prefectural", "national"]


class Options(unittest.TestCase):
    def test_cors_one_origin(self):
        with h.Server("--cors", "https://desk.example.jp") as srv:
            c = srv.conn()
            status, headers, _ = request(c, "GET", "/healthz")
            self.assertEqual(headers["access-control-allow-origin"], "https://desk.example.jp")
            status, headers, _ = request(c, "OPTIONS", "/v1/plan",
                                         headers={"Origin": "https://desk.example.jp",
                                                  "Access-Control-Request-Method": "POST"})
            self.assertEqual(status, 204)
            self.assertIn("POST", headers["access-control-allow-methods"])
            self.assertEqual(srv.stop(), 0)

    def test_bad_options(self):
        for args in (["--cors", "*"], ["--cors", "https://a.example/path"],
                     ["--cors", "http://a.example/path"], ["--cors", "ftp://a.example"],
                     ["--cors", "https://a\r\nX: y"], ["--listen", "localhost"],
                     ["--listen", "1.2.3.4:99999"], ["--listen", "nohost:80"]):
            p = h.subprocess.run([h.BIN, "serve"] + args, capture_output=True, timeout=30,
                                 stdin=h.subprocess.DEVNULL)
            self.assertEqual(p.returncode, 2, args)
            self.assertTrue(p.stderr)

    def test_port_in_use(self):
        with h.Server() as srv:
            p = h.subprocess.run([h.BIN, "serve", "--listen", "127.0.0.1:%d" % srv.port],
                                 capture_output=True, timeout=30, stdin=h.subprocess.DEVNULL)
            self.assertEqual(p.returncode, 2)
            self.assertIn(b"127.0.0.1:%d" % srv.port, p.stderr)

    def test_bad_master_refuses_to_start(self):
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
            f.write("not,a,master\n")
        try:
            p = h.subprocess.run([h.BIN, "serve", "--listen", "127.0.0.1:0", "--directory",
                                  f.name], capture_output=True, timeout=30,
                                 stdin=h.subprocess.DEVNULL)
            self.assertEqual(p.returncode, 2)
            self.assertIn(f.name.encode(), p.stderr)
        finally:
            os.unlink(f.name)

    def test_environment_names_the_files(self):
        """MAMISGUIDE_DIRECTORY / MAMISGUIDE_CATEGORIES, here and in the other subcommands."""
        with tempfile.TemporaryDirectory() as d:
            master = os.path.join(d, "m.csv")
            with open(master, "w", encoding="utf-8") as f:
                f.write("code,name,prefecture,name_en\n99-test,テスト市医師会,13,Test City\n")
            cats = os.path.join(d, "c.csv")
            with open(cats, "w", encoding="utf-8") as f:
                f.write("association,code,label\n99-test,A,A\n")
            env = {"MAMISGUIDE_DIRECTORY": master, "MAMISGUIDE_CATEGORIES": cats}
            srv = h.Server(env=env)
            srv.args = [h.BIN, "serve", "--listen", "127.0.0.1:0"]
            with srv:
                c = srv.conn()
                _, _, body = request(c, "GET", "/v1/directory?code=99-test")
                self.assertEqual(len(json.loads(body)), 1)
                self.assertEqual(srv.stop(), 0)
            req = ('{"request":{"operation":"join","municipal":"99-test","levels":["municipal"],'
                   '"categories":{"municipal":"A"}}}')
            full = dict(os.environ, **env)
            p = h.subprocess.run([h.BIN, "plan"], input=req.encode(), capture_output=True,
                                 timeout=30, env=full)
            self.assertNotIn(b"unknown_association", p.stdout)
            p2 = h.subprocess.run([h.BIN, "plan"], input=req.encode(), capture_output=True,
                                  timeout=30)
            self.assertIn(b"unknown_association", p2.stdout)
            # The flag wins over the environment.
            p3 = h.subprocess.run([h.BIN, "plan", "--directory", h.SAMPLE_MASTER,
                                   "--categories", h.SAMPLE_CATEGORIES],
                                  input=req.encode(), capture_output=True, timeout=30, env=full)
            self.assertIn(b"unknown_association", p3.stdout)
            # batch too
            p4 = h.subprocess.run([h.BIN, "batch", "-q"], input=req.encode(),
                                  capture_output=True, timeout=30, env=full)
            self.assertNotIn(b"unknown_association", p4.stdout)
            self.assertEqual(p4.returncode, 0)


if __name__ == "__main__":
    h.main()
