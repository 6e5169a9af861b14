// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Fuzz target: mg_plan_json — any bytes in, exactly one response of the contract's two shapes
// out (contract.md), with the status that matches it; the same bytes always get the same
// response; and a refusal's `suggestion`, sent back as the request, gives a plan. And the
// scanning reader (capi/json_read_scan.cpp) never reads what the DOM reader refuses, nor reads
// a value differently.
#include "fuzz_check.hpp"

#include "../support/parsed_text.hpp"
#include "json_read_fast.hpp"

#include <mamisguide.h>

#include <cstring>

namespace {

const mg_engine* engine() {
    static mg_engine* e = [] {
        mg_engine* x = nullptr;
        if (mg_engine_new(&x) != MG_OK) mgfuzz::fail("mg_engine_new", mg_last_error());
        if (mg_engine_load_directory(x, MG_SAMPLE_MASTER) != MG_OK)
            mgfuzz::fail("mg_engine_load_directory", mg_last_error());
        if (mg_engine_load_categories(x, MG_SAMPLE_CATEGORIES) != MG_OK)
            mgfuzz::fail("mg_engine_load_categories", mg_last_error());
        return x;
    }();
    return e;
}

/// One call; the response as a string (it must never be NULL here).
std::pair<int, std::string> call(const char* data, std::size_t size) {
    char* out = nullptr;
    const int status = mg_plan_json(engine(), data, size, &out);
    MGF_CHECK(out != nullptr,
              "NULL response, status " + std::to_string(status) + ": " + mg_last_error());
    std::string text(out);
    mg_free(out);
    MGF_CHECK(status >= 0 && status <= 14, "status " + std::to_string(status) + ": " + text);
    return {status, text};
}

namespace rd = mamisguide::json::reading;

/// What the scanner accepts, the DOM reader accepts too, and reads the same.
void scanner_agrees(const char* req, std::size_t size) {
    rd::parsed fast;
    if (!rd::scan_read(req, size, fast)) return;
    rd::parsed full;
    rd::bad why{};
    const rd::bad* refused = rd::read_dom(std::string_view(req, size), full, why, false);
    MGF_CHECK(refused == nullptr, "the scanner read a request that the DOM reader refuses: " +
                                      std::string(refused ? refused->message->en : ""));
    MGF_CHECK(mgtest::parsed_text(fast) == mgtest::parsed_text(full),
              "the scanner read\n" + mgtest::parsed_text(fast) + "\nthe DOM reader\n" +
                  mgtest::parsed_text(full));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* req = reinterpret_cast<const char*>(data);
    scanner_agrees(req, size);
    const auto [status, text] = call(req, size);
    const mgfuzz::json r = mgfuzz::check_response(text, status);

    // Deterministic, whatever the previous inputs left in the thread's reader.
    MGF_CHECK(call(req, size).second == text, text);

    if (status == 0) {
        // Every association ticked is one the engine knows, at the level the plan says.
        for (const auto& c : mgfuzz::get(r, "checked")) {
            mg_association_info info = MG_ASSOCIATION_INFO_INIT;
            const std::string code = c["code"].get<std::string>();
            MGF_CHECK(mg_association_find(engine(), code.c_str(), MG_LANG_JA, &info) == MG_OK,
                      text);
            const std::string lvl = c["level"].get<std::string>();
            const unsigned bit = lvl == "municipal"     ? MG_LEVEL_MUNICIPAL
                                 : lvl == "prefectural" ? MG_LEVEL_PREFECTURAL
                                                        : MG_LEVEL_NATIONAL;
            MGF_CHECK(info.level == bit, text);
        }
        return 0;
    }

    // A suggestion is "a request object that would succeed": send it with the same member and
    // language. (Only when an independent parser reads the request the same way.)
    const mgfuzz::json& e = mgfuzz::get(r, "error");
    if (!e.contains("suggestion")) return 0;
    const mgfuzz::json in = mgfuzz::json::parse(req, req + size, nullptr, false);
    if (in.is_discarded() || !in.is_object()) return 0;
    mgfuzz::json again = mgfuzz::json::object();
    if (in.contains("member")) again["member"] = in["member"];
    if (in.contains("lang")) again["lang"] = in["lang"];
    again["request"] = e["suggestion"];
    const std::string second = again.dump();
    const auto [st2, text2] = call(second.data(), second.size());
    mgfuzz::check_response(text2, st2);
    MGF_CHECK(st2 == 0,
              "the suggestion of\n" + text + "\nsent back as\n" + second + "\ngives\n" + text2);
    return 0;
}
