// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The HTTP service's server: Boost.Beast over Boost.Asio, N threads each running an io_context
// of its own, the connections dealt out among them in turn (a connection's handlers on one
// thread: no strand); the reloads on a thread of their own. It reads HTTP around the pure handler
// (handler.hpp) and streams POST /v1/batch; it owns the limits (header and body sizes, read and
// write timeouts, the connection cap), the signals (SIGTERM/SIGINT: graceful stop; SIGHUP: reload)
// and the access log.
#pragma once

#include "http/handler.hpp"

#include <chrono>
#include <functional>
#include <string>

namespace mg_http {

struct server_options {
    std::string address = "127.0.0.1";
    unsigned short port = 8080;
    unsigned threads = 0;                     ///< 0: one per processor it may use
    std::size_t max_connections = 512;        ///< more get 503 and are closed
    std::chrono::milliseconds timeout{10000}; ///< header, body (idle), keep-alive and writes
    std::string cors_origin;                  ///< empty: no CORS headers
    bool access_log = true;                   ///< one JSON line per request on standard error
    lang log_lang = lang::ja;                 ///< the language of the other log lines
    /// SIGHUP: loads the data again. On failure returns nullptr and sets `error`.
    std::function<std::shared_ptr<const dataset>(std::string& error)> reload;
};

/// Parses "ADDR:PORT", "[V6ADDR]:PORT" or ":PORT" (the default address); false when malformed.
bool parse_listen(const std::string& text, std::string& address, unsigned short& port);

/// Serves until SIGTERM or SIGINT; returns the process's exit status (0 after a graceful stop,
/// 2 when it cannot listen).
int run_server(service& svc, const server_options& o);

} // namespace mg_http
