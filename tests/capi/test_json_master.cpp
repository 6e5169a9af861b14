// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Municipal masters written as JSON (rules.md §1: "a CSV/JSON file"): json::load_master_json,
// the format sniffing of load_master_any, and the doors that use it (mg_engine_load_directory
// and its buffer twin). The checks on the rows themselves are the CSV loader's (test_directory
// covers them row by row); here: the JSON shape, line numbers, all-or-nothing, CSV ≡ JSON.
#define BOOST_TEST_MODULE json_master
#include <boost/test/unit_test.hpp>

#include "json.hpp"

#include <mamisguide.h>

#include <cstdio>
#include <fstream>
#include <string>

using namespace mamisguide;

namespace {

void expect_refused(std::string_view text, load_error_kind kind, std::size_t line,
                    std::string_view detail_part = {}) {
    const directory base = directory::builtin();
    const auto r = json::load_master_any(base, text, "m.json");
    BOOST_TEST_CONTEXT(text) {
        BOOST_TEST_REQUIRE(!r.has_value());
        BOOST_TEST(static_cast<int>(r.error().kind) == static_cast<int>(kind));
        BOOST_TEST(r.error().line == line);
        BOOST_TEST(r.error().file == "m.json");
        BOOST_TEST(r.error().detail.find(detail_part) != std::string::npos, r.error().detail);
        BOOST_TEST(base.size() == 48u); // nothing loaded into the base
    }
}

std::string sample_csv() {
    std::ifstream in(MG_SAMPLE_MASTER, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// The sample master's CSV rows rewritten as a JSON array (one object per line).
std::string sample_as_json() {
    const auto d = load_master(directory::builtin(), sample_csv());
    BOOST_REQUIRE(d.has_value());
    std::string out = "[\n";
    for (association_id v = 48; v < d->size(); ++v) {
        const association& a = (*d)[v];
        if (v > 48) out += ",\n";
        out += "  {\"code\": \"" + a.code + "\", \"name\": \"" + a.name + "\", \"prefecture\": \"" +
               (*d)[*d->parent(v)].code + "\", \"name_en\": \"" + a.name_en + "\"}";
    }
    return out + "\n]\n";
}

} // namespace

BOOST_AUTO_TEST_CASE(loads_a_json_master) {
    const auto d = json::load_master_any(directory::builtin(), R"([
  {"code": "13-a", "name": "甲医師会", "prefecture": "13", "name_en": "Kō Medical Association"},
  {"prefecture": "27", "name": "乙\"医師会\"", "code": "27-b", "name_en": null},
  {"code": "47-c", "name": "丙医師会", "prefecture": "47"}
])");
    BOOST_TEST_REQUIRE(d.has_value(), (d ? std::string() : d.error().message(lang::en)));
    BOOST_TEST(d->size() == 51u);
    const auto a = d->find("13-a"), b = d->find("27-b"), c = d->find("47-c");
    BOOST_TEST_REQUIRE((a && b && c));
    BOOST_TEST((*d)[*a].name_en == "Kō Medical Association");
    BOOST_TEST((*d)[*b].name == "乙\"医師会\""); // JSON escapes are undone
    BOOST_TEST((*d)[*b].name_en.empty());
    BOOST_TEST((*d)[*d->parent(*b)].code == "27");
    BOOST_TEST(((*d)[*c].lvl == level::municipal));
    // An empty array loads nothing, and a BOM and leading whitespace are allowed.
    const auto none = json::load_master_any(directory::builtin(), "\xEF\xBB\xBF \n [ ]");
    BOOST_TEST_REQUIRE(none.has_value());
    BOOST_TEST(none->size() == 48u);
}

BOOST_AUTO_TEST_CASE(json_and_csv_masters_load_the_same_directory) {
    const auto from_csv = load_master(directory::builtin(), sample_csv());
    const std::string j = sample_as_json();
    BOOST_TEST(json::looks_like_json(j));
    BOOST_TEST(!json::looks_like_json(sample_csv()));
    const auto from_json = json::load_master_any(directory::builtin(), j);
    BOOST_TEST_REQUIRE(from_csv.has_value());
    BOOST_TEST_REQUIRE(from_json.has_value(),
                       (from_json ? std::string() : from_json.error().message(lang::en)));
    BOOST_TEST_REQUIRE(from_csv->size() == from_json->size());
    for (association_id v = 0; v < from_csv->size(); ++v) {
        const association &x = (*from_csv)[v], &y = (*from_json)[v];
        BOOST_TEST(x.code == y.code);
        BOOST_TEST(x.name == y.name);
        BOOST_TEST(x.name_en == y.name_en);
        BOOST_TEST((x.lvl == y.lvl));
        BOOST_TEST((from_csv->parent(v) == from_json->parent(v)));
    }
}

BOOST_AUTO_TEST_CASE(refuses_a_json_master_that_is_not_the_shape) {
    using k = load_error_kind;
    expect_refused(R"({"code": "13-a"})", k::bad_entry, 1, "not an array");
    expect_refused("\n\n[1]", k::bad_entry, 3, "entry 1: not an object");
    expect_refused("[\n {\"code\":\"13-a\",\"name\":\"甲\",\"prefecture\":\"13\"},\n \"x\"]",
                   k::bad_entry, 3, "entry 2: not an object");
    expect_refused(R"([{"code":"13-a","name":"甲","prefecture":"13","kind":"x"}])", k::bad_entry, 1,
                   "entry 1: an unknown field");
    expect_refused(R"([{"code":"13-a","name":"甲"}])", k::bad_entry, 1, "prefecture missing");
    expect_refused(R"([{"code":"13-a","prefecture":"13"}])", k::bad_entry, 1, "name missing");
    expect_refused(R"([{"code":"13-a","name":"甲","prefecture":13}])", k::bad_entry, 1,
                   "prefecture is not a string");
    expect_refused(R"([{"code":null,"name":"甲","prefecture":"13"}])", k::bad_entry, 1,
                   "code is not a string");
    expect_refused(R"([{"code":"13-a","name":"甲","prefecture":"13","name_en":1}])", k::bad_entry,
                   1, "name_en is not a string");
    expect_refused(R"([{"code":"13-a","name":"甲","prefecture":"13","code":"13-b"}])", k::bad_entry,
                   1, "code repeated");
}

BOOST_AUTO_TEST_CASE(refuses_malformed_json_and_bad_bytes) {
    using k = load_error_kind;
    expect_refused(R"([{"code":"13-a","name":"甲","prefecture":"13"})", k::json_syntax, 0);
    expect_refused(R"([{"code":"13-a","name":"甲","prefecture":"13"}] [])", k::json_syntax, 0);
    expect_refused(R"([{"code":"13-a","name":"甲","prefecture":"13",}])", k::json_syntax, 0);
    expect_refused("[{\"code\":\"13-a\",\"name\":\"\x01\",\"prefecture\":\"13\"}]", k::json_syntax,
                   0); // an unescaped control character
    // Mostly UTF-8 with a truncated character: refused as UTF-8, not guessed to be CP932.
    expect_refused("[\n{\"code\":\"13-a\",\"name\":\"甲乙\xE7\x94\",\"prefecture\":\"13\"}]",
                   k::invalid_utf8, 2, "byte");
    // Neither UTF-8 nor CP932.
    expect_refused("[\n\n{\"code\":\"13-a\",\"name\":\"\x80\",\"prefecture\":\"13\"}]",
                   k::invalid_encoding, 3, "0x80");
    expect_refused("{", k::json_syntax, 0);
    std::string deep(5000, '[');
    deep += std::string(5000, ']');
    expect_refused(deep, k::json_syntax, 0);
}

BOOST_AUTO_TEST_CASE(json_rows_get_the_csv_checks_with_their_line) {
    using k = load_error_kind;
    const std::string head = "[\n {\"code\":\"13-a\",\"name\":\"甲\",\"prefecture\":\"13\"},\n ";
    expect_refused(head + R"({"code":"13-a","name":"乙","prefecture":"13"}])", k::duplicate_code, 3,
                   "13-a (line 2)");
    expect_refused(head + R"({"code":"14-b","name":"乙","prefecture":"48"}])",
                   k::unknown_prefecture, 3, "48");
    // (an association of the same file is not a parent either: rows name prefectures)
    expect_refused(head + R"({"code":"14-b","name":"乙","prefecture":"13-a"}])",
                   k::unknown_prefecture, 3, "13-a");
    expect_refused(head + R"({"code":"14-b","name":"乙","prefecture":"00"}])", k::wrong_level, 3);
    expect_refused(head + R"({"code":"13","name":"乙","prefecture":"13"}])", k::duplicate_code, 3,
                   "loaded before");
    expect_refused(head + R"({"code":"","name":"乙","prefecture":"13"}])", k::empty_field, 3,
                   "code");
    expect_refused(head + R"({"code":"14-b","name":"","prefecture":"13"}])", k::empty_field, 3,
                   "name");
    expect_refused(head + R"({"code":"14 b","name":"乙","prefecture":"13"}])", k::invalid_field, 3,
                   "code");
    expect_refused(head + R"({"code":"14-b","name":"乙\n","prefecture":"13"}])", k::invalid_field,
                   3, "name");
    expect_refused(head + R"({"code":"14-b","name":"乙","prefecture":"14","name_en":"\u0007"}])",
                   k::invalid_field, 3, "name_en");
}

BOOST_AUTO_TEST_CASE(rows_load_like_csv) {
    // load_master_rows(), the core's door for masters in a caller's own format.
    const std::vector<master_row> rows = {{"13-a", "甲医師会", "13", "", 7},
                                          {"27-b", "乙医師会", "27", "Otsu", 9}};
    const auto d = load_master_rows(directory::builtin(), rows, "rows");
    BOOST_TEST_REQUIRE(d.has_value());
    BOOST_TEST(d->size() == 50u);
    BOOST_TEST((*d)[*d->find("27-b")].name_en == "Otsu");
    const std::vector<master_row> bad = {{"13-a", "甲医師会", "13", "", 7},
                                         {"13-a", "乙医師会", "13", "", 9}};
    const auto r = load_master_rows(directory::builtin(), bad, "rows");
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error().message(lang::en) == "rows:9: duplicate code (13-a (line 7))");
}

BOOST_AUTO_TEST_CASE(the_c_abi_reads_json_masters) {
    mg_engine* e = nullptr;
    BOOST_REQUIRE_EQUAL(mg_engine_new(&e), MG_OK);
    const std::string j = sample_as_json();
    BOOST_TEST(mg_engine_load_directory_buffer(e, j.data(), j.size()) == MG_OK);
    mg_association_info info = MG_ASSOCIATION_INFO_INIT;
    BOOST_TEST(mg_association_find(e, "13-chiyoda", MG_LANG_JA, &info) == MG_OK);
    BOOST_TEST(std::string(info.name) == "千代田区医師会");
    BOOST_TEST(std::string(info.parent_code) == "13");
    // A refusal names the buffer and line, and leaves the engine as it was.
    std::size_t n0 = 0, n1 = 0;
    mg_association_count(e, &n0);
    const std::string bad = "[\n{\"code\":\"13-x\",\"name\":\"甲\",\"prefecture\":\"13\"},\n"
                            "{\"code\":\"13-y\",\"name\":\"乙\",\"prefecture\":\"99\"}]";
    BOOST_TEST(mg_engine_load_directory_buffer(e, bad.data(), bad.size()) == MG_ERR_LOAD);
    BOOST_TEST(std::string(mg_last_error()) ==
               "<buffer>:3: unknown prefecture (give its JIS code 1-47 or its name) (99)");
    mg_association_count(e, &n1);
    BOOST_TEST(n0 == n1);
    // From a file, too.
    const std::string path = "test_json_master.json";
    {
        std::ofstream out(path, std::ios::binary);
        out << R"([{"code":"47-naha","name":"那覇市医師会","prefecture":"47"}])";
    }
    BOOST_TEST(mg_engine_load_directory(e, path.c_str()) == MG_OK, mg_last_error());
    BOOST_TEST(mg_association_find(e, "47-naha", MG_LANG_EN, &info) == MG_OK);
    std::remove(path.c_str());
    mg_engine_free(e);
}
