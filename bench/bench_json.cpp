// mamisguide benchmarks — the JSON contract: mg_plan_json (parse, plan, write, copy out) and
// batch throughput, the code path of `mamisguide batch` (json::respond into one reused buffer).
#include "alloc_counter.hpp" // tests/support
#include "fixtures.hpp"

#include <json.hpp>

#include <benchmark/benchmark.h>

#include <string>

namespace mg_bench {
using namespace mg_alloc;
namespace {

using namespace mamisguide;

void BM_mg_plan_json(benchmark::State& state) {
    const mg_engine* e = jma_engine();
    const std::vector<std::string_view>& in = json_sample();
    std::size_t i = 0, bytes = 0;
    for (auto _ : state) {
        const std::string_view x = in[i++ % in.size()];
        char* response = nullptr;
        int rc = mg_plan_json(e, x.data(), x.size(), &response);
        benchmark::DoNotOptimize(rc);
        benchmark::DoNotOptimize(response);
        bytes += x.size();
        mg_free(response);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

/// json::respond alone (no malloc'd copy): one batch line's work.
void BM_respond(benchmark::State& state) {
    const directory& dir = jma_directory();
    const std::vector<std::string_view>& in = json_sample();
    std::string out;
    out.reserve(1 << 16);
    std::size_t i = 0;
    for (auto _ : state) {
        out.clear();
        int rc = json::respond(dir, in[i % in.size()], out, i + 1);
        ++i;
        benchmark::DoNotOptimize(rc);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations());
}

/// The whole JMA-sized batch, 178,593 lines, on one thread: what `mamisguide batch` does per
/// line (respond with the line number, '\n', hand the buffer off once it passes 1 MiB), minus
/// the reading and writing of files.
void BM_batch(benchmark::State& state) {
    const directory& dir = jma_directory();
    const std::vector<std::string>& lines = jma_workload().lines;
    constexpr std::size_t flush_at = std::size_t(1) << 20;
    std::string out;
    out.reserve(flush_at + (std::size_t(64) << 10));
    std::size_t plans = 0, out_bytes = 0;
    for (auto _ : state) {
        plans = 0;
        out_bytes = 0;
        std::size_t line = 0;
        for (const std::string& l : lines) {
            const int rc = json::respond(dir, l, out, ++line);
            plans += rc == 0;
            out.push_back('\n');
            if (out.size() >= flush_at) {
                out_bytes += out.size();
                benchmark::DoNotOptimize(out.data());
                out.clear();
            }
        }
        out_bytes += out.size();
        out.clear();
    }
    const double n = static_cast<double>(lines.size());
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
    state.counters["lines"] = n;
    state.counters["plans"] = static_cast<double>(plans);
    state.counters["out_MB"] = static_cast<double>(out_bytes) / 1e6;
    state.counters["lines_per_s"] =
        benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate);
}

} // namespace

BENCHMARK(BM_mg_plan_json);
BENCHMARK(BM_respond);
BENCHMARK(BM_batch)->Unit(benchmark::kMillisecond);

} // namespace mg_bench
