// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// More parts of the command line (src/) tested alone (issue 31): the `mamisguide plan` command
// line that a refusal suggests instead (render.cpp, plan_command), with every option it can
// carry and the shell quoting of its values; the refusal's text with and without a field and a
// suggestion; display widths of the wide ranges the command line's tables pad (common.cpp);
// comma lists with blanks and tabs (split_list, the guide's and plan's level lists).
#define BOOST_TEST_MODULE cli_render
#include <boost/test/unit_test.hpp>

#include "cli.hpp"
#include "render.hpp"

#include <mamisguide/texts/cli.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace mg = mamisguide;

namespace {

bool has(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_CASE(plan_command_carries_every_option) {
    mg::member_state m;
    m.page = mg::mypage::no;
    m.levels = mg::level_set::chain(3);
    m.municipal = "13-chiyoda";
    m.categories[mg::level::national] = "A1";
    mg::request r;
    r.op = mg::operation::withdraw;
    r.municipal = "40-fukuoka";
    r.levels = mg::level_set::chain(2);
    r.categories[mg::level::municipal] = "B";
    r.reason = "it's moving day";
    r.cascade = true;
    r.proxy = true;
    mg_cli::directory_options d;
    d.directory = "/data/my master.csv";
    d.categories = "/data/cats.csv";
    BOOST_TEST(mg_cli::plan_command(m, r, d, mg::lang::en) ==
               "mamisguide plan withdraw --directory '/data/my master.csv' --categories "
               "/data/cats.csv --mypage no --held all --municipal 13-chiyoda "
               "--current-category national=A1 --to 40-fukuoka --levels municipal,prefectural "
               "--category municipal=B --reason 'it'\\''s moving day' --cascade --proxy --lang en");
}

BOOST_AUTO_TEST_CASE(plan_command_names_the_levels_held) {
    const mg_cli::directory_options d;
    mg::request r;
    r.op = mg::operation::join;
    mg::member_state m;
    // Nothing held: no --held, and Japanese adds no --lang.
    BOOST_TEST(mg_cli::plan_command(m, r, d, mg::lang::ja) == "mamisguide plan join");
    m.municipal = "13-chiyoda";
    m.page = mg::mypage::unknown;
    m.levels = mg::level_set::chain(1);
    BOOST_TEST(mg_cli::plan_command(m, r, d, mg::lang::ja) ==
               "mamisguide plan join --mypage unknown --held municipal --municipal 13-chiyoda");
    m.page = mg::mypage::yes;
    m.levels = mg::level_set::chain(2);
    BOOST_TEST(mg_cli::plan_command(m, r, d, mg::lang::ja) ==
               "mamisguide plan join --held prefectural --municipal 13-chiyoda");
    // A set that is no chain is written as the list of its levels.
    m.levels = mg::level_set{};
    m.levels.insert(mg::level::municipal);
    m.levels.insert(mg::level::national);
    BOOST_TEST(mg_cli::plan_command(m, r, d, mg::lang::ja) ==
               "mamisguide plan join --held municipal,national --municipal 13-chiyoda");
    // A value of only the characters a shell takes as they are is not quoted.
    mg_cli::directory_options odd;
    odd.directory = "C:/x+y@z%1:2,3=4_5.csv";
    BOOST_TEST(mg_cli::plan_command(m, r, odd, mg::lang::ja) ==
               "mamisguide plan join --directory C:/x+y@z%1:2,3=4_5.csv --held municipal,national "
               "--municipal 13-chiyoda");
}

BOOST_AUTO_TEST_CASE(refusal_text_with_and_without_field_and_suggestion) {
    const mg_cli::directory_options d;
    mg::member_state m;
    m.levels = mg::level_set::chain(3);
    m.municipal = "13-chiyoda";
    mg::request instead;
    instead.op = mg::operation::change_facility;
    const mg::refusal with(mg::refusal_code::same_association, &mg::texts::msg_invalid_request,
                           "request.municipal", instead);
    std::string out;
    mg_cli::render_refusal(out, with, m, d, mg::lang::en);
    BOOST_TEST(has(out, "same_association"), out);
    BOOST_TEST(has(out, "request.municipal"), out);
    BOOST_TEST(has(out, "mamisguide plan change_facility --held all --municipal 13-chiyoda "
                        "--lang en\n"),
               out);

    const mg::refusal bare(mg::refusal_code::invalid_request, &mg::texts::msg_invalid_request);
    std::string plain;
    mg_cli::render_refusal(plain, bare, m, d, mg::lang::en);
    BOOST_TEST(has(plain, "invalid_request"), plain);
    BOOST_TEST(!has(plain, mg::texts::cli::field.get(mg::lang::en)), plain);
    BOOST_TEST(!has(plain, "mamisguide plan"), plain);
    // Two lines: the code, then the message.
    BOOST_TEST(std::count(plain.begin(), plain.end(), '\n') == 2, plain);
}

BOOST_AUTO_TEST_CASE(display_width_of_every_wide_range) {
    // Two columns each: Hangul syllables, CJK compatibility ideographs, CJK compatibility
    // forms, full-width signs, and the supplementary ideographic planes (up to U+3FFFD).
    for (const char* wide : {"\uac00", "\ud7a3", "\uf900", "\ufaff", "\ufe30", "\ufe4f", "\uffe0",
                             "\uffe6", "\U00020000", "\U0003fffd", "\u1100", "\ua4cf"})
        BOOST_TEST(mg_cli::display_width(wide) == 2u, wide);
    // One column: just outside each range.
    for (const char* narrow :
         {"\ud7b0", "\ufb00", "\ufe50", "\uffe7", "\U0003fffe", "\u1160", "\ua4d0", "\uff61"})
        BOOST_TEST(mg_cli::display_width(narrow) == 1u, narrow);
}

BOOST_AUTO_TEST_CASE(comma_lists_drop_blanks_and_tabs) {
    using list = std::vector<std::string>;
    BOOST_TEST(mg_cli::split_list(" municipal ,\tnational\t") == (list{"municipal", "national"}));
    BOOST_TEST(mg_cli::split_list("\t \t,, ,prefectural") == (list{"prefectural"}));
    BOOST_TEST(mg_cli::split_list(" \t ").empty());
    BOOST_TEST(mg_cli::split_list("a b") == (list{"a b"})); // inner blanks stay
}

BOOST_AUTO_TEST_CASE(plan_text_leaves_out_what_it_does_not_know) {
    // A plan rendered against a directory that lacks its associations (the built-in one, with
    // no municipal association): the associations' names are left out, never guessed.
    const auto sample = mg_cli::load_directory(mg_cli::directory_options{}, mg::lang::en);
    BOOST_REQUIRE(sample);
    mg::member_state m;
    m.levels = mg::level_set::chain(3);
    m.municipal = "13-chiyoda";
    mg::request r;
    r.op = mg::operation::transfer;
    r.municipal = "40-fukuoka";
    r.categories[mg::level::municipal] = "A";
    r.categories[mg::level::prefectural] = "A";
    const mg::plan_result res = mg::plan(*sample, m, r);
    BOOST_REQUIRE(res);

    std::string known;
    mg_cli::render_plan(known, *sample, *res, mg::lang::en);
    BOOST_TEST(has(known, "Case: "), known);
    BOOST_TEST(has(known, "Fukuoka Medical Association (40-fukuoka)  category A\n"), known);
    BOOST_TEST(has(known, "not checked. (Fukuoka Medical Association, 40-fukuoka)\n"), known);

    const mg::directory builtin = mg::directory::builtin();
    BOOST_REQUIRE(!builtin.find("40-fukuoka"));
    std::string unknown;
    mg_cli::render_plan(unknown, builtin, *res, mg::lang::en);
    // The state after approval: levels and categories, no names.
    BOOST_TEST(!has(unknown, "(40-fukuoka)  category A"), unknown);
    BOOST_TEST(!has(unknown, "(40)  category A"), unknown);
    BOOST_TEST(!has(unknown, "(Fukuoka Medical Association, 40-fukuoka)"), unknown);
    // The notes still name the associations the directory knows.
    BOOST_TEST(has(unknown, "(Fukuoka Medical Association, 40)\n"), unknown);
    BOOST_TEST(has(unknown, "The JMA membership continues. (Japan Medical Association, 00)\n"),
               unknown);
    BOOST_TEST(known.size() > unknown.size());

    // A plan without a flowchart case has no case line; the rest is the same.
    mg::application_plan no_case = *res;
    no_case.guide_case = nullptr;
    no_case.guide_instruction = nullptr;
    std::string without;
    mg_cli::render_plan(without, *sample, no_case, mg::lang::en);
    BOOST_TEST(!has(without, "Case: "), without);
    const auto case_line = known.find("  Case: ");
    const auto case_end = known.find('\n', case_line);
    BOOST_TEST(without == known.substr(0, case_line) + known.substr(case_end + 1));
}
