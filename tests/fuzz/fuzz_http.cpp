// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the HTTP service's request handler (src/http/handler.hpp), the pure function
// from method, target and body to a response — no socket. The input's first byte picks the
// method (or the bytes up to the first space are the method), the bytes up to the next '\n'
// are the target, the rest is the body. Checks: the status is one the service gives; a JSON
// body is JSON; an error has the error shape; POST /v1/plan answers exactly what
// json::respond gives (400 for invalid_request, 413 over 1 MiB); POST /v1/batch answers one
// line per input line, in order, each exactly json::respond's with its "line".
#include "fuzz_check.hpp"

#include "http/handler.hpp"
#include <batch_lines.hpp>

#include "json.hpp"

namespace {

using mgfuzz::json;

const mg_http::service& the_service() {
    static mg_http::service s(std::make_shared<mg_http::dataset>(
        mg_http::dataset{mgfuzz::sample_directory(), 11, 0, 0.0}));
    return s;
}

void check_error_shape(const json& r, const std::string& text) {
    MGF_CHECK(r.is_object() && r.size() == 2 && r.contains("ok") && r["ok"] == false, text);
    const json& e = r["error"];
    MGF_CHECK(e.is_object() && e.contains("code") && e["code"].is_string(), text);
    MGF_CHECK(e.contains("message") && e["message"].is_string() &&
                  !e["message"].get<std::string>().empty(),
              text);
}

std::string_view path_of(std::string_view target) {
    return target.substr(0, target.find('?'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const methods[] = {"GET", "POST",   "HEAD",  "OPTIONS",
                                          "PUT", "DELETE", "PATCH", "get"};
    std::string_view in(reinterpret_cast<const char*>(data), size);
    if (in.empty()) return 0;
    std::string method;
    const unsigned char first = static_cast<unsigned char>(in[0]);
    if (first < 8) {
        method = methods[first];
        in.remove_prefix(1);
    } else {
        const std::size_t sp = in.find(' ');
        if (sp == std::string_view::npos || sp > 32) return 0;
        method = std::string(in.substr(0, sp));
        in.remove_prefix(sp + 1);
    }
    const std::size_t nl = in.find('\n');
    const std::string target(in.substr(0, nl));
    const std::string_view body =
        nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);

    const mg_http::service& s = the_service();
    const auto d = s.data();
    const mg_http::response r = mg_http::handle(s, *d, {method, target, body});
    const std::string where = method + " " + target + " -> " + std::to_string(r.status);

    static const unsigned statuses[] = {200, 204, 400, 404, 405, 413};
    MGF_CHECK(std::find(std::begin(statuses), std::end(statuses), r.status) != std::end(statuses),
              where);
    if (r.status == 204) {
        MGF_CHECK(r.body.empty() && !r.allow.empty(), where);
        return 0;
    }
    MGF_CHECK(!r.content_type.empty(), where);
    if (r.status == 405) MGF_CHECK(!r.allow.empty(), where);

    const std::string_view path = path_of(target);
    const bool post = method == "POST";
    if (post && path == "/v1/plan") {
        std::string expected;
        int rc = mamisguide::json::respond(*&d->dir, body, expected);
        if (body.size() > mg_http::max_body_bytes) rc = 1; // refused unread, the same bytes
        MGF_CHECK(r.body == expected, where + "\n" + r.body + "\n" + expected);
        const unsigned want = body.size() > mg_http::max_body_bytes ? 413 : rc == 1 ? 400 : 200;
        MGF_CHECK(r.status == want, where);
        mgfuzz::check_response(r.body, rc);
        return 0;
    }
    if (post && path == "/v1/batch") {
        MGF_CHECK(r.status == 200 && r.content_type == mg_http::ndjson_type, where);
        // the lines, as batch_lines reads them
        std::size_t expected_lines = 0, pos = 0, start = 0;
        std::string_view rest = r.body;
        for (; pos <= body.size(); ++pos) {
            if (pos < body.size() && body[pos] != '\n') continue;
            if (pos == body.size() && start == body.size()) break; // nothing after the last '\n'
            std::string_view line = body.substr(start, pos - start);
            ++expected_lines;
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            std::string one;
            int rc = mamisguide::json::respond(d->dir, line, one, expected_lines);
            const std::size_t end = rest.find('\n');
            MGF_CHECK(end != std::string_view::npos, where + ": fewer lines than the input");
            MGF_CHECK(rest.substr(0, end) == one,
                      where + "\n" + std::string(rest.substr(0, end)) + "\n" + one);
            mgfuzz::check_response(one, rc, expected_lines);
            rest.remove_prefix(end + 1);
            start = pos + 1;
        }
        MGF_CHECK(rest.empty(), where + ": more lines than the input");
        MGF_CHECK(r.lines == expected_lines, where);
        return 0;
    }
    if (r.content_type == mg_http::json_type) {
        const json j = json::parse(r.body, nullptr, false);
        MGF_CHECK(!j.is_discarded(), where + ": not JSON: " + r.body);
        if (r.status != 200) check_error_shape(j, r.body);
    }
    if (r.status == 200) MGF_CHECK(method == "GET" || method == "HEAD", where);
    return 0;
}
