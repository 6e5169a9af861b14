// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The C ABI's functions that no other test called (issue 31): the JSON answers for the directory,
// one association, the support desk, a year's holidays and the last refused load, and the names
// of the form, selection, actor, prerequisite and note constants. Each answer is read back with
// an independent parser (nlohmann/json) and checked against the library's own tables (the C++
// headers) or against the C ABI's struct answers for the same question.
#define BOOST_TEST_MODULE capi_more
#include <boost/test/unit_test.hpp>

#include "capi_engine.hpp"

#include <mamisguide.h>
#include <mamisguide/holidays.hpp>
#include <mamisguide/load_error.hpp>
#include <mamisguide/plan.hpp>
#include <mamisguide/support.hpp>
#include <nlohmann/json.hpp>

#include <cstring>
#include <set>
#include <string>
#include <thread>

using nlohmann::json;
namespace mg = mamisguide;

namespace {

using engine = sample_engine;

/// Takes a mg_* JSON answer: parses it and frees it.
json take(char* out) {
    BOOST_REQUIRE(out != nullptr);
    const std::string s(out);
    mg_free(out);
    return json::parse(s);
}

std::string level_name(unsigned bit) {
    const char* n = mg_level_name(bit);
    BOOST_REQUIRE(n);
    return n;
}

/// The association's answer as the struct API gives it, for comparison with the JSON.
void check_same_association(const mg_engine* e, const json& a, int lang) {
    mg_association_info info = MG_ASSOCIATION_INFO_INIT;
    const std::string code = a.at("code");
    BOOST_REQUIRE_EQUAL(mg_association_find(e, code.c_str(), lang, &info), MG_OK);
    BOOST_TEST(a.at("level") == level_name(info.level));
    if (info.parent_code)
        BOOST_TEST(a.at("parent") == std::string(info.parent_code));
    else
        BOOST_TEST(a.at("parent").is_null());
    // "name" is always Japanese; the struct's name is in the language asked for.
    if (lang == MG_LANG_JA) BOOST_TEST(a.at("name") == std::string(info.name));
    if (lang == MG_LANG_EN && a.at("name_en").is_string())
        BOOST_TEST(a.at("name_en") == std::string(info.name));
    // A catalogue's categories, or null for an association without one (JMA's is built in).
    BOOST_TEST((a.at("categories").is_array() || a.at("categories").is_null()));
    if (a.at("level") == "national") BOOST_TEST(!a.at("categories").empty());
}

} // namespace

BOOST_AUTO_TEST_CASE(directory_json_lists_every_association_as_the_struct_api_does) {
    engine g;
    std::size_t count = 0;
    BOOST_REQUIRE_EQUAL(mg_association_count(g.e, &count), MG_OK);
    for (int lang : {MG_LANG_JA, MG_LANG_EN}) {
        char* out = nullptr;
        BOOST_REQUIRE_EQUAL(mg_directory_json(g.e, nullptr, nullptr, nullptr, lang, &out), MG_OK);
        const json all = take(out);
        BOOST_REQUIRE(all.is_array());
        BOOST_TEST(all.size() == count);
        for (std::size_t i = 0; i < count; ++i) {
            mg_association_info info = MG_ASSOCIATION_INFO_INIT;
            BOOST_REQUIRE_EQUAL(mg_association_at(g.e, i, lang, &info), MG_OK);
            BOOST_TEST(all[i].at("code") == std::string(info.code)); // directory order
            check_same_association(g.e, all[i], lang);
        }
    }
}

BOOST_AUTO_TEST_CASE(directory_json_searches_by_text_prefecture_and_code) {
    engine g;
    char* out = nullptr;
    // Tokyo by JIS code, with and without the leading zero, and by name: the prefecture's own
    // association and its municipal ones, and nothing else.
    json tokyo;
    for (const char* p : {"13", "東京都"}) {
        BOOST_REQUIRE_EQUAL(mg_directory_json(g.e, "", p, "", MG_LANG_JA, &out), MG_OK);
        const json hits = take(out);
        if (tokyo.is_null()) tokyo = hits;
        BOOST_TEST(hits == tokyo);
    }
    BOOST_REQUIRE(tokyo.size() >= 2u);
    std::set<std::string> codes;
    for (const auto& a : tokyo) {
        codes.insert(a.at("code"));
        BOOST_TEST((a.at("code") == "13" || a.at("parent") == "13"));
    }
    BOOST_TEST(codes.count("13") == 1u);
    BOOST_TEST(codes.count("13-shinjuku") == 1u);
    BOOST_REQUIRE_EQUAL(mg_directory_json(g.e, nullptr, "1", nullptr, MG_LANG_EN, &out), MG_OK);
    const json hokkaido = take(out);
    BOOST_REQUIRE(!hokkaido.empty());
    BOOST_TEST(hokkaido[0].at("code") == "01");

    // Exactly one code; its catalogue's categories (loaded above) in the answer.
    BOOST_REQUIRE_EQUAL(mg_directory_json(g.e, nullptr, nullptr, "13-shinjuku", MG_LANG_JA, &out),
                        MG_OK);
    const json one = take(out);
    BOOST_REQUIRE_EQUAL(one.size(), 1u);
    BOOST_TEST(one[0].at("name") == "新宿区医師会");
    BOOST_TEST(one[0].at("level") == "municipal");
    BOOST_TEST(one[0].at("categories").size() == 2u);

    // Text: part of a name; one that matches nothing gives [].
    BOOST_REQUIRE_EQUAL(mg_directory_json(g.e, "新宿", nullptr, nullptr, MG_LANG_JA, &out), MG_OK);
    const json text = take(out);
    BOOST_REQUIRE_EQUAL(text.size(), 1u);
    BOOST_TEST(text[0].at("code") == "13-shinjuku");
    BOOST_REQUIRE_EQUAL(
        mg_directory_json(g.e, "no such association", nullptr, nullptr, MG_LANG_JA, &out), MG_OK);
    BOOST_TEST(take(out) == json::array());

    // Refusals: no prefecture by that name, bad arguments; *out is NULL after each.
    out = reinterpret_cast<char*>(1);
    BOOST_TEST(mg_directory_json(g.e, nullptr, "48", nullptr, MG_LANG_JA, &out) == MG_ERR_ARGUMENT);
    BOOST_TEST(out == nullptr);
    BOOST_TEST(std::strstr(mg_last_error(), "prefecture") != nullptr);
    BOOST_TEST(mg_directory_json(g.e, nullptr, nullptr, nullptr, 7, &out) == MG_ERR_ARGUMENT);
    BOOST_TEST(mg_directory_json(nullptr, nullptr, nullptr, nullptr, MG_LANG_JA, &out) ==
               MG_ERR_ARGUMENT);
    BOOST_TEST(mg_directory_json(g.e, nullptr, nullptr, nullptr, MG_LANG_JA, nullptr) ==
               MG_ERR_ARGUMENT);
}

BOOST_AUTO_TEST_CASE(association_json_is_the_directory_entry) {
    engine g;
    char* out = nullptr;
    for (const char* code : {"00", "13", "13-shinjuku", "01-sapporo"}) {
        for (int lang : {MG_LANG_JA, MG_LANG_EN}) {
            BOOST_REQUIRE_EQUAL(mg_association_json(g.e, code, lang, &out), MG_OK);
            const json a = take(out);
            BOOST_TEST(a.at("code") == code);
            check_same_association(g.e, a, lang);
            BOOST_REQUIRE_EQUAL(mg_directory_json(g.e, nullptr, nullptr, code, lang, &out), MG_OK);
            const json listed = take(out);
            BOOST_REQUIRE_EQUAL(listed.size(), 1u);
            BOOST_TEST(listed[0] == a);
        }
    }
    BOOST_REQUIRE_EQUAL(mg_association_json(g.e, "00", MG_LANG_EN, &out), MG_OK);
    const json jma = take(out);
    BOOST_TEST(jma.at("level") == "national");
    BOOST_TEST(jma.at("parent").is_null());
    BOOST_TEST(jma.at("categories").size() > 0u); // JMA's catalogue is built in

    out = reinterpret_cast<char*>(1);
    BOOST_TEST(mg_association_json(g.e, "99-nowhere", MG_LANG_JA, &out) == MG_UNKNOWN_ASSOCIATION);
    BOOST_TEST(out == nullptr);
    BOOST_TEST(std::strstr(mg_last_error(), "99-nowhere") != nullptr);
    BOOST_TEST(mg_association_json(g.e, nullptr, MG_LANG_JA, &out) == MG_ERR_ARGUMENT);
    BOOST_TEST(mg_association_json(g.e, "00", -1, &out) == MG_ERR_ARGUMENT);
    BOOST_TEST(mg_association_json(nullptr, "00", MG_LANG_JA, &out) == MG_ERR_ARGUMENT);
    BOOST_TEST(mg_association_json(g.e, "00", MG_LANG_JA, nullptr) == MG_ERR_ARGUMENT);
}

BOOST_AUTO_TEST_CASE(support_json_agrees_with_the_status) {
    engine g;
    // A weekday morning, a weekday evening, a Sunday, a national holiday and the year-end break:
    // each instant's answer is the desk's status at that instant (support.hpp).
    std::set<std::string> reasons;
    for (const char* at :
         {"2026-12-02T10:00:00+09:00", "2026-12-02T20:00:00+09:00", "2026-12-06T10:00:00+09:00",
          "2026-11-03T10:00:00+09:00", "2026-12-30T11:00:00+09:00"}) {
        std::int64_t t = 0;
        BOOST_REQUIRE_EQUAL(mg_parse_instant(at, &t), MG_OK);
        const auto st = mg::support_status(mg::default_desk(), t);
        BOOST_REQUIRE(st);
        for (int lang : {MG_LANG_JA, MG_LANG_EN}) {
            for (const mg_engine* e :
                 {static_cast<const mg_engine*>(g.e), static_cast<const mg_engine*>(nullptr)}) {
                char* out = nullptr;
                BOOST_REQUIRE_EQUAL(mg_support_json(e, t, lang, &out), MG_OK);
                const json s = take(out);
                mg_support_info info = MG_SUPPORT_INFO_INIT;
                BOOST_REQUIRE_EQUAL(mg_support_status(e, t, lang, &info), MG_OK);
                BOOST_TEST(s.at("at") == std::string(at));
                BOOST_TEST(s.at("open") == st->open);
                BOOST_TEST(s.at("open") == (info.open == 1));
                BOOST_TEST(s.at("reason") == std::string(mg::to_string(st->reason)));
                BOOST_TEST(s.at("reason") == std::string(mg_desk_reason_name(info.reason)));
                BOOST_TEST(s.at("reason_label") == std::string(info.reason_text));
                BOOST_TEST(s.at("next_open") == std::string(info.next_open_iso));
                if (st->holiday) {
                    BOOST_TEST(s.at("holiday") == std::string(st->label()->ja));
                    BOOST_TEST(s.at("holiday_en") == std::string(st->label()->en));
                } else {
                    BOOST_TEST(s.at("holiday").is_null());
                    BOOST_TEST(s.at("holiday_en").is_null());
                }
                mg_support_contact c = MG_SUPPORT_CONTACT_INIT;
                BOOST_REQUIRE_EQUAL(mg_support_contact_info(lang, &c), MG_OK);
                BOOST_TEST(s.at("phone") == std::string(c.phone));
                BOOST_TEST(s.at("mail") == std::string(c.mail));
                BOOST_TEST(s.at("name") == std::string(c.name));
                BOOST_TEST(s.at("hours") == std::string(c.hours));
                BOOST_TEST(s.at("status_label").is_string());
                reasons.insert(s.at("reason"));
            }
        }
    }
    BOOST_TEST(reasons.size() >= 4u); // open, outside hours, weekend, holiday, year end
    char* out = reinterpret_cast<char*>(1);
    std::int64_t t1999 = 0;
    BOOST_REQUIRE_EQUAL(mg_parse_instant("1999-06-01T10:00:00+09:00", &t1999), MG_OK);
    BOOST_TEST(mg_support_json(nullptr, t1999, MG_LANG_JA, &out) == MG_ERR_RANGE);
    BOOST_TEST(out == nullptr);
    BOOST_TEST(mg_support_json(nullptr, 0, 2, &out) == MG_ERR_ARGUMENT);
    BOOST_TEST(mg_support_json(nullptr, 0, MG_LANG_JA, nullptr) == MG_ERR_ARGUMENT);
}

BOOST_AUTO_TEST_CASE(holidays_json_is_the_year_s_holidays) {
    for (int year : {2000, 2019, 2026, 2099}) {
        const auto list = mg::holidays_in(year);
        BOOST_REQUIRE(list);
        for (int lang : {MG_LANG_JA, MG_LANG_EN}) {
            char* out = nullptr;
            BOOST_REQUIRE_EQUAL(mg_holidays_json(year, lang, &out), MG_OK);
            const json h = take(out);
            BOOST_REQUIRE_EQUAL(h.size(), list->size());
            for (std::size_t i = 0; i < h.size(); ++i) {
                const mg::holiday& d = (*list)[i];
                char date[16];
                std::snprintf(date, sizeof date, "%04d-%02d-%02d", d.date.year, d.date.month,
                              d.date.day);
                BOOST_TEST(h[i].at("date") == std::string(date));
                BOOST_TEST(h[i].at("name") == std::string(d.name().ja));
                BOOST_TEST(h[i].at("name_en") == std::string(d.name().en));
                const mg::bitext w = mg::label(mg::weekday_of(d.date));
                BOOST_TEST(h[i].at("weekday") == std::string(lang == MG_LANG_EN ? w.en : w.ja));
                BOOST_TEST(mg::is_holiday(d.date).value());
            }
        }
    }
    // A known fact: New Year's Day is the first holiday of every year.
    char* out = nullptr;
    BOOST_REQUIRE_EQUAL(mg_holidays_json(2026, MG_LANG_EN, &out), MG_OK);
    BOOST_TEST(take(out)[0].at("date") == "2026-01-01");
    out = reinterpret_cast<char*>(1);
    BOOST_TEST(mg_holidays_json(1999, MG_LANG_JA, &out) == MG_ERR_RANGE);
    BOOST_TEST(out == nullptr);
    BOOST_TEST(mg_holidays_json(2100, MG_LANG_JA, &out) == MG_ERR_RANGE);
    BOOST_TEST(mg_holidays_json(2026, 9, &out) == MG_ERR_ARGUMENT);
    BOOST_TEST(mg_holidays_json(2026, MG_LANG_JA, nullptr) == MG_ERR_ARGUMENT);
}

BOOST_AUTO_TEST_CASE(is_holiday_of_a_civil_date) {
    // is_holiday(civil_date) (holidays.hpp): true on exactly the year's listed days.
    const auto list = mg::holidays_in(2026);
    BOOST_REQUIRE(list);
    std::set<int> listed;
    for (const auto& h : *list) listed.insert(h.date.month * 100 + h.date.day);
    int days = 0;
    for (int m = 1; m <= 12; ++m)
        for (int d = 1; d <= mg::days_in_month(2026, m); ++d) {
            const auto r = mg::is_holiday(mg::civil_date{2026, m, d});
            BOOST_REQUIRE(r);
            BOOST_TEST(*r == (listed.count(m * 100 + d) == 1u));
            days += *r;
        }
    BOOST_TEST(days == static_cast<int>(list->size()));
    BOOST_TEST(!mg::is_holiday(mg::civil_date{2026, 2, 30}));
    BOOST_TEST(
        (mg::is_holiday(mg::civil_date{2026, 2, 30}).error() == mg::holiday_errc::invalid_date));
    BOOST_TEST((mg::is_holiday(mg::civil_date{1999, 1, 1}).error() ==
                mg::holiday_errc::year_out_of_range));
}

BOOST_AUTO_TEST_CASE(last_load_error_json_is_the_refusal_of_the_last_load) {
    // On a thread where no load has failed: MG_ERR_ARGUMENT.
    std::thread([] {
        char* out = reinterpret_cast<char*>(1);
        BOOST_TEST(mg_last_load_error_json(MG_LANG_JA, &out) == MG_ERR_ARGUMENT);
        BOOST_TEST(out == nullptr);
    }).join();

    engine g;
    BOOST_REQUIRE_EQUAL(mg_engine_set_buffer_name(g.e, "members.csv"), MG_OK);
    const char dup[] = "code,name,prefecture\nx-1,甲,13\nx-1,乙,13\n"; // line 3: the code again
    BOOST_REQUIRE_EQUAL(mg_engine_load_directory_buffer(g.e, dup, sizeof dup - 1), MG_ERR_LOAD);
    const std::string last = mg_last_error();
    for (int lang : {MG_LANG_JA, MG_LANG_EN}) {
        char* out = nullptr;
        BOOST_REQUIRE_EQUAL(mg_last_load_error_json(lang, &out), MG_OK);
        const json r = take(out);
        BOOST_TEST(r.at("ok") == false);
        const json& e = r.at("error");
        BOOST_TEST(e.at("code") == "load_error");
        BOOST_TEST(e.at("kind") == std::string(mg::to_string(mg::load_error_kind::duplicate_code)));
        BOOST_TEST(e.at("source") == "members.csv");
        BOOST_TEST(e.at("line") == 3);
        BOOST_TEST(e.at("detail").get<std::string>().rfind("x-1 (line 2)", 0) == 0u);
        BOOST_TEST(!e.at("message").get<std::string>().empty());
        if (lang == MG_LANG_EN) BOOST_TEST(e.at("message") == last); // mg_last_error: English
    }
    // A refusal without a line: a missing file (line null), and mg_check_file's (since 1.1).
    BOOST_REQUIRE_EQUAL(mg_engine_load_directory(g.e, "/nonexistent/mamisguide/master.csv"),
                        MG_ERR_IO);
    char* out = nullptr;
    BOOST_REQUIRE_EQUAL(mg_last_load_error_json(MG_LANG_EN, &out), MG_OK);
    json r = take(out);
    BOOST_TEST(r.at("error").at("kind") == "unreadable");
    BOOST_TEST(r.at("error").at("line").is_null());
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    BOOST_REQUIRE_EQUAL(mg_check_file("photo.csv", 1000, png, sizeof png - 1), MG_ERR_LOAD);
    BOOST_REQUIRE_EQUAL(mg_last_load_error_json(MG_LANG_JA, &out), MG_OK);
    r = take(out);
    BOOST_TEST(r.at("error").at("kind") == "not_text");
    BOOST_TEST(r.at("error").at("source") == "photo.csv");
    BOOST_TEST(mg_last_load_error_json(3, &out) == MG_ERR_ARGUMENT);
    BOOST_TEST(mg_last_load_error_json(MG_LANG_JA, nullptr) == MG_ERR_ARGUMENT);
}

// A file's name is any bytes its file system holds (a CP932 name on a Windows share): the
// refusal's JSON stays UTF-8, each byte that is not part of valid UTF-8 written as '?'.
// mg_last_error() gives the name's bytes back as they were, cut at 1,023 bytes even where no
// byte of it starts a character.
BOOST_AUTO_TEST_CASE(load_error_of_a_name_that_is_not_utf8) {
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const char* const cp932 = "\x89\xEF\x88\xF5.csv"; // 会員.csv in CP932
    BOOST_REQUIRE_EQUAL(mg_check_file(cp932, 1000, png, sizeof png - 1), MG_ERR_LOAD);
    BOOST_TEST(std::string(mg_last_error()).rfind(std::string(cp932) + ": ", 0) == 0u);
    char* out = nullptr;
    BOOST_REQUIRE_EQUAL(mg_last_load_error_json(MG_LANG_EN, &out), MG_OK);
    const json r = take(out); // nlohmann refuses text that is not UTF-8
    BOOST_TEST(r.at("error").at("kind") == "not_text");
    BOOST_TEST(r.at("error").at("source") == "????.csv");
    BOOST_TEST(r.at("error").at("message").get<std::string>().rfind("????.csv: ", 0) == 0u);
    BOOST_TEST(r.at("error").at("detail") == "PNG");
    // The same name given to a buffer that has no header (no detail: null).
    engine g;
    BOOST_REQUIRE_EQUAL(mg_engine_set_buffer_name(g.e, cp932), MG_OK);
    BOOST_REQUIRE_EQUAL(mg_engine_load_directory_buffer(g.e, "", 0), MG_ERR_LOAD);
    BOOST_REQUIRE_EQUAL(mg_last_load_error_json(MG_LANG_EN, &out), MG_OK);
    const json empty = take(out);
    BOOST_TEST(empty.at("error").at("kind") == "missing_header");
    BOOST_TEST(empty.at("error").at("source") == "????.csv");
    BOOST_TEST(empty.at("error").at("detail").is_null());

    const std::string name(1100, '\x80');
    BOOST_REQUIRE_EQUAL(mg_check_file(name.c_str(), 1000, png, sizeof png - 1), MG_ERR_LOAD);
    BOOST_TEST(std::string(mg_last_error()) == name.substr(0, 1023));
    BOOST_REQUIRE_EQUAL(mg_last_load_error_json(MG_LANG_JA, &out), MG_OK);
    BOOST_TEST(take(out).at("error").at("source") == std::string(1100, '?'));
}

BOOST_AUTO_TEST_CASE(load_error_kinds_have_distinct_wire_names) {
    // to_string(load_error_kind): every kind its own snake_case name, the contract's vocabulary.
    std::set<std::string> names;
    for (int k = 0; k <= static_cast<int>(mg::load_error_kind::not_text); ++k) {
        const std::string n(mg::to_string(static_cast<mg::load_error_kind>(k)));
        BOOST_TEST(!n.empty());
        BOOST_TEST(n.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789") ==
                   std::string::npos);
        names.insert(n);
    }
    BOOST_TEST(names.size() == static_cast<std::size_t>(mg::load_error_kind::not_text) + 1);
    BOOST_TEST(names.count("unreadable") == 1u);
    BOOST_TEST(names.count("not_text") == 1u);
}

BOOST_AUTO_TEST_CASE(constant_names_are_the_contract_s) {
    // Each constant's name is the C++ library's to_string of the same enumerator; values outside
    // the constants (and MG_SELECTION_NONE, JSON null) have none.
    for (int v = MG_FORM_ADMISSION; v <= MG_FORM_WITHDRAWAL; ++v)
        BOOST_TEST(mg_form_name(v) == std::string(mg::to_string(static_cast<mg::form_kind>(v))));
    BOOST_TEST(mg_form_name(MG_FORM_WITHDRAWAL + 1) == nullptr);
    BOOST_TEST(mg_form_name(-1) == nullptr);
    BOOST_TEST(std::string(mg_form_name(MG_FORM_TRANSFER)) == "transfer");

    BOOST_TEST(mg_selection_name(MG_SELECTION_NONE) == nullptr);
    for (int v = MG_SELECTION_NEW; v <= MG_SELECTION_ASSOCIATION_TRANSFER; ++v)
        BOOST_TEST(mg_selection_name(v) ==
                   std::string(mg::to_string(static_cast<mg::selection>(v))));
    BOOST_TEST(mg_selection_name(MG_SELECTION_ASSOCIATION_TRANSFER + 1) == nullptr);
    BOOST_TEST(std::string(mg_selection_name(MG_SELECTION_NEW)) == "new");

    for (int v = MG_ACTOR_MEMBER; v <= MG_ACTOR_SECRETARIAT; ++v)
        BOOST_TEST(mg_actor_name(v) == std::string(mg::to_string(static_cast<mg::actor>(v))));
    BOOST_TEST(mg_actor_name(MG_ACTOR_SECRETARIAT + 1) == nullptr);
    BOOST_TEST(mg_actor_name(-1) == nullptr);

    for (int v = MG_PREREQ_USER_REGISTRATION; v <= MG_PREREQ_MYPAGE_CHECK; ++v)
        BOOST_TEST(mg_prerequisite_name(v) ==
                   std::string(mg::to_string(static_cast<mg::prerequisite_kind>(v))));
    BOOST_TEST(mg_prerequisite_name(MG_PREREQ_MYPAGE_CHECK + 1) == nullptr);
    BOOST_TEST(mg_prerequisite_name(-1) == nullptr);

    std::set<std::string> notes;
    for (int v = MG_NOTE_CASCADE_APPLIED; v <= MG_NOTE_CATEGORY_IGNORED; ++v) {
        BOOST_REQUIRE(mg_note_name(v));
        BOOST_TEST(mg_note_name(v) == std::string(mg::to_string(static_cast<mg::note_kind>(v))));
        notes.insert(mg_note_name(v));
    }
    BOOST_TEST(notes.size() == static_cast<std::size_t>(MG_NOTE_CATEGORY_IGNORED + 1));
    BOOST_TEST(mg_note_name(MG_NOTE_CATEGORY_IGNORED + 1) == nullptr);
    BOOST_TEST(mg_note_name(-1) == nullptr);
}

BOOST_AUTO_TEST_CASE(names_are_what_plans_write) {
    // The names are those mg_plan_json writes: a transfer by the secretariat, with its notes.
    engine g;
    const std::string req =
        R"({"member":{"levels":["municipal","prefectural","national"],"municipal":"13-shinjuku",)"
        R"("mypage":"no"},"request":{"operation":"transfer","municipal":"01-sapporo",)"
        R"("categories":{"municipal":"A","prefectural":"B"},"proxy":true}})";
    char* out = nullptr;
    const int st = mg_plan_json(g.e, req.data(), req.size(), &out);
    const json p = take(out);
    BOOST_REQUIRE_EQUAL(st, MG_OK);
    BOOST_TEST(p.at("form") == std::string(mg_form_name(MG_FORM_TRANSFER)));
    BOOST_TEST(p.at("selection") ==
               std::string(mg_selection_name(MG_SELECTION_ASSOCIATION_TRANSFER)));
    BOOST_TEST(p.at("actor") == std::string(mg_actor_name(MG_ACTOR_SECRETARIAT)));
    std::set<std::string> kinds;
    for (const auto& n : p.at("notes")) kinds.insert(n.at("kind"));
    BOOST_TEST(kinds.count(mg_note_name(MG_NOTE_PREFECTURAL_MOVES)) == 1u);
    BOOST_TEST(kinds.count(mg_note_name(MG_NOTE_PROXY)) == 1u);
    std::set<std::string> prereqs;
    for (const auto& r : p.at("prerequisites")) prereqs.insert(r.at("kind"));
    BOOST_TEST(prereqs.count(mg_prerequisite_name(MG_PREREQ_USER_REGISTRATION)) == 1u);
}

namespace {

/// mg_plan_json's status and parsed response for a request.
std::pair<int, json> plan(const mg_engine* e, const json& request) {
    const std::string text = request.dump();
    char* out = nullptr;
    const int st = mg_plan_json(e, text.data(), text.size(), &out);
    return {st, take(out)};
}

} // namespace

BOOST_AUTO_TEST_CASE(each_field_of_the_wrong_type_is_named) {
    // Every field the contract names, given a value of a type it never takes: invalid_request
    // naming exactly that field (contract.md), whatever the rest of the request.
    engine g;
    const json base = {{"member",
                        {{"mypage", "yes"},
                         {"municipal", "13-shinjuku"},
                         {"prefectural", "13"},
                         {"levels", {"municipal", "prefectural"}},
                         {"categories", json::object()}}},
                       {"request",
                        {{"operation", "change_facility"},
                         {"reason", "移転"},
                         {"cascade", false},
                         {"proxy", false}}},
                       {"lang", "ja"}};
    BOOST_REQUIRE_EQUAL(plan(g.e, base).first, MG_OK);
    const std::vector<std::pair<json::json_pointer, json>> cases = {
        {"/member/municipal"_json_pointer, 5},
        {"/member/municipal"_json_pointer, json::array({"13-shinjuku"})},
        {"/member/prefectural"_json_pointer, json::array()},
        {"/member/prefectural"_json_pointer, 13},
        {"/member/mypage"_json_pointer, true},
        {"/member/levels"_json_pointer, "municipal"},
        {"/member/categories"_json_pointer, json::array()},
        {"/request/operation"_json_pointer, 1},
        {"/request/reason"_json_pointer, 7},
        {"/request/reason"_json_pointer, json::object()},
        {"/request/municipal"_json_pointer, false},
        {"/request/levels"_json_pointer, json::object()},
        {"/request/categories"_json_pointer, "A"},
        {"/request/cascade"_json_pointer, "yes"},
        {"/request/proxy"_json_pointer, 1},
    };
    for (const auto& [where, value] : cases) {
        json r = base;
        r[where] = value;
        const auto [st, resp] = plan(g.e, r);
        std::string field = where.to_string().substr(1);
        field[field.find('/')] = '.';
        BOOST_TEST_CONTEXT(r.dump()) {
            BOOST_TEST(st == MG_INVALID_REQUEST);
            BOOST_TEST(resp.at("ok") == false);
            BOOST_TEST(resp.at("error").at("code") == "invalid_request");
            BOOST_TEST(resp.at("error").at("field") == field);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_suggestion_echoes_the_association_reason_and_proxy) {
    // A join of the municipal and national associations skips the prefectural one: refused, with
    // the join of all three at the same association suggested — its code, categories, reason and
    // proxy flag echoed — and the suggestion, planned, succeeds.
    mg_engine* e = nullptr;
    BOOST_REQUIRE_EQUAL(mg_engine_new(&e), MG_OK);
    BOOST_REQUIRE_EQUAL(mg_engine_load_directory(e, MG_SAMPLE_MASTER), MG_OK);
    BOOST_REQUIRE_EQUAL(mg_engine_load_categories(e, MG_SOURCE_DIR "/data/sample-categories.csv"),
                        MG_OK);
    const json member = {{"levels", json::array()}};
    const json request = {
        {"operation", "join"},
        {"municipal", "13-chiyoda"},
        {"levels", {"municipal", "national"}},
        {"categories", {{"municipal", "A"}, {"prefectural", "A"}, {"national", "A1"}}},
        {"reason", "開業"},
        {"proxy", true}};
    const auto [st, resp] = plan(e, {{"member", member}, {"request", request}});
    BOOST_TEST(st == MG_ILLEGAL_LEVELS);
    const json& s = resp.at("error").at("suggestion");
    BOOST_TEST(s.at("operation") == "join");
    BOOST_TEST(s.at("municipal") == "13-chiyoda");
    BOOST_TEST(s.at("levels") == json({"municipal", "prefectural", "national"}));
    BOOST_TEST(s.at("categories") == request.at("categories"));
    BOOST_TEST(s.at("reason") == "開業");
    BOOST_TEST(s.at("proxy") == true);
    BOOST_TEST(!s.contains("cascade"));
    const auto [st2, ok] = plan(e, {{"member", member}, {"request", s}});
    BOOST_TEST(st2 == MG_OK);
    BOOST_TEST(ok.at("actor") == "secretariat");
    mg_engine_free(e);
}

BOOST_AUTO_TEST_CASE(a_long_message_is_cut_to_whole_characters) {
    // mg_last_error() holds at most 1023 bytes: a message naming a long code is cut there, never
    // inside a UTF-8 character, whatever the byte it falls on.
    engine g;
    for (std::size_t pad = 0; pad < 4; ++pad) {
        const std::string code = std::string(pad, 'x') + [] {
            std::string s;
            for (int i = 0; i < 400; ++i) s += "\xE5\x8C\xBB"; // 医, three bytes
            return s;
        }();
        char* out = nullptr;
        BOOST_REQUIRE_EQUAL(mg_association_json(g.e, code.c_str(), MG_LANG_JA, &out),
                            MG_UNKNOWN_ASSOCIATION);
        const std::string m = mg_last_error();
        BOOST_TEST(m.size() <= 1023u);
        BOOST_TEST(m.size() > 1000u);
        const std::string prefix = "unknown association: ";
        BOOST_REQUIRE(m.rfind(prefix, 0) == 0u);
        // What is left is the code's beginning, whole characters only.
        const std::string rest = m.substr(prefix.size());
        BOOST_TEST(code.rfind(rest, 0) == 0u);
        BOOST_TEST((rest.size() - pad) % 3 == 0u);
    }
}

// mg_last_error() cut to its 1,023 bytes keeps whole characters of every width: ASCII, two-,
// three- (above) and four-byte UTF-8, the cut falling at each byte of a character; as much of the
// code as fits, and no more than a character short of the limit.
BOOST_AUTO_TEST_CASE(last_error_cut_at_every_width) {
    engine g;
    const std::string prefix = "unknown association: ";
    for (const std::string& ch : {std::string("a"), std::string("\xC3\xA9"), // é
                                  std::string("\xF0\xA0\xAE\xB7")}) {        // 𠮷, four bytes
        for (std::size_t pad = 0; pad < ch.size(); ++pad) {
            std::string code(pad, 'x');
            while (code.size() < 1100) code += ch;
            char* out = nullptr;
            BOOST_REQUIRE_EQUAL(mg_association_json(g.e, code.c_str(), MG_LANG_EN, &out),
                                MG_UNKNOWN_ASSOCIATION);
            const std::string m = mg_last_error();
            BOOST_REQUIRE(m.rfind(prefix, 0) == 0u);
            const std::string rest = m.substr(prefix.size());
            BOOST_TEST(code.rfind(rest, 0) == 0u, "a prefix of the code");
            BOOST_TEST((rest.size() - pad) % ch.size() == 0u, "whole characters");
            BOOST_TEST(m.size() <= 1023u);
            BOOST_TEST(m.size() + ch.size() > 1023u, "no more cut than a character");
        }
    }
}

// mg_guide_categories_json refuses a guide node that is a question, not a leaf (field "leaf"),
// and names member.municipal when the member's own association is unknown for a leaf that
// changes the member's own chain.
BOOST_AUTO_TEST_CASE(guide_categories_refusals) {
    engine g;
    char* out = nullptr;
    int st = mg_guide_categories_json(g.e, "step2", nullptr, 0, nullptr, 0, MG_LANG_EN, &out);
    BOOST_TEST(st == MG_INVALID_REQUEST);
    json r = take(out);
    BOOST_TEST(r["ok"] == false);
    BOOST_TEST(r["error"]["code"] == "invalid_request");
    BOOST_TEST(r["error"]["field"] == "leaf");

    out = nullptr;
    st = mg_guide_categories_json(g.e, "change.category", "13-nowhere", MG_LEVELS_ALL, nullptr,
                                  MG_LEVEL_MUNICIPAL, MG_LANG_EN, &out);
    BOOST_TEST(st == MG_UNKNOWN_ASSOCIATION);
    r = take(out);
    BOOST_TEST(r["error"]["code"] == "unknown_association");
    BOOST_TEST(r["error"]["field"] == "member.municipal");
    BOOST_TEST(r["error"]["value"] == "13-nowhere");

    // The same leaf for a known member: that level's association and its choices.
    out = nullptr;
    st = mg_guide_categories_json(g.e, "change.category", "13-chiyoda", MG_LEVELS_ALL, nullptr,
                                  MG_LEVEL_MUNICIPAL, MG_LANG_EN, &out);
    BOOST_TEST(st == MG_OK);
    r = take(out);
    BOOST_TEST_REQUIRE(r["categories"].size() == 1u);
    BOOST_TEST(r["categories"][0]["level"] == "municipal");
    BOOST_TEST(r["categories"][0]["code"] == "13-chiyoda");
}

// A categories buffer given as NULL with length 0 is an empty text, read as such (not an
// argument error): the same refusal as "", the header row missing.
BOOST_AUTO_TEST_CASE(categories_buffer_null_and_empty) {
    engine a, b;
    const int from_null = mg_engine_load_categories_buffer(a.e, nullptr, 0);
    const std::string null_error = mg_last_error();
    const int from_empty = mg_engine_load_categories_buffer(b.e, "", 0);
    BOOST_TEST(from_null == from_empty);
    BOOST_TEST(from_null == MG_ERR_LOAD);
    BOOST_TEST(null_error == std::string(mg_last_error()));
    BOOST_TEST(null_error == "<buffer>:1: the header row is missing");
    BOOST_TEST(mg_engine_load_categories_buffer(a.e, nullptr, 1) == MG_ERR_ARGUMENT);
}
