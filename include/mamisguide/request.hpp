// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — a member's state and the request for one of the six operations (rules.md §2–§5).
//
// Both hold string_views: the caller owns the strings, and nothing here allocates.
#pragma once

#include "levels.hpp"

#include <cstdint>
#include <string_view>

namespace mamisguide {

/// STEP 1: does the applicant have a MyPage?
enum class mypage : std::uint8_t { yes, no, unknown };

constexpr std::string_view to_string(mypage m) noexcept {
    switch (m) {
    case mypage::yes:
        return "yes";
    case mypage::no:
        return "no";
    case mypage::unknown:
        return "unknown";
    }
    return "yes";
}
constexpr bool parse_mypage(std::string_view s, mypage& out) noexcept {
    for (mypage m : {mypage::yes, mypage::no, mypage::unknown})
        if (to_string(m) == s) return out = m, true;
    return false;
}

/// The six operations of STEP 2. Values are stable (the C ABI's MG_OP_*).
enum class operation : std::uint8_t {
    join,            ///< 新規入会
    additional_join, ///< 追加入会
    change_category, ///< 異動: 会員区分の変更
    change_facility, ///< 異動: 施設変更 (医師会異動なし)
    transfer,        ///< 異動: 施設変更 (医師会異動あり)
    withdraw,        ///< 退会
};
inline constexpr operation all_operations[] = {operation::join,
                                               operation::additional_join,
                                               operation::change_category,
                                               operation::change_facility,
                                               operation::transfer,
                                               operation::withdraw};

constexpr std::string_view to_string(operation op) noexcept {
    switch (op) {
    case operation::join:
        return "join";
    case operation::additional_join:
        return "additional_join";
    case operation::change_category:
        return "change_category";
    case operation::change_facility:
        return "change_facility";
    case operation::transfer:
        return "transfer";
    case operation::withdraw:
        return "withdraw";
    }
    return "join";
}
constexpr bool parse_operation(std::string_view s, operation& out) noexcept {
    for (operation op : all_operations)
        if (to_string(op) == s) return out = op, true;
    return false;
}

/// A member as the caller knows them. An empty string_view means "not given".
struct member_state {
    mypage page = mypage::yes;
    std::string_view municipal;   ///< the municipal association; required iff levels not empty
    std::string_view prefectural; ///< optional cross-check: must be parent(municipal), if held
    level_set levels;             ///< must be a chain: {}, {M}, {M,P}, {M,P,N}
    per_level<std::string_view> categories; ///< current category per held level, if known
};

/// One application. Which fields matter depends on the operation (rules.md §4, contract.md).
struct request {
    operation op = operation::join;
    level_set levels;           ///< join: to join; additional_join: to add; withdraw: to leave;
                                ///< change_category: to change (empty: the categories' keys)
    std::string_view municipal; ///< join: the association to join; transfer: the destination
    per_level<std::string_view> categories; ///< per level joined, added, changed or entered
    std::string_view reason;                ///< 異動事由, free text passed through
    bool cascade = false; ///< withdraw: widen an illegal withdrawal to the smallest legal one
    bool proxy = false;   ///< the secretariat applies on the member's behalf
};

/// Builders for the six requests.
namespace requests {

inline request join(std::string_view municipal, level_set levels,
                    per_level<std::string_view> categories = {}) noexcept {
    request r;
    r.op = operation::join;
    r.municipal = municipal;
    r.levels = levels;
    r.categories = categories;
    return r;
}
inline request additional_join(level_set levels,
                               per_level<std::string_view> categories = {}) noexcept {
    request r;
    r.op = operation::additional_join;
    r.levels = levels;
    r.categories = categories;
    return r;
}
/// The levels changed are those with a category.
inline request change_category(per_level<std::string_view> categories) noexcept {
    request r;
    r.op = operation::change_category;
    r.categories = categories;
    return r;
}
inline request change_facility(std::string_view reason = {}) noexcept {
    request r;
    r.op = operation::change_facility;
    r.reason = reason;
    return r;
}
inline request transfer(std::string_view destination, per_level<std::string_view> categories,
                        std::string_view reason = {}) noexcept {
    request r;
    r.op = operation::transfer;
    r.municipal = destination;
    r.categories = categories;
    r.reason = reason;
    return r;
}
inline request withdraw(level_set levels, bool cascade = false) noexcept {
    request r;
    r.op = operation::withdraw;
    r.levels = levels;
    r.cascade = cascade;
    return r;
}

} // namespace requests

/// The categories of a per_level map that are given (non-empty), as a level set.
inline level_set given_levels(const per_level<std::string_view>& c) noexcept {
    level_set s;
    for (level l : all_levels)
        if (!c[l].empty()) s.insert(l);
    return s;
}

} // namespace mamisguide
