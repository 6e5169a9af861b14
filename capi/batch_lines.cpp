// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// JSON Lines in, JSON Lines out (batch_lines.hpp).
#include "batch_lines.hpp"

#include <cstring>
#include <new>

namespace mamisguide::json {

std::size_t batch_lines::refusals() const noexcept {
    std::size_t n = 0;
    for (int c = 1; c < n_statuses; ++c) n += counts_[c];
    return n;
}

void batch_lines::answer(std::string_view line, out_buffer& out, bool padded) {
    const std::size_t number = line_ + 1;
    const std::size_t start = out.size();
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    int rc;
    try {
        if (line.size() > max_request_bytes) {
            write_refusal_only(out, texts::json_too_large, "", lang::ja, number);
            rc = static_cast<int>(refusal_code::invalid_request);
        } else {
            rc = respond(*dir_, line, out, number, padded);
            if (rc < 0) throw std::bad_alloc(); // respond()'s one failure
        }
        out.push_back('\n');
    } catch (...) {
        out.truncate(start); // never half a line
        throw;
    }
    line_ = number;
    ++counts_[rc];
}

void batch_lines::answer_oversized(out_buffer& out) {
    const std::size_t start = out.size();
    try {
        write_refusal_only(out, texts::json_too_large, "", lang::ja, line_ + 1);
        out.push_back('\n');
    } catch (...) {
        out.truncate(start);
        throw;
    }
    ++line_;
    ++counts_[static_cast<int>(refusal_code::invalid_request)];
}

std::size_t batch_lines::feed(std::string_view piece, out_buffer& out, std::size_t out_limit) {
    // A request may be max_request_bytes long plus the '\r' of a CRLF line end.
    const std::size_t keep = max_request_bytes + 1;
    std::size_t pos = 0;
    while (pos < piece.size() && out.size() < out_limit) {
        const void* nl = std::memchr(piece.data() + pos, '\n', piece.size() - pos);
        if (!nl) { // the rest starts a line that a later piece ends
            const std::size_t rest = piece.size() - pos;
            if (!skipping_) {
                if (carry_.size() + rest > keep) {
                    skipping_ = true; // too long to be a request: drop it unread
                    carry_.clear();
                    carry_.shrink_to_fit();
                } else {
                    carry_.append(piece.data() + pos, rest);
                }
            }
            return piece.size();
        }
        const std::size_t at =
            static_cast<std::size_t>(static_cast<const char*>(nl) - piece.data());
        if (skipping_) {
            answer_oversized(out);
            skipping_ = false;
        } else if (!carry_.empty()) {
            if (carry_.size() + (at - pos) > keep) {
                answer_oversized(out);
            } else {
                carry_.append(piece.data() + pos, at - pos);
                answer(carry_, out, false);
            }
            carry_.clear();
        } else {
            // Parsed in place when the piece goes on for the parser's padding past the line
            // (the CR a CRLF line ends with, the newline and the next lines count).
            answer(piece.substr(pos, at - pos), out, piece.size() - at >= input_padding);
        }
        pos = at + 1;
    }
    return pos;
}

void batch_lines::finish(out_buffer& out) {
    if (skipping_)
        answer_oversized(out);
    else if (!carry_.empty())
        answer(carry_, out, false);
    skipping_ = false;
    carry_.clear();
}

} // namespace mamisguide::json
