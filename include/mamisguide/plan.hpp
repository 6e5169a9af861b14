// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — what plan() answers: a plan, or a refusal with a stable code (rules.md §4, §7).
//
// Everything here is a fixed-size value: texts are pointers to static bitext entries, names
// and codes are string_views into the directory or the caller's request. A plan stays valid
// while the directory and the request it was made from are alive.
#pragma once

#include "detail/fixed_vector.hpp"
#include "directory.hpp"
#include "request.hpp"
#include "text.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace mamisguide {

/// The refusal codes of rules.md §7. The numbers are stable and are the C ABI's statuses.
enum class refusal_code : std::uint8_t {
    invalid_request = 1,
    unknown_association = 2,
    level_mismatch = 3,
    invalid_state = 4,
    not_a_member = 5,
    already_member = 6,
    level_not_held = 7,
    level_already_held = 8,
    illegal_levels = 9,
    same_association = 10,
    category_required = 11,
    unknown_category = 12,
    category_unchanged = 13,
    no_category = 14,
};
inline constexpr refusal_code all_refusal_codes[] = {
    refusal_code::invalid_request,    refusal_code::unknown_association,
    refusal_code::level_mismatch,     refusal_code::invalid_state,
    refusal_code::not_a_member,       refusal_code::already_member,
    refusal_code::level_not_held,     refusal_code::level_already_held,
    refusal_code::illegal_levels,     refusal_code::same_association,
    refusal_code::category_required,  refusal_code::unknown_category,
    refusal_code::category_unchanged, refusal_code::no_category};

constexpr std::string_view to_string(refusal_code c) noexcept {
    switch (c) {
    case refusal_code::invalid_request:
        return "invalid_request";
    case refusal_code::unknown_association:
        return "unknown_association";
    case refusal_code::level_mismatch:
        return "level_mismatch";
    case refusal_code::invalid_state:
        return "invalid_state";
    case refusal_code::not_a_member:
        return "not_a_member";
    case refusal_code::already_member:
        return "already_member";
    case refusal_code::level_not_held:
        return "level_not_held";
    case refusal_code::level_already_held:
        return "level_already_held";
    case refusal_code::illegal_levels:
        return "illegal_levels";
    case refusal_code::same_association:
        return "same_association";
    case refusal_code::category_required:
        return "category_required";
    case refusal_code::unknown_category:
        return "unknown_category";
    case refusal_code::category_unchanged:
        return "category_unchanged";
    case refusal_code::no_category:
        return "no_category";
    }
    return "invalid_request";
}

enum class form_kind : std::uint8_t { admission, transfer, withdrawal };
constexpr std::string_view to_string(form_kind f) noexcept {
    switch (f) {
    case form_kind::admission:
        return "admission";
    case form_kind::transfer:
        return "transfer";
    case form_kind::withdrawal:
        return "withdrawal";
    }
    return "admission";
}

/// The box selected on the form; `none` on the withdrawal form (JSON null).
enum class selection : std::uint8_t {
    none,
    new_admission,
    additional,
    category_change,
    association_transfer
};
constexpr std::string_view to_string(selection s) noexcept {
    switch (s) {
    case selection::none:
        return "";
    case selection::new_admission:
        return "new";
    case selection::additional:
        return "additional";
    case selection::category_change:
        return "category_change";
    case selection::association_transfer:
        return "association_transfer";
    }
    return "";
}

enum class actor : std::uint8_t { member, secretariat };
constexpr std::string_view to_string(actor a) noexcept {
    return a == actor::secretariat ? "secretariat" : "member";
}

/// An association to tick on the form.
struct checked_association {
    level lvl = level::municipal;
    association_id id = 0;
    std::string_view code, name, name_en;
    std::string_view name_in(lang l) const noexcept {
        return l == lang::en && !name_en.empty() ? name_en : name;
    }
};

/// Why a member's given state is refused (`invalid_state`): which of its fields is at fault.
enum class state_problem : std::uint8_t {
    none,
    not_a_chain,              ///< member.levels: not a chain from the bottom
    municipal_without_levels, ///< member.municipal given, no level held
    prefectural_not_held,     ///< member.prefectural given, prefectural level not held
    category_not_held,        ///< member.categories for a level not held
    prefectural_mismatch,     ///< member.prefectural is not parent(member.municipal)
};
constexpr std::string_view to_string(state_problem p) noexcept {
    switch (p) {
    case state_problem::none:
        return "";
    case state_problem::not_a_chain:
        return "not_a_chain";
    case state_problem::municipal_without_levels:
        return "municipal_without_levels";
    case state_problem::prefectural_not_held:
        return "prefectural_not_held";
    case state_problem::category_not_held:
        return "category_not_held";
    case state_problem::prefectural_mismatch:
        return "prefectural_mismatch";
    }
    return "";
}

/// A refusal: a stable code, a message (static, Japanese and English), the field at fault
/// where there is one (e.g. "request.levels"), and a request that would succeed, if one exists.
///
/// What is at fault, named (fixed-size, so plan() still allocates nothing): the levels, the
/// associations (bottom first) and the value (an unknown code or category). refusal_text.hpp
/// turns these into a message that names them; the JSON writer adds them to `error`.
struct refusal {
    refusal() = default;
    refusal(refusal_code c, const bitext* m, std::string_view f = {},
            std::optional<request> s = std::nullopt) noexcept
        : code(c), message(m), field(f), suggestion(s) {}

    refusal_code code = refusal_code::invalid_request;
    const bitext* message = &texts::msg_invalid_request;
    std::string_view field;
    std::optional<request> suggestion;
    level_set levels;                                  ///< the levels at fault, if any
    fixed_vector<checked_association, 3> associations; ///< the associations at fault, bottom first
    std::string_view value;                            ///< the value at fault, if one
    state_problem problem = state_problem::none;       ///< invalid_state: the member's fault
    std::uint32_t line = 0, column = 0; ///< JSON that does not parse: where (1-based)
};

/// A category chosen on the form for one level.
struct category_choice {
    level lvl = level::municipal;
    std::string_view code;
    std::string_view label_ja, label_en; ///< empty when no catalogue could check the code
    bool checked = false;                ///< true when a catalogue knows the code
};

enum class prerequisite_kind : std::uint8_t { user_registration, mypage_check };
constexpr std::string_view to_string(prerequisite_kind k) noexcept {
    return k == prerequisite_kind::mypage_check ? "mypage_check" : "user_registration";
}

/// A step before the form (STEP 1 of the guide).
struct prerequisite {
    prerequisite_kind kind = prerequisite_kind::user_registration;
    fixed_vector<const bitext*, 4> steps;
    const bitext* manual = &texts::manual_user_registration;
    bool support_desk = false; ///< the desk's contact details belong with this step
};

enum class note_kind : std::uint8_t {
    cascade_applied,    ///< levels were added to a withdrawal (cascade)
    prefectural_moves,  ///< a transfer moves the prefectural membership too
    prefectural_stays,  ///< a transfer within the prefecture keeps it
    national_continues, ///< JMA membership continues through a transfer
    category_unchecked, ///< no catalogue could check a category
    proxy,              ///< the secretariat applies
    category_ignored,   ///< a transfer was given categories for levels that do not move
};
constexpr std::string_view to_string(note_kind k) noexcept {
    switch (k) {
    case note_kind::cascade_applied:
        return "cascade_applied";
    case note_kind::prefectural_moves:
        return "prefectural_moves";
    case note_kind::prefectural_stays:
        return "prefectural_stays";
    case note_kind::national_continues:
        return "national_continues";
    case note_kind::category_unchecked:
        return "category_unchecked";
    case note_kind::proxy:
        return "proxy";
    case note_kind::category_ignored:
        return "category_ignored";
    }
    return "";
}

struct note {
    note_kind kind = note_kind::proxy;
    const bitext* text = nullptr;
    level_set levels;             ///< the levels it concerns (added levels, unchecked level, …)
    std::string_view association; ///< the association it concerns, if one
};

/// A member's state after the application: the shape of the request's `member`.
struct state_view {
    std::string_view municipal;   ///< empty when no level is held
    std::string_view prefectural; ///< parent(municipal) when prefectural is held, else empty
    level_set levels;
    per_level<std::string_view> categories;
};

/// An exact, legal plan: what plan() returns. (Named application_plan because the function
/// plan() would otherwise hide the type.)
struct application_plan {
    operation op = operation::join;
    form_kind form = form_kind::admission;
    selection sel = selection::none;
    const bitext* form_label = &texts::form_admission;
    const bitext* selection_label = nullptr;      ///< null on the withdrawal form
    const bitext* guide_case = nullptr;           ///< the flowchart's name for this case
    const bitext* guide_instruction = nullptr;    ///< what the flowchart says to tick, if it does
    fixed_vector<checked_association, 3> checked; ///< bottom level first
    fixed_vector<category_choice, 3> categories;  ///< bottom level first
    fixed_vector<prerequisite, 1> prerequisites;
    fixed_vector<const bitext*, 8> steps;
    const bitext* manual = nullptr;
    actor who = actor::member;
    state_view result;
    fixed_vector<note, 8> notes;
    std::string_view rule;   ///< the rule that allowed it, for audit logs
    std::string_view reason; ///< 異動事由, passed through
    /// The compiled class the plan was made from (rules.hpp's plan_classes): 1 + 2 × its
    /// number + 1 when by proxy; 0 for a plan not made by plan(). The JSON writer copies that
    /// class's fixed text, rendered once, instead of writing it field by field.
    std::uint16_t class_id = 0;
};

} // namespace mamisguide
