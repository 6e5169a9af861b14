// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — CP932 (Shift_JIS with Windows' NEC and IBM extensions, what Excel on Japanese
// Windows saves CSV as) to UTF-8, the same on every platform: a table generated from glibc's own
// CP932 converter (detail/cp932_table.hpp, scripts/gen-cp932.py), so that the answers are
// glibc's byte for byte — also where the C library has no CP932 (musl, WebAssembly) or no iconv
// at all (Windows). tests/test_cp932.cpp compares it with glibc on every one- and two-byte input.
#pragma once

#include "cp932_table.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mamisguide::detail {

/// The outcome of a conversion: `bad` is the offset of the first byte that is not CP932 (npos
/// when all converted). For a two-byte character that is refused it is the offset of its lead
/// byte, also when the input ends right after the lead byte (`cut_off`: iconv's EINVAL, where
/// every other refusal is its EILSEQ).
struct conversion {
    std::size_t bad = std::string_view::npos;
    bool cut_off = false;
    bool ok() const noexcept { return bad == std::string_view::npos; }
};

/// Converts CP932 `in` to UTF-8, appended to `out` (which grows once, by at most three bytes per
/// byte of `in`, and is then cut to what was written; nothing else is allocated). On a refusal
/// `out` holds the text before the refused byte. As glibc does:
///   - 0x00-0x7F are ASCII, 0x5C and 0x7E included (a backslash and a tilde, not yen and
///     overline);
///   - 0xA1-0xDF are half-width katakana (U+FF61-U+FF9F); 0x80, 0xA0 and 0xFD-0xFF are refused;
///   - 0x81-0x9F and 0xE0-0xFC start a two-byte character; the second byte is 0x40-0x7E or
///     0x80-0xFC, and only the pairs the table holds are characters (Windows' NEC row 13 such as
///     U+2460 at 0x8740, the NEC-selected and IBM extensions such as U+FA11 at 0xFAB1 and U+9AD9
///     at 0xFBFC, and the user-defined area 0xF040-0xF9FC as U+E000-U+E757); any other pair is
///     refused at its first byte.
/// CP932 never uses 0x0A in a two-byte character, so the text keeps its lines.
inline conversion cp932_to_utf8(std::string_view in, std::string& out) {
    namespace t = cp932_table;
    conversion r;
    const std::size_t start = out.size();
    out.resize(start + in.size() * 3);
    char* const first = out.data() + start;
    char* o = first;
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t n = in.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned c = p[i];
        if (c < 0x80) {
            *o++ = static_cast<char>(c);
            ++i;
            continue;
        }
        unsigned u = t::high[c - 0x80];
        if (u == t::lead) {
            if (n - i < 2) {
                r.bad = i;
                r.cut_off = true;
                break;
            }
            const unsigned trail = p[i + 1];
            const unsigned row = t::row_of[c - t::lead_first];
            u = row != 0 && trail >= t::trail_first && trail <= t::trail_last
                    ? t::rows[row - 1][trail - t::trail_first]
                    : 0;
            if (u == 0) {
                r.bad = i;
                break;
            }
            i += 2;
        } else if (u == t::refused) {
            r.bad = i;
            break;
        } else {
            ++i;
        }
        // Every byte under 0x80 was copied above, and the tables map nothing else under 0x80
        // (their least code points: U+00A7 in the rows, U+FF61 for single bytes).
        if (u < 0x800) {
            *o++ = static_cast<char>(0xC0 | (u >> 6));
            *o++ = static_cast<char>(0x80 | (u & 0x3F));
        } else {
            *o++ = static_cast<char>(0xE0 | (u >> 12));
            *o++ = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
            *o++ = static_cast<char>(0x80 | (u & 0x3F));
        }
    }
    out.resize(start + static_cast<std::size_t>(o - first));
    return r;
}

} // namespace mamisguide::detail
