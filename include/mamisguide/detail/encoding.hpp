// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — reading text that is not UTF-8: CP932 (Shift_JIS with Windows' extensions, what
// Excel on Japanese Windows saves CSV as), converted with glibc's iconv; no tables of our own.
#pragma once

#include <iconv.h>

#include <cerrno>
#include <cstddef>
#include <new>
#include <string>
#include <string_view>

namespace mamisguide::detail {

/// The outcome of a conversion: `bad` is the offset of the first byte that is not CP932 (npos
/// when all converted); `unavailable` when this system's iconv has no CP932.
struct conversion {
    std::size_t bad = std::string_view::npos;
    bool unavailable = false;
    bool ok() const noexcept { return bad == std::string_view::npos && !unavailable; }
};

/// Converts CP932 `in` to UTF-8, appended to `out`. CP932 never uses 0x0A in a multi-byte
/// character, so the text keeps its lines: line numbers hold in both encodings.
inline conversion cp932_to_utf8(std::string_view in, std::string& out) {
    conversion r;
    // UTF-8 takes at most 3 bytes per CP932 byte (a one-byte katakana becomes three). Made room
    // for first: nothing can throw once the converter is open.
    const std::size_t start = out.size();
    out.resize(start + in.size() * 3 + 4);
    iconv_t cd = ::iconv_open("UTF-8", "CP932");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        if (errno == ENOMEM) throw std::bad_alloc();
        out.resize(start);
        r.unavailable = true;
        return r;
    }
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    char* dst = &out[start];
    std::size_t dst_left = out.size() - start;
    while (src_left > 0) {
        if (::iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
            // EILSEQ: not CP932; EINVAL: a character cut off by the end; E2BIG cannot happen.
            r.bad = static_cast<std::size_t>(src - in.data());
            break;
        }
    }
    ::iconv_close(cd);
    out.resize(out.size() - dst_left);
    return r;
}

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
