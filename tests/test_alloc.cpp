// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The hot path allocates nothing: with every global operator new replaced by a counting one,
// plan() (plans and refusals with suggestions, all six operations, MyPage unknown, proxy,
// cascade), check_levels(), check() and association_candidates() (a mistyped code's candidates)
// perform no allocation once the directory is loaded; the CP932 decoder allocates only its output.
#define BOOST_TEST_MODULE test_alloc
#include <boost/test/unit_test.hpp>

#include <mamisguide/mamisguide.hpp>

#include "alloc_counter.hpp" // tests/support: every global operator new, counted
#include "rules_fixtures.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

using namespace mamisguide;

namespace {

using mg_test::M, mg_test::P, mg_test::N, mg_test::cats, mg_test::member;

struct one {
    member_state s;
    request r;
    bool ok;              ///< a plan is expected (else a refusal)
    bool with_suggestion; ///< a refusal with a suggestion is expected
};

/// A directory, loaded before counting starts.
const directory& dir() {
    static const directory d = [] {
        const auto m = load_master_file(directory::builtin(), MG_SAMPLE_MASTER);
        BOOST_TEST_REQUIRE(m.has_value());
        const auto c = load_categories_file(*m, MG_SOURCE_DIR "/data/sample-categories.csv");
        BOOST_TEST_REQUIRE(c.has_value());
        return *c;
    }();
    return d;
}

std::vector<one> cases() {
    const level_set m_{M}, mp{M, P}, mpn{M, P, N}, p_{P}, n_{N}, pn{P, N};
    std::vector<one> v;
    // plans: all six operations
    v.push_back(
        {member({}, {}), requests::join("13-chiyoda", mpn, cats("A", "B", "A1")), true, false});
    v.push_back({member({}, {}, {}, mypage::unknown),
                 requests::join("14-yokohama", mp, cats("Y", "K")), true, false});
    v.push_back({member({}, {}, {}, mypage::no), requests::join("13-setagaya", m_, cats("S")), true,
                 false});
    v.push_back({member("13-chiyoda", m_, cats("A")),
                 requests::additional_join(pn, cats({}, "A", "A2B")), true, false});
    v.push_back({member("13-chiyoda", mpn, cats("A", "A", "A2B")),
                 requests::change_category(cats("B", {}, "B")), true, false});
    v.push_back({member("13-chiyoda", mp), requests::change_facility("移転"), true, false});
    v.push_back({member("13-chiyoda", mpn, cats("A", "A", "A1"), mypage::unknown),
                 requests::transfer("14-yokohama", cats("Y", "K"), "転勤"), true, false});
    v.push_back(
        {member("13-chiyoda", mpn), requests::transfer("13-shinjuku", cats("S")), true, false});
    v.push_back({member("13-chiyoda", mpn), requests::withdraw(n_), true, false});
    v.push_back({member("13-chiyoda", mpn, cats({}, {}, "A2B")), requests::withdraw(m_, true), true,
                 false}); // cascade
    // refusals with suggestions
    v.push_back({member("13-chiyoda", mpn), requests::withdraw(m_), false, true});
    v.push_back({member("13-chiyoda", mpn), requests::withdraw(p_), false, true});
    v.push_back({member("13-chiyoda", m_, cats("A")),
                 requests::join("13-chiyoda", mp, cats("A", "B")), false, true});
    v.push_back({member("13-chiyoda", mp), requests::additional_join(pn, cats({}, "A", "A1")),
                 false, true});
    v.push_back(
        {member("13-chiyoda", mp), requests::transfer("13-chiyoda", cats("A")), false, true});
    v.push_back({member({}, {}),
                 requests::join("13-chiyoda", level_set{M, N}, cats("A", "B", "A1")), false, true});
    v.push_back({member("13-chiyoda", mpn, cats("A", "A", "A2B")),
                 requests::change_category(cats("B", {}, "A2B")), false, true});
    // refusals without suggestions
    v.push_back({member({}, {}), requests::withdraw(m_), false, false});
    v.push_back({member("13-nowhere", m_), requests::change_facility(), false, false});
    v.push_back(
        {member({}, {}), requests::join("13-chiyoda", mpn, cats("A", "B", "Z")), false, false});
    v.push_back({member({}, level_set{P}), requests::change_facility(), false, false});
    // codes as people type them (full width, ideographic spaces): folded on the fly, no buffer
    v.push_back({member({}, {}),
                 requests::join("\u3000１３－ｃｈｉｙｏｄａ", mpn, cats("Ａ", "Ｂ", "Ａ１")), true,
                 false});
    v.push_back({member("１３－ｃｈｉｙｏｄａ ", mpn, cats("A", "A", "A2B")),
                 requests::change_category(cats("Ｂ", {}, "Ｂ")), true, false});
    v.push_back({member("１３－ｃｈｉｙｏｄａ", mp),
                 requests::transfer("１３－ｃｈｉｙｏｄａ", cats("A")), false, true});
    const std::size_t n = v.size();
    for (std::size_t i = 0; i < n; ++i) { // every one of them again as a proxy application
        one q = v[i];
        q.r.proxy = true;
        v.push_back(q);
    }
    return v;
}

} // namespace

namespace {
/// Keeps the compiler from eliding an allocation whose pointer it can see unused.
void escape(const void* p) {
    asm volatile("" : : "r"(p) : "memory");
}
} // namespace

BOOST_AUTO_TEST_CASE(counter_counts) {
    const std::size_t before = mg_alloc::allocations();
    {
        std::vector<int> v;
        v.push_back(1);
        escape(v.data());
    }
    BOOST_TEST(mg_alloc::allocations() == before + 1);
    const std::size_t mid = mg_alloc::allocations();
    int* i = new (std::nothrow) int(1);
    escape(i);
    delete i;
    struct alignas(64) wide {
        char c[64];
    };
    wide* w = new wide;
    escape(w);
    delete w;
    wide* ws = new wide[2];
    escape(ws);
    delete[] ws;
    BOOST_TEST(mg_alloc::allocations() == mid + 3);
}

BOOST_AUTO_TEST_CASE(plan_allocates_nothing) {
    const directory& d = dir();
    const std::vector<one> all = cases();
    BOOST_TEST_REQUIRE(all.size() > 30u);
    // Warm up whatever the first call initialises (function-local statics).
    for (const one& c : all) (void)plan(d, c.s, c.r);

    std::size_t plans = 0, refusals = 0, suggestions = 0;
    const std::size_t before = mg_alloc::allocations();
    for (int round = 0; round < 10; ++round)
        for (const one& c : all) {
            const plan_result r = plan(d, c.s, c.r);
            if (r) {
                ++plans;
            } else {
                ++refusals;
                if (r.error().suggestion) ++suggestions;
            }
        }
    const std::size_t after = mg_alloc::allocations();
    BOOST_TEST(after - before == 0u);

    // The cases are what they claim to be (checked outside the counted window).
    for (const one& c : all) {
        const plan_result r = plan(d, c.s, c.r);
        BOOST_TEST(r.has_value() == c.ok, to_string(c.r.op));
        if (!r) BOOST_TEST(r.error().suggestion.has_value() == c.with_suggestion);
    }
    BOOST_TEST(plans > 0u);
    BOOST_TEST(refusals > 0u);
    BOOST_TEST(suggestions > 0u);
}

BOOST_AUTO_TEST_CASE(check_and_check_levels_allocate_nothing) {
    const directory& d = dir();
    const std::vector<one> all = cases();
    for (const one& c : all) (void)check(d, c.s, c.r);
    std::size_t legal = 0;
    const std::size_t before = mg_alloc::allocations();
    for (const one& c : all)
        if (!check(d, c.s, c.r)) ++legal;
    for (unsigned h = 0; h < 8; ++h)
        for (operation op : all_operations)
            for (unsigned l = 0; l < 8; ++l)
                for (bool cascade : {false, true})
                    if (!check_levels(level_set::from_bits(h), op, level_set::from_bits(l),
                                      cascade))
                        ++legal;
    const std::size_t after = mg_alloc::allocations();
    BOOST_TEST(after - before == 0u);
    BOOST_TEST(legal > 0u);
}

// A refusal for a mistyped association code carries its candidates (the JSON door's
// `candidates`): association_candidates() searches the directory's texts folded at load and keeps
// the best as they come, so it allocates nothing either.
BOOST_AUTO_TEST_CASE(association_candidates_allocate_nothing) {
    const directory& d = dir();
    const std::string_view typed[] = {"13-chiyodo",   "13-CHIYODA", "１３－ｃｈｉｙｏｄ",
                                      "\u3000千代田", "Tokyo",      "yokohama",
                                      "99-9999",      "①",          "zz",
                                      "医師会"};
    for (std::string_view t : typed) (void)association_candidates(d, t);
    std::size_t found = 0;
    const std::size_t before = mg_alloc::allocations();
    for (std::string_view t : typed) found += association_candidates(d, t).size();
    const std::size_t after = mg_alloc::allocations();
    BOOST_TEST(after - before == 0u);
    BOOST_TEST(found >= 10u);
    BOOST_TEST(!d.find("13-chiyodo").has_value());
    BOOST_TEST(association_candidates(d, "13-chiyodo").size() >= 1u);
}

BOOST_AUTO_TEST_CASE(loading_does_allocate) {
    // The counter sees the loaders (which may allocate): the zero above is not an accident.
    const std::size_t before = mg_alloc::allocations();
    const auto d = load_master(directory::builtin(), "code,name,prefecture\n13-x,某医師会,13\n");
    BOOST_TEST(mg_alloc::allocations() > before);
    BOOST_TEST(d.has_value());
}

BOOST_AUTO_TEST_CASE(cp932_decoding_allocates_only_the_output) {
    // Issue 32: the CP932 decoder grows its output once, and not at all when it has room; a
    // refusal allocates nothing more. (One-byte katakana, two-byte kanji, an IBM extension.)
    const std::string_view sjis = "code,\xB6\xC0\xB6\xC5,\x88\xE3\x8E\x74\xFB\xFC\r\n";
    std::string out;
    std::size_t before = mg_alloc::allocations();
    BOOST_TEST(detail::cp932_to_utf8(sjis, out).ok());
    BOOST_TEST(mg_alloc::allocations() - before == 1u);
    BOOST_TEST(out == "code,\uFF76\uFF80\uFF76\uFF85,\u533B\u5E2B\u9AD9\r\n");
    out.clear(); // keeps its capacity
    before = mg_alloc::allocations();
    BOOST_TEST(detail::cp932_to_utf8(sjis, out).ok());
    BOOST_TEST(detail::cp932_to_utf8("\x81\x40\x85\x40", out).bad == 2u);
    BOOST_TEST(mg_alloc::allocations() - before == 0u);
}
