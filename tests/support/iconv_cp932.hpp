// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Test support (glibc only): CP932 to UTF-8 with glibc's iconv(3), exactly as the library did
// before it had its own decoder (detail/cp932.hpp) — the reference that decoder is compared
// with, in tests/test_cp932.cpp and in the master loader's fuzz target.
#pragma once

#include <iconv.h>

#include <cerrno>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mgtest {

/// What glibc makes of some bytes: the UTF-8 written, and where it stopped (npos when it
/// converted everything) and why (EILSEQ: not CP932; EINVAL: a character cut off by the end).
struct iconv_result {
    std::string out;
    std::size_t bad = std::string_view::npos;
    int error = 0;
};

/// The program's one descriptor for glibc's CP932 to UTF-8, or (iconv_t)-1 when this C library
/// has none.
inline iconv_t cp932_descriptor() {
    static const iconv_t cd = ::iconv_open("UTF-8", "CP932");
    return cd;
}

inline bool have_iconv_cp932() {
    return cp932_descriptor() != reinterpret_cast<iconv_t>(-1);
}

/// `in` converted from CP932 to UTF-8 by glibc's iconv, the descriptor put back in its initial
/// state first (CP932 has no state, but iconv might).
inline iconv_result iconv_cp932(std::string_view in) {
    const iconv_t cd = cp932_descriptor();
    if (cd == reinterpret_cast<iconv_t>(-1))
        throw std::runtime_error("iconv_open(\"UTF-8\", \"CP932\") failed");
    ::iconv(cd, nullptr, nullptr, nullptr, nullptr);
    iconv_result r;
    r.out.resize(in.size() * 3 + 4); // at most three bytes of UTF-8 per byte of CP932
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    char* dst = r.out.data();
    std::size_t dst_left = r.out.size();
    while (src_left > 0) {
        if (::iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
            r.error = errno;
            r.bad = static_cast<std::size_t>(src - in.data());
            break;
        }
    }
    r.out.resize(r.out.size() - dst_left);
    return r;
}

} // namespace mgtest
