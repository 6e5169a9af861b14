// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Issue 28: plan() looks up its class — the verdict of (held levels, operation, requested
// levels, cascade) and the plan's static part, by member or by proxy — in tables computed at
// compile time. The tables must be judge_levels()'s answers, and every legal class must be a
// transition of the membership state machine (transitions.hpp, the Boost.Graph written from the
// guide's own tables, which stays the validator), every transition of it a class.
#define BOOST_TEST_MODULE test_plan_table
#include <boost/test/unit_test.hpp>

#include <mamisguide/mamisguide.hpp>
#include <mamisguide/transitions.hpp>

#include <set>
#include <tuple>

using namespace mamisguide;

namespace {

struct key {
    level_set held, levels;
    operation op;
    bool cascade;
};

key key_of(std::size_t i) {
    const std::size_t n_ops = detail::n_operations, n_sets = detail::n_level_sets;
    return {level_set::from_bits(static_cast<unsigned>(i / 2 / n_sets / n_ops)),
            level_set::from_bits(static_cast<unsigned>(i / 2 % n_sets)),
            static_cast<operation>(i / 2 / n_sets % n_ops), i % 2 != 0};
}

} // namespace

BOOST_AUTO_TEST_CASE(the_verdict_table_is_judge_levels) {
    BOOST_TEST_REQUIRE(detail::verdict_table.size() == detail::n_level_entries);
    for (std::size_t i = 0; i < detail::n_level_entries; ++i) {
        const key k = key_of(i);
        BOOST_TEST_REQUIRE(detail::level_entry(k.held, k.op, k.levels, k.cascade) == i);
        const level_verdict want = judge_levels(k.held, k.op, k.levels, k.cascade);
        const level_verdict& got = detail::verdict_table[i];
        BOOST_TEST_CONTEXT("entry " << i) {
            BOOST_TEST(got.ok == want.ok);
            BOOST_TEST((got.code == want.code));
            BOOST_TEST((got.message == want.message));
            BOOST_TEST(std::string_view(got.field) == std::string_view(want.field));
            BOOST_TEST((got.levels == want.levels));
            BOOST_TEST((got.after == want.after));
            BOOST_TEST(got.cascaded == want.cascaded);
            BOOST_TEST(got.has_suggestion == want.has_suggestion);
            BOOST_TEST((got.suggestion_op == want.suggestion_op));
            BOOST_TEST((got.suggestion == want.suggestion));
            BOOST_TEST((got.fault == want.fault));
            BOOST_TEST(check_levels(k.held, k.op, k.levels, k.cascade).has_value() == !want.ok);
        }
    }
}

BOOST_AUTO_TEST_CASE(every_class_is_a_transition_of_the_graph_and_back) {
    const transition_graph g = make_transition_graph();
    using edge = std::tuple<unsigned, operation, unsigned, unsigned>; // before, op, levels, after
    std::set<edge> reached;
    std::size_t legal = 0;
    for (std::size_t i = 0; i < detail::n_level_entries; ++i) {
        const key k = key_of(i);
        const level_verdict& v = detail::verdict_table[i];
        const std::uint8_t c = detail::plan_classes.of[i];
        BOOST_TEST_CONTEXT("entry " << i) {
            BOOST_TEST(((c != 0) == v.ok));
            if (!v.ok) continue;
            ++legal;
            BOOST_TEST_REQUIRE(c <= detail::n_plan_classes);
            // The levels an edge names: none for 異動 of the facility or association.
            const level_set edge_levels =
                k.op == operation::change_facility || k.op == operation::transfer ? level_set{}
                                                                                  : v.levels;
            BOOST_TEST(has_transition(g, k.held, k.op, edge_levels, v.after));
            reached.insert({k.held.bits(), k.op, edge_levels.bits(), v.after.bits()});
            // By the member and by proxy: the same plan but for who applies and its manual.
            const detail::plan_class& member = detail::plan_classes.classes[c - 1u][0];
            const detail::plan_class& proxy = detail::plan_classes.classes[c - 1u][1];
            BOOST_TEST((member.who == actor::member && !member.proxy_note));
            BOOST_TEST((proxy.who == actor::secretariat && proxy.proxy_note));
            BOOST_TEST((proxy.manual == &texts::manual_proxy));
            BOOST_TEST((member.manual != &texts::manual_proxy));
            BOOST_TEST((member.form == proxy.form && member.sel == proxy.sel &&
                        member.guide_case == proxy.guide_case && member.rule == proxy.rule &&
                        member.steps.size() == proxy.steps.size()));
            BOOST_TEST(!member.steps.empty());
            BOOST_TEST(!member.rule.empty());
            BOOST_TEST((member.cascade_note != nullptr) == v.cascaded);
            BOOST_TEST((member.form == form_kind::withdrawal) == (k.op == operation::withdraw));
        }
    }
    BOOST_TEST(legal == detail::n_plan_classes);
    // Every edge of the graph is some class's transition.
    std::size_t edges = 0;
    for (auto [e, end] = boost::edges(g); e != end; ++e, ++edges) {
        const auto before = level_set::chain(static_cast<unsigned>(boost::source(*e, g)));
        const auto after = level_set::chain(static_cast<unsigned>(boost::target(*e, g)));
        BOOST_TEST(
            reached.count({before.bits(), g[*e].op, g[*e].levels.bits(), after.bits()}) == 1u,
            "edge " << before.bits() << " " << to_string(g[*e].op) << " " << g[*e].levels.bits());
    }
    BOOST_TEST(edges == reached.size());
}
