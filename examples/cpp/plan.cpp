// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide example (C++17, header-only API): load the sample master, plan a transfer with
// plan(), print the plan; then show a refusal and its suggestion.
//
//   plan_cpp [MASTER.csv]
//
// Exits non-zero when the answers are not the expected ones.
#include <mamisguide/mamisguide.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

#ifndef MG_SAMPLE_MASTER
#define MG_SAMPLE_MASTER "data/sample-municipal.csv"
#endif

namespace mg = mamisguide;

namespace {

int failures = 0;

void expect(bool ok, const char* what) {
    if (!ok) {
        std::cerr << "expected: " << what << '\n';
        ++failures;
    }
}

std::string levels_text(mg::level_set s) {
    std::string out;
    for (mg::level l : s) {
        if (!out.empty()) out += ", ";
        out += mg::to_string(l);
    }
    return out.empty() ? "(none)" : out;
}

void print(const mg::application_plan& p, mg::lang l) {
    std::cout << "  form: " << p.form_label->get(l);
    if (p.selection_label) std::cout << " / " << p.selection_label->get(l);
    std::cout << "\n  tick:\n";
    for (const mg::checked_association& a : p.checked)
        std::cout << "    [x] " << a.name_in(l) << " (" << a.code << ", " << mg::to_string(a.lvl)
                  << ")\n";
    for (const mg::category_choice& c : p.categories)
        std::cout << "  category " << mg::to_string(c.lvl) << ": " << c.code
                  << (c.checked ? "" : " (not checked: no catalogue)") << '\n';
    std::cout << "  steps:\n";
    int n = 0;
    for (const mg::bitext* s : p.steps) std::cout << "    " << ++n << ". " << s->get(l) << '\n';
    std::cout << "  manual: " << p.manual->get(l) << '\n';
    for (const mg::note& x : p.notes)
        std::cout << "  note [" << (x.association.empty() ? std::string_view("-") : x.association)
                  << "]: " << x.text->get(l) << '\n';
    std::cout << "  after: " << p.result.municipal << " / " << levels_text(p.result.levels) << '\n'
              << "  rule: " << p.rule << '\n';
}

} // namespace

int main(int argc, char** argv) {
    const std::string master = argc > 1 ? argv[1] : MG_SAMPLE_MASTER;
    const auto dir = mg::load_master_file(mg::directory::builtin(), master);
    if (!dir) {
        std::cerr << dir.error().message(mg::lang::en) << '\n';
        return 1;
    }
    std::cout << "directory: " << dir->size() << " associations\n";

    // A member of 千代田区医師会, 東京都医師会 and JMA moves to a clinic in Kobe.
    mg::member_state member;
    member.municipal = "13-chiyoda";
    member.levels = {mg::level::municipal, mg::level::prefectural, mg::level::national};
    member.categories[mg::level::national] = "A2B";

    mg::per_level<std::string_view> categories;
    categories[mg::level::municipal] = "A";
    categories[mg::level::prefectural] = "A";
    const mg::request transfer = mg::requests::transfer("28-kobe", categories, "転居");

    std::cout << "\n[transfer 13-chiyoda -> 28-kobe]\n";
    const mg::plan_result r = mg::plan(*dir, member, transfer);
    expect(r.has_value(), "the transfer is planned");
    if (r) {
        print(*r, mg::lang::ja);
        expect(r->form == mg::form_kind::transfer, "the transfer form (異動届)");
        expect(r->checked.size() == 2, "two associations to tick");
        expect(r->checked.size() == 2 && r->checked[0].code == "28-kobe" &&
                   r->checked[1].code == "28",
               "神戸市医師会 and 兵庫県医師会 ticked");
        expect(r->result.municipal == "28-kobe" && r->result.prefectural == "28",
               "the member moves to Kobe");
        expect(r->result.levels == member.levels, "the member keeps all three levels");
    }

    // Leaving the municipal association alone is not allowed: the refusal suggests the rest.
    std::cout << "\n[withdraw municipal only]\n";
    const mg::plan_result no =
        mg::plan(*dir, member, mg::requests::withdraw({mg::level::municipal}));
    expect(!no.has_value(), "a refusal");
    if (!no) {
        const mg::refusal& why = no.error();
        std::cout << "  refused: " << mg::to_string(why.code) << ": "
                  << why.message->get(mg::lang::en) << '\n';
        expect(why.code == mg::refusal_code::illegal_levels, "illegal_levels");
        expect(why.suggestion.has_value(), "a suggestion");
        if (why.suggestion) {
            std::cout << "  suggestion: " << mg::to_string(why.suggestion->op) << " "
                      << levels_text(why.suggestion->levels) << '\n';
            expect(why.suggestion->levels == member.levels, "leave all three");
            const mg::plan_result fixed = mg::plan(*dir, member, *why.suggestion);
            expect(fixed.has_value() && fixed->checked.size() == 3, "the suggestion succeeds");
        }
    }

    if (failures) {
        std::cerr << "plan_cpp: " << failures << " check(s) failed\n";
        return EXIT_FAILURE;
    }
    std::cout << "\nplan_cpp: all checks passed\n";
    return EXIT_SUCCESS;
}
