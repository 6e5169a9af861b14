// Placeholder main job until the command line lands: prints the association graph as DOT.
#include <mamisguide/mamisguide.hpp>

#include <iostream>

int main() {
    auto dir = mamisguide::load_master_file(mamisguide::directory::builtin(), MG_SAMPLE_MASTER);
    if (!dir) {
        std::cerr << dir.error().message() << "\n";
        return 2;
    }
    mamisguide::write_directory_dot(std::cout, *dir);
    return 0;
}
