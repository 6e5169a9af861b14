// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Issue "The rules": every case of the guide planned exactly (form, selection, ticks,
// categories, steps, manual, actor, result, notes, rule), every refusal of rules.md §7 with its
// suggestion, the MyPage prerequisites, proxy applications, the category catalogues and the
// JMA category recommender (rules.md §2–§5, §7; contract.md).
#define BOOST_TEST_MODULE test_rules
#include <boost/test/unit_test.hpp>

#include <mamisguide/mamisguide.hpp>

#include "rules_fixtures.hpp"

#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace mamisguide;

namespace mamisguide {
std::ostream& operator<<(std::ostream& os, form_kind f) {
    return os << to_string(f);
}
std::ostream& operator<<(std::ostream& os, selection s) {
    return os << "sel:" << to_string(s);
}
std::ostream& operator<<(std::ostream& os, actor a) {
    return os << to_string(a);
}
std::ostream& operator<<(std::ostream& os, note_kind k) {
    return os << to_string(k);
}
std::ostream& operator<<(std::ostream& os, prerequisite_kind k) {
    return os << to_string(k);
}
} // namespace mamisguide

namespace {

using plan_t = plan_result::value_type;
using mg_test::M, mg_test::P, mg_test::N, mg_test::cats, mg_test::member;
const level_set none_{}, m_{M}, mp{M, P}, mpn{M, P, N}, p_{P}, n_{N}, pn{P, N};

/// The sample master with the sample catalogues: 13 (A, B) and 13-chiyoda (A, B, C).
const directory& dir() {
    static const directory d = [] {
        const auto m = load_master_file(directory::builtin(), MG_SAMPLE_MASTER);
        BOOST_TEST_REQUIRE(m.has_value());
        const auto c = load_categories_file(*m, MG_SOURCE_DIR "/data/sample-categories.csv");
        BOOST_TEST_REQUIRE(c.has_value());
        return *c;
    }();
    return d;
}

const member_state non_member{};

/// Every code seen in a refusal by any test, checked by the last test.
std::set<refusal_code>& codes_seen() {
    static std::set<refusal_code> s;
    return s;
}

/// Plans every bitext of a plan or refusal must be in both languages; collected for the
/// language test.
std::vector<const bitext*>& texts_seen() {
    static std::vector<const bitext*> v;
    return v;
}

void collect_texts(const plan_t& p) {
    auto& v = texts_seen();
    v.push_back(p.form_label);
    if (p.selection_label) v.push_back(p.selection_label);
    if (p.guide_case) v.push_back(p.guide_case);
    if (p.guide_instruction) v.push_back(p.guide_instruction);
    for (const bitext* s : p.steps) v.push_back(s);
    v.push_back(p.manual);
    for (const note& n : p.notes) v.push_back(n.text);
    for (const prerequisite& q : p.prerequisites) {
        v.push_back(q.manual);
        for (const bitext* s : q.steps) v.push_back(s);
    }
}

plan_t require_plan(const plan_result& r) {
    BOOST_TEST_REQUIRE(r.has_value(), "refused: " << (r ? refusal_code{} : r.error().code) << " "
                                                  << (r ? "" : r.error().field));
    collect_texts(*r);
    return *r;
}

std::string str(const bitext* t) {
    return t ? t->ja : "(null)";
}

struct tick {
    level lvl;
    std::string code, name;
};
void check_checked(const plan_t& p, const std::vector<tick>& want) {
    BOOST_TEST_REQUIRE(p.checked.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        BOOST_TEST_CONTEXT("checked[" << i << "]") {
            BOOST_TEST(p.checked[i].lvl == want[i].lvl);
            BOOST_TEST(p.checked[i].code == want[i].code);
            BOOST_TEST(p.checked[i].name == want[i].name);
            BOOST_TEST(dir()[p.checked[i].id].code == want[i].code);
        }
    }
}

struct chosen {
    level lvl;
    std::string code, label; ///< label_ja; empty when unchecked
};
void check_categories(const plan_t& p, const std::vector<chosen>& want) {
    BOOST_TEST_REQUIRE(p.categories.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        BOOST_TEST_CONTEXT("categories[" << i << "]") {
            const category_choice& c = p.categories[i];
            BOOST_TEST(c.lvl == want[i].lvl);
            BOOST_TEST(c.code == want[i].code);
            BOOST_TEST(c.label_ja == want[i].label);
            BOOST_TEST(c.checked == !want[i].label.empty());
            BOOST_TEST(c.label_en.empty() == want[i].label.empty());
        }
    }
}

void check_steps(const plan_t& p, const std::vector<std::string>& want) {
    std::vector<std::string> got;
    for (const bitext* s : p.steps) got.push_back(s->ja);
    BOOST_TEST(got == want, boost::test_tools::per_element());
}

void check_result(const plan_t& p, std::string_view municipal, std::string_view prefectural,
                  level_set levels, per_level<std::string_view> categories = {}) {
    BOOST_TEST(p.result.municipal == municipal);
    BOOST_TEST(p.result.prefectural == prefectural);
    BOOST_TEST(p.result.levels == levels);
    for (level l : all_levels) BOOST_TEST(p.result.categories[l] == categories[l], l);
}

struct want_note {
    note_kind kind;
    level_set levels;
    std::string association;
};
void check_notes(const plan_t& p, const std::vector<want_note>& want) {
    BOOST_TEST_REQUIRE(p.notes.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        BOOST_TEST_CONTEXT("notes[" << i << "]") {
            BOOST_TEST(p.notes[i].kind == want[i].kind);
            BOOST_TEST(p.notes[i].levels == want[i].levels);
            BOOST_TEST(p.notes[i].association == want[i].association);
            BOOST_TEST(p.notes[i].text != nullptr);
        }
    }
}

/// The parts shared by every plan of a form.
void check_form(const plan_t& p, operation op, form_kind form, const char* form_label,
                selection sel, const char* selection_label, const char* manual,
                std::string_view rule) {
    BOOST_TEST(p.op == op);
    BOOST_TEST(p.form == form);
    BOOST_TEST(str(p.form_label) == form_label);
    BOOST_TEST(p.sel == sel);
    if (selection_label)
        BOOST_TEST(str(p.selection_label) == selection_label);
    else
        BOOST_TEST(p.selection_label == nullptr);
    BOOST_TEST(str(p.manual) == manual);
    BOOST_TEST(p.who == actor::member);
    BOOST_TEST(p.prerequisites.empty());
    BOOST_TEST(p.rule == rule);
}

const char* const manual_admission = "MAMIS 操作マニュアル（入会届）";
const char* const manual_transfer = "MAMIS 操作マニュアル（異動届）";
const char* const manual_withdrawal = "MAMIS 操作マニュアル（退会届）";
const char* const manual_proxy = "MAMIS 操作マニュアル（医師会事務局による代理申請入力）";
const char* const manual_user_registration = "MAMIS操作マニュアル（利用者登録）";

const std::vector<std::string> join_steps{"マイページにログイン", "［入会届］をクリック",
                                          "該当する医師会にチェックを入れる", "会員区分を選択する"};
const std::vector<std::string> additional_steps{
    "マイページにログイン", "［入会届］をクリック", "「新規入会」ボックスの右隣にある",
    "［追加入会］ボックスをクリック（ボックスが青くなり、選択状態になります）"};
const std::vector<std::string> category_steps{
    "マイページにログイン", "［異動届］をクリック", "「会員区分の変更」にチェック",
    "対象医師会にチェック", "新しい会員区分を選択して申請"};
const std::vector<std::string> facility_steps{"マイページにログイン", "［異動届］をクリック",
                                              "「医師会の異動」にチェック", "異動事由を選択",
                                              "現在の医師会を再選択して、施設情報を入力・申請"};
const std::vector<std::string> transfer_steps{"マイページにログイン",
                                              "［異動届］をクリック",
                                              "「医師会の異動」にチェック",
                                              "異動事由を選択",
                                              "異動先医師会を検索・選択し、会員区分を入力",
                                              "新しい施設情報を入力して申請"};
const std::vector<std::string> withdraw_steps{"マイページにログイン", "［退会届］をクリック",
                                              "退会する医師会にチェックを入れて申請"};

const tick chiyoda{M, "13-chiyoda", "千代田区医師会"};
const tick shinjuku{M, "13-shinjuku", "新宿区医師会"};
const tick setagaya{M, "13-setagaya", "世田谷区医師会"};
const tick yokohama{M, "14-yokohama", "横浜市医師会"};
const tick tokyo{P, "13", "東京都医師会"};
const tick kanagawa{P, "14", "神奈川県医師会"};
const tick jma{N, "00", "日本医師会"};

bool same_request(const request& a, const request& b) {
    for (level l : all_levels)
        if (a.categories[l] != b.categories[l]) return false;
    return a.op == b.op && a.levels == b.levels && a.municipal == b.municipal &&
           a.reason == b.reason && a.cascade == b.cascade && a.proxy == b.proxy;
}
std::string label(const request& r) {
    std::ostringstream os;
    os << r.op << " levels=" << r.levels << " municipal=" << r.municipal << " categories={"
       << r.categories[M] << "," << r.categories[P] << "," << r.categories[N]
       << "} reason=" << r.reason << " cascade=" << r.cascade << " proxy=" << r.proxy;
    return os.str();
}

/// Asserts a refusal with `code` (and `field`, if given) and a message in both languages.
refusal require_refusal(const plan_result& r, refusal_code code, std::string_view field = {}) {
    BOOST_TEST_REQUIRE(!r.has_value(), "planned instead of refusing with " << code);
    const refusal& no = r.error();
    BOOST_TEST(no.code == code);
    if (!field.empty()) BOOST_TEST(no.field == field);
    BOOST_TEST_REQUIRE(no.message != nullptr);
    BOOST_TEST(std::string_view(no.message->ja).size() > 0u);
    BOOST_TEST(std::string_view(no.message->en).size() > 0u);
    texts_seen().push_back(no.message);
    codes_seen().insert(no.code);
    return no;
}

/// The refusal's suggestion is `want`, and planning it for the same member succeeds.
void check_suggestion(const member_state& s, const refusal& no, const request& want) {
    BOOST_TEST_REQUIRE(no.suggestion.has_value(), "no suggestion; expected " << label(want));
    BOOST_TEST(same_request(*no.suggestion, want),
               "suggestion " << label(*no.suggestion) << " != " << label(want));
    const plan_result again = plan(dir(), s, *no.suggestion);
    BOOST_TEST(again.has_value(),
               "the suggestion is refused: " << (again ? refusal_code{} : again.error().code));
    BOOST_TEST(!check(dir(), s, *no.suggestion).has_value());
}

} // namespace

// =============================================================================================
// 新規入会 — join
// =============================================================================================

BOOST_AUTO_TEST_CASE(join_municipal_only) {
    const auto r = plan(dir(), non_member, requests::join("13-chiyoda", m_, cats("A")));
    const plan_t p = require_plan(r);
    check_form(p, operation::join, form_kind::admission, "入会届", selection::new_admission,
               "新規入会", manual_admission, "join.chain_from_municipal");
    check_checked(p, {chiyoda});
    check_categories(p, {{M, "A", "A会員"}});
    check_steps(p, join_steps);
    check_result(p, "13-chiyoda", "", m_, cats("A"));
    check_notes(p, {});
    BOOST_TEST(str(p.guide_case) == "郡市医師会まで入会");
    BOOST_TEST(str(p.guide_instruction) == "郡市医師会のみ選択して申請");
    BOOST_TEST(p.reason.empty());
}

BOOST_AUTO_TEST_CASE(join_up_to_prefectural) {
    const auto r = plan(dir(), non_member, requests::join("13-shinjuku", mp, cats("S1", "B")));
    const plan_t p = require_plan(r);
    check_form(p, operation::join, form_kind::admission, "入会届", selection::new_admission,
               "新規入会", manual_admission, "join.chain_from_municipal");
    check_checked(p, {shinjuku, tokyo});
    check_categories(p, {{M, "S1", ""}, {P, "B", "B会員"}});
    check_steps(p, join_steps);
    check_result(p, "13-shinjuku", "13", mp, cats("S1", "B"));
    check_notes(p, {{note_kind::category_unchecked, m_, "13-shinjuku"}});
    BOOST_TEST(str(p.guide_case) == "都道府県医師会まで入会");
    BOOST_TEST(str(p.guide_instruction) == "郡市＋都道府県を選択して申請");
}

BOOST_AUTO_TEST_CASE(join_up_to_national) {
    const auto r =
        plan(dir(), non_member, requests::join("14-yokohama", mpn, cats("Y", "K", "A1")));
    const plan_t p = require_plan(r);
    check_form(p, operation::join, form_kind::admission, "入会届", selection::new_admission,
               "新規入会", manual_admission, "join.chain_from_municipal");
    check_checked(p, {yokohama, kanagawa, jma});
    check_categories(p, {{M, "Y", ""}, {P, "K", ""}, {N, "A1", "A①会員"}});
    BOOST_TEST(p.categories[2].label_en == "Class A1 member");
    check_steps(p, join_steps);
    check_result(p, "14-yokohama", "14", mpn, cats("Y", "K", "A1"));
    check_notes(p, {{note_kind::category_unchecked, m_, "14-yokohama"},
                    {note_kind::category_unchecked, p_, "14"}});
    BOOST_TEST(str(p.guide_case) == "日医まで入会");
    BOOST_TEST(str(p.guide_instruction) == "郡市＋都道府県＋日医を選択して申請");
}

// =============================================================================================
// 追加入会 — additional_join
// =============================================================================================

BOOST_AUTO_TEST_CASE(additional_join_prefectural_from_municipal) {
    const member_state s = member("13-chiyoda", m_, cats("A"));
    const plan_t p = require_plan(plan(dir(), s, requests::additional_join(p_, cats({}, "B"))));
    check_form(p, operation::additional_join, form_kind::admission, "入会届", selection::additional,
               "追加入会", manual_admission, "additional_join.extend_chain");
    check_checked(p, {tokyo});
    check_categories(p, {{P, "B", "B会員"}});
    auto steps = additional_steps;
    steps.push_back("都道府県医師会を選択し会員区分を選んで申請");
    check_steps(p, steps);
    check_result(p, "13-chiyoda", "13", mp, cats("A", "B"));
    check_notes(p, {});
    BOOST_TEST(str(p.guide_case) == "郡市医師会まで入会済み → 都道府県医師会に追加入会");
}

BOOST_AUTO_TEST_CASE(additional_join_prefectural_and_national_from_municipal) {
    const member_state s = member("13-chiyoda", m_, cats("A"));
    const plan_t p =
        require_plan(plan(dir(), s, requests::additional_join(pn, cats({}, "A", "A2B"))));
    check_form(p, operation::additional_join, form_kind::admission, "入会届", selection::additional,
               "追加入会", manual_admission, "additional_join.extend_chain");
    check_checked(p, {tokyo, jma});
    check_categories(p, {{P, "A", "A会員"}, {N, "A2B", "A②会員(B)"}});
    auto steps = additional_steps;
    steps.push_back("都道府県医師会と日本医師会を選択し会員区分を選んで申請");
    check_steps(p, steps);
    check_result(p, "13-chiyoda", "13", mpn, cats("A", "A", "A2B"));
    check_notes(p, {});
    BOOST_TEST(str(p.guide_case) ==
               "郡市医師会まで入会済み → 都道府県医師会と日本医師会に追加入会");
}

BOOST_AUTO_TEST_CASE(additional_join_national_from_prefectural) {
    const member_state s = member("13-chiyoda", mp, cats("A", "A"));
    const plan_t p =
        require_plan(plan(dir(), s, requests::additional_join(n_, cats({}, {}, "A2C"))));
    check_form(p, operation::additional_join, form_kind::admission, "入会届", selection::additional,
               "追加入会", manual_admission, "additional_join.extend_chain");
    check_checked(p, {jma});
    check_categories(p, {{N, "A2C", "A②会員(C)"}});
    auto steps = additional_steps;
    steps.push_back("日本医師会を選択し会員区分を選んで申請");
    check_steps(p, steps);
    check_result(p, "13-chiyoda", "13", mpn, cats("A", "A", "A2C"));
    check_notes(p, {});
    BOOST_TEST(str(p.guide_case) == "都道府県医師会まで入会済み → 日本医師会に追加入会");
}

// =============================================================================================
// 異動 — change_category, change_facility, transfer
// =============================================================================================

BOOST_AUTO_TEST_CASE(change_category_national) {
    const member_state s = member("13-chiyoda", mpn, cats("A", "A", "A2B"));
    const plan_t p = require_plan(plan(dir(), s, requests::change_category(cats({}, {}, "B"))));
    check_form(p, operation::change_category, form_kind::transfer, "異動届",
               selection::category_change, "会員区分の変更", manual_transfer,
               "change_category.held_levels");
    check_checked(p, {jma});
    check_categories(p, {{N, "B", "B会員"}});
    check_steps(p, category_steps);
    check_result(p, "13-chiyoda", "13", mpn, cats("A", "A", "B"));
    check_notes(p, {});
    BOOST_TEST(str(p.guide_case) == "会員区分の変更（医師会異動なし）");
}

BOOST_AUTO_TEST_CASE(change_category_two_levels_with_explicit_levels) {
    const member_state s = member("13-chiyoda", mpn, cats("A", "A", "A2B"));
    request r = requests::change_category(cats("C", "B"));
    r.levels = mp;
    const plan_t p = require_plan(plan(dir(), s, r));
    check_form(p, operation::change_category, form_kind::transfer, "異動届",
               selection::category_change, "会員区分の変更", manual_transfer,
               "change_category.held_levels");
    check_checked(p, {chiyoda, tokyo});
    check_categories(p, {{M, "C", "C会員"}, {P, "B", "B会員"}});
    check_steps(p, category_steps);
    check_result(p, "13-chiyoda", "13", mpn, cats("C", "B", "A2B"));
}

BOOST_AUTO_TEST_CASE(change_category_current_unknown) {
    // The member's current category is not given: any new one is a change.
    const member_state s = member("13-shinjuku", m_);
    const plan_t p = require_plan(plan(dir(), s, requests::change_category(cats("X"))));
    check_checked(p, {shinjuku});
    check_categories(p, {{M, "X", ""}});
    check_notes(p, {{note_kind::category_unchecked, m_, "13-shinjuku"}});
    check_result(p, "13-shinjuku", "", m_, cats("X"));
}

BOOST_AUTO_TEST_CASE(change_facility_same_association) {
    const member_state s = member("13-chiyoda", mp, cats("A"));
    const plan_t p = require_plan(plan(dir(), s, requests::change_facility("施設の移転")));
    check_form(p, operation::change_facility, form_kind::transfer, "異動届",
               selection::association_transfer, "医師会の異動", manual_transfer,
               "change_facility.same_association");
    check_checked(p, {chiyoda});
    check_categories(p, {});
    // rules.md's wording for step ③; the guide's 「医師会の異動」（異動がない場合も）にチェック is
    // the case's instruction.
    check_steps(p, facility_steps);
    BOOST_TEST(str(p.guide_instruction) == "「医師会の異動」（異動がない場合も）にチェック");
    check_result(p, "13-chiyoda", "13", mp, cats("A"));
    check_notes(p, {});
    BOOST_TEST(p.reason == "施設の移転");
    BOOST_TEST(str(p.guide_case) == "施設変更（医師会異動なし）");
}

BOOST_AUTO_TEST_CASE(change_facility_municipal_named_is_own) {
    const member_state s = member("13-chiyoda", m_);
    request r = requests::change_facility();
    r.municipal = "13-chiyoda"; // the member's own association may be named
    const plan_t p = require_plan(plan(dir(), s, r));
    check_checked(p, {chiyoda});
    check_result(p, "13-chiyoda", "", m_);
}

BOOST_AUTO_TEST_CASE(transfer_within_prefecture_with_prefectural) {
    const member_state s = member("13-chiyoda", mpn, cats("A", "A", "A2B"));
    const plan_t p =
        require_plan(plan(dir(), s, requests::transfer("13-shinjuku", cats("S1"), "転勤")));
    check_form(p, operation::transfer, form_kind::transfer, "異動届",
               selection::association_transfer, "医師会の異動", manual_transfer,
               "transfer.within_prefecture");
    check_checked(p, {shinjuku});
    check_categories(p, {{M, "S1", ""}});
    check_steps(p, transfer_steps);
    check_result(p, "13-shinjuku", "13", mpn, cats("S1", "A", "A2B"));
    check_notes(p, {{note_kind::category_unchecked, m_, "13-shinjuku"},
                    {note_kind::prefectural_stays, p_, "13"},
                    {note_kind::national_continues, n_, "00"}});
    BOOST_TEST(p.reason == "転勤");
    BOOST_TEST(str(p.guide_case) == "施設変更（医師会異動あり）");
}

BOOST_AUTO_TEST_CASE(transfer_within_prefecture_without_prefectural) {
    const member_state s = member("13-chiyoda", m_, cats("A"));
    const plan_t p = require_plan(plan(dir(), s, requests::transfer("13-setagaya", cats("X"))));
    check_form(p, operation::transfer, form_kind::transfer, "異動届",
               selection::association_transfer, "医師会の異動", manual_transfer,
               "transfer.within_prefecture");
    check_checked(p, {setagaya});
    check_categories(p, {{M, "X", ""}});
    check_steps(p, transfer_steps);
    check_result(p, "13-setagaya", "", m_, cats("X"));
    check_notes(p, {{note_kind::category_unchecked, m_, "13-setagaya"}});
}

BOOST_AUTO_TEST_CASE(transfer_across_prefectures_with_prefectural) {
    const member_state s = member("13-chiyoda", mp, cats("A", "A"));
    const plan_t p =
        require_plan(plan(dir(), s, requests::transfer("14-yokohama", cats("Y1", "K1"))));
    check_form(p, operation::transfer, form_kind::transfer, "異動届",
               selection::association_transfer, "医師会の異動", manual_transfer,
               "transfer.across_prefectures");
    check_checked(p, {yokohama, kanagawa});
    check_categories(p, {{M, "Y1", ""}, {P, "K1", ""}});
    check_steps(p, transfer_steps);
    check_result(p, "14-yokohama", "14", mp, cats("Y1", "K1"));
    check_notes(p, {{note_kind::category_unchecked, m_, "14-yokohama"},
                    {note_kind::category_unchecked, p_, "14"},
                    {note_kind::prefectural_moves, p_, "14"}});
}

BOOST_AUTO_TEST_CASE(transfer_across_prefectures_all_three_into_catalogues) {
    const member_state s = member("14-yokohama", mpn, cats("Y1", "K1", "A1"));
    const plan_t p = require_plan(plan(dir(), s, requests::transfer("13-chiyoda", cats("C", "B"))));
    check_checked(p, {chiyoda, tokyo});
    check_categories(p, {{M, "C", "C会員"}, {P, "B", "B会員"}});
    check_result(p, "13-chiyoda", "13", mpn, cats("C", "B", "A1"));
    check_notes(
        p, {{note_kind::prefectural_moves, p_, "13"}, {note_kind::national_continues, n_, "00"}});
    BOOST_TEST(p.rule == "transfer.across_prefectures");
}

BOOST_AUTO_TEST_CASE(transfer_across_prefectures_without_prefectural) {
    const member_state s = member("13-chiyoda", m_, cats("A"));
    const plan_t p = require_plan(plan(dir(), s, requests::transfer("14-yokohama", cats("Y1"))));
    check_form(p, operation::transfer, form_kind::transfer, "異動届",
               selection::association_transfer, "医師会の異動", manual_transfer,
               "transfer.across_prefectures");
    check_checked(p, {yokohama});
    check_categories(p, {{M, "Y1", ""}});
    check_steps(p, transfer_steps);
    check_result(p, "14-yokohama", "", m_, cats("Y1"));
    check_notes(p, {{note_kind::category_unchecked, m_, "14-yokohama"}});
    // Without prefectural membership there is no prefectural category to give.
    require_refusal(plan(dir(), s, requests::transfer("14-yokohama", cats("Y1", "K1"))),
                    refusal_code::invalid_request, "request.categories");
}

// =============================================================================================
// 退会 — the six withdrawals of rules.md §4.4
// =============================================================================================

namespace {
void check_withdrawal(const member_state& s, level_set leave, const std::vector<tick>& ticks,
                      std::string_view municipal, std::string_view prefectural, level_set after,
                      per_level<std::string_view> after_categories, const char* guide_case,
                      const char* instruction) {
    BOOST_TEST_CONTEXT("held " << s.levels << " leave " << leave) {
        const plan_t p = require_plan(plan(dir(), s, requests::withdraw(leave)));
        check_form(p, operation::withdraw, form_kind::withdrawal, "退会届", selection::none,
                   nullptr, manual_withdrawal, "withdraw.top_of_chain");
        check_checked(p, ticks);
        check_categories(p, {});
        check_steps(p, withdraw_steps);
        check_result(p, municipal, prefectural, after, after_categories);
        check_notes(p, {});
        BOOST_TEST(str(p.guide_case) == guide_case);
        BOOST_TEST(str(p.guide_instruction) == instruction);
    }
}
} // namespace

BOOST_AUTO_TEST_CASE(withdraw_municipal_only_member) {
    check_withdrawal(member("13-chiyoda", m_, cats("A")), m_, {chiyoda}, "", "", none_, {},
                     "郡市医師会のみ入会 → 全退会", "郡市医師会にのみチェックを入れて申請");
}

BOOST_AUTO_TEST_CASE(withdraw_prefectural_keep_municipal) {
    check_withdrawal(member("13-chiyoda", mp, cats("A", "B")), p_, {tokyo}, "13-chiyoda", "", m_,
                     cats("A"), "都道府県医師会のみ退会（郡市は継続）",
                     "都道府県医師会のみにチェックを入れて申請");
}

BOOST_AUTO_TEST_CASE(withdraw_all_of_two) {
    check_withdrawal(member("13-chiyoda", mp, cats("A", "B")), mp, {chiyoda, tokyo}, "", "", none_,
                     {}, "都道府県医師会まで入会 → 郡市含め全退会",
                     "郡市と都道府県医師会にチェックを入れて申請");
}

BOOST_AUTO_TEST_CASE(withdraw_national_only) {
    // contract.md's example: the result is [municipal, prefectural] at 13-chiyoda / 13.
    check_withdrawal(member("13-chiyoda", mpn, cats({}, {}, "A2B")), n_, {jma}, "13-chiyoda", "13",
                     mp, {}, "日本医師会のみ退会（郡市・都道府県は継続）",
                     "日本医師会のみにチェックを入れて申請");
}

BOOST_AUTO_TEST_CASE(withdraw_prefectural_and_national) {
    check_withdrawal(member("13-chiyoda", mpn, cats("A", "A", "A1")), pn, {tokyo, jma},
                     "13-chiyoda", "", m_, cats("A"), "都道府県・日医退会（郡市は継続）",
                     "都道府県と日医にチェックを入れて申請");
}

BOOST_AUTO_TEST_CASE(withdraw_complete) {
    check_withdrawal(member("13-chiyoda", mpn, cats("A", "A", "A1")), mpn, {chiyoda, tokyo, jma},
                     "", "", none_, {}, "郡市・都道府県・日医すべて退会（完全退会）",
                     "郡市・都道府県・日医すべてにチェックを入れて申請");
}

// =============================================================================================
// STEP 1 — MyPage
// =============================================================================================

BOOST_AUTO_TEST_CASE(mypage_yes_no_prerequisites) {
    const request r = requests::join("13-chiyoda", m_, cats("A"));
    const plan_t p = require_plan(plan(dir(), member({}, {}, {}, mypage::yes), r));
    BOOST_TEST(p.prerequisites.empty());
}

BOOST_AUTO_TEST_CASE(mypage_no_user_registration) {
    const request r = requests::join("13-chiyoda", m_, cats("A"));
    const plan_t p = require_plan(plan(dir(), member({}, {}, {}, mypage::no), r));
    BOOST_TEST_REQUIRE(p.prerequisites.size() == 1u);
    const prerequisite& q = p.prerequisites[0];
    BOOST_TEST(q.kind == prerequisite_kind::user_registration);
    BOOST_TEST(str(q.manual) == manual_user_registration);
    BOOST_TEST(!q.support_desk);
    BOOST_TEST_REQUIRE(q.steps.size() == 2u);
    BOOST_TEST(str(q.steps[0]) == "利用者登録をする");
    BOOST_TEST(std::string(q.steps[1]->ja).find("STEP2") != std::string::npos);
    // The rest of the plan is the same as with a MyPage.
    check_checked(p, {chiyoda});
    check_steps(p, join_steps);
    BOOST_TEST(str(p.manual) == manual_admission);
}

BOOST_AUTO_TEST_CASE(mypage_unknown_check_methods) {
    const member_state s = member("13-chiyoda", mpn, {}, mypage::unknown);
    const plan_t p = require_plan(plan(dir(), s, requests::withdraw(n_)));
    BOOST_TEST_REQUIRE(p.prerequisites.size() == 1u);
    const prerequisite& q = p.prerequisites[0];
    BOOST_TEST(q.kind == prerequisite_kind::mypage_check);
    BOOST_TEST(q.support_desk);
    BOOST_TEST(str(q.manual) == manual_user_registration);
    std::vector<std::string> steps;
    for (const bitext* t : q.steps) steps.push_back(t->ja);
    BOOST_TEST_REQUIRE(steps.size() == 4u);
    // Both methods of the guide: the initial login and the member search.
    BOOST_TEST(steps[0].find("初期ログインで確認する") != std::string::npos);
    BOOST_TEST(steps[0].find("医籍登録番号（ID）＋ 生年月日（パスワード）") != std::string::npos);
    BOOST_TEST(steps[0].find("利用規約画面") != std::string::npos);
    BOOST_TEST(steps[1].find("会員情報検索で確認する") != std::string::npos);
    BOOST_TEST(steps[1].find("初期ID・パスワード（医籍登録番号／生年月日）") != std::string::npos);
    BOOST_TEST(steps[2].find(manual_user_registration) != std::string::npos);
    BOOST_TEST(steps[3].find("医師会会員情報システム運営事務局") != std::string::npos);
    check_checked(p, {jma});
}

BOOST_AUTO_TEST_CASE(mypage_does_not_change_refusals) {
    for (mypage page : {mypage::yes, mypage::no, mypage::unknown}) {
        const member_state s = member("13-chiyoda", mpn, {}, page);
        require_refusal(plan(dir(), s, requests::withdraw(m_)), refusal_code::illegal_levels);
    }
}

// =============================================================================================
// 代理申請 — proxy
// =============================================================================================

BOOST_AUTO_TEST_CASE(proxy_names_the_secretariat_and_its_manual) {
    struct one {
        member_state s;
        request r;
    };
    std::vector<one> cases{
        {non_member, requests::join("13-chiyoda", mp, cats("A", "A"))},
        {member("13-chiyoda", m_), requests::additional_join(p_, cats({}, "A"))},
        {member("13-chiyoda", mp, cats("A", "A")), requests::change_category(cats("B"))},
        {member("13-chiyoda", mp), requests::change_facility("移転")},
        {member("13-chiyoda", mp), requests::transfer("14-yokohama", cats("Y", "K"))},
        {member("13-chiyoda", mpn, {}, mypage::unknown), requests::withdraw(n_)},
    };
    for (one& c : cases) {
        c.r.proxy = true;
        BOOST_TEST_CONTEXT(c.r.op) {
            const plan_t p = require_plan(plan(dir(), c.s, c.r));
            BOOST_TEST(p.who == actor::secretariat);
            BOOST_TEST(str(p.manual) == manual_proxy);
            BOOST_TEST_REQUIRE(!p.notes.empty());
            BOOST_TEST(p.notes.back().kind == note_kind::proxy);
            // The same plan without proxy: the member acts, with the form's own manual.
            c.r.proxy = false;
            const plan_t q = require_plan(plan(dir(), c.s, c.r));
            BOOST_TEST(q.who == actor::member);
            BOOST_TEST(str(q.manual) != manual_proxy);
            BOOST_TEST(q.notes.size() + 1 == p.notes.size());
            BOOST_TEST(q.checked.size() == p.checked.size());
            BOOST_TEST(q.steps.size() == p.steps.size());
        }
    }
}

// =============================================================================================
// Refusals (rules.md §7), each with its suggestion
// =============================================================================================

BOOST_AUTO_TEST_CASE(contract_example_withdraw_municipal_of_three) {
    const member_state s = member("13-chiyoda", mpn, cats({}, {}, "A2B"));
    const auto no = require_refusal(plan(dir(), s, requests::withdraw(m_)),
                                    refusal_code::illegal_levels, "request.levels");
    BOOST_TEST(
        std::string(no.message->ja) ==
        "郡市区医師会を退会する場合は、都道府県医師会と日本医師会も退会する必要があります。");
    check_suggestion(s, no, requests::withdraw(mpn));
    BOOST_TEST(check(dir(), s, requests::withdraw(m_)) ==
               std::optional<refusal_code>(refusal_code::illegal_levels));

    // With cascade, the suggestion is taken and the plan says what was added.
    const plan_t p = require_plan(plan(dir(), s, requests::withdraw(m_, true)));
    BOOST_TEST(p.rule == "withdraw.cascade");
    check_checked(p, {chiyoda, tokyo, jma});
    check_result(p, "", "", none_);
    check_notes(p, {{note_kind::cascade_applied, pn, ""}});
    BOOST_TEST(p.notes[0].text == &texts::note_cascade_prefectural_national);
    BOOST_TEST(str(p.guide_case) == "郡市・都道府県・日医すべて退会（完全退会）");
}

BOOST_AUTO_TEST_CASE(illegal_withdrawals_and_their_cascades) {
    struct one {
        level_set held, leave, closure, after;
        const bitext* message;
        const bitext* note;
    };
    const one cases[] = {
        {mp, m_, mp, none_, &texts::msg_withdraw_municipal_prefectural,
         &texts::note_cascade_prefectural},
        {mpn, p_, pn, m_, &texts::msg_withdraw_prefectural_national, &texts::note_cascade_national},
        {mpn, mp, mpn, none_, &texts::msg_withdraw_municipal_all, &texts::note_cascade_national},
        {mpn, level_set{M, N}, mpn, none_, &texts::msg_withdraw_municipal_all,
         &texts::note_cascade_prefectural},
    };
    for (const one& c : cases) {
        BOOST_TEST_CONTEXT("held " << c.held << " leave " << c.leave) {
            const member_state s = member("13-chiyoda", c.held);
            const auto no = require_refusal(plan(dir(), s, requests::withdraw(c.leave)),
                                            refusal_code::illegal_levels, "request.levels");
            BOOST_TEST(no.message == c.message);
            check_suggestion(s, no, requests::withdraw(c.closure));
            const plan_t p = require_plan(plan(dir(), s, requests::withdraw(c.leave, true)));
            BOOST_TEST(p.rule == "withdraw.cascade");
            BOOST_TEST(p.result.levels == c.after);
            BOOST_TEST_REQUIRE(p.notes.size() == 1u);
            BOOST_TEST(p.notes[0].kind == note_kind::cascade_applied);
            BOOST_TEST(p.notes[0].levels == c.closure - c.leave);
            BOOST_TEST(p.notes[0].text == c.note);
            BOOST_TEST(p.checked.size() == c.closure.size());
        }
    }
}

BOOST_AUTO_TEST_CASE(refuse_invalid_request) {
    const member_state s = member("13-chiyoda", mp, cats("A"));
    // cascade is for withdrawals only
    request r = requests::join("13-chiyoda", m_, cats("A"));
    r.cascade = true;
    auto no = require_refusal(plan(dir(), non_member, r), refusal_code::invalid_request,
                              "request.cascade");
    BOOST_TEST(!no.suggestion.has_value());
    // levels required
    require_refusal(plan(dir(), non_member, requests::join("13-chiyoda", none_, cats("A"))),
                    refusal_code::invalid_request, "request.levels");
    require_refusal(plan(dir(), s, requests::withdraw(none_)), refusal_code::invalid_request,
                    "request.levels");
    require_refusal(plan(dir(), s, requests::change_category({})), refusal_code::invalid_request,
                    "request.levels");
    // levels forbidden
    r = requests::change_facility();
    r.levels = m_;
    require_refusal(plan(dir(), s, r), refusal_code::invalid_request, "request.levels");
    r = requests::transfer("13-shinjuku", cats("X"));
    r.levels = m_;
    require_refusal(plan(dir(), s, r), refusal_code::invalid_request, "request.levels");
    // another municipal association named for an operation on the member's own
    r = requests::additional_join(n_, cats({}, {}, "A1"));
    r.municipal = "13-shinjuku";
    require_refusal(plan(dir(), s, r), refusal_code::invalid_request, "request.municipal");
    r = requests::withdraw(p_);
    r.municipal = "13-shinjuku";
    require_refusal(plan(dir(), s, r), refusal_code::invalid_request, "request.municipal");
    // no destination / nothing to join
    require_refusal(plan(dir(), s, requests::transfer({}, cats("X"))),
                    refusal_code::invalid_request, "request.municipal");
    require_refusal(plan(dir(), non_member, requests::join({}, m_, cats("A"))),
                    refusal_code::invalid_request, "request.municipal");
    // a category for a level not joined or changed
    require_refusal(plan(dir(), non_member, requests::join("13-chiyoda", m_, cats("A", "A"))),
                    refusal_code::invalid_request, "request.categories");
    r = requests::change_category(cats("B", "B"));
    r.levels = m_;
    require_refusal(plan(dir(), s, r), refusal_code::invalid_request, "request.categories");
    // change_facility and withdraw take no categories
    r = requests::change_facility();
    r.categories = cats("A");
    require_refusal(plan(dir(), s, r), refusal_code::invalid_request, "request.categories");
    r = requests::withdraw(p_);
    r.categories = cats({}, "A");
    require_refusal(plan(dir(), s, r), refusal_code::invalid_request, "request.categories");
}

BOOST_AUTO_TEST_CASE(refuse_unknown_association) {
    auto no = require_refusal(plan(dir(), non_member, requests::join("13-nowhere", m_, cats("A"))),
                              refusal_code::unknown_association, "request.municipal");
    BOOST_TEST(!no.suggestion.has_value());
    require_refusal(plan(dir(), member("13-nowhere", m_), requests::withdraw(m_)),
                    refusal_code::unknown_association, "member.municipal");
    require_refusal(plan(dir(), member("13-chiyoda", m_), requests::transfer("99", cats("X"))),
                    refusal_code::unknown_association, "request.municipal");
}

BOOST_AUTO_TEST_CASE(refuse_level_mismatch) {
    require_refusal(plan(dir(), non_member, requests::join("13", m_, cats("A"))),
                    refusal_code::level_mismatch, "request.municipal");
    require_refusal(plan(dir(), non_member, requests::join("00", m_, cats("A"))),
                    refusal_code::level_mismatch, "request.municipal");
    require_refusal(plan(dir(), member("13", m_), requests::withdraw(m_)),
                    refusal_code::level_mismatch, "member.municipal");
    require_refusal(plan(dir(), member("13-chiyoda", m_), requests::transfer("14", cats("X"))),
                    refusal_code::level_mismatch, "request.municipal");
}

BOOST_AUTO_TEST_CASE(refuse_invalid_state) {
    const request r = requests::change_facility();
    for (unsigned bits : {2u, 4u, 5u, 6u}) // not chains: {P}, {N}, {M,N}, {P,N}
        require_refusal(plan(dir(), member("13-chiyoda", level_set::from_bits(bits)), r),
                        refusal_code::invalid_state, "member.levels");
    // A missing required field is invalid_request (§7), even inside the member.
    require_refusal(plan(dir(), member({}, m_), r), refusal_code::invalid_request,
                    "member.municipal");
    require_refusal(
        plan(dir(), member("13-chiyoda", none_), requests::join("13-chiyoda", m_, cats("A"))),
        refusal_code::invalid_state, "member.municipal");
    member_state s = member("13-chiyoda", mp);
    s.prefectural = "14"; // not parent(13-chiyoda)
    BOOST_TEST(require_refusal(plan(dir(), s, r), refusal_code::invalid_state, "member.prefectural")
                   .message == &texts::msg_state_prefectural_mismatch);
    s.prefectural = "13";
    require_plan(plan(dir(), s, r)); // the right one is accepted
    // The right parent, but a level not held: the message says so (not "does not match").
    s = member("13-chiyoda", m_);
    s.prefectural = "13";
    BOOST_TEST(require_refusal(plan(dir(), s, r), refusal_code::invalid_state, "member.prefectural")
                   .message == &texts::msg_state_prefectural_not_held);
    s = non_member;
    s.prefectural = "13";
    BOOST_TEST(require_refusal(plan(dir(), s, requests::join("13-chiyoda", m_, cats("A"))),
                               refusal_code::invalid_state, "member.prefectural")
                   .message == &texts::msg_state_prefectural_not_held);
    require_refusal(plan(dir(), member("13-chiyoda", m_, cats("A", {}, "A1")), r),
                    refusal_code::invalid_state, "member.categories");
    require_refusal(
        plan(dir(), member({}, none_, cats("A")), requests::join("13-chiyoda", m_, cats("A"))),
        refusal_code::invalid_state, "member.categories");
}

BOOST_AUTO_TEST_CASE(member_state_check_order) {
    // The member's state is checked before its association is looked up: a category for a
    // level not held, or a prefectural association for a level not held, is invalid_state
    // even when the municipal code is unknown or not municipal.
    const request r = requests::change_facility();
    require_refusal(plan(dir(), member("13-nowhere", m_, cats({}, {}, "A1")), r),
                    refusal_code::invalid_state, "member.categories");
    require_refusal(plan(dir(), member("13", m_, cats({}, "A")), r), refusal_code::invalid_state,
                    "member.categories");
    member_state s = member("13-nowhere", m_);
    s.prefectural = "13";
    require_refusal(plan(dir(), s, r), refusal_code::invalid_state, "member.prefectural");
    // …and before the levels of the request.
    require_refusal(plan(dir(), member("13-nowhere", m_), requests::withdraw(pn)),
                    refusal_code::unknown_association, "member.municipal");
}

BOOST_AUTO_TEST_CASE(refuse_not_a_member) {
    for (const request& r : {requests::withdraw(m_), requests::additional_join(p_, cats({}, "A")),
                             requests::change_category(cats("A")), requests::change_facility(),
                             requests::transfer("13-chiyoda", cats("A"))}) {
        BOOST_TEST_CONTEXT(r.op) {
            const auto no = require_refusal(plan(dir(), non_member, r), refusal_code::not_a_member,
                                            "member.levels");
            BOOST_TEST(!no.suggestion.has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(refuse_already_member) {
    const member_state s = member("13-chiyoda", m_, cats("A"));
    const auto no =
        require_refusal(plan(dir(), s, requests::join("13-chiyoda", mp, cats("A", "B"))),
                        refusal_code::already_member, "member.levels");
    check_suggestion(s, no, requests::additional_join(p_, cats({}, "B")));
    // Joining again elsewhere is not an additional admission: no suggestion.
    const auto other =
        require_refusal(plan(dir(), s, requests::join("13-shinjuku", mp, cats("A", "B"))),
                        refusal_code::already_member);
    BOOST_TEST(!other.suggestion.has_value());
    // Nothing left to add: no suggestion.
    const auto nothing = require_refusal(
        plan(dir(), s, requests::join("13-chiyoda", m_, cats("A"))), refusal_code::already_member);
    BOOST_TEST(!nothing.suggestion.has_value());
    // A suggestion keeps who applies.
    request r = requests::join("13-chiyoda", mpn, cats("A", "B", "A1"));
    r.proxy = true;
    const auto proxied = require_refusal(plan(dir(), s, r), refusal_code::already_member);
    request want = requests::additional_join(pn, cats({}, "B", "A1"));
    want.proxy = true;
    check_suggestion(s, proxied, want);
}

BOOST_AUTO_TEST_CASE(refuse_level_not_held) {
    member_state s = member("13-chiyoda", mp, cats("A", "A"));
    auto no = require_refusal(plan(dir(), s, requests::withdraw(pn)), refusal_code::level_not_held,
                              "request.levels");
    check_suggestion(s, no, requests::withdraw(p_));
    no = require_refusal(plan(dir(), s, requests::withdraw(n_)), refusal_code::level_not_held);
    BOOST_TEST(!no.suggestion.has_value());
    s = member("13-chiyoda", m_, cats("A"));
    request r = requests::change_category(cats("B", {}, "B"));
    no = require_refusal(plan(dir(), s, r), refusal_code::level_not_held, "request.levels");
    request want = requests::change_category(cats("B"));
    want.levels = m_;
    check_suggestion(s, no, want);
    no = require_refusal(plan(dir(), s, requests::change_category(cats({}, "B"))),
                         refusal_code::level_not_held);
    BOOST_TEST(!no.suggestion.has_value());
}

BOOST_AUTO_TEST_CASE(refuse_level_already_held) {
    const member_state s = member("13-chiyoda", mp, cats("A", "A"));
    auto no = require_refusal(plan(dir(), s, requests::additional_join(pn, cats({}, "A", "A1"))),
                              refusal_code::level_already_held, "request.levels");
    check_suggestion(s, no, requests::additional_join(n_, cats({}, {}, "A1")));
    no = require_refusal(plan(dir(), s, requests::additional_join(p_, cats({}, "A"))),
                         refusal_code::level_already_held);
    BOOST_TEST(!no.suggestion.has_value());
}

BOOST_AUTO_TEST_CASE(refuse_illegal_levels_on_admission) {
    // join skipping the prefectural level
    auto no =
        require_refusal(plan(dir(), non_member,
                             requests::join("13-chiyoda", level_set{M, N}, cats("A", "B", "A1"))),
                        refusal_code::illegal_levels, "request.levels");
    BOOST_TEST(no.message == &texts::msg_join_needs_prefectural);
    check_suggestion(non_member, no, requests::join("13-chiyoda", mpn, cats("A", "B", "A1")));
    // …without a prefectural category the suggestion would fail, so none is made
    no = require_refusal(
        plan(dir(), non_member, requests::join("13-chiyoda", level_set{M, N}, cats("A", {}, "A1"))),
        refusal_code::illegal_levels);
    BOOST_TEST(!no.suggestion.has_value());
    // join without the municipal level
    no = require_refusal(plan(dir(), non_member, requests::join("13-chiyoda", p_, cats("A", "B"))),
                         refusal_code::illegal_levels);
    BOOST_TEST(no.message == &texts::msg_join_needs_municipal);
    check_suggestion(non_member, no, requests::join("13-chiyoda", mp, cats("A", "B")));
    // additional_join skipping the prefectural level
    const member_state s = member("13-chiyoda", m_, cats("A"));
    no = require_refusal(plan(dir(), s, requests::additional_join(n_, cats({}, "B", "A1"))),
                         refusal_code::illegal_levels);
    check_suggestion(s, no, requests::additional_join(pn, cats({}, "B", "A1")));
    no = require_refusal(plan(dir(), s, requests::additional_join(n_, cats({}, {}, "A1"))),
                         refusal_code::illegal_levels);
    BOOST_TEST(!no.suggestion.has_value());
}

BOOST_AUTO_TEST_CASE(refuse_same_association) {
    const member_state s = member("13-chiyoda", mp, cats("A", "A"));
    request r = requests::transfer("13-chiyoda", cats("B"), "院内異動");
    r.proxy = true;
    const auto no =
        require_refusal(plan(dir(), s, r), refusal_code::same_association, "request.municipal");
    request want = requests::change_facility("院内異動");
    want.proxy = true;
    check_suggestion(s, no, want);
}

BOOST_AUTO_TEST_CASE(refuse_category_required) {
    auto no = require_refusal(plan(dir(), non_member, requests::join("13-chiyoda", mp, cats("A"))),
                              refusal_code::category_required, "request.categories");
    BOOST_TEST(!no.suggestion.has_value());
    // An empty string counts as not given.
    require_refusal(plan(dir(), non_member, requests::join("13-chiyoda", m_, cats(""))),
                    refusal_code::category_required);
    require_refusal(
        plan(dir(), member("13-chiyoda", mp), requests::transfer("14-yokohama", cats("Y"))),
        refusal_code::category_required);
    require_refusal(plan(dir(), member("13-chiyoda", m_), requests::additional_join(p_)),
                    refusal_code::category_required);
    request r = requests::change_category({});
    r.levels = mp;
    r.categories = cats("B");
    require_refusal(plan(dir(), member("13-chiyoda", mp), r), refusal_code::category_required);
    // …and an empty string is no category where none may be given.
    r = requests::change_facility();
    r.categories = cats("");
    require_plan(plan(dir(), member("13-chiyoda", m_), r));
}

BOOST_AUTO_TEST_CASE(refuse_unknown_category) {
    auto no = require_refusal(
        plan(dir(), non_member, requests::join("13-chiyoda", mpn, cats("A", "A", "Z"))),
        refusal_code::unknown_category, "request.categories");
    BOOST_TEST(!no.suggestion.has_value());
    // A loaded catalogue refuses a code it does not list…
    require_refusal(plan(dir(), non_member, requests::join("13-chiyoda", m_, cats("Z"))),
                    refusal_code::unknown_category);
    require_refusal(
        plan(dir(), member("14-yokohama", mp), requests::transfer("13-chiyoda", cats("A", "C"))),
        refusal_code::unknown_category);
    // …JMA's built-in one too (codes are case-sensitive).
    require_refusal(
        plan(dir(), member("13-chiyoda", mp), requests::additional_join(n_, cats({}, {}, "a1"))),
        refusal_code::unknown_category);
}

BOOST_AUTO_TEST_CASE(refuse_category_unchanged) {
    const member_state s = member("13-chiyoda", mpn, cats("A", "A", "A2B"));
    auto no = require_refusal(plan(dir(), s, requests::change_category(cats({}, {}, "A2B"))),
                              refusal_code::category_unchanged, "request.categories");
    BOOST_TEST(!no.suggestion.has_value());
    no = require_refusal(plan(dir(), s, requests::change_category(cats("B", {}, "A2B"))),
                         refusal_code::category_unchanged);
    request want = requests::change_category(cats("B"));
    want.levels = m_;
    check_suggestion(s, no, want);
}

BOOST_AUTO_TEST_CASE(refuse_no_category) {
    const auto r = jma_category_for(doctor_role::founder_manager, true);
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST(r.error().code == refusal_code::no_category);
    BOOST_TEST(r.error().message == &texts::msg_no_category);
    BOOST_TEST(!r.error().suggestion.has_value());
    texts_seen().push_back(r.error().message);
    codes_seen().insert(r.error().code);
}

// =============================================================================================
// Categories
// =============================================================================================

BOOST_AUTO_TEST_CASE(jma_recommender_full_table) {
    struct row {
        doctor_role role;
        bool opt_out;
        const char* code; ///< nullptr: no category
    };
    const row table[] = {
        {doctor_role::founder_manager, false, "A1"}, {doctor_role::founder_manager, true, nullptr},
        {doctor_role::resident, false, "A2C"},       {doctor_role::resident, true, "C"},
        {doctor_role::other, false, "A2B"},          {doctor_role::other, true, "B"},
    };
    for (const row& x : table) {
        BOOST_TEST_CONTEXT("role " << static_cast<int>(x.role) << " opt_out " << x.opt_out) {
            const jma_category* c = recommend_jma_category(x.role, x.opt_out);
            const auto r = jma_category_for(x.role, x.opt_out);
            if (x.code) {
                BOOST_TEST_REQUIRE(c != nullptr);
                BOOST_TEST(std::string(c->code) == x.code);
                BOOST_TEST_REQUIRE(r.has_value());
                BOOST_TEST(*r == c);
                // The recommended category is accepted by a plan.
                require_plan(plan(dir(), member("13-chiyoda", mp),
                                  requests::additional_join(n_, cats({}, {}, c->code))));
            } else {
                BOOST_TEST(c == nullptr);
                BOOST_TEST(!r.has_value());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(jma_builtin_catalogue) {
    const char* const codes[] = {"A1", "A2B", "A2C", "B", "C"};
    const char* const labels[] = {"A①会員", "A②会員(B)", "A②会員(C)", "B会員", "C会員"};
    BOOST_TEST_REQUIRE(jma_categories.size() == 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        BOOST_TEST(std::string(jma_categories[i].code) == codes[i]);
        BOOST_TEST(std::string(jma_categories[i].label.ja) == labels[i]);
        BOOST_TEST(find_jma_category(codes[i]) == &jma_categories[i]);
        texts_seen().push_back(&jma_categories[i].label);
        texts_seen().push_back(&jma_categories[i].who);
        const plan_t p = require_plan(plan(dir(), member("13-chiyoda", mp),
                                           requests::additional_join(n_, cats({}, {}, codes[i]))));
        check_categories(p, {{N, codes[i], labels[i]}});
        BOOST_TEST(p.categories[0].label_en == jma_categories[i].label.en);
    }
    BOOST_TEST(std::string(jma_categories[2].who.ja) == "医師法に基づく研修医");
    BOOST_TEST(find_jma_category("A2") == nullptr);
    BOOST_TEST(find_jma_category("") == nullptr);
}

BOOST_AUTO_TEST_CASE(loaded_catalogue_checks_codes) {
    const plan_t p =
        require_plan(plan(dir(), non_member, requests::join("13-chiyoda", mp, cats("C", "B"))));
    check_categories(p, {{M, "C", "C会員"}, {P, "B", "B会員"}});
    check_notes(p, {});
    const auto no =
        require_refusal(plan(dir(), non_member, requests::join("13-chiyoda", mp, cats("C", "C"))),
                        refusal_code::unknown_category);
    BOOST_TEST(no.message == &texts::msg_unknown_category);
}

BOOST_AUTO_TEST_CASE(no_catalogue_any_code_passes_unchecked) {
    for (std::string_view code : {"A", "whatever", "会員X", "A1"}) {
        const plan_t p =
            require_plan(plan(dir(), non_member, requests::join("13-setagaya", m_, cats(code))));
        check_categories(p, {{M, std::string(code), ""}});
        check_notes(p, {{note_kind::category_unchecked, m_, "13-setagaya"}});
    }
}

// =============================================================================================
// Language, and the codes seen
// =============================================================================================

BOOST_AUTO_TEST_CASE(every_text_is_bilingual) {
    // Make sure every kind of plan has contributed its texts (the tests above run first; this
    // adds one of each again so that the test also stands alone).
    require_plan(plan(dir(), member({}, {}, {}, mypage::unknown),
                      requests::join("13-chiyoda", mpn, cats("A", "A", "A1"))));
    require_plan(
        plan(dir(), member({}, {}, {}, mypage::no), requests::join("13-setagaya", m_, cats("S"))));
    request r = requests::transfer("14-yokohama", cats("Y", "K"), "転勤");
    r.proxy = true;
    require_plan(plan(dir(), member("13-chiyoda", mpn), r));
    require_plan(
        plan(dir(), member("13-chiyoda", mpn), requests::transfer("13-shinjuku", cats("S"))));
    require_plan(plan(dir(), member("13-chiyoda", mpn), requests::withdraw(m_, true)));
    require_plan(plan(dir(), member("13-chiyoda", mp), requests::withdraw(m_, true)));
    require_plan(plan(dir(), member("13-chiyoda", mpn), requests::withdraw(p_, true)));
    BOOST_TEST(texts_seen().size() > 60u);
    std::set<const bitext*> distinct(texts_seen().begin(), texts_seen().end());
    for (const bitext* t : distinct) {
        BOOST_TEST_REQUIRE(t != nullptr);
        BOOST_TEST_CONTEXT(t->ja) {
            BOOST_TEST_REQUIRE(t->ja != nullptr);
            BOOST_TEST_REQUIRE(t->en != nullptr);
            BOOST_TEST(std::string_view(t->ja).size() > 0u);
            BOOST_TEST(std::string_view(t->en).size() > 0u);
            BOOST_TEST(std::string_view(t->ja) != std::string_view(t->en));
        }
    }
    // Every refusal message of the table, too.
    for (const bitext* t :
         {&texts::msg_invalid_request, &texts::msg_unknown_association, &texts::msg_level_mismatch,
          &texts::msg_state_not_chain, &texts::msg_state_prefectural_mismatch,
          &texts::msg_state_prefectural_not_held, &texts::msg_not_a_member,
          &texts::msg_already_member, &texts::msg_level_not_held, &texts::msg_level_already_held,
          &texts::msg_withdraw_municipal_all, &texts::msg_same_association,
          &texts::msg_category_required, &texts::msg_unknown_category,
          &texts::msg_category_unchanged, &texts::msg_no_category})
        BOOST_TEST(std::string_view(t->ja) != std::string_view(t->en));
}

BOOST_AUTO_TEST_CASE(every_refusal_code_was_seen) {
    // One representative of each code, so that this test also stands alone; the tests above
    // have added theirs.
    const level_set mp{M, P}, m{M};
    struct one {
        member_state s;
        request r;
        refusal_code code;
    };
    request cascaded = requests::change_facility();
    cascaded.cascade = true;
    const one table[] = {
        {member("13-chiyoda", m), cascaded, refusal_code::invalid_request},
        {non_member, requests::join("zz", m, cats("A")), refusal_code::unknown_association},
        {non_member, requests::join("13", m, cats("A")), refusal_code::level_mismatch},
        {member("13-chiyoda", level_set{P}), requests::change_facility(),
         refusal_code::invalid_state},
        {non_member, requests::withdraw(m), refusal_code::not_a_member},
        {member("13-chiyoda", m), requests::join("13-chiyoda", m, cats("A")),
         refusal_code::already_member},
        {member("13-chiyoda", m), requests::withdraw(mp), refusal_code::level_not_held},
        {member("13-chiyoda", mp), requests::additional_join(p_, cats({}, "A")),
         refusal_code::level_already_held},
        {member("13-chiyoda", mp), requests::withdraw(m), refusal_code::illegal_levels},
        {member("13-chiyoda", m), requests::transfer("13-chiyoda", cats("A")),
         refusal_code::same_association},
        {non_member, requests::join("13-chiyoda", m), refusal_code::category_required},
        {non_member, requests::join("13-chiyoda", m, cats("Z")), refusal_code::unknown_category},
        {member("13-chiyoda", m, cats("A")), requests::change_category(cats("A")),
         refusal_code::category_unchanged},
    };
    for (const one& c : table) require_refusal(plan(dir(), c.s, c.r), c.code);
    const auto none = jma_category_for(doctor_role::founder_manager, true);
    BOOST_TEST_REQUIRE(!none.has_value());
    codes_seen().insert(none.error().code);
    for (refusal_code c : all_refusal_codes) BOOST_TEST(codes_seen().count(c) == 1u, c);
    BOOST_TEST(std::size(all_refusal_codes) == 14u);
}

// A refusal's message naming what is wrong (refusal_text.hpp), into a caller's buffer: cut to
// fit, never inside a UTF-8 character, always NUL-terminated; values quoted are cleaned.
BOOST_AUTO_TEST_CASE(refusal_message_into_a_buffer) {
    refusal r(refusal_code::unknown_association, &texts::msg_unknown_association,
              "request.municipal");
    r.value = "13-chiyod";
    const std::string whole = refusal_message(r, lang::ja);
    BOOST_TEST(whole == "医師会コード「13-chiyod」は登録されていません。");
    for (std::size_t cap = 1; cap <= whole.size() + 2; ++cap) {
        std::vector<char> buf(cap, 'x');
        const std::size_t n = refusal_message(r, lang::ja, buf.data(), cap);
        BOOST_TEST_REQUIRE(n < cap);
        BOOST_TEST(buf[n] == '\0');
        const std::string got(buf.data(), n);
        BOOST_TEST(whole.compare(0, n, got) == 0);
        // n ends on a character boundary of `whole`
        BOOST_TEST((n == whole.size() || (static_cast<unsigned char>(whole[n]) & 0xC0) != 0x80));
        if (cap > whole.size()) BOOST_TEST(got == whole);
    }
    BOOST_TEST(refusal_message(r, lang::ja, nullptr, 0) == 0u);
    // Control characters shown as '?', long values cut after 64 bytes.
    const std::string nasty = "\x1b[31m" + std::string(100, 'z');
    r.value = nasty;
    const std::string m = refusal_message(r, lang::en);
    BOOST_TEST(m == "The association code \"?[31m" + std::string(59, 'z') +
                        "...\" is not in the directory.");
}
