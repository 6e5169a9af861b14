// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide fuzz targets — the oracles they share: the JSON contract's two response shapes
// (contract.md), read back with an independent parser (nlohmann/json), and the loaders' error
// rules. A violation prints what was wrong and aborts, which libFuzzer reports as a crash and
// the replay tests as a failure.
#pragma once

#include <mamisguide.h>
#include <mamisguide/mamisguide.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace mgfuzz {

using nlohmann::json;

[[noreturn]] inline void fail(const char* what, std::string_view detail) {
    const std::size_t n = std::min<std::size_t>(detail.size(), 4000);
    std::fprintf(stderr, "\nmamisguide fuzz: check failed: %s\n%.*s%s\n", what, static_cast<int>(n),
                 detail.data(), n < detail.size() ? " […]" : "");
    std::fflush(stderr);
    std::abort();
}

#define MGF_CHECK(cond, detail)                                                                    \
    do {                                                                                           \
        if (!(cond)) ::mgfuzz::fail(#cond, (detail));                                              \
    } while (0)

/// The refusal codes of rules.md §7, at their numbers (MG_INVALID_REQUEST = 1 …).
inline constexpr std::string_view refusal_codes[] = {"",
                                                     "invalid_request",
                                                     "unknown_association",
                                                     "level_mismatch",
                                                     "invalid_state",
                                                     "not_a_member",
                                                     "already_member",
                                                     "level_not_held",
                                                     "level_already_held",
                                                     "illegal_levels",
                                                     "same_association",
                                                     "category_required",
                                                     "unknown_category",
                                                     "category_unchanged",
                                                     "no_category"};

inline int code_number(std::string_view code) {
    for (int i = 1; i <= 14; ++i)
        if (refusal_codes[i] == code) return i;
    return -1;
}

template <std::size_t N>
bool one_of(const json& v, const std::string_view (&names)[N]) {
    if (!v.is_string()) return false;
    const std::string& s = v.get_ref<const std::string&>();
    return std::find(std::begin(names), std::end(names), s) != std::end(names);
}

inline constexpr std::string_view operations[] = {
    "join", "additional_join", "change_category", "change_facility", "transfer", "withdraw"};
inline constexpr std::string_view level_names[] = {"municipal", "prefectural", "national"};
inline constexpr std::string_view request_fields[] = {
    "operation", "levels", "municipal", "categories", "reason", "cascade", "proxy"};

inline bool string_or_null(const json& v) {
    return v.is_string() || v.is_null();
}

/// `v[k]` without operator[]'s undefined behaviour on a const object lacking `k`: null then.
inline const json& get(const json& v, const char* k) {
    static const json null;
    if (!v.is_object()) return null;
    const auto it = v.find(k);
    return it == v.end() ? null : *it;
}

/// A JSON array of distinct level names.
inline bool level_array(const json& v) {
    if (!v.is_array() || v.size() > 3) return false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!one_of(v[i], level_names)) return false;
        for (std::size_t k = 0; k < i; ++k)
            if (v[k] == v[i]) return false;
    }
    return true;
}

/// A JSON object level name → string (or null where `nulls`).
inline bool level_object(const json& v, bool nulls) {
    if (!v.is_object()) return false;
    for (const auto& [k, x] : v.items()) {
        if (std::find(std::begin(level_names), std::end(level_names), k) == std::end(level_names))
            return false;
        if (!(x.is_string() || (nulls && x.is_null()))) return false;
    }
    return true;
}

inline bool nonempty_string(const json& v) {
    return v.is_string() && !v.get_ref<const std::string&>().empty();
}

inline bool string_array(const json& v, bool nonempty) {
    if (!v.is_array() || (nonempty && v.empty())) return false;
    for (const auto& x : v)
        if (!nonempty_string(x)) return false;
    return true;
}

/// A `suggestion`: an object a request may be (only the request's fields, well typed).
inline bool request_object(const json& v) {
    if (!v.is_object() || !v.contains("operation") || !one_of(get(v, "operation"), operations))
        return false;
    for (const auto& [k, x] : v.items()) {
        if (std::find(std::begin(request_fields), std::end(request_fields), k) ==
            std::end(request_fields))
            return false;
        if (k == "levels" && !(x.is_null() || level_array(x))) return false;
        if (k == "categories" && !(x.is_null() || level_object(x, true))) return false;
        if ((k == "municipal" || k == "reason") && !string_or_null(x)) return false;
        if ((k == "cascade" || k == "proxy") && !(x.is_boolean() || x.is_null())) return false;
    }
    return true;
}

/// Checks that `text` is one response of the contract's two shapes whose outcome matches
/// `status` (0: a plan; 1…14: that refusal). `line` > 0: the batch field "line" must hold it;
/// 0: there must be no "line". Returns the parsed response.
inline json check_response(const std::string& text, int status, std::size_t line = 0) {
    json r = json::parse(text, nullptr, false); // no exceptions: discarded on any error
    MGF_CHECK(!r.is_discarded(), "the response is not JSON (or not UTF-8): " + text);
    MGF_CHECK(r.is_object(), text);
    if (line) {
        MGF_CHECK(r.contains("line") && get(r, "line").is_number_unsigned(), text);
        MGF_CHECK(get(r, "line").get<std::uint64_t>() == line,
                  "line " + std::to_string(line) + ": " + text);
    } else {
        MGF_CHECK(!r.contains("line"), text);
    }
    MGF_CHECK(r.contains("ok") && get(r, "ok").is_boolean(), text);
    if (get(r, "ok").get<bool>()) {
        MGF_CHECK(status == 0, "status " + std::to_string(status) + " with a plan: " + text);
        MGF_CHECK(!r.contains("error"), text);
        MGF_CHECK(one_of(get(r, "operation"), operations), text);
        const json& form = get(r, "form");
        const json& sel = get(r, "selection");
        MGF_CHECK(form == "admission" || form == "transfer" || form == "withdrawal", text);
        if (form == "admission") MGF_CHECK(sel == "new" || sel == "additional", text);
        if (form == "transfer")
            MGF_CHECK(sel == "category_change" || sel == "association_transfer", text);
        if (form == "withdrawal") MGF_CHECK(sel.is_null(), text);
        MGF_CHECK(nonempty_string(get(r, "form_label")), text);
        MGF_CHECK(get(r, "checked").is_array() && !get(r, "checked").empty() &&
                      get(r, "checked").size() <= 3,
                  text);
        for (const json& c : get(r, "checked")) {
            MGF_CHECK(c.is_object() && one_of(get(c, "level"), level_names), text);
            MGF_CHECK(nonempty_string(get(c, "code")) && nonempty_string(get(c, "name")), text);
        }
        MGF_CHECK(level_object(get(r, "categories"), false), text);
        MGF_CHECK(get(r, "prerequisites").is_array(), text);
        for (const json& p : get(r, "prerequisites")) {
            MGF_CHECK(p.is_object(), text);
            MGF_CHECK(get(p, "kind") == "user_registration" || get(p, "kind") == "mypage_check",
                      text);
            MGF_CHECK(string_array(get(p, "steps"), true) && nonempty_string(get(p, "manual")),
                      text);
        }
        MGF_CHECK(string_array(get(r, "steps"), true), text);
        MGF_CHECK(nonempty_string(get(r, "manual")), text);
        MGF_CHECK(get(r, "actor") == "member" || get(r, "actor") == "secretariat", text);
        const json& res = get(r, "result");
        MGF_CHECK(res.is_object() && level_array(get(res, "levels")), text);
        MGF_CHECK(string_or_null(get(res, "municipal")) && string_or_null(get(res, "prefectural")),
                  text);
        MGF_CHECK(get(res, "municipal").is_null() == get(res, "levels").empty(), text);
        // "in the same shape as member": categories may be left out, as in contract.md's example
        if (res.contains("categories"))
            MGF_CHECK(level_object(get(res, "categories"), false), text);
        MGF_CHECK(get(r, "notes").is_array(), text);
        for (const json& n : get(r, "notes"))
            MGF_CHECK(n.is_object() && nonempty_string(get(n, "kind")) &&
                          nonempty_string(get(n, "text")),
                      text);
        MGF_CHECK(nonempty_string(get(r, "rule")), text);
    } else {
        MGF_CHECK(r.contains("error") && get(r, "error").is_object(), text);
        const json& e = get(r, "error");
        MGF_CHECK(e.contains("code") && get(e, "code").is_string(), text);
        const int n = code_number(get(e, "code").get<std::string>());
        MGF_CHECK(n > 0, "unknown code: " + text);
        MGF_CHECK(n == status, "status " + std::to_string(status) + " with: " + text);
        MGF_CHECK(nonempty_string(get(e, "message")), text);
        if (e.contains("field")) MGF_CHECK(get(e, "field").is_string(), text);
        if (e.contains("suggestion")) MGF_CHECK(request_object(get(e, "suggestion")), text);
    }
    return r;
}

/// The number of lines in `s` as a reader counts them ('\n' ends a line; an empty input and a
/// final unterminated line are one line each).
inline std::size_t line_count(std::string_view s) {
    const std::size_t nl = static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
    const std::size_t n = nl + ((s.empty() || s.back() != '\n') ? 1 : 0);
    return n ? n : 1;
}

/// A refused load names a line of the input (1 … its line count), a known reason and the
/// source, in that order, in its message.
inline void check_load_error(const mamisguide::load_error& e, std::string_view input,
                             std::string_view source) {
    using mamisguide::load_error_kind;
    const std::string msg = e.message(mamisguide::lang::en);
    MGF_CHECK(e.file == source, msg);
    MGF_CHECK(e.kind != load_error_kind::unreadable && e.kind != load_error_kind::too_large, msg);
    MGF_CHECK(e.kind <= load_error_kind::not_text, msg);
    // Malformed JSON names the file as a whole (line 0): simdjson gives no position; so does a
    // file refused from its signature (a picture, a workbook: not_text without a NUL byte).
    if (e.kind == load_error_kind::json_syntax || (e.kind == load_error_kind::not_text && !e.line))
        MGF_CHECK(e.line == 0, msg);
    else
        MGF_CHECK(e.line >= 1 && e.line <= line_count(input),
                  msg + " (input has " + std::to_string(line_count(input)) + " lines)");
    const std::string head =
        std::string(source) + (e.line ? ":" + std::to_string(e.line) : std::string()) + ": ";
    MGF_CHECK(msg.compare(0, head.size(), head) == 0, msg);
    MGF_CHECK(msg.size() > head.size(), msg);
}

/// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF), written here
/// rather than taken from the library so that the check is independent of it.
inline bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n;
        std::uint32_t cp;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            n = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 3, cp = c & 0x07;
        else
            return false;
        if (s.size() - i <= n) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            const unsigned char d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

/// A load the C ABI refused from a buffer with status `st`, where the C++ loader refused the
/// same bytes with `e` (named "fuzz.csv"): MG_ERR_LOAD, and mg_last_error() is e's message for
/// "<buffer>", valid UTF-8, shortened only when it fills its fixed buffer, never changed.
inline void check_c_load_refusal(const mamisguide::load_error& e, std::string_view input, int st) {
    using mamisguide::lang;
    check_load_error(e, input, "fuzz.csv");
    MGF_CHECK(st == MG_ERR_LOAD, std::to_string(st) + " " + e.message(lang::en));
    std::string expected = e.message(lang::en);
    expected.replace(0, 8, "<buffer>");
    const std::string got = mg_last_error();
    MGF_CHECK(valid_utf8(got), "mg_last_error() is not UTF-8: " + got);
    MGF_CHECK(!got.empty() && expected.compare(0, got.size(), got) == 0, expected + " != " + got);
    MGF_CHECK(got.size() == expected.size() || got.size() >= 1020, "cut short: " + got);
}

/// FNV-1a of the input, to derive parameters (e.g. a batch line number) deterministically.
inline std::uint64_t hash_bytes(const std::uint8_t* data, std::size_t size) {
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 1099511628211ull;
    return h;
}

/// The directory the JSON targets plan against: the built-in one, the sample master and a few
/// catalogues (so that unknown_category and checked labels are reachable).
inline const mamisguide::directory& sample_directory() {
    static const mamisguide::directory dir = [] {
        using namespace mamisguide;
        auto d = load_master_file(directory::builtin(), MG_SAMPLE_MASTER);
        if (!d) fail("cannot load the sample master", d.error().message(lang::en));
        auto c = load_categories_file(*d, MG_SAMPLE_CATEGORIES);
        if (!c) fail("cannot load the sample catalogues", c.error().message(lang::en));
        return *c;
    }();
    return dir;
}

} // namespace mgfuzz
