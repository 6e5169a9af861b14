// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The HTTP service's request handler: a pure function from a request (method, target, body) to
// a response (status, content type, body), with no socket in sight — the server (server.cpp)
// reads and writes HTTP around it, the tests and the fuzz target call it directly.
//
// POST /v1/batch is answered here too, from a whole body; the server streams it instead, with
// the same line logic (batch_lines.hpp) and so the same bytes.
#pragma once

#include "http/metrics.hpp"

#include <json.hpp>

#include <mamisguide/mamisguide.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mg_http {

using namespace mamisguide;

/// One version of the data: the directory (built-ins, master, catalogues) and where it came
/// from. Immutable once published; a request holds a shared_ptr to one version start to end.
struct dataset {
    directory dir;
    std::size_t master_rows = 0; ///< municipal associations read from the master
    std::int64_t loaded_at = 0;  ///< Unix seconds
    double load_seconds = 0;     ///< how long loading took
};

/// The single-file web guide (build-wasm/mamisguide.html), served at GET /mamisguide.html so that
/// a desk can download it: its bytes, and the Content-Security-Policy of its own <meta>, which is
/// sent with it (the service's usual default-src 'self' would forbid its inline script).
struct single_file {
    std::string html;
    std::string csp;
};

/// The single file from its bytes; nullopt when they are not a page of ours (no
/// Content-Security-Policy <meta>).
std::optional<single_file> make_single_file(std::string html);

/// The state every request reads: the data (swapped atomically on reload), the metrics, the
/// clock and the options.
class service {
public:
    explicit service(std::shared_ptr<const dataset> data);

    std::shared_ptr<const dataset> data() const { return std::atomic_load(&data_); }
    /// Publishes a new version: requests that start after this see it.
    void publish(std::shared_ptr<const dataset> d);

    mutable metrics stats;
    std::int64_t started_at = 0;           ///< Unix seconds
    std::atomic<std::uint64_t> reloads{0}; ///< successful reloads
    std::function<std::int64_t()> now;     ///< Unix seconds (the clock, replaceable)
    /// GET /mamisguide.html; null when the file is not installed (then a 404 that says so).
    std::shared_ptr<const single_file> guide_file;

private:
    std::shared_ptr<const dataset> data_;
};

struct request {
    std::string_view method; ///< as sent ("GET", "POST", …); HEAD is answered like GET
    std::string_view target; ///< "/v1/guide?lang=en"
    std::string_view body;
};

struct response {
    unsigned status = 200;
    std::string_view content_type;
    std::string body;
    endpoint ep = endpoint::other;
    std::string_view code;  ///< the refusal or error code (for the log and the metrics)
    std::string_view allow; ///< 405 and OPTIONS: the methods the path takes
    std::string_view csp;   ///< a Content-Security-Policy of its own (empty: the service's)
    /// POST /v1/batch: lines answered, and plans / refusals by code (index = status 0…14).
    std::size_t lines = 0;
    std::array<std::size_t, 15> counts{};
};

inline constexpr std::string_view json_type = "application/json; charset=utf-8";
inline constexpr std::string_view ndjson_type = "application/x-ndjson; charset=utf-8";
inline constexpr std::string_view prometheus_type = "text/plain; version=0.0.4; charset=utf-8";
inline constexpr std::string_view html_type = "text/html; charset=utf-8";

/// The largest body /v1/plan (and any other endpoint but /v1/batch) reads: larger ones get 413.
inline constexpr std::size_t max_body_bytes = std::size_t(1) << 20;

/// Answers one request on one version of the data. Never throws but std::bad_alloc.
response handle(const service& s, const dataset& d, const request& r);
/// handle(), with running out of memory answered: 503 `out_of_memory` (json::write_http_error,
/// in the language of the query's lang=, read without allocating). Throws std::bad_alloc only
/// when not even that answer can be made (the server then closes the connection).
response handle_safe(const service& s, const dataset& d, const request& r);
/// The same on the current version.
inline response handle(const service& s, const request& r) {
    const auto d = s.data();
    return handle(s, *d, r);
}

/// POST /v1/plan's answer for the server's keep-alive path: the body handle() gives, appended to
/// `out` (whose memory the caller keeps from request to request), and respond()'s status (0
/// for a plan, the refusal code 1…14; the HTTP status is 400 for invalid_request, 200
/// otherwise). `padded`: json::input_padding readable bytes follow `body`, which is then parsed
/// in place. -1 when memory ran out (`out` unspecified): handle_safe() then answers the
/// request. The caller has checked the method (POST) and the size (at most max_body_bytes).
int plan_into(const dataset& d, std::string_view body, json::out_buffer& out, bool padded) noexcept;

/// Which endpoint a path names (for routing, the log and the metrics); `other` when none.
endpoint classify(std::string_view path) noexcept;
/// The methods a path takes ("GET" / "POST"), empty for an unknown path.
std::string_view allowed_methods(endpoint e) noexcept;

/// An error response of the service itself (json::write_http_error), in `l`.
response error_response(unsigned status, std::string_view code, const bitext& message,
                        lang l = lang::ja, std::string_view field = {});

/// The refusal /v1/plan gives for a body over max_body_bytes (413): the contract's
/// invalid_request "too large", the bytes mg_plan_json gives for such a request.
response plan_too_large();

} // namespace mg_http
