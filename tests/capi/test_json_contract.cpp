// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The JSON contract (contract.md) through mg_plan_json, read back with an independent parser
// (nlohmann/json): the examples, every refusal code, the language switch, and bad bytes of
// every kind — the response is always one of the two shapes.
#define BOOST_TEST_MODULE json_contract
#include <boost/test/unit_test.hpp>

#include "capi_engine.hpp"

#include <mamisguide.h>
#include <nlohmann/json.hpp>

#include <random>
#include <set>
#include <string>

using nlohmann::json;

namespace {

using engine = sample_engine;
const engine& eng() {
    static engine e;
    return e;
}

const std::set<std::string> refusal_codes = {
    "invalid_request",    "unknown_association", "level_mismatch",    "invalid_state",
    "not_a_member",       "already_member",      "level_not_held",    "level_already_held",
    "illegal_levels",     "same_association",    "category_required", "unknown_category",
    "category_unchanged", "no_category"};

/// Checks the response is one of the contract's two shapes; returns it.
json check_shape(const std::string& text, int status) {
    json r = json::parse(text); // throws (fails the test) if the response is not JSON
    BOOST_TEST_REQUIRE(r.is_object());
    BOOST_TEST_REQUIRE(r.contains("ok"));
    if (r["ok"] == true) {
        BOOST_TEST(status == MG_OK);
        for (const char* k :
             {"operation", "form", "form_label", "selection", "checked", "categories",
              "prerequisites", "steps", "manual", "actor", "result", "notes", "rule"})
            BOOST_TEST(r.contains(k), "plan lacks " << k);
        BOOST_TEST(r["checked"].is_array());
        BOOST_TEST(r["steps"].is_array());
        BOOST_TEST(r["notes"].is_array());
        BOOST_TEST(r["prerequisites"].is_array());
        for (const auto& p : r["prerequisites"]) {
            BOOST_TEST(p["kind"].is_string());
            BOOST_TEST(p["steps"].is_array());
            BOOST_TEST(p["manual"].is_string());
        }
        BOOST_TEST(
            (r["form"] == "admission" || r["form"] == "transfer" || r["form"] == "withdrawal"));
        BOOST_TEST((r["actor"] == "member" || r["actor"] == "secretariat"));
        BOOST_TEST(r["result"]["levels"].is_array());
    } else {
        BOOST_TEST(r["ok"] == false);
        BOOST_TEST_REQUIRE(r["error"].is_object());
        const std::string code = r["error"]["code"];
        BOOST_TEST(refusal_codes.count(code) == 1u, "unknown code " << code);
        BOOST_TEST(std::string(mg_status_name(status)) == code);
        BOOST_TEST(r["error"]["message"].is_string());
        BOOST_TEST(!r["error"]["message"].get<std::string>().empty());
        if (r["error"].contains("suggestion"))
            BOOST_TEST(r["error"]["suggestion"]["operation"].is_string());
    }
    return r;
}

std::pair<int, json> call_bytes(const std::string& bytes) {
    char* out = nullptr;
    const int st = mg_plan_json(eng().e, bytes.data(), bytes.size(), &out);
    BOOST_TEST_REQUIRE(out != nullptr);
    const std::string text = out;
    mg_free(out);
    return {st, check_shape(text, st)};
}

std::pair<int, json> call(const json& req) {
    return call_bytes(req.dump());
}

json member3() {
    return {{"mypage", "yes"},
            {"municipal", "13-chiyoda"},
            {"levels", {"municipal", "prefectural", "national"}},
            {"categories", {{"national", "A2B"}}}};
}

json contract_request() {
    return {{"member", member3()},
            {"request",
             {{"operation", "withdraw"},
              {"levels", {"national"}},
              {"municipal", nullptr},
              {"categories", json::object()},
              {"reason", nullptr},
              {"cascade", false},
              {"proxy", false}}},
            {"lang", "ja"}};
}

std::string code_of(const json& r) {
    return r["ok"] == true ? "ok" : r["error"]["code"].get<std::string>();
}

} // namespace

BOOST_AUTO_TEST_CASE(contract_plan_example) {
    auto [st, r] = call(contract_request());
    BOOST_TEST(st == MG_OK);
    BOOST_TEST(r["ok"] == true);
    BOOST_TEST(r["operation"] == "withdraw");
    BOOST_TEST(r["form"] == "withdrawal");
    BOOST_TEST(r["form_label"] == "退会届");
    BOOST_TEST(r["selection"].is_null());
    BOOST_TEST(r["checked"] ==
               json::parse(R"([{"level": "national", "code": "00", "name": "日本医師会"}])"));
    BOOST_TEST(r["categories"] == json::object());
    BOOST_TEST(r["prerequisites"] == json::array());
    BOOST_TEST(r["steps"][0] == "マイページにログイン");
    BOOST_TEST(r["steps"][1] == "［退会届］をクリック");
    BOOST_TEST(r["manual"] == "MAMIS 操作マニュアル（退会届）");
    BOOST_TEST(r["actor"] == "member");
    BOOST_TEST(r["result"]["municipal"] == "13-chiyoda");
    BOOST_TEST(r["result"]["prefectural"] == "13");
    BOOST_TEST(r["result"] == json::parse(R"({"municipal": "13-chiyoda", "prefectural": "13",
                                                 "levels": ["municipal", "prefectural"]})"));
    BOOST_TEST(r["notes"] == json::array());
    BOOST_TEST(r["rule"] == "withdraw.top_of_chain");
}

BOOST_AUTO_TEST_CASE(contract_refusal_example) {
    json req = contract_request();
    req["request"]["levels"] = {"municipal"};
    auto [st, r] = call(req);
    BOOST_TEST(st == MG_ILLEGAL_LEVELS);
    BOOST_TEST(r == json::parse(R"({"ok": false, "error": {"code": "illegal_levels",
      "message": "郡市区医師会を退会する場合は、都道府県医師会と日本医師会も退会する必要があります。",
      "field": "request.levels",
      "suggestion": {"operation": "withdraw", "levels": ["municipal", "prefectural", "national"]}}})"));
    // The suggestion, sent as the request, succeeds.
    req["request"] = r["error"]["suggestion"];
    BOOST_TEST(code_of(call(req).second) == "ok");
    // So does the same request with cascade, noting what was added.
    req["request"] = {{"operation", "withdraw"}, {"levels", {"municipal"}}, {"cascade", true}};
    auto [st2, r2] = call(req);
    BOOST_TEST(st2 == MG_OK);
    BOOST_TEST(r2["rule"] == "withdraw.cascade");
    BOOST_TEST(r2["notes"][0]["kind"] == "cascade_applied");
    BOOST_TEST(r2["result"]["levels"] == json::array());
    BOOST_TEST(r2["result"]["municipal"].is_null());
}

BOOST_AUTO_TEST_CASE(result_feeds_back_as_member) {
    // A plan's result has the member's shape: it can be the next request's member.
    json req = {{"request",
                 {{"operation", "join"},
                  {"municipal", "13-chiyoda"},
                  {"levels", {"municipal"}},
                  {"categories", {{"municipal", "A"}}}}}};
    auto [st, r] = call(req);
    BOOST_TEST_REQUIRE(st == MG_OK);
    json next = {{"member", r["result"]},
                 {"request",
                  {{"operation", "additional_join"},
                   {"levels", {"prefectural", "national"}},
                   {"categories", {{"prefectural", "P"}, {"national", "A2C"}}}}}};
    auto [st2, r2] = call(next);
    BOOST_TEST(st2 == MG_OK);
    json last = {{"member", r2["result"]},
                 {"request", {{"operation", "withdraw"}, {"levels", {"national"}}}}};
    BOOST_TEST(call(last).first == MG_OK);
}

BOOST_AUTO_TEST_CASE(every_refusal_code) {
    const json m3 = member3();
    const json m1 = {{"municipal", "13-chiyoda"}, {"levels", {"municipal"}}};
    struct row {
        json req;
        std::string code;
        bool suggestion;
    };
    const std::vector<row> rows = {
        {{{"request", {{"operation", "fly"}}}}, "invalid_request", false},
        {{{"request",
           {{"operation", "join"},
            {"municipal", "99-nowhere"},
            {"levels", {"municipal"}},
            {"categories", {{"municipal", "A"}}}}}},
         "unknown_association",
         false},
        {{{"request",
           {{"operation", "join"},
            {"municipal", "13"},
            {"levels", {"municipal"}},
            {"categories", {{"municipal", "A"}}}}}},
         "level_mismatch",
         false},
        {{{"member", {{"municipal", "13-chiyoda"}, {"levels", {"national"}}}},
          {"request", {{"operation", "withdraw"}, {"levels", {"national"}}}}},
         "invalid_state",
         false},
        {{{"request", {{"operation", "withdraw"}, {"levels", {"municipal"}}}}},
         "not_a_member",
         false},
        {{{"member", m1},
          {"request",
           {{"operation", "join"},
            {"municipal", "13-chiyoda"},
            {"levels", {"municipal", "prefectural"}},
            {"categories", {{"municipal", "A"}, {"prefectural", "B"}}}}}},
         "already_member",
         true},
        {{{"member", m1},
          {"request", {{"operation", "withdraw"}, {"levels", {"municipal", "prefectural"}}}}},
         "level_not_held",
         true},
        {{{"member", m1},
          {"request",
           {{"operation", "additional_join"},
            {"levels", {"municipal", "prefectural"}},
            {"categories", {{"municipal", "A"}, {"prefectural", "B"}}}}}},
         "level_already_held",
         true},
        {{{"member", m3}, {"request", {{"operation", "withdraw"}, {"levels", {"prefectural"}}}}},
         "illegal_levels",
         true},
        {{{"member", m3},
          {"request",
           {{"operation", "transfer"},
            {"municipal", "13-chiyoda"},
            {"categories", {{"municipal", "A"}}}}}},
         "same_association",
         true},
        {{{"request",
           {{"operation", "join"}, {"municipal", "13-chiyoda"}, {"levels", {"municipal"}}}}},
         "category_required",
         false},
        {{{"request",
           {{"operation", "join"},
            {"municipal", "13-shinjuku"},
            {"levels", {"municipal"}},
            {"categories", {{"municipal", "Z"}}}}}},
         "unknown_category",
         false},
        {{{"member", m3},
          {"request", {{"operation", "change_category"}, {"categories", {{"national", "A2B"}}}}}},
         "category_unchanged",
         false},
        {{{"request",
           {{"operation", "join"},
            {"municipal", "13-chiyoda"},
            {"levels", {"municipal", "prefectural", "national"}},
            {"categories", {{"municipal", "A"}, {"prefectural", "B"}, {"national", "ZZ"}}}}}},
         "unknown_category",
         false},
    };
    std::set<std::string> seen;
    for (const row& r : rows) {
        auto [st, resp] = call(r.req);
        BOOST_TEST(code_of(resp) == r.code, r.req.dump());
        seen.insert(code_of(resp));
        BOOST_TEST(resp["error"].contains("suggestion") == r.suggestion, r.req.dump());
        if (resp["error"].contains("suggestion")) {
            json again = r.req;
            again["request"] = resp["error"]["suggestion"];
            BOOST_TEST(code_of(call(again).second) == "ok", again.dump());
        }
    }
    // no_category has no JSON request (it comes from the category recommender): the C ABI.
    const char* code = nullptr;
    BOOST_TEST(mg_recommend_category(MG_ROLE_FOUNDER_MANAGER, 1, MG_LANG_JA, &code, nullptr) ==
               MG_NO_CATEGORY);
    seen.insert("no_category");
    BOOST_TEST(seen == refusal_codes);
}

BOOST_AUTO_TEST_CASE(lang_switches_text_not_codes) {
    json ja = contract_request(), en = contract_request();
    en["lang"] = "en";
    auto [s1, r1] = call(ja);
    auto [s2, r2] = call(en);
    BOOST_TEST(s1 == s2);
    for (const char* k : {"operation", "form", "selection", "actor", "rule", "result"})
        BOOST_TEST(r1[k] == r2[k]);
    BOOST_TEST(r1["checked"][0]["code"] == r2["checked"][0]["code"]);
    BOOST_TEST(r1["steps"] != r2["steps"]);
    BOOST_TEST(r1["manual"] != r2["manual"]);
    BOOST_TEST(r2["steps"][0] == "Log in to MyPage");
    BOOST_TEST(r2["checked"][0]["name"] == "Japan Medical Association");
    ja["request"]["levels"] = {"municipal"};
    en["request"]["levels"] = {"municipal"};
    auto [s3, r3] = call(ja);
    auto [s4, r4] = call(en);
    BOOST_TEST(s3 == s4);
    BOOST_TEST(r3["error"]["code"] == r4["error"]["code"]);
    BOOST_TEST(r3["error"]["suggestion"] == r4["error"]["suggestion"]);
    BOOST_TEST(r3["error"]["message"] != r4["error"]["message"]);
    // Even a malformed request answers in the language it asked for, where that can be read.
    auto [s5, r5] = call_bytes(R"({"request": {"operation": "fly"}, "lang": "en"})");
    BOOST_TEST(s5 == MG_INVALID_REQUEST);
    BOOST_TEST(r5["error"]["message"] == "Unknown operation. (request.operation)");
}

BOOST_AUTO_TEST_CASE(defaults) {
    // member may be left out (not a member, MyPage yes); lang defaults to ja.
    auto [st, r] = call(json{{"request",
                              {{"operation", "join"},
                               {"municipal", "13-chiyoda"},
                               {"levels", {"municipal"}},
                               {"categories", {{"municipal", "A"}}}}}});
    BOOST_TEST(st == MG_OK);
    BOOST_TEST(r["prerequisites"] == json::array());
    BOOST_TEST(r["selection"] == "new");
    BOOST_TEST(r["form_label"] == "入会届");
    // change_category without levels: the keys of categories.
    auto [st2, r2] = call(
        json{{"member", member3()},
             {"request", {{"operation", "change_category"}, {"categories", {{"national", "B"}}}}}});
    BOOST_TEST(st2 == MG_OK);
    BOOST_TEST(r2["checked"][0]["code"] == "00");
    BOOST_TEST(r2["selection"] == "category_change");
    BOOST_TEST(r2["result"]["categories"]["national"] == "B");
}

BOOST_AUTO_TEST_CASE(selection_and_form_per_operation) {
    const json m3 = member3();
    auto sel = [&](json request) {
        return call(json{{"member", m3}, {"request", request}}).second;
    };
    json f = sel({{"operation", "change_facility"}, {"reason", "開業"}});
    BOOST_TEST(f["form"] == "transfer");
    BOOST_TEST(f["selection"] == "association_transfer");
    BOOST_TEST(f["reason"] == "開業");
    json t = sel({{"operation", "transfer"},
                  {"municipal", "14-yokohama"},
                  {"categories", {{"municipal", "A"}, {"prefectural", "B"}}}});
    BOOST_TEST(t["selection"] == "association_transfer");
    BOOST_TEST(t["result"]["prefectural"] == "14");
    bool moves = false;
    for (const auto& n : t["notes"]) moves = moves || n["kind"] == "prefectural_moves";
    BOOST_TEST(moves);
    json p = sel({{"operation", "withdraw"}, {"levels", {"national"}}, {"proxy", true}});
    BOOST_TEST(p["actor"] == "secretariat");
    BOOST_TEST(p["manual"] == "MAMIS 操作マニュアル（医師会事務局による代理申請入力）");
}

BOOST_AUTO_TEST_CASE(transfer_with_every_held_category) {
    // A system may send the member's categories for every held level: the ones whose
    // association does not change are not applied, and a note says so.
    json req = {
        {"member", member3()},
        {"request",
         {{"operation", "transfer"},
          {"municipal", "13-shinjuku"},
          {"categories", {{"municipal", "A"}, {"prefectural", "B"}, {"national", "A2B"}}}}}};
    auto [st, r] = call(req);
    BOOST_TEST(st == MG_OK);
    BOOST_TEST(r["categories"] == json::parse(R"({"municipal": "A"})"));
    BOOST_TEST(r["checked"].size() == 1u);
    bool ignored = false;
    for (const auto& n : r["notes"])
        if (n["kind"] == "category_ignored")
            ignored = n["levels"] == json::parse(R"(["prefectural", "national"])");
    BOOST_TEST(ignored);
    BOOST_TEST(r["result"]["categories"] ==
               json::parse(R"({"municipal": "A", "national": "A2B"})"));
    // A category for a level the member does not hold is still a mistake.
    req["member"]["levels"] = {"municipal"};
    req["member"]["categories"] = json::object();
    BOOST_TEST(call(req).first == MG_INVALID_REQUEST);
}

BOOST_AUTO_TEST_CASE(mypage_prerequisites) {
    json req = contract_request();
    req["member"]["mypage"] = "no";
    json r = call(req).second;
    BOOST_TEST(r["prerequisites"][0]["kind"] == "user_registration");
    BOOST_TEST(r["prerequisites"][0]["manual"] == "MAMIS操作マニュアル（利用者登録）");
    req["member"]["mypage"] = "unknown";
    r = call(req).second;
    BOOST_TEST(r["prerequisites"][0]["kind"] == "mypage_check");
    BOOST_TEST(r["prerequisites"][0]["methods"] ==
               json::parse(R"(["initial_login", "member_search"])"));
    BOOST_TEST(r["prerequisites"][0]["support"]["phone"] == "0120-110-030");
    BOOST_TEST(r["prerequisites"][0]["support"]["mail"] == "inquiry@mamis.med.or.jp");
    const std::string steps = r["prerequisites"][0]["steps"].dump();
    BOOST_TEST(steps.find("初期ログイン") != std::string::npos);
    BOOST_TEST(steps.find("会員情報検索") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_requests) {
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"", "empty"},
        {"   \n", "blank"},
        {"{", "truncated"},
        {R"({"request": {"operation": "withdraw", "levels": ["national"]})", "truncated 2"},
        {"[]", "array"},
        {"null", "null"},
        {"42", "number"},
        {R"({"request": null})", "null request"},
        {R"({"request": {}})", "no operation"},
        {R"({"request": {"operation": 1}})", "operation type"},
        {R"({"request": {"operation": "withdraw", "levels": "national"}})", "levels type"},
        {R"({"request": {"operation": "withdraw", "levels": ["national", "national"]}})",
         "repeated level"},
        {R"({"request": {"operation": "withdraw", "levels": ["world"]}})", "unknown level"},
        {R"({"request": {"operation": "withdraw", "levels": [1]}})", "level type"},
        {R"({"request": {"operation": "withdraw", "levles": ["national"]}})", "typo field"},
        {R"({"request": {"operation": "withdraw"}, "extra": 1})", "unknown top field"},
        {R"({"member": {"mypage": "maybe"}, "request": {"operation": "withdraw"}})",
         "mypage value"},
        {R"({"member": {"mypage": "yes", "age": 40}, "request": {"operation": "withdraw"}})",
         "member field"},
        {R"({"member": [], "request": {"operation": "withdraw"}})", "member type"},
        {R"({"request": {"operation": "withdraw", "cascade": "yes"}})", "cascade type"},
        {R"({"request": {"operation": "withdraw", "proxy": 1}})", "proxy type"},
        {R"({"request": {"operation": "join", "categories": {"world": "A"}}})", "category level"},
        {R"({"request": {"operation": "join", "categories": {"municipal": 1}}})", "category type"},
        {R"({"request": {"operation": "join", "categories": []}})", "categories type"},
        {R"({"request": {"operation": "join"}, "lang": "fr"})", "lang value"},
        {R"({"request": {"operation": "join"}, "lang": 1})", "lang type"},
        {R"({"request": {"operation": "join", "operation": "withdraw"}})", "duplicate key"},
        {R"({"request": {"operation": "join"}, "request": {"operation": "join"}})",
         "duplicate top key"},
        {R"({"request": {"operation": "join", "reason": 123456789012345678901234567890}})",
         "huge number"},
        {R"({"request": {"operation": "join", "reason": 1e999}})", "huge exponent"},
        {std::string("{\"request\": {\"operation\": \"jo\0in\"}}", 35), "embedded NUL"},
        {"{\"request\": {\"operation\": \"\xff\xfe\"}}", "invalid UTF-8"},
        {"{\"request\": {\"operation\": \"\xed\xa0\x80\"}}", "surrogate in UTF-8"},
        {"{\"request\": {\"operation\": \"a\tb\"}}", "unescaped control"},
        {"\xef\xbb\xbf{\"request\": {\"operation\": \"join\"}}", "BOM"},
        {std::string(100000, '[') + std::string(100000, ']'), "deep nesting"},
        {R"({"request": {"operation": "withdraw"}} trailing)", "trailing garbage"},
    };
    for (const auto& [bytes, what] : bad) {
        auto [st, r] = call_bytes(bytes);
        BOOST_TEST(st == MG_INVALID_REQUEST, what);
        BOOST_TEST(code_of(r) == "invalid_request", what);
    }
}

BOOST_AUTO_TEST_CASE(megabytes) {
    // Over 1 MiB: refused unread. Just under it, a huge string still parses and answers.
    std::string big = R"({"request": {"operation": "change_facility", "reason": ")" +
                      std::string(3u << 20, 'x') + "\"}}";
    auto [st, r] = call_bytes(big);
    BOOST_TEST(st == MG_INVALID_REQUEST);
    std::string spaces = std::string(2u << 20, ' ') + "{}";
    BOOST_TEST(call_bytes(spaces).first == MG_INVALID_REQUEST);
    std::string near =
        R"({"member": {"municipal": "13-chiyoda", "levels": ["municipal"]}, "request": {"operation": "change_facility", "reason": ")" +
        std::string(1000000, 'y') + "\"}}";
    auto [st2, r2] = call_bytes(near);
    BOOST_TEST(st2 == MG_OK);
    BOOST_TEST(r2["reason"].get<std::string>().size() == 1000000u);
}

BOOST_AUTO_TEST_CASE(escaping_round_trips) {
    const std::string reason = "a\"b\\c\n\t\x01\x1f/€ 開業 \u2028 end";
    json req = {{"member", {{"municipal", "13-chiyoda"}, {"levels", {"municipal"}}}},
                {"request", {{"operation", "change_facility"}, {"reason", reason}}}};
    auto [st, r] = call(req);
    BOOST_TEST(st == MG_OK);
    BOOST_TEST(r["reason"] == reason);
    // An escaped NUL in a code is just an unknown code.
    auto [st2, r2] = call_bytes(
        R"({"request": {"operation": "join", "municipal": "13\u0000x", "levels": ["municipal"], "categories": {"municipal": "A"}}})");
    BOOST_TEST(st2 == MG_UNKNOWN_ASSOCIATION);
    // Codes echoed back (categories) are escaped too.
    json q = {{"request",
               {{"operation", "join"},
                {"municipal", "13-chiyoda"},
                {"levels", {"municipal"}},
                {"categories", {{"municipal", "\"quoted\"\\"}}}}}};
    auto [st3, r3] = call(q);
    BOOST_TEST(st3 == MG_OK);
    BOOST_TEST(r3["categories"]["municipal"] == "\"quoted\"\\");
    // A long code (the writer's one-run path takes codes up to 64 bytes) is echoed whole, and a
    // plain one beside it as it is.
    const std::string long_code(70, 'A');
    q["request"]["levels"] = {"municipal", "prefectural"};
    q["request"]["categories"] = {{"municipal", long_code}, {"prefectural", "B"}};
    auto [st4, r4] = call(q);
    BOOST_TEST(st4 == MG_OK);
    BOOST_TEST(r4["categories"]["municipal"] == long_code);
    BOOST_TEST(r4["categories"]["prefectural"] == "B");
    // The result's categories by that path: a held level with no category is left out.
    json m = {{"member",
               {{"municipal", "13-chiyoda"},
                {"levels", {"municipal", "prefectural"}},
                {"categories", {{"municipal", long_code}}}}},
              {"request", {{"operation", "change_facility"}}}};
    auto [st5, r5] = call(m);
    BOOST_TEST(st5 == MG_OK);
    BOOST_TEST(r5["result"]["categories"] == (json{{"municipal", long_code}}));
}

/// The writer copies a directory's codes and names without escaping them only when the
/// directory says none needs it (directory::plain_strings()): a master whose names hold a
/// quote, a backslash or a tab still gives valid JSON, the same names read back.
BOOST_AUTO_TEST_CASE(master_names_that_need_escaping) {
    mg_engine* e = nullptr;
    BOOST_REQUIRE_EQUAL(mg_engine_new(&e), MG_OK);
    const char master[] = "code,name,prefecture,name_en\n"
                          "13-q,\"\"\"引用\"\"\\医師会\",13,\"The \"\"Q\"\" \\ Association\"\n"
                          "13-plain,千代田区医師会,13,Chiyoda\n";
    BOOST_REQUIRE_EQUAL(mg_engine_load_directory_buffer(e, master, sizeof master - 1), MG_OK);
    auto call_e = [e](const std::string& req, int& st) {
        char* out = nullptr;
        st = mg_plan_json(e, req.data(), req.size(), &out);
        BOOST_REQUIRE(out != nullptr);
        const json r = json::parse(out); // throws (fails the test) on invalid JSON
        mg_free(out);
        return r;
    };
    for (const std::string lang : {"ja", "en"}) {
        const std::string name = lang == "ja" ? "\"引用\"\\医師会" : "The \"Q\" \\ Association";
        const std::string join =
            R"({"lang":")" + lang +
            R"(","request":{"operation":"join","municipal":"13-q","levels":["municipal"])";
        int st = 0;
        // A plan: the association ticked, and the state after approval.
        const json plan = call_e(join + R"(,"categories":{"municipal":"A"}}})", st);
        BOOST_TEST(st == MG_OK);
        BOOST_TEST(plan["checked"][0]["code"] == "13-q");
        BOOST_TEST(plan["checked"][0]["name"] == name);
        BOOST_TEST(plan["result"]["municipal"] == "13-q");
        // A refusal that names the association.
        const json no = call_e(join + "}}", st);
        BOOST_TEST(st == MG_CATEGORY_REQUIRED);
        BOOST_TEST(no["error"]["associations"][0]["name"] == name);
    }
    mg_engine_free(e);
}

BOOST_AUTO_TEST_CASE(random_bytes_and_mutations) {
    std::mt19937 rng(12345);
    const std::string valid = contract_request().dump();
    for (int i = 0; i < 5000; ++i) {
        std::string s = valid;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int k = 0; k < edits; ++k) {
            const std::size_t at = rng() % s.size();
            switch (rng() % 3) {
            case 0:
                s[at] = static_cast<char>(rng() % 256);
                break;
            case 1:
                s.erase(at, 1 + rng() % 5);
                break;
            default:
                s.insert(at, 1, "{}[]\",:\\\0a\xc3"[rng() % 12]);
            }
            if (s.empty()) s = "x";
        }
        call_bytes(s); // shape-checked inside
    }
    for (int i = 0; i < 2000; ++i) {
        std::string s(rng() % 200, '\0');
        for (char& c : s) c = static_cast<char>(rng() % 256);
        auto [st, r] = call_bytes(s);
        BOOST_TEST(st == MG_INVALID_REQUEST);
    }
}

namespace {

/// The response's bytes and status.
std::pair<int, std::string> respond_bytes(const std::string& bytes) {
    char* out = nullptr;
    const int st = mg_plan_json(eng().e, bytes.data(), bytes.size(), &out);
    BOOST_TEST_REQUIRE(out != nullptr);
    std::string text = out;
    mg_free(out);
    check_shape(text, st);
    return {st, std::move(text)};
}

} // namespace

// null where the contract allows it is "not given": the same answer, byte for byte, as the field
// left out, whichever reader runs (this test runs under each: test_json_contract_<reader>).
BOOST_AUTO_TEST_CASE(null_is_not_given) {
    const std::string join = R"("request":{"operation":"join","levels":["municipal"],)"
                             R"("municipal":"13-chiyoda","categories":{"municipal":"A")";
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"{\"member\":null," + join + "}}}", "{" + join + "}}}"},
        {R"({"member":{"mypage":null,"municipal":null,"prefectural":null,"levels":null,)"
         R"("categories":null},)" +
             join + "}}}",
         "{\"member\":{}," + join + "}}}"},
        {"{" + join +
             R"(,"prefectural":null},"reason":null,"cascade":null,"proxy":null},)"
             R"("lang":null})",
         "{" + join + "}}}"},
        {R"({"member":{"mypage":"no","municipal":"13-chiyoda","levels":["municipal"],)"
         R"("categories":{"municipal":"A"}},"request":{"operation":"withdraw",)"
         R"("levels":["municipal"],"categories":null,"municipal":null}})",
         R"({"member":{"mypage":"no","municipal":"13-chiyoda","levels":["municipal"],)"
         R"("categories":{"municipal":"A"}},"request":{"operation":"withdraw",)"
         R"("levels":["municipal"]}})"},
        {R"({"request":{"operation":"withdraw","levels":null}})",
         R"({"request":{"operation":"withdraw"}})"},
    };
    for (const auto& [with_null, without] : pairs) {
        const auto a = respond_bytes(with_null);
        const auto b = respond_bytes(without);
        BOOST_TEST(a.first == b.first, with_null);
        BOOST_TEST(a.second == b.second, with_null);
    }
    // The first pair's answer is a plan (the other pairs' answers are checked equal only).
    BOOST_TEST(respond_bytes("{" + join + "}}}").first == MG_OK);
}

// What no reader may accept, each refused with the field it names: a field or a level given
// twice, a word that only starts like null, a mypage of another type, no request, a value after
// the request's object.
BOOST_AUTO_TEST_CASE(refused_by_every_reader) {
    const std::vector<std::pair<std::string, std::string>> bad = {
        {R"({"member":{"municipal":"13-chiyoda","municipal":"13-chiyoda"},)"
         R"("request":{"operation":"withdraw"}})",
         "member.municipal"},
        {R"({"member":{"levels":null,"levels":null},"request":{"operation":"withdraw"}})",
         "member.levels"},
        {R"({"request":{"operation":"join","categories":{"municipal":"A","municipal":"B"}}})",
         "request.categories.municipal"},
        {R"({"request":{"operation":"join","reason":nul}})", ""},
        {R"({"request":{"operation":"join","proxy":nullx}})", ""},
        {R"({"member":{"mypage":1},"request":{"operation":"withdraw"}})", "member.mypage"},
        {R"({"member":{"mypage":""},"request":{"operation":"withdraw"}})", "member.mypage"},
        {R"({"member":null,"lang":"en"})", "request"},
        {R"({"lang":"en","member":{}})", "request"},
        {R"({"request":{"operation":"withdraw"}} 1)", ""},
        {R"({"request":{"operation":"withdraw"}}{})", ""},
        {R"({"request":{"operation":"withdraw"}}])", ""},
    };
    for (const auto& [bytes, field] : bad) {
        const auto [st, r] = call_bytes(bytes);
        BOOST_TEST(st == MG_INVALID_REQUEST, bytes);
        BOOST_TEST(code_of(r) == "invalid_request", bytes);
        if (!field.empty()) BOOST_TEST(r["error"].value("field", "") == field, bytes);
    }
}
