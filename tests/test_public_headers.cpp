// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Public header functions that no other test called (issue 31): guide_answer_of (guide.hpp) and
// level_set::erase (levels.hpp), checked against the guide's own table and against the set's
// other operations. And what every to_string and label gives for a value that is none of its
// enumeration's (a cast from a wider integer): a defined answer, never a fall off the switch.
#define BOOST_TEST_MODULE public_headers
#include <boost/test/unit_test.hpp>

#include <mamisguide/categories.hpp>
#include <mamisguide/detail/csv.hpp>
#include <mamisguide/guide.hpp>
#include <mamisguide/holidays.hpp>
#include <mamisguide/levels.hpp>
#include <mamisguide/load_error.hpp>
#include <mamisguide/plan.hpp>
#include <mamisguide/request.hpp>
#include <mamisguide/support.hpp>

#include <string>

namespace mg = mamisguide;

BOOST_AUTO_TEST_CASE(guide_answer_of_finds_each_answer_as_typed) {
    int answers = 0;
    for (const mg::guide_node* n = mg::guide_begin(); n != mg::guide_end(); ++n) {
        for (std::size_t i = 0; i < n->answer_count; ++i) {
            const mg::guide_answer& a = n->answers[i];
            BOOST_TEST(mg::guide_answer_of(*n, a.value) == &a);
            // As people type it: surrounding spaces (an ideographic one too) and full-width
            // letters are the same answer.
            const std::string typed = " " + std::string(a.value) + "\xE3\x80\x80";
            BOOST_TEST(mg::guide_answer_of(*n, typed) == &a);
            std::string wide;
            for (char c : a.value) {
                if (c >= 'a' && c <= 'z') {
                    const unsigned cp = 0xFF41u + static_cast<unsigned>(c - 'a'); // ａ…ｚ
                    wide += static_cast<char>(0xE0 | (cp >> 12));
                    wide += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                    wide += static_cast<char>(0x80 | (cp & 0x3F));
                } else {
                    wide += c;
                }
            }
            BOOST_TEST(mg::guide_answer_of(*n, wide) == &a, a.value << " typed " << wide);
            // The answer leads to a node of the guide.
            BOOST_TEST(mg::guide_find(a.next) != nullptr, a.next);
            ++answers;
        }
        BOOST_TEST(mg::guide_answer_of(*n, "no such answer") == nullptr);
        BOOST_TEST(mg::guide_answer_of(*n, "") == nullptr);
        if (n->leaf) BOOST_TEST(n->answer_count == 0u);
    }
    BOOST_TEST(answers > 0);
    // A value of another question is not an answer here.
    const mg::guide_node& root = mg::guide_root();
    BOOST_REQUIRE(root.answer_count > 0u);
    const mg::guide_node* next = mg::guide_find(root.answers[0].next);
    BOOST_REQUIRE(next);
    for (std::size_t i = 0; i < root.answer_count; ++i) {
        bool also_there = false;
        for (std::size_t k = 0; k < next->answer_count; ++k)
            also_there |= next->answers[k].value == root.answers[i].value;
        if (!also_there) BOOST_TEST(mg::guide_answer_of(*next, root.answers[i].value) == nullptr);
    }
}

BOOST_AUTO_TEST_CASE(level_set_erase_is_the_inverse_of_insert) {
    for (unsigned bits = 0; bits < 8; ++bits) {
        for (mg::level l : mg::all_levels) {
            mg::level_set s = mg::level_set::from_bits(bits);
            const bool had = s.contains(l);
            s.erase(l);
            BOOST_TEST(!s.contains(l));
            BOOST_TEST(s.size() == mg::level_set::from_bits(bits).size() - (had ? 1u : 0u));
            for (mg::level o : mg::all_levels)
                if (o != l) BOOST_TEST(s.contains(o) == mg::level_set::from_bits(bits).contains(o));
            BOOST_TEST(s.bits() < 8u);
            s.insert(l);
            BOOST_TEST(s.contains(l));
            if (had) BOOST_TEST(s.bits() == bits);
        }
    }
    mg::level_set all = mg::level_set::chain(3);
    all.erase(mg::level::prefectural);
    BOOST_TEST(!all.is_chain());
    all.erase(mg::level::national);
    BOOST_TEST((all == mg::level_set{mg::level::municipal}));
    all.erase(mg::level::municipal);
    BOOST_TEST(all.empty());
}

namespace {
// A value none of the enumerations has, read from a volatile so that the call happens at run time.
template <class E>
E not_an_enumerator() {
    volatile unsigned char v = 0xEE;
    return static_cast<E>(v);
}

bool empty(const mg::bitext& t) {
    return std::string(t.ja ? t.ja : "").empty() && std::string(t.en ? t.en : "").empty();
}
} // namespace

BOOST_AUTO_TEST_CASE(names_of_a_value_outside_the_enumeration) {
    // Names without a neutral answer fall back to the enumeration's first, or most general, one.
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::level>()) == "municipal");
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::doctor_role>()) == "other");
    BOOST_TEST(mg::recommend_jma_category(not_an_enumerator<mg::doctor_role>(), false) == nullptr);
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::refusal_code>()) == "invalid_request");
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::form_kind>()) == "admission");
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::mypage>()) == "yes");
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::operation>()) == "join");
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::support_reason>()) == "open");
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::load_error_kind>()) == "unreadable");
    // The others give nothing: an empty name, an empty text in both languages.
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::selection>()).empty());
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::state_problem>()).empty());
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::note_kind>()).empty());
    BOOST_TEST(mg::to_string(not_an_enumerator<mg::text_encoding>()).empty());
    BOOST_TEST(empty(mg::label(not_an_enumerator<mg::level>())));
    BOOST_TEST(empty(mg::label(not_an_enumerator<mg::load_error_kind>())));
    BOOST_TEST(empty(mg::label(not_an_enumerator<mg::load_notice_kind>())));
    BOOST_TEST(empty(mg::label(not_an_enumerator<mg::guide_input>())));
    BOOST_TEST(empty(mg::label(not_an_enumerator<mg::weekday>())));
    BOOST_TEST(empty(mg::label(not_an_enumerator<mg::holiday_kind>())));
    BOOST_TEST(empty(mg::label(not_an_enumerator<mg::holiday_errc>())));
    BOOST_TEST(empty(mg::label(not_an_enumerator<mg::parse_errc>())));
    BOOST_TEST(empty(mg::label(not_an_enumerator<mg::support_reason>())));
    BOOST_TEST(empty(mg::label(not_an_enumerator<mg::support_errc>())));
}
