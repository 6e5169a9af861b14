// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The plan writer's pre-rendered texts (capi/json_write.cpp, issue 28): a plan made from each
// compiled plan class, by the member and by proxy, with each MyPage answer, in each language,
// is written the same bytes through the class's runs (class_id set) as field by field
// (class_id 0); and the notes' and STEP 1's copied runs say what the plan holds.
#define BOOST_TEST_MODULE plan_texts
#include <boost/test/unit_test.hpp>

#include "json.hpp" // capi/: write_plan

#include <mamisguide/mamisguide.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

using namespace mamisguide;

namespace {

const lang langs[] = {lang::ja, lang::en};
const mypage pages[] = {mypage::yes, mypage::no, mypage::unknown};

/// A plan of class `c` as plan() makes one, without its names: the class's fixed parts, STEP 1
/// for `page`, and every note rules.hpp makes (after the class's own).
application_plan plan_of(const detail::plan_class& c, mypage page) {
    member_state s;
    s.page = page;
    request r;
    r.op = operation::withdraw;
    r.reason = "転勤";
    application_plan p;
    detail::take_class(c, p);
    p.notes.push_back({note_kind::prefectural_moves, &texts::note_prefectural_moves,
                       level_set{level::prefectural}, "14"});
    p.notes.push_back({note_kind::category_unchecked, &texts::note_category_unchecked,
                       level_set{level::municipal}, "13-a"});
    p.notes.push_back({note_kind::category_ignored,
                       &texts::note_category_ignored,
                       level_set{level::national},
                       {}});
    detail::finish(s, r, c, p);
    return p;
}

std::string written(const application_plan& p, lang l, const directory& dir) {
    std::string out;
    json::write_plan(out, dir, p, l);
    return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(every_class_written_the_same_through_its_runs) {
    const directory& dir = directory::builtin();
    std::set<unsigned> ids;
    std::size_t compared = 0;
    for (const auto& pair : detail::plan_classes.classes)
        for (const detail::plan_class& c : pair)
            for (mypage page : pages)
                for (lang l : langs) {
                    const application_plan p = plan_of(c, page);
                    BOOST_TEST_REQUIRE(p.class_id == c.id);
                    ids.insert(p.class_id);
                    application_plan field_by_field = p;
                    field_by_field.class_id = 0;
                    const std::string fast = written(p, l, dir);
                    BOOST_TEST(fast == written(field_by_field, l, dir));
                    ++compared;
                    // And what the runs say is the plan's: its steps, manual, case and STEP 1.
                    const auto j = nlohmann::json::parse(fast);
                    BOOST_TEST_REQUIRE(j["steps"].size() == p.steps.size());
                    for (std::size_t i = 0; i < p.steps.size(); ++i)
                        BOOST_TEST(j["steps"][i].get<std::string>() == p.steps[i]->view(l));
                    BOOST_TEST(j["manual"].get<std::string>() == p.manual->view(l));
                    BOOST_TEST(j["actor"].get<std::string>() == to_string(p.who));
                    BOOST_TEST(j["form"].get<std::string>() == to_string(p.form));
                    BOOST_TEST(j["prerequisites"].size() == p.prerequisites.size());
                    if (p.guide_case)
                        BOOST_TEST(j["case"]["label"].get<std::string>() == p.guide_case->view(l));
                    BOOST_TEST_REQUIRE(j["notes"].size() == p.notes.size());
                    for (std::size_t i = 0; i < p.notes.size(); ++i) {
                        BOOST_TEST(j["notes"][i]["kind"].get<std::string>() ==
                                   to_string(p.notes[i].kind));
                        BOOST_TEST(j["notes"][i]["text"].get<std::string>() ==
                                   p.notes[i].text->view(l));
                    }
                }
    // Every class, by the member and by proxy, has its own id.
    BOOST_TEST(ids.size() == 2 * detail::n_plan_classes);
    BOOST_TEST(compared == 2 * detail::n_plan_classes * 3 * 2);
}

BOOST_AUTO_TEST_CASE(a_note_the_rules_do_not_make_is_written_field_by_field) {
    // A cascade note with another kind's text is not in the table: written as it is.
    application_plan p = plan_of(detail::plan_classes.classes[0][1], mypage::yes);
    p.notes.push_back({note_kind::cascade_applied, &texts::note_proxy, {}, {}});
    for (lang l : langs) {
        const auto j = nlohmann::json::parse(written(p, l, directory::builtin()));
        const auto& last = j["notes"].back();
        BOOST_TEST(last["kind"].get<std::string>() == "cascade_applied");
        BOOST_TEST(last["text"].get<std::string>() == texts::note_proxy.view(l));
    }
}
