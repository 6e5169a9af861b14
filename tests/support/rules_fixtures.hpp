// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Shared by the rule tests: printers for Boost.Test, and builders for members and categories.
#pragma once

#include <boost/test/unit_test.hpp>

#include <mamisguide/mamisguide.hpp>

#include <optional>
#include <ostream>
#include <string_view>

namespace mamisguide {
inline std::ostream& operator<<(std::ostream& os, level l) {
    return os << to_string(l);
}
inline std::ostream& operator<<(std::ostream& os, level_set s) {
    os << "[";
    bool first = true;
    for (level l : s) os << (first ? "" : ",") << to_string(l), first = false;
    return os << "]";
}
inline std::ostream& operator<<(std::ostream& os, refusal_code c) {
    return os << to_string(c);
}
inline std::ostream& operator<<(std::ostream& os, operation o) {
    return os << to_string(o);
}
} // namespace mamisguide

// A level_set has begin()/end(), but it is a value, not a collection to compare element-wise.
namespace boost::unit_test {
template <>
struct is_forward_iterable<mamisguide::level_set> : public boost::mpl::false_ {};
} // namespace boost::unit_test
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<mamisguide::refusal_code>)

namespace mg_test {
using namespace mamisguide;

inline constexpr level M = level::municipal, P = level::prefectural, N = level::national;

inline per_level<std::string_view> cats(std::string_view m = {}, std::string_view p = {},
                                        std::string_view n = {}) {
    per_level<std::string_view> c;
    c[M] = m, c[P] = p, c[N] = n;
    return c;
}

inline member_state member(std::string_view municipal, level_set levels,
                           per_level<std::string_view> categories = {}, mypage page = mypage::yes) {
    member_state s;
    s.page = page;
    s.municipal = municipal;
    s.levels = levels;
    s.categories = categories;
    return s;
}
} // namespace mg_test
