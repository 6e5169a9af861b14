// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — codes as people type them: values trimmed of ASCII and ideographic (U+3000)
// spaces, full-width ASCII (U+FF01–U+FF5E: Ａ, ｚ, １, －…) folded to ASCII. Comparisons and
// hashes fold on the fly, so a lookup allocates nothing and costs one extra branch per byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mamisguide::detail {

constexpr char ascii_lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// True when `haystack` contains `needle`, ASCII case ignored. Allocates nothing.
inline bool contains_ignoring_case(std::string_view haystack, std::string_view needle) noexcept {
    if (needle.size() > haystack.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && ascii_lower(haystack[i + k]) == ascii_lower(needle[k])) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

/// The character at `s[i]`, folded: full-width ASCII (3 bytes in UTF-8) becomes its ASCII
/// counterpart. Returns the number of bytes consumed (1 or 3) and stores the character in `c`.
constexpr std::size_t fold_at(std::string_view s, std::size_t i, char& c) noexcept {
    if (static_cast<unsigned char>(s[i]) == 0xEF && i + 2 < s.size()) {
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const auto b2 = static_cast<unsigned char>(s[i + 2]);
        if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) { // U+FF01 … U+FF3F
            c = static_cast<char>(b2 - 0x81 + 0x21);
            return 3;
        }
        if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) { // U+FF40 … U+FF5E
            c = static_cast<char>(b2 - 0x80 + 0x60);
            return 3;
        }
    }
    c = s[i];
    return 1;
}

/// `s` without leading and trailing ASCII spaces, tabs and ideographic spaces (U+3000).
constexpr std::string_view trim_value(std::string_view s) noexcept {
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
            s.remove_prefix(1);
        else if (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80")
            s.remove_prefix(3);
        else
            break;
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80")
            s.remove_suffix(3);
        else
            break;
    }
    return s;
}

/// True if `s` holds no full-width ASCII and no surrounding space: folding leaves it as is.
constexpr bool is_folded(std::string_view s) noexcept {
    if (trim_value(s).size() != s.size()) return false;
    for (std::size_t i = 0; i < s.size();) {
        char c = 0;
        const std::size_t n = fold_at(s, i, c);
        if (n != 1) return false;
        i += n;
    }
    return true;
}

/// True if every byte of `s` is printable ASCII other than the space (0x21-0x7E): trimming and
/// folding leave it as it is (the empty code too). Most codes are typed so: the lookups' fast
/// path.
constexpr bool plain_code(std::string_view s) noexcept {
    for (char c : s)
        if (static_cast<unsigned char>(c) - 0x21u > 0x7Eu - 0x21u) return false;
    return true;
}

/// `a` and `b` hold the same bytes. Most codes are 4 to 16 bytes: compared as two machine
/// words each (they may overlap), without a call to memcmp.
inline bool same_bytes(std::string_view a, std::string_view b) noexcept {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const auto same = [&](auto word) {
        using W = decltype(word);
        W x[2], y[2];
        std::memcpy(&x[0], a.data(), sizeof(W));
        std::memcpy(&x[1], a.data() + n - sizeof(W), sizeof(W));
        std::memcpy(&y[0], b.data(), sizeof(W));
        std::memcpy(&y[1], b.data() + n - sizeof(W), sizeof(W));
        return ((x[0] ^ y[0]) | (x[1] ^ y[1])) == 0;
    };
    if (n >= 8 && n <= 16) return same(std::uint64_t{});
    if (n >= 4 && n < 8) return same(std::uint32_t{});
    return a == b;
}

/// Two codes are the same after trimming and folding both.
inline bool same_code(std::string_view a, std::string_view b) noexcept {
    if (same_bytes(a, b)) return true;
    if (plain_code(a) && plain_code(b)) return false; // neither changes: they differ
    a = trim_value(a);
    b = trim_value(b);
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        char x = 0, y = 0;
        i += fold_at(a, i, x);
        j += fold_at(b, j, y);
        if (x != y) return false;
    }
    return i == a.size() && j == b.size();
}

/// A text's bytes counted into 16 bins, ASCII case ignored: each digit its own, '-' one, every
/// other byte one of five by its value. The larger of what each of two bags holds beyond the
/// other is at most the edit distance between their texts (an edit moves it by at most one;
/// sharing bins only lowers it): association_candidates() rules most codes out with it before
/// computing their distance. `counted` is false for a text over 255 bytes (a bin could
/// overflow): no bound is known then.
struct code_bag {
    alignas(16) std::uint8_t bins[16] = {};
    bool counted = false;
};

inline code_bag bag_of(std::string_view s) noexcept {
    code_bag b;
    if (s.size() > 255) return b;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(ascii_lower(c));
        ++b.bins[u >= '0' && u <= '9' ? u - '0' : u == '-' ? 10 : 11 + u % 5];
    }
    b.counted = true;
    return b;
}

/// The bound above (0 when either bag is not counted).
inline std::size_t bag_bound(const code_bag& a, const code_bag& b) noexcept {
    if (!a.counted || !b.counted) return 0;
    std::size_t more = 0, less = 0;
#if defined(__SSE2__)
    // The sixteen bins at once (association_candidates() asks this of every code): each side's
    // excess by saturating subtraction, summed by _mm_sad_epu8 into two halves of at most
    // 8 × 255 each.
    const __m128i x = _mm_load_si128(reinterpret_cast<const __m128i*>(a.bins));
    const __m128i y = _mm_load_si128(reinterpret_cast<const __m128i*>(b.bins));
    const __m128i m = _mm_sad_epu8(_mm_subs_epu8(x, y), _mm_setzero_si128());
    const __m128i l = _mm_sad_epu8(_mm_subs_epu8(y, x), _mm_setzero_si128());
    more = static_cast<std::size_t>(_mm_cvtsi128_si32(m) + _mm_extract_epi16(m, 4));
    less = static_cast<std::size_t>(_mm_cvtsi128_si32(l) + _mm_extract_epi16(l, 4));
#else
    for (std::size_t i = 0; i < 16; ++i) {
        const unsigned x = a.bins[i], y = b.bins[i];
        more += x > y ? x - y : 0;
        less += y > x ? y - x : 0;
    }
#endif
    return more > less ? more : less;
}

/// The hash of a code's bytes, eight at a time (hash_code()): `add` takes them as little-endian
/// words of eight, the last one zero-padded, whatever the processor, so that a folded code fed
/// byte by byte hashes as the same bytes loaded as words; `done` mixes in their count.
struct code_hash {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    void add(std::uint64_t word) noexcept {
        h = (h ^ word) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 29;
    }
    std::uint64_t done(std::size_t n) const noexcept {
        std::uint64_t x = (h ^ n) * 0x94D049BB133111EBull;
        return x ^ (x >> 32);
    }
};

/// `n` (0…8) bytes at `p` as a little-endian word, zero-padded; never reads outside them.
inline std::uint64_t load_le(const char* p, std::size_t n) noexcept {
    const auto byte = [p](std::size_t i) {
        return std::uint64_t(static_cast<unsigned char>(p[i]));
    };
    std::uint64_t w = 0;
    if (n >= 4) {
        std::uint32_t a, b; // the first four and the last four: they overlap below 8
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        a = __builtin_bswap32(a);
        b = __builtin_bswap32(b);
#endif
        w = std::uint64_t(a) | (std::uint64_t(b) << (8 * (n - 4)));
    } else if (n) {
        w = byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1)));
    }
    return w;
}

/// True when each byte of `w` is printable ASCII other than the space (0x21-0x7E).
inline bool plain_word(std::uint64_t w) noexcept {
    constexpr std::uint64_t highs = 0x8080808080808080ull;
    // Below 0x80, each byte: + 0x5F sets its high bit from 0x21 on, + 0x01 from 0x7F on.
    return (w & highs) == 0 &&
           ((w + 0x5F5F5F5F5F5F5F5Full) & ~(w + 0x0101010101010101ull) & highs) == highs;
}

/// The hash of the trimmed, folded code: equal for codes that same_code() calls the same. A
/// plain code (plain_code()) is hashed as it is, a word at a time (trimming and folding change
/// nothing); another is folded byte by byte into the same words.
inline std::uint64_t hash_code(std::string_view s) noexcept {
    const char* p = s.data();
    std::size_t n = s.size();
    if (n <= 16) { // most codes: one or two words, checked plain as they are loaded
        const std::uint64_t w0 = load_le(p, n < 8 ? n : 8);
        const std::uint64_t w1 = n > 8 ? load_le(p + 8, n - 8) : 0;
        // The padding's zero bytes are not plain: checked with it filled with 'A'.
        const auto fill = [](std::size_t k) {
            return k >= 8 ? 0 : 0x4141414141414141ull << (8 * k);
        };
        if (plain_word(w0 | fill(n)) && plain_word(w1 | fill(n > 8 ? n - 8 : 0))) {
            code_hash h;
            if (n) h.add(w0);
            if (n > 8) h.add(w1);
            return h.done(n);
        }
    } else if (plain_code(s)) {
        code_hash h;
        for (std::size_t i = 0; i < n; i += 8) h.add(load_le(p + i, n - i < 8 ? n - i : 8));
        return h.done(n);
    }
    // Folded byte by byte into the same words.
    s = trim_value(s);
    code_hash h;
    std::uint64_t w = 0;
    std::size_t len = 0;
    for (std::size_t i = 0; i < s.size(); ++len) {
        char c = 0;
        i += fold_at(s, i, c);
        w |= std::uint64_t(static_cast<unsigned char>(c)) << (8 * (len % 8));
        if (len % 8 == 7) {
            h.add(w);
            w = 0;
        }
    }
    if (len % 8) h.add(w);
    return h.done(len);
}

/// Writes the code trimmed and folded to `out` (which must hold `s.size()` bytes; folding only
/// shortens) and returns its length.
inline std::size_t fold_code(std::string_view s, char* out) noexcept {
    s = trim_value(s);
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        char c = 0;
        i += fold_at(s, i, c);
        out[n++] = c;
    }
    return n;
}

/// The code trimmed and folded, as stored by the loaders.
inline std::string fold_code(std::string_view s) {
    std::string out(s.size(), '\0');
    out.resize(fold_code(s, out.data()));
    return out;
}

/// A header's column name as compared: trimmed, folded, ASCII letters in lower case.
inline std::string header_key(std::string_view s) {
    std::string k = fold_code(s);
    for (char& c : k)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return k;
}

} // namespace mamisguide::detail
