// mamisguide — understanding what a person typed (issue 17): answers folded to half-width and
// trimmed, the associations probably meant by a code that is not in the directory, and the
// category meant by a code or a label (A① → A1). Used by the JSON door (`candidates`,
// `allowed`) and the command line's guide; never on plan()'s path.
#pragma once

#include "categories.hpp"
#include "directory.hpp"
#include "texts/answers.hpp"

#include <algorithm>
#include <cstddef>
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

inline void put_char(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

inline char ascii_lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

/// Levenshtein distance over bytes (codes are ASCII), ASCII case ignored.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const bool same = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]);
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

} // namespace detail

/// What a person typed, as the library compares it: full-width ASCII (what a Japanese input
/// method types: "１３", "Ａ１") and the ideographic space folded to half-width, circled
/// numbers ①…⑳ to digits, and surrounding spaces trimmed.
inline std::string fold_answer(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = detail::next_char(s, i);
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
        else if (cp == 0x3000)
            out.push_back(' ');
        else if (cp >= 0x2460 && cp <= 0x2473) // ①…⑳
            out += std::to_string(cp - 0x2460 + 1);
        else
            detail::put_char(out, cp);
    }
    const auto first = out.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = out.find_last_not_of(" \t\r\n");
    return out.substr(first, last - first + 1);
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

/// The associations probably meant by `text`, a code not in the directory: those whose name
/// (Japanese, or English ignoring case) contains it first, then those whose code is within a
/// small edit distance of it (at most a third of its length, and at least one), nearest first;
/// ties in directory order. At most `max` of them.
inline std::vector<association_id>
association_candidates(const directory& dir, std::string_view text, std::size_t max = 5) {
    const std::string folded = fold_answer(text);
    std::vector<association_id> out;
    if (folded.empty() || max == 0) return out;
    const std::string lower = detail::lower_ascii(folded);
    const std::size_t limit = std::max<std::size_t>(1, folded.size() / 3);
    std::vector<std::pair<std::size_t, association_id>> scored;
    for (association_id v = 0; v < dir.size(); ++v) {
        const association& a = dir[v];
        if (a.name.find(folded) != std::string::npos ||
            (!a.name_en.empty() &&
             detail::lower_ascii(a.name_en).find(lower) != std::string::npos)) {
            scored.emplace_back(0, v);
            continue;
        }
        // Lengths far apart cannot be close: skip the table.
        const std::size_t gap = a.code.size() > folded.size() ? a.code.size() - folded.size()
                                                              : folded.size() - a.code.size();
        if (gap > limit) continue;
        const std::size_t d = detail::edit_distance(folded, a.code);
        if (d <= limit) scored.emplace_back(d, v);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (std::size_t i = 0; i < scored.size() && out.size() < max; ++i)
        out.push_back(scored[i].second);
    return out;
}

} // namespace mamisguide
