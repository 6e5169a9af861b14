// mamisguide — UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
#pragma once

#include <cstddef>
#include <string_view>

namespace mamisguide::detail {

/// Returns the offset of the first byte of the first invalid sequence, or npos if `s` is valid.
inline std::size_t utf8_invalid_at(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return i;
        }
        if (n - i < len) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        i += len;
    }
    return std::string_view::npos;
}

inline bool utf8_valid(std::string_view s) noexcept {
    return utf8_invalid_at(s) == std::string_view::npos;
}

/// Folds what people type for a code to ASCII, as JIS keyboards and input methods give it:
/// full-width ASCII (U+FF01–U+FF5E) becomes ASCII, and ASCII spaces, tabs and the ideographic
/// space (U+3000) around it are trimmed. Writes at most `s.size()` bytes to `out` (which must
/// hold that many) and returns the folded length. Other bytes are copied as they are.
inline std::size_t fold_code(std::string_view s, char* out) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t b = 0, e = s.size();
    auto space_at = [&](std::size_t i, std::size_t end) -> std::size_t {
        if (i < end && (p[i] == ' ' || p[i] == '\t')) return 1;
        if (i + 3 <= end && p[i] == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x80) return 3;
        return 0;
    };
    while (std::size_t k = space_at(b, e)) b += k;
    for (;;) {
        if (e > b && (p[e - 1] == ' ' || p[e - 1] == '\t')) {
            --e;
        } else if (e >= b + 3 && p[e - 3] == 0xE3 && p[e - 2] == 0x80 && p[e - 1] == 0x80) {
            e -= 3;
        } else {
            break;
        }
    }
    std::size_t n = 0;
    for (std::size_t i = b; i < e;) {
        // U+FF01–U+FF5E: EF BC 81–BF (U+FF01–U+FF3F) and EF BD 80–9E (U+FF40–U+FF5E).
        if (i + 3 <= e && p[i] == 0xEF && (p[i + 1] == 0xBC || p[i + 1] == 0xBD)) {
            const unsigned cp = 0xFF00u + ((p[i + 1] & 0x03u) << 6) + (p[i + 2] & 0x3Fu);
            if (cp >= 0xFF01u && cp <= 0xFF5Eu && (p[i + 2] & 0xC0u) == 0x80u) {
                out[n++] = static_cast<char>(cp - 0xFF01u + 0x21u);
                i += 3;
                continue;
            }
        }
        out[n++] = static_cast<char>(p[i++]);
    }
    return n;
}

} // namespace mamisguide::detail
