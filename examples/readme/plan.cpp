// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// README's C++ snippet, as README shows it; ctest builds and runs it (examples/CMakeLists.txt).
#include <mamisguide/mamisguide.hpp>

#include <iostream>

int main(int argc, char** argv) {
    using namespace mamisguide;
    const char* master = argc > 1 ? argv[1] : "data/sample-municipal.csv"; // your master
    auto dir = load_master_file(directory::builtin(), master);
    if (!dir) { // unreadable, or refused: the file, the line and the reason
        std::cerr << dir.error().message(lang::en) << '\n';
        return 2;
    }
    member_state m;
    m.municipal = "13-chiyoda";
    m.levels = level_set::chain(3); // 郡市 + 都道府県 + 日医
    auto r = plan(*dir, m, requests::withdraw({level::municipal}));
    if (!r) {
        std::cout << to_string(r.error().code) << ": " // illegal_levels
                  << r.error().message->get(lang::ja) << '\n'; // 郡市区医師会を退会する場合は…
        if (!r.error().suggestion) return 1;
        r = plan(*dir, m, *r.error().suggestion); // withdraw all three
    }
    if (!r) return 1;
    std::cout << r->form_label->get(lang::ja) << ": " << r->checked.size() << '\n'; // 退会届: 3
    return 0;
}
