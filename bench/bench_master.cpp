// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide benchmarks — loading a 1,000-row municipal master from a buffer, and the heap the
// engine holds with it.
#include "alloc_counter.hpp" // tests/support
#include "fixtures.hpp"

#include <benchmark/benchmark.h>

namespace mg_bench {
using namespace mg_alloc;
namespace {

using namespace mamisguide;

const std::string& master_1000() {
    static const std::string csv = make_master(1000, 1000);
    return csv;
}

void BM_load_master_1000(benchmark::State& state) {
    const directory base = directory::builtin();
    const std::string& csv = master_1000();
    std::size_t allocs = 0;
    for (auto _ : state) {
        const std::size_t before = allocations();
        auto d = load_master(base, csv);
        if (!d) {
            state.SkipWithError(d.error().message(lang::en).c_str());
            break;
        }
        benchmark::DoNotOptimize(d);
        allocs = allocations() - before; // (freeing the directory is timed too)
    }
    state.SetItemsProcessed(state.iterations() * 1000);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(csv.size()));
    state.counters["allocs_per_load"] = static_cast<double>(allocs);
}

/// Heap held by an engine (mg_engine_new + mg_engine_load_directory_buffer) with the 1,000-row
/// master, and by the C++ directory alone. The built-in directory, shared by every engine, is
/// made before measuring and not counted.
void BM_engine_memory(benchmark::State& state) {
    const std::string& csv = master_1000();
    {
        mg_engine* warm = nullptr;
        mg_engine_new(&warm);
        mg_engine_free(warm);
    }
    std::size_t engine_bytes = 0, engine_blocks = 0, dir_bytes = 0;
    for (auto _ : state) {
        const std::size_t b0 = live_bytes(), k0 = live_blocks();
        mg_engine* e = nullptr;
        if (mg_engine_new(&e) != MG_OK ||
            mg_engine_load_directory_buffer(e, csv.data(), csv.size()) != MG_OK) {
            state.SkipWithError(mg_last_error());
            mg_engine_free(e);
            break;
        }
        engine_bytes = live_bytes() - b0;
        engine_blocks = live_blocks() - k0;
        benchmark::DoNotOptimize(e);
        mg_engine_free(e);

        const std::size_t d0 = live_bytes();
        {
            auto d = load_master(directory::builtin(), csv);
            benchmark::DoNotOptimize(d);
            dir_bytes = live_bytes() - d0;
        }
    }
    state.counters["engine_bytes"] = static_cast<double>(engine_bytes);
    state.counters["engine_blocks"] = static_cast<double>(engine_blocks);
    state.counters["directory_bytes"] = static_cast<double>(dir_bytes);
}

} // namespace

BENCHMARK(BM_load_master_1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_engine_memory)->Unit(benchmark::kMicrosecond)->Iterations(20);

} // namespace mg_bench
