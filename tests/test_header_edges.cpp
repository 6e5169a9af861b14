// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The header-only core's decisions that no other test took both ways (issue 31): the edges of
// the small helpers (language names, dates, level sets, folded codes and answers), the CSV
// reader's less common paths (comment lines without a line end, old Mac line ends, a file that
// is a directory), lookups given values out of range, and the directory's picture laid out by
// size. Every case checks the answer, not only that the code ran. The inputs are read at run
// time (never constant-folded into a static_assert) so the branches are counted.
#define BOOST_TEST_MODULE header_edges
#include <boost/test/unit_test.hpp>

#include <mamisguide/mamisguide.hpp>

#include "rules_fixtures.hpp"

#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace mg = mamisguide;
namespace fs = std::filesystem;

namespace {

/// `v` as the compiler cannot know it: the checks below run at run time.
template <class T>
T opaque(T v) {
    volatile bool pass = true;
    return pass ? v : T{};
}

/// A scratch directory, removed at exit.
struct scratch_dir {
    fs::path path = fs::temp_directory_path() / ("mamisguide_test_header_edges_" +
                                                 std::to_string(static_cast<long>(::getpid())));
    scratch_dir() { fs::create_directories(path); }
    ~scratch_dir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

mg::directory small_master() {
    auto d =
        mg::load_master(mg::directory::builtin(), "code,name,prefecture,name_en\n"
                                                  "13-a,甲区医師会,13,Ko Medical Association\n"
                                                  "13-b,乙区医師会,13,\n"
                                                  "14-a,丙市医師会,14,Hei Medical Association\n");
    BOOST_TEST_REQUIRE(d.has_value());
    return *d;
}

} // namespace

// ---- text.hpp ---------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(parse_lang_takes_only_ja_and_en) {
    struct tcase {
        const char* s;
        bool ok;
        mg::lang l;
    };
    const std::vector<tcase> cases = {
        {"ja", true, mg::lang::ja},   {"en", true, mg::lang::en},  {nullptr, false, mg::lang::ja},
        {"", false, mg::lang::ja},    {"j", false, mg::lang::ja},  {"jp", false, mg::lang::ja},
        {"jaa", false, mg::lang::ja}, {"e", false, mg::lang::ja},  {"eng", false, mg::lang::ja},
        {"ex", false, mg::lang::ja},  {"JA", false, mg::lang::ja}, {"xx", false, mg::lang::ja},
    };
    for (const tcase& c : cases) {
        // A value set before the call stays when the name is refused.
        mg::lang out = opaque(mg::lang::en == c.l ? mg::lang::ja : mg::lang::en);
        const mg::lang before = out;
        const bool ok = mg::parse_lang(opaque(c.s), out);
        BOOST_TEST(ok == c.ok, (c.s ? c.s : "(null)"));
        BOOST_TEST((ok ? out == c.l : out == before), (c.s ? c.s : "(null)"));
    }
}

// ---- holidays.hpp -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(civil_dates_order_by_year_then_month_then_day) {
    // Each pair with its order (-1: before, 0: the same, 1: after), every operator checked
    // against it in one place.
    struct tcase {
        mg::civil_date a, b;
        int order;
    };
    const std::vector<tcase> cases = {
        {{2025, 12, 31}, {2026, 1, 1}, -1},   {{2026, 1, 1}, {2025, 12, 31}, 1},
        {{2026, 1, 2}, {2026, 1, 1}, 1},      {{2026, 1, 1}, {2026, 2, 1}, -1},
        {{2026, 3, 1}, {2026, 2, 28}, 1},     {{2026, 1, 1}, {2026, 1, 1}, 0},
        {{2024, 12, 31}, {2025, 12, 31}, -1}, {{2025, 11, 30}, {2025, 12, 30}, -1},
        {{2025, 12, 30}, {2025, 12, 31}, -1},
    };
    for (const tcase& c : cases) {
        const mg::civil_date a = opaque(c.a), b = opaque(c.b);
        BOOST_TEST((a < b) == (c.order < 0));
        BOOST_TEST((a > b) == (c.order > 0));
        BOOST_TEST((a <= b) == (c.order <= 0));
        BOOST_TEST((a >= b) == (c.order >= 0));
        BOOST_TEST((a == b) == (c.order == 0));
        BOOST_TEST((a != b) == (c.order != 0));
    }
}

BOOST_AUTO_TEST_CASE(holidays_compare_by_date_and_kind) {
    const auto list = mg::holidays_in(opaque(2026));
    BOOST_TEST_REQUIRE(list.has_value());
    BOOST_TEST_REQUIRE(list->size() >= 2u);
    const mg::holiday first = (*list)[0], second = (*list)[1];
    // Same date, another kind; same kind, another date.
    mg::holiday other_kind = first, other_date = first;
    other_kind.kind = second.kind;
    other_date.date = second.date;
    struct tcase {
        mg::holiday a, b;
        bool same;
    };
    for (const tcase& c : std::vector<tcase>{{first, first, true},
                                             {first, second, false},
                                             {first, other_kind, false},
                                             {first, other_date, false}}) {
        BOOST_TEST((opaque(c.a) == opaque(c.b)) == c.same);
        BOOST_TEST((opaque(c.a) != opaque(c.b)) == !c.same);
    }
}

BOOST_AUTO_TEST_CASE(is_holiday_passes_holiday_on_errors_through) {
    const auto out_of_range = mg::is_holiday(opaque(mg::civil_date{1999, 1, 1}));
    BOOST_TEST_REQUIRE(!out_of_range.has_value());
    BOOST_TEST((out_of_range.error() == mg::holiday_errc::year_out_of_range));
    const auto too_late = mg::is_holiday(opaque(mg::civil_date{2100, 1, 1}));
    BOOST_TEST_REQUIRE(!too_late.has_value());
    BOOST_TEST((too_late.error() == mg::holiday_errc::year_out_of_range));
    const auto no_such_day = mg::is_holiday(opaque(mg::civil_date{2026, 2, 29}));
    BOOST_TEST_REQUIRE(!no_such_day.has_value());
    BOOST_TEST((no_such_day.error() == mg::holiday_errc::invalid_date));
    // 2024 is a leap year: its 29 February exists (and is no holiday); 1 January is one.
    const auto leap_day = mg::is_holiday(opaque(mg::civil_date{2024, 2, 29}));
    BOOST_TEST_REQUIRE(leap_day.has_value());
    BOOST_TEST(!*leap_day);
    const auto new_year = mg::is_holiday(opaque(mg::civil_date{2026, 1, 1}));
    BOOST_TEST_REQUIRE(new_year.has_value());
    BOOST_TEST(*new_year);
}

BOOST_AUTO_TEST_CASE(leap_years_by_the_gregorian_rule) {
    struct tcase {
        int year;
        bool leap;
    };
    for (const tcase& c : std::vector<tcase>{{1900, false},
                                             {2100, false},
                                             {2200, false},
                                             {2023, false},
                                             {2025, false},
                                             {1, false},
                                             {2000, true},
                                             {2400, true},
                                             {2024, true},
                                             {2028, true},
                                             {4, true}})
        BOOST_TEST(mg::is_leap_year(opaque(c.year)) == c.leap, c.year);
}

// ---- levels.hpp -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(bottom_and_top_of_every_level_set) {
    for (unsigned bits = 0; bits < 8; ++bits) {
        const mg::level_set s = mg::level_set::from_bits(opaque(bits));
        // The empty set answers municipal for both (documented as undefined, but defined).
        const mg::level expect_bottom = (bits & 1)   ? mg::level::municipal
                                        : (bits & 2) ? mg::level::prefectural
                                        : (bits & 4) ? mg::level::national
                                                     : mg::level::municipal;
        const mg::level expect_top = (bits & 4)   ? mg::level::national
                                     : (bits & 2) ? mg::level::prefectural
                                                  : mg::level::municipal;
        BOOST_TEST((s.bottom() == expect_bottom), bits);
        BOOST_TEST((s.top() == expect_top), bits);
        BOOST_TEST(s.is_chain() == (bits == 0 || bits == 1 || bits == 3 || bits == 7), bits);
        BOOST_TEST(s.empty() == (bits == 0), bits);
    }
}

// ---- answers.hpp ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(category_for_answer_by_code_by_label_or_none) {
    const mg::directory d = mg::directory::builtin();
    const mg::association_id jma = mg::directory::national();
    // Nothing typed (spaces only, an ideographic one too): no category.
    BOOST_TEST(mg::category_for_answer(d, jma, opaque(std::string_view(""))) == "");
    BOOST_TEST(mg::category_for_answer(d, jma, opaque(std::string_view(" \xE3\x80\x80 "))) == "");
    // The code as written, folded (full width), by its key (lower case), by the Japanese label
    // and by the English one.
    BOOST_TEST(mg::category_for_answer(d, jma, opaque(std::string_view("A2B"))) == "A2B");
    BOOST_TEST(mg::category_for_answer(
                   d, jma, opaque(std::string_view("\xEF\xBC\xA1\xEF\xBC\x91"))) == "A1"); // Ａ１
    BOOST_TEST(mg::category_for_answer(d, jma, opaque(std::string_view("a2c"))) == "A2C");
    BOOST_TEST(mg::category_for_answer(d, jma, opaque(std::string_view("A①会員"))) == "A1");
    BOOST_TEST(mg::category_for_answer(d, jma, opaque(std::string_view("class a1 member"))) ==
               "A1");
    BOOST_TEST(mg::category_for_answer(d, jma, opaque(std::string_view("Class C member"))) == "C");
    BOOST_TEST(mg::category_for_answer(d, jma, opaque(std::string_view("Z9"))) == "");
    // A loaded catalogue: by code, by its one label (会員 left out), or none.
    const auto c =
        mg::load_categories(d, "association,code,label\n13,S1,特別会員\n13,S2,普通会員\n");
    BOOST_TEST_REQUIRE(c.has_value());
    const mg::association_id tokyo = mg::directory::prefecture(13);
    BOOST_TEST(mg::category_for_answer(*c, tokyo, opaque(std::string_view("s2"))) == "S2");
    BOOST_TEST(mg::category_for_answer(*c, tokyo, opaque(std::string_view("特別"))) == "S1");
    BOOST_TEST(mg::category_for_answer(*c, tokyo, opaque(std::string_view("普通会員"))) == "S2");
    BOOST_TEST(mg::category_for_answer(*c, tokyo, opaque(std::string_view("S3"))) == "");
    // No catalogue: the folded answer itself, unchecked.
    BOOST_TEST(mg::category_for_answer(*c, mg::directory::prefecture(14),
                                       opaque(std::string_view(" \xEF\xBD\x98y "))) == "xy"); // ｘy
}

BOOST_AUTO_TEST_CASE(association_candidates_none_asked_and_long_texts) {
    // A master with a 64-byte code (a pattern of one machine word exactly) and a 300-byte
    // English name (longer than the candidates' stack buffers).
    const std::string code64 = "13-" + std::string(61, 'q');
    const std::string long_en(300, 'w');
    const std::string csv = "code,name,prefecture,name_en\n" + code64 + ",甲区医師会,13,\n" +
                            "13-long,乙区医師会,13," + long_en + "\n" +
                            "14-a,丙市医師会,14,Hei Medical Association\n";
    const auto d = mg::load_master(mg::directory::builtin(), csv);
    BOOST_TEST_REQUIRE(d.has_value());
    const mg::association_id v64 = *d->find(code64), vlong = *d->find("13-long");
    // No candidates asked for: none, whatever the text.
    BOOST_TEST(
        mg::association_candidates(*d, opaque(std::string_view("14-b")), opaque(0u)).empty());
    // The same 64 bytes with one changed, then with two: one machine word of distance.
    std::string typo = code64;
    typo[40] = 'z';
    auto got = mg::association_candidates(*d, opaque(std::string_view(typo)));
    BOOST_TEST_REQUIRE(got.size() >= 1u);
    BOOST_TEST(got[0] == v64);
    std::string upper = typo; // ASCII case is ignored
    for (char& ch : upper) ch = ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
    got = mg::association_candidates(*d, opaque(std::string_view(upper)));
    BOOST_TEST_REQUIRE(got.size() >= 1u);
    BOOST_TEST(got[0] == v64);
    // 65 bytes (past one machine word), against the 64-byte code (a table row past the stack's):
    // the plain edit distance, one insertion.
    got = mg::association_candidates(*d, opaque(std::string_view(code64 + "z")));
    BOOST_TEST_REQUIRE(got.size() >= 1u);
    BOOST_TEST(got[0] == v64);
    BOOST_TEST(mg::detail::edit_distance(code64 + "z", code64, 21) == 1u);
    BOOST_TEST(mg::detail::edit_distance(code64 + "zz", typo, 2) ==
               3u); // over the limit: limit + 1
    // A text past the buffer only because of its spaces: the same answer as the text trimmed.
    const std::string padded = std::string(200, ' ') + "medical assoc" + std::string(200, ' ');
    const auto trimmed = mg::association_candidates(*d, "medical assoc");
    const auto from_padded = mg::association_candidates(*d, opaque(std::string_view(padded)));
    BOOST_TEST_REQUIRE(trimmed.size() >= 1u);
    BOOST_TEST(std::vector<mg::association_id>(from_padded.begin(), from_padded.end()) ==
               std::vector<mg::association_id>(trimmed.begin(), trimmed.end()));
    // A 300-byte text, in upper case: found by the English name it is part of.
    const std::string long_upper(300, 'W');
    got = mg::association_candidates(*d, opaque(std::string_view(long_upper)));
    BOOST_TEST_REQUIRE(got.size() == 1u);
    BOOST_TEST(got[0] == vlong);
    // 300 bytes that no name holds: none.
    BOOST_TEST(
        mg::association_candidates(*d, opaque(std::string_view(std::string(300, 'k')))).empty());
}

// ---- detail/codes.hpp -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(fold_code_folds_exactly_the_full_width_ascii_block) {
    struct tcase {
        std::string_view in, out;
    };
    const std::vector<tcase> cases = {
        {"\xEF\xBC\x81", "!"},              // U+FF01, the block's first
        {"\xEF\xBC\xBF", "_"},              // U+FF3F
        {"\xEF\xBD\x80", "`"},              // U+FF40
        {"\xEF\xBD\x81\xEF\xBD\x9A", "az"}, // ａｚ
        {"\xEF\xBD\x9E", "~"},              // U+FF5E, the block's last
        {"\xEF\xBC\x80", "\xEF\xBC\x80"},   // U+FF00: not in the block, kept
        {"\xEF\xBD\x9F", "\xEF\xBD\x9F"},   // U+FF5F ｟: kept
        {"\xEF\xBE\x81", "\xEF\xBE\x81"},   // U+FF81 ﾁ (half-width katakana): kept
        {"a\xEF\xBC", "a\xEF\xBC"},         // a character cut short at the end: kept
        {"\xEF\xBC\xC0", "\xEF\xBC\xC0"},   // not UTF-8 (no continuation byte): kept
        {" \xEF\xBC\x91\xEF\xBC\x93-a ", "13-a"},
    };
    for (const tcase& c : cases) BOOST_TEST(mg::detail::fold_code(opaque(c.in)) == c.out);
    // Codes compare folded: ａ１ is a1, ｟ is not (.
    BOOST_TEST(mg::detail::same_code(opaque(std::string_view("\xEF\xBD\x81\xEF\xBC\x91")), "a1"));
    BOOST_TEST(!mg::detail::same_code(opaque(std::string_view("\xEF\xBD\x9F")), "("));
}

// ---- detail/csv.hpp, through the loaders ------------------------------------------------------

BOOST_AUTO_TEST_CASE(comment_lines_without_a_line_end) {
    // A file that is only comments, the last without a line end: no header.
    for (std::string_view csv : {"# from somewhere", "# one\n# two", "# one\r\n#"}) {
        const auto r = mg::load_master(mg::directory::builtin(), opaque(csv), "m.csv");
        BOOST_TEST_REQUIRE(!r.has_value());
        BOOST_TEST((r.error().kind == mg::load_error_kind::missing_header));
        BOOST_TEST(r.error().line == 1u);
        BOOST_TEST(r.error().file == "m.csv");
    }
    // The comments, then the header and a row: loaded.
    const auto ok = mg::load_master(mg::directory::builtin(),
                                    opaque(std::string_view("# a\n# b\ncode,name,prefecture\n"
                                                            "13-a,甲区医師会,13")));
    BOOST_TEST_REQUIRE(ok.has_value());
    BOOST_TEST(ok->size() == 49u);
}

BOOST_AUTO_TEST_CASE(old_mac_line_ends_and_a_quote_inside_a_field) {
    // A lone CR ends a record inside a physical line: the error is on the line being read.
    const auto r = mg::load_master(
        mg::directory::builtin(),
        opaque(std::string_view("code,name,prefecture\n13-a,甲区医師会,13\r13-b,a\"b,13\n")));
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error().kind == mg::load_error_kind::csv_syntax));
    BOOST_TEST(r.error().line == 2u);
    // The same rows on lines of their own: the error on line 3.
    const auto r3 = mg::load_master(
        mg::directory::builtin(),
        opaque(std::string_view("code,name,prefecture\n13-a,甲区医師会,13\n13-b,a\"b,13\n")));
    BOOST_TEST_REQUIRE(!r3.has_value());
    BOOST_TEST((r3.error().kind == mg::load_error_kind::csv_syntax));
    BOOST_TEST(r3.error().line == 3u);
    // Lone CRs and nothing wrong: every row loaded.
    const auto ok = mg::load_master(
        mg::directory::builtin(),
        opaque(std::string_view("code,name,prefecture\r13-a,甲区医師会,13\r13-b,乙区医師会,13\r")));
    BOOST_TEST_REQUIRE(ok.has_value());
    BOOST_TEST(ok->size() == 50u);
}

BOOST_AUTO_TEST_CASE(a_directory_is_not_a_master) {
    const scratch_dir dir;
    const auto r = mg::load_master_file(mg::directory::builtin(), opaque(dir.path.string()));
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error().kind == mg::load_error_kind::unreadable));
    BOOST_TEST(r.error().file == dir.path.string());
    BOOST_TEST(!r.error().detail.empty()); // the system's reason
    const auto c = mg::load_categories_file(mg::directory::builtin(), opaque(dir.path.string()));
    BOOST_TEST_REQUIRE(!c.has_value());
    BOOST_TEST((c.error().kind == mg::load_error_kind::unreadable));
    BOOST_TEST(c.error().detail == r.error().detail);
}

// ---- directory.hpp ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(lookups_out_of_range) {
    const mg::directory d = small_master();
    // municipal_of takes 1…47; anything else has none.
    for (mg::association_id v : {mg::association_id(0), mg::association_id(48),
                                 mg::association_id(49), mg::association_id(1000)})
        BOOST_TEST(d.municipal_of(opaque(v)).empty(), v);
    BOOST_TEST(d.municipal_of(opaque(mg::association_id(13))).size() == 2u);
    // catalogue_of: none for a vertex past the directory's end.
    const auto c = mg::load_categories(d, "association,code,label\n13-a,X,特別会員\n");
    BOOST_TEST_REQUIRE(c.has_value());
    BOOST_TEST(c->catalogue_of(opaque(*c->find("13-a"))) != nullptr);
    BOOST_TEST(c->catalogue_of(opaque(mg::association_id(c->size()))) == nullptr);
    BOOST_TEST(c->catalogue_of(opaque(mg::association_id(1u << 20))) == nullptr);
}

BOOST_AUTO_TEST_CASE(search_by_prefecture_out_of_range_finds_nothing) {
    const mg::directory d = small_master();
    mg::directory_query q;
    q.prefecture = opaque(48u);
    BOOST_TEST(mg::search(d, q).empty());
    q.text = "医師会"; // every association's name holds it
    BOOST_TEST(mg::search(d, q).empty());
    q.prefecture = opaque(13u);
    BOOST_TEST(mg::search(d, q).size() == 3u); // Tokyo and its two
    q.prefecture = opaque(0u);
    BOOST_TEST(mg::search(d, q).size() == d.size());
}

// ---- support.hpp ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(japan_time_date_and_time_separators) {
    const auto t = mg::parse_japan_time(opaque(std::string_view("2026-05-04T10:30")));
    BOOST_TEST_REQUIRE(t.has_value());
    for (std::string_view s : {"2026-05-04t10:30", "2026-05-04 10:30"}) {
        const auto r = mg::parse_japan_time(opaque(s));
        BOOST_TEST_REQUIRE(r.has_value(), s);
        BOOST_TEST(*r == *t, s);
    }
    for (std::string_view s : {"2026-05-04_10:30", "2026-05-04x10:30", "2026-05-04T10-30",
                               "2026-05-04T10:3", "2026-05-04T1:30"}) {
        const auto r = mg::parse_japan_time(opaque(s));
        BOOST_TEST_REQUIRE(!r.has_value(), s);
        BOOST_TEST((r.error() == mg::parse_errc::malformed), s);
    }
}

// ---- graphviz.hpp -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(directory_picture_with_columns_given) {
    const mg::directory d = small_master();
    const mg::association_id a = *d.find("13-a"), b = *d.find("13-b");
    const std::string row_below = std::to_string(a) + "->" + std::to_string(b) + " [style=invis];";
    const auto picture = [&](unsigned columns) {
        std::ostringstream out;
        mg::directory_dot_options o;
        o.prefecture = 13;
        o.columns = opaque(columns);
        mg::write_directory_dot(out, d, mg::lang::ja, o);
        return out.str();
    };
    // One column: 13-b in the row under 13-a. Two: side by side. Chosen by size (0): one
    // column for two associations.
    BOOST_TEST(picture(1).find(row_below) != std::string::npos);
    BOOST_TEST(picture(2).find(row_below) == std::string::npos);
    BOOST_TEST(picture(0) == picture(1));
    BOOST_TEST(picture(2).find(std::to_string(mg::directory::prefecture(13)) + "->" +
                               std::to_string(a) + " [dir=back];") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(operation_labels_and_one_out_of_range) {
    // Each operation's own name in the state machine's picture; a value outside the enumeration
    // (a C caller's cast) gets join's, not a crash.
    BOOST_TEST(&mg::operation_label(mg::operation::join) == &mg::texts::graph_op_join);
    BOOST_TEST(&mg::operation_label(mg::operation::withdraw) == &mg::texts::graph_op_withdraw);
    BOOST_TEST(&mg::operation_label(static_cast<mg::operation>(opaque(std::uint8_t{99}))) ==
               &mg::texts::graph_op_join);
}

// ---- categories.hpp ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(check_category_for_jma_with_and_without_a_label_asked) {
    const mg::directory d = mg::directory::builtin();
    const mg::association_id jma = mg::directory::national();
    // Codes compare folded, ASCII case kept.
    BOOST_TEST((mg::check_category(d, jma, opaque(std::string_view("a2c"))) ==
                mg::category_check::unknown));
    // Known, no label asked for; unknown with one asked for: the label is left as it was.
    BOOST_TEST((mg::check_category(d, jma,
                                   opaque(std::string_view("\xEF\xBC\xA1\xEF\xBC\x92"
                                                           "C"))) ==
                mg::category_check::known)); // Ａ２C, folded
    mg::category_label label{"before", "before", "before"};
    BOOST_TEST((mg::check_category(d, jma, opaque(std::string_view("Z")), &label) ==
                mg::category_check::unknown));
    BOOST_TEST(label.ja == "before");
    BOOST_TEST(label.code == "before");
    BOOST_TEST((mg::check_category(d, jma, opaque(std::string_view("\xEF\xBC\xA3")), &label) ==
                mg::category_check::known)); // Ｃ
    BOOST_TEST(label.code == "C");
    BOOST_TEST(label.ja == "C会員");
    BOOST_TEST(label.en == "Class C member");
}

// ---- directory.hpp: strings a JSON writer may copy --------------------------------------------

BOOST_AUTO_TEST_CASE(plain_strings_until_a_name_needs_escaping) {
    BOOST_TEST(mg::directory::builtin().plain_strings());
    BOOST_TEST(small_master().plain_strings());
    struct tcase {
        const char* csv;
        bool plain;
    };
    const std::vector<tcase> cases = {
        {"code,name,prefecture,name_en\n13-a,\"甲\"\"乙\"\"区医師会\",13,Ko\n", false}, // a quote
        {"code,name,prefecture,name_en\n13-a,甲区医師会,13,Ko\\Otsu\n", false}, // a backslash
        {"code,name,prefecture,name_en\n13-a\\1,甲区医師会,13,Ko\n", false},    // in the code
        {"code,name,prefecture,name_en\n13-a,甲区医師会,13,Ko\n13-b,乙区医師会,13,\"O\"\"tsu\"\n",
         false}, // the last row
        {"code,name,prefecture,name_en\n13-a,甲区医師会,13,Ko's\n", true},
    };
    for (const tcase& c : cases) {
        const auto d = mg::load_master(mg::directory::builtin(), opaque(std::string_view(c.csv)));
        BOOST_TEST_REQUIRE(d.has_value(), c.csv);
        BOOST_TEST(d->plain_strings() == c.plain, c.csv);
    }
}

BOOST_AUTO_TEST_CASE(an_empty_directory_finds_nothing) {
    // Data with no associations and no index yet (as a loader starts it).
    const mg::directory empty(std::make_shared<const mg::detail::directory_data>());
    BOOST_TEST(empty.size() == 0u);
    BOOST_TEST(!empty.find(opaque(std::string_view("00"))).has_value());
    BOOST_TEST(!empty.find(opaque(std::string_view(""))).has_value());
}

// ---- detail/csv.hpp: a refusal and rows after it on one physical line -------------------------

BOOST_AUTO_TEST_CASE(rows_after_a_refused_one_on_the_same_line_are_not_read) {
    // Lone CRs: the refused row (an unknown prefecture), then more rows, on physical line 2.
    const auto m = mg::load_master(
        mg::directory::builtin(),
        opaque(std::string_view("code,name,prefecture\n13-a,甲区医師会,99\r13-b,乙区医師会,13\r"
                                "13-c,丙区医師会,13\n14-a,丁市医師会,14\n")));
    BOOST_TEST_REQUIRE(!m.has_value());
    BOOST_TEST(m.error().line == 2u);
    BOOST_TEST(m.error().detail.find("99") != std::string::npos, m.error().detail);
    // The same for a catalogue (an association not in the directory), and blank rows and lines
    // before it skipped.
    const auto c = mg::load_categories(
        mg::directory::builtin(),
        opaque(std::string_view("association,code,label\n\n,,\n13,S1,特別会員\n13-zz,S2,x\r"
                                "13,S3,y\r13,S4,z\n14,S1,w\n")));
    BOOST_TEST_REQUIRE(!c.has_value());
    BOOST_TEST((c.error().kind == mg::load_error_kind::unknown_association));
    BOOST_TEST(c.error().line == 5u);
    BOOST_TEST(c.error().detail == "13-zz");
    // Without the refused row: all of them, blank rows and lines skipped.
    const auto ok = mg::load_categories(
        mg::directory::builtin(),
        opaque(std::string_view("association,code,label\n\n,,\r\n13,S1,特別会員\r13,S3,y\r13,S4,z\n"
                                "\r\n14,S1,w\n")));
    BOOST_TEST_REQUIRE(ok.has_value());
    BOOST_TEST(ok->catalogue_of(mg::directory::prefecture(13))->entries.size() == 3u);
    BOOST_TEST(ok->catalogue_of(mg::directory::prefecture(14))->entries.size() == 1u);
}

BOOST_AUTO_TEST_CASE(catalogue_csv_syntax_errors_name_their_line) {
    struct tcase {
        const char* csv;
        std::size_t line;
    };
    const std::vector<tcase> cases = {
        {"association,code,label\n13,S1,a\"b\n", 2},              // a quote inside a field
        {"association,code,label\n13,S1,x\r13,S2,a\"b\n", 2},     // after a lone CR
        {"association,code,label\n13,S1,\"open\n\n13,S2,x\n", 2}, // never closed
        {"association,code,label\n13,S1,\"x\"y\n", 2},            // text after the closing quote
    };
    for (const tcase& c : cases) {
        const auto r =
            mg::load_categories(mg::directory::builtin(), opaque(std::string_view(c.csv)), "c.csv");
        BOOST_TEST_REQUIRE(!r.has_value(), c.csv);
        BOOST_TEST((r.error().kind == mg::load_error_kind::csv_syntax), c.csv);
        BOOST_TEST(r.error().line == c.line, c.csv);
        BOOST_TEST(r.error().file == "c.csv");
        BOOST_TEST(!r.error().detail.empty()); // libcsv's reason
    }
}

// ---- answers.hpp: a text past the candidates' stack buffer ------------------------------------

BOOST_AUTO_TEST_CASE(candidates_of_a_text_past_the_buffer_are_those_of_the_text_folded) {
    const mg::directory d = small_master();
    // Each way a character is folded, arriving when the 256-byte buffer is full: full-width
    // ASCII, the ideographic space, circled numbers (one and two digits), and characters kept
    // as they are (1, 2, 3 and 4 bytes of UTF-8).
    const std::vector<std::string> tails = {
        "\xEF\xBC\x8D\xEF\xBD\x8D\xEF\xBD\x85\xEF\xBD\x84\xEF\xBD\x89\xEF\xBD\x83\xEF\xBD\x81"
        "\xEF\xBD\x8C", // －ｍｅｄｉｃａｌ
        "\xE3\x80\x80\xE3\x80\x80Medical\xE3\x80\x80\xE3\x80\x80",
        "13-\xE2\x91\xA0",             // 13-①
        "1\xE2\x91\xA2-a\xE2\x91\xB3", // 1⑬-a⑳
        "medical association",
        "\xC3\xA9\xC3\xA9\xC3\xA9 medical",         // ééé
        "\xE5\x8C\xBB\xE5\xB8\xAB\xE4\xBC\x9A",     // 医師会
        "\xF0\x9F\x8F\xA5\xF0\x9F\x8F\xA5 medical", // 🏥🏥
    };
    for (const std::string& tail : tails) {
        for (std::size_t pad : {250u, 252u, 253u, 254u, 255u}) {
            const std::string text = std::string(pad, ' ') + tail;
            const std::string folded = mg::fold_answer(text); // trimmed: inside the buffer
            BOOST_TEST_REQUIRE(folded.size() < 256u);
            const auto want = mg::association_candidates(d, folded);
            const auto got = mg::association_candidates(d, opaque(std::string_view(text)));
            BOOST_TEST(std::vector<mg::association_id>(got.begin(), got.end()) ==
                           std::vector<mg::association_id>(want.begin(), want.end()),
                       pad << " + " << tail);
        }
    }
    // Some of them find something (the checks above compare more than two empty lists).
    BOOST_TEST(!mg::association_candidates(d, "medical association").empty());
    BOOST_TEST(!mg::association_candidates(d, "13-\xE2\x91\xA0").empty());
}

// ---- rules.hpp --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(category_unchanged_at_two_levels_names_the_lowest_value) {
    using namespace mg_test;
    const mg::directory d = small_master();
    const mg::member_state s = member("13-a", mg::level_set{M, P, N}, cats("X", "Y", "A2B"));
    const auto r = mg::plan(d, s, mg::requests::change_category(cats("X", "Y", "B")));
    BOOST_TEST_REQUIRE(!r.has_value());
    const mg::refusal& no = r.error();
    BOOST_TEST(no.code == mg::refusal_code::category_unchanged);
    BOOST_TEST(no.field == "request.categories");
    BOOST_TEST((no.levels == mg::level_set{M, P}));
    BOOST_TEST(no.value == "X"); // the first unchanged level's, bottom first
    BOOST_TEST_REQUIRE(no.associations.size() == 2u);
    BOOST_TEST(no.associations[0].code == "13-a");
    BOOST_TEST(no.associations[1].code == "13");
    // The suggestion: change only the national category.
    BOOST_TEST_REQUIRE(no.suggestion.has_value());
    BOOST_TEST(no.suggestion->op == mg::operation::change_category);
    BOOST_TEST((no.suggestion->levels == mg::level_set{N}));
    BOOST_TEST(no.suggestion->categories[N] == "B");
    // All three unchanged: no suggestion.
    const auto all = mg::plan(d, s, mg::requests::change_category(cats("X", "Y", "A2B")));
    BOOST_TEST_REQUIRE(!all.has_value());
    BOOST_TEST((all.error().levels == mg::level_set{M, P, N}));
    BOOST_TEST(all.error().value == "X");
    BOOST_TEST(!all.error().suggestion.has_value());
}

// ---- detail/encoding.hpp ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(utf8_cut_short_at_the_end_is_refused_as_utf8) {
    // Mostly UTF-8, its last character cut short: invalid UTF-8 at that byte, not CP932.
    const std::string csv = "code,name,prefecture\n13-a,甲区医師会,13\n13-b,乙\xE5\x8C";
    const auto r = mg::load_master(mg::directory::builtin(), opaque(std::string_view(csv)));
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error().kind == mg::load_error_kind::invalid_utf8));
    BOOST_TEST(r.error().line == 3u);
    BOOST_TEST(r.error().detail == "byte " + std::to_string(csv.size() - 1) + " = 0xE5");
    // A lone continuation byte at the end: the same refusal, at that byte.
    const std::string lone = "code,name,prefecture\n13-a,甲区医師会,13\x80";
    const auto r2 = mg::load_master(mg::directory::builtin(), opaque(std::string_view(lone)));
    BOOST_TEST_REQUIRE(!r2.has_value());
    BOOST_TEST((r2.error().kind == mg::load_error_kind::invalid_utf8));
    BOOST_TEST(r2.error().detail == "byte " + std::to_string(lone.size()) + " = 0x80");
}

// ---- plan.hpp ---------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(every_selection_has_its_json_name) {
    struct tcase {
        mg::selection s;
        std::string_view name;
    };
    for (const tcase& c :
         std::vector<tcase>{{mg::selection::none, ""},
                            {mg::selection::new_admission, "new"},
                            {mg::selection::additional, "additional"},
                            {mg::selection::category_change, "category_change"},
                            {mg::selection::association_transfer, "association_transfer"}})
        BOOST_TEST(mg::to_string(opaque(c.s)) == c.name);
}

// ---- support.hpp: the desk's break days -------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_break_day_that_is_no_day_of_any_year_is_an_invalid_desk) {
    const std::int64_t noon = *mg::parse_japan_time("2026-07-01T12:00");
    struct tcase {
        mg::month_day first, last;
        bool valid;
    };
    const std::vector<tcase> cases = {
        {{12, 29}, {1, 3}, true},   {{2, 29}, {2, 29}, true}, // 29 February exists in some years
        {{12, 29}, {2, 30}, false}, {{4, 31}, {5, 1}, false},   {{12, 32}, {1, 3}, false},
        {{0, 1}, {1, 3}, false},    {{12, 29}, {13, 1}, false}, {{12, 0}, {1, 3}, false},
    };
    for (const tcase& c : cases) {
        mg::desk d = mg::default_desk();
        d.break_first = c.first;
        d.break_last = c.last;
        d.has_year_end_break = opaque(true);
        const auto r = mg::support_status(d, opaque(noon));
        BOOST_TEST(r.has_value() == c.valid, c.first.month << "-" << c.first.day << " … "
                                                           << c.last.month << "-" << c.last.day);
        if (c.valid) {
            BOOST_TEST(r->open); // a Wednesday in July, at noon
        } else {
            BOOST_TEST((r.error() == mg::support_errc::invalid_desk));
        }
        // Without a break, the days do not matter.
        d.has_year_end_break = opaque(false);
        const auto no_break = mg::support_status(d, opaque(noon));
        BOOST_TEST_REQUIRE(no_break.has_value());
        BOOST_TEST(no_break->open);
    }
}
