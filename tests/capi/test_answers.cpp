// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Refusals that name what is wrong (issue 17), through the C ABI: the JSON door
// (mg_plan_json: message and the extra `error` fields of docs/decisions.md, read back with
// nlohmann/json) and the typed door (mg_plan: mg_refusal_info's levels, associations, value,
// problem and text).
#define BOOST_TEST_MODULE answers
#include <boost/test/unit_test.hpp>

#include <mamisguide.h>
#include <mamisguide/answers.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

using nlohmann::json;

namespace {

/// The sample master, one association in Osaka, and catalogues for Tokyo and 千代田.
struct engine {
    mg_engine* e = nullptr;
    engine() {
        BOOST_REQUIRE_EQUAL(mg_engine_new(&e), MG_OK);
        const char master[] = "code,name,prefecture,name_en\n"
                              "13-chiyoda,千代田区医師会,13,Chiyoda Medical Association\n"
                              "13-shinjuku,新宿区医師会,13,Shinjuku Medical Association\n"
                              "13-setagaya,世田谷区医師会,13,Setagaya Medical Association\n"
                              "14-yokohama,横浜市医師会,14,Yokohama Medical Association\n"
                              "27-osaka,大阪市医師会,27,Osaka City Medical Association\n";
        BOOST_REQUIRE_EQUAL(mg_engine_load_directory_buffer(e, master, sizeof master - 1), MG_OK);
        const char cats[] = "association,code,label\n13,A,A会員\n13,B,B会員\n"
                            "13-chiyoda,A,A会員\n13-chiyoda,B,B会員\n13-chiyoda,C,C会員\n";
        BOOST_REQUIRE_EQUAL(mg_engine_load_categories_buffer(e, cats, sizeof cats - 1), MG_OK);
    }
    ~engine() { mg_engine_free(e); }
};
const engine& eng() {
    static engine e;
    return e;
}

json raw(const std::string& request) {
    char* out = nullptr;
    const int status = mg_plan_json(eng().e, request.data(), request.size(), &out);
    BOOST_TEST_REQUIRE(out != nullptr);
    json r = json::parse(out);
    mg_free(out);
    BOOST_TEST(status != MG_OK);
    BOOST_TEST_REQUIRE(r["ok"] == false);
    return r["error"];
}

json respond(const json& request) {
    return raw(request.dump());
}

const json member3 = {
    {"municipal", "13-chiyoda"},
    {"levels", {"municipal", "prefectural", "national"}},
    {"categories", {{"municipal", "A"}, {"prefectural", "A"}, {"national", "A1"}}}};

bool contains(const json& s, const std::string& part) {
    return s.get<std::string>().find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_CASE(category_required_names_the_association_and_level) {
    // A transfer to Osaka: 大阪府医師会 (27) needs a category too.
    for (const char* l : {"ja", "en"}) {
        const json e = respond(json{{"member", member3},
                                    {"request",
                                     {{"operation", "transfer"},
                                      {"municipal", "27-osaka"},
                                      {"categories", {{"municipal", "X"}}}}},
                                    {"lang", l}});
        BOOST_TEST(e["code"] == "category_required");
        BOOST_TEST(e["levels"] == json({"prefectural"}));
        BOOST_TEST_REQUIRE(e["associations"].size() == 1u);
        BOOST_TEST(e["associations"][0]["code"] == "27");
        BOOST_TEST(e["associations"][0]["level"] == "prefectural");
        if (std::string(l) == "ja") {
            BOOST_TEST(e["associations"][0]["name"] == "大阪府医師会");
            BOOST_TEST(e["message"] ==
                       "大阪府医師会（都道府県医師会・27）の会員区分を選択してください。");
        } else {
            BOOST_TEST(contains(e["message"], "Osaka"));
            BOOST_TEST(contains(e["message"], "(prefectural medical association, 27)"));
        }
    }
    // Both missing: both named, bottom first.
    const json e = respond(json{
        {"member", member3}, {"request", {{"operation", "transfer"}, {"municipal", "27-osaka"}}}});
    BOOST_TEST(e["levels"] == json({"municipal", "prefectural"}));
    BOOST_TEST(e["associations"][0]["code"] == "27-osaka");
    BOOST_TEST(e["associations"][1]["code"] == "27");
    BOOST_TEST(contains(e["message"], "大阪市医師会（郡市区医師会・27-osaka）、大阪府医師会"));
}

BOOST_AUTO_TEST_CASE(unknown_category_lists_what_is_allowed) {
    const json e = respond(
        json{{"request",
              {{"operation", "join"},
               {"municipal", "13-chiyoda"},
               {"levels", {"municipal", "prefectural", "national"}},
               {"categories", {{"municipal", "A"}, {"prefectural", "A"}, {"national", "A3"}}}}}});
    BOOST_TEST(e["code"] == "unknown_category");
    BOOST_TEST(e["value"] == "A3");
    BOOST_TEST(e["levels"] == json({"national"}));
    BOOST_TEST(e["associations"][0]["code"] == "00");
    BOOST_TEST(e["message"] == "会員区分「A3」は、日本医師会（00）の会員区分にありません。");
    BOOST_TEST_REQUIRE(e["allowed"].size() == 5u);
    BOOST_TEST(e["allowed"][0] == json({{"code", "A1"}, {"label", "A①会員"}}));
    // A loaded catalogue, in English.
    const json m = respond(json{{"request",
                                 {{"operation", "join"},
                                  {"municipal", "13-chiyoda"},
                                  {"levels", {"municipal"}},
                                  {"categories", {{"municipal", "Z"}}}}},
                                {"lang", "en"}});
    BOOST_TEST(
        m["allowed"] ==
        json::parse(
            R"([{"code":"A","label":"A会員"},{"code":"B","label":"B会員"},{"code":"C","label":"C会員"}])"));
    BOOST_TEST(m["message"] ==
               "Category \"Z\" is not in the catalogue of Chiyoda Medical Association (municipal "
               "medical association, 13-chiyoda).");
}

BOOST_AUTO_TEST_CASE(category_unchanged_names_the_association) {
    const json e = respond(json{{"member", member3},
                                {"request",
                                 {{"operation", "change_category"},
                                  {"categories", {{"prefectural", "A"}, {"national", "A2B"}}}}}});
    BOOST_TEST(e["code"] == "category_unchanged");
    BOOST_TEST(e["levels"] == json({"prefectural"}));
    BOOST_TEST(e["associations"][0]["name"] == "東京都医師会");
    BOOST_TEST(e["value"] == "A");
    BOOST_TEST(contains(e["message"], "東京都医師会（都道府県医師会・13）"));
    BOOST_TEST(e.contains("suggestion")); // still there
}

BOOST_AUTO_TEST_CASE(invalid_request_has_the_exact_field_path) {
    json e = raw(R"({"request":{"operation":"join","colour":"red"}})");
    BOOST_TEST(e["field"] == "request.colour");
    BOOST_TEST(e["message"] == "不明な項目「request.colour」があります。");
    e = raw(R"({"member":{"municipal":"13-chiyoda","levels":["municipal","regional"]},
                    "request":{"operation":"withdraw","levels":["municipal"]},"lang":"en"})");
    BOOST_TEST(e["field"] == "member.levels[1]");
    BOOST_TEST(e["message"] == "Unknown level name. (member.levels[1])");
    e = raw(R"({"request":{"operation":"withdraw","levels":["national","national"]}})");
    BOOST_TEST(e["field"] == "request.levels[1]");
    e = raw(R"({"request":{"operation":"join","categories":{"regional":"A"}}})");
    BOOST_TEST(e["field"] == "request.categories.regional");
    e = raw(R"({"request":{"operation":"join","levels":[1]}})");
    BOOST_TEST(e["field"] == "request.levels[0]");
    e = raw(R"({"member":{"shoe":1},"request":{"operation":"join"}})");
    BOOST_TEST(e["field"] == "member.shoe");
    e = raw(R"({"colour":1,"request":{"operation":"join"}})");
    BOOST_TEST(e["field"] == "colour");
    // A long key is cut.
    e = raw(R"({"request":{"operation":"join",")" + std::string(500, 'k') + R"(":1}})");
    BOOST_TEST(e["field"].get<std::string>().size() < 100u);
}

BOOST_AUTO_TEST_CASE(json_that_does_not_parse_says_where) {
    json e = raw("{\"request\":\n  {\"operation\": \"join\",,}}");
    BOOST_TEST(e["code"] == "invalid_request");
    BOOST_TEST(e["position"]["line"] == 2);
    BOOST_TEST(e["position"]["column"] == 24); // the second comma
    BOOST_TEST(e["message"] == "JSON として正しくありません（2 行 24 文字目）。");
    // Past values of every kind: null, a boolean, negative, positive and fractional numbers,
    // a string, an array, an object.
    e = raw(R"({"n":null,"t":true,"i":-1,"u":1,"f":1.5,"s":"x","a":[],"o":{},,})");
    BOOST_TEST(e["position"]["line"] == 1);
    BOOST_TEST(e["position"]["column"] == 63); // the second comma
    // Columns count characters, not bytes.
    e = raw("{\"lang\":\"en\",\"request\":{\"reason\":\"転勤\" \"x\"}}");
    BOOST_TEST(e["position"]["line"] == 1);
    BOOST_TEST(e["position"]["column"] == 39);
    // Not UTF-8.
    e = raw("{\"request\":\n\n{\"reason\":\"\xff\"}}");
    BOOST_TEST(e["position"]["line"] == 3);
    BOOST_TEST(e["position"]["column"] == 12);
}

BOOST_AUTO_TEST_CASE(unknown_association_offers_candidates) {
    json e = respond(
        json{{"request",
              {{"operation", "join"}, {"municipal", "13-chiyod"}, {"levels", {"municipal"}}}}});
    BOOST_TEST(e["code"] == "unknown_association");
    BOOST_TEST(e["value"] == "13-chiyod");
    BOOST_TEST(e["message"] == "医師会コード「13-chiyod」は登録されていません。");
    BOOST_TEST_REQUIRE(!e["candidates"].empty());
    BOOST_TEST(e["candidates"][0]["code"] == "13-chiyoda");
    BOOST_TEST(e["candidates"][0]["name"] == "千代田区医師会");
    // By part of the name, Japanese or English.
    e = respond(json{{"member", {{"municipal", "千代田"}, {"levels", {"municipal"}}}},
                     {"request", {{"operation", "withdraw"}, {"levels", {"municipal"}}}}});
    BOOST_TEST(e["field"] == "member.municipal");
    BOOST_TEST_REQUIRE(e["candidates"].size() == 1u);
    BOOST_TEST(e["candidates"][0]["code"] == "13-chiyoda");
    e = respond(
        json{{"request",
              {{"operation", "join"}, {"municipal", "yokohama"}, {"levels", {"municipal"}}}}});
    BOOST_TEST(e["candidates"][0]["code"] == "14-yokohama");
    // Several by part of the name: at most five.
    e = respond(json{
        {"request", {{"operation", "join"}, {"municipal", "医師会"}, {"levels", {"municipal"}}}}});
    BOOST_TEST(e["candidates"].size() == 5u);
    // Nothing close: an empty list.
    e = respond(
        json{{"request",
              {{"operation", "join"}, {"municipal", "zzzzzzzzzzzz"}, {"levels", {"municipal"}}}}});
    BOOST_TEST(e["candidates"].empty());
}

// A text knows its length and whether JSON can take it as it is, from when it was made.
static_assert(mamisguide::bitext("退会届", "Withdrawal").view(mamisguide::lang::ja).size() == 9);
static_assert(mamisguide::bitext("退会届", "Withdrawal").view(mamisguide::lang::en) ==
              "Withdrawal");
static_assert(mamisguide::bitext("退会届", "Withdrawal").json_plain(mamisguide::lang::en));
static_assert(!mamisguide::bitext("a\"b", "x").json_plain(mamisguide::lang::ja));
static_assert(!mamisguide::bitext("x", "a\\b").json_plain(mamisguide::lang::en));
static_assert(!mamisguide::bitext("x", "tab\there").json_plain(mamisguide::lang::en));
static_assert(mamisguide::bitext().view(mamisguide::lang::ja).empty());

/// The banded edit distance that picks the candidates (it stops early past its limit) against
/// the whole table, for every pair of strings of up to four characters over a small alphabet,
/// upper case included, at every limit; then codes as typed and texts past the 64-byte row, at
/// every limit up to 8.
BOOST_AUTO_TEST_CASE(bounded_edit_distance_agrees_with_the_whole_table) {
    auto full = [](const std::string& a, const std::string& b) {
        std::vector<std::vector<std::size_t>> t(a.size() + 1,
                                                std::vector<std::size_t>(b.size() + 1));
        for (std::size_t i = 0; i <= a.size(); ++i) t[i][0] = i;
        for (std::size_t j = 0; j <= b.size(); ++j) t[0][j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i)
            for (std::size_t j = 1; j <= b.size(); ++j) {
                const bool same = std::tolower(a[i - 1]) == std::tolower(b[j - 1]);
                t[i][j] = std::min({t[i - 1][j] + 1, t[i][j - 1] + 1, t[i - 1][j - 1] + !same});
            }
        return t[a.size()][b.size()];
    };
    std::vector<std::string> all{""};
    for (std::size_t k = 0; k < all.size() && all.size() < 400; ++k)
        if (all[k].size() < 4)
            for (char c : {'1', 'a', 'A', '-'}) all.push_back(all[k] + c);
    std::size_t checked = 0, bounded = 0;
    for (const std::string& a : all) {
        const mamisguide::detail::code_distance from_a(a); // Myers' bit-parallel form
        for (const std::string& b : all) {
            const std::size_t d = full(a, b);
            BOOST_TEST_REQUIRE(mamisguide::detail::edit_distance(a, b) == d);
            BOOST_TEST_REQUIRE(from_a(b, 8) == d, a << " " << b);
            // The bags' bound, which rules codes out before their distance is computed.
            const std::size_t bound = mamisguide::detail::bag_bound(mamisguide::detail::bag_of(a),
                                                                    mamisguide::detail::bag_of(b));
            BOOST_TEST_REQUIRE(bound <= d, a << " " << b);
            bounded += bound > 0;
            for (std::size_t limit = 0; limit <= 4; ++limit) {
                const std::size_t got = mamisguide::detail::edit_distance(a, b, limit);
                if (d <= limit)
                    BOOST_TEST_REQUIRE(got == d, a << " " << b << " limit " << limit);
                else
                    BOOST_TEST_REQUIRE(got > limit, a << " " << b << " limit " << limit);
                const std::size_t bits = from_a(b, limit);
                if (d <= limit)
                    BOOST_TEST_REQUIRE(bits == d, a << " " << b << " limit " << limit);
                else
                    BOOST_TEST_REQUIRE(bits > limit, a << " " << b << " limit " << limit);
                ++checked;
            }
        }
    }
    BOOST_TEST(checked == all.size() * all.size() * 5);
    BOOST_TEST(bounded > all.size() * all.size() / 2); // the bound rules out, not only holds
    // Codes as the master writes them, and texts too long to be counted (no bound).
    using mamisguide::detail::bag_bound, mamisguide::detail::bag_of;
    BOOST_TEST(bag_bound(bag_of("13-0001"), bag_of("27-9999")) == 6u);
    BOOST_TEST(bag_bound(bag_of("13-0001"), bag_of("13-0010")) == 0u);
    BOOST_TEST(bag_bound(bag_of(std::string(256, 'x')), bag_of("y")) == 0u);
    BOOST_TEST(bag_bound(bag_of(std::string(255, 'x')), bag_of("y")) == 255u);
    // The bound (SSE2 where the compiler has it) against its definition, bin by bin, for bags
    // of every size up to 255 per bin, each side's excess the larger in turn.
    {
        std::uint32_t seed = 12345;
        const auto next = [&seed] { return seed = seed * 1103515245u + 12345u, seed >> 16; };
        for (int round = 0; round < 20000; ++round) {
            mamisguide::detail::code_bag x, y;
            x.counted = y.counted = true;
            const unsigned top = round % 3 == 0 ? 256 : round % 3 == 1 ? 16 : 3;
            std::size_t more = 0, less = 0;
            for (std::size_t i = 0; i < 16; ++i) {
                x.bins[i] = static_cast<std::uint8_t>(next() % top);
                y.bins[i] = static_cast<std::uint8_t>(next() % top);
                more += x.bins[i] > y.bins[i] ? x.bins[i] - y.bins[i] : 0;
                less += y.bins[i] > x.bins[i] ? y.bins[i] - x.bins[i] : 0;
            }
            BOOST_TEST_REQUIRE(bag_bound(x, y) == std::max(more, less));
            BOOST_TEST_REQUIRE(bag_bound(y, x) == std::max(more, less));
        }
        mamisguide::detail::code_bag full, empty;
        full.counted = empty.counted = true;
        for (auto& b : full.bins) b = 255;
        BOOST_TEST(bag_bound(full, empty) == 16u * 255u); // both halves at their most
        BOOST_TEST(bag_bound(empty, full) == 16u * 255u);
    }
    // Texts at and past one machine word (64 bytes), and a code longer than the row on the stack.
    for (std::size_t n : {63u, 64u, 65u, 100u}) {
        const std::string a(n, 'x'), b = std::string(n - 1, 'x') + "Y", c = "q" + a;
        const mamisguide::detail::code_distance from_a(a);
        BOOST_TEST(mamisguide::detail::edit_distance(a, b) == 1u);
        BOOST_TEST(mamisguide::detail::edit_distance(a, b, 0) > 0u);
        BOOST_TEST(from_a(b, 3) == full(a, b));
        BOOST_TEST(from_a(c, 3) == full(a, c));
        BOOST_TEST(from_a(a.substr(2) + "zz", 5) == full(a, a.substr(2) + "zz"));
    }
    // Codes as typed, and texts longer than the 64-byte row, each pair at every limit up to 8.
    const std::string long_a = "13-" + std::string(70, 'a') + "-x";
    std::string long_b = long_a;
    long_b[10] = 'b';
    long_b.insert(40, "c");
    const std::string words[] = {"",
                                 "1",
                                 "13",
                                 "13-chiyoda",
                                 "13-CHIYODA",
                                 "13-chiyodb",
                                 "31-chiyoda",
                                 "13-chyoda",
                                 "13-chiyodaku",
                                 "x13-chiyoda",
                                 "27-kita",
                                 "zzzzzzzzzzzz",
                                 long_a,
                                 long_b,
                                 long_a.substr(0, 66)};
    std::size_t within = 0, beyond = 0;
    for (const std::string& a : words) {
        const mamisguide::detail::code_distance from_a(a);
        for (const std::string& b : words) {
            const std::size_t d = full(a, b);
            BOOST_TEST_REQUIRE(mamisguide::detail::edit_distance(a, b) == d);
            for (std::size_t limit = 0; limit <= 8; ++limit) {
                const std::size_t got = mamisguide::detail::edit_distance(a, b, limit);
                const std::size_t bits = from_a(b, limit);
                if (d <= limit) {
                    BOOST_TEST_REQUIRE(got == d, a << " " << b << " limit " << limit);
                    BOOST_TEST_REQUIRE(bits == d, a << " " << b << " limit " << limit);
                    ++within;
                } else {
                    BOOST_TEST_REQUIRE(got > limit, a << " " << b << " limit " << limit);
                    BOOST_TEST_REQUIRE(bits > limit, a << " " << b << " limit " << limit);
                    ++beyond;
                }
            }
        }
    }
    BOOST_TEST(within > 50u);
    BOOST_TEST(beyond > 50u);
}

BOOST_AUTO_TEST_CASE(invalid_state_says_which_field_and_why) {
    json e = respond(
        json{{"member", {{"municipal", "13-chiyoda"}, {"levels", {"municipal", "national"}}}},
             {"request", {{"operation", "withdraw"}, {"levels", {"national"}}}}});
    BOOST_TEST(e["code"] == "invalid_state");
    BOOST_TEST(e["field"] == "member.levels");
    BOOST_TEST(e["problem"] == "not_a_chain");
    BOOST_TEST(e["levels"] == json({"municipal", "national"}));
    BOOST_TEST(contains(e["message"], "（郡市区医師会・日本医師会）"));
    e = respond(
        json{{"member", {{"municipal", "13-chiyoda"}}},
             {"request",
              {{"operation", "join"}, {"municipal", "13-chiyoda"}, {"levels", {"municipal"}}}}});
    BOOST_TEST(e["field"] == "member.municipal");
    BOOST_TEST(e["problem"] == "municipal_without_levels");
    BOOST_TEST(e["value"] == "13-chiyoda");
    e = respond(json{{"member",
                      {{"municipal", "13-chiyoda"},
                       {"prefectural", "14"},
                       {"levels", {"municipal", "prefectural"}}}},
                     {"request", {{"operation", "withdraw"}, {"levels", {"prefectural"}}}}});
    BOOST_TEST(e["problem"] == "prefectural_mismatch");
    BOOST_TEST(e["field"] == "member.prefectural");
    BOOST_TEST(e["value"] == "14");
    BOOST_TEST(e["associations"][0]["code"] == "13");
    BOOST_TEST(e["message"] == "都道府県医師会「14」は、加入中の郡市区医師会が所属する東京都医師会"
                               "（都道府県医師会・13）と一致しません。");
    e = respond(json{{"member",
                      {{"municipal", "13-chiyoda"},
                       {"levels", {"municipal"}},
                       {"categories", {{"national", "A1"}}}}},
                     {"request", {{"operation", "withdraw"}, {"levels", {"municipal"}}}},
                     {"lang", "en"}});
    BOOST_TEST(e["problem"] == "category_not_held");
    BOOST_TEST(e["levels"] == json({"national"}));
    BOOST_TEST(
        e["message"] ==
        "A category was given for a level the member does not hold (Japan Medical Association).");
    e = respond(json{
        {"member", {{"municipal", "13-chiyoda"}, {"prefectural", "13"}, {"levels", {"municipal"}}}},
        {"request", {{"operation", "withdraw"}, {"levels", {"municipal"}}}}});
    BOOST_TEST(e["problem"] == "prefectural_not_held");
}

BOOST_AUTO_TEST_CASE(levels_not_held_or_already_held_are_named) {
    const json m1 = {{"municipal", "13-chiyoda"}, {"levels", {"municipal"}}};
    json e = respond(
        json{{"member", m1}, {"request", {{"operation", "withdraw"}, {"levels", {"national"}}}}});
    BOOST_TEST(e["code"] == "level_not_held");
    BOOST_TEST(e["levels"] == json({"national"}));
    BOOST_TEST(e["message"] == "加入していない医師会が指定されています：日本医師会。");
    e = respond(json{
        {"member", member3},
        {"request", {{"operation", "additional_join"}, {"levels", {"prefectural", "national"}}}},
        {"lang", "en"}});
    BOOST_TEST(e["code"] == "level_already_held");
    BOOST_TEST(e["levels"] == json({"prefectural", "national"}));
    BOOST_TEST(
        e["message"] ==
        "The member already holds: prefectural medical association, Japan Medical Association.");
}

BOOST_AUTO_TEST_CASE(other_refusals_keep_their_message) {
    const json e = respond(json{
        {"member", member3}, {"request", {{"operation", "withdraw"}, {"levels", {"municipal"}}}}});
    BOOST_TEST(e["code"] == "illegal_levels");
    BOOST_TEST(
        e["message"] ==
        "郡市区医師会を退会する場合は、都道府県医師会と日本医師会も退会する必要があります。");
    BOOST_TEST(!e.contains("associations"));
}

BOOST_AUTO_TEST_CASE(typed_refusal_carries_the_same_details) {
    mg_member m = MG_MEMBER_INIT;
    m.municipal = "13-chiyoda";
    m.levels = MG_LEVEL_MUNICIPAL | MG_LEVEL_PREFECTURAL | MG_LEVEL_NATIONAL;
    mg_request q = MG_REQUEST_INIT;
    q.operation = MG_OP_TRANSFER;
    q.municipal = "27-osaka";
    q.categories[0] = "X";
    mg_result r = MG_RESULT_INIT;
    std::memset(&r, 0x55, sizeof r); // garbage everywhere but the version
    r.version = MG_RESULT_VERSION;
    BOOST_TEST(mg_plan(eng().e, &m, &q, MG_LANG_JA, &r) == MG_CATEGORY_REQUIRED);
    BOOST_TEST(r.refusal.levels == MG_LEVEL_PREFECTURAL);
    BOOST_TEST_REQUIRE(r.refusal.n_associations == 1u);
    BOOST_TEST(std::string(r.refusal.associations[0].code) == "27");
    BOOST_TEST(std::string(r.refusal.associations[0].name) == "大阪府医師会");
    BOOST_TEST(r.refusal.associations[0].level == MG_LEVEL_PREFECTURAL);
    BOOST_TEST(r.refusal.value == nullptr);
    BOOST_TEST(r.refusal.problem == nullptr);
    BOOST_TEST(std::string(r.refusal.text) ==
               "大阪府医師会（都道府県医師会・27）の会員区分を選択してください。");
    BOOST_TEST(std::string(r.refusal.message) ==
               "入会・変更する医師会の会員区分を選択してください。");

    // unknown association: the value; invalid state: the problem.
    q.municipal = "27-osak";
    BOOST_TEST(mg_plan(eng().e, &m, &q, MG_LANG_EN, &r) == MG_UNKNOWN_ASSOCIATION);
    BOOST_TEST(std::string(r.refusal.value) == "27-osak");
    BOOST_TEST(r.refusal.n_associations == 0u);
    BOOST_TEST(std::string(r.refusal.text) ==
               "The association code \"27-osak\" is not in the directory.");
    m.prefectural = "14";
    BOOST_TEST(mg_plan(eng().e, &m, &q, MG_LANG_JA, &r) == MG_INVALID_STATE);
    BOOST_TEST(std::string(r.refusal.problem) == "prefectural_mismatch");
    BOOST_TEST(std::string(r.refusal.value) == "14");
    BOOST_TEST(std::string(r.refusal.field) == "member.prefectural");

    // level_not_held: the levels.
    mg_member m1 = MG_MEMBER_INIT;
    m1.municipal = "13-chiyoda";
    m1.levels = MG_LEVEL_MUNICIPAL;
    mg_request w = MG_REQUEST_INIT;
    w.operation = MG_OP_WITHDRAW;
    w.levels = MG_LEVEL_NATIONAL;
    BOOST_TEST(mg_plan(eng().e, &m1, &w, MG_LANG_JA, &r) == MG_LEVEL_NOT_HELD);
    BOOST_TEST(r.refusal.levels == MG_LEVEL_NATIONAL);
    BOOST_TEST(std::string(r.refusal.text) ==
               "加入していない医師会が指定されています：日本医師会。");
}

BOOST_AUTO_TEST_CASE(a_long_name_fits_the_text) {
    // Names are at most 512 bytes: the longest message (three associations named) fits the
    // 1 KiB text whole.
    mg_engine* e = nullptr;
    BOOST_REQUIRE_EQUAL(mg_engine_new(&e), MG_OK);
    std::string name;
    while (name.size() + 3 <= 512) name += "長";
    const std::string master = "code,name,prefecture\n13-long," + name + ",13\n";
    BOOST_REQUIRE_EQUAL(mg_engine_load_directory_buffer(e, master.data(), master.size()), MG_OK);
    mg_member m = MG_MEMBER_INIT;
    mg_request q = MG_REQUEST_INIT;
    q.operation = MG_OP_JOIN;
    q.municipal = "13-long";
    q.levels = MG_LEVEL_MUNICIPAL | MG_LEVEL_PREFECTURAL | MG_LEVEL_NATIONAL;
    mg_result r = MG_RESULT_INIT;
    BOOST_TEST(mg_plan(e, &m, &q, MG_LANG_JA, &r) == MG_CATEGORY_REQUIRED);
    BOOST_TEST(r.refusal.n_associations == 3u);
    const std::string text = r.refusal.text;
    BOOST_TEST(text ==
               name +
                   "（郡市区医師会・13-long）、東京都医師会（都道府県医師会・13）、日本医師会（00）"
                   "の会員区分を選択してください。");
    mg_engine_free(e);
}

// The first byte that is not UTF-8 is found in each of its forms: overlong two-, three- and
// four-byte forms, a surrogate, a value past U+10FFFF, a lead byte past F4, a lone continuation
// byte, a character cut short; after a character of each width (U+0080, U+0800, U+D7FF just
// under the surrogates, U+10000 and U+10FFFF among them), the column counts it as one.
BOOST_AUTO_TEST_CASE(not_utf8_says_where_in_every_form) {
    const std::pair<std::string, int> bad[] = {
        {"\xC0\x80", 23},
        {"\xC1\xBF", 23},
        {"\xE0\x80\x80", 23},
        {"\xED\xA0\x80", 23},
        {"\xF0\x80\x80\x80", 23},
        {"\xF4\x90\x80\x80", 23},
        {"\xF5\x80\x80\x80", 23},
        {"\x80", 23},
        {"\xE3\x81", 23},
        {"\xC3\xA9\xC0\x80", 24},
        {"\xF0\x9F\x98\x80\xF8", 24},
        // The least and greatest values each form takes whole, then an overlong form.
        {"\xC2\x80\xC0\x80", 24},
        {"\xE0\xA0\x80\xC0\x80", 24},
        {"\xED\x9F\xBF\xC0\x80", 24},
        {"\xF0\x90\x80\x80\xC0\x80", 24},
        {"\xF4\x8F\xBF\xBF\xC0\x80", 24},
    };
    for (const auto& [bytes, column] : bad) {
        const json e = raw("{\"request\":{\"reason\":\"" + bytes + "\"}}");
        BOOST_TEST(e["code"] == "invalid_request");
        BOOST_TEST(e["position"]["line"] == 1);
        BOOST_TEST(e["position"]["column"] == column);
    }
}

// A syntax error at a string points at the string's opening quote: the very first byte, and
// past a quote escaped inside the string; after a string that ends in an escaped backslash.
BOOST_AUTO_TEST_CASE(syntax_error_at_a_string_points_at_its_start) {
    json e = raw("\"");
    BOOST_TEST(e["position"]["line"] == 1);
    BOOST_TEST(e["position"]["column"] == 1);
    e = raw(R"({"a" "b\"c"})");
    BOOST_TEST(e["position"]["line"] == 1);
    BOOST_TEST(e["position"]["column"] == 6);
    e = raw("{\"a\":1}\n\"x\\\\\" y");
    BOOST_TEST(e["position"]["line"] == 2);
    BOOST_TEST(e["position"]["column"] == 1);
}
