// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the municipal-master loader, from a buffer (json::load_master_any — CSV, or JSON
// when the bytes start with '[' or '{' — and, for the same bytes,
// mg_engine_load_directory_buffer). A refusal loads nothing — the engine and the base
// directory are unchanged — and names a line of the input; a success adds exactly the rows'
// associations, each findable, one level below its prefecture, and plannable through JSON
// (which checks the writer escapes whatever a code or name holds). Where glibc is the C
// library, the bytes are also decoded as CP932 by the library (detail/cp932.hpp) and by glibc's
// iconv, whole and from their second byte on: the same UTF-8 and the same refusal, at the same
// byte (issue 32; tests/test_cp932.cpp does every one- and two-byte input).
#include "fuzz_check.hpp"

#include "json.hpp"

#include <mamisguide.h>
#include <mamisguide/detail/cp932.hpp>

#if defined(__GLIBC__)
#include "../support/iconv_cp932.hpp"
#define MG_FUZZ_ICONV 1
#endif

namespace {

using namespace mamisguide;

/// The base the master is loaded onto: the built-in directory plus one municipal association,
/// so that "loaded before" duplicates are reachable.
const directory& base() {
    static const directory d = [] {
        const char csv[] = "code,name,prefecture\n13-chiyoda,千代田区医師会,13\n";
        auto r = load_master(directory::builtin(), csv);
        if (!r) mgfuzz::fail("base master", r.error().message(lang::en));
        return *r;
    }();
    return d;
}

/// The engine the same bytes are loaded into through the C ABI (recreated after a success).
mg_engine*& engine_slot() {
    static mg_engine* e = nullptr;
    return e;
}

mg_engine* engine() {
    mg_engine*& e = engine_slot();
    if (!e) {
        const char csv[] = "code,name,prefecture\n13-chiyoda,千代田区医師会,13\n";
        if (mg_engine_new(&e) != MG_OK ||
            mg_engine_load_directory_buffer(e, csv, sizeof csv - 1) != MG_OK)
            mgfuzz::fail("engine", mg_last_error());
    }
    return e;
}

std::string engine_codes() {
    std::string all;
    std::size_t n = 0;
    mg_association_count(engine(), &n);
    for (std::size_t i = 0; i < n; ++i) {
        mg_association_info info = MG_ASSOCIATION_INFO_INIT;
        if (mg_association_at(engine(), i, MG_LANG_JA, &info) != MG_OK)
            mgfuzz::fail("at", mg_last_error());
        all += info.code;
        all += '\n';
    }
    return all;
}

/// The library's CP932 decoder gives what glibc's iconv gives for `in` (a no-op without glibc).
void check_cp932(std::string_view in) {
#ifdef MG_FUZZ_ICONV
    if (!mgtest::have_iconv_cp932()) return;
    const mgtest::iconv_result want = mgtest::iconv_cp932(in);
    std::string got;
    const detail::conversion c = detail::cp932_to_utf8(in, got);
    MGF_CHECK(got == want.out && c.bad == want.bad && c.cut_off == (want.error == EINVAL),
              "CP932: the library and glibc differ (glibc stops at " + std::to_string(want.bad) +
                  " errno " + std::to_string(want.error) + ", the library at " +
                  std::to_string(c.bad) + ")");
#else
    (void)in;
#endif
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view csv(reinterpret_cast<const char*>(data), size);
    check_cp932(csv);
    if (!csv.empty()) check_cp932(csv.substr(1));
    const directory& b = base();
    const auto before = b.data();
    const std::size_t n0 = b.size();

    auto r = json::load_master_any(b, csv, "fuzz.csv");
    MGF_CHECK(b.data() == before && b.size() == n0, "the base directory changed");

    // The C ABI: same verdict; on a refusal the engine is unchanged and mg_last_error() names
    // the line; on a success the engine is restored for the next input.
    static const std::string codes0 = engine_codes();
    const int st =
        mg_engine_load_directory_buffer(engine(), reinterpret_cast<const char*>(data), size);
    if (!r) {
        mgfuzz::check_c_load_refusal(r.error(), csv, st);
        MGF_CHECK(engine_codes() == codes0, "the engine changed after a refused load");
        return 0;
    }
    MGF_CHECK(st == MG_OK, mg_last_error());
    MGF_CHECK(mgfuzz::valid_utf8(mg_last_error()), mg_last_error());
    mg_engine_free(engine_slot()); // the next input starts from the base again
    engine_slot() = nullptr;

    const directory& d = *r;
    MGF_CHECK(d.size() >= n0, "fewer associations after a load");
    for (association_id v = 0; v < n0; ++v)
        MGF_CHECK(d[v].code == b[v].code && d[v].lvl == b[v].lvl,
                  "an existing association changed");
    for (association_id v = n0; v < d.size(); ++v) {
        const association& a = d[v];
        MGF_CHECK(a.lvl == level::municipal, a.code);
        MGF_CHECK(!a.code.empty() && a.code.size() <= max_code_bytes && !a.name.empty(), a.code);
        MGF_CHECK(d.find(a.code) == v, "not findable: " + a.code);
        const auto p = d.parent(v);
        MGF_CHECK(p && d[*p].lvl == level::prefectural, a.code);
        const auto& siblings = d.municipal_of(*p);
        MGF_CHECK(std::find(siblings.begin(), siblings.end(), v) != siblings.end(), a.code);
    }

    // Loading the same master again adds nothing: every row is now a duplicate.
    auto again = json::load_master_any(d, csv, "fuzz.csv");
    if (d.size() == n0) {
        MGF_CHECK(again.has_value(), again.error().message(lang::en));
    } else {
        MGF_CHECK(!again && again.error().kind == load_error_kind::duplicate_code,
                  again ? std::string("loaded twice") : again.error().message(lang::en));
        mgfuzz::check_load_error(again.error(), csv, "fuzz.csv");
    }

    // The first new association can be joined, and the plan names it exactly.
    if (d.size() > n0) {
        const association& a = d[n0];
        mgfuzz::json req = {{"request",
                             {{"operation", "join"},
                              {"municipal", a.code},
                              {"levels", {"municipal"}},
                              {"categories", {{"municipal", "A"}}}}}};
        const std::string text = req.dump();
        std::string out;
        const int status = json::respond(d, text, out);
        const mgfuzz::json p = mgfuzz::check_response(out, status);
        MGF_CHECK(status == 0, text + "\n" + out);
        MGF_CHECK(p["checked"][0]["code"] == a.code && p["checked"][0]["name"] == a.name, out);
    }
    return 0;
}
