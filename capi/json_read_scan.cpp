// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the request reader's scanning fast path (json_read_fast.hpp, scan_read): one pass
// over the bytes of a request written as requests usually are, straight into the C++ types.
//
// Why hand-written, beside simdjson (issue 28): a request is about 250 bytes, and simdjson's
// two stages (structural index, then tape) cost about 3,000 instructions for it whatever the
// front end (DOM or On-Demand), the whole of the JSON path's I/O floor; reading the tape into
// the types costs 1,400 more. This scanner reads only the contract's shapes (objects of known
// fields; strings without escapes; arrays of level names; true, false, null) and gives up at
// anything else — an escape, a number, an unknown or repeated field, a wrong type, bad UTF-8,
// a byte out of place — and then simdjson's DOM reader reads the request again and says exactly
// why (the message, the field, the position), as it always did. So every refusal is the DOM
// reader's, and this scanner only has to never accept what the DOM reader refuses, nor read a
// value differently (ctest json_readers_agree, the contract and fuzz tests with each reader).
#include "json_read_fast.hpp"

#include <mamisguide/detail/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mamisguide::json::reading {
namespace {

/// Eight bytes at a time (SWAR): the bits 0x80 of the bytes that end a plain run in a string:
/// '"' (its end), '\\' (an escape: left to simdjson), a control character (below 0x20, invalid
/// in JSON). The lowest flagged byte is exact (a borrow only runs upward, so bytes above it may
/// be flagged wrongly): only that one is used. Bytes from 0x80 up (UTF-8) are part of the run;
/// a string that has any is validated as a whole.
constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
constexpr std::uint64_t zero_bytes(std::uint64_t x) noexcept {
    return (x - ones) & ~x & highs;
}
constexpr std::uint64_t run_ends(std::uint64_t x) noexcept {
    return zero_bytes(x ^ (ones * '"')) | zero_bytes(x ^ (ones * '\\')) |
           ((x - ones * 0x20) & ~x & highs);
}

constexpr std::string_view top_names[] = {"member", "request", "lang"};
constexpr std::string_view member_names[] = {"mypage", "municipal", "prefectural", "levels",
                                             "categories"};
constexpr std::string_view request_names[] = {"operation", "levels",  "municipal", "categories",
                                              "reason",    "cascade", "proxy"};
constexpr std::string_view level_names[] = {to_string(all_levels[0]), to_string(all_levels[1]),
                                            to_string(all_levels[2])};
static_assert(std::size(all_levels) == 3);
constexpr std::string_view operation_names[] = {
    to_string(all_operations[0]), to_string(all_operations[1]), to_string(all_operations[2]),
    to_string(all_operations[3]), to_string(all_operations[4]), to_string(all_operations[5])};
static_assert(std::size(all_operations) == 6);
constexpr mypage mypages[] = {mypage::yes, mypage::no, mypage::unknown};
constexpr std::string_view mypage_names[] = {to_string(mypages[0]), to_string(mypages[1]),
                                             to_string(mypages[2])};
constexpr std::string_view lang_names[] = {"ja", "en"};

/// Spaced: white space may stand between tokens. A request written without any (as programs
/// write JSON) is read with Spaced = false, where skipping it costs nothing; one that has some
/// fails there at its first space and is read again with Spaced = true.
template <bool Spaced>
class scanner {
public:
    scanner(const char* text, std::size_t len) noexcept : p_(text), end_(text + len) {}

    bool whole(parsed& out) noexcept {
        if (!open('{')) return false;
        unsigned seen = 0;
        if (!close('}')) {
            do {
                const int i = key(top_names);
                if (i < 0 || (seen & (1u << i))) return false;
                seen |= 1u << i;
                bool ok;
                if (i == 0)
                    ok = member(out.member);
                else if (i == 1)
                    ok = request_of(out.req);
                else
                    ok = lang_of(out.l);
                if (!ok) return false;
            } while (comma());
            if (!last('}')) return false;
        }
        // The request is there, and nothing but white space follows the object.
        skip();
        return (seen & 2u) != 0 && p_ == end_;
    }

private:
    const char* p_;
    const char* end_;

    void skip() noexcept {
        if constexpr (Spaced)
            while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }
    /// White space, then `c`, taken.
    bool open(char c) noexcept {
        skip();
        if (p_ == end_ || *p_ != c) return false;
        ++p_;
        return true;
    }
    /// After an opening bracket: white space, then the closing `c` taken if it is there.
    bool close(char c) noexcept {
        skip();
        if (p_ != end_ && *p_ == c) return ++p_, true;
        return false;
    }
    /// After a member or element: a comma taken (true), or the closing bracket left for last().
    bool comma() noexcept {
        skip();
        if (p_ != end_ && *p_ == ',') return ++p_, true;
        return false;
    }
    bool last(char c) noexcept {
        if (p_ == end_ || *p_ != c) return false;
        ++p_;
        return true;
    }

    /// A string's bytes, which are its value (no escape in it); false for anything else.
    bool string(std::string_view& out) noexcept {
        if (p_ == end_ || *p_ != '"') return false;
        const char* start = ++p_;
        bool ascii = true;
        for (;;) {
            // Plain bytes sixteen at a time with SSE2, or eight, while that many remain, then
            // one at a time.
#if defined(__SSE2__)
            while (end_ - p_ >= 16) {
                const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
                const __m128i end = _mm_or_si128(
                    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                 _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                    _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1f)), x)); // below 0x20
                const auto stop = static_cast<unsigned>(_mm_movemask_epi8(end));
                const auto high = static_cast<unsigned>(_mm_movemask_epi8(x)); // from 0x80
                if (stop) {
                    if (high & ((stop & (0u - stop)) - 1)) ascii = false; // before the stop
                    p_ += __builtin_ctz(stop);
                    goto found;
                }
                if (high) ascii = false;
                p_ += 16;
            }
#endif
            while (end_ - p_ >= 8) {
                std::uint64_t x;
                std::memcpy(&x, p_, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
                x = __builtin_bswap64(x); // the first byte the lowest, as below
#endif
                const std::uint64_t stop = run_ends(x), high = x & highs;
                if (stop) {
                    if (high & ((stop & (0 - stop)) - 1)) ascii = false; // before the stop
                    p_ += __builtin_ctzll(stop) / 8; // the first byte in memory: the lowest
                    break;
                }
                if (high) ascii = false;
                p_ += 8;
            }
            if (p_ == end_) return false;
#if defined(__SSE2__)
        found:
#endif
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') break;
            if (c >= 0x80)
                ascii = false;
            else if (c < 0x20 || c == '\\')
                return false; // a control character or an escape
            ++p_;
        }
        out = std::string_view(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return ascii || detail::utf8_valid(out);
    }

    /// The literal `word` (true, false, null) taken if it is next.
    bool literal(std::string_view word) noexcept {
        if (static_cast<std::size_t>(end_ - p_) < word.size() ||
            std::string_view(p_, word.size()) != word)
            return false;
        p_ += word.size();
        return true;
    }
    /// White space, then null taken if it is next.
    bool null() noexcept {
        skip();
        return literal("null");
    }

    /// White space, then a string that is one of `names` exactly (its bytes, quotes around
    /// them): taken, and its index; -1 for anything else, an escape included (the scan gives
    /// up). Each name is compared at its own length, known to the compiler (the names are
    /// constants), so a key costs a few word compares rather than a string scan and a lookup.
    template <std::size_t N>
    int name_of(const std::string_view (&names)[N]) noexcept {
        skip();
        if (p_ == end_ || *p_ != '"') return -1;
        return match(names, std::make_index_sequence<N>{});
    }
    template <std::size_t N, std::size_t... I>
    int match(const std::string_view (&names)[N], std::index_sequence<I...>) noexcept {
        const auto left = static_cast<std::size_t>(end_ - p_);
        int found = -1;
        static_cast<void>(((left >= names[I].size() + 2 &&
                            std::memcmp(p_ + 1, names[I].data(), names[I].size()) == 0 &&
                            p_[names[I].size() + 1] == '"' &&
                            (p_ += names[I].size() + 2, found = static_cast<int>(I), true)) ||
                           ...));
        return found;
    }

    /// White space, a key, white space and the colon: the key's index in `names`, or -1.
    template <std::size_t N>
    int key(const std::string_view (&names)[N]) noexcept {
        const int i = name_of(names);
        if (i < 0) return -1;
        skip();
        if (p_ == end_ || *p_ != ':') return -1;
        ++p_;
        return i;
    }

    /// A string, or null (read as the empty string, as the DOM reader does).
    bool string_or_null(std::string_view& out) noexcept {
        if (null()) return out = {}, true;
        return string(out);
    }
    bool bool_or_null(bool& out) noexcept {
        if (null()) return out = false, true;
        if (literal("true")) return out = true, true;
        return literal("false") && (out = false, true);
    }

    /// An array of level names, unique and known, or null.
    bool levels(level_set& out) noexcept {
        out = {};
        if (null()) return true;
        if (!last('[')) return false;
        if (close(']')) return true;
        do {
            const int i = name_of(level_names);
            if (i < 0) return false;
            const level l = all_levels[static_cast<std::size_t>(i)];
            if (out.contains(l)) return false;
            out.insert(l);
        } while (comma());
        return last(']');
    }

    /// {level: code|null} with known levels, each once, or null.
    bool categories(per_level<std::string_view>& out) noexcept {
        out = {};
        if (null()) return true;
        if (!last('{')) return false;
        if (close('}')) return true;
        level_set seen;
        do {
            const int i = key(level_names);
            if (i < 0) return false;
            const level l = all_levels[static_cast<std::size_t>(i)];
            if (seen.contains(l)) return false;
            seen.insert(l);
            if (!string_or_null(out[l])) return false;
        } while (comma());
        return last('}');
    }

    bool member(member_state& m) noexcept {
        if (null()) return true;
        if (!last('{')) return false;
        if (close('}')) return true;
        unsigned seen = 0;
        do {
            const int i = key(member_names);
            if (i < 0 || (seen & (1u << i))) return false;
            seen |= 1u << i;
            bool ok;
            switch (i) {
            case 0: {
                if (null()) {
                    ok = true;
                    break;
                }
                const int k = name_of(mypage_names);
                if ((ok = k >= 0)) m.page = mypages[k];
                break;
            }
            case 1:
                ok = string_or_null(m.municipal);
                break;
            case 2:
                ok = string_or_null(m.prefectural);
                break;
            case 3:
                ok = levels(m.levels);
                break;
            default:
                ok = categories(m.categories);
                break;
            }
            if (!ok) return false;
        } while (comma());
        return last('}');
    }

    bool request_of(request& r) noexcept {
        skip();
        if (!last('{')) return false;
        unsigned seen = 0;
        if (!close('}')) {
            do {
                const int i = key(request_names);
                if (i < 0 || (seen & (1u << i))) return false;
                seen |= 1u << i;
                bool ok;
                switch (i) {
                case 0: {
                    const int k = name_of(operation_names);
                    if ((ok = k >= 0)) r.op = all_operations[k];
                    break;
                }
                case 1:
                    ok = levels(r.levels);
                    break;
                case 2:
                    ok = string_or_null(r.municipal);
                    break;
                case 3:
                    ok = categories(r.categories);
                    break;
                case 4:
                    ok = string_or_null(r.reason);
                    break;
                case 5:
                    ok = bool_or_null(r.cascade);
                    break;
                default:
                    ok = bool_or_null(r.proxy);
                    break;
                }
                if (!ok) return false;
            } while (comma());
            if (!last('}')) return false;
        }
        return (seen & 1u) != 0;
    }

    /// "ja", "en" or null.
    bool lang_of(lang& out) noexcept {
        if (null()) return true;
        const int k = name_of(lang_names);
        if (k == 1) out = lang::en;
        return k >= 0;
    }
};

} // namespace

bool scan_read(const char* text, std::size_t len, parsed& p) noexcept {
    if (scanner<false>(text, len).whole(p)) return true;
    // Not without white space: again with it, from a fresh start.
    p = parsed{};
    return scanner<true>(text, len).whole(p);
}

} // namespace mamisguide::json::reading
