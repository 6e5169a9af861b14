// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
#include <mamisguide/mamisguide.hpp>

#include <cstdio>

int main(int argc, char** argv) {
    using namespace mamisguide;
    auto dir = argc > 1 ? load_master_file(directory::builtin(), argv[1])
                        : tl::expected<directory, load_error>(directory::builtin());
    if (!dir) return std::puts(dir.error().message(lang::en).c_str()), 1;
    member_state m;
    m.municipal = "13-chiyoda";
    m.levels = level_set::chain(3);
    const auto p = plan(*dir, m, requests::withdraw({level::national}));
    if (!p || p->rule != "withdraw.top_of_chain") return 1;
    std::printf("%s %s\n", p->steps[1]->ja, MAMISGUIDE_VERSION_STRING);
    return 0;
}
