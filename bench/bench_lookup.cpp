// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide benchmarks — the lookups by text: a refusal for a mistyped association code (its
// `candidates`, association_candidates()) against a plan in the same run, and the directory
// search behind `mamisguide directory` and /v1/directory?q=.
#include "alloc_counter.hpp" // tests/support
#include "fixtures.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace mg_bench {
using namespace mg_alloc;
namespace {

using namespace mamisguide;

/// Codes as people mistype them against the workload's master (NN-KKKK), and names typed where
/// a code belongs: no-hit codes, one wrong digit, a letter for a digit, a missing dash, a
/// Japanese name part, an English one.
const std::vector<std::string>& mistyped() {
    static const std::vector<std::string> v = {
        "99-9999", "13-0O12",  "13-00012", "130012",   "14-001",  "東京都第1", "大学",
        "Tokyo",   "hokkaido", "27-9",     "01-0003x", "ｘｘ-１", "第3地区",   "zz-zzzz"};
    return v;
}

/// The same workload lines, each with its request's municipal code replaced by a mistyped one
/// (lines without one are left out): every one is an unknown_association refusal with its
/// candidates.
const std::vector<std::string>& mistyped_lines() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> out;
        std::size_t k = 0;
        for (std::string_view line : json_sample()) {
            const auto req = line.find("\"request\":");
            if (req == std::string_view::npos) continue;
            const auto at = line.find("\"municipal\":\"", req);
            if (at == std::string_view::npos) continue;
            const auto end = line.find('"', at + 13);
            std::string s(line.substr(0, at + 13));
            s += mistyped()[k++ % mistyped().size()];
            s += line.substr(end);
            out.push_back(std::move(s));
        }
        return out;
    }();
    return v;
}

/// association_candidates() alone, for the mistyped codes in turn.
void BM_association_candidates(benchmark::State& state) {
    const directory& dir = jma_directory();
    const std::vector<std::string>& in = mistyped();
    std::size_t i = 0;
    const std::size_t before = allocations();
    for (auto _ : state) {
        auto r = association_candidates(dir, in[i++ % in.size()]);
        benchmark::DoNotOptimize(r);
    }
    state.counters["allocs_per_iter"] = benchmark::Counter(
        static_cast<double>(allocations() - before) / static_cast<double>(state.iterations()));
    state.SetItemsProcessed(state.iterations());
}

/// mg_plan_json for a mistyped municipal code (the refusal with its candidates) against
/// mg_plan_json over the workload's own lines, in one run: the best of the rounds of each.
void BM_refusal_vs_plan(benchmark::State& state) {
    const mg_engine* e = jma_engine();
    const std::vector<std::string_view>& good = json_sample();
    const std::vector<std::string>& bad = mistyped_lines();
    using clock = std::chrono::steady_clock;
    double best_good = 1e300, best_bad = 1e300;
    for (auto _ : state) {
        auto t0 = clock::now();
        for (std::string_view x : good) {
            char* r = nullptr;
            int rc = mg_plan_json(e, x.data(), x.size(), &r);
            benchmark::DoNotOptimize(rc);
            benchmark::DoNotOptimize(r);
            mg_free(r);
        }
        auto t1 = clock::now();
        for (const std::string& x : bad) {
            char* r = nullptr;
            int rc = mg_plan_json(e, x.data(), x.size(), &r);
            benchmark::DoNotOptimize(rc);
            benchmark::DoNotOptimize(r);
            mg_free(r);
        }
        auto t2 = clock::now();
        best_good = std::min(best_good, std::chrono::duration<double, std::nano>(t1 - t0).count());
        best_bad = std::min(best_bad, std::chrono::duration<double, std::nano>(t2 - t1).count());
    }
    const double plan_ns = best_good / static_cast<double>(good.size());
    const double refusal_ns = best_bad / static_cast<double>(bad.size());
    state.counters["plan_ns"] = plan_ns;
    state.counters["refusal_ns"] = refusal_ns;
    state.counters["ratio"] = refusal_ns / plan_ns;
}

/// The directory search (`mamisguide directory --query`, /v1/directory?q=) for texts that hit
/// many, few and no associations.
void BM_directory_search(benchmark::State& state) {
    const directory& dir = jma_directory();
    static const std::vector<directory_query> queries = [] {
        std::vector<directory_query> q;
        for (const char* t : {"東京", "tokyo", "13-", "University 1", "zzz", "第12大学",
                              "ＯＳＡＫＡ", "医師会", "Medical"}) {
            directory_query x;
            x.text = t;
            q.push_back(x);
        }
        directory_query p;
        p.text = "大学";
        p.prefecture = 13;
        q.push_back(p);
        return q;
    }();
    std::size_t i = 0;
    for (auto _ : state) {
        auto r = search(dir, queries[i++ % queries.size()]);
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(BM_association_candidates);
BENCHMARK(BM_refusal_vs_plan)->Iterations(20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_directory_search);

} // namespace mg_bench
