// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — a refusal's message that names what is wrong (issue 17): the association(s)
// by name and code, the levels, the value at fault, the field, where JSON went wrong.
//
// plan() stays allocation-free: it records what is at fault as fixed-size data in `refusal`
// (plan.hpp). The words are templates in texts/answers.hpp, filled in here when a message is
// written: into a std::string, or, allocating nothing, into a caller's buffer (the C ABI).
#pragma once

#include "levels.hpp"
#include "plan.hpp"
#include "text.hpp"
#include "texts/answers.hpp"
#include "texts/cli.hpp"

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace mamisguide {

namespace detail {

/// The template that names what is at fault for this refusal, or nullptr when its static
/// message says all there is to say.
inline const bitext* refusal_template(const refusal& r) noexcept {
    switch (r.code) {
    case refusal_code::category_required:
        return r.associations.empty() ? nullptr : &texts::why_category_required;
    case refusal_code::unknown_category:
        return r.associations.empty() ? nullptr : &texts::why_unknown_category;
    case refusal_code::category_unchanged:
        return r.associations.empty() ? nullptr : &texts::why_category_unchanged;
    case refusal_code::unknown_association:
        return r.value.empty() ? nullptr : &texts::why_unknown_association;
    case refusal_code::level_not_held:
        return r.levels.empty() ? nullptr : &texts::why_level_not_held;
    case refusal_code::level_already_held:
        return r.levels.empty() ? nullptr : &texts::why_level_already_held;
    case refusal_code::invalid_state:
        switch (r.problem) {
        case state_problem::not_a_chain:
            return r.levels.empty() ? nullptr : &texts::why_state_not_chain;
        case state_problem::municipal_without_levels:
            return &texts::why_state_municipal_without_levels;
        case state_problem::prefectural_not_held:
            return &texts::why_state_prefectural_not_held;
        case state_problem::category_not_held:
            return &texts::why_state_category_not_held;
        case state_problem::prefectural_mismatch:
            return r.associations.empty() ? nullptr : &texts::why_state_prefectural_mismatch;
        case state_problem::none:
            return nullptr;
        }
        return nullptr;
    case refusal_code::invalid_request:
        if (r.message == &texts::json_unknown_field && !r.field.empty())
            return &texts::why_unknown_field;
        if (r.message == &texts::json_syntax && r.line) return &texts::why_json_syntax;
        if (r.message == &texts::json_utf8 && r.line) return &texts::why_json_utf8;
        return nullptr;
    default:
        return nullptr;
    }
}

/// The JSON reader's messages that do not name their field themselves: the field is added.
inline bool names_no_field(const bitext* m) noexcept {
    return m == &texts::json_wrong_type || m == &texts::json_duplicate_field ||
           m == &texts::json_missing_field || m == &texts::json_unknown_level ||
           m == &texts::json_duplicate_level || m == &texts::json_unknown_operation ||
           m == &texts::json_unknown_mypage || m == &texts::json_unknown_lang;
}

template <class Out>
void put(Out& out, std::string_view s) {
    out.append(s.data(), s.size());
}

/// The longest value quoted in a message; a longer one is cut (at a character boundary) and
/// marked "...".
inline constexpr std::size_t max_quoted = 64;

/// A value from the request, quoted in a message: control characters (terminal escapes, NUL)
/// shown as '?', cut after max_quoted bytes.
template <class Out>
void put_value(Out& out, std::string_view s) {
    std::size_t n = s.size() > max_quoted ? max_quoted : s.size();
    while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    std::size_t run = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f) {
            put(out, s.substr(run, i - run));
            put(out, "?");
            run = i + 1;
        }
    }
    put(out, s.substr(run, n - run));
    if (n < s.size()) put(out, "...");
}

template <class Out>
void put_number(Out& out, std::uint32_t n) {
    char digits[10];
    std::size_t k = 0;
    do digits[k++] = static_cast<char>('0' + n % 10), n /= 10;
    while (n);
    while (k) out.append(&digits[--k], 1);
}

/// "大阪府医師会（都道府県医師会・27）" / "Osaka Medical Association (prefectural medical
/// association, 27)"; the level is left out where the name says it (日本医師会).
template <class Out>
void put_association(Out& out, const checked_association& a, lang l) {
    const std::string_view name = a.name_in(l);
    const std::string_view what = label(a.lvl).get(l);
    put(out, name);
    put(out, texts::cli::paren_open.get(l));
    if (name != what) {
        put(out, what);
        put(out, texts::cli::list_sep.get(l));
    }
    put(out, a.code);
    put(out, texts::cli::paren_close.get(l));
}

template <class Out>
void fill(Out& out, std::string_view tmpl, const refusal& r, lang l) {
    for (std::size_t i = 0; i < tmpl.size();) {
        const std::size_t open = tmpl.find('{', i);
        const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
        if (close == std::string_view::npos) {
            put(out, tmpl.substr(i));
            return;
        }
        put(out, tmpl.substr(i, open - i));
        const std::string_view name = tmpl.substr(open + 1, close - open - 1);
        if (name == "associations") {
            for (std::size_t k = 0; k < r.associations.size(); ++k) {
                if (k) put(out, texts::list_separator.get(l));
                put_association(out, r.associations[k], l);
            }
        } else if (name == "levels") {
            bool first = true;
            for (level x : r.levels) {
                if (!first) put(out, texts::level_separator.get(l));
                first = false;
                put(out, label(x).get(l));
            }
        } else if (name == "value") {
            put_value(out, r.value);
        } else if (name == "field") {
            put_value(out, r.field);
        } else if (name == "line") {
            put_number(out, r.line);
        } else if (name == "column") {
            put_number(out, r.column);
        } else {
            put(out, tmpl.substr(open, close - open + 1));
        }
        i = close + 1;
    }
}

/// A sink into a fixed buffer: keeps what fits, and never cuts a UTF-8 character in two.
struct bounded_out {
    char* buf;
    std::size_t cap; ///< bytes available for text (the NUL excluded)
    std::size_t n = 0;
    bool full = false;
    void append(const char* p, std::size_t len) noexcept {
        if (full) return;
        if (len > cap - n) {
            std::size_t keep = cap - n;
            // Back up to the start of a character.
            while (keep > 0 && (static_cast<unsigned char>(p[keep]) & 0xC0) == 0x80) --keep;
            len = keep;
            full = true;
        }
        if (len) std::memcpy(buf + n, p, len);
        n += len;
    }
};

struct string_out {
    std::string& s;
    void append(const char* p, std::size_t len) { s.append(p, len); }
};

} // namespace detail

/// Appends the refusal's message to `out` (any type with append(const char*, size_t)):
/// the static message, or a template filled with what is at fault.
template <class Out>
void write_refusal_message(Out& out, const refusal& r, lang l) {
    if (const bitext* t = detail::refusal_template(r)) {
        detail::fill(out, t->get(l), r, l);
        return;
    }
    const char* m = r.message->get(l);
    out.append(m, std::strlen(m));
    if (!r.field.empty() && r.code == refusal_code::invalid_request &&
        detail::names_no_field(r.message))
        detail::fill(out, texts::why_field_suffix.get(l), r, l);
}

/// The refusal's message, naming what is at fault.
inline std::string refusal_message(const refusal& r, lang l) {
    std::string s;
    detail::string_out o{s};
    write_refusal_message(o, r, l);
    return s;
}

/// The same into `buf` (`cap` bytes with the terminating NUL), allocating nothing; a message
/// too long is cut at a character boundary. Returns the bytes written, NUL excluded.
inline std::size_t refusal_message(const refusal& r, lang l, char* buf, std::size_t cap) noexcept {
    if (!buf || cap == 0) return 0;
    detail::bounded_out o{buf, cap - 1};
    write_refusal_message(o, r, l);
    buf[o.n] = '\0';
    return o.n;
}

} // namespace mamisguide
