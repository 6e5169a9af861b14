#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""docs/openapi.json is a valid OpenAPI 3.1 document whose schemas (JSON Schema 2020-12, from
contract.md) accept the service's real responses: plans, refusals, batch lines, errors, health,
the guide. Uses Debian's python3-jsonschema (run with /usr/bin/python3)."""

import json
import os
import re
import unittest

import http_common as h
from http_common import request

try:
    import jsonschema
except ImportError:  # reported as a failure, not a skip: the package is a test dependency
    jsonschema = None


class OpenApi(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if jsonschema is None:
            raise unittest.SkipTest("python3-jsonschema is not installed (scripts/setup.sh)")
        with open(os.path.join(h.SRC, "docs", "openapi.json"), encoding="utf-8") as f:
            cls.doc = json.load(f)
        cls.srv = h.Server().start()

    @classmethod
    def tearDownClass(cls):
        assert cls.srv.stop() == 0

    def validator(self, name):
        schema = {"$ref": "#/components/schemas/" + name, "components": self.doc["components"]}
        cls = jsonschema.Draft202012Validator
        cls.check_schema(schema)
        return cls(schema, format_checker=jsonschema.FormatChecker())

    def check(self, name, obj):
        errors = list(self.validator(name).iter_errors(obj))
        self.assertEqual(errors, [], "%s: %s" % (name, json.dumps(obj, ensure_ascii=False)[:300]))

    def test_document(self):
        d = self.doc
        self.assertEqual(d["openapi"], "3.1.0")
        for name, schema in d["components"]["schemas"].items():
            jsonschema.Draft202012Validator.check_schema(schema)
        # every endpoint the service has is described, and nothing else
        paths = set(d["paths"])
        for p in ("/v1/plan", "/v1/batch", "/v1/guide", "/v1/directory", "/v1/support",
                  "/v1/holidays/{year}", "/v1/openapi.json", "/healthz", "/metrics", "/"):
            self.assertIn(p, paths)
        # every $ref resolves
        text = json.dumps(d)
        for ref in set(re.findall(r'"\$ref": "#/components/schemas/(\w+)"', text)):
            self.assertIn(ref, d["components"]["schemas"])

    def test_plan_responses(self):
        c = self.srv.conn()
        seen = set()
        reqs = h.rule_requests()
        for body in reqs:
            status, _, got = request(c, "POST", "/v1/plan", body=body)
            obj = json.loads(got)
            self.check("Response", obj)
            self.check("Plan" if obj["ok"] else "Refusal", obj)
            seen.add(obj["ok"] if obj["ok"] else obj["error"]["code"])
            try:
                req = json.loads(body)
            except ValueError:
                continue
            # the requests the schema accepts are the ones the service does not refuse as
            # invalid_request for their shape (the schema cannot see the rules)
            if obj["ok"]:
                self.check("PlanRequest", req)
            if not obj["ok"] and obj["error"].get("suggestion"):
                self.check("Request", obj["error"]["suggestion"])
        self.assertIn(True, seen)
        self.assertGreater(len(seen), 8)

    def test_batch_lines(self):
        c = self.srv.conn()
        data = b"\n".join(h.rule_requests()[:200]) + b"\n\n{bad\n"
        status, _, got = request(c, "POST", "/v1/batch", body=data)
        for line in got.splitlines():
            self.check("BatchLine", json.loads(line))

    def test_other_endpoints(self):
        c = self.srv.conn()
        for path, schema in (("/healthz", "Health"), ("/v1/guide", "Guide"),
                             ("/v1/directory", "Directory"), ("/v1/directory?prefecture=13&lang=en", "Directory"),
                             ("/v1/support", "Support"), ("/v1/support?at=2026-12-30T11:00:00%2B09:00", "Support"),
                             ("/v1/holidays/2026", "Holidays"), ("/v1/holidays/2026?lang=en", "Holidays"),
                             ("/v1/holidays/1999", "HttpError"),
                             ("/v1/guide?lang=en", "Guide"), ("/nope", "HttpError"),
                             ("/v1/guide?lang=xx", "HttpError")):
            status, _, got = request(c, "GET", path)
            self.check(schema, json.loads(got))
        status, _, got = request(c, "DELETE", "/v1/plan")
        self.assertEqual(status, 405)
        self.check("HttpError", json.loads(got))
        # A body over 1 MiB is answered 413 from its Content-Length, before it is sent (a client
        # still sending it may see the connection closed under it).
        raw = h.raw_exchange(self.srv.port, b"POST /v1/plan HTTP/1.1\r\nHost: x\r\n"
                             b"Content-Type: application/json\r\nContent-Length: 1048577\r\n\r\n",
                             half_close=False)
        head, _, got = raw.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.1 413"), head[:40])
        self.check("Refusal", json.loads(got))
        # each documented status of each path is one the path really gives: spot checks
        self.assertIn("413", self.doc["paths"]["/v1/plan"]["post"]["responses"])
        self.assertIn("405", self.doc["paths"]["/v1/guide"]["get"]["responses"])

    def test_documented_methods_are_allowed(self):
        c = self.srv.conn()
        for path, item in self.doc["paths"].items():
            for method, op in item.items():
                if method == "get":
                    required = [p["name"] for p in op.get("parameters", []) if p.get("required")
                                and p.get("in") == "query"]
                    status, _, _ = request(c, "GET", path.replace("{year}", "2026"))
                    # A path with a required query parameter answers 400 without it.
                    self.assertEqual(status, 400 if required else 200, path)


if __name__ == "__main__":
    h.main()
