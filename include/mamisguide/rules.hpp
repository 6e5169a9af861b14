// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — plan(): the only place a rule lives (rules.md §2–§5, §7).
//
// plan(directory, member, request) checks the member's state and the request and returns
// either an exact plan or a refusal with a stable code. It is noexcept and allocates nothing:
// every list has a fixed capacity and every text is static.
#pragma once

#include "categories.hpp"
#include "directory.hpp"
#include "plan.hpp"
#include "request.hpp"
#include "text.hpp"

#include <tl/expected.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace mamisguide {

using plan_result = tl::expected<application_plan, refusal>;

namespace detail {

inline tl::unexpected<refusal> refuse(refusal_code code, const bitext& message,
                                      std::string_view field = {},
                                      std::optional<request> suggestion = std::nullopt) noexcept {
    return tl::unexpected<refusal>(refusal{code, &message, field, suggestion});
}

} // namespace detail

/// What the membership state machine says about one request, from levels alone (no
/// directory, no categories): the first refusal, or the levels the application touches and
/// the levels held after it.
struct level_verdict {
    bool ok = false;
    refusal_code code = refusal_code::invalid_request;
    const bitext* message = nullptr;
    const char* field = "";
    level_set levels;      ///< ok: the levels ticked (a withdrawal's after cascade)
    level_set after;       ///< ok: the levels held afterwards
    bool cascaded = false; ///< ok: a cascade widened the withdrawal
    bool has_suggestion = false;
    operation suggestion_op = operation::join;
    level_set suggestion; ///< the levels of the suggested request
    level_set fault;      ///< refused: the levels at fault (not held, already held, the state)
};

/// The level rules of §2–§4 as one pure function. `levels` is the request's levels (for
/// change_category, the levels whose category changes). plan() decides with it, and
/// check_levels() tabulates it at compile time.
constexpr level_verdict judge_levels(level_set held, operation op, level_set levels,
                                     bool cascade) noexcept {
    level_verdict v;
    auto no = [&](refusal_code c, const bitext& m, const char* field) {
        v.code = c, v.message = &m, v.field = field;
        return v;
    };
    auto suggest = [&](operation sop, level_set s) {
        if (!s.empty()) v.has_suggestion = true, v.suggestion_op = sop, v.suggestion = s;
    };
    if (!held.is_chain()) {
        v.fault = held;
        return no(refusal_code::invalid_state, texts::msg_state_not_chain, "member.levels");
    }
    if (op != operation::join && held.empty())
        return no(refusal_code::not_a_member, texts::msg_not_a_member, "member.levels");
    if (cascade && op != operation::withdraw)
        return no(refusal_code::invalid_request, texts::msg_cascade_not_used, "request.cascade");
    const bool needs_levels = op == operation::join || op == operation::additional_join ||
                              op == operation::change_category || op == operation::withdraw;
    if (needs_levels && levels.empty())
        return no(refusal_code::invalid_request, texts::msg_levels_missing, "request.levels");
    if (!needs_levels && !levels.empty())
        return no(refusal_code::invalid_request, texts::msg_levels_not_used, "request.levels");
    v.after = held;
    switch (op) {
    case operation::join:
        if (!held.empty()) {
            suggest(operation::additional_join, levels - held);
            return no(refusal_code::already_member, texts::msg_already_member, "member.levels");
        }
        if (!levels.is_chain()) {
            suggest(operation::join, level_set::range(level::municipal, levels.top()));
            return no(refusal_code::illegal_levels,
                      levels.contains(level::municipal) ? texts::msg_join_needs_prefectural
                                                        : texts::msg_join_needs_municipal,
                      "request.levels");
        }
        v.levels = v.after = levels;
        break;
    case operation::additional_join:
        if (!(levels & held).empty()) {
            suggest(operation::additional_join, levels - held);
            v.fault = levels & held;
            return no(refusal_code::level_already_held, texts::msg_level_already_held,
                      "request.levels");
        }
        if (!(held | levels).is_chain()) {
            suggest(operation::additional_join,
                    level_set::range(level::prefectural, levels.top()) - held);
            return no(refusal_code::illegal_levels, texts::msg_join_needs_prefectural,
                      "request.levels");
        }
        v.levels = levels;
        v.after = held | levels;
        break;
    case operation::change_category:
        if (!held.includes(levels)) {
            suggest(operation::change_category, levels & held);
            v.fault = levels - held;
            return no(refusal_code::level_not_held, texts::msg_level_not_held, "request.levels");
        }
        v.levels = levels;
        break;
    case operation::change_facility:
    case operation::transfer:
        v.levels = level_set{level::municipal};
        break;
    case operation::withdraw: {
        if (!held.includes(levels)) {
            v.fault = levels - held;
            const level_set kept = levels & held;
            if (!kept.empty())
                suggest(operation::withdraw, level_set::range(kept.bottom(), held.top()));
            return no(refusal_code::level_not_held, texts::msg_level_not_held, "request.levels");
        }
        const level_set closure = level_set::range(levels.bottom(), held.top());
        if (closure != levels && !cascade) {
            suggest(operation::withdraw, closure);
            const bitext* m = &texts::msg_withdraw_prefectural_national;
            if (levels.bottom() == level::municipal)
                m = held.top() == level::national ? &texts::msg_withdraw_municipal_all
                                                  : &texts::msg_withdraw_municipal_prefectural;
            return no(refusal_code::illegal_levels, *m, "request.levels");
        }
        v.cascaded = closure != levels;
        v.levels = closure;
        v.after = held - closure;
        break;
    }
    }
    v.ok = true;
    return v;
}

namespace detail {

/// The shape of check_levels()'s table: every set of levels held (8) × operation (6) × set
/// of levels requested (8) × cascade (2), in that order, written once for both directions.
inline constexpr std::size_t n_level_sets = 8;
inline constexpr std::size_t n_operations = std::size(all_operations);
inline constexpr std::size_t n_level_entries = n_level_sets * n_operations * n_level_sets * 2;

/// The table entry of (held, operation, levels, cascade).
constexpr std::size_t level_entry(level_set held, operation op, level_set levels,
                                  bool cascade) noexcept {
    return ((held.bits() * n_operations + static_cast<std::size_t>(op) % n_operations) *
                n_level_sets +
            levels.bits()) *
               2 +
           (cascade ? 1 : 0);
}

/// check_levels()'s answer for entry `i` of the table (the inverse of level_entry).
constexpr std::optional<refusal_code> level_answer(std::size_t i) noexcept {
    const bool cascade = i % 2 != 0;
    const level_set levels = level_set::from_bits(static_cast<unsigned>(i / 2 % n_level_sets));
    const auto op = static_cast<operation>(i / 2 / n_level_sets % n_operations);
    const level_set held =
        level_set::from_bits(static_cast<unsigned>(i / 2 / n_level_sets / n_operations));
    const level_verdict v = judge_levels(held, op, levels, cascade);
    return v.ok ? std::optional<refusal_code>() : std::optional<refusal_code>(v.code);
}

template <std::size_t... I>
constexpr std::array<std::optional<refusal_code>, sizeof...(I)>
level_answers(std::index_sequence<I...>) noexcept {
    return {{level_answer(I)...}};
}

/// Every (held, operation, levels, cascade) tabulated at compile time: nullopt when legal, else
/// the refusal code. The answers themselves are stored, not codes to turn into answers, so a
/// lookup is one load and no branch.
inline constexpr auto levels_table = level_answers(std::make_index_sequence<n_level_entries>{});

/// judge_levels()'s whole verdict for every (held, operation, levels, cascade), in
/// levels_table's order: plan() looks its verdict up instead of judging.
template <std::size_t... I>
constexpr std::array<level_verdict, sizeof...(I)>
level_verdicts(std::index_sequence<I...>) noexcept {
    return {{judge_levels(
        level_set::from_bits(static_cast<unsigned>(I / 2 / n_level_sets / n_operations)),
        static_cast<operation>(I / 2 / n_level_sets % n_operations),
        level_set::from_bits(static_cast<unsigned>(I / 2 % n_level_sets)), I % 2 != 0)...}};
}
inline constexpr auto verdict_table = level_verdicts(std::make_index_sequence<n_level_entries>{});

/// The plan of one class — held levels, operation, requested levels, cascade, proxy — without
/// its names: the form and the selection, the guide's case and what it says to tick, the
/// steps, the rule, the manual and who applies, and the cascade's note. Everything a plan says
/// that depends on no association, code or category.
struct plan_class {
    form_kind form = form_kind::admission;
    selection sel = selection::none;
    const bitext* form_label = &texts::form_admission;
    const bitext* selection_label = nullptr;
    const bitext* guide_case = nullptr;
    const bitext* guide_instruction = nullptr;
    fixed_vector<const bitext*, 8> steps;
    std::string_view rule;
    std::string_view rule_across;         ///< a transfer into another prefecture's
    const bitext* cascade_note = nullptr; ///< a withdrawal widened by a cascade: its note
    level_set cascade_added;
    const bitext* manual = nullptr;
    actor who = actor::member;
    bool proxy_note = false;
    std::uint16_t id = 0; ///< application_plan::class_id: 1 + 2 × its number + proxy
};

template <std::size_t N>
constexpr void add_steps(fixed_vector<const bitext*, 8>& to,
                         const bitext* const (&steps)[N]) noexcept {
    for (const bitext* t : steps) to.push_back(t);
}

/// The flowchart's name for a withdrawal of `left` from `held`, and what it says to tick: the
/// six legal cases of rules.md §4.4, keyed as its table is, by (held, leave).
constexpr void withdraw_case(level_set held, level_set left, plan_class& c) noexcept {
    struct row {
        unsigned held, leave; // level_set bits: 1 municipal, 2 prefectural, 4 national
        const bitext* name;
        const bitext* instruction;
    };
    constexpr row cases[] = {
        {0b001, 0b001, &texts::case_withdraw_m, &texts::do_withdraw_m},
        {0b011, 0b010, &texts::case_withdraw_p_of_mp, &texts::do_withdraw_p_of_mp},
        {0b011, 0b011, &texts::case_withdraw_mp, &texts::do_withdraw_mp},
        {0b111, 0b100, &texts::case_withdraw_n, &texts::do_withdraw_n},
        {0b111, 0b110, &texts::case_withdraw_pn, &texts::do_withdraw_pn},
        {0b111, 0b111, &texts::case_withdraw_all, &texts::do_withdraw_all}};
    for (const row& r : cases)
        if (r.held == held.bits() && r.leave == left.bits()) {
            c.guide_case = r.name;
            c.guide_instruction = r.instruction;
            return;
        }
}

/// The class of a legal (held, operation, levels, cascade) with verdict `v`, applied by the
/// member or by the secretariat (proxy).
constexpr plan_class make_plan_class(level_set held, operation op, level_set levels,
                                     const level_verdict& v, bool proxy) noexcept {
    plan_class c;
    const auto admission = [&](selection sel) {
        c.form = form_kind::admission;
        c.form_label = &texts::form_admission;
        c.sel = sel;
        c.selection_label =
            sel == selection::additional ? &texts::selection_additional : &texts::selection_new;
        c.manual = &texts::manual_admission;
    };
    const auto transfer_form = [&](selection sel) {
        c.form = form_kind::transfer;
        c.form_label = &texts::form_transfer;
        c.sel = sel;
        c.selection_label = sel == selection::category_change
                                ? &texts::selection_category_change
                                : &texts::selection_association_transfer;
        c.manual = &texts::manual_transfer;
    };
    switch (op) {
    case operation::join: {
        admission(selection::new_admission);
        constexpr const bitext* steps[] = {&texts::step_login, &texts::step_click_admission,
                                           &texts::step_check_associations,
                                           &texts::step_choose_category};
        add_steps(c.steps, steps);
        constexpr const bitext* cases[][2] = {
            {&texts::case_join_municipal, &texts::do_join_municipal},
            {&texts::case_join_prefectural, &texts::do_join_prefectural},
            {&texts::case_join_national, &texts::do_join_national}};
        c.guide_case = cases[v.levels.size() - 1][0];
        c.guide_instruction = cases[v.levels.size() - 1][1];
        c.rule = "join.chain_from_municipal";
        break;
    }
    case operation::additional_join: {
        admission(selection::additional);
        constexpr const bitext* steps[] = {&texts::step_login, &texts::step_click_admission,
                                           &texts::step_right_of_new_box,
                                           &texts::step_click_additional_box};
        add_steps(c.steps, steps);
        if (v.levels == level_set{level::prefectural}) {
            c.steps.push_back(&texts::step_add_prefectural);
            c.guide_case = &texts::case_add_prefectural;
        } else if (v.levels == level_set{level::national}) {
            c.steps.push_back(&texts::step_add_national);
            c.guide_case = &texts::case_add_national;
        } else {
            c.steps.push_back(&texts::step_add_prefectural_national);
            c.guide_case = &texts::case_add_prefectural_national;
        }
        c.rule = "additional_join.extend_chain";
        break;
    }
    case operation::change_category: {
        transfer_form(selection::category_change);
        c.guide_case = &texts::case_change_category;
        constexpr const bitext* steps[] = {
            &texts::step_login, &texts::step_click_transfer, &texts::step_tick_category_change,
            &texts::step_tick_target_associations, &texts::step_choose_new_category};
        add_steps(c.steps, steps);
        c.rule = "change_category.held_levels";
        break;
    }
    case operation::change_facility: {
        transfer_form(selection::association_transfer);
        c.guide_case = &texts::case_change_facility;
        c.guide_instruction = &texts::step_tick_association_transfer_no_move; // the guide's words
        constexpr const bitext* steps[] = {
            &texts::step_login, &texts::step_click_transfer, &texts::step_tick_association_transfer,
            &texts::step_choose_reason, &texts::step_reselect_current};
        add_steps(c.steps, steps);
        c.rule = "change_facility.same_association";
        break;
    }
    case operation::transfer: {
        transfer_form(selection::association_transfer);
        c.guide_case = &texts::case_transfer;
        constexpr const bitext* steps[] = {&texts::step_login,
                                           &texts::step_click_transfer,
                                           &texts::step_tick_association_transfer,
                                           &texts::step_choose_reason,
                                           &texts::step_select_destination,
                                           &texts::step_enter_new_facility};
        add_steps(c.steps, steps);
        c.rule = "transfer.within_prefecture";
        c.rule_across = "transfer.across_prefectures";
        break;
    }
    case operation::withdraw: {
        if (v.cascaded) {
            const level_set added = v.levels - levels;
            c.cascade_note = &texts::note_cascade_prefectural_national;
            if (added == level_set{level::prefectural})
                c.cascade_note = &texts::note_cascade_prefectural;
            if (added == level_set{level::national}) c.cascade_note = &texts::note_cascade_national;
            c.cascade_added = added;
        }
        c.form = form_kind::withdrawal;
        c.form_label = &texts::form_withdrawal;
        c.sel = selection::none;
        c.selection_label = nullptr;
        withdraw_case(held, v.levels, c);
        constexpr const bitext* steps[] = {&texts::step_login, &texts::step_click_withdrawal,
                                           &texts::step_tick_and_withdraw};
        add_steps(c.steps, steps);
        c.rule = v.cascaded ? std::string_view("withdraw.cascade")
                            : std::string_view("withdraw.top_of_chain");
        c.manual = &texts::manual_withdrawal;
        break;
    }
    }
    if (proxy) {
        c.who = actor::secretariat;
        c.manual = &texts::manual_proxy;
        c.proxy_note = true;
    }
    return c;
}

/// How many of the table's entries are legal: the number of plan classes (each twice, by the
/// member and by proxy).
constexpr std::size_t count_legal_entries() noexcept {
    std::size_t n = 0;
    for (const level_verdict& v : verdict_table) n += v.ok ? 1 : 0;
    return n;
}
inline constexpr std::size_t n_plan_classes = count_legal_entries();

/// Every plan class, computed at compile time from judge_levels()'s verdicts: `of[entry]` is
/// 1 + the class of a legal entry of levels_table's order (0 for a refused one), and
/// `classes[k][proxy]` the class itself.
struct plan_class_table {
    std::array<std::uint8_t, n_level_entries> of{};
    std::array<std::array<plan_class, 2>, n_plan_classes> classes{};
};

constexpr plan_class_table make_plan_class_table() noexcept {
    plan_class_table t;
    std::size_t k = 0;
    for (std::size_t i = 0; i < n_level_entries; ++i) {
        const level_verdict& v = verdict_table[i];
        if (!v.ok) continue;
        const level_set levels = level_set::from_bits(static_cast<unsigned>(i / 2 % n_level_sets));
        const auto op = static_cast<operation>(i / 2 / n_level_sets % n_operations);
        const level_set held =
            level_set::from_bits(static_cast<unsigned>(i / 2 / n_level_sets / n_operations));
        t.classes[k][0] = make_plan_class(held, op, levels, v, false);
        t.classes[k][1] = make_plan_class(held, op, levels, v, true);
        t.classes[k][0].id = static_cast<std::uint16_t>(1 + 2 * k);
        t.classes[k][1].id = static_cast<std::uint16_t>(2 + 2 * k);
        t.of[i] = static_cast<std::uint8_t>(++k);
    }
    return t;
}
static_assert(n_plan_classes < 255, "plan classes are numbered in a byte");
inline constexpr plan_class_table plan_classes = make_plan_class_table();

/// Restricts a per-level map to a set of levels.
inline per_level<std::string_view> only(const per_level<std::string_view>& c,
                                        level_set s) noexcept {
    per_level<std::string_view> out;
    for (level l : s) out[l] = c[l];
    return out;
}

/// The association at level `l` on the chain of municipal association `m`: `chain(m)[l]`, one
/// or two steps up the graph without building the chain (a plan asks for several levels; a
/// level the chain does not reach is JMA, 0, as in chain()'s unused slots).
inline association_id at_level(const directory& dir, association_id m, level l) noexcept {
    if (l == level::municipal) return m;
    const association_id up = dir.parent(m).value_or(directory::national());
    return l == level::prefectural ? up : dir.parent(up).value_or(directory::national());
}

inline checked_association checked_of(const directory& dir, association_id v) noexcept {
    const association& a = dir[v];
    return {a.lvl, v, a.code, a.name, a.name_en};
}

struct member_info {
    level_set held;
    association_id m = 0; ///< valid when held is not empty
};

/// A municipal association named at `field`: unknown_association (naming the code) or
/// level_mismatch (naming the association found) otherwise.
inline tl::expected<association_id, refusal>
lookup_municipal(const directory& dir, std::string_view code, std::string_view field) noexcept {
    const auto v = dir.find(code);
    if (!v) {
        auto no = refuse(refusal_code::unknown_association, texts::msg_unknown_association, field);
        no.value().value = code;
        return no;
    }
    if (dir[*v].lvl != level::municipal) {
        auto no = refuse(refusal_code::level_mismatch, texts::msg_level_mismatch, field);
        no.value().value = code;
        no.value().levels = level_set{dir[*v].lvl};
        no.value().associations.push_back(checked_of(dir, *v));
        return no;
    }
    return *v;
}

/// The member's state: a legal chain hanging off a known municipal association.
inline tl::expected<member_info, refusal> check_member(const directory& dir,
                                                       const member_state& s) noexcept {
    member_info out;
    out.held = s.levels;
    // invalid_state names the field at fault, the problem, and the value or levels.
    auto bad_state = [](state_problem why, const bitext& msg, std::string_view field,
                        std::string_view value, level_set levels) {
        auto no = refuse(refusal_code::invalid_state, msg, field);
        no.value().problem = why;
        no.value().value = value;
        no.value().levels = levels;
        return no;
    };
    if (!s.levels.is_chain())
        return bad_state(state_problem::not_a_chain, texts::msg_state_not_chain, "member.levels",
                         {}, s.levels);
    if (s.levels.empty()) {
        if (!s.municipal.empty())
            return bad_state(state_problem::municipal_without_levels,
                             texts::msg_state_municipal_without_levels, "member.municipal",
                             s.municipal, {});
        if (!s.prefectural.empty())
            return bad_state(state_problem::prefectural_not_held,
                             texts::msg_state_prefectural_not_held, "member.prefectural",
                             s.prefectural, {});
        if (!given_levels(s.categories).empty())
            return bad_state(state_problem::category_not_held, texts::msg_state_category_not_held,
                             "member.categories", {}, given_levels(s.categories));
    } else {
        if (s.municipal.empty()) // a required field that is missing (contract.md)
            return refuse(refusal_code::invalid_request, texts::msg_state_municipal_missing,
                          "member.municipal");
        // The state's own consistency comes before the association lookup (documented order).
        if (!s.prefectural.empty() && !s.levels.contains(level::prefectural))
            return bad_state(state_problem::prefectural_not_held,
                             texts::msg_state_prefectural_not_held, "member.prefectural",
                             s.prefectural, {});
        if (!s.levels.includes(given_levels(s.categories)))
            return bad_state(state_problem::category_not_held, texts::msg_state_category_not_held,
                             "member.categories", {}, given_levels(s.categories) - s.levels);
        const auto m = lookup_municipal(dir, s.municipal, "member.municipal");
        if (!m) return tl::unexpected(m.error());
        out.m = *m;
        // member.prefectural as people write it: "13", "１３", "1" for 01, or the name.
        const association_id pref = at_level(dir, *m, level::prefectural);
        if (!s.prefectural.empty() && !detail::same_code(dir[pref].code, s.prefectural) &&
            parse_prefecture(s.prefectural) != std::optional<unsigned>(unsigned(pref))) {
            auto no = bad_state(state_problem::prefectural_mismatch,
                                texts::msg_state_prefectural_mismatch, "member.prefectural",
                                s.prefectural, level_set{level::prefectural});
            no.value().associations.push_back(checked_of(dir, pref));
            return no;
        }
    }
    return out;
}

/// Looks up a municipal association named by the request.
inline tl::expected<association_id, refusal> municipal_of(const directory& dir,
                                                          std::string_view code) noexcept {
    if (code.empty())
        return refuse(refusal_code::invalid_request, texts::msg_request_municipal_missing,
                      "request.municipal");
    return lookup_municipal(dir, code, "request.municipal");
}

/// Checks that `levels` (on municipal `m`'s chain) each have a category, that no other level
/// has one, and that each code is in its association's catalogue; fills the plan's categories.
inline std::optional<refusal> check_categories(const directory& dir, association_id m,
                                               level_set levels,
                                               const per_level<std::string_view>& given,
                                               application_plan& p) noexcept {
    if (!levels.includes(given_levels(given)))
        return refusal{refusal_code::invalid_request, &texts::msg_category_for_other_level,
                       "request.categories", std::nullopt};
    if (const level_set none = levels - given_levels(given); !none.empty()) {
        refusal missing{refusal_code::category_required, &texts::msg_category_required,
                        "request.categories", std::nullopt};
        missing.levels = none;
        for (level l : none) missing.associations.push_back(checked_of(dir, at_level(dir, m, l)));
        return missing;
    }
    for (level l : levels) {
        const association_id v = at_level(dir, m, l);
        category_label label;
        const category_check c = check_category(dir, v, given[l], &label);
        if (c == category_check::unknown) {
            refusal no{refusal_code::unknown_category, &texts::msg_unknown_category,
                       "request.categories", std::nullopt};
            no.levels = level_set{l};
            no.associations.push_back(checked_of(dir, v));
            no.value = given[l];
            return no;
        }
        // A known code as the catalogue writes it (the request may have typed it full-width).
        p.categories.push_back({l, c == category_check::known ? label.code : given[l], label.ja,
                                label.en, c == category_check::known});
        if (c == category_check::unchecked)
            p.notes.push_back({note_kind::category_unchecked, &texts::note_category_unchecked,
                               level_set{l}, dir[v].code});
    }
    return std::nullopt;
}

} // namespace detail

/// STEP 1 (rules.md §3): what comes before the form for a MyPage answer — nothing for `yes`,
/// user registration for `no`, the two ways to check (and the desk) for `unknown`.
inline fixed_vector<prerequisite, 1> mypage_prerequisites(mypage page) noexcept {
    fixed_vector<prerequisite, 1> out;
    prerequisite q;
    if (page == mypage::no) {
        q.kind = prerequisite_kind::user_registration;
        q.steps.push_back(&texts::step_register_user);
        q.steps.push_back(&texts::step_then_step2);
        out.push_back(q);
    } else if (page == mypage::unknown) {
        q.kind = prerequisite_kind::mypage_check;
        q.steps.push_back(&texts::check_initial_login);
        q.steps.push_back(&texts::check_member_search);
        q.steps.push_back(&texts::check_not_found);
        q.steps.push_back(&texts::check_ask_desk);
        q.support_desk = true;
        out.push_back(q);
    }
    return out;
}

namespace detail {

/// The parts every plan shares: STEP 1, the actor and manual (the class's), the reason.
inline void finish(const member_state& s, const request& r, const plan_class& c,
                   application_plan& p) noexcept {
    p.op = r.op;
    p.reason = r.reason;
    p.prerequisites = mypage_prerequisites(s.page);
    p.who = c.who;
    p.manual = c.manual;
    if (c.proxy_note) p.notes.push_back({note_kind::proxy, &texts::note_proxy, {}, {}});
}

/// The static part of the plan from its class: the form, the guide's case, the steps, the rule,
/// and a cascade's note.
inline void take_class(const plan_class& c, application_plan& p) noexcept {
    if (c.cascade_note)
        p.notes.push_back({note_kind::cascade_applied, c.cascade_note, c.cascade_added, {}});
    p.form = c.form;
    p.form_label = c.form_label;
    p.sel = c.sel;
    p.selection_label = c.selection_label;
    p.guide_case = c.guide_case;
    p.guide_instruction = c.guide_instruction;
    p.steps = c.steps;
    p.rule = c.rule;
    p.class_id = c.id;
}

/// The state after the application, with the remaining categories.
inline void set_result(const directory& dir, association_id m, level_set levels,
                       const per_level<std::string_view>& categories,
                       application_plan& p) noexcept {
    p.result.levels = levels;
    if (levels.empty()) return;
    p.result.municipal = dir[m].code;
    if (levels.contains(level::prefectural))
        p.result.prefectural = dir[at_level(dir, m, level::prefectural)].code;
    p.result.categories = only(categories, levels);
    for (const category_choice& c : p.categories) // checked codes as their catalogue writes them
        if (c.checked && levels.contains(c.lvl)) p.result.categories[c.lvl] = c.code;
}

/// The tail every plan shares: the state after approval — the member's categories with the
/// request's for the levels in `changed` — then STEP 1, the actor, the manual and the reason.
inline void complete(const directory& dir, const member_state& s, const request& r,
                     association_id m, level_set after, level_set changed, const plan_class& c,
                     application_plan& p) noexcept {
    per_level<std::string_view> cats = s.categories;
    for (level l : changed) cats[l] = r.categories[l];
    set_result(dir, m, after, cats, p);
    finish(s, r, c, p);
}

plan_result plan_impl(const directory& dir, const member_state& s, const request& r,
                      bool suggest) noexcept;

/// Attaches `candidate` as the refusal's suggestion only if it, planned, succeeds.
inline tl::unexpected<refusal> with_suggestion(tl::unexpected<refusal> no, const directory& dir,
                                               const member_state& s, const request& candidate,
                                               bool suggest) noexcept {
    if (suggest && plan_impl(dir, s, candidate, false)) no.value().suggestion = candidate;
    return no;
}

/// A copy of `r` for another operation, keeping who applies and why.
inline request variant_of(const request& r, operation op) noexcept {
    request out;
    out.op = op;
    out.proxy = r.proxy;
    out.reason = r.reason;
    return out;
}

/// The refusal for a level verdict, with its suggestion where that one succeeds.
inline tl::unexpected<refusal> refuse_levels(const directory& dir, const member_state& s,
                                             const request& r, const level_verdict& v,
                                             bool suggest) noexcept {
    auto no = refuse(v.code, *v.message, v.field);
    no.value().levels = v.fault;
    if (v.code == refusal_code::invalid_state) no.value().problem = state_problem::not_a_chain;
    if (!v.has_suggestion) return no;
    request alt = variant_of(r, v.suggestion_op);
    alt.levels = v.suggestion;
    if (v.suggestion_op != operation::withdraw) alt.categories = only(r.categories, v.suggestion);
    if (v.suggestion_op == operation::join) alt.municipal = r.municipal;
    // A member asking to join again is offered the additional admission only at the same
    // association: joining elsewhere is a transfer plus an admission, not one request.
    if (r.op == operation::join && v.suggestion_op == operation::additional_join &&
        !detail::same_code(r.municipal, s.municipal))
        return no;
    return with_suggestion(no, dir, s, alt, suggest);
}

// The plans are written into the caller's result (`out`, made in place by plan_for()): a plan
// is 1 KiB, and one made in a local and returned was zeroed there, then copied into the
// expected that holds it. A refusal replaces the plan in `out`.

inline void plan_join(const directory& dir, const member_state& s, const request& r,
                      const level_verdict& v, const plan_class& c, plan_result& out) noexcept {
    const auto m = municipal_of(dir, r.municipal);
    if (!m) return void(out = tl::unexpected(m.error()));
    application_plan& p = *out;
    if (auto no = check_categories(dir, *m, v.levels, r.categories, p))
        return void(out = tl::unexpected(*no));
    take_class(c, p);
    for (level l : v.levels) p.checked.push_back(checked_of(dir, at_level(dir, *m, l)));
    complete(dir, s, r, *m, v.after, v.levels, c, p);
}

inline void plan_additional_join(const directory& dir, const member_state& s, association_id m,
                                 const request& r, const level_verdict& v, const plan_class& c,
                                 plan_result& out) noexcept {
    application_plan& p = *out;
    if (auto no = check_categories(dir, m, v.levels, r.categories, p))
        return void(out = tl::unexpected(*no));
    take_class(c, p);
    for (level l : v.levels) p.checked.push_back(checked_of(dir, at_level(dir, m, l)));
    complete(dir, s, r, m, v.after, v.levels, c, p);
}

inline void plan_change_category(const directory& dir, const member_state& s, association_id m,
                                 const request& r, const level_verdict& v, const plan_class& c,
                                 bool suggest, plan_result& out) noexcept {
    application_plan& p = *out;
    if (auto no = check_categories(dir, m, v.levels, r.categories, p))
        return void(out = tl::unexpected(*no));
    level_set unchanged;
    for (level l : v.levels)
        if (s.categories[l] == r.categories[l]) unchanged.insert(l);
    if (!unchanged.empty()) {
        request alt = r;
        alt.levels = v.levels - unchanged;
        alt.categories = only(r.categories, alt.levels);
        auto no = refuse(refusal_code::category_unchanged, texts::msg_category_unchanged,
                         "request.categories");
        no.value().levels = unchanged;
        for (level l : unchanged) {
            no.value().associations.push_back(checked_of(dir, at_level(dir, m, l)));
            if (no.value().value.empty()) no.value().value = r.categories[l];
        }
        if (alt.levels.empty()) return void(out = no);
        return void(out = with_suggestion(no, dir, s, alt, suggest));
    }
    take_class(c, p);
    for (level l : v.levels) p.checked.push_back(checked_of(dir, at_level(dir, m, l)));
    complete(dir, s, r, m, v.after, v.levels, c, p);
}

inline void plan_change_facility(const directory& dir, const member_state& s, association_id m,
                                 const request& r, const level_verdict& v, const plan_class& c,
                                 plan_result& out) noexcept {
    if (!given_levels(r.categories).empty())
        return void(out = refuse(refusal_code::invalid_request, texts::msg_categories_not_used,
                                 "request.categories"));
    application_plan& p = *out;
    take_class(c, p);
    p.checked.push_back(checked_of(dir, m));
    complete(dir, s, r, m, v.after, {}, c, p);
}

} // namespace detail

/// The levels whose association a transfer from municipal association `from` to `to` changes,
/// for a member holding `held` (rules.md §4.3): the municipal one, and the prefectural one when
/// it is held and the destination lies in another prefecture; none when `from` is `to`. JMA
/// membership continues. These
/// are the levels that need a category and that the form ticks.
inline level_set transfer_changes(const directory& dir, association_id from, association_id to,
                                  level_set held) noexcept {
    if (from == to) return {}; // nothing moves (plan() refuses it: same_association)
    level_set changes{level::municipal};
    if (held.contains(level::prefectural) && dir.parent(from) != dir.parent(to))
        changes.insert(level::prefectural);
    return changes;
}

namespace detail {

inline void plan_transfer(const directory& dir, const member_state& s, association_id m,
                          const request& r, const level_verdict& v, const plan_class& c,
                          bool suggest, plan_result& out) noexcept {
    const auto dest = municipal_of(dir, r.municipal);
    if (!dest) return void(out = tl::unexpected(dest.error()));
    if (*dest == m)
        return void(out = with_suggestion(refuse(refusal_code::same_association,
                                                 texts::msg_same_association, "request.municipal"),
                                          dir, s, variant_of(r, operation::change_facility),
                                          suggest));
    const association_id from_pref = at_level(dir, m, level::prefectural);
    const association_id to_pref = at_level(dir, *dest, level::prefectural);
    const bool across = from_pref != to_pref;
    const level_set changes = transfer_changes(dir, m, *dest, v.after);
    // Categories for held levels whose association does not change are not applied (a note
    // says so); one for a level not held is a mistake.
    const level_set given = given_levels(r.categories);
    if (!v.after.includes(given))
        return void(out = refuse(refusal_code::invalid_request, texts::msg_category_for_other_level,
                                 "request.categories"));
    application_plan& p = *out;
    if (auto no = check_categories(dir, *dest, changes, only(r.categories, changes), p))
        return void(out = tl::unexpected(*no));
    if (const level_set ignored = given - changes; !ignored.empty())
        p.notes.push_back(
            {note_kind::category_ignored, &texts::note_category_ignored, ignored, {}});
    take_class(c, p);
    for (level l : changes) p.checked.push_back(checked_of(dir, at_level(dir, *dest, l)));
    if (v.after.contains(level::prefectural)) {
        if (across)
            p.notes.push_back({note_kind::prefectural_moves, &texts::note_prefectural_moves,
                               level_set{level::prefectural}, dir[to_pref].code});
        else
            p.notes.push_back({note_kind::prefectural_stays, &texts::note_prefectural_stays,
                               level_set{level::prefectural}, dir[from_pref].code});
    }
    if (v.after.contains(level::national))
        p.notes.push_back({note_kind::national_continues, &texts::note_national_continues,
                           level_set{level::national}, dir[directory::national()].code});
    if (across) p.rule = c.rule_across;
    complete(dir, s, r, *dest, v.after, changes, c, p);
}

inline void plan_withdraw(const directory& dir, const member_state& s, association_id m,
                          const request& r, const level_verdict& v, const plan_class& c,
                          plan_result& out) noexcept {
    if (!given_levels(r.categories).empty())
        return void(out = refuse(refusal_code::invalid_request, texts::msg_categories_not_used,
                                 "request.categories"));
    application_plan& p = *out;
    take_class(c, p); // with the cascade's note, if any
    for (level l : v.levels) p.checked.push_back(checked_of(dir, at_level(dir, m, l)));
    complete(dir, s, r, m, v.after, {}, c, p);
}

/// The plan of a legal request of class `c`, or its refusal, made in the result returned (every
/// return is `out`: the caller's object, no copy).
inline plan_result plan_for(const directory& dir, const member_state& s, association_id m,
                            const request& r, const level_verdict& v, const plan_class& c,
                            bool suggest) noexcept {
    plan_result out{tl::in_place};
    if (r.op == operation::join)
        plan_join(dir, s, r, v, c, out);
    else if (r.op == operation::additional_join)
        plan_additional_join(dir, s, m, r, v, c, out);
    else if (r.op == operation::change_category)
        plan_change_category(dir, s, m, r, v, c, suggest, out);
    else if (r.op == operation::change_facility)
        plan_change_facility(dir, s, m, r, v, c, out);
    else if (r.op == operation::transfer)
        plan_transfer(dir, s, m, r, v, c, suggest, out);
    else // withdraw: plan_impl refused an operation out of range
        plan_withdraw(dir, s, m, r, v, c, out);
    return out;
}

inline plan_result plan_impl(const directory& dir, const member_state& s, const request& r,
                             bool suggest) noexcept {
    const auto mi = check_member(dir, s);
    if (!mi) return tl::unexpected(mi.error());
    const level_set levels = r.op == operation::change_category && r.levels.empty()
                                 ? given_levels(r.categories)
                                 : r.levels;
    // The class's verdict and plan, looked up (computed at compile time); an operation out of
    // range (a cast from a bad integer) is judged, and refused below.
    const std::size_t entry = level_entry(mi->held, r.op, levels, r.cascade);
    const bool known_op = static_cast<std::size_t>(r.op) < n_operations;
    level_verdict judged;
    if (!known_op) judged = judge_levels(mi->held, r.op, levels, r.cascade);
    const level_verdict& v = known_op ? verdict_table[entry] : judged;
    if (!v.ok) return refuse_levels(dir, s, r, v, suggest);
    if (r.op != operation::join && r.op != operation::transfer && !r.municipal.empty() &&
        !detail::same_code(r.municipal, s.municipal))
        return refuse(refusal_code::invalid_request, texts::msg_municipal_not_used,
                      "request.municipal");
    if (!known_op)
        return refuse(refusal_code::invalid_request, texts::msg_invalid_request,
                      "request.operation");
    const plan_class& c = plan_classes.classes[plan_classes.of[entry] - 1u][r.proxy ? 1 : 0];
    return plan_for(dir, s, mi->m, r, v, c, suggest);
}

} // namespace detail

/// Plans `r` for member `s` against directory `dir`: an exact, legal plan, or a refusal with a
/// stable code, a message and, where one exists, a suggested request that succeeds.
/// Allocates nothing; the plan refers to strings of `dir` and `r`, which must outlive it.
inline plan_result plan(const directory& dir, const member_state& s, const request& r) noexcept {
    return detail::plan_impl(dir, s, r, true);
}

/// The legality check of the membership state machine alone: the refusal code the levels
/// give (held, operation, requested levels, cascade), or nullopt when the transition is legal.
/// A table lookup, computed at compile time from judge_levels().
inline std::optional<refusal_code> check_levels(level_set held, operation op, level_set levels,
                                                bool cascade = false) noexcept {
    return detail::levels_table[detail::level_entry(held, op, levels, cascade)];
}

/// The whole check without building suggestions: nullopt when `r` is legal for `s`.
inline std::optional<refusal_code> check(const directory& dir, const member_state& s,
                                         const request& r) noexcept {
    const auto p = detail::plan_impl(dir, s, r, false);
    if (p) return std::nullopt;
    return p.error().code;
}

/// The JMA category for a doctor's role and insurance choice, or the `no_category` refusal.
inline tl::expected<const jma_category*, refusal> jma_category_for(doctor_role role,
                                                                   bool opt_out) noexcept {
    if (const jma_category* c = recommend_jma_category(role, opt_out)) return c;
    return detail::refuse(refusal_code::no_category, texts::msg_no_category, "role");
}

} // namespace mamisguide
