#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Writes docs/openapi.json, the OpenAPI 3.1 description of `mamisguide serve` (the schemas of
contract.md, as JSON Schema 2020-12). Edit here, run it, commit both; tests/http/test_openapi.py
validates the service's real responses against the document."""
import json
import os
LEVEL = {"type": "string", "enum": ["municipal", "prefectural", "national"]}
CODES = ["invalid_request", "unknown_association", "level_mismatch", "invalid_state", "not_a_member",
         "already_member", "level_not_held", "level_already_held", "illegal_levels", "same_association",
         "category_required", "unknown_category", "category_unchanged", "no_category"]
ref = lambda n: {"$ref": "#/components/schemas/" + n}
json_content = lambda schema, example=None: {"application/json": dict({"schema": schema}, **({"example": example} if example else {}))}
OVERLOADED = ("The connection cap is reached (too_many_connections), or memory ran out while "
              "answering this request (out_of_memory): the others are still served, and the same "
              "request may succeed when retried.")
def err(desc):
    return {"description": desc, "content": json_content(ref("HttpError"))}
lang_param = {"name": "lang", "in": "query", "required": False,
              "description": "The language of the text: ja (default) or en. Codes never change.",
              "schema": {"type": "string", "enum": ["ja", "en"], "default": "ja"}}
common_errors = {"400": err("A query parameter that is unknown or has a wrong value (invalid_parameter), or a malformed request (bad_request)."),
                 "405": err("Another method (method_not_allowed); the Allow header lists the methods."),
                 "413": err("A body over 1 MiB (payload_too_large)."),
                 "431": err("A header over 16 KiB (header_too_large)."),
                 "503": err(OVERLOADED)}
def get_op(summary, desc, ok, params=(), extra=None):
    r = {"200": ok}
    r.update(common_errors)
    if extra: r.update(extra)
    return {"get": {"summary": summary, "description": desc, "parameters": [lang_param] + list(params), "responses": r}}

member = {"type": "object", "additionalProperties": False,
          "description": "A member's state (contract.md, Request).",
          "properties": {
              "mypage": {"enum": ["yes", "no", "unknown", None], "default": "yes"},
              "municipal": {"type": ["string", "null"], "description": "The municipal association; required when levels is not empty."},
              "prefectural": {"type": ["string", "null"], "description": "The prefectural association (as in a plan's result); when given, it must be the municipal one's."},
              "levels": {"type": "array", "items": LEVEL, "uniqueItems": True, "maxItems": 3, "default": []},
              "categories": {"type": "object", "propertyNames": LEVEL, "additionalProperties": {"type": "string"}}}}
req = {"type": "object", "additionalProperties": False, "required": ["operation"],
       "properties": {
           "operation": {"type": "string", "enum": ["join", "additional_join", "change_category", "change_facility", "transfer", "withdraw"]},
           "levels": {"type": "array", "items": LEVEL, "uniqueItems": True, "maxItems": 3},
           "municipal": {"type": ["string", "null"], "description": "join: the association to join; transfer: the destination."},
           "categories": {"type": "object", "propertyNames": LEVEL, "additionalProperties": {"type": "string"}},
           "reason": {"type": ["string", "null"], "description": "異動事由, free text."},
           "cascade": {"type": ["boolean", "null"], "description": "withdraw only: widen an illegal withdrawal to the smallest legal one."},
           "proxy": {"type": ["boolean", "null"], "description": "The association secretariat applies on the member's behalf."}}}
plan_request = {"type": "object", "additionalProperties": False, "required": ["request"],
                "properties": {"member": ref("Member"), "request": ref("Request"),
                               "lang": {"type": "string", "enum": ["ja", "en"], "default": "ja"}}}
plan = {"type": "object", "description": "A plan (contract.md, Response: a plan). A response may carry more fields than listed.",
        "required": ["ok", "operation", "form", "form_label", "selection", "checked", "categories", "prerequisites", "steps", "manual", "actor", "result", "notes", "rule"],
        "properties": {
            "ok": {"const": True},
            "operation": req["properties"]["operation"],
            "form": {"type": "string", "enum": ["admission", "transfer", "withdrawal"]},
            "form_label": {"type": "string"},
            "selection": {"enum": ["new", "additional", "category_change", "association_transfer", None]},
            "checked": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["level", "code", "name"],
                         "properties": {"level": LEVEL, "code": {"type": "string"}, "name": {"type": "string"}}}},
            "categories": {"type": "object", "propertyNames": LEVEL, "additionalProperties": {"type": "string"}},
            "prerequisites": {"type": "array", "items": {"type": "object", "required": ["kind", "steps", "manual"],
                              "properties": {"kind": {"type": "string", "enum": ["user_registration", "mypage_check"]},
                                             "steps": {"type": "array", "items": {"type": "string"}},
                                             "manual": {"type": "string"}}}},
            "steps": {"type": "array", "minItems": 1, "items": {"type": "string"}},
            "manual": {"type": "string"},
            "actor": {"type": "string", "enum": ["member", "secretariat"]},
            "result": {"type": "object", "required": ["levels"],
                       "properties": {"municipal": {"type": ["string", "null"]}, "prefectural": {"type": ["string", "null"]},
                                      "levels": {"type": "array", "items": LEVEL, "uniqueItems": True},
                                      "categories": {"type": "object", "propertyNames": LEVEL, "additionalProperties": {"type": "string"}}}},
            "notes": {"type": "array"},
            "rule": {"type": "string"}}}
refusal = {"type": "object", "description": "A refusal (contract.md, Response: a refusal).",
           "required": ["ok", "error"],
           "properties": {"ok": {"const": False},
                          "error": {"type": "object", "required": ["code", "message"],
                                    "properties": {"code": {"type": "string", "enum": CODES},
                                                   "message": {"type": "string", "minLength": 1},
                                                   "field": {"type": "string"},
                                                   "suggestion": ref("Request")}}}}
response = {"oneOf": [ref("Plan"), ref("Refusal")]}
batch_line = {"allOf": [ref("Response"), {"type": "object", "required": ["line"], "properties": {"line": {"type": "integer", "minimum": 1}}}]}
http_error = {"type": "object", "description": "An error of the HTTP service itself (not a refusal of the contract).",
              "required": ["ok", "error"], "additionalProperties": False,
              "properties": {"ok": {"const": False},
                             "error": {"type": "object", "required": ["code", "message"], "additionalProperties": False,
                                       "properties": {"code": {"type": "string", "enum": ["not_found", "method_not_allowed", "bad_request", "header_too_large", "payload_too_large", "request_timeout", "too_many_connections", "invalid_parameter", "internal_error", "out_of_memory"]},
                                                      "message": {"type": "string", "minLength": 1},
                                                      "field": {"type": "string"}}}}}
health = {"type": "object", "required": ["ok", "version", "associations", "master_rows", "loaded_at", "started_at", "reloads"],
          "properties": {"ok": {"const": True}, "version": {"type": "string"},
                         "associations": {"type": "integer", "minimum": 48}, "master_rows": {"type": "integer", "minimum": 0},
                         "loaded_at": {"type": "string", "format": "date-time"}, "started_at": {"type": "string", "format": "date-time"},
                         "reloads": {"type": "integer", "minimum": 0}}}
guide = {"type": "object", "required": ["root", "nodes"], "description": "The guide's flowchart as data (guide.hpp): nodes with their answers and the requests they lead to.",
         "properties": {"root": {"type": "string"},
                        "nodes": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}}}

association = {"type": "object", "required": ["code", "level", "name", "name_en", "parent", "categories"],
               "properties": {"code": {"type": "string"}, "level": LEVEL, "name": {"type": "string"},
                              "name_en": {"type": ["string", "null"]}, "parent": {"type": ["string", "null"]},
                              "categories": {"type": ["array", "null"], "items": {"type": "object", "required": ["code", "label"],
                                             "properties": {"code": {"type": "string"}, "label": {"type": "string"}, "description": {"type": ["string", "null"]}}}}}}
directory = {"type": "array", "items": ref("Association")}
instant = {"type": "string", "pattern": "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00$", "description": "ISO 8601, Japan time."}
support = {"type": "object", "required": ["at", "open", "reason", "holiday", "holiday_en", "next_open", "phone", "mail", "status_label", "reason_label", "name", "hours"],
           "properties": {"at": instant, "open": {"type": "boolean"},
                          "reason": {"type": "string", "enum": ["open", "after_hours", "weekend", "holiday", "year_end"]},
                          "holiday": {"type": ["string", "null"]}, "holiday_en": {"type": ["string", "null"]},
                          "next_open": instant, "phone": {"type": "string"}, "mail": {"type": "string"},
                          "status_label": {"type": "string"}, "reason_label": {"type": "string"},
                          "name": {"type": "string"}, "hours": {"type": "string"}}}
holidays = {"type": "array", "items": {"type": "object", "required": ["date", "name", "name_en", "weekday"],
            "properties": {"date": {"type": "string", "pattern": "^\\d{4}-\\d\\d-\\d\\d$"}, "name": {"type": "string"},
                           "name_en": {"type": "string"}, "weekday": {"type": "string"}}}}
levels_param = {"type": "string", "pattern": "^(municipal|prefectural|national)(,(municipal|prefectural|national)){0,2}$"}
web_texts = {"type": "object", "description": "The web guide's words (json::write_web_texts, texts/web.hpp).",
             "required": ["lang", "texts", "levels", "held", "desk"],
             "properties": {"lang": {"type": "string", "enum": ["ja", "en"]},
                            "texts": {"type": "object", "description": "Key → text; {name}, {n} and {next} are filled in by the page.", "additionalProperties": {"type": "string"}},
                            "levels": {"type": "object", "required": ["municipal", "prefectural", "national"], "additionalProperties": {"type": "string"}},
                            "held": {"type": "array", "minItems": 3, "maxItems": 3, "items": {"type": "object", "required": ["levels", "label"],
                                     "properties": {"levels": {"type": "array", "items": LEVEL}, "label": {"type": "string"}}}},
                            "desk": {"type": "object", "required": ["name", "phone", "mail", "hours"],
                                     "properties": {k: {"type": "string"} for k in ("name", "phone", "mail", "hours")}}}}
guide_categories = {"type": "object", "description": "A guide leaf's category questions (json::write_guide_categories).",
                    "required": ["ok", "categories"],
                    "properties": {"ok": {"const": True}, "categories": {"type": "array", "items": {
                        "type": "object", "required": ["level", "code", "name", "choices"],
                        "properties": {"level": LEVEL, "code": {"type": "string"}, "name": {"type": "string"},
                                       "choices": {"type": ["array", "null"], "items": {"type": "object", "required": ["code", "label", "description"],
                                                   "properties": {"code": {"type": "string"}, "label": {"type": "string"}, "description": {"type": ["string", "null"]}}}}}}}}}

doc = {
  "openapi": "3.1.0",
  "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
  "info": {"title": "mamisguide", "version": "0.1.0",
           "summary": "MAMIS (医師会会員情報システム) application rules over HTTP: which form, which boxes, which categories, in which order — or a refusal with a stable code.",
           "description": "The JSON contract (contract.md) over HTTP, served by `mamisguide serve`. Bodies are UTF-8 JSON. POST /v1/plan answers with the bytes mg_plan_json gives. Errors of the service itself (404, 405, 400, 413, 431, 503) have a JSON body of the HttpError shape; 503 is the connection cap, or memory that ran out while answering that one request (out_of_memory).",
           "license": {"name": "See the repository"}},
  "servers": [{"url": "http://127.0.0.1:8080", "description": "the default: loopback only"}],
  "paths": {
    "/v1/plan": {"post": {
        "summary": "One request in, one plan or refusal out",
        "description": "The body is one contract request (at most 1 MiB). The response body is byte for byte what mg_plan_json gives: a plan, or a refusal with a stable code.",
        "requestBody": {"required": True, "content": json_content(ref("PlanRequest"), {"member": {"municipal": "13-chiyoda", "levels": ["municipal", "prefectural", "national"]}, "request": {"operation": "withdraw", "levels": ["national"]}})},
        "responses": {
            "200": {"description": "A plan, or the refusal of a well-formed request (any code but invalid_request).", "content": json_content(ref("Response"))},
            "400": {"description": "invalid_request: the body is not a valid contract request (a Refusal); or a malformed HTTP request (an HttpError).", "content": json_content({"oneOf": [ref("Refusal"), ref("HttpError")]})},
            "405": err("Another method."),
            "413": {"description": "A body over 1 MiB: the contract's invalid_request refusal (the request is too large).", "content": json_content(ref("Refusal"))},
            "431": err("A header over 16 KiB."),
            "503": err(OVERLOADED)}}},
    "/v1/batch": {"post": {
        "summary": "JSON Lines in, JSON Lines out, streamed",
        "description": "One contract request per line, any number of lines (memory stays constant). One response line per input line, in order, each with \"line\", exactly like `mamisguide batch`. Blank, malformed and oversized (over 1 MiB) lines get invalid_request; nothing stops the run. The response is chunked and streamed as lines are answered.",
        "requestBody": {"required": True, "content": {"application/x-ndjson": {"schema": {"type": "string"}}}},
        "responses": {
            "200": {"description": "One BatchLine per input line, each followed by a newline.", "content": {"application/x-ndjson": {"schema": {"type": "string"}, "x-line-schema": ref("BatchLine")}}},
            "400": err("A malformed HTTP request."), "405": err("Another method."), "431": err("A header over 16 KiB."),
            "503": err("The connection cap is reached (too_many_connections). (The status is sent before the body is read: when memory runs out in the middle of a batch, the lines answered so far are sent whole and the response is cut short, without its last chunk.)")}}},
    "/v1/guide": get_op("The guide as data", "The flowchart of the guide (guide.hpp), the same JSON as `mamisguide guide --json`.",
                        {"description": "The guide.", "content": json_content(ref("Guide"))}),
    "/v1/guide/categories": get_op("A guide leaf's category questions",
                                   "Which associations need a category for the request a guide leaf builds, each with its catalogue's choices (JMA's five with their descriptions; null when no catalogue is loaded, so any code is accepted): the same JSON as mg_guide_categories_json. The web guide asks it; no rule lives in the page.",
                                   {"description": "The category questions, or a refusal of a well-formed question (unknown_association, level_mismatch).", "content": json_content({"oneOf": [ref("GuideCategories"), ref("Refusal")]})},
                                   [{"name": "leaf", "in": "query", "required": True, "description": "A guide leaf that asks for categories, e.g. join.national, change.transfer.", "schema": {"type": "string"}},
                                    {"name": "member", "in": "query", "description": "The member's municipal association (additional_join, change_category, transfer).", "schema": {"type": "string"}},
                                    {"name": "held", "in": "query", "description": "The levels the member holds, comma-separated.", "schema": levels_param},
                                    {"name": "to", "in": "query", "description": "The municipal association to join (join) or move to (transfer).", "schema": {"type": "string"}},
                                    {"name": "levels", "in": "query", "description": "change_category: the held levels whose category changes, comma-separated.", "schema": levels_param}],
                                   {"400": {"description": "A query that is not well-formed: invalid_parameter (an HttpError), or the contract's invalid_request (no such leaf, a leaf that asks no category, a missing code).",
                                            "content": json_content({"oneOf": [ref("HttpError"), ref("Refusal")]})}}),
    "/v1/texts": get_op("The web guide's words", "The page's headings, labels and buttons (include/mamisguide/texts/web.hpp), the level names, the three states a member can hold and the desk's contact, in one language: the same JSON as mg_web_texts_json.",
                        {"description": "The words.", "content": json_content(ref("WebTexts"))}),
    "/v1/directory": get_op("Search the associations", "The built-in JMA and 47 prefectural associations and the municipal master: by exact code, by part of a code or a name (Japanese, or English in any case), by prefecture, by level. The same JSON as `mamisguide directory --json`. No match is an empty array.",
                            {"description": "The associations that match, in directory order.", "content": json_content(ref("Directory"))},
                            [{"name": "q", "in": "query", "description": "Part of a code, the Japanese name or the English name (any case).", "schema": {"type": "string"}},
                             {"name": "code", "in": "query", "description": "Exactly this code.", "schema": {"type": "string"}},
                             {"name": "prefecture", "in": "query", "description": "A prefecture: 1–47, 01, １３, 東京都, 東京 …: its association and its municipal ones.", "schema": {"type": "string"}},
                             {"name": "level", "in": "query", "schema": LEVEL}]),
    "/v1/support": get_op("Is the support desk open", "At `at` (ISO 8601 with an offset), or now. The same JSON as `mamisguide support --json`.",
                          {"description": "The desk's status.", "content": json_content(ref("Support"))},
                          [{"name": "at", "in": "query", "description": "e.g. 2026-12-30T11:00:00+09:00; 2000–2099.", "schema": {"type": "string"}}]),
    "/v1/holidays/{year}": get_op("Japan's holidays of a year", "National, substitute and citizens' holidays, in date order. The same JSON as `mamisguide holidays YEAR --json`.",
                                  {"description": "The holidays.", "content": json_content(ref("Holidays"))},
                                  [{"name": "year", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 2000, "maximum": 2099}}]),
    "/v1/openapi.json": get_op("This document", "The OpenAPI 3.1 description of the service (docs/openapi.json, embedded at build time).",
                               {"description": "The document.", "content": json_content({"type": "object"})}),
    "/healthz": get_op("Health", "The service answers; the data it serves.", {"description": "Healthy.", "content": json_content(ref("Health"))}),
    "/metrics": get_op("Metrics", "Prometheus text format (0.0.4): requests by endpoint and status, refusals by code, a latency histogram per endpoint, connections, reloads, the master's row count and load time.",
                       {"description": "The metrics.", "content": {"text/plain; version=0.0.4": {"schema": {"type": "string"}}}}),
    "/": get_op("The web guide", "The guide as a page for the support desk and the association secretariats (src/web, embedded at build time): it walks /v1/guide, asks /v1/guide/categories and /v1/directory, and shows /v1/plan. Sent with Content-Security-Policy: default-src 'self' and Referrer-Policy: no-referrer; its words come from /v1/texts, so the page is the same in every language.", {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}}),
  },
  "components": {"schemas": {
      "Level": LEVEL, "Member": member, "Request": req, "PlanRequest": plan_request, "Plan": plan, "Refusal": refusal,
      "Response": response, "BatchLine": batch_line, "HttpError": http_error, "Health": health, "Guide": guide,
      "Association": association, "Directory": directory, "Support": support, "Holidays": holidays,
      "WebTexts": web_texts, "GuideCategories": guide_categories}}
}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "openapi.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
    f.write("\n")
