// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — understanding what a person typed (issue 17): answers folded to half-width and
// trimmed, the associations probably meant by a code that is not in the directory, and the
// category meant by a code or a label (A① → A1). Used by the JSON door (`candidates`,
// `allowed`) and the command line's guide; never on plan()'s path.
#pragma once

#include "categories.hpp"
#include "detail/fixed_vector.hpp"
#include "detail/utf8.hpp"
#include "directory.hpp"
#include "texts/answers.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mamisguide {

namespace detail {

/// Decodes one UTF-8 character at `i` (advancing `i`); invalid bytes come out as themselves.
inline char32_t next_char(std::string_view s, std::size_t& i) noexcept {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + len > s.size()) len = 1;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len; ++k) {
        const unsigned char d = static_cast<unsigned char>(s[i + k]);
        if ((d & 0xC0) != 0x80) { // not a continuation: take the lead byte alone
            len = 1, cp = c;
            break;
        }
        cp = (cp << 6) | (d & 0x3Fu);
    }
    i += len;
    return cp;
}

/// Levenshtein distance over bytes (codes are ASCII), ASCII case ignored, when it is at most
/// `limit`; otherwise some value above `limit`. Only the band of cells within `limit` of the
/// diagonal is computed, and the walk stops as soon as every cell of a row is past `limit`, so a
/// code far from `a` costs a few cells, not the whole table. One row, on the stack for the codes
/// a directory has (a longer `b` takes the heap).
inline std::size_t edit_distance(std::string_view a, std::string_view b,
                                 std::size_t limit = std::size_t(-1) / 2) {
    const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (gap > limit) return limit + 1;
    const std::size_t over = limit + 1; // stands for "more than limit" in the table
    std::size_t stack_row[64];
    std::vector<std::size_t> heap_row;
    std::size_t* row = stack_row;
    if (b.size() + 1 > 64) {
        heap_row.resize(b.size() + 1);
        row = heap_row.data();
    }
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j < over ? j : over;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        // Cells of this row outside [i - limit, i + limit] are more than limit.
        const std::size_t lo = i > limit ? i - limit : 1;
        const std::size_t hi = i + limit < b.size() ? i + limit : b.size();
        std::size_t diag = row[lo - 1];
        row[lo - 1] = lo == 1 && i < over ? i : over;
        std::size_t best = row[lo - 1];
        for (std::size_t j = lo; j <= hi; ++j) {
            const std::size_t up = row[j];
            const bool same = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]);
            std::size_t v = std::min({up + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
            if (v > over) v = over;
            row[j] = v;
            diag = up;
            if (v < best) best = v;
        }
        if (hi < b.size()) row[hi + 1] = over;
        if (best > limit) return over;
    }
    return row[b.size()];
}

/// The edit distance from one text to many codes (association_candidates): edit_distance's
/// answer, computed with Myers' bit-parallel algorithm (Hyyrö's form for the Levenshtein
/// distance), one machine word per column, when the text fits in a word (64 bytes); with
/// edit_distance otherwise. ASCII case ignored. Allocates nothing.
class code_distance {
public:
    explicit code_distance(std::string_view pattern) noexcept : pattern_(pattern) {
        if (pattern.size() > 64) return;
        // Both cases of a letter share its bits, so that a code's bytes index the table as
        // they are.
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const char c = ascii_lower(pattern[i]);
            peq_[static_cast<unsigned char>(c)] |= std::uint64_t(1) << i;
            if (c >= 'a' && c <= 'z')
                peq_[static_cast<unsigned char>(c - 'a' + 'A')] |= std::uint64_t(1) << i;
        }
    }

    /// The distance when it is at most `limit`, otherwise some value above `limit`.
    std::size_t operator()(std::string_view code, std::size_t limit) const noexcept {
        const std::size_t m = pattern_.size();
        const std::size_t gap = m > code.size() ? m - code.size() : code.size() - m;
        if (gap > limit) return limit + 1;
        if (m > 64) return edit_distance(pattern_, code, limit);
        if (m == 0) return code.size();
        const std::uint64_t top = std::uint64_t(1) << (m - 1);
        std::uint64_t pv = m == 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << m) - 1, mv = 0;
        std::size_t score = m;
        for (char c : code) {
            const std::uint64_t eq = peq_[static_cast<unsigned char>(c)];
            const std::uint64_t xv = eq | mv;
            const std::uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
            std::uint64_t ph = mv | ~(xh | pv);
            std::uint64_t mh = pv & xh;
            if (ph & top)
                ++score;
            else if (mh & top)
                --score;
            ph = (ph << 1) | 1; // row 0 of the table grows by one per column
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
        }
        return score;
    }

private:
    std::string_view pattern_;
    std::uint64_t peq_[256] = {};
};

} // namespace detail

namespace detail {

/// A text of at most N bytes on the stack, for folding a short answer without the heap; bytes
/// past N are counted in `overflow` and dropped.
template <std::size_t N>
struct small_text {
    char data[N];
    std::size_t size = 0;
    bool overflow = false;
    void push_back(char c) noexcept {
        if (size < N)
            data[size++] = c;
        else
            overflow = true;
    }
    std::string_view view() const noexcept { return {data, size}; }
};

/// fold_answer() before trimming, into `out` (a std::string or a small_text).
template <class Out>
void fold_answer_to(Out& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = next_char(s, i);
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
        } else if (cp == 0x3000) {
            out.push_back(' ');
        } else if (cp >= 0x2460 && cp <= 0x2473) { // ①…⑳
            const unsigned n = static_cast<unsigned>(cp - 0x2460 + 1);
            if (n >= 10) out.push_back(static_cast<char>('0' + n / 10));
            out.push_back(static_cast<char>('0' + n % 10));
        } else {
            put_char(out, cp);
        }
    }
}

/// `s` without surrounding ASCII spaces, tabs and line ends (fold_answer()'s trimming).
inline std::string_view trim_answer(std::string_view s) noexcept {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

} // namespace detail

/// What a person typed, as the library compares it: full-width ASCII (what a Japanese input
/// method types: "１３", "Ａ１") and the ideographic space folded to half-width, circled
/// numbers ①…⑳ to digits, and surrounding spaces trimmed.
inline std::string fold_answer(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    detail::fold_answer_to(out, s);
    return std::string(detail::trim_answer(out));
}

/// A key for comparing category codes and labels: folded, ASCII upper case, with spaces,
/// brackets and the word 会員 ("member") left out, so that "A①", "A①会員", "a1" and "A1" are one
/// key, and "A②会員(B)" is "A2B".
inline std::string category_key(std::string_view s) {
    const std::string f = fold_answer(s);
    std::string out;
    for (std::size_t i = 0; i < f.size();) {
        bool noise = false;
        for (std::string_view w : texts::category_noise)
            if (f.compare(i, w.size(), w) == 0) {
                i += w.size();
                noise = true;
                break;
            }
        if (noise) continue;
        const char c = f[i++];
        if (c == ' ' || c == '(' || c == ')' || c == '-' || c == '_') continue;
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

/// One category an association accepts, for listing (`allowed`, the guide).
struct category_entry {
    std::string code;
    std::string label;
};

/// The categories association `v` accepts: JMA's built-in catalogue, a loaded catalogue, or
/// none (empty: any code is accepted, unchecked).
inline std::vector<category_entry> accepted_categories(const directory& dir, association_id v,
                                                       lang l) {
    std::vector<category_entry> out;
    if (dir[v].lvl == level::national) {
        for (const jma_category& c : jma_categories) out.push_back({c.code, c.label.get(l)});
    } else if (const catalogue* cat = dir.catalogue_of(v)) {
        for (const category& c : cat->entries) out.push_back({c.code, c.label});
    }
    return out;
}

/// The category of association `v` that an answer names, by code or by label (A① → A1), or
/// an empty string when none does. Where no catalogue is loaded, the folded answer itself.
inline std::string category_for_answer(const directory& dir, association_id v,
                                       std::string_view answer) {
    const std::string folded = fold_answer(answer);
    if (folded.empty()) return {};
    std::vector<category_entry> both = accepted_categories(dir, v, lang::ja);
    if (both.empty()) return folded; // unchecked: any code
    if (dir[v].lvl == level::national)
        for (const jma_category& c : jma_categories) both.push_back({c.code, c.label.en});
    for (const category_entry& c : both)
        if (c.code == folded) return c.code;
    const std::string key = category_key(folded);
    for (const category_entry& c : both)
        if (category_key(c.code) == key || category_key(c.label) == key) return c.code;
    return {};
}

/// The most candidates association_candidates() returns.
inline constexpr std::size_t max_candidates = 8;

/// The associations probably meant by `text`, a code not in the directory: those whose name
/// (Japanese, or English ignoring case) contains it first, then those whose code is within a
/// small edit distance of it (at most a third of its length, and at least one), nearest first;
/// ties in directory order. At most `max` of them (and at most max_candidates).
///
/// The names are searched in the directory's texts folded at load (one block per language,
/// directory_data::each_text_match), the codes are scored one machine word at a time
/// (code_distance), and only the best `max` are kept as they come: for a text of up to 256
/// bytes, nothing is allocated.
inline fixed_vector<association_id, max_candidates>
association_candidates(const directory& dir, std::string_view text, std::size_t max = 5) {
    fixed_vector<association_id, max_candidates> out;
    max = std::min(max, max_candidates);
    detail::small_text<256> buf;
    detail::fold_answer_to(buf, text);
    std::string long_text; // only for a text longer than the buffer
    std::string_view folded;
    if (!buf.overflow) {
        folded = detail::trim_answer(buf.view());
    } else {
        long_text = fold_answer(text);
        folded = long_text;
    }
    if (folded.empty() || max == 0) return out;
    detail::small_text<256> lower_buf;
    std::string long_lower;
    std::string_view lower;
    if (folded.size() <= sizeof lower_buf.data) {
        for (char c : folded) lower_buf.push_back(detail::ascii_lower(c));
        lower = lower_buf.view();
    } else {
        long_lower.assign(folded);
        for (char& c : long_lower) c = detail::ascii_lower(c);
        lower = long_lower;
    }
    const std::size_t limit = std::max<std::size_t>(1, folded.size() / 3);
    const detail::code_distance distance(folded);
    const detail::code_bag bag = detail::bag_of(folded);
    // The best so far by (distance, directory order), a name match counting as distance 0.
    struct scored {
        std::size_t d;
        association_id v;
    };
    scored best[max_candidates];
    std::size_t kept = 0;
    const auto offer = [&](std::size_t d, association_id v) {
        std::size_t i = kept < max ? kept++ : max - 1; // when full, the worst makes way
        while (i > 0 && best[i - 1].d > d) { // strictly: a tie stays behind the earlier one
            best[i] = best[i - 1];
            --i;
        }
        best[i] = {d, v};
    };
    const detail::directory_data& data = *dir.data();
    const std::size_t n = dir.size();
    // The names that contain the text, in directory order (the first `max`: once that many are
    // kept at distance 0, nothing later gets in), walked alongside the codes.
    association_id named[max_candidates];
    std::size_t n_named = 0;
    data.each_text_match(folded, lower, false, [&](association_id v) {
        named[n_named++] = v;
        return n_named < max;
    });
    std::size_t next_named = 0;
    for (association_id v = 0; v < n; ++v) {
        if (kept == max && best[max - 1].d == 0) break; // nothing later can get in
        if (next_named < n_named && named[next_named] == v) {
            ++next_named;
            offer(0, v);
            continue;
        }
        // Once full, only a code nearer than the worst kept gets in.
        const std::size_t bound = kept == max ? best[max - 1].d - 1 : limit;
        if (detail::bag_bound(bag, data.code_bags[v]) > bound) continue; // too far for certain
        const std::size_t d = distance(data.codes[v], bound);
        if (d <= bound) offer(d, v);
    }
    for (std::size_t i = 0; i < kept; ++i) out.push_back(best[i].v);
    return out;
}

} // namespace mamisguide
