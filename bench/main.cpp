// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide_bench — Google Benchmark's main, plus:
//   mamisguide_bench --write-workload DIR   writes DIR/master.csv and DIR/requests.jsonl (the
//                                           generated JMA-sized workload) for an end-to-end
//                                           run of `mamisguide batch`, and exits.
#include "fixtures.hpp"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>

namespace mg_bench {
void check_floor();
}

namespace {

bool write_file(const std::string& path, const std::string& data) {
    std::ofstream f(path, std::ios::binary);
    f.write(data.data(), static_cast<std::streamsize>(data.size()));
    return static_cast<bool>(f);
}

std::string workload_summary() {
    const auto& w = mg_bench::jma_workload();
    std::string s = std::to_string(w.lines.size()) + " lines (" + std::to_string(w.bad_lines) +
                    " bad) over " + std::to_string(w.codes.size()) + " associations; categories";
    for (std::size_t i = 0; i < 5; ++i)
        s += std::string(" ") + mg_bench::jma_codes[i] + "=" + std::to_string(w.category_count[i]);
    s += "; operations";
    for (std::size_t i = 0; i < 6; ++i)
        s += std::string(" ") +
             std::string(mamisguide::to_string(static_cast<mamisguide::operation>(i))) + "=" +
             std::to_string(w.operation_count[i]);
    return s;
}

} // namespace

int main(int argc, char** argv) try {
    if (argc == 3 && std::strcmp(argv[1], "--write-workload") == 0) {
        const std::string dir = argv[2];
        const auto& w = mg_bench::jma_workload();
        if (!write_file(dir + "/master.csv", w.master_csv) ||
            !write_file(dir + "/requests.jsonl", w.jsonl())) {
            std::fprintf(stderr, "mamisguide_bench: cannot write to %s\n", dir.c_str());
            return 2;
        }
        std::printf("%s\n", workload_summary().c_str());
        return 0;
    }
    mg_bench::check_floor();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::AddCustomContext("workload", workload_summary());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "mamisguide_bench: %s\n", e.what());
    return 1;
}
