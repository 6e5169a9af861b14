// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Exhaustive: every member state against every request shape on a small directory (two
// prefectures with two municipal associations each, catalogues for some), each answer checked
// against the transition graph, check_levels(), check(), and an independent oracle written
// here from rules.md §2–§4 and the documented check order.
#define BOOST_TEST_MODULE test_exhaustive
#include <boost/test/unit_test.hpp>

#include <mamisguide/mamisguide.hpp>

#include "exhaustive_cases.hpp"
#include "rules_fixtures.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

using namespace mamisguide;

namespace {

using namespace mg_exhaustive; // the world and the enumeration (support/exhaustive_cases.hpp)

const directory& dir() {
    static const directory d = [] {
        const auto m = load_master(directory::builtin(), master_csv, "exhaustive-master");
        BOOST_TEST_REQUIRE(m.has_value());
        const auto c = load_categories(*m, categories_csv, "exhaustive-categories");
        BOOST_TEST_REQUIRE(c.has_value());
        return *c;
    }();
    return d;
}

// ---- the oracle: rules.md §2–§4 restated -------------------------------------------------------

/// The legal states, written out (rules.md §2).
const level_set chains[] = {level_set{}, level_set{M}, level_set{M, P}, level_set{M, P, N}};
bool legal(level_set s) {
    for (level_set c : chains)
        if (c == s) return true;
    return false;
}
bool takes_levels(operation op) {
    return op == operation::join || op == operation::additional_join ||
           op == operation::change_category || op == operation::withdraw;
}

struct level_answer {
    std::optional<refusal_code> code;
    level_set ticked; ///< the levels the form names (none for change_facility / transfer)
    level_set after;
    bool cascaded = false;
};

/// §2–§4 for levels alone, in the documented order.
level_answer oracle_levels(level_set held, operation op, level_set asked, bool cascade) {
    level_answer a;
    auto no = [&](refusal_code c) {
        a.code = c;
        return a;
    };
    if (!legal(held)) return no(refusal_code::invalid_state);
    if (op != operation::join && held.empty()) return no(refusal_code::not_a_member);
    if (cascade && op != operation::withdraw) return no(refusal_code::invalid_request);
    if (takes_levels(op) == asked.empty()) return no(refusal_code::invalid_request);
    switch (op) {
    case operation::join: // §4.1: from no membership to one of the three chains
        if (!held.empty()) return no(refusal_code::already_member);
        if (!legal(asked)) return no(refusal_code::illegal_levels);
        a.ticked = a.after = asked;
        return a;
    case operation::additional_join: // §4.2: add levels so that a chain results
        if (!(asked & held).empty()) return no(refusal_code::level_already_held);
        if (!legal(held | asked)) return no(refusal_code::illegal_levels);
        a.ticked = asked;
        a.after = held | asked;
        return a;
    case operation::change_category: // §4.3: held levels only
        if (!held.includes(asked)) return no(refusal_code::level_not_held);
        a.ticked = asked;
        a.after = held;
        return a;
    case operation::change_facility:
    case operation::transfer:
        a.after = held;
        return a;
    case operation::withdraw: { // §4.4: what remains must be a chain
        if (!held.includes(asked)) return no(refusal_code::level_not_held);
        if (legal(held - asked)) {
            a.ticked = asked;
            a.after = held - asked;
            return a;
        }
        if (!cascade) return no(refusal_code::illegal_levels);
        // The smallest withdrawal that contains the one asked for and leaves a chain.
        std::optional<level_set> best;
        for (unsigned bits = 0; bits < 8; ++bits) {
            const level_set w = level_set::from_bits(bits);
            if (held.includes(w) && w.includes(asked) && legal(held - w) &&
                (!best || w.size() < best->size()))
                best = w;
        }
        a.ticked = *best;
        a.after = held - *best;
        a.cascaded = true;
        return a;
    }
    }
    return no(refusal_code::invalid_request);
}

level_set given(const per_level<std::string_view>& c) {
    level_set s;
    for (level l : all_levels)
        if (!c[l].empty()) s.insert(l);
    return s;
}

struct expectation {
    std::optional<refusal_code> code;
    bool member_ok = false; ///< the member's state passed its checks
    level_answer levels;
    std::string_view target; ///< the municipal association after the application
    level_set need;          ///< the levels whose category the request must give
};

/// The whole decision, in the documented check order.
expectation oracle(const member_state& s, const request& r) {
    expectation e;
    auto no = [&](refusal_code c) {
        e.code = c;
        return e;
    };
    // the member's state
    if (!legal(s.levels)) return no(refusal_code::invalid_state);
    if (!s.levels.empty() && s.municipal.empty()) return no(refusal_code::invalid_request);
    if (s.levels.empty() && !s.municipal.empty()) return no(refusal_code::invalid_state);
    if (!s.prefectural.empty() && !s.levels.contains(P)) return no(refusal_code::invalid_state);
    if (!s.levels.includes(given(s.categories))) return no(refusal_code::invalid_state);
    if (!s.levels.empty()) {
        const known* k = lookup(s.municipal);
        if (!k) return no(refusal_code::unknown_association);
        if (k->lvl != M) return no(refusal_code::level_mismatch);
        if (!s.prefectural.empty() && s.prefectural != k->parent)
            return no(refusal_code::invalid_state);
    }
    e.member_ok = true;
    // the levels
    const level_set asked =
        r.op == operation::change_category && r.levels.empty() ? given(r.categories) : r.levels;
    e.levels = oracle_levels(s.levels, r.op, asked, r.cascade);
    if (e.levels.code) return no(*e.levels.code);
    // request.municipal names the member's own association, if anything, except for
    // join and transfer
    const bool names_target = r.op == operation::join || r.op == operation::transfer;
    if (!names_target && !r.municipal.empty() && r.municipal != s.municipal)
        return no(refusal_code::invalid_request);
    e.target = s.municipal;
    if (names_target) {
        if (r.municipal.empty()) return no(refusal_code::invalid_request);
        const known* k = lookup(r.municipal);
        if (!k) return no(refusal_code::unknown_association);
        if (k->lvl != M) return no(refusal_code::level_mismatch);
        if (r.op == operation::transfer && r.municipal == s.municipal)
            return no(refusal_code::same_association);
        e.target = r.municipal;
    }
    // categories
    const level_set g = given(r.categories);
    if (r.op == operation::change_facility || r.op == operation::withdraw) {
        if (!g.empty()) return no(refusal_code::invalid_request);
        return e;
    }
    e.need = e.levels.ticked;
    if (r.op == operation::transfer) {
        e.need = level_set{M};
        if (s.levels.contains(P) && at(s.municipal, P) != at(e.target, P)) e.need.insert(P);
        // categories for held levels that do not move are ignored (with a note)
        if (!s.levels.includes(g)) return no(refusal_code::invalid_request);
    } else if (!e.need.includes(g)) {
        return no(refusal_code::invalid_request);
    }
    for (level l : e.need)
        if (r.categories[l].empty()) return no(refusal_code::category_required);
    for (level l : e.need) {
        const known& k = *lookup(at(e.target, l));
        if (has_catalogue(k) && !in_catalogue(k, r.categories[l]))
            return no(refusal_code::unknown_category);
    }
    if (r.op == operation::change_category)
        for (level l : e.need)
            if (s.categories[l] == r.categories[l]) return no(refusal_code::category_unchanged);
    return e;
}

std::string label(const member_state& s, const request& r) {
    std::ostringstream os;
    os << "member{" << to_string(s.page) << " " << s.municipal << " pref=" << s.prefectural << " "
       << s.levels << " cats=" << s.categories[M] << "," << s.categories[P] << ","
       << s.categories[N] << "} request{" << r.op << " " << r.levels << " mun=" << r.municipal
       << " cats=" << r.categories[M] << "," << r.categories[P] << "," << r.categories[N]
       << " cascade=" << r.cascade << " proxy=" << r.proxy << "}";
    return os.str();
}

struct failures {
    std::size_t count = 0;
    void operator()(const member_state& s, const request& r, const std::string& what) {
        if (++count <= 30) BOOST_ERROR(what << ": " << label(s, r));
    }
};

using edge_key = std::tuple<unsigned, operation, unsigned, unsigned>;

struct tally {
    std::size_t answers = 0, plans = 0, suggestions = 0;
    std::set<refusal_code> codes;
    std::set<edge_key> edges;
};

/// All checks of one answer.
void check_one(const transition_graph& g, const member_state& s, const request& r, failures& fail,
               tally& t) {
    const plan_result res = plan(dir(), s, r);
    const expectation e = oracle(s, r);
    ++t.answers;

    // check() and check_levels() agree with plan()
    const std::optional<refusal_code> quick = check(dir(), s, r);
    if (quick != (res ? std::nullopt : std::optional<refusal_code>(res.error().code)))
        fail(s, r, "check() disagrees with plan()");
    const level_set asked =
        r.op == operation::change_category && r.levels.empty() ? given(r.categories) : r.levels;
    const auto by_levels = check_levels(s.levels, r.op, asked, r.cascade);
    if (res && by_levels) fail(s, r, "planned, but check_levels refuses");
    if (!res && e.member_ok && by_levels && res.error().code != *by_levels)
        fail(s, r, "refusal code differs from check_levels");

    if (!res) {
        const refusal& no = res.error();
        t.codes.insert(no.code);
        bool known_code = false;
        for (refusal_code c : all_refusal_codes) known_code |= c == no.code;
        if (!known_code || no.code == refusal_code::no_category)
            fail(s, r, "refusal code not one of §7's");
        if (!no.message || !no.message->ja || !no.message->en || !*no.message->ja ||
            !*no.message->en)
            fail(s, r, "refusal without a bilingual message");
        if (e.code != no.code) {
            std::ostringstream os;
            os << "oracle says " << (e.code ? to_string(*e.code) : "plan") << ", plan() refuses "
               << no.code;
            fail(s, r, os.str());
        }
        if (no.suggestion) {
            ++t.suggestions;
            const plan_result again = plan(dir(), s, *no.suggestion);
            if (!again) fail(s, r, "the suggestion is refused");
            if (oracle(s, *no.suggestion).code) fail(s, r, "the oracle refuses the suggestion");
        }
        return;
    }

    const auto& p = *res;
    ++t.plans;
    if (e.code) {
        fail(s, r, "oracle refuses with " + std::string(to_string(*e.code)) + ", plan() plans");
        return;
    }

    // The result: a legal chain hanging off a municipal association.
    const level_set after = p.result.levels;
    if (!legal(after) || !after.is_chain()) fail(s, r, "result is not a chain");
    if (after != e.levels.after) fail(s, r, "result levels differ from the oracle's");
    if (after.empty()) {
        if (!p.result.municipal.empty() || !p.result.prefectural.empty())
            fail(s, r, "empty result names an association");
    } else {
        const auto v = dir().find(p.result.municipal);
        if (!v || dir()[*v].lvl != level::municipal)
            fail(s, r, "result does not hang off a municipal association");
        if (p.result.municipal != e.target) fail(s, r, "result municipal differs");
        const std::string_view pref = after.contains(P) ? at(e.target, P) : std::string_view();
        if (p.result.prefectural != pref) fail(s, r, "result prefectural differs");
        if (v && after.contains(P) && dir()[*dir().parent(*v)].code != p.result.prefectural)
            fail(s, r, "result prefectural is not parent(municipal)");
    }
    // Categories after: changed levels take the request's, the others keep the member's.
    for (level l : all_levels) {
        std::string_view want;
        if (after.contains(l)) want = e.need.contains(l) ? r.categories[l] : s.categories[l];
        if (p.result.categories[l] != want) fail(s, r, "result category differs");
    }

    // The associations ticked are exactly those the application changes, computed from the
    // states before and after.
    struct assoc {
        level lvl;
        std::string_view code;
    };
    std::vector<assoc> want;
    auto holds = [](level_set levels, std::string_view m, level l, std::string_view code) {
        return levels.contains(l) && at(m, l) == code;
    };
    for (level l : all_levels) {
        const bool before_has = s.levels.contains(l);
        const std::string_view before_code = before_has ? at(s.municipal, l) : "";
        const bool after_has = after.contains(l);
        const std::string_view after_code = after_has ? at(e.target, l) : "";
        switch (r.op) {
        case operation::join:
        case operation::additional_join:
        case operation::transfer: // entered
            if (after_has && !holds(s.levels, s.municipal, l, after_code))
                want.push_back({l, after_code});
            break;
        case operation::withdraw: // left
            if (before_has && !holds(after, e.target, l, before_code))
                want.push_back({l, before_code});
            break;
        case operation::change_category: // whose category changes
            if (before_has && !r.categories[l].empty() && r.categories[l] != s.categories[l])
                want.push_back({l, before_code});
            break;
        case operation::change_facility: // the current municipal association
            if (l == M) want.push_back({l, before_code});
            break;
        }
    }
    bool same = want.size() == p.checked.size();
    for (std::size_t i = 0; same && i < want.size(); ++i) {
        const checked_association& c = p.checked[i];
        same = c.lvl == want[i].lvl && c.code == want[i].code && dir()[c.id].code == c.code &&
               dir()[c.id].name == c.name && dir()[c.id].lvl == c.lvl;
    }
    if (!same) fail(s, r, "ticked associations differ from the change of state");

    // Categories chosen: one per level needing one, checked where a catalogue exists.
    bool cats_ok = p.categories.size() == e.need.size();
    std::size_t unchecked = 0, i = 0;
    for (level l : e.need) {
        if (!cats_ok) break;
        const category_choice& c = p.categories[i++];
        const known& k = *lookup(at(e.target, l));
        cats_ok = c.lvl == l && c.code == r.categories[l] && c.checked == has_catalogue(k);
        unchecked += has_catalogue(k) ? 0 : 1;
    }
    if (!cats_ok) fail(s, r, "categories chosen differ");
    std::size_t notes_unchecked = 0, notes_cascade = 0, notes_proxy = 0;
    for (const note& n : p.notes) {
        notes_unchecked += n.kind == note_kind::category_unchecked;
        notes_cascade += n.kind == note_kind::cascade_applied;
        notes_proxy += n.kind == note_kind::proxy;
        if (!n.text || !*n.text->ja || !*n.text->en) fail(s, r, "note without text");
    }
    if (notes_unchecked != unchecked) fail(s, r, "category_unchecked notes differ");
    if (notes_cascade != (e.levels.cascaded ? 1u : 0u)) fail(s, r, "cascade note differs");
    if (notes_proxy != (r.proxy ? 1u : 0u)) fail(s, r, "proxy note differs");
    if (p.who != (r.proxy ? actor::secretariat : actor::member)) fail(s, r, "actor differs");
    const bitext* manual = r.op == operation::join || r.op == operation::additional_join
                               ? &texts::manual_admission
                           : r.op == operation::withdraw ? &texts::manual_withdrawal
                                                         : &texts::manual_transfer;
    if (p.manual != (r.proxy ? &texts::manual_proxy : manual)) fail(s, r, "manual differs");
    const std::size_t prereq = s.page == mypage::yes ? 0 : 1;
    if (p.prerequisites.size() != prereq) fail(s, r, "prerequisites differ");
    if (prereq &&
        p.prerequisites[0].kind != (s.page == mypage::no ? prerequisite_kind::user_registration
                                                         : prerequisite_kind::mypage_check))
        fail(s, r, "prerequisite kind differs");
    if (p.op != r.op || p.steps.empty() || p.rule.empty()) fail(s, r, "plan incomplete");

    // The transition is an edge of the state machine.
    level_set ticked;
    for (const checked_association& c : p.checked) ticked.insert(c.lvl);
    const level_set edge_levels =
        r.op == operation::change_facility || r.op == operation::transfer ? level_set{} : ticked;
    if (edge_levels != e.levels.ticked) fail(s, r, "levels ticked differ from the oracle's");
    if (!has_transition(g, s.levels, r.op, edge_levels, after))
        fail(s, r, "the transition is not an edge of the graph");
    t.edges.insert({s.levels.bits(), r.op, edge_levels.bits(), after.bits()});
}

} // namespace

BOOST_AUTO_TEST_CASE(oracle_levels_agrees_with_judge_levels) {
    // Every (held, operation, levels, cascade): the same verdict from both.
    for (unsigned h = 0; h < 8; ++h)
        for (operation op : all_operations)
            for (unsigned l = 0; l < 8; ++l)
                for (bool cascade : {false, true}) {
                    const level_set held = level_set::from_bits(h), asked = level_set::from_bits(l);
                    BOOST_TEST_CONTEXT("held " << held << " " << op << " " << asked << " cascade "
                                               << cascade) {
                        const level_answer o = oracle_levels(held, op, asked, cascade);
                        const level_verdict v = judge_levels(held, op, asked, cascade);
                        BOOST_TEST(v.ok == !o.code.has_value());
                        if (o.code) {
                            BOOST_TEST(v.code == *o.code);
                            BOOST_TEST(check_levels(held, op, asked, cascade) ==
                                           std::optional<refusal_code>(*o.code),
                                       "check_levels");
                            BOOST_TEST(v.message != nullptr);
                        } else {
                            BOOST_TEST(v.after == o.after);
                            BOOST_TEST(v.cascaded == o.cascaded);
                            if (op != operation::change_facility && op != operation::transfer)
                                BOOST_TEST(v.levels == o.ticked);
                            BOOST_TEST(!check_levels(held, op, asked, cascade).has_value());
                        }
                    }
                }
}

BOOST_AUTO_TEST_CASE(check_levels_agrees_with_transition_graph) {
    // Without cascade, a (held, operation, levels) is legal exactly when the graph has an edge
    // from `held` with that operation and those levels.
    const transition_graph g = make_transition_graph();
    for (unsigned h = 0; h < 8; ++h)
        for (operation op : all_operations)
            for (unsigned l = 0; l < 8; ++l) {
                const level_set held = level_set::from_bits(h), asked = level_set::from_bits(l);
                bool edge = false;
                for (level_set after : chains)
                    edge = edge || has_transition(g, held, op, asked, after);
                BOOST_TEST(!check_levels(held, op, asked).has_value() == edge,
                           "held " << held << " " << op << " " << asked);
            }
    // The graph's edges are exactly the oracle's legal transitions.
    std::size_t legal_count = 0;
    for (level_set held : chains)
        for (operation op : all_operations)
            for (unsigned l = 0; l < 8; ++l) {
                const level_answer o = oracle_levels(held, op, level_set::from_bits(l), false);
                if (o.code) continue;
                ++legal_count;
                BOOST_TEST(has_transition(g, held, op, o.ticked, o.after));
            }
    BOOST_TEST(legal_count == boost::num_edges(g));
}

BOOST_AUTO_TEST_CASE(every_member_state_against_every_request) {
    const transition_graph g = make_transition_graph();
    failures fail;
    tally t;
    for_each_case([&](const member_state& s, const request& r) { check_one(g, s, r, fail, t); });
    BOOST_TEST(fail.count == 0u);
    BOOST_TEST_MESSAGE(t.answers << " answers, " << t.plans << " plans, " << t.suggestions
                                 << " suggestions");
    BOOST_TEST(t.answers == case_count);
    BOOST_TEST(case_count == 8u * 7u * 3u * 3u * 3u * 6u * 8u * 7u * 22u * 2u * 2u);
    BOOST_TEST(t.plans > 10000u);
    BOOST_TEST(t.suggestions > 1000u);
    // Every refusal plan() can give was given.
    for (refusal_code c : all_refusal_codes)
        if (c != refusal_code::no_category) BOOST_TEST(t.codes.count(c) == 1u, to_string(c));
    // Every edge of the transition graph is produced by at least one plan.
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const edge_key k{g[boost::source(*it, g)].levels.bits(), g[*it].op, g[*it].levels.bits(),
                         g[boost::target(*it, g)].levels.bits()};
        BOOST_TEST(t.edges.count(k) == 1u, "edge " << g[boost::source(*it, g)].levels << " "
                                                   << g[*it].op << " " << g[*it].levels << " -> "
                                                   << g[boost::target(*it, g)].levels);
    }
    BOOST_TEST(t.edges.size() == boost::num_edges(g));
}
