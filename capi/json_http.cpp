// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the JSON shapes of the HTTP service that are not the contract's: its errors,
// /healthz and the access log (json.hpp).
#include "json.hpp"

#include <mamisguide/version.hpp>

#include <cstdio>
#include <ctime>

namespace mamisguide::json {
namespace {

/// A JSON string of `s`. What a client sent (a parameter's name, a path) may be any bytes: a
/// byte that is not part of valid UTF-8 is written as '?', so that the JSON stays valid.
void quoted(std::string& out, std::string_view s) {
    out.push_back('"');
    std::string marked;
    append_escaped(out, marked_utf8(s, marked));
    out.push_back('"');
}

/// "2026-11-30T07:00:00Z", or with `micros` "2026-11-30T07:00:00.123456Z".
void utc_time(std::string& out, std::int64_t seconds, long micros = -1) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
#ifdef _WIN32
    gmtime_s(&tm, &t); // the C runtime's, arguments the other way round
#else
    gmtime_r(&t, &tm);
#endif
    char buf[48];
    int n = std::snprintf(buf, sizeof buf, "\"%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900,
                          tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (micros >= 0) n += std::snprintf(buf + n, sizeof buf - n, ".%06ld", micros);
    n += std::snprintf(buf + n, sizeof buf - n, "Z\"");
    out.append(buf, static_cast<std::size_t>(n));
}

} // namespace

void write_http_error(std::string& out, std::string_view code, const bitext& message,
                      std::string_view field, lang l) {
    out += "{\"ok\":false,\"error\":{\"code\":";
    quoted(out, code);
    out += ",\"message\":";
    quoted(out, message.get(l));
    if (!field.empty()) {
        out += ",\"field\":";
        quoted(out, field);
    }
    out += "}}";
}

void write_health(std::string& out, const health_info& h) {
    out += "{\"ok\":true,\"version\":\"" MAMISGUIDE_VERSION_STRING "\",\"associations\":";
    out += std::to_string(h.associations);
    out += ",\"master_rows\":";
    out += std::to_string(h.master_rows);
    out += ",\"loaded_at\":";
    utc_time(out, h.loaded_at);
    out += ",\"started_at\":";
    utc_time(out, h.started_at);
    out += ",\"reloads\":";
    out += std::to_string(h.reloads);
    out += '}';
}

void write_access(std::string& out, const access_entry& e) {
    out += "{\"time\":";
    std::int64_t secs = e.unix_micros / 1000000, us = e.unix_micros % 1000000;
    if (us < 0) us += 1000000, --secs;
    utc_time(out, secs, static_cast<long>(us));
    out += ",\"method\":";
    quoted(out, e.method);
    out += ",\"path\":";
    quoted(out, e.path);
    out += ",\"status\":";
    out += std::to_string(e.status);
    out += ",\"us\":";
    out += std::to_string(e.micros);
    out += ",\"code\":";
    if (e.code.empty())
        out += "null";
    else
        quoted(out, e.code);
    if (e.lines) {
        out += ",\"lines\":";
        out += std::to_string(e.lines);
    }
    out += '}';
}

} // namespace mamisguide::json
