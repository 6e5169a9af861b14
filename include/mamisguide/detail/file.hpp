// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — opening a file by name. A path is UTF-8 on every platform (as SQLite's are): on
// POSIX systems it is given to the C library as it is; on Windows it is converted to UTF-16
// here, in one place (utf8_to_wide), and opened through the wide API, so that a name with
// Japanese characters opens whatever the system's ANSI code page is. Every loader, the C ABI and
// the command line open files through this header.
#pragma once

#include "utf8.hpp"

#include <sys/stat.h>
#include <sys/types.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace mamisguide::detail {

/// Appends UTF-8 `s` to `out` as UTF-16 (surrogate pairs above U+FFFF). An ill-formed sequence
/// (RFC 3629: overlong, surrogate, above U+10FFFF, cut short) makes it return false, or, when
/// `replace` is set, becomes U+FFFD (one per maximal ill-formed piece, as Unicode recommends).
inline bool utf8_to_utf16(std::string_view s, std::u16string& out, bool replace = false) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    out.reserve(out.size() + n);
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            out.push_back(c);
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF; // the second byte's range
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2, cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, cp = c & 0x0Fu;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, cp = c & 0x07u;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        }
        std::size_t k = 1;
        if (len != 0)
            for (; k < len && i + k < n; ++k) {
                const unsigned char b = p[i + k];
                if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) break;
                cp = (cp << 6) | (b & 0x3Fu);
            }
        if (len == 0 || k < len) {
            if (!replace) return false;
            out.push_back(u'\uFFFD');
            i += k; // the lead byte and the continuation bytes that fitted
            continue;
        }
        if (cp >= 0x10000) {
            out.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(cp));
        }
        i += len;
    }
    return true;
}

/// Appends UTF-16 `s` to `out` as UTF-8; an unpaired surrogate becomes U+FFFD.
inline void utf16_to_utf8(std::u16string_view s, std::string& out) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        char32_t cp = s[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 &&
            s[i + 1] <= 0xDFFF)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (s[++i] - 0xDC00);
        else if (cp >= 0xD800 && cp <= 0xDFFF)
            cp = 0xFFFD;
        put_char(out, cp);
    }
}

#ifdef _WIN32
/// A UTF-8 path as Windows' wide API takes it: the one conversion of a path's name. False (and
/// errno EILSEQ) when the name is not UTF-8.
inline bool utf8_to_wide(std::string_view path, std::wstring& out) {
    static_assert(sizeof(wchar_t) == sizeof(char16_t), "Windows' wchar_t is UTF-16");
    std::u16string u;
    if (!utf8_to_utf16(path, u)) {
        errno = EILSEQ;
        return false;
    }
    out.assign(u.begin(), u.end());
    return true;
}
#endif

/// std::fopen for a UTF-8 path. `mode` is fopen's ("rb", "wb"...); nullptr and errno on failure.
inline std::FILE* open_file(const std::string& path, const char* mode) {
#ifdef _WIN32
    std::wstring wpath, wmode;
    if (!utf8_to_wide(path, wpath) || !utf8_to_wide(mode, wmode)) return nullptr;
    return ::_wfopen(wpath.c_str(), wmode.c_str());
#else
    return std::fopen(path.c_str(), mode);
#endif
}

/// What tells one version of an open file from another: its size and modification time.
struct file_stamp {
    bool regular = false; ///< a regular file (not a pipe, a device, a directory)
    std::int64_t size = 0;
    std::int64_t mtime_sec = 0;
    long mtime_nsec = 0; ///< 0 on Windows, whose C library gives whole seconds
    bool operator==(const file_stamp& o) const noexcept {
        return regular == o.regular && size == o.size && mtime_sec == o.mtime_sec &&
               mtime_nsec == o.mtime_nsec;
    }
    bool operator!=(const file_stamp& o) const noexcept { return !(*this == o); }
};

/// The stamp of open file `f`; `regular` false when it cannot be told.
inline file_stamp stamp_of(std::FILE* f) noexcept {
    file_stamp s;
#ifdef _WIN32
    struct _stat64 st {};
    if (::_fstat64(::_fileno(f), &st) != 0) return s;
    s.regular = (st.st_mode & _S_IFMT) == _S_IFREG;
    s.mtime_sec = static_cast<std::int64_t>(st.st_mtime);
#else
    struct stat st {};
    if (::fstat(::fileno(f), &st) != 0) return s;
    s.regular = S_ISREG(st.st_mode);
    s.mtime_sec = static_cast<std::int64_t>(st.st_mtim.tv_sec);
    s.mtime_nsec = static_cast<long>(st.st_mtim.tv_nsec);
#endif
    s.size = static_cast<std::int64_t>(st.st_size);
    return s;
}

} // namespace mamisguide::detail
