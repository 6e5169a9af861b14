// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the request reader's fast paths (internal to capi/): a scanner of the contract's
// own shapes (json_read_scan.cpp, the default), and simdjson's On-Demand front end, compiled
// twice from json_read_fast_impl.hpp, for AVX2 (json_read_fast_haswell.cpp) and for the baseline
// (json_read_fast_base.cpp); one of them is chosen once at start (json_read.cpp).
//
// Each reads a request that is valid, and only that: at the first thing it does not like (bad
// JSON, a wrong type, an unknown or repeated field, an unknown name) it gives up, and the DOM
// reader reads the request again and says exactly why (the message, the field, the position),
// as it always did. So every refusal is the DOM reader's, and the fast path only has to never
// accept what the DOM reader refuses, nor read a value differently.
#pragma once

#include "json_read.hpp"

#include <cstddef>

namespace mamisguide::json::reading {

/// The largest request the On-Demand reader reads: its parser is made that size at once and never
/// grows, so that reading allocates nothing (a longer request goes to the DOM reader).
inline constexpr std::size_t fast_capacity = 64 * 1024;

/// One kernel's On-Demand reader.
struct fast_reader {
    const char* name; ///< "haswell", "fallback", "westmere", "arm64", …
    /// A parser for requests of up to fast_capacity bytes, made now; nullptr when memory ran
    /// out.
    void* (*make)() noexcept;
    void (*destroy)(void* parser) noexcept;
    /// Reads `len` bytes at `text` (input_padding readable bytes follow them) into `p`. True:
    /// `p` holds the request (its strings point into the parser, valid until its next read).
    /// False: not read here (`p` is then unspecified): the DOM reader says why.
    bool (*read)(void* parser, const char* text, std::size_t len, parsed& p) noexcept;
};

/// The scanning reader (json_read_scan.cpp): reads `len` bytes at `text` (no padding needed)
/// into `p` when the request is valid and written without escapes, numbers or anything the
/// contract has no use for; its strings then point into `text`. False: not read here (`p` is
/// then unspecified): the DOM reader says why.
bool scan_read(const char* text, std::size_t len, parsed& p) noexcept;

/// The AVX2 copy (simdjson's haswell kernel), or nullptr where it is not compiled (not x86-64,
/// or the compiler was not given its flags).
const fast_reader* fast_reader_haswell() noexcept;
/// The copy for the baseline of the target (simdjson's fallback kernel on x86-64).
const fast_reader& fast_reader_base() noexcept;

} // namespace mamisguide::json::reading
