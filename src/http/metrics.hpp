// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The HTTP service's metrics, written at GET /metrics in the Prometheus text format (0.0.4):
// requests by endpoint and status, refusals by code, a latency histogram per endpoint,
// connections, reloads, and the master's row count and load time. Lock-free counters.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace mg_http {

enum class endpoint : unsigned char {
    index,
    healthz,
    metrics,
    plan,
    batch,
    guide,
    directory,
    support,
    holidays,
    openapi,
    asset,
    texts,            // GET /v1/texts: the web guide's words
    guide_categories, // GET /v1/guide/categories: a guide leaf's category questions
    single_file,      // GET /mamisguide.html: the single-file guide, to download
    other,            // 404s and the bad requests that name no path
};
inline constexpr std::size_t n_endpoints = 15;
std::string_view to_string(endpoint e) noexcept;

class metrics {
public:
    /// The statuses the service gives; anything else is counted as "other".
    static constexpr std::array<unsigned, 10> statuses = {200, 204, 400, 404, 405,
                                                          408, 413, 431, 500, 503};
    /// Latency buckets' upper bounds in microseconds (+Inf after the last).
    static constexpr std::array<std::uint64_t, 13> buckets_us = {
        50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 1000000};

    void request(endpoint e, unsigned status, std::uint64_t micros) noexcept;
    /// A plan (status 0) or a refusal (1…14), from /v1/plan or a batch line.
    void answer(int status, std::uint64_t n = 1) noexcept;
    void connection_opened() noexcept {
        open_.fetch_add(1, std::memory_order_relaxed),
            accepted_.fetch_add(1, std::memory_order_relaxed);
    }
    void connection_closed() noexcept { open_.fetch_sub(1, std::memory_order_relaxed); }
    void connection_rejected() noexcept { rejected_.fetch_add(1, std::memory_order_relaxed); }
    void reload(bool ok) noexcept {
        (ok ? reload_ok_ : reload_refused_).fetch_add(1, std::memory_order_relaxed);
    }
    std::int64_t open_connections() const noexcept { return open_.load(std::memory_order_relaxed); }

    /// Appends the text format. `master_rows`, `load_seconds`, `loaded_at` describe the data
    /// being served.
    void write(std::string& out, std::size_t associations, std::size_t master_rows,
               double load_seconds, std::int64_t loaded_at, std::int64_t started_at) const;

private:
    using counter = std::atomic<std::uint64_t>;
    static constexpr std::size_t n_statuses = statuses.size() + 1; // + "other"
    counter requests_[n_endpoints][n_statuses] = {};
    counter hist_[n_endpoints][buckets_us.size() + 1] = {};
    counter hist_sum_us_[n_endpoints] = {};
    counter answers_[15] = {};
    std::atomic<std::int64_t> open_{0};
    counter accepted_{0}, rejected_{0}, reload_ok_{0}, reload_refused_{0};
};

} // namespace mg_http
