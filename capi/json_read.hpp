// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the request reader (internal to capi/): a request's JSON into the C++ types,
// or why it cannot be read.
#pragma once

#include "json.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace mamisguide::json {
namespace reading {

struct parsed {
    member_state member;
    request req;
    lang l = lang::ja;
};

/// Why a request could not be read: the message, the exact field path (`request.colour`,
/// `member.levels[1]`), and for JSON that does not parse, where (1-based; 0 when unknown).
struct bad {
    const bitext* message = nullptr;
    std::string_view field;
    std::string path; ///< storage for a composed field path
    std::uint32_t line = 0, column = 0;
};

/// Parses a whole request. On failure, `b` says why and `p.l` holds the language if it could
/// be read (messages follow the request's own `lang` where possible).
/// `padded`: input_padding readable bytes follow `input`, which is then parsed in place.
/// Throws only std::bad_alloc.
const bad* read(std::string_view input, parsed& p, bad& b, bool padded);

/// read() without the scanner (json_read_fast.hpp): On-Demand if chosen, then simdjson's DOM.
/// Every refusal comes from here; the fuzz target compares the scanner with it.
const bad* read_dom(std::string_view input, parsed& p, bad& b, bool padded);

/// This thread's block that mg_plan_json's responses are written in before their copy out.
/// Throws std::bad_alloc when it cannot be made.
out_buffer& thread_scratch();

} // namespace reading
} // namespace mamisguide::json
