// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide benchmarks — loading a 1,000-row municipal master from a buffer, and the heap the
// engine holds with it; loading a 10,000-row master as Excel on Japanese Windows saves it
// (CP932), against its UTF-8 twin, and the CP932 decoding alone (issue 32).
#include "alloc_counter.hpp" // tests/support
#include "excel_files.hpp"   // tests/support
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

/// The 10,000-row office master of tests/support/excel_files.hpp (a Japanese header, extra
/// columns, prefectures written every way, padded and full-width values, CRLF), in UTF-8 and in
/// CP932 (converted by glibc's iconv, as the tests make it).
const std::string& excel_master_utf8_10000() {
    static const std::string csv = mgtest::excel_master_utf8(10000);
    return csv;
}

const std::string& excel_master_cp932_10000() {
    static const std::string csv = mgtest::to_cp932(excel_master_utf8_10000());
    return csv;
}

/// Loads `csv` (guessing the encoding, as by default) onto the built-in directory, every round.
void load_10000(benchmark::State& state, const std::string& csv) {
    const directory base = directory::builtin();
    for (auto _ : state) {
        auto d = load_master(base, csv, "bench.csv", {text_encoding::automatic, nullptr});
        if (!d || d->size() != base.size() + 10000) {
            state.SkipWithError(d ? "not 10,000 associations"
                                  : d.error().message(lang::en).c_str());
            break;
        }
        benchmark::DoNotOptimize(d);
    }
    state.SetItemsProcessed(state.iterations() * 10000);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(csv.size()));
}

/// A 10,000-row CP932 master: decoded to UTF-8 (detail/cp932.hpp), then loaded.
void BM_load_master_cp932_10000(benchmark::State& state) {
    load_10000(state, excel_master_cp932_10000());
}

/// Its peer: the same master in UTF-8 (no decoding).
void BM_load_master_utf8_10000(benchmark::State& state) {
    load_10000(state, excel_master_utf8_10000());
}

/// The decoding alone: the 10,000-row CP932 master to UTF-8, into a buffer kept between rounds.
void BM_decode_cp932_10000(benchmark::State& state) {
    const std::string& csv = excel_master_cp932_10000();
    std::string out;
    if (!detail::cp932_to_utf8(csv, out).ok() || out != excel_master_utf8_10000()) {
        state.SkipWithError("the CP932 master does not decode to its UTF-8 twin");
        return;
    }
    for (auto _ : state) {
        out.clear();
        const auto c = detail::cp932_to_utf8(csv, out);
        benchmark::DoNotOptimize(c);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(csv.size()));
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
BENCHMARK(BM_load_master_cp932_10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_load_master_utf8_10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_decode_cp932_10000)->Unit(benchmark::kMicrosecond);

} // namespace mg_bench
