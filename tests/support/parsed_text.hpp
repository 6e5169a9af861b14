// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Everything a request reader fills (capi/json_read.hpp's `parsed`), as one line of text: two
// readings of the same request compared (the scanner and the DOM reader: test_json_scan,
// fuzz_plan_json).
#pragma once

#include "json_read.hpp" // capi/

#include <string>

namespace mgtest {

inline std::string parsed_text(const mamisguide::json::reading::parsed& p) {
    using namespace mamisguide;
    const auto levels = [](level_set s) {
        std::string t;
        for (level l : s) (t += to_string(l)) += ',';
        return t;
    };
    const auto categories = [](const per_level<std::string_view>& c) {
        std::string t;
        for (level l : all_levels) (t += c[l]) += '|';
        return t;
    };
    const member_state& m = p.member;
    const request& r = p.req;
    return std::to_string(static_cast<int>(m.page)) + ';' + std::string(m.municipal) + ';' +
           std::string(m.prefectural) + ';' + levels(m.levels) + ';' + categories(m.categories) +
           ';' + std::to_string(static_cast<int>(r.op)) + ';' + levels(r.levels) + ';' +
           std::string(r.municipal) + ';' + categories(r.categories) + ';' + std::string(r.reason) +
           ';' + std::to_string(r.cascade) + std::to_string(r.proxy) + ';' +
           std::to_string(static_cast<int>(p.l));
}

} // namespace mgtest
