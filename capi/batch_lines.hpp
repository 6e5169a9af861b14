// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// JSON Lines in, JSON Lines out: the line logic that `mamisguide batch`, the HTTP service's
// POST /v1/batch and the C ABI's mg_batch_json (so the JavaScript package's batch) share. Input
// arrives in pieces of any size; every complete line is answered in order with json::respond (its
// "line" number added), blank, malformed and oversized lines with invalid_request. Memory stays
// constant: a line is answered in place when it lies whole in a piece (parsed there, without a
// copy, when json::input_padding bytes of the piece follow it), a line split across pieces is
// carried in a buffer of at most one request, and a line longer than json::max_request_bytes is
// skipped unread and answered as too large.
#pragma once

#include "json.hpp"

#include <mamisguide/mamisguide.hpp>

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

namespace mamisguide::json {

class batch_lines {
public:
    /// Counts by status: [0] plans, [1…14] refusals by code (rules.md §7).
    static constexpr int n_statuses = 15;

    explicit batch_lines(const directory& dir) noexcept : dir_(&dir) {}

    /// Answers every line that `piece` completes, appending the responses (each followed by
    /// '\n') to `out`. Stops early, once `out` holds `out_limit` bytes or more, and returns how
    /// many bytes of `piece` were consumed: call again with the rest.
    ///
    /// Out of memory: throws std::bad_alloc, with `out` ending after the last line answered
    /// whole (never half a line) and lines() the number answered, so the line that could not be
    /// answered is lines() + 1. The object is then only good for lines() and destruction.
    std::size_t feed(std::string_view piece, json::out_buffer& out,
                     std::size_t out_limit = std::numeric_limits<std::size_t>::max());

    /// The end of the input: answers a last line that has no newline. (A newline at the very
    /// end adds no record.) Out of memory: as feed().
    void finish(json::out_buffer& out);

    std::size_t lines() const noexcept { return line_; }
    const std::size_t* counts() const noexcept { return counts_; }
    std::size_t plans() const noexcept { return counts_[0]; }
    std::size_t refusals() const noexcept;

private:
    void answer(std::string_view line, json::out_buffer& out, bool padded);
    void answer_oversized(json::out_buffer& out);

    const directory* dir_;
    std::string carry_;     ///< the start of a line split across pieces (≤ one request + '\r')
    bool skipping_ = false; ///< inside a line too long to be a request
    std::size_t line_ = 0;
    std::size_t counts_[n_statuses] = {};
};

} // namespace mamisguide::json
