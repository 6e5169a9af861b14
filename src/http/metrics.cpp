// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The HTTP service's metrics in the Prometheus text format (metrics.hpp).
#include "http/metrics.hpp"

#include <mamisguide/plan.hpp>

#include <cstdarg>
#include <cstdio>

namespace mg_http {

std::string_view to_string(endpoint e) noexcept {
    switch (e) {
    case endpoint::index:
        return "/";
    case endpoint::healthz:
        return "/healthz";
    case endpoint::metrics:
        return "/metrics";
    case endpoint::plan:
        return "/v1/plan";
    case endpoint::batch:
        return "/v1/batch";
    case endpoint::guide:
        return "/v1/guide";
    case endpoint::directory:
        return "/v1/directory";
    case endpoint::support:
        return "/v1/support";
    case endpoint::holidays:
        return "/v1/holidays";
    case endpoint::openapi:
        return "/v1/openapi.json";
    case endpoint::asset:
        return "asset";
    case endpoint::texts:
        return "/v1/texts";
    case endpoint::guide_categories:
        return "/v1/guide/categories";
    case endpoint::single_file:
        return "/mamisguide.html";
    case endpoint::other:
        return "other";
    }
    return "other"; // GCOVR_EXCL_LINE: after a switch over every endpoint (for -Wreturn-type)
}

void metrics::request(endpoint e, unsigned status, std::uint64_t micros) noexcept {
    const std::size_t ei =
        static_cast<std::size_t>(e) < n_endpoints ? static_cast<std::size_t>(e) : n_endpoints - 1;
    std::size_t si = n_statuses - 1;
    for (std::size_t i = 0; i < statuses.size(); ++i)
        if (statuses[i] == status) si = i;
    requests_[ei][si].fetch_add(1, std::memory_order_relaxed);
    std::size_t b = 0;
    while (b < buckets_us.size() && micros > buckets_us[b]) ++b;
    hist_[ei][b].fetch_add(1, std::memory_order_relaxed);
    hist_sum_us_[ei].fetch_add(micros, std::memory_order_relaxed);
}

void metrics::answer(int status, std::uint64_t n) noexcept {
    if (status >= 0 && status < 15) answers_[status].fetch_add(n, std::memory_order_relaxed);
}

namespace {

// (MinGW-w64's C++ runtime formats as C99 says, %zu included: gnu_printf, not the archetype
// printf, which there means Microsoft's.)
#ifdef __MINGW32__
void line(std::string& out, const char* fmt, ...) __attribute__((format(gnu_printf, 2, 3)));
#else
void line(std::string& out, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
void line(std::string& out, const char* fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    const int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0) out.append(buf, static_cast<std::size_t>(n) < sizeof buf ? n : sizeof buf - 1);
}

void help(std::string& out, const char* name, const char* type, const char* text) {
    line(out, "# HELP %s %s\n# TYPE %s %s\n", name, text, name, type);
}

} // namespace

void metrics::write(std::string& out, std::size_t associations, std::size_t master_rows,
                    double load_seconds, std::int64_t loaded_at, std::int64_t started_at) const {
    const auto ld = [](const counter& c) {
        return static_cast<unsigned long long>(c.load(std::memory_order_relaxed));
    };
    help(out, "mamisguide_http_requests_total", "counter",
         "HTTP requests answered, by endpoint and status.");
    for (std::size_t e = 0; e < n_endpoints; ++e)
        for (std::size_t s = 0; s < n_statuses; ++s) {
            const auto n = ld(requests_[e][s]);
            if (n == 0) continue;
            const std::string ep(to_string(static_cast<endpoint>(e)));
            if (s < statuses.size())
                line(out, "mamisguide_http_requests_total{endpoint=\"%s\",status=\"%u\"} %llu\n",
                     ep.c_str(), statuses[s], n);
            else
                line(out, "mamisguide_http_requests_total{endpoint=\"%s\",status=\"other\"} %llu\n",
                     ep.c_str(), n);
        }

    help(out, "mamisguide_http_request_duration_seconds", "histogram",
         "Time from a request's header to the last byte of its response.");
    for (std::size_t e = 0; e < n_endpoints; ++e) {
        unsigned long long total = 0;
        for (std::size_t b = 0; b <= buckets_us.size(); ++b) total += ld(hist_[e][b]);
        if (total == 0) continue;
        const std::string ep(to_string(static_cast<endpoint>(e)));
        unsigned long long cum = 0;
        for (std::size_t b = 0; b < buckets_us.size(); ++b) {
            cum += ld(hist_[e][b]);
            line(
                out,
                "mamisguide_http_request_duration_seconds_bucket{endpoint=\"%s\",le=\"%g\"} %llu\n",
                ep.c_str(), static_cast<double>(buckets_us[b]) / 1e6, cum);
        }
        line(out,
             "mamisguide_http_request_duration_seconds_bucket{endpoint=\"%s\",le=\"+Inf\"} %llu\n",
             ep.c_str(), total);
        line(out, "mamisguide_http_request_duration_seconds_sum{endpoint=\"%s\"} %.6f\n",
             ep.c_str(), static_cast<double>(ld(hist_sum_us_[e])) / 1e6);
        line(out, "mamisguide_http_request_duration_seconds_count{endpoint=\"%s\"} %llu\n",
             ep.c_str(), total);
    }

    help(out, "mamisguide_plans_total", "counter", "Plans given (/v1/plan and batch lines).");
    line(out, "mamisguide_plans_total %llu\n", ld(answers_[0]));
    help(out, "mamisguide_refusals_total", "counter",
         "Refusals given (/v1/plan and batch lines), by code.");
    for (mamisguide::refusal_code c : mamisguide::all_refusal_codes) {
        const std::string code(mamisguide::to_string(c));
        line(out, "mamisguide_refusals_total{code=\"%s\"} %llu\n", code.c_str(),
             ld(answers_[static_cast<int>(c)]));
    }

    help(out, "mamisguide_http_connections_open", "gauge", "Connections open now.");
    line(out, "mamisguide_http_connections_open %lld\n",
         static_cast<long long>(open_.load(std::memory_order_relaxed)));
    help(out, "mamisguide_http_connections_accepted_total", "counter", "Connections accepted.");
    line(out, "mamisguide_http_connections_accepted_total %llu\n", ld(accepted_));
    help(out, "mamisguide_http_connections_rejected_total", "counter",
         "Connections turned away (503) at the connection cap.");
    line(out, "mamisguide_http_connections_rejected_total %llu\n", ld(rejected_));

    help(out, "mamisguide_reloads_total", "counter", "Reloads on SIGHUP, by result.");
    line(out, "mamisguide_reloads_total{result=\"ok\"} %llu\n", ld(reload_ok_));
    line(out, "mamisguide_reloads_total{result=\"refused\"} %llu\n", ld(reload_refused_));
    help(out, "mamisguide_directory_associations", "gauge",
         "Associations in the data being served.");
    line(out, "mamisguide_directory_associations %zu\n", associations);
    help(out, "mamisguide_master_rows", "gauge",
         "Municipal associations read from the master being served.");
    line(out, "mamisguide_master_rows %zu\n", master_rows);
    help(out, "mamisguide_master_load_seconds", "gauge",
         "How long loading the data being served took.");
    line(out, "mamisguide_master_load_seconds %.6f\n", load_seconds);
    help(out, "mamisguide_master_loaded_timestamp_seconds", "gauge",
         "When the data being served was loaded.");
    line(out, "mamisguide_master_loaded_timestamp_seconds %lld\n",
         static_cast<long long>(loaded_at));
    help(out, "mamisguide_start_timestamp_seconds", "gauge", "When the service started.");
    line(out, "mamisguide_start_timestamp_seconds %lld\n", static_cast<long long>(started_at));
}

} // namespace mg_http
