// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Issue "Files as Japanese offices make them", through the C ABI: masters and catalogues in
// CP932 and with BOMs, from a file and from a buffer; mg_engine_set_encoding; the load notices
// (mg_engine_notice_count / mg_engine_notice); refusals naming the line in both encodings;
// a JSON request with a BOM and full-width codes.
#define BOOST_TEST_MODULE test_files_capi
#include <boost/test/unit_test.hpp>

#include "mamisguide.h"

#include "excel_files.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

namespace {

struct engine {
    mg_engine* e = nullptr;
    engine() { BOOST_REQUIRE_EQUAL(mg_engine_new(&e), MG_OK); }
    ~engine() { mg_engine_free(e); }
    operator mg_engine*() const { return e; }
};

std::string temp_file(const std::string& name, const std::string& data) {
    const std::string path = "/tmp/mg-files-capi-" + std::to_string(::getpid()) + "-" + name;
    std::ofstream(path, std::ios::binary) << data;
    return path;
}

std::vector<std::string> notices(mg_engine* e, int lang) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < mg_engine_notice_count(e); ++i) {
        const char* n = mg_engine_notice(e, i, lang);
        BOOST_REQUIRE(n != nullptr);
        out.emplace_back(n);
    }
    return out;
}

std::string plan_json(mg_engine* e, const std::string& request) {
    char* out = nullptr;
    mg_plan_json(e, request.data(), request.size(), &out);
    BOOST_REQUIRE(out != nullptr);
    std::string s(out);
    mg_free(out);
    return s;
}

/// Loads `data` as a master from a file and from a buffer; both give `status`.
void load_both_ways(mg_engine* file_engine, mg_engine* buffer_engine, const std::string& name,
                    const std::string& data, int status) {
    const std::string path = temp_file(name, data);
    BOOST_TEST(mg_engine_load_directory(file_engine, path.c_str()) == status, mg_last_error());
    BOOST_TEST(mg_engine_load_directory_buffer(buffer_engine, data.data(), data.size()) == status,
               mg_last_error());
    std::remove(path.c_str());
}

} // namespace

BOOST_AUTO_TEST_CASE(shift_jis_master_plans_exactly_like_its_utf8_twin) {
    const std::string utf8 = mgtest::excel_master_utf8(), sjis = mgtest::to_cp932(utf8);
    engine a, b, c, d; // UTF-8 file, UTF-8 buffer, CP932 file, CP932 buffer
    load_both_ways(a, b, "twin-u.csv", utf8, MG_OK);
    load_both_ways(c, d, "twin-s.csv", sjis, MG_OK);
    for (mg_engine* e : {a.e, b.e, c.e, d.e}) {
        std::size_t n = 0;
        BOOST_TEST(mg_association_count(e, &n) == MG_OK);
        BOOST_TEST(n == 48u + 890u);
    }
    // Notices: the buffer's name is <buffer>; the CP932 loads say so first.
    const auto nb = notices(b, MG_LANG_EN), nd = notices(d, MG_LANG_EN);
    BOOST_TEST_REQUIRE(nb.size() == 1u);
    BOOST_TEST(nb[0] == "<buffer>: columns not used were ignored (電話番号, 住所)");
    BOOST_TEST_REQUIRE(nd.size() == 2u);
    BOOST_TEST(nd[0] == "<buffer>: not UTF-8: read as CP932 (Shift_JIS)");
    BOOST_TEST(nd[1] == nb[0]);
    const auto nc = notices(c, MG_LANG_JA);
    BOOST_TEST_REQUIRE(nc.size() == 2u);
    BOOST_TEST(nc[0].find("twin-s.csv: UTF-8 ではないため CP932") != std::string::npos, nc[0]);
    BOOST_TEST(mg_engine_notice(c, 2, MG_LANG_JA) == nullptr);
    BOOST_TEST(mg_engine_notice(c, 0, 7) == nullptr);
    BOOST_TEST(mg_engine_notice(nullptr, 0, MG_LANG_JA) == nullptr);
    BOOST_TEST(mg_engine_notice_count(nullptr) == 0u);

    for (std::size_t i = 0; i < 890; ++i) {
        const std::string req =
            R"({"request":{"operation":"join","municipal":")" + mgtest::excel_code(i) +
            R"(","levels":["municipal","prefectural","national"],)"
            R"("categories":{"municipal":"A","prefectural":"A","national":"A1"}}})";
        const std::string want = plan_json(a, req);
        BOOST_TEST(want.rfind("{\"ok\":true", 0) == 0u, want);
        for (mg_engine* e : {b.e, c.e, d.e}) BOOST_TEST(plan_json(e, req) == want);
    }
}

BOOST_AUTO_TEST_CASE(set_encoding_forces_one) {
    const std::string sjis = mgtest::to_cp932("コード,名称,都道府県\r\n13-x,甲医師会,東京\r\n");
    engine a, b;
    BOOST_TEST(mg_engine_set_encoding(a, MG_ENCODING_UTF8) == MG_OK);
    BOOST_TEST(mg_engine_set_encoding(b, MG_ENCODING_UTF8) == MG_OK);
    load_both_ways(a, b, "forced-u.csv", sjis, MG_ERR_LOAD);
    BOOST_TEST(std::string(mg_last_error()) == "<buffer>:1: invalid UTF-8 (byte 1 = 0x83)");
    BOOST_TEST(mg_engine_set_encoding(a, MG_ENCODING_CP932) == MG_OK);
    BOOST_TEST(mg_engine_set_encoding(b, MG_ENCODING_CP932) == MG_OK);
    load_both_ways(a, b, "forced-s.csv", sjis, MG_OK);
    BOOST_TEST(mg_engine_notice_count(a) == 0u); // forced: nothing guessed, no extra column
    mg_association_info info = MG_ASSOCIATION_INFO_INIT;
    BOOST_TEST(mg_association_find(a, "１３－ｘ", MG_LANG_JA, &info) == MG_OK);
    BOOST_TEST(std::string(info.code) == "13-x");
    BOOST_TEST(std::string(info.name) == "甲医師会");
    BOOST_TEST(mg_engine_set_encoding(a, 3) == MG_ERR_ARGUMENT);
    BOOST_TEST(mg_engine_set_encoding(a, -1) == MG_ERR_ARGUMENT);
    BOOST_TEST(mg_engine_set_encoding(nullptr, MG_ENCODING_AUTO) == MG_ERR_ARGUMENT);
}

BOOST_AUTO_TEST_CASE(refusals_name_the_line_in_both_encodings) {
    const std::string head =
        "# 出典\r\n医師会コード,医師会名,都道府県,住所\r\n\r\n13-a,甲,13,x\r\n";
    const std::pair<std::string, std::string> cases[] = {
        {"13-b,乙,13,x\r\n１３－ａ,丙,13,x\r\n", ":6: duplicate code (13-a (line 4))"},
        {"13-b,乙,48,x\r\n", ":5: unknown prefecture (give its JIS code 1-47 or its name) (48)"},
        {"13-b,乙,大東京,x\r\n",
         ":5: unknown prefecture (give its JIS code 1-47 or its name) (大東京)"},
        {" ,乙,13,x\r\n", ":5: a required field is empty (code)"},
        {"13-b,\u3000,13,x\r\n", ":5: a required field is empty (name)"},
        {"13-b,乙,13\r\n", ":5: wrong number of columns (3 != 4)"},
        {"13-b,\"乙,13,x\r\n", ":5: malformed CSV"},
    };
    for (const auto& [body, want] : cases) {
        const std::string utf8 = head + body;
        for (const std::string& data : {utf8, "\xEF\xBB\xBF" + utf8, mgtest::to_cp932(utf8)}) {
            engine a, b;
            const std::string path = temp_file("refused.csv", data);
            BOOST_TEST(mg_engine_load_directory(a, path.c_str()) == MG_ERR_LOAD);
            const std::string from_file = mg_last_error();
            BOOST_TEST(from_file.rfind(path + want, 0) == 0u, from_file);
            BOOST_TEST(mg_engine_load_directory_buffer(b, data.data(), data.size()) == MG_ERR_LOAD);
            const std::string from_buffer = mg_last_error();
            BOOST_TEST(from_buffer.rfind("<buffer>" + want, 0) == 0u, from_buffer);
            std::size_t n = 0;
            mg_association_count(a, &n);
            BOOST_TEST(n == 48u); // all or nothing
            std::remove(path.c_str());
        }
    }
}

BOOST_AUTO_TEST_CASE(catalogues_from_excel_file_and_buffer) {
    engine e;
    const std::string master = mgtest::to_cp932("コード,名称,都道府県\n13-a,甲医師会,13\n");
    BOOST_REQUIRE_EQUAL(mg_engine_load_directory_buffer(e, master.data(), master.size()), MG_OK);
    const std::string cats =
        mgtest::to_cp932("会員区分コード,会員区分,医師会コード,メモ\r\nＡ,甲会員,１３－ａ,x\r\n");
    const std::string path = temp_file("cats.csv", cats);
    BOOST_TEST(mg_engine_load_categories(e, path.c_str()) == MG_OK, mg_last_error());
    const auto n = notices(e, MG_LANG_EN);
    BOOST_TEST_REQUIRE(n.size() == 2u);
    BOOST_TEST(n[1] == path + ": columns not used were ignored (メモ)");
    const std::string req =
        "\xEF\xBB\xBF{\"request\":{\"operation\":\"join\",\"municipal\":\"13-a\",\"levels\":"
        "[\"municipal\"],\"categories\":{\"municipal\":\"Ａ\"}},\"lang\":\"en\"}";
    const std::string got = plan_json(e, req);
    BOOST_TEST(got.find("\"categories\":{\"municipal\":\"A\"}") != std::string::npos, got);
    BOOST_TEST(got.find("甲会員") != std::string::npos, got);
    // The same catalogue again, as a buffer: refused (already loaded), with its notices.
    BOOST_TEST(mg_engine_load_categories_buffer(e, cats.data(), cats.size()) == MG_ERR_LOAD);
    BOOST_TEST(std::string(mg_last_error()).rfind("<buffer>:2: ", 0) == 0u, mg_last_error());
    BOOST_TEST(mg_engine_notice_count(e) == 2u);
    const std::string bad = mgtest::to_cp932("医師会コード,区分名\n13-a,甲\n");
    BOOST_TEST(mg_engine_load_categories_buffer(e, bad.data(), bad.size()) == MG_ERR_LOAD);
    BOOST_TEST(std::string(mg_last_error()) == "<buffer>:1: a required column is missing (code)");
    std::remove(path.c_str());
}

BOOST_AUTO_TEST_CASE(json_master_in_cp932) {
    engine e;
    const std::string json = mgtest::to_cp932("[\r\n {\"code\": \"１３－ｊ\", \"name\": "
                                              "\"甲医師会\", \"prefecture\": \"東京都\"}\r\n]\r\n");
    BOOST_TEST(mg_engine_load_directory_buffer(e, json.data(), json.size()) == MG_OK,
               mg_last_error());
    mg_association_info info = MG_ASSOCIATION_INFO_INIT;
    BOOST_TEST(mg_association_find(e, "13-j", MG_LANG_JA, &info) == MG_OK);
    BOOST_TEST(std::string(info.name) == "甲医師会");
    BOOST_TEST(mg_engine_notice_count(e) == 1u);
}

// Issue 32: the CP932 master of the corpus whose names hold what CP932 has and Shift_JIS has not
// (～ 0x8160, － 0x817C, ① 0x8740, 﨑 0xFAB1, 髙 0xFBFC) decodes to exactly these names. The same
// file is to give the same answers through the WebAssembly package and the Windows DLL.
BOOST_AUTO_TEST_CASE(cp932_windows_characters_from_the_corpus) {
    const std::string path =
        MG_SOURCE_DIR "/tests/fuzz/corpus/master/ok-excel-cp932-windows-characters.csv";
    std::ifstream in(path, std::ios::binary);
    BOOST_TEST_REQUIRE(in.good(), path);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const char* sjis : {"\x81\x60", "\x81\x7C", "\x87\x40", "\xFA\xB1", "\xFB\xFC"})
        BOOST_TEST(bytes.find(sjis) != std::string::npos, "the file holds its characters");

    const std::pair<const char*, const char*> want[] = {
        {"13-takashima", "\u9AD9島平医師会"},     // 髙 U+9AD9 (0xFBFC)
        {"14-kawasaki", "川\uFA11医師会"},        // 﨑 U+FA11 (0xFAB1)
        {"13-daiichi", "第\u2460地区医師会"},     // ① U+2460 (0x8740)
        {"13-chome", "一丁目\uFF5E三丁目医師会"}, // ～ U+FF5E (0x8160), not U+301C
        {"13-tozai", "東\uFF0D西医師会"},         // － U+FF0D (0x817C), not U+2212
    };
    engine from_file, from_buffer;
    BOOST_TEST_REQUIRE(mg_engine_load_directory(from_file, path.c_str()) == MG_OK, mg_last_error());
    BOOST_TEST_REQUIRE(mg_engine_load_directory_buffer(from_buffer, bytes.data(), bytes.size()) ==
                           MG_OK,
                       mg_last_error());
    for (mg_engine* e : {from_file.e, from_buffer.e}) {
        std::size_t n = 0;
        BOOST_TEST(mg_association_count(e, &n) == MG_OK);
        BOOST_TEST(n == 48u + 5u);
        for (const auto& [code, name] : want) {
            mg_association_info info = MG_ASSOCIATION_INFO_INIT;
            BOOST_TEST_REQUIRE(mg_association_find(e, code, MG_LANG_JA, &info) == MG_OK, code);
            BOOST_TEST(std::string(info.code) == code);
            BOOST_TEST(std::string(info.name) == name, code);
        }
    }
    // Read as CP932 (guessed, so said), and nothing else to say.
    const auto n = notices(from_buffer, MG_LANG_EN);
    BOOST_TEST_REQUIRE(n.size() == 1u);
    BOOST_TEST(n[0] == "<buffer>: not UTF-8: read as CP932 (Shift_JIS)");
}
