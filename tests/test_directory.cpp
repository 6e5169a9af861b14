// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Issue "Foundation": the directory graph (48 built-in associations, edges one level up), the
// municipal master loader and every class of refusal it has, lookups, the category catalogue
// loader, and the Graphviz DOT output (rules.md §1–§2).
#define BOOST_TEST_MODULE test_directory
#include <boost/test/unit_test.hpp>

#include <mamisguide/mamisguide.hpp>

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

using namespace mamisguide;
namespace fs = std::filesystem;

namespace mamisguide {
std::ostream& operator<<(std::ostream& os, level l) {
    return os << to_string(l);
}
} // namespace mamisguide
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::optional<mamisguide::association_id>)

namespace {

/// A scratch directory for the bad files, removed at exit.
struct scratch_dir {
    fs::path path;
    scratch_dir() {
        path = fs::temp_directory_path() /
               ("mamisguide_test_directory_" + std::to_string(static_cast<long>(::getpid())));
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

/// Writes `content` to a file named `name` in the scratch directory; returns its path.
std::string write_file(const std::string& name, std::string_view content) {
    const fs::path p = scratch().path / name;
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
}

/// Loads `content` as the master file `name` on top of `base`.
tl::expected<directory, load_error> load_as_file(const std::string& name, std::string_view content,
                                                 const directory& base = directory::builtin()) {
    return load_master_file(base, write_file(name, content));
}

/// Asserts a refused load: its kind, line, file and (if given) a part of its detail.
void expect_refused(const tl::expected<directory, load_error>& r, load_error_kind kind,
                    std::size_t line, const std::string& file, std::string_view detail = {}) {
    BOOST_TEST_REQUIRE(!r.has_value());
    const load_error& e = r.error();
    BOOST_TEST(static_cast<int>(e.kind) == static_cast<int>(kind));
    BOOST_TEST(e.line == line);
    BOOST_TEST(e.file == file);
    if (!detail.empty())
        BOOST_TEST(e.detail.find(detail) != std::string::npos, "detail '" << e.detail << "'");
    // The message names the file, the line and the reason.
    const std::string m = e.message();
    BOOST_TEST(m.find(file) == 0u);
    if (line) BOOST_TEST(m.find(file + ":" + std::to_string(line) + ":") == 0u);
    BOOST_TEST(m.find(label(kind).ja) != std::string::npos);
    BOOST_TEST(e.message(lang::en).find(label(kind).en) != std::string::npos);
}

/// As expect_refused, for a file written by load_as_file.
void expect_file_refused(const std::string& name, std::string_view content, load_error_kind kind,
                         std::size_t line, std::string_view detail = {},
                         const directory& base = directory::builtin()) {
    BOOST_TEST_CONTEXT("file " << name) {
        const auto r = load_as_file(name, content, base);
        expect_refused(r, kind, line, (scratch().path / name).string(), detail);
    }
}

const char* const header = "code,name,prefecture\n";

/// A small master: two municipal associations in Tokyo, one in Kanagawa.
directory small() {
    auto d = load_master(directory::builtin(), "code,name,prefecture,name_en\n"
                                               "13-a,甲区医師会,13,Ko Medical Association\n"
                                               "13-b,乙区医師会,13,\n"
                                               "14-a,丙市医師会,14,Hei Medical Association\n");
    BOOST_TEST_REQUIRE(d.has_value());
    return *d;
}

association_id id_of(const directory& d, std::string_view code) {
    const auto v = d.find(code);
    BOOST_TEST_REQUIRE(v.has_value(), "no association " << code);
    return *v;
}

} // namespace

// ---- the built-in 48 -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(builtin_has_jma_and_47_prefectures) {
    const directory d = directory::builtin();
    BOOST_TEST(d.size() == 48u);
    BOOST_TEST(boost::num_edges(d.graph()) == 47u);
    const association& jma = d[directory::national()];
    BOOST_TEST(jma.code == "00");
    BOOST_TEST(jma.name == "日本医師会");
    BOOST_TEST(jma.name_en == "Japan Medical Association");
    BOOST_TEST(jma.lvl == level::national);
    BOOST_TEST(d.find("00") == std::optional<association_id>(directory::national()));
}

BOOST_AUTO_TEST_CASE(builtin_prefectures_in_jis_order_with_official_names) {
    static const char* const names[47] = {
        "北海道医師会",   "青森県医師会", "岩手県医師会", "宮城県医師会",   "秋田県医師会",
        "山形県医師会",   "福島県医師会", "茨城県医師会", "栃木県医師会",   "群馬県医師会",
        "埼玉県医師会",   "千葉県医師会", "東京都医師会", "神奈川県医師会", "新潟県医師会",
        "富山県医師会",   "石川県医師会", "福井県医師会", "山梨県医師会",   "長野県医師会",
        "岐阜県医師会",   "静岡県医師会", "愛知県医師会", "三重県医師会",   "滋賀県医師会",
        "京都府医師会",   "大阪府医師会", "兵庫県医師会", "奈良県医師会",   "和歌山県医師会",
        "鳥取県医師会",   "島根県医師会", "岡山県医師会", "広島県医師会",   "山口県医師会",
        "徳島県医師会",   "香川県医師会", "愛媛県医師会", "高知県医師会",   "福岡県医師会",
        "佐賀県医師会",   "長崎県医師会", "熊本県医師会", "大分県医師会",   "宮崎県医師会",
        "鹿児島県医師会", "沖縄県医師会"};
    const directory d = directory::builtin();
    std::set<std::string> english;
    for (unsigned n = 1; n <= 47; ++n) {
        char code[3];
        std::snprintf(code, sizeof code, "%02u", n);
        BOOST_TEST_CONTEXT("prefecture " << code) {
            const auto v = d.find(code);
            BOOST_TEST_REQUIRE(v.has_value());
            BOOST_TEST(*v == directory::prefecture(n));
            const association& a = d[*v];
            BOOST_TEST(a.code == code);
            BOOST_TEST(a.name == names[n - 1]);
            BOOST_TEST(a.lvl == level::prefectural);
            BOOST_TEST(!a.name_en.empty());
            BOOST_TEST(a.name_en.find("Medical Association") != std::string::npos);
            english.insert(a.name_en);
            BOOST_TEST(a.name_in(lang::en) == a.name_en);
            BOOST_TEST(a.name_in(lang::ja) == a.name);
        }
    }
    BOOST_TEST(english.size() == 47u); // all different
    BOOST_TEST(d[directory::prefecture(13)].name_en == "Tokyo Medical Association");
    BOOST_TEST(d[directory::prefecture(26)].name_en == "Kyoto Medical Association");
    BOOST_TEST(d[directory::prefecture(27)].name_en == "Osaka Medical Association");
    BOOST_TEST(!d.find("48").has_value());
    BOOST_TEST(!d.find("0").has_value());
    BOOST_TEST(!d.find("1").has_value());
}

namespace {
/// Every edge goes exactly one level up; every association but JMA has exactly one parent.
void check_edges_one_level_up(const directory& d) {
    const association_graph& g = d.graph();
    std::size_t edges = 0;
    for (auto [e, end] = boost::edges(g); e != end; ++e, ++edges) {
        const association& from = g[boost::source(*e, g)];
        const association& to = g[boost::target(*e, g)];
        BOOST_TEST_CONTEXT("edge " << from.code << " -> " << to.code) {
            BOOST_TEST(index_of(to.lvl) == index_of(from.lvl) + 1);
        }
    }
    BOOST_TEST(edges == d.size() - 1); // a tree: one edge per association except the root
    for (association_id v = 0; v < d.size(); ++v) {
        BOOST_TEST_CONTEXT("association " << d[v].code) {
            BOOST_TEST(boost::out_degree(v, g) == (d[v].lvl == level::national ? 0u : 1u));
            if (d[v].lvl == level::municipal) BOOST_TEST(boost::in_degree(v, g) == 0u);
            if (d[v].lvl == level::prefectural)
                BOOST_TEST(boost::in_degree(v, g) == d.municipal_of(v).size());
        }
    }
    BOOST_TEST(boost::in_degree(directory::national(), g) == 47u);
}
} // namespace

BOOST_AUTO_TEST_CASE(edges_only_one_level_up_builtin) {
    check_edges_one_level_up(directory::builtin());
}

BOOST_AUTO_TEST_CASE(edges_only_one_level_up_loaded) {
    check_edges_one_level_up(small());
    const auto sample = load_master_file(directory::builtin(), MG_SAMPLE_MASTER);
    BOOST_TEST_REQUIRE(sample.has_value());
    check_edges_one_level_up(*sample);
}

// ---- the master loader: what is accepted -------------------------------------------------

BOOST_AUTO_TEST_CASE(load_from_memory_buffer) {
    const directory d = small();
    BOOST_TEST(d.size() == 51u);
    const association& a = d[id_of(d, "13-a")];
    BOOST_TEST(a.lvl == level::municipal);
    BOOST_TEST(a.name == "甲区医師会");
    BOOST_TEST(a.name_en == "Ko Medical Association");
    BOOST_TEST(d[id_of(d, "13-b")].name_en.empty()); // name_en column present, value empty
    BOOST_TEST(d[id_of(d, "13-b")].name_in(lang::en) == "乙区医師会");
    BOOST_TEST(d.parent(id_of(d, "14-a")) == std::optional<association_id>(14));
}

BOOST_AUTO_TEST_CASE(name_en_column_optional) {
    const auto d = load_master(directory::builtin(), "code,name,prefecture\n27-x,某市医師会,27\n");
    BOOST_TEST_REQUIRE(d.has_value());
    const association& a = (*d)[id_of(*d, "27-x")];
    BOOST_TEST(a.name == "某市医師会");
    BOOST_TEST(a.name_en.empty());
    BOOST_TEST(a.name_in(lang::en) == "某市医師会");
}

BOOST_AUTO_TEST_CASE(quoted_fields_commas_quotes_crlf) {
    const auto d =
        load_master(directory::builtin(),
                    "code,name,prefecture,name_en\r\n"
                    "\"13-q\",\"甲,乙医師会\",\"13\",\"The \"\"Quoted\"\", Association\"\r\n"
                    "13-r,丙医師会,13,Hei\r\n");
    BOOST_TEST_REQUIRE(d.has_value(), (d ? "" : d.error().message()));
    const association& q = (*d)[id_of(*d, "13-q")];
    BOOST_TEST(q.name == "甲,乙医師会");
    BOOST_TEST(q.name_en == "The \"Quoted\", Association");
    const association& r = (*d)[id_of(*d, "13-r")];
    BOOST_TEST(r.name == "丙医師会"); // no stray \r
    BOOST_TEST(r.name_en == "Hei");
    BOOST_TEST(r.code == "13-r");
}

BOOST_AUTO_TEST_CASE(bom_and_leading_comments_accepted) {
    const auto d = load_master(directory::builtin(), "\xEF\xBB\xBF"
                                                     "# SAMPLE DATA\n"
                                                     "# second comment, with a comma\n"
                                                     "code,name,prefecture\n"
                                                     "01-x,某医師会,01\n");
    BOOST_TEST_REQUIRE(d.has_value(), (d ? "" : d.error().message()));
    BOOST_TEST((*d)[id_of(*d, "01-x")].name == "某医師会");
    // Line numbers count the comment lines.
    const auto bad = load_master(directory::builtin(),
                                 "\xEF\xBB\xBF# c\ncode,name,prefecture\n"
                                 "01-x,某医師会,99\n",
                                 "c.csv");
    BOOST_TEST_REQUIRE(!bad.has_value());
    BOOST_TEST(bad.error().line == 3u);
}

BOOST_AUTO_TEST_CASE(loading_twice_adds) {
    const directory one = small();
    const auto two = load_master(one, "code,name,prefecture\n47-n,那覇市医師会,47\n");
    BOOST_TEST_REQUIRE(two.has_value());
    BOOST_TEST(two->size() == one.size() + 1);
    BOOST_TEST(two->find("13-a").has_value());
    BOOST_TEST(two->find("47-n").has_value());
    BOOST_TEST(!one.find("47-n").has_value()); // the base is unchanged
    check_edges_one_level_up(*two);
}

BOOST_AUTO_TEST_CASE(duplicate_across_loads_refused) {
    const directory one = small();
    expect_file_refused("again.csv", "code,name,prefecture\n47-n,那覇市医師会,47\n13-b,乙,13\n",
                        load_error_kind::duplicate_code, 3, "13-b", one);
}

BOOST_AUTO_TEST_CASE(bundled_sample_master_loads) {
    const auto d = load_master_file(directory::builtin(), MG_SAMPLE_MASTER);
    BOOST_TEST_REQUIRE(d.has_value(), (d ? "" : d.error().message()));
    BOOST_TEST(d->size() > 48u);
    const association& c = (*d)[id_of(*d, "13-chiyoda")];
    BOOST_TEST(c.name == "千代田区医師会");
    BOOST_TEST(c.lvl == level::municipal);
    BOOST_TEST(d->parent(id_of(*d, "13-chiyoda")) == std::optional<association_id>(13));
    std::ifstream in(MG_SAMPLE_MASTER);
    std::string first;
    std::getline(in, first);
    BOOST_TEST(first.find("SAMPLE") != std::string::npos); // clearly labelled as sample data
}

// ---- the master loader: every refusal, one bad file each -------------------------------------

BOOST_AUTO_TEST_CASE(refuse_unknown_prefecture) {
    expect_file_refused("unknown_pref.csv",
                        std::string(header) + "13-a,甲医師会,13\n99-x,某医師会,48\n",
                        load_error_kind::unknown_prefecture, 3, "48");
}

BOOST_AUTO_TEST_CASE(refuse_prefecture_00_wrong_level) {
    expect_file_refused("pref00.csv", std::string(header) + "00-x,某医師会,00\n",
                        load_error_kind::wrong_level, 2, "00");
}

BOOST_AUTO_TEST_CASE(refuse_parent_that_is_municipal) {
    // A municipal association as a parent: not one level up.
    expect_file_refused("pref_municipal.csv", std::string(header) + "13-z,某医師会,13-a\n",
                        load_error_kind::wrong_level, 2, "13-a", small());
}

BOOST_AUTO_TEST_CASE(refuse_duplicate_within_file_names_earlier_line) {
    expect_file_refused(
        "dup.csv", std::string(header) + "13-a,甲医師会,13\n13-b,乙医師会,13\n13-a,丙医師会,14\n",
        load_error_kind::duplicate_code, 4, "line 2");
}

BOOST_AUTO_TEST_CASE(refuse_code_clashing_with_builtin) {
    expect_file_refused("clash13.csv", std::string(header) + "13-a,甲医師会,13\n13,東京,13\n",
                        load_error_kind::duplicate_code, 3, "13");
    expect_file_refused("clash00.csv", std::string(header) + "00,日医,13\n",
                        load_error_kind::duplicate_code, 2, "00");
}

BOOST_AUTO_TEST_CASE(refuse_code_clashing_with_code_loaded_before) {
    expect_file_refused("clash_loaded.csv", std::string(header) + "14-a,別の医師会,14\n",
                        load_error_kind::duplicate_code, 2, "14-a", small());
}

BOOST_AUTO_TEST_CASE(refuse_empty_code) {
    expect_file_refused("empty_code.csv", std::string(header) + "13-a,甲,13\n,乙医師会,13\n",
                        load_error_kind::empty_field, 3, "code");
}

BOOST_AUTO_TEST_CASE(refuse_empty_name) {
    expect_file_refused("empty_name.csv", std::string(header) + "13-a,,13\n",
                        load_error_kind::empty_field, 2, "name");
}

BOOST_AUTO_TEST_CASE(refuse_empty_prefecture) {
    expect_file_refused("empty_pref.csv", std::string(header) + "13-a,甲,13\n13-b,乙,\"\"\n",
                        load_error_kind::empty_field, 3, "prefecture");
}

BOOST_AUTO_TEST_CASE(refuse_wrong_number_of_columns) {
    expect_file_refused("cols_few.csv", std::string(header) + "13-a,甲,13\n13-b,乙\n",
                        load_error_kind::column_count, 3);
    expect_file_refused("cols_many.csv", "code,name,prefecture,name_en\n13-a,甲,13,Ko,extra\n",
                        load_error_kind::column_count, 2);
}

BOOST_AUTO_TEST_CASE(refuse_missing_header_empty_file) {
    expect_file_refused("empty.csv", "", load_error_kind::missing_header, 1);
    expect_file_refused("only_comments.csv", "# nothing here\n", load_error_kind::missing_header,
                        1);
}

BOOST_AUTO_TEST_CASE(refuse_missing_column_naming_it) {
    expect_file_refused("bad_header.csv", "code,name,pref\n13-a,甲,13\n",
                        load_error_kind::missing_column, 1, "prefecture");
    expect_file_refused("no_header.csv", "13-a,甲,13\n", load_error_kind::missing_column, 1,
                        "code, name, prefecture");
    expect_file_refused("no_name.csv", "# c\nコード,都道府県\n13-a,13\n",
                        load_error_kind::missing_column, 2, "name");
    // One column named twice (in two languages) is refused, naming the second.
    expect_file_refused("twice.csv", "code,name,prefecture,医師会コード\n",
                        load_error_kind::bad_header, 1, "医師会コード");
}

BOOST_AUTO_TEST_CASE(header_in_any_order_and_extra_columns) {
    std::vector<load_notice> notices;
    const auto d = load_master(directory::builtin(), "name,x,prefecture,code\n甲医師会,1,13,13-a\n",
                               "order.csv", {text_encoding::automatic, &notices});
    BOOST_TEST_REQUIRE(d.has_value(), (d ? "" : d.error().message()));
    BOOST_TEST((*d)[id_of(*d, "13-a")].name == "甲医師会");
    BOOST_TEST_REQUIRE(notices.size() == 1u);
    BOOST_TEST(static_cast<int>(notices[0].kind) ==
               static_cast<int>(load_notice_kind::columns_ignored));
    BOOST_TEST(notices[0].detail == "x");
    BOOST_TEST(notices[0].message(lang::en) == "order.csv: columns not used were ignored (x)");
    // A header alone (an extra column, no rows) loads nothing and says so.
    notices.clear();
    const auto empty = load_master(directory::builtin(), "# c\ncode,name,prefecture,name_en,x\n",
                                   "h.csv", {text_encoding::automatic, &notices});
    BOOST_TEST_REQUIRE(empty.has_value());
    BOOST_TEST(empty->size() == 48u);
    BOOST_TEST(notices.size() == 1u);
}

BOOST_AUTO_TEST_CASE(refuse_invalid_utf8_at_line_of_bad_byte) {
    // Mostly UTF-8 with one bad byte: refused as UTF-8 even when the encoding is guessed.
    expect_file_refused("utf8.csv",
                        std::string(header) + "13-a,甲医師会,13\n13-b,\xE4\xB9\x99\xFF,13\n",
                        load_error_kind::invalid_utf8, 3, "byte 51 = 0xFF");
    // A truncated sequence, an overlong and a surrogate, read as UTF-8 (forced): these bytes
    // would otherwise read as CP932.
    const load_options utf8{text_encoding::utf8, nullptr};
    auto forced = [&](const std::string& name, const std::string& content, std::size_t line) {
        const std::string path = write_file(name, content);
        expect_refused(load_master_file(directory::builtin(), path, utf8),
                       load_error_kind::invalid_utf8, line, path);
    };
    forced("utf8_trunc.csv", std::string(header) + "13-a,\xE7\x94,13\n", 2);
    forced("utf8_overlong.csv", std::string(header) + "\n\n13-a,\xC0\xAF,13\n", 4);
    forced("utf8_surrogate.csv", std::string(header) + "13-a,\xED\xA0\x80,13\n", 2);
}

BOOST_AUTO_TEST_CASE(refuse_control_characters) {
    expect_file_refused("ctrl_name.csv", std::string(header) + "13-a,甲\x01医師会,13\n",
                        load_error_kind::invalid_field, 2, "name");
    expect_file_refused("ctrl_tab.csv", std::string(header) + "13-a,甲,13\n13-b,乙\t医師会,13\n",
                        load_error_kind::invalid_field, 3, "name");
    expect_file_refused("ctrl_newline.csv", std::string(header) + "13-a,\"甲\n医師会\",13\n",
                        load_error_kind::invalid_field, 2, "name");
    expect_file_refused("ctrl_code.csv",
                        std::string(header) + "13\x7F"
                                              "a,甲,13\n",
                        load_error_kind::invalid_field, 2, "code");
    expect_file_refused("space_code.csv", std::string(header) + "13 a,甲,13\n",
                        load_error_kind::invalid_field, 2, "code");
    expect_file_refused("ctrl_name_en.csv", "code,name,prefecture,name_en\n13-a,甲,13,K\x1B\n",
                        load_error_kind::invalid_field, 2, "name_en");
}

BOOST_AUTO_TEST_CASE(refuse_unterminated_quote) {
    expect_file_refused("quote.csv", std::string(header) + "13-a,甲,13\n13-b,\"乙医師会,13\n",
                        load_error_kind::csv_syntax, 3);
    expect_file_refused("stray_quote.csv", std::string(header) + "13-a,甲\"x,13\n",
                        load_error_kind::csv_syntax, 2);
}

BOOST_AUTO_TEST_CASE(refuse_unreadable_nonexistent_path) {
    const std::string path = (scratch().path / "does-not-exist.csv").string();
    const auto r = load_master_file(directory::builtin(), path);
    expect_refused(r, load_error_kind::unreadable, 0, path);
    BOOST_TEST(!r.error().detail.empty()); // the system's reason
}

BOOST_AUTO_TEST_CASE(refuse_unreadable_directory) {
    const std::string path = scratch().path.string();
    expect_refused(load_master_file(directory::builtin(), path), load_error_kind::unreadable, 0,
                   path);
    expect_refused(load_categories_file(directory::builtin(), path), load_error_kind::unreadable, 0,
                   path);
}

// A regular file whose size does not match what was read from it (as when it is truncated or
// rewritten while it is read) is refused, not half-read. Linux's /proc files are regular files
// whose size says 0 while they read as text: a file that "changed" every time.
BOOST_AUTO_TEST_CASE(refuse_file_that_changes_while_read) {
    const std::string path = "/proc/self/status";
    if (!fs::is_regular_file(path) || fs::file_size(path) != 0) {
        BOOST_TEST_MESSAGE("no /proc file that reads more than its size: not checked");
        return;
    }
    expect_refused(load_master_file(directory::builtin(), path), load_error_kind::unreadable, 0,
                   path, "the file changed while it was read");
    expect_refused(load_categories_file(directory::builtin(), path), load_error_kind::unreadable, 0,
                   path, "the file changed while it was read");
}

BOOST_AUTO_TEST_CASE(refuse_too_large) {
    std::string big(header);
    big.append(max_master_bytes + 1 - big.size(), '#');
    BOOST_TEST(big.size() == max_master_bytes + 1);
    const std::string path = write_file("big.csv", big);
    expect_refused(load_master_file(directory::builtin(), path), load_error_kind::too_large, 0,
                   path);
    expect_refused(load_master(directory::builtin(), big, "big-buffer"), load_error_kind::too_large,
                   0, "big-buffer");
    fs::remove(path);
}

BOOST_AUTO_TEST_CASE(failed_load_loads_nothing) {
    const directory base = small();
    const auto* data_before = base.data().get();
    const std::size_t size_before = base.size();
    const auto r = load_master(base,
                               "code,name,prefecture\n"
                               "13-c,丙区医師会,13\n"
                               "14-c,丁市医師会,14\n"
                               "99-x,某医師会,99\n",
                               "partial.csv");
    expect_refused(r, load_error_kind::unknown_prefecture, 4, "partial.csv", "99");
    BOOST_TEST(base.data().get() == data_before);
    BOOST_TEST(base.size() == size_before);
    BOOST_TEST(!base.find("13-c").has_value());
    BOOST_TEST(!base.find("14-c").has_value());
    BOOST_TEST(base.municipal_of(13).size() == 2u);
    BOOST_TEST(base.municipal_of(14).size() == 1u);
    // The rows that were fine are not loaded by a later, successful load either.
    const auto ok = load_master(base, "code,name,prefecture\n13-d,戊区医師会,13\n");
    BOOST_TEST_REQUIRE(ok.has_value());
    BOOST_TEST(!ok->find("13-c").has_value());
    BOOST_TEST(ok->find("13-d").has_value());
}

// ---- lookups -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(find_by_code) {
    const directory d = small();
    for (std::string_view code : {"00", "01", "13", "47", "13-a", "13-b", "14-a"}) {
        const auto v = d.find(code);
        BOOST_TEST_REQUIRE(v.has_value(), code);
        BOOST_TEST(d[*v].code == code);
    }
}

BOOST_AUTO_TEST_CASE(unknown_code_is_nullopt) {
    const directory d = small();
    for (std::string_view code : {"", "99", "13-c", "13-A", "13 -a", "１３－Ａ", "日本医師会"})
        BOOST_TEST(!d.find(code).has_value(), "'" << code << "'");
}

BOOST_AUTO_TEST_CASE(codes_as_people_type_them) {
    const directory d = small();
    // Surrounding ASCII and ideographic spaces, full-width letters, digits and hyphen.
    for (std::string_view code : {" 13-a", "13-a\t", "\u300013-a\u3000", "１３－ａ", "１３-a"})
        BOOST_TEST((d.find(code) == d.find("13-a")), "'" << code << "'");
    BOOST_TEST((d.find("１３") == std::optional<association_id>(13)));
    BOOST_TEST(detail::same_code("Ａ１", "A1"));
    BOOST_TEST(!detail::same_code("Ａ１", "A"));
    BOOST_TEST(detail::fold_code("\u3000ＡＢｃ－１２ ") == "ABc-12");
    BOOST_TEST(detail::hash_code("ｘ１") == detail::hash_code("x1"));
    BOOST_TEST(find_jma_category("Ａ２Ｂ") == find_jma_category("A2B"));
}

namespace {
/// The hash of a code's folded bytes, computed here: code_hash fed its words, each made byte by
/// byte (hash_code() loads them as words, or folds them in one at a time).
std::uint64_t folded_hash(std::string_view a) {
    const std::string f = detail::fold_code(a);
    detail::code_hash h;
    for (std::size_t i = 0; i < f.size(); i += 8) {
        std::uint64_t w = 0;
        for (std::size_t k = 0; k < 8 && i + k < f.size(); ++k)
            w |= std::uint64_t(static_cast<unsigned char>(f[i + k])) << (8 * k);
        h.add(w);
    }
    return h.done(f.size());
}
} // namespace

// Comparing and hashing codes, against folding both and comparing the results: every pair of a
// set of codes as typed (plain ASCII, the lookups' fast path; with spaces, full-width, mixed,
// empty), and the hash of the folded code's bytes (folded_hash).
BOOST_AUTO_TEST_CASE(same_code_and_hash_code_agree_with_folding) {
    const std::string_view codes[] = {"",
                                      "A1",
                                      "a1",
                                      "A1 ",
                                      " A1",
                                      "Ａ１",
                                      "A１",
                                      "A",
                                      "13-0001",
                                      "13-0001\t",
                                      "１３－０００１",
                                      "13-0002",
                                      "13 -0001",
                                      "\u300013-0001",
                                      "x\xEF\xBC",
                                      "x\xEF\xBC\xA1",
                                      "xA",
                                      "~!",
                                      "\x7F",
                                      "\xE6\x97\xA5"};
    std::size_t same = 0;
    for (std::string_view a : codes) {
        BOOST_TEST(detail::hash_code(a) == folded_hash(a), "'" << a << "'");
        BOOST_TEST(detail::plain_code(a) ==
                       (a.find_first_of(" \t\x7F\xE3\xEF\xE6") == std::string_view::npos),
                   "'" << a << "'");
        for (std::string_view b : codes) {
            const bool want = detail::fold_code(a) == detail::fold_code(b);
            BOOST_TEST(detail::same_code(a, b) == want, "'" << a << "' '" << b << "'");
            if (want) BOOST_TEST(detail::hash_code(a) == detail::hash_code(b));
            same += want && a != b;
        }
    }
    BOOST_TEST(same >= 10u); // pairs written differently that are the same code
}

// hash_code() a word at a time, at every length from 0 to 40: a plain code, the same code with
// one character full-width and with spaces around it (the folded path) hash the same, and as
// its bytes do; a code with one byte that is not plain printable ASCII (each of 0x00-0x20,
// 0x7F, 0x80, 0xFF, at each place) takes the folded path and still hashes as its folded bytes.
BOOST_AUTO_TEST_CASE(hash_code_at_every_length) {
    std::set<std::uint64_t> seen;
    for (std::size_t n = 0; n <= 40; ++n) {
        std::string code;
        for (std::size_t i = 0; i < n; ++i) code += static_cast<char>('!' + (i * 7 + n) % 94);
        const std::uint64_t h = detail::hash_code(code);
        BOOST_TEST(h == folded_hash(code), n);
        BOOST_TEST(detail::hash_code(" " + code + "\t") == h, n);
        seen.insert(h);
        for (std::size_t i = 0; i < n; ++i) {
            if (code[i] < '!' || code[i] > '~') continue;
            // U+FF01 + (c - '!'): full-width, three bytes, folds back to c.
            const unsigned u = 0xFF01 + static_cast<unsigned>(code[i] - '!');
            const std::string wide = code.substr(0, i) + static_cast<char>(0xE0 | (u >> 12)) +
                                     static_cast<char>(0x80 | ((u >> 6) & 0x3F)) +
                                     static_cast<char>(0x80 | (u & 0x3F)) + code.substr(i + 1);
            BOOST_TEST(detail::hash_code(wide) == h, n << " " << i);
            for (int bad : {0x00, 0x09, 0x20, 0x7F, 0x80, 0xFF}) {
                std::string odd = code;
                odd[i] = static_cast<char>(bad);
                BOOST_TEST(detail::hash_code(odd) == folded_hash(odd), n << " " << i << " " << bad);
            }
        }
    }
    BOOST_TEST(seen.size() == 41u); // no two lengths collide here
}

BOOST_AUTO_TEST_CASE(prefectures_as_people_write_them) {
    const std::pair<std::string_view, unsigned> ok[] = {
        {"13", 13},   {"1", 1},         {"01", 1},      {"１３", 13},
        {"０１", 1},  {"１", 1},        {" 47 ", 47},   {"東京都", 13},
        {"東京", 13}, {"北海道", 1},    {"京都府", 26}, {"京都", 26},
        {"大阪", 27}, {"神奈川県", 14}, {"沖縄", 47},   {"\u3000鹿児島県", 46}};
    for (auto [text, n] : ok)
        BOOST_TEST((parse_prefecture(text) == std::optional<unsigned>(n)), "'" << text << "'");
    for (std::string_view bad : {"", "0", "00", "48", "99", "013", "1a", "北海", "東京都医師会",
                                 "Tokyo", "東", "-1", "+1"})
        BOOST_TEST(!parse_prefecture(bad).has_value(), "'" << bad << "'");
}

BOOST_AUTO_TEST_CASE(parent_one_level_up) {
    const directory d = small();
    BOOST_TEST(d.parent(id_of(d, "13-a")) == std::optional<association_id>(id_of(d, "13")));
    BOOST_TEST(d.parent(id_of(d, "14-a")) == std::optional<association_id>(id_of(d, "14")));
    BOOST_TEST(d.parent(id_of(d, "13")) == std::optional<association_id>(directory::national()));
    BOOST_TEST(!d.parent(directory::national()).has_value());
}

BOOST_AUTO_TEST_CASE(chain_is_m_parent_national) {
    const directory d = small();
    const association_id m = id_of(d, "13-b");
    const auto c = d.chain(m);
    BOOST_TEST_REQUIRE(c.size() == 3u);
    BOOST_TEST(c[0] == m);
    BOOST_TEST(c[1] == *d.parent(m));
    BOOST_TEST(d[c[1]].code == "13");
    BOOST_TEST(c[2] == directory::national());
    const auto p = d.chain(id_of(d, "14"));
    BOOST_TEST_REQUIRE(p.size() == 2u);
    BOOST_TEST(p[1] == directory::national());
    BOOST_TEST(d.chain(directory::national()).size() == 1u);
}

BOOST_AUTO_TEST_CASE(municipal_of_prefecture) {
    const directory d = small();
    const auto& tokyo = d.municipal_of(13);
    BOOST_TEST_REQUIRE(tokyo.size() == 2u);
    BOOST_TEST(d[tokyo[0]].code == "13-a"); // load order
    BOOST_TEST(d[tokyo[1]].code == "13-b");
    const auto& kanagawa = d.municipal_of(14);
    BOOST_TEST_REQUIRE(kanagawa.size() == 1u);
    BOOST_TEST(d[kanagawa[0]].code == "14-a");
    BOOST_TEST(d.municipal_of(1).empty());
    BOOST_TEST(d.municipal_of(directory::national()).empty());
    BOOST_TEST(d.municipal_of(id_of(d, "13-a")).empty());
}

BOOST_AUTO_TEST_CASE(copies_share_data) {
    const directory d = small();
    const long uses = d.data().use_count();
    {
        const directory copy = d; // NOLINT(performance-unnecessary-copy-initialization)
        BOOST_TEST(copy.data().get() == d.data().get());
        BOOST_TEST(d.data().use_count() == uses + 1);
        BOOST_TEST(&copy[0] == &d[0]); // the same association objects
    }
    BOOST_TEST(d.data().use_count() == uses);
    BOOST_TEST(directory::builtin().data().get() == directory::builtin().data().get());
}

// ---- category catalogues -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(categories_load_and_lookup) {
    const directory base = small();
    const auto d = load_categories(base, "# comment\n"
                                         "association,code,label\n"
                                         "13-a,K1,甲会員\n"
                                         "13-a,K2,\"乙,会員\"\n"
                                         "13,P1,東京A会員\n");
    BOOST_TEST_REQUIRE(d.has_value(), (d ? "" : d.error().message()));
    const catalogue* c = d->catalogue_of(id_of(*d, "13-a"));
    BOOST_TEST_REQUIRE(c != nullptr);
    BOOST_TEST(c->entries.size() == 2u);
    BOOST_TEST_REQUIRE(c->find("K2") != nullptr);
    BOOST_TEST(c->find("K2")->label == "乙,会員");
    BOOST_TEST(c->find("K3") == nullptr);
    BOOST_TEST(d->catalogue_of(id_of(*d, "13-b")) == nullptr);
    BOOST_TEST(d->catalogue_of(id_of(*d, "13")) != nullptr);
    BOOST_TEST(base.catalogue_of(id_of(base, "13-a")) == nullptr); // the base is unchanged

    category_label label;
    BOOST_TEST(static_cast<int>(check_category(*d, id_of(*d, "13-a"), "K1", &label)) ==
               static_cast<int>(category_check::known));
    BOOST_TEST(label.ja == "甲会員");
    BOOST_TEST(static_cast<int>(check_category(*d, id_of(*d, "13-a"), "ZZ")) ==
               static_cast<int>(category_check::unknown));
    BOOST_TEST(static_cast<int>(check_category(*d, id_of(*d, "13-b"), "anything")) ==
               static_cast<int>(category_check::unchecked));
    BOOST_TEST(static_cast<int>(check_category(*d, directory::national(), "A2B", &label)) ==
               static_cast<int>(category_check::known));
    BOOST_TEST(label.ja == "A②会員(B)");
    BOOST_TEST(static_cast<int>(check_category(*d, directory::national(), "K1")) ==
               static_cast<int>(category_check::unknown));

    // A catalogue for another association can be added later.
    const auto more = load_categories(*d, "association,code,label\n13-b,Z,Z会員\n");
    BOOST_TEST_REQUIRE(more.has_value());
    BOOST_TEST(more->catalogue_of(id_of(*more, "13-b")) != nullptr);
    BOOST_TEST(more->catalogue_of(id_of(*more, "13-a")) != nullptr);
}

BOOST_AUTO_TEST_CASE(categories_sample_file_loads) {
    const auto m = load_master_file(directory::builtin(), MG_SAMPLE_MASTER);
    BOOST_TEST_REQUIRE(m.has_value());
    const auto d = load_categories_file(*m, MG_SOURCE_DIR "/data/sample-categories.csv");
    BOOST_TEST_REQUIRE(d.has_value(), (d ? "" : d.error().message()));
    BOOST_TEST(d->catalogue_of(id_of(*d, "13-chiyoda")) != nullptr);
}

namespace {
void expect_categories_refused(const std::string& name, std::string_view content,
                               load_error_kind kind, std::size_t line, std::string_view detail = {},
                               const directory& base = small()) {
    BOOST_TEST_CONTEXT("catalogue " << name) {
        const std::string path = write_file(name, content);
        const auto r = load_categories_file(base, path);
        expect_refused(r, kind, line, path, detail);
    }
}
} // namespace

BOOST_AUTO_TEST_CASE(categories_refuse_unknown_association) {
    expect_categories_refused("cat_unknown.csv", "association,code,label\n13-a,K1,甲\n99-x,K1,某\n",
                              load_error_kind::unknown_association, 3, "99-x");
}

BOOST_AUTO_TEST_CASE(categories_refuse_jma_builtin) {
    expect_categories_refused("cat_jma.csv", "association,code,label\n00,A1,A①会員\n",
                              load_error_kind::builtin_catalogue, 2, "00");
}

BOOST_AUTO_TEST_CASE(categories_refuse_catalogue_already_loaded) {
    const auto once = load_categories(small(), "association,code,label\n13-a,K1,甲\n");
    BOOST_TEST_REQUIRE(once.has_value());
    expect_categories_refused("cat_twice.csv", "association,code,label\n13-b,K1,乙\n13-a,K2,甲2\n",
                              load_error_kind::catalogue_exists, 3, "13-a", *once);
}

BOOST_AUTO_TEST_CASE(categories_refuse_duplicate_code) {
    expect_categories_refused("cat_dup.csv",
                              "association,code,label\n13-a,K1,甲\n13-b,K1,乙\n13-a,K1,丙\n",
                              load_error_kind::duplicate_code, 4, "line 2");
}

BOOST_AUTO_TEST_CASE(categories_refuse_bad_or_missing_header) {
    expect_categories_refused("cat_header.csv", "association,code\n13-a,K1\n",
                              load_error_kind::missing_column, 1, "label");
    expect_categories_refused("cat_header2.csv", "code,name,prefecture\n13-a,甲,13\n",
                              load_error_kind::missing_column, 1, "association, label");
    expect_categories_refused("cat_empty.csv", "", load_error_kind::missing_header, 1);
}

BOOST_AUTO_TEST_CASE(categories_refuse_empty_fields) {
    expect_categories_refused("cat_empty_assoc.csv", "association,code,label\n,K1,甲\n",
                              load_error_kind::empty_field, 2, "association");
    expect_categories_refused("cat_empty_code.csv",
                              "association,code,label\n13-a,K1,甲\n13-a,,乙\n",
                              load_error_kind::empty_field, 3, "code");
    expect_categories_refused("cat_empty_label.csv", "association,code,label\n13-a,K1,\n",
                              load_error_kind::empty_field, 2, "label");
}

BOOST_AUTO_TEST_CASE(categories_refuse_columns_utf8_syntax) {
    expect_categories_refused("cat_cols.csv", "association,code,label\n13-a,K1,甲,x\n",
                              load_error_kind::column_count, 2);
    // 0xFE is neither UTF-8 nor CP932.
    expect_categories_refused("cat_utf8.csv", "association,code,label\n13-a,K1,\xFE\n",
                              load_error_kind::invalid_encoding, 2, "byte 32 = 0xFE");
    expect_categories_refused("cat_quote.csv", "association,code,label\n13-a,K1,\"甲\n",
                              load_error_kind::csv_syntax, 2);
    expect_categories_refused("cat_ctrl.csv", "association,code,label\n13-a,K1,甲\x02\n",
                              load_error_kind::invalid_field, 2, "label");
}

BOOST_AUTO_TEST_CASE(categories_failed_load_loads_nothing) {
    const directory base = small();
    const auto r = load_categories(base, "association,code,label\n13-a,K1,甲\n99,K1,某\n", "c");
    expect_refused(r, load_error_kind::unknown_association, 3, "c", "99");
    BOOST_TEST(base.catalogue_of(id_of(base, "13-a")) == nullptr);
    // 13-a can still get its catalogue: the failed load left nothing behind.
    BOOST_TEST(load_categories(base, "association,code,label\n13-a,K1,甲\n").has_value());
}

// ---- DOT output ----------------------------------------------------------------------------

namespace {

struct dot_graph {
    std::map<std::size_t, std::string> labels; ///< node id → label (unescaped)
    std::map<std::size_t, std::string> attrs;  ///< node id → the whole attribute list
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    std::vector<std::string> edge_labels;
    bool digraph = false, closed = false;
};

/// Reads a DOT attribute value at `i` (quoted with \" escapes, or a bare ID); advances `i`.
std::string read_value(const std::string& s, std::size_t& i) {
    std::string out;
    if (i < s.size() && s[i] == '"') {
        for (++i; i < s.size() && s[i] != '"'; ++i) {
            if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\')) ++i;
            out += s[i];
        }
        BOOST_TEST(i < s.size(), "unterminated string in " << s);
        ++i;
    } else {
        while (i < s.size() && s[i] != ',' && s[i] != ']') out += s[i++];
    }
    return out;
}

/// A line-based reader for what boost::write_graphviz writes.
dot_graph parse_dot(const std::string& text) {
    dot_graph g;
    std::istringstream in(text);
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        if (first) {
            g.digraph = line == "digraph G {";
            first = false;
            continue;
        }
        if (line == "}") {
            g.closed = true;
            continue;
        }
        if (line.empty() || !std::isdigit(static_cast<unsigned char>(line[0]))) continue;
        if (line.find("style=invis") != std::string::npos) continue; // layout only
        std::size_t i = 0;
        std::size_t a = 0;
        while (std::isdigit(static_cast<unsigned char>(line[i]))) a = a * 10 + (line[i++] - '0');
        if (line.compare(i, 2, "->") == 0) {
            i += 2;
            std::size_t b = 0;
            while (std::isdigit(static_cast<unsigned char>(line[i])))
                b = b * 10 + (line[i++] - '0');
            g.edges.emplace_back(a, b);
            const std::size_t l = line.find("[label=", i);
            if (l != std::string::npos) {
                std::size_t j = l + 7;
                g.edge_labels.push_back(read_value(line, j));
            } else {
                g.edge_labels.emplace_back();
            }
            BOOST_TEST(line.back() == ';');
            continue;
        }
        BOOST_TEST_REQUIRE(line.compare(i, 7, "[label=") == 0, "node line: " << line);
        BOOST_TEST(g.labels.count(a) == 0u, "node " << a << " written twice");
        std::size_t j = i + 7;
        g.labels[a] = read_value(line, j);
        g.attrs[a] = line.substr(i);
        BOOST_TEST(line.back() == ';');
    }
    return g;
}

} // namespace

BOOST_AUTO_TEST_CASE(directory_dot_structure) {
    const auto d = load_master(small(), "code,name,prefecture\n13-q,\"甲\"\"乙\"\"医師会\",13\n");
    BOOST_TEST_REQUIRE(d.has_value());
    for (lang l : {lang::ja, lang::en}) {
        std::ostringstream out;
        write_directory_dot(out, *d, l);
        const dot_graph g = parse_dot(out.str());
        BOOST_TEST(g.digraph);
        BOOST_TEST(g.closed);
        BOOST_TEST(g.labels.size() == d->size());
        for (association_id v = 0; v < d->size(); ++v) {
            const association& a = (*d)[v];
            BOOST_TEST_REQUIRE(g.labels.count(v) == 1u);
            BOOST_TEST(g.labels.at(v) == a.code + "\\n" + std::string(a.name_in(l)));
            BOOST_TEST(g.attrs.at(v).find("level=" + std::string(to_string(a.lvl))) !=
                       std::string::npos);
        }
        // One `->` per edge, each an edge of the graph (parent -> member, drawn top to
        // bottom with the arrow at the parent), none twice.
        BOOST_TEST(g.edges.size() == boost::num_edges(d->graph()));
        std::set<std::pair<std::size_t, std::size_t>> seen;
        for (const auto& [a, b] : g.edges) {
            BOOST_TEST(seen.insert({a, b}).second);
            BOOST_TEST_REQUIRE(b < d->size());
            BOOST_TEST(d->parent(b) == std::optional<association_id>(a));
        }
        // For people: a Japanese font, top to bottom, one cluster per prefecture.
        BOOST_TEST(out.str().find("fontname=\"Noto Sans CJK JP,IPAGothic") != std::string::npos);
        BOOST_TEST(out.str().find("rankdir=TB;") != std::string::npos);
        std::size_t clusters = 0;
        for (std::size_t at = 0;
             (at = out.str().find("subgraph cluster_", at)) != std::string::npos; ++at)
            ++clusters;
        BOOST_TEST(clusters == 47u);
    }
    // One prefecture: JMA, the prefecture and its municipal associations.
    {
        std::ostringstream out;
        directory_dot_options o;
        o.prefecture = 13;
        write_directory_dot(out, *d, lang::ja, o);
        const dot_graph g = parse_dot(out.str());
        BOOST_TEST(g.labels.size() == 2u + d->municipal_of(directory::prefecture(13)).size());
        BOOST_TEST(g.labels.count(directory::prefecture(13)) == 1u);
        BOOST_TEST(g.labels.count(directory::prefecture(14)) == 0u);
        BOOST_TEST(out.str().find("subgraph cluster_13 {") != std::string::npos);
        BOOST_TEST(out.str().find("subgraph cluster_14 {") == std::string::npos);
    }
    // The quote is escaped so that the line parses: the raw text has \" inside the label.
    std::ostringstream out;
    write_directory_dot(out, *d);
    BOOST_TEST(out.str().find("[label=\"13-q\\n甲\\\"乙\\\"医師会\"") != std::string::npos);
    const dot_graph g = parse_dot(out.str());
    BOOST_TEST(g.labels.at(*d->find("13-q")) == "13-q\\n甲\"乙\"医師会");
}

BOOST_AUTO_TEST_CASE(transitions_dot_structure) {
    const transition_graph tg = make_transition_graph();
    BOOST_TEST(boost::num_vertices(tg) == 4u);
    BOOST_TEST(boost::num_edges(tg) == 12u + 11u + 6u);
    for (lang l : {lang::ja, lang::en}) {
        std::ostringstream out;
        write_transitions_dot(out, tg, l);
        const dot_graph g = parse_dot(out.str());
        BOOST_TEST(g.digraph);
        BOOST_TEST(g.closed);
        BOOST_TEST(g.labels.size() == 4u);
        for (std::size_t v = 0; v < 4; ++v)
            BOOST_TEST(g.labels.at(v) == std::string(tg[v].label.get(l)));
        BOOST_TEST(g.edges.size() == boost::num_edges(tg));
        // Every edge of the graph appears once, with its operation and levels as the label.
        std::multiset<std::tuple<std::size_t, std::size_t, std::string>> expected, written;
        for (auto [e, end] = boost::edges(tg); e != end; ++e) {
            expected.insert(
                {boost::source(*e, tg), boost::target(*e, tg), transition_label(tg[*e], l)});
        }
        for (std::size_t i = 0; i < g.edges.size(); ++i)
            written.insert({g.edges[i].first, g.edges[i].second, g.edge_labels[i]});
        BOOST_TEST((expected == written));
    }
    std::ostringstream out;
    write_transitions_dot(out, tg);
    BOOST_TEST((out.str().find("0[label=非会員];") != std::string::npos ||
                out.str().find("0[label=\"非会員\"];") != std::string::npos));
    // The labels are in the language asked for.
    BOOST_TEST(out.str().find("0->3 [label=\"新規入会（郡市・都道府県・日医）\"];") !=
               std::string::npos);
    BOOST_TEST(out.str().find("fontname=\"Noto Sans CJK JP") != std::string::npos);
    std::ostringstream en;
    write_transitions_dot(en, tg, lang::en);
    BOOST_TEST(en.str().find("0->3 [label=\"join (municipal, prefectural, JMA)\"];") !=
               std::string::npos);
    BOOST_TEST(en.str().find("3->2 [label=\"withdraw (JMA)\"];") != std::string::npos);
}
