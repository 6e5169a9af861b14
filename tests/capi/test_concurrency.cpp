// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// One engine, many threads: 8 threads × 100,000 mixed requests (JSON and typed) give exactly the
// answers of one thread. MG_CONCURRENCY_REQUESTS overrides the count (sanitizer builds).
#define BOOST_TEST_MODULE concurrency
#include <boost/test/unit_test.hpp>

#include <mamisguide.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

std::vector<std::string> make_requests() {
    const char* ops[] = {"join",     "additional_join", "change_category", "change_facility",
                         "transfer", "withdraw"};
    const char* levels[] = {"[]",
                            "[\"municipal\"]",
                            "[\"prefectural\"]",
                            "[\"national\"]",
                            "[\"municipal\",\"prefectural\"]",
                            "[\"prefectural\",\"national\"]",
                            "[\"municipal\",\"prefectural\",\"national\"]"};
    const char* held[] = {"[]", "[\"municipal\"]", "[\"municipal\",\"prefectural\"]",
                          "[\"municipal\",\"prefectural\",\"national\"]", "[\"national\"]"};
    const char* places[] = {"13-chiyoda", "13-shinjuku", "14-yokohama", "13", "nowhere"};
    const char* cats[] = {"{}",
                          "{\"municipal\":\"A\"}",
                          "{\"municipal\":\"A\",\"prefectural\":\"B\"}",
                          "{\"national\":\"A1\"}",
                          "{\"prefectural\":\"B\",\"national\":\"C\"}",
                          "{\"national\":\"ZZ\"}"};
    std::vector<std::string> out;
    unsigned n = 0;
    for (const char* op : ops)
        for (const char* lv : levels)
            for (const char* h : held)
                for (const char* place : places)
                    for (const char* c : cats) {
                        ++n;
                        std::string m = std::string("{\"mypage\":\"") +
                                        (n % 3 == 0 ? "unknown" : "yes") + "\",\"levels\":" + h;
                        if (std::strcmp(h, "[]") != 0) m += ",\"municipal\":\"13-chiyoda\"";
                        m += ",\"categories\":{}}";
                        out.push_back("{\"member\":" + m + ",\"request\":{\"operation\":\"" + op +
                                      "\",\"levels\":" + lv + ",\"municipal\":\"" + place +
                                      "\",\"categories\":" + c +
                                      ",\"cascade\":" + (n % 2 ? "true" : "false") +
                                      ",\"proxy\":" + (n % 5 == 0 ? "true" : "false") +
                                      "},\"lang\":\"" + (n % 4 == 0 ? "en" : "ja") + "\"}");
                    }
    out.push_back("{not json");
    out.push_back("");
    return out;
}

std::string answer(const mg_engine* e, const std::string& req) {
    char* out = nullptr;
    const int st = mg_plan_json(e, req.data(), req.size(), &out);
    std::string s = std::to_string(st) + ":" + (out ? out : "(null)");
    mg_free(out);
    return s;
}

/// A typed request derived from the index, answered through mg_plan; a digest of the result.
std::string typed(const mg_engine* e, std::size_t i) {
    mg_member m = MG_MEMBER_INIT;
    const unsigned held[] = {0, 1, 3, 7, 4};
    m.levels = held[i % 5];
    m.municipal = m.levels ? "13-shinjuku" : nullptr;
    mg_request q = MG_REQUEST_INIT;
    q.operation = static_cast<int>(i % 6);
    q.levels = static_cast<unsigned>((i / 6) % 8);
    q.municipal = (i % 7 == 0) ? "14-yokohama" : "13-chiyoda";
    q.categories[0] = "A";
    q.categories[1] = (i % 3) ? "B" : nullptr;
    q.categories[2] = "A1";
    q.cascade = static_cast<int>((i / 48) % 2);
    mg_result r = MG_RESULT_INIT;
    const int st = mg_plan(e, &m, &q, static_cast<int>(i % 2), &r);
    std::string s = std::to_string(st);
    if (st == MG_OK) {
        s += r.plan.rule;
        for (std::size_t k = 0; k < r.plan.n_steps; ++k) s += r.plan.steps[k];
        for (std::size_t k = 0; k < r.plan.n_checked; ++k) s += r.plan.checked[k].code;
    } else if (st > 0) {
        s += r.refusal.message;
        if (r.refusal.has_suggestion) s += std::to_string(r.refusal.suggestion.levels);
    }
    return s;
}

} // namespace

BOOST_AUTO_TEST_CASE(eight_threads_same_answers) {
    mg_engine* e = nullptr;
    BOOST_REQUIRE_EQUAL(mg_engine_new(&e), MG_OK);
    BOOST_REQUIRE_EQUAL(mg_engine_load_directory(e, MG_SAMPLE_MASTER), MG_OK);
    const char cats[] = "association,code,label\n13-shinjuku,A,A会員\n";
    BOOST_REQUIRE_EQUAL(mg_engine_load_categories_buffer(e, cats, sizeof cats - 1), MG_OK);

    const std::vector<std::string> requests = make_requests();
    std::vector<std::string> expected_json, expected_typed;
    for (const auto& r : requests) expected_json.push_back(answer(e, r));
    const std::size_t typed_kinds = 5 * 6 * 8 * 2 * 7;
    for (std::size_t i = 0; i < typed_kinds; ++i) expected_typed.push_back(typed(e, i));

    std::size_t per_thread = 100000;
    if (const char* env = std::getenv("MG_CONCURRENCY_REQUESTS"))
        per_thread = std::strtoul(env, nullptr, 10);
    std::atomic<std::size_t> mismatches{0}, done{0};
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            std::size_t bad = 0;
            for (std::size_t i = 0; i < per_thread; ++i) {
                const std::size_t k = (i * 7919 + t * 104729);
                if (i % 2 == 0) {
                    const std::size_t j = k % requests.size();
                    if (answer(e, requests[j]) != expected_json[j]) ++bad;
                } else {
                    const std::size_t j = k % typed_kinds;
                    if (typed(e, j) != expected_typed[j]) ++bad;
                }
            }
            mismatches += bad;
            done += per_thread;
        });
    for (auto& th : threads) th.join();
    BOOST_TEST(done.load() == 8 * per_thread);
    BOOST_TEST(mismatches.load() == 0u);
    mg_engine_free(e);
}

BOOST_AUTO_TEST_CASE(last_error_is_per_thread) {
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 1000; ++i) {
                int64_t out;
                if (t % 2) {
                    mg_parse_instant("garbage", &out);
                    if (std::strstr(mg_last_error(), "invalid argument")) ++wrong;
                } else {
                    mg_parse_instant(nullptr, &out);
                    if (!std::strstr(mg_last_error(), "invalid argument")) ++wrong;
                }
            }
        });
    for (auto& th : threads) th.join();
    BOOST_TEST(wrong.load() == 0);
}
