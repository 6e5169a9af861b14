// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Public header functions that no other test called (issue 31): guide_answer_of (guide.hpp) and
// level_set::erase (levels.hpp), checked against the guide's own table and against the set's
// other operations. And what every to_string and label gives for a value that is none of its
// enumeration's (a cast from a wider integer): a defined answer, never a fall off the switch.
// Then every enumerator's name and label where no door asks for some of them, and the edges
// of the headers' small helpers (UTF-8, answers folded, refusal templates, the state machine, an
// operation out of range given to plan()).
#define BOOST_TEST_MODULE public_headers
#include <boost/test/unit_test.hpp>

#include <mamisguide/answers.hpp>
#include <mamisguide/categories.hpp>
#include <mamisguide/detail/csv.hpp>
#include <mamisguide/detail/utf8.hpp>
#include <mamisguide/directory.hpp>
#include <mamisguide/guide.hpp>
#include <mamisguide/holidays.hpp>
#include <mamisguide/levels.hpp>
#include <mamisguide/load_error.hpp>
#include <mamisguide/master.hpp>
#include <mamisguide/plan.hpp>
#include <mamisguide/refusal_text.hpp>
#include <mamisguide/request.hpp>
#include <mamisguide/rules.hpp>
#include <mamisguide/support.hpp>
#include <mamisguide/transitions.hpp>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

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

namespace {
// An argument known only at run time: a constexpr function called with it is run, not folded.
template <class T>
T at_run_time(T v) {
    volatile T x = v;
    return x;
}

bool both(const mg::bitext& t) {
    return t.ja && t.en && *t.ja && *t.en;
}
} // namespace

BOOST_AUTO_TEST_CASE(every_enumerator_has_its_own_name_and_label) {
    // load_error_kind: 21 kinds, each with its own wire name and its own text in both languages.
    std::set<std::string> names, ja, en;
    for (unsigned k = 0; k <= static_cast<unsigned>(mg::load_error_kind::not_text); ++k) {
        const auto kind = static_cast<mg::load_error_kind>(k);
        names.insert(std::string(mg::to_string(kind)));
        BOOST_TEST(both(mg::label(kind)), k);
        ja.insert(mg::label(kind).ja);
        en.insert(mg::label(kind).en);
    }
    BOOST_TEST(names.size() == 21u);
    BOOST_TEST(ja.size() == 21u);
    BOOST_TEST(en.size() == 21u);
    BOOST_TEST(mg::to_string(mg::load_error_kind::invalid_cp932) == "invalid_cp932");
    BOOST_TEST(std::string(mg::label(mg::load_error_kind::invalid_cp932).ja) ==
               mg::texts::load_invalid_cp932.ja);

    BOOST_TEST(mg::to_string(mg::text_encoding::automatic) == "auto");
    BOOST_TEST(mg::to_string(mg::text_encoding::utf8) == "utf-8");
    BOOST_TEST(mg::to_string(mg::text_encoding::cp932) == "cp932");

    // "none" has no name; the others are the contract's.
    BOOST_TEST(mg::to_string(mg::selection::none).empty());
    BOOST_TEST(mg::to_string(mg::selection::new_admission) == "new");
    BOOST_TEST(mg::to_string(mg::state_problem::none).empty());
    BOOST_TEST(mg::to_string(mg::state_problem::prefectural_mismatch) == "prefectural_mismatch");

    const mg::bitext h1 = mg::label(at_run_time(mg::holiday_errc::year_out_of_range));
    const mg::bitext h2 = mg::label(at_run_time(mg::holiday_errc::invalid_date));
    BOOST_TEST(both(h1));
    BOOST_TEST(both(h2));
    BOOST_TEST(std::string(h2.en) == "no such date");
    BOOST_TEST(std::string(h1.ja) != h2.ja);
    const mg::bitext s1 = mg::label(at_run_time(mg::support_errc::out_of_range));
    const mg::bitext s2 = mg::label(at_run_time(mg::support_errc::invalid_desk));
    BOOST_TEST(both(s2));
    BOOST_TEST(std::string(s2.en) == mg::texts::desk_invalid.en);
    BOOST_TEST(std::string(s1.en) != s2.en);

    // A month that is not 1-12 has no days; February follows the leap years.
    BOOST_TEST(mg::days_in_month(2026, at_run_time(0)) == 0);
    BOOST_TEST(mg::days_in_month(2026, at_run_time(13)) == 0);
    BOOST_TEST(mg::days_in_month(at_run_time(2024), 2) == 29);
    BOOST_TEST(mg::days_in_month(at_run_time(2100), 2) == 28);

    // A text made empty is no text in either language.
    // (Made on the heap: a local would be initialised with the constant, the constructor folded.)
    const auto none = std::make_unique<mg::bitext>();
    BOOST_TEST(none->ja == nullptr);
    BOOST_TEST(none->en == nullptr);
}

BOOST_AUTO_TEST_CASE(utf8_edges) {
    using mg::detail::utf8_invalid_at;
    constexpr auto npos = std::string_view::npos;
    // F4 leads the last plane: 8F is its last second byte (U+10FFFF), 90 would be past it.
    BOOST_TEST(utf8_invalid_at("\xF4\x8F\xBF\xBF") == npos);
    BOOST_TEST(utf8_invalid_at("a\xF4\x90\x80\x80") == 1u);
    BOOST_TEST(utf8_invalid_at("\xF0\x9F\x98\x80") == npos);
    BOOST_TEST(utf8_invalid_at("ab\xF0\x8F\xBF\xBF") == 2u); // overlong
    // put_char writes each length; a four-byte character too.
    std::string out;
    mg::detail::put_char(out, U'\U0001F600');
    mg::detail::put_char(out, U'\U0010FFFF');
    mg::detail::put_char(out, U'\u3042');
    mg::detail::put_char(out, U'\u00E9');
    mg::detail::put_char(out, U'A');
    BOOST_TEST(out == "\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF\xE3\x81\x82\xC3\xA9"
                      "A");
    BOOST_TEST(mg::detail::utf8_valid(out));
}

BOOST_AUTO_TEST_CASE(answers_fold_invalid_utf8_byte_by_byte) {
    // Characters past U+FFFF pass through folding whole.
    BOOST_TEST(mg::fold_answer("\xF0\x9F\x98\x80\xEF\xBC\xA1") == "\xF0\x9F\x98\x80"
                                                                  "A");
    // A lead byte whose next byte is no continuation is read alone (as the code point of its
    // value), and the byte after it is read again as itself: nothing is dropped or merged.
    BOOST_TEST(mg::fold_answer("\xE3"
                               "AB") == "\xC3\xA3"
                                        "AB");
    BOOST_TEST(mg::fold_answer("\xE3\x81"
                               "A") == "\xC3\xA3\xC2\x81"
                                       "A");
    // The valid character is still folded after it.
    BOOST_TEST(mg::fold_answer("\xE3"
                               "\xEF\xBC\xA1") == "\xC3\xA3"
                                                  "A");
}

BOOST_AUTO_TEST_CASE(refusal_messages_at_their_edges) {
    // invalid_state without a problem named: the static message, as it is.
    mg::refusal r(mg::refusal_code::invalid_state, &mg::texts::msg_state_not_chain,
                  "member.levels");
    std::string text;
    mg::detail::string_out out{text};
    mg::write_refusal_message(out, r, mg::lang::en);
    BOOST_TEST(text == mg::texts::msg_state_not_chain.en);
    // A problem none of the enumeration's (a cast): the static message too.
    r.problem = not_an_enumerator<mg::state_problem>();
    text.clear();
    mg::write_refusal_message(out, r, mg::lang::ja);
    BOOST_TEST(text == mg::texts::msg_state_not_chain.ja);
    // A template's braces that name nothing the refusal has are kept as they are.
    mg::refusal v(mg::refusal_code::unknown_association, &mg::texts::msg_invalid_request);
    v.value = "13-x";
    text.clear();
    mg::detail::fill(out, "a {value} {other} {", v, mg::lang::en);
    BOOST_TEST(text.find("13-x") != std::string::npos);
    BOOST_TEST(text.find(" {other} {") != std::string::npos);
    BOOST_TEST(text.rfind("a ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(transitions_of_states_that_are_not_chains) {
    const mg::transition_graph g = mg::make_transition_graph();
    const mg::level_set m{mg::level::municipal};
    const mg::level_set mp = mg::level_set::chain(2);
    BOOST_TEST(mg::has_transition(g, m, mg::operation::additional_join,
                                  mg::level_set{mg::level::prefectural}, mp));
    // {P} or {N} alone is no state: no edge leads from or to it.
    const mg::level_set p{mg::level::prefectural};
    BOOST_TEST(!mg::has_transition(g, p, mg::operation::withdraw, p, mg::level_set{}));
    BOOST_TEST(!mg::has_transition(g, m, mg::operation::additional_join,
                                   mg::level_set{mg::level::national},
                                   mg::level_set{mg::level::municipal, mg::level::national}));
    // A state made empty holds nothing and has no label (as boost makes a vertex it adds).
    const auto blank = std::make_unique<mg::membership_state>();
    BOOST_TEST(blank->levels.empty());
    BOOST_TEST(blank->label.ja == nullptr);
    BOOST_TEST(blank->label.en == nullptr);
    // Chains both, and no edge between them.
    BOOST_TEST(
        !mg::has_transition(g, m, mg::operation::withdraw, mg::level_set{mg::level::national}, mp));
    // The states are labelled in both languages.
    for (unsigned i = 0; i < 4; ++i) BOOST_TEST(both(g[i].label), i);
}

BOOST_AUTO_TEST_CASE(plan_refuses_an_operation_out_of_range) {
    // A member holding a level, a request with no levels and an operation none of the six:
    // refused as an invalid request at request.operation (not read as any operation).
    const auto dir = mg::load_master_file(mg::directory::builtin(), MG_SAMPLE_MASTER);
    BOOST_REQUIRE(dir.has_value());
    mg::member_state s;
    s.levels = mg::level_set{mg::level::municipal};
    s.municipal = "13-chiyoda";
    mg::request r;
    r.op = not_an_enumerator<mg::operation>();
    const mg::plan_result res = mg::plan(*dir, s, r);
    BOOST_REQUIRE(!res);
    BOOST_TEST(mg::to_string(res.error().code) == "invalid_request");
    BOOST_TEST(res.error().field == "request.operation");
    BOOST_TEST(res.error().message == &mg::texts::msg_invalid_request);
}

BOOST_AUTO_TEST_CASE(no_suggestion_asks_for_a_cascade) {
    // capi/json_write.cpp writes a suggestion without "cascade": a suggestion names the widened
    // levels itself. Every (levels held, operation, levels asked, cascade, proxy) is planned.
    const auto dir = mg::load_master_file(mg::directory::builtin(), MG_SAMPLE_MASTER);
    BOOST_REQUIRE(dir.has_value());
    int suggestions = 0;
    for (unsigned held = 0; held < 4; ++held)
        for (mg::operation op : mg::all_operations)
            for (unsigned bits = 0; bits < 8; ++bits)
                for (int flags = 0; flags < 4; ++flags) {
                    mg::member_state s;
                    s.levels = mg::level_set::chain(held);
                    if (held) s.municipal = "13-chiyoda";
                    mg::request r;
                    r.op = op;
                    r.levels = mg::level_set::from_bits(bits);
                    if (op == mg::operation::join) r.municipal = "13-chiyoda";
                    if (op == mg::operation::transfer) r.municipal = "13-shinjuku";
                    r.cascade = (flags & 1) != 0;
                    r.proxy = (flags & 2) != 0;
                    const mg::plan_result res = mg::plan(*dir, s, r);
                    if (res || !res.error().suggestion) continue;
                    ++suggestions;
                    BOOST_TEST(!res.error().suggestion->cascade);
                    BOOST_TEST(res.error().suggestion->proxy == r.proxy);
                    BOOST_TEST(mg::plan(*dir, s, *res.error().suggestion).has_value());
                }
    BOOST_TEST(suggestions > 10);
}

namespace {

/// True when `s` ends on a character boundary of UTF-8 text (no lead byte without its
/// continuation bytes at the end).
bool whole_characters(const std::string& s) {
    std::size_t lead = s.size();
    while (lead > 0 && (static_cast<unsigned char>(s[lead - 1]) & 0xC0) == 0x80) --lead;
    if (lead == 0) return s.empty();
    const unsigned char c = static_cast<unsigned char>(s[lead - 1]);
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return s.size() - (lead - 1) == len;
}

/// The refusal's message into buffers of every size: each a prefix of the whole message, cut at a
/// character boundary, and the whole message once it fits.
void check_bounded(const mg::refusal& r, mg::lang l, const std::string& whole) {
    std::vector<char> buf(whole.size() + 2, 'x');
    BOOST_TEST(mg::refusal_message(r, l, nullptr, 10) == 0u);
    BOOST_TEST(mg::refusal_message(r, l, buf.data(), 0) == 0u);
    for (std::size_t cap = 1; cap <= whole.size() + 2; ++cap) {
        const std::size_t n = mg::refusal_message(r, l, buf.data(), cap);
        BOOST_TEST_CONTEXT("capacity " << cap) {
            BOOST_TEST(n < cap);
            BOOST_TEST(buf[n] == '\0');
            const std::string got(buf.data(), n);
            BOOST_TEST(whole.compare(0, n, got) == 0);
            BOOST_TEST(whole_characters(got));
            if (cap > whole.size()) BOOST_TEST(got == whole);
            // At most one character short of what fits.
            BOOST_TEST(n + 4 > std::min(cap - 1, whole.size()));
        }
    }
}

} // namespace

// Every refusal code, each state problem and the JSON reader's messages, with nothing named and
// with everything named (associations with and without English names, JMA whose name is its
// level's, levels, a long value with control characters and a character across the cut, a
// field, a position), in both languages and into a string and buffers of every size.
BOOST_AUTO_TEST_CASE(refusal_messages_of_every_shape) {
    // 64 bytes end inside "あ": the value is cut before it.
    const std::string long_value =
        "\x01" + std::string(61, 'v') + "\x7f" + "あ" + std::string(10, 'w');
    const std::string short_value = "13-x\x1b";
    const mg::bitext* const reader_messages[] = {
        &mg::texts::msg_invalid_request, &mg::texts::json_unknown_field,
        &mg::texts::json_syntax,         &mg::texts::json_utf8,
        &mg::texts::json_wrong_type,     &mg::texts::json_too_large};
    const mg::state_problem problems[] = {mg::state_problem::none,
                                          mg::state_problem::not_a_chain,
                                          mg::state_problem::municipal_without_levels,
                                          mg::state_problem::prefectural_not_held,
                                          mg::state_problem::category_not_held,
                                          mg::state_problem::prefectural_mismatch};
    mg::checked_association shinjuku{mg::level::municipal, 1, "13-shinjuku", "新宿区医師会",
                                     "Shinjuku"};
    mg::checked_association tokyo{mg::level::prefectural, 2, "13", "東京都医師会", ""};
    mg::checked_association jma{mg::level::national, 0, "00-jma", mg::texts::level_national.ja,
                                mg::texts::level_national.en};
    std::size_t templated = 0, plain = 0;
    for (const mg::refusal_code code : mg::all_refusal_codes) {
        for (const mg::bitext* message : reader_messages) {
            for (const mg::state_problem problem : problems) {
                // Only invalid_request has the reader's messages; only invalid_state problems.
                if (code != mg::refusal_code::invalid_request &&
                    message != &mg::texts::msg_invalid_request)
                    continue;
                if (code != mg::refusal_code::invalid_state && problem != mg::state_problem::none)
                    continue;
                for (const bool named : {false, true}) {
                    for (const bool long_one : {false, true}) {
                        if (!named && long_one) continue;
                        mg::refusal r(code, message, named ? "request.colour" : "");
                        r.problem = problem;
                        if (named) {
                            r.associations.push_back(shinjuku);
                            r.associations.push_back(tokyo);
                            r.associations.push_back(jma);
                            r.levels = mg::level_set::from_bits(long_one ? 7 : 2);
                            r.value = long_one ? long_value : short_value;
                            r.line = long_one ? 4294967295u : 2;
                            r.column = long_one ? 10 : 7;
                        }
                        for (const mg::lang l : {mg::lang::ja, mg::lang::en}) {
                            BOOST_TEST_CONTEXT("code " << mg::to_string(code) << " message "
                                                       << message->en << " problem "
                                                       << mg::to_string(problem) << " named "
                                                       << named << " long " << long_one << " lang "
                                                       << (l == mg::lang::en ? "en" : "ja")) {
                                const std::string s = mg::refusal_message(r, l);
                                const mg::bitext* t = mg::detail::refusal_template(r);
                                if (t) {
                                    ++templated;
                                    const std::string tmpl = t->get(l);
                                    if (named && tmpl.find("{associations}") != std::string::npos) {
                                        BOOST_TEST(s.find("13-shinjuku") != std::string::npos);
                                        BOOST_TEST(s.find(l == mg::lang::en ? "Shinjuku"
                                                                            : "新宿区医師会") !=
                                                   std::string::npos);
                                        BOOST_TEST(s.find("東京都医師会") != std::string::npos);
                                        // JMA: its name once, not its level's label again.
                                        const std::string jma_name =
                                            mg::texts::level_national.get(l);
                                        const std::size_t at = s.find(jma_name);
                                        BOOST_TEST(at != std::string::npos);
                                        BOOST_TEST(s.find(jma_name, at + 1) == std::string::npos);
                                    }
                                    if (named && tmpl.find("{levels}") != std::string::npos)
                                        for (mg::level x : r.levels)
                                            BOOST_TEST(s.find(mg::label(x).get(l)) !=
                                                       std::string::npos);
                                    if (named && tmpl.find("{value}") != std::string::npos) {
                                        BOOST_TEST(s.find("\x01") == std::string::npos);
                                        BOOST_TEST(s.find("\x1b") == std::string::npos);
                                        BOOST_TEST(s.find("\x7f") == std::string::npos);
                                        if (long_one) {
                                            // Cut before the character that crosses 64 bytes.
                                            BOOST_TEST(s.find("?" + std::string(61, 'v') +
                                                              "?...") != std::string::npos);
                                        } else {
                                            BOOST_TEST(s.find("13-x?") != std::string::npos);
                                        }
                                    }
                                    if (named && tmpl.find("{line}") != std::string::npos)
                                        BOOST_TEST(s.find(std::to_string(r.line)) !=
                                                   std::string::npos);
                                    if (named && tmpl.find("{column}") != std::string::npos)
                                        BOOST_TEST(s.find(std::to_string(r.column)) !=
                                                   std::string::npos);
                                    if (named && tmpl.find("{field}") != std::string::npos)
                                        BOOST_TEST(s.find("request.colour") != std::string::npos);
                                    BOOST_TEST(s.find('{') == std::string::npos);
                                } else {
                                    ++plain;
                                    const std::string m = message->get(l);
                                    BOOST_TEST(s.rfind(m, 0) == 0u);
                                    const bool suffix =
                                        named && mg::detail::names_no_field(message);
                                    BOOST_TEST(((s.size() > m.size()) == suffix));
                                    if (suffix)
                                        BOOST_TEST(s.find("request.colour") != std::string::npos);
                                }
                                check_bounded(r, l, s);
                            }
                        }
                    }
                }
            }
        }
    }
    // Both kinds were met: the loops are not empty.
    BOOST_TEST(templated > 20u);
    BOOST_TEST(plain > 20u);
}

// The encodings' names (--encoding, the service's setting): every accepted spelling in any case,
// and what is near one but not one.
BOOST_AUTO_TEST_CASE(encoding_names) {
    using mg::text_encoding;
    const std::pair<const char*, text_encoding> accepted[] = {
        {"auto", text_encoding::automatic},    {"AUTO", text_encoding::automatic},
        {"utf-8", text_encoding::utf8},        {"UTF-8", text_encoding::utf8},
        {"utf8", text_encoding::utf8},         {"Utf8", text_encoding::utf8},
        {"cp932", text_encoding::cp932},       {"CP932", text_encoding::cp932},
        {"shift_jis", text_encoding::cp932},   {"Shift_JIS", text_encoding::cp932},
        {"sjis", text_encoding::cp932},        {"SJIS", text_encoding::cp932},
        {"windows-31j", text_encoding::cp932}, {"Windows-31J", text_encoding::cp932},
    };
    for (const auto& [name, want] : accepted) BOOST_TEST_CONTEXT(name) {
            text_encoding got =
                want == text_encoding::utf8 ? text_encoding::cp932 : text_encoding::utf8;
            BOOST_TEST(mg::parse_encoding(name, got));
            BOOST_TEST(static_cast<int>(got) == static_cast<int>(want));
        }
    // Each canonical name reads back as itself.
    for (const text_encoding e :
         {text_encoding::automatic, text_encoding::utf8, text_encoding::cp932}) {
        text_encoding got = text_encoding::automatic;
        BOOST_TEST(mg::parse_encoding(mg::to_string(e), got));
        BOOST_TEST(static_cast<int>(got) == static_cast<int>(e));
    }
    for (const char* name : {"", "aut", "autos", "utf-9", "utf_8", "utf16", "cp936", "sjit",
                             "shift-jis", "windows-31k", "latin1", "[uto", "@UTO", "auto "}) {
        BOOST_TEST_CONTEXT("'" << name << "'") {
            text_encoding got = text_encoding::utf8;
            BOOST_TEST(!mg::parse_encoding(name, got));
            BOOST_TEST(static_cast<int>(got) == static_cast<int>(text_encoding::utf8)); // as was
        }
    }
}

// A load's notice as people read it: the file, the notice, and its detail when it has one.
BOOST_AUTO_TEST_CASE(load_notice_messages) {
    mg::load_notice n{mg::load_notice_kind::columns_ignored, "a.csv", "memo, #5"};
    BOOST_TEST(n.message(mg::lang::en) ==
               std::string("a.csv: ") + mg::texts::notice_columns_ignored.en + " (memo, #5)");
    BOOST_TEST(n.message() ==
               std::string("a.csv: ") + mg::texts::notice_columns_ignored.ja + " (memo, #5)");
    n = {mg::load_notice_kind::read_as_cp932, "<buffer>", ""};
    BOOST_TEST(n.message(mg::lang::en) ==
               std::string("<buffer>: ") + mg::texts::notice_read_as_cp932.en);
    BOOST_TEST(n.message(mg::lang::ja) ==
               std::string("<buffer>: ") + mg::texts::notice_read_as_cp932.ja);
}
