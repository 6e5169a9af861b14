// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the guide itself as data: STEP 1 → STEP 2 → the questions under each inquiry →
// the leaf that becomes a request. A wizard, a chatbot or a web form walks it without copying
// any rule: the leaf says which request to build and what to ask for; plan() decides.
#pragma once

#include "detail/codes.hpp"
#include "levels.hpp"
#include "request.hpp"
#include "text.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace mamisguide {

/// What a leaf still needs from the user before its request can be planned.
enum class guide_input : unsigned char {
    member_municipal, ///< the municipal association the member belongs to (a code)
    member_levels,    ///< the levels held now (one of the three chains)
    join_municipal,   ///< the municipal association to join (a code)
    destination,      ///< the destination municipal association of a transfer (a code)
    categories,       ///< a category for each level joined, added, changed or entered
    change_levels,    ///< which held levels change category
    reason,           ///< 異動事由 (free text, optional)
};

inline constexpr bitext label(guide_input i) noexcept {
    switch (i) {
    case guide_input::member_municipal:
        return {"加入中の郡市区医師会のコード", "code of the member's municipal association"};
    case guide_input::member_levels:
        return {"現在加入している医師会", "the associations the member belongs to now"};
    case guide_input::join_municipal:
        return {"入会する郡市区医師会のコード", "code of the municipal association to join"};
    case guide_input::destination:
        return {"異動先の郡市区医師会のコード", "code of the destination municipal association"};
    case guide_input::categories:
        return {"会員区分", "member category"};
    case guide_input::change_levels:
        return {"会員区分を変更する医師会", "the associations whose category changes"};
    case guide_input::reason:
        return {"異動事由（任意）", "reason for the change (optional)"};
    }
    return {"", ""};
}

/// One choice under a question: it leads to another node (by id).
struct guide_answer {
    std::string_view value; ///< a stable machine name, e.g. "join" or "yes"
    bitext label;
    std::string_view next; ///< the id of the node it leads to
};

/// A node: a question with answers, or a leaf that becomes a request.
struct guide_node {
    std::string_view id;
    bitext title;
    bitext text; ///< the question, or the leaf's instruction
    std::array<guide_answer, 6> answers{};
    std::size_t answer_count = 0;
    // --- leaves only ---
    bool leaf = false;
    operation op = operation::join;
    level_set member_levels; ///< the state the leaf starts from, when it fixes one
    bool member_levels_fixed = false;
    level_set levels; ///< the request's levels, when the leaf fixes them
    std::array<guide_input, 5> inputs{};
    std::size_t input_count = 0;
    // --- STEP 1 answers set the MyPage answer ---
    bool sets_mypage = false;
};

namespace detail {
using GI = guide_input;
constexpr level_set L(unsigned bits) {
    return level_set::from_bits(bits);
}

constexpr guide_node question(std::string_view id, bitext title, bitext text,
                              std::array<guide_answer, 6> answers, std::size_t count,
                              bool sets_mypage = false) noexcept {
    guide_node n{};
    n.id = id;
    n.title = title;
    n.text = text;
    n.answers = answers;
    n.answer_count = count;
    n.sets_mypage = sets_mypage;
    return n;
}

constexpr guide_node leaf(std::string_view id, bitext title, bitext text, operation op,
                          level_set member_levels, bool member_levels_fixed, level_set levels,
                          std::array<guide_input, 5> inputs, std::size_t input_count) noexcept {
    guide_node n{};
    n.id = id;
    n.title = title;
    n.text = text;
    n.leaf = true;
    n.op = op;
    n.member_levels = member_levels;
    n.member_levels_fixed = member_levels_fixed;
    n.levels = levels;
    n.inputs = inputs;
    n.input_count = input_count;
    return n;
}

constexpr guide_answer A(std::string_view value, bitext label, std::string_view next) noexcept {
    return guide_answer{value, label, next};
}

inline constexpr guide_node guide_nodes[] = {
    question(
        "step1",
        {"STEP1 - まずはマイページの有無をご確認ください", "STEP 1 - First, check for a MyPage"},
        {"MAMISで申請を行うには、マイページが必要です。申請者はマイページをお持ちですか？",
         "An application in MAMIS is made from a MyPage. Does the applicant have one?"},
        {A("yes", {"あり", "Yes"}, "step2"),
         A("no", {"なし（利用者登録をする）", "No (register as a user first)"}, "step2"),
         A("unknown", {"不明（確認方法を案内する）", "Not sure (show how to check)"}, "step2")},
        3, true),
    question("step2", {"STEP２ - 問合せ内容を選択してください", "STEP 2 - Choose the inquiry"},
             {"問い合わせ内容を選んでください。", "What does the applicant want to do?"},
             {A("join", {"新規入会", "New admission"}, "join"),
              A("additional_join", {"追加入会", "Additional admission"}, "additional_join"),
              A("change", {"異動", "Change (異動)"}, "change"),
              A("withdraw", {"退会", "Withdrawal"}, "withdraw")},
             4),
    question("join", {"新規入会", "New admission"},
             {"どこまで入会しますか？", "Up to which level does the applicant join?"},
             {A("municipal", texts::case_join_municipal, "join.municipal"),
              A("prefectural", texts::case_join_prefectural, "join.prefectural"),
              A("national", texts::case_join_national, "join.national")},
             3),
    question("additional_join", {"追加入会", "Additional admission"},
             {"現在どこまで入会済みで、どこに追加入会しますか？",
              "Where is the member now, and which association is added?"},
             {A("prefectural", texts::case_add_prefectural, "additional_join.prefectural"),
              A("national", texts::case_add_national, "additional_join.national"),
              A("prefectural_national", texts::case_add_prefectural_national,
                "additional_join.prefectural_national")},
             3),
    question("change", {"異動", "Change (異動)"}, {"異動の内容を選んでください。", "What changes?"},
             {A("category", texts::case_change_category, "change.category"),
              A("facility", texts::case_change_facility, "change.facility"),
              A("transfer", texts::case_transfer, "change.transfer")},
             3),
    question("withdraw", {"退会", "Withdrawal"},
             {"現在の加入状況と、退会する医師会を選んでください。",
              "Which associations does the member hold, and which does the member leave?"},
             {A("municipal_only", texts::case_withdraw_m, "withdraw.m"),
              A("prefectural_keep_municipal", texts::case_withdraw_p_of_mp, "withdraw.p_of_mp"),
              A("all_of_two", texts::case_withdraw_mp, "withdraw.mp"),
              A("national_only", texts::case_withdraw_n, "withdraw.n"),
              A("prefectural_national", texts::case_withdraw_pn, "withdraw.pn"),
              A("all_of_three", texts::case_withdraw_all, "withdraw.all")},
             6),
    // ---- leaves ----
    leaf("join.municipal", texts::case_join_municipal, texts::do_join_municipal, operation::join,
         L(0), true, L(1), {GI::join_municipal, GI::categories}, 2),
    leaf("join.prefectural", texts::case_join_prefectural, texts::do_join_prefectural,
         operation::join, L(0), true, L(3), {GI::join_municipal, GI::categories}, 2),
    leaf("join.national", texts::case_join_national, texts::do_join_national, operation::join, L(0),
         true, L(7), {GI::join_municipal, GI::categories}, 2),
    leaf("additional_join.prefectural", texts::case_add_prefectural, texts::step_add_prefectural,
         operation::additional_join, L(1), true, L(2), {GI::member_municipal, GI::categories}, 2),
    leaf("additional_join.national", texts::case_add_national, texts::step_add_national,
         operation::additional_join, L(3), true, L(4), {GI::member_municipal, GI::categories}, 2),
    leaf("additional_join.prefectural_national", texts::case_add_prefectural_national,
         texts::step_add_prefectural_national, operation::additional_join, L(1), true, L(6),
         {GI::member_municipal, GI::categories}, 2),
    leaf("change.category", texts::case_change_category, texts::step_choose_new_category,
         operation::change_category, L(0), false, L(0),
         {GI::member_levels, GI::member_municipal, GI::change_levels, GI::categories}, 4),
    leaf("change.facility", texts::case_change_facility, texts::step_reselect_current,
         operation::change_facility, L(0), false, L(0),
         {GI::member_levels, GI::member_municipal, GI::reason}, 3),
    leaf("change.transfer", texts::case_transfer, texts::step_select_destination,
         operation::transfer, L(0), false, L(0),
         {GI::member_levels, GI::member_municipal, GI::destination, GI::categories, GI::reason}, 5),
    leaf("withdraw.m", texts::case_withdraw_m, texts::do_withdraw_m, operation::withdraw, L(1),
         true, L(1), {GI::member_municipal}, 1),
    leaf("withdraw.p_of_mp", texts::case_withdraw_p_of_mp, texts::do_withdraw_p_of_mp,
         operation::withdraw, L(3), true, L(2), {GI::member_municipal}, 1),
    leaf("withdraw.mp", texts::case_withdraw_mp, texts::do_withdraw_mp, operation::withdraw, L(3),
         true, L(3), {GI::member_municipal}, 1),
    leaf("withdraw.n", texts::case_withdraw_n, texts::do_withdraw_n, operation::withdraw, L(7),
         true, L(4), {GI::member_municipal}, 1),
    leaf("withdraw.pn", texts::case_withdraw_pn, texts::do_withdraw_pn, operation::withdraw, L(7),
         true, L(6), {GI::member_municipal}, 1),
    leaf("withdraw.all", texts::case_withdraw_all, texts::do_withdraw_all, operation::withdraw,
         L(7), true, L(7), {GI::member_municipal}, 1),
};
} // namespace detail

/// Every node of the guide; the first is the root (STEP 1).
inline constexpr const guide_node* guide_begin() noexcept {
    return std::begin(detail::guide_nodes);
}
inline constexpr const guide_node* guide_end() noexcept {
    return std::end(detail::guide_nodes);
}
inline constexpr const guide_node& guide_root() noexcept {
    return detail::guide_nodes[0];
}

/// The node with this id, or nullptr.
inline constexpr const guide_node* guide_find(std::string_view id) noexcept {
    for (const guide_node& n : detail::guide_nodes)
        if (n.id == id) return &n;
    return nullptr;
}

/// The answer with this value under a question (as typed: trimmed, full-width folded), or
/// nullptr.
inline constexpr const guide_answer* guide_answer_of(const guide_node& n,
                                                     std::string_view value) noexcept {
    for (std::size_t i = 0; i < n.answer_count; ++i)
        if (detail::same_code(n.answers[i].value, value)) return &n.answers[i];
    return nullptr;
}

/// The request skeleton of a leaf: operation and levels. The caller fills in what the leaf's
/// inputs ask for (codes, categories, reason) and plans it.
inline request guide_request(const guide_node& leaf) noexcept {
    request r;
    r.op = leaf.op;
    r.levels = leaf.levels;
    return r;
}

} // namespace mamisguide
