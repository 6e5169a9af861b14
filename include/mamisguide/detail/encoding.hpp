// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — reading text that is not UTF-8: CP932 (Shift_JIS with Windows' extensions, what
// Excel on Japanese Windows saves CSV as), converted by the library's own decoder
// (detail/cp932.hpp, glibc's table); and telling a damaged UTF-8 file from a CP932 one.
#pragma once

#include "cp932.hpp"

#include <cstddef>
#include <string_view>

namespace mamisguide::detail {

/// True when text that is not valid UTF-8 still reads as mostly UTF-8: it has well-formed
/// multi-byte characters, at least as many as broken sequences. Such a file is a UTF-8 file
/// with damage, refused as invalid UTF-8, not read as CP932 (which would turn it to nonsense).
/// Shift_JIS text breaks UTF-8 at nearly every character, so it never looks like this.
inline bool mostly_utf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t good = 0, bad = 0;
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                          : c >= 0xE0 && c <= 0xEF ? 3
                          : c >= 0xF0 && c <= 0xF4 ? 4
                                                   : 0;
        bool ok = len != 0 && n - i >= len;
        for (std::size_t k = 1; ok && k < len; ++k) ok = (p[i + k] & 0xC0) == 0x80;
        if (ok) {
            ++good;
            i += len;
        } else {
            ++bad;
            ++i;
        }
    }
    return good > 0 && good >= bad;
}

} // namespace mamisguide::detail
