// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Issue "Files as Japanese offices make them": Shift_JIS (CP932) and UTF-8 with a BOM, Excel's
// headers (Japanese names, any order, extra columns), CRLF and blank rows, codes and
// prefectures as people type them — through the C++ loaders. Refusals keep their file and
// line in both encodings.
#define BOOST_TEST_MODULE test_files
#include <boost/test/unit_test.hpp>

#include <mamisguide/mamisguide.hpp>

#include "excel_files.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace mamisguide;
namespace fs = std::filesystem;
using mgtest::to_cp932;

namespace {

struct scratch_dir {
    fs::path path;
    scratch_dir() {
        path = fs::temp_directory_path() / ("mg-files-" + std::to_string(::getpid()));
        fs::create_directories(path);
    }
    ~scratch_dir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

scratch_dir& scratch() {
    static scratch_dir d;
    return d;
}

std::string write_file(const std::string& name, const std::string& content) {
    const fs::path p = scratch().path / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
}

std::string why(const tl::expected<directory, load_error>& r) {
    return r ? std::string() : r.error().message(lang::en);
}

/// Two directories hold the same associations: codes, names, levels and parents.
void check_same(const directory& a, const directory& b) {
    BOOST_TEST_REQUIRE(a.size() == b.size());
    for (association_id v = 0; v < a.size(); ++v) {
        BOOST_TEST(a[v].code == b[v].code);
        BOOST_TEST(a[v].name == b[v].name);
        BOOST_TEST(a[v].name_en == b[v].name_en);
        BOOST_TEST((a.parent(v) == b.parent(v)));
    }
}

/// The JMA + prefectures + `rows` generated associations, each checked against its row.
void check_generated(const directory& d, std::size_t rows) {
    BOOST_TEST_REQUIRE(d.size() == 48 + rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const auto v = d.find(mgtest::excel_code(i));
        BOOST_TEST_REQUIRE(v.has_value(), mgtest::excel_code(i));
        BOOST_TEST(d[*v].code == mgtest::excel_code(i)); // folded and trimmed when stored
        BOOST_TEST(d[*v].name == "第" + std::to_string(i) + "地区医師会");
        BOOST_TEST((d.parent(*v) == std::optional<association_id>(i % 47 + 1)));
        BOOST_TEST(d[*v].name_en.empty() == (i % 3 == 0));
    }
}

std::vector<load_notice_kind> kinds(const std::vector<load_notice>& n) {
    std::vector<load_notice_kind> k;
    for (const auto& x : n) k.push_back(x.kind);
    return k;
}

} // namespace

namespace mamisguide {
std::ostream& operator<<(std::ostream& os, load_notice_kind k) {
    return os << static_cast<int>(k);
}
std::ostream& operator<<(std::ostream& os, load_error_kind k) {
    return os << static_cast<int>(k);
}
} // namespace mamisguide

BOOST_AUTO_TEST_CASE(shift_jis_master_of_890_rows_loads_like_its_utf8_twin) {
    const std::string utf8 = mgtest::excel_master_utf8();
    const std::string sjis = to_cp932(utf8);
    BOOST_TEST_REQUIRE(sjis != utf8);
    BOOST_TEST_REQUIRE(!detail::utf8_valid(sjis));

    std::vector<load_notice> n8, nj;
    const auto a = load_master_file(directory::builtin(), write_file("twin-utf8.csv", utf8),
                                    {text_encoding::automatic, &n8});
    const auto b = load_master_file(directory::builtin(), write_file("twin-sjis.csv", sjis),
                                    {text_encoding::automatic, &nj});
    BOOST_TEST_REQUIRE(a.has_value(), why(a));
    BOOST_TEST_REQUIRE(b.has_value(), why(b));
    check_generated(*a, 890);
    check_same(*a, *b);

    // The UTF-8 file: one notice, the unused columns, named once.
    BOOST_TEST(kinds(n8) == std::vector<load_notice_kind>{load_notice_kind::columns_ignored},
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(n8.size() == 1u);
    BOOST_TEST(n8[0].detail == "電話番号, 住所");
    // The CP932 file says so, then names the same columns (converted to UTF-8).
    BOOST_TEST(kinds(nj) == (std::vector<load_notice_kind>{load_notice_kind::read_as_cp932,
                                                           load_notice_kind::columns_ignored}),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(nj.size() == 2u);
    BOOST_TEST(nj[1].detail == "電話番号, 住所");
    BOOST_TEST(nj[0].message(lang::ja).find("CP932") != std::string::npos);

    // Forcing the right encoding loads the same, without the guess's notice.
    std::vector<load_notice> forced;
    const auto c =
        load_master(directory::builtin(), sjis, "forced", {text_encoding::cp932, &forced});
    BOOST_TEST_REQUIRE(c.has_value(), why(c));
    check_same(*a, *c);
    BOOST_TEST(forced.size() == 1u); // the ignored columns only

    // Every association plans the same through both: a join and a withdrawal.
    for (std::size_t i = 0; i < 890; ++i) {
        const std::string code = mgtest::excel_code(i);
        member_state none;
        request join;
        join.op = operation::join;
        join.municipal = code;
        join.levels = level_set{level::municipal, level::prefectural};
        join.categories[level::municipal] = "A";
        join.categories[level::prefectural] = "A";
        const plan_result pa = plan(*a, none, join), pb = plan(*b, none, join);
        BOOST_TEST_REQUIRE(pa.has_value(), code);
        BOOST_TEST_REQUIRE(pb.has_value(), code);
        BOOST_TEST(pa->result.municipal == pb->result.municipal);
        BOOST_TEST(pa->result.prefectural == pb->result.prefectural);
        BOOST_TEST(pa->checked.size() == pb->checked.size());
        for (std::size_t k = 0; k < pa->checked.size() && k < pb->checked.size(); ++k)
            BOOST_TEST(pa->checked[k].code == pb->checked[k].code);
    }
}

BOOST_AUTO_TEST_CASE(line_ends_blank_rows_and_bom_load_alike) {
    const std::string base = "code,name,prefecture\n13-a,甲医師会,13\n14-b,乙医師会,14\n";
    const auto want = load_master(directory::builtin(), base);
    BOOST_TEST_REQUIRE(want.has_value(), why(want));
    const std::string variants[] = {
        "code,name,prefecture\r\n13-a,甲医師会,13\r\n14-b,乙医師会,14\r\n",       // CRLF
        "code,name,prefecture\n13-a,甲医師会,13\n14-b,乙医師会,14",               // no final
        "code,name,prefecture\r\n13-a,甲医師会,13\r\n14-b,乙医師会,14",           // both
        "\n\ncode,name,prefecture\n\n13-a,甲医師会,13\n\n\n14-b,乙医師会,14\n\n", // blanks
        "code,name,prefecture\r\n,,\r\n13-a,甲医師会,13\r\n , "
        ",\u3000\r\n14-b,乙医師会,14\r\n", // Excel
        "\xEF\xBB\xBF" + base,             // BOM
        "\xEF\xBB\xBF"
        "code,name,prefecture,,\r\n13-a,甲医師会,13,,\r\n14-b,乙医師会,14,,\r\n", // padded
    };
    for (const std::string& v : variants) {
        for (const std::string& bytes : {v, v.substr(0, 3) == "\xEF\xBB\xBF" ? v : to_cp932(v)}) {
            const auto got = load_master(directory::builtin(), bytes, "v.csv");
            BOOST_TEST_REQUIRE(got.has_value(), why(got));
            check_same(*want, *got);
        }
    }
}

BOOST_AUTO_TEST_CASE(refusals_name_the_same_line_in_both_encodings) {
    struct bad_case {
        const char* name;
        std::string body; // after the header
        load_error_kind kind;
        std::size_t line;
        const char* detail;
    };
    // A comment, a header in Japanese, a blank line and CRLF before each problem.
    const std::string head =
        "# 出典: 事務局\r\nコード,名称,都道府県,電話\r\n\r\n13-a,甲医師会,東京都,1\r\n";
    const bad_case cases[] = {
        {"duplicate", "13-b,乙医師会,13,2\r\n１３－ａ,丙医師会,13,3\r\n",
         load_error_kind::duplicate_code, 6, "13-a (line 4)"},
        {"prefecture 48", "13-b,乙医師会,48,2\r\n", load_error_kind::unknown_prefecture, 5, "48"},
        {"prefecture name", "\r\n13-b,乙医師会,東京府,2\r\n", load_error_kind::unknown_prefecture,
         6, "東京府"},
        {"empty code", "13-b,乙医師会,13,2\r\n\u3000,丙医師会,13,3\r\n",
         load_error_kind::empty_field, 6, "code"},
        {"empty name", "13-b, ,13,2\r\n", load_error_kind::empty_field, 5, "name"},
        {"too few fields", "13-b,乙医師会,13,2\r\n13-c,丙医師会\r\n", load_error_kind::column_count,
         6, "2 != 4"},
        {"open quote", "13-b,乙医師会,13,2\r\n13-c,\"丙医師会,13,3\r\n14-d,丁,14,4\r\n",
         load_error_kind::csv_syntax, 6, ""},
    };
    for (const bad_case& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            const std::string utf8 = head + c.body;
            for (const std::string& bytes : {utf8, "\xEF\xBB\xBF" + utf8, to_cp932(utf8)}) {
                const std::string path = write_file("refused.csv", bytes);
                const auto r = load_master_file(directory::builtin(), path);
                BOOST_TEST_REQUIRE(!r.has_value());
                BOOST_TEST(r.error().kind == c.kind);
                BOOST_TEST(r.error().line == c.line);
                BOOST_TEST(r.error().detail.find(c.detail) != std::string::npos, r.error().detail);
                const std::string where = path + ":" + std::to_string(c.line) + ": ";
                BOOST_TEST(r.error().message(lang::ja).rfind(where, 0) == 0u);
                BOOST_TEST(detail::utf8_valid(r.error().message(lang::ja)));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(bytes_that_are_neither_name_file_line_and_byte) {
    // Shift_JIS, then a byte CP932 does not have (0x80) on line 3.
    const std::string sjis =
        to_cp932("コード,名称,都道府県\n13-a,甲医師会,13\n") + "13-b,\x80,13\n";
    const std::size_t at = sjis.find('\x80') + 1;
    const auto r = load_master(directory::builtin(), sjis, "neither.csv");
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error().kind == load_error_kind::invalid_encoding);
    BOOST_TEST(r.error().line == 3u);
    BOOST_TEST(r.error().detail == "byte " + std::to_string(at) + " = 0x80");
    // Forced CP932: the same place, its own reason.
    const auto f =
        load_master(directory::builtin(), sjis, "cp.csv", {text_encoding::cp932, nullptr});
    BOOST_TEST_REQUIRE(!f.has_value());
    BOOST_TEST(f.error().kind == load_error_kind::invalid_cp932);
    BOOST_TEST(f.error().line == 3u);
    // Forced UTF-8 on a Shift_JIS file: refused at its first Japanese byte (line 1).
    const auto u = load_master(directory::builtin(), to_cp932("コード,名称,都道府県\n"), "u.csv",
                               {text_encoding::utf8, nullptr});
    BOOST_TEST_REQUIRE(!u.has_value());
    BOOST_TEST(u.error().kind == load_error_kind::invalid_utf8);
    BOOST_TEST(u.error().line == 1u);
    BOOST_TEST(u.error().detail == "byte 1 = 0x83");
    // A UTF-8 BOM and then bad bytes: UTF-8 was meant, so no guess.
    const auto b = load_master(directory::builtin(), "\xEF\xBB\xBF" + sjis, "bom.csv");
    BOOST_TEST_REQUIRE(!b.has_value());
    BOOST_TEST(b.error().kind == load_error_kind::invalid_utf8);
    BOOST_TEST(b.error().line == 1u);
    BOOST_TEST(b.error().detail == "byte 4 = 0x83");
    // The encoding's names.
    text_encoding e{};
    BOOST_TEST((parse_encoding("UTF-8", e) && e == text_encoding::utf8));
    BOOST_TEST((parse_encoding("cp932", e) && e == text_encoding::cp932));
    BOOST_TEST((parse_encoding("Shift_JIS", e) && e == text_encoding::cp932));
    BOOST_TEST((parse_encoding("auto", e) && e == text_encoding::automatic));
    BOOST_TEST(!parse_encoding("latin1", e));
    BOOST_TEST(to_string(text_encoding::cp932) == "cp932");
}

BOOST_AUTO_TEST_CASE(catalogues_from_excel) {
    const auto dir = load_master(directory::builtin(), "code,name,prefecture\n13-a,甲医師会,13\n");
    BOOST_TEST_REQUIRE(dir.has_value());
    const std::pair<const char*, const char*> headers[] = {
        {"会員区分,備考,区分コード,医師会コード\r\n", "備考"},
        {"LABEL ,note, Code,Association\r\n", "note"},
        {"区分名,備考,会員区分コード,医師会コード\r\n", "備考"}};
    for (const auto& [header, ignored] : headers) {
        BOOST_TEST_CONTEXT(header) {
            const std::string utf8 = std::string(header) + "Ａ会員,x,Ａ,１３－ａ\r\n"
                                                           "\u3000B会員 ,y, B ,13-a\r\n"
                                                           "東京都の区分,z,T1,１３\r\n";
            for (const std::string& bytes : {utf8, to_cp932(utf8)}) {
                std::vector<load_notice> notices;
                const auto d =
                    load_categories(*dir, bytes, "cat.csv", {text_encoding::automatic, &notices});
                BOOST_TEST_REQUIRE(d.has_value(), why(d));
                const association_id a = *d->find("13-a");
                const catalogue* c = d->catalogue_of(a);
                BOOST_TEST_REQUIRE(c != nullptr);
                BOOST_TEST_REQUIRE(c->entries.size() == 2u);
                BOOST_TEST(c->entries[0].code == "A");
                BOOST_TEST(c->entries[0].label == "Ａ会員");
                BOOST_TEST(c->entries[1].code == "B");
                BOOST_TEST(c->entries[1].label == "B会員");
                BOOST_TEST(d->catalogue_of(13) != nullptr);
                BOOST_TEST((check_category(*d, a, "Ａ") == category_check::known));
                BOOST_TEST((check_category(*d, a, "C") == category_check::unknown));
                BOOST_TEST_REQUIRE(!notices.empty());
                BOOST_TEST(notices.back().kind == load_notice_kind::columns_ignored);
                BOOST_TEST(notices.back().detail == ignored);
            }
        }
    }
    // Refusals in both encodings: missing column named, duplicate after folding, short row.
    const std::pair<std::string, std::pair<load_error_kind, std::size_t>> bad[] = {
        {"医師会コード,区分名\n13-a,甲\n", {load_error_kind::missing_column, 1}},
        {"医師会コード,区分コード,区分名\n13-a,A,甲\n13-a,Ａ,乙\n",
         {load_error_kind::duplicate_code, 3}},
        {"医師会コード,区分コード,区分名\n\n13-a,A\n", {load_error_kind::column_count, 3}},
        {"医師会コード,区分コード,区分名\n13-a,A,\"甲\n", {load_error_kind::csv_syntax, 2}},
    };
    for (const auto& [text, want] : bad)
        for (const std::string& bytes : {text, to_cp932(text)}) {
            const auto r = load_categories(*dir, bytes, "bad.csv");
            BOOST_TEST_REQUIRE(!r.has_value(), text);
            BOOST_TEST(r.error().kind == want.first, text);
            BOOST_TEST(r.error().line == want.second, text);
        }
    const auto missing = load_categories(*dir, "医師会コード,区分名\n13-a,甲\n", "m.csv");
    BOOST_TEST(missing.error().message(lang::en) == "m.csv:1: a required column is missing (code)");
}

BOOST_AUTO_TEST_CASE(requests_with_codes_as_people_type_them) {
    auto dir =
        load_master(directory::builtin(), "code,name,prefecture\n13-a,甲医師会,13\n14-b,乙,14\n");
    BOOST_TEST_REQUIRE(dir.has_value());
    dir = load_categories(*dir, "association,code,label\n13-a,A,甲会員\n13,B,都の区分\n");
    BOOST_TEST_REQUIRE(dir.has_value(), why(dir));
    member_state none;
    request join;
    join.op = operation::join;
    join.municipal = "１３－ａ\u3000";
    join.levels = level_set{level::municipal, level::prefectural, level::national};
    join.categories[level::municipal] = "Ａ";
    join.categories[level::prefectural] = " Ｂ";
    join.categories[level::national] = "Ａ２Ｂ";
    const plan_result p = plan(*dir, none, join);
    BOOST_TEST_REQUIRE(p.has_value());
    // The answer writes the codes as the directory and the catalogues do.
    BOOST_TEST(p->result.municipal == "13-a");
    BOOST_TEST(p->result.categories[level::municipal] == "A");
    BOOST_TEST(p->result.categories[level::prefectural] == "B");
    BOOST_TEST(p->result.categories[level::national] == "A2B");
    for (const category_choice& c : p->categories) BOOST_TEST(c.checked);

    // A member written with full-width codes and the prefecture's name.
    member_state m;
    m.page = mypage::yes;
    m.municipal = "１３－Ａ"; // upper case: not folded to lower — refused as unknown
    m.levels = level_set{level::municipal, level::prefectural};
    request w;
    w.op = operation::withdraw;
    w.levels = level_set{level::municipal, level::prefectural};
    BOOST_TEST(!plan(*dir, m, w).has_value());
    m.municipal = "１３－ａ";
    for (const char* pref : {"13", "１３", "東京都", "東京"}) {
        m.prefectural = pref;
        const plan_result r = plan(*dir, m, w);
        BOOST_TEST(r.has_value(), pref);
    }
    m.prefectural = "14";
    BOOST_TEST(!plan(*dir, m, w).has_value());
    // The request's municipal written differently from the member's: still the same one.
    w.municipal = "13-a";
    m.prefectural = {};
    BOOST_TEST(plan(*dir, m, w).has_value());
}

BOOST_AUTO_TEST_CASE(master_rows_from_any_format_are_normalised) {
    const std::vector<master_row> rows = {{" １３－ｘ ", "\u3000甲医師会\u3000", "東京", "", 3},
                                          {"01-y", "乙医師会", "1", " Otsu ", 7}};
    const auto d = load_master_rows(directory::builtin(), rows, "rows");
    BOOST_TEST_REQUIRE(d.has_value(), why(d));
    const association_id x = *d->find("13-x");
    BOOST_TEST((*d)[x].code == "13-x");
    BOOST_TEST((*d)[x].name == "甲医師会");
    BOOST_TEST((d->parent(x) == std::optional<association_id>(13)));
    const association_id y = *d->find("01-y");
    BOOST_TEST((*d)[y].name_en == "Otsu");
    BOOST_TEST((d->parent(y) == std::optional<association_id>(1)));
}
