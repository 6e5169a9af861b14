// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the category-catalogue loader, from a buffer (load_categories and, for the same
// bytes, mg_engine_load_categories_buffer). A refusal loads nothing — the engine and the base
// directory are unchanged — and names a line of the input; a success adds catalogues only to
// associations that had none, and loading the same bytes again is refused; a loaded category
// appears, code and label exactly, in a plan's JSON.
#include "fuzz_check.hpp"

#include "json.hpp"

#include <mamisguide.h>

namespace {

using namespace mamisguide;

/// A catalogue already loaded, so that catalogue_exists is reachable.
constexpr std::string_view base_catalogue = "association,code,label\n13-shinjuku,A,A会員\n";

/// The base: the built-in directory, the sample master (municipal associations to name) and
/// one catalogue.
const directory& base() {
    static const directory d = [] {
        auto r = load_master_file(directory::builtin(), MG_SAMPLE_MASTER);
        if (!r) mgfuzz::fail("base master", r.error().message(lang::en));
        auto c = load_categories(*r, base_catalogue);
        if (!c) mgfuzz::fail("base catalogue", c.error().message(lang::en));
        return *c;
    }();
    return d;
}

mg_engine*& engine_slot() {
    static mg_engine* e = nullptr;
    return e;
}

mg_engine* engine() {
    mg_engine*& e = engine_slot();
    if (!e &&
        (mg_engine_new(&e) != MG_OK || mg_engine_load_directory(e, MG_SAMPLE_MASTER) != MG_OK ||
         mg_engine_load_categories_buffer(e, base_catalogue.data(), base_catalogue.size()) !=
             MG_OK))
        mgfuzz::fail("engine", mg_last_error());
    return e;
}

/// A digest of what the engine's catalogues say: a change_category plan for a member of
/// 13-chiyoda (a municipal association of the sample master) per probe code.
std::string engine_probe() {
    std::string all;
    for (const char* code : {"A", "B", "C", "A1"}) {
        const std::string req =
            std::string(
                "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\","
                "\"prefectural\"],\"categories\":{\"municipal\":\"Z\",\"prefectural\":\"Z\"}},"
                "\"request\":{\"operation\":\"change_category\",\"categories\":"
                "{\"municipal\":\"") +
            code + "\",\"prefectural\":\"" + code + "\"}}}";
        char* out = nullptr;
        mg_plan_json(engine(), req.data(), req.size(), &out);
        all += out ? out : "(null)";
        mg_free(out);
    }
    return all;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view csv(reinterpret_cast<const char*>(data), size);
    const directory& b = base();
    const auto before = b.data();
    const std::size_t n0 = b.size();

    auto r = load_categories(b, csv, "fuzz.csv");
    MGF_CHECK(b.data() == before && b.size() == n0, "the base directory changed");

    static const std::string probe0 = engine_probe();
    const int st =
        mg_engine_load_categories_buffer(engine(), reinterpret_cast<const char*>(data), size);
    if (!r) {
        mgfuzz::check_c_load_refusal(r.error(), csv, st);
        MGF_CHECK(engine_probe() == probe0, "the engine changed after a refused load");
        return 0;
    }
    MGF_CHECK(st == MG_OK, mg_last_error());
    mg_engine_free(engine_slot()); // the next input starts from the base again
    engine_slot() = nullptr;

    const directory& d = *r;
    MGF_CHECK(d.size() == n0, "a catalogue load changed the associations");
    association_id first = 0;
    bool any = false;
    for (association_id v = 0; v < n0; ++v) {
        MGF_CHECK(d[v].code == b[v].code, "an association changed");
        const catalogue* c = d.catalogue_of(v);
        if (!c || c == b.catalogue_of(v)) continue;
        MGF_CHECK(b.catalogue_of(v) == nullptr, "a catalogue was replaced: " + d[v].code);
        MGF_CHECK(d[v].lvl != level::national, "JMA's catalogue was replaced");
        MGF_CHECK(!c->entries.empty(), "an empty catalogue: " + d[v].code);
        for (const category& k : c->entries) {
            MGF_CHECK(!k.code.empty() && k.code.size() <= max_code_bytes && !k.label.empty(),
                      k.code);
            MGF_CHECK(c->find(k.code) == &k, "not findable (or twice): " + k.code);
        }
        if (!any || (d[first].lvl != level::municipal && d[v].lvl == level::municipal)) first = v;
        any = true;
    }

    // Loading the same catalogues again is refused (each association has one now).
    auto again = load_categories(d, csv, "fuzz.csv");
    if (!any) {
        MGF_CHECK(again.has_value(), again.error().message(lang::en));
        return 0;
    }
    MGF_CHECK(!again && again.error().kind == load_error_kind::catalogue_exists,
              again ? std::string("loaded twice") : again.error().message(lang::en));
    mgfuzz::check_load_error(again.error(), csv, "fuzz.csv");

    // Joining a municipal association with a loaded catalogue shows its first category.
    if (d[first].lvl == level::municipal) {
        const category& k = d.catalogue_of(first)->entries.front();
        const mgfuzz::json req = {{"request",
                                   {{"operation", "join"},
                                    {"municipal", d[first].code},
                                    {"levels", {"municipal"}},
                                    {"categories", {{"municipal", k.code}}}}}};
        const std::string text = req.dump();
        std::string out;
        const int status = json::respond(d, text, out);
        const mgfuzz::json p = mgfuzz::check_response(out, status);
        MGF_CHECK(status == 0, text + "\n" + out);
        MGF_CHECK(p["categories"]["municipal"] == k.code, out);
        MGF_CHECK(p["category_labels"]["municipal"] == k.label, out);
    }
    return 0;
}
