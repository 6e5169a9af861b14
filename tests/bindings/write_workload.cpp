// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide_workload DIR: writes the benchmark's generated workload (bench/workload.hpp) as
// DIR/master.csv and DIR/requests.jsonl (178,593 lines), for the bindings' tests; the same
// bytes as `mamisguide_bench --write-workload DIR`, without Google Benchmark.
#include "workload.hpp"

#include <cstdio>
#include <fstream>
#include <string>

namespace {

bool write_file(const std::string& path, const std::string& data) {
    std::ofstream f(path, std::ios::binary);
    f.write(data.data(), static_cast<std::streamsize>(data.size()));
    return static_cast<bool>(f);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: mamisguide_workload DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    const auto& w = mg_bench::jma_workload();
    if (!write_file(dir + "/master.csv", w.master_csv) ||
        !write_file(dir + "/requests.jsonl", w.jsonl())) {
        std::fprintf(stderr, "mamisguide_workload: cannot write to %s\n", dir.c_str());
        return 2;
    }
    std::printf("%zu requests over %zu associations\n", w.lines.size(), w.codes.size());
    return 0;
}
