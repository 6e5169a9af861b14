// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the membership state machine as a typed graph: the four legal states are the
// vertices, every legal application an edge (operation + levels).
//
// The edges are written out here from the guide's own tables (rules.md §4), independently of
// judge_levels() in rules.hpp, so that each can be checked against the other.
#pragma once

#include "levels.hpp"
#include "request.hpp"
#include "text.hpp"

#include <boost/graph/adjacency_list.hpp>

namespace mamisguide {

/// A membership state: the chain of levels held.
struct membership_state {
    level_set levels;
    bitext label;
};

/// A legal application from one state to another.
struct membership_transition {
    operation op = operation::join;
    level_set levels; ///< the levels the application names (after a cascade, for withdrawals)
};

using transition_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                               membership_state, membership_transition>;

namespace detail {
struct transition_row {
    unsigned from, to; ///< chain lengths 0…3
    operation op;
    unsigned levels; ///< level bits
};
// M = 1, P = 2, N = 4
inline constexpr transition_row fixed_transitions[] = {
    // 新規入会: 郡市まで / 都道府県まで / 日医まで
    {0, 1, operation::join, 1},
    {0, 2, operation::join, 3},
    {0, 3, operation::join, 7},
    // 追加入会
    {1, 2, operation::additional_join, 2},
    {1, 3, operation::additional_join, 6},
    {2, 3, operation::additional_join, 4},
    // 退会: the six cases of the guide
    {1, 0, operation::withdraw, 1},
    {2, 1, operation::withdraw, 2},
    {2, 0, operation::withdraw, 3},
    {3, 2, operation::withdraw, 4},
    {3, 1, operation::withdraw, 6},
    {3, 0, operation::withdraw, 7},
};
} // namespace detail

/// Builds the state machine: 4 vertices ({}, {M}, {M,P}, {M,P,N}, vertex i = chain length i)
/// and every legal edge. 異動 keeps the state: change_category for each non-empty set of held
/// levels, change_facility and transfer with no levels named.
inline transition_graph make_transition_graph() {
    transition_graph g;
    const bitext labels[] = {texts::state_none, texts::state_municipal,
                             texts::state_municipal_prefectural, texts::state_all};
    for (unsigned i = 0; i < 4; ++i)
        boost::add_vertex(membership_state{level_set::chain(i), labels[i]}, g);
    for (const auto& t : detail::fixed_transitions)
        boost::add_edge(t.from, t.to, membership_transition{t.op, level_set::from_bits(t.levels)},
                        g);
    for (unsigned s = 1; s < 4; ++s) {
        const level_set held = level_set::chain(s);
        for (unsigned bits = 1; bits < 8; ++bits)
            if (held.includes(level_set::from_bits(bits)))
                boost::add_edge(
                    s, s,
                    membership_transition{operation::change_category, level_set::from_bits(bits)},
                    g);
        boost::add_edge(s, s, membership_transition{operation::change_facility, {}}, g);
        boost::add_edge(s, s, membership_transition{operation::transfer, {}}, g);
    }
    return g;
}

/// True if the graph has the edge before --op(levels)--> after.
inline bool has_transition(const transition_graph& g, level_set before, operation op,
                           level_set levels, level_set after) {
    if (!before.is_chain() || !after.is_chain()) return false;
    for (auto [e, end] = boost::out_edges(before.size(), g); e != end; ++e)
        if (boost::target(*e, g) == after.size() && g[*e].op == op && g[*e].levels == levels)
            return true;
    return false;
}

} // namespace mamisguide
