// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — JSON string escaping: quotes, backslash and control characters, sixteen bytes at
// a time where SSE2 is there.
#include "json_sink.hpp"

#include <mamisguide/detail/utf8.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mamisguide::json {
namespace emit {
namespace {

/// True if any of the 8 bytes in `w` is below 0x20, a quote or a backslash: the exact "any
/// byte" tests of the bit-twiddling hacks (hasless, haszero), eight bytes at a time.
inline bool needs_escape(std::uint64_t w) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    const std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    return (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
            ((backslash - ones) & ~backslash)) &
           high;
}

inline bool needs_escape(unsigned char c) noexcept {
    return json_escaped(static_cast<char>(c));
}

/// The index of the first byte at or after `i` that needs escaping, or `n`: sixteen bytes at a
/// time with SSE2, then eight with plain integers, then one by one.
inline std::size_t next_to_escape(const char* d, std::size_t n, std::size_t i) noexcept {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
                  control = _mm_set1_epi8(0x1f);
    for (; i + 16 <= n; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                         _mm_cmpeq_epi8(_mm_min_epu8(x, control), x)); // x <= 0x1f, unsigned
        if (const int mask = _mm_movemask_epi8(hit))
            return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
    if (i < n && n >= 16) { // the last 1-15 bytes: test the string's last 16 bytes, and drop
        // the bits of those before i
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + n - 16));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                         _mm_cmpeq_epi8(_mm_min_epu8(x, control), x));
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)) >> (16 - (n - i));
        return mask ? i + static_cast<std::size_t>(__builtin_ctz(mask)) : n;
    }
#endif
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, d + i, 8);
        if (needs_escape(w)) break;
    }
    for (; i < n; ++i)
        if (needs_escape(static_cast<unsigned char>(d[i]))) return i;
    return n;
}

} // namespace

void escape(sink& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    const char* d = s.data();
    const std::size_t n = s.size();
    std::size_t run = 0; // start of the current run of bytes that need no escaping
    for (std::size_t i = next_to_escape(d, n, 0); i < n; i = next_to_escape(d, n, i + 1)) {
        const unsigned char c = static_cast<unsigned char>(d[i]);
        out.append(d + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default: {
            const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(u, 6);
        }
        }
    }
    out.append(d + run, n - run);
}

} // namespace emit

void append_escaped(std::string& out, std::string_view s) {
    emit::sink w(out);
    emit::escape(w, s);
    w.flush();
}

std::string_view marked_utf8(std::string_view s, std::string& storage) {
    std::size_t i = detail::utf8_invalid_at(s);
    if (i == std::string_view::npos) return s;
    storage.clear();
    do {
        storage.append(s.substr(0, i));
        storage.push_back('?');
        s.remove_prefix(i + 1);
    } while ((i = detail::utf8_invalid_at(s)) != std::string_view::npos);
    storage.append(s);
    return storage;
}

} // namespace mamisguide::json
