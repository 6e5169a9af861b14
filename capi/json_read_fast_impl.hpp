// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the request reader's fast path on simdjson On-Demand (json_read_fast.hpp),
// included by json_read_fast_haswell.cpp and json_read_fast_base.cpp, each compiled for its own
// kernel: simdjson.h picks On-Demand's kernel from the compiler's target flags
// (SIMDJSON_BUILTIN_IMPLEMENTATION), so each copy gets the kernel its flags allow.
// MG_FAST_NS names the copy's namespace, whose `the_reader` the including file hands out. No
// include guard: each copy includes it once.
#include "json_read_fast.hpp"

#include <simdjson.h>

#include <iterator>
#include <new>
#include <string_view>
#include <utility>

namespace mamisguide::json::reading::MG_FAST_NS {
namespace {

namespace od = simdjson::SIMDJSON_BUILTIN_IMPLEMENTATION::ondemand;
using simdjson::SUCCESS;

/// A string's raw bytes up to its closing quote; empty when it holds a backslash (an escape)
/// or is longer than `max` (no name is): such a string matches no name. (It reads at most
/// max + 1 bytes past the string's start: within the string, or the input's padding.)
std::string_view raw_name(od::raw_json_string k, std::size_t max) noexcept {
    const char* p = k.raw();
    for (std::size_t n = 0; n <= max; ++n) {
        if (p[n] == '"') return {p, n};
        if (p[n] == '\\') break;
    }
    return {};
}

/// The index of the field's key in `names`, or -1. The key's raw bytes are compared: a key
/// written with escapes matches no name, and goes to the DOM reader.
template <std::size_t N>
int index_in(od::field& f, const std::string_view (&names)[N]) noexcept {
    const std::string_view k = raw_name(f.key(), 16);
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == k) return static_cast<int>(i);
    return -1;
}

/// The level a string names, raw bytes compared as index_in does; false for anything else.
bool level_of(od::value& v, level& out) noexcept {
    static constexpr std::string_view names[] = {to_string(all_levels[0]), to_string(all_levels[1]),
                                                 to_string(all_levels[2])};
    static_assert(std::size(all_levels) == 3);
    od::raw_json_string k;
    if (v.get_raw_json_string().get(k) != SUCCESS) return false;
    const std::string_view name = raw_name(k, 16);
    for (std::size_t i = 0; i < 3; ++i)
        if (names[i] == name) return out = all_levels[i], true;
    return false;
}

/// The value's type, and for null, whether it is the word null exactly.
bool type_of(od::value& v, od::json_type& t) noexcept {
    if (v.type().get(t) != SUCCESS) return false;
    if (t != od::json_type::null) return true;
    bool is = false;
    return v.is_null().get(is) == SUCCESS && is;
}

/// A string, or null (read as the empty string, as the DOM reader does).
bool string_or_null(od::value v, std::string_view& out) noexcept {
    od::json_type t;
    if (!type_of(v, t)) return false;
    if (t == od::json_type::null) return out = {}, true;
    return t == od::json_type::string && v.get_string().get(out) == SUCCESS;
}

bool bool_or_null(od::value v, bool& out) noexcept {
    od::json_type t;
    if (!type_of(v, t)) return false;
    if (t == od::json_type::null) return out = false, true;
    return t == od::json_type::boolean && v.get_bool().get(out) == SUCCESS;
}

/// An array of level names, unique and known, or null.
bool levels(od::value v, level_set& out) noexcept {
    out = {};
    od::json_type t;
    if (!type_of(v, t)) return false;
    if (t == od::json_type::null) return true;
    od::array a;
    if (t != od::json_type::array || v.get_array().get(a) != SUCCESS) return false;
    for (auto x : a) {
        od::value e;
        level l;
        if (std::move(x).get(e) != SUCCESS || !level_of(e, l) || out.contains(l)) return false;
        out.insert(l);
    }
    return true;
}

/// {level: code|null} with known levels, each once, or null.
bool categories(od::value v, per_level<std::string_view>& out) noexcept {
    out = {};
    od::json_type t;
    if (!type_of(v, t)) return false;
    if (t == od::json_type::null) return true;
    od::object o;
    if (t != od::json_type::object || v.get_object().get(o) != SUCCESS) return false;
    level_set seen;
    for (auto fr : o) {
        static constexpr std::string_view names[] = {
            to_string(all_levels[0]), to_string(all_levels[1]), to_string(all_levels[2])};
        static_assert(std::size(all_levels) == 3);
        od::field f;
        if (std::move(fr).get(f) != SUCCESS) return false;
        const int i = index_in(f, names);
        if (i < 0) return false;
        const level l = all_levels[static_cast<std::size_t>(i)];
        if (seen.contains(l)) return false;
        seen.insert(l);
        if (!string_or_null(f.value(), out[l])) return false;
    }
    return true;
}

bool member(od::value v, member_state& m) noexcept {
    static constexpr std::string_view names[] = {"mypage", "municipal", "prefectural", "levels",
                                                 "categories"};
    od::json_type t;
    if (!type_of(v, t)) return false;
    if (t == od::json_type::null) return true;
    od::object o;
    if (t != od::json_type::object || v.get_object().get(o) != SUCCESS) return false;
    unsigned seen = 0;
    for (auto fr : o) {
        od::field f;
        if (std::move(fr).get(f) != SUCCESS) return false;
        const int i = index_in(f, names);
        if (i < 0 || (seen & (1u << i))) return false;
        seen |= 1u << i;
        bool ok = false;
        switch (i) {
        case 0: {
            od::value x = f.value();
            od::json_type xt;
            if (!type_of(x, xt)) return false;
            if (xt == od::json_type::null) {
                ok = true;
            } else {
                std::string_view s;
                ok = xt == od::json_type::string && x.get_string().get(s) == SUCCESS &&
                     !s.empty() && parse_mypage(s, m.page);
            }
            break;
        }
        case 1:
            ok = string_or_null(f.value(), m.municipal);
            break;
        case 2:
            ok = string_or_null(f.value(), m.prefectural);
            break;
        case 3:
            ok = levels(f.value(), m.levels);
            break;
        default:
            ok = categories(f.value(), m.categories);
            break;
        }
        if (!ok) return false;
    }
    return true;
}

bool request_of(od::value v, request& r) noexcept {
    static constexpr std::string_view names[] = {"operation", "levels",  "municipal", "categories",
                                                 "reason",    "cascade", "proxy"};
    od::object o;
    if (v.get_object().get(o) != SUCCESS) return false;
    unsigned seen = 0;
    for (auto fr : o) {
        od::field f;
        if (std::move(fr).get(f) != SUCCESS) return false;
        const int i = index_in(f, names);
        if (i < 0 || (seen & (1u << i))) return false;
        seen |= 1u << i;
        bool ok = false;
        switch (i) {
        case 0: {
            std::string_view s;
            ok = f.value().get_string().get(s) == SUCCESS && parse_operation(s, r.op);
            break;
        }
        case 1:
            ok = levels(f.value(), r.levels);
            break;
        case 2:
            ok = string_or_null(f.value(), r.municipal);
            break;
        case 3:
            ok = categories(f.value(), r.categories);
            break;
        case 4:
            ok = string_or_null(f.value(), r.reason);
            break;
        case 5:
            ok = bool_or_null(f.value(), r.cascade);
            break;
        default:
            ok = bool_or_null(f.value(), r.proxy);
            break;
        }
        if (!ok) return false;
    }
    return (seen & 1u) != 0;
}

bool read(void* parser, const char* text, std::size_t len, parsed& p) noexcept {
    static constexpr std::string_view names[] = {"member", "request", "lang"};
    od::document doc;
    if (static_cast<od::parser*>(parser)
            ->iterate(text, len, len + simdjson::SIMDJSON_PADDING)
            .get(doc) != SUCCESS)
        return false;
    od::object top;
    if (doc.get_object().get(top) != SUCCESS) return false;
    unsigned seen = 0;
    for (auto fr : top) {
        od::field f;
        if (std::move(fr).get(f) != SUCCESS) return false;
        const int i = index_in(f, names);
        if (i < 0 || (seen & (1u << i))) return false;
        seen |= 1u << i;
        if (i == 0) {
            if (!member(f.value(), p.member)) return false;
        } else if (i == 1) {
            if (!request_of(f.value(), p.req)) return false;
        } else {
            od::value x = f.value();
            od::json_type t;
            if (!type_of(x, t)) return false;
            if (t != od::json_type::null) {
                std::string_view s;
                if (t != od::json_type::string || x.get_string().get(s) != SUCCESS) return false;
                if (s == "en")
                    p.l = lang::en;
                else if (s != "ja")
                    return false;
            }
        }
    }
    // The request is there, and nothing follows the object (On-Demand reads no further than
    // it is asked to: what comes after is checked here).
    return (seen & 2u) != 0 && doc.current_location().error() == simdjson::OUT_OF_BOUNDS;
}

void* make() noexcept {
    auto* parser = new (std::nothrow) od::parser(fast_capacity);
    if (parser && parser->allocate(fast_capacity, max_depth) != SUCCESS) {
        delete parser;
        parser = nullptr;
    }
    return parser;
}

void destroy(void* parser) noexcept {
    delete static_cast<od::parser*>(parser);
}

#define MG_FAST_STRING2(x) #x
#define MG_FAST_STRING(x) MG_FAST_STRING2(x)
const fast_reader the_reader{MG_FAST_STRING(SIMDJSON_BUILTIN_IMPLEMENTATION), make, destroy, read};

} // namespace
} // namespace mamisguide::json::reading::MG_FAST_NS
