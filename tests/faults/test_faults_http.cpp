// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Out of memory in the HTTP service's handler (issue 25): every endpoint, with each allocation
// of the request failed in turn (harness.hpp). The request whose allocation failed gets 503
// with the JSON error `out_of_memory` (or its usual answer, where the allocation had a
// fallback); the handler never throws or dies, leaks nothing, and the next request gets the
// usual answer.
//
// Usage: test_faults_http SOURCE_DIR SCRATCH_DIR
#include "harness.hpp"

#include "http/handler.hpp"

#include <json.hpp>
#include <mamisguide/texts/http.hpp>

#include <memory>
#include <optional>
#include <string>

namespace {

using mg_fault::context;
using mg_fault::scenario;

std::string source_dir;

std::shared_ptr<const mg_http::dataset> sample_data() {
    using namespace mamisguide;
    const auto m =
        load_master_file(directory::builtin(), source_dir + "/data/sample-municipal.csv");
    if (!m) mg_fault::fail_run("the sample master", m.error().message(lang::en));
    const auto c = load_categories_file(*m, source_dir + "/data/sample-categories.csv");
    if (!c) mg_fault::fail_run("the sample catalogues", c.error().message(lang::en));
    auto d = std::make_shared<mg_http::dataset>(mg_http::dataset{*c});
    d->master_rows = d->dir.size() - directory::builtin().size();
    d->loaded_at = 1798675200;
    return d;
}

std::string text(const mg_http::response& r) {
    return std::to_string(r.status) + " " + std::string(r.content_type) + " " +
           std::string(r.code) + " " + std::to_string(r.lines) + "\n" + r.body;
}

/// `expect`: the error response the request must end with (its status, code and body), when
/// the scenario checks one.
scenario request(const char* name, std::string method, std::string target, std::string body = {},
                 mamisguide::lang l = mamisguide::lang::ja,
                 std::optional<mg_http::response> expect = std::nullopt) {
    return {name, [method, target, body, l, expect](context& c) {
                const auto data = sample_data();
                mg_http::service svc(data);
                svc.now = [] { return std::int64_t(1798675200); };
                svc.started_at = 1798675200;
                const mg_http::request req{method, target, body};
                std::optional<mg_http::response> r;
                try {
                    c.call([&] { r.emplace(mg_http::handle_safe(svc, *data, req)); });
                } catch (const std::bad_alloc&) {
                    mg_fault::fail_run("handle_safe threw std::bad_alloc");
                }
                if (c.fault() && r->status == 503) {
                    const mg_http::response busy = mg_http::error_response(
                        503, "out_of_memory", mamisguide::texts::http_out_of_memory, l);
                    c.check(r->body == busy.body, "the 503's body", r->body);
                    c.check(r->code == "out_of_memory", "the 503's code");
                    c.check(r->content_type == mg_http::json_type, "the 503's content type");
                    r.emplace(mg_http::handle_safe(svc, *data, req)); // memory back
                }
                c.check(r->status != 503, "503 without a failed allocation");
                if (expect) {
                    c.check(r->status == expect->status, "the status", std::to_string(r->status));
                    c.check(r->code == expect->code, "the code", std::string(r->code));
                    c.check(r->content_type == mg_http::json_type, "the content type");
                    c.check(r->body == expect->body, "the body", r->body);
                }
                c.same(text(*r));
            }};
}

const char* const plan_body =
    R"({"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},)"
    R"("request":{"operation":"transfer","municipal":"14-yokohama",)"
    R"("categories":{"municipal":"Y","prefectural":"K"}}})";

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s SOURCE_DIR [SCRATCH_DIR]\n", argv[0]);
        return 2;
    }
    source_dir = argv[1];
    using mamisguide::lang;
    std::vector<scenario> v;
    v.push_back(request("GET /", "GET", "/"));
    v.push_back(request("GET /healthz", "GET", "/healthz"));
    v.push_back(request("GET /metrics", "GET", "/metrics"));
    v.push_back(request("GET /v1/guide?lang=en", "GET", "/v1/guide?lang=en", {}, lang::en));
    v.push_back(request("GET /v1/texts", "GET", "/v1/texts"));
    v.push_back(request("GET /v1/guide/categories", "GET",
                        "/v1/guide/categories?leaf=change.transfer&member=13-chiyoda"
                        "&held=municipal,prefectural,national&to=14-yokohama"));
    v.push_back(request("GET /v1/directory?q=", "GET", "/v1/directory?q=chiyoda"));
    v.push_back(request("GET /v1/directory?prefecture=", "GET",
                        "/v1/directory?prefecture=%E6%9D%B1%E4%BA%AC&lang=en", {}, lang::en));
    v.push_back(request("GET /v1/support?at=", "GET", "/v1/support?at=2026-12-30T11:00:00+09:00"));
    v.push_back(request("GET /v1/holidays/2026", "GET", "/v1/holidays/2026"));
    v.push_back(request("GET /v1/openapi.json", "GET", "/v1/openapi.json"));
    v.push_back(request("POST /v1/plan", "POST", "/v1/plan", plan_body));
    v.push_back(request("POST /v1/plan refusal", "POST", "/v1/plan",
                        R"({"request":{"operation":"join","municipal":"13-chiyod",)"
                        R"("levels":["municipal"]},"lang":"en"})"));
    v.push_back(request("POST /v1/plan syntax error", "POST", "/v1/plan", "{\"request\": [1,}"));
    v.push_back(request("POST /v1/batch", "POST", "/v1/batch",
                        std::string(plan_body) + "\n\n{not json\n" + plan_body));
    v.push_back(request("GET /nowhere", "GET", "/nowhere"));
    v.push_back(request("GET /v1/directory?bad=", "GET", "/v1/directory?colour=red"));
    v.push_back(request("PUT /v1/plan", "PUT", "/v1/plan"));
    // handle() itself refuses a body over max_body_bytes for a GET (the server refuses it
    // before reading it), and answers /mamisguide.html 404 when no single-file guide is set.
    v.push_back(request(
        "GET /healthz with a body over the limit", "GET", "/healthz",
        std::string(mg_http::max_body_bytes + 1, 'x'), lang::ja,
        mg_http::error_response(413, "payload_too_large", mamisguide::texts::http_body_too_large)));
    v.push_back(request(
        "GET /mamisguide.html without the file", "GET", "/mamisguide.html", {}, lang::ja,
        mg_http::error_response(404, "not_found", mamisguide::texts::http_guide_file_missing)));
    // handle() refuses a /v1/plan body over max_body_bytes with the contract's 413 (the server
    // answers it before reading such a body); a target that ends in "?" (its 503, out of
    // memory, speaks Japanese: no lang= in an empty query).
    v.push_back(request("POST /v1/plan with a body over the limit", "POST", "/v1/plan",
                        std::string(mg_http::max_body_bytes + 1, ' '), lang::ja,
                        mg_http::plan_too_large()));
    v.push_back(request("GET /v1/texts?", "GET", "/v1/texts?"));
    return mg_fault::run_all("test_faults_http", v);
}
