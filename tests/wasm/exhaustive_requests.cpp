// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The exhaustive states × requests of test_exhaustive (support/exhaustive_cases.hpp) as requests
// of the JSON contract, one per line, for the WebAssembly package's comparison with the native
// library:
//
//   exhaustive_requests --files DIR   writes DIR/master.csv and DIR/categories.csv (the
//                                     cases' directory)
//   exhaustive_requests DIR           the same, then every request on standard output
//   exhaustive_requests --part K/N DIR   the same, then only the K-th of N consecutive parts
//                                     (1-based), so that N processes can share the cases
//   exhaustive_requests --part K/N --also-fd FD DIR
//                                     the same, the requests written to descriptor FD too (the
//                                     test's native side reads them there: one enumeration
//                                     feeds both sides)
//   exhaustive_requests --count       prints how many requests there are
//
// Each request says what the C++ case says: a string left empty is a field left out, levels
// and categories as given, the reason, cascade and proxy always written.
#include "exhaustive_cases.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

using namespace mg_exhaustive;

void levels(std::string& out, level_set s) {
    out += '[';
    bool first = true;
    for (level l : s) {
        if (!first) out += ',';
        first = false;
        out += '"';
        out += to_string(l);
        out += '"';
    }
    out += ']';
}

void categories(std::string& out, const per_level<std::string_view>& c) {
    out += '{';
    bool first = true;
    for (level l : all_levels) {
        if (c[l].empty()) continue;
        if (!first) out += ',';
        first = false;
        out += '"';
        out += to_string(l);
        out += "\":\"";
        out += c[l]; // codes of the enumeration: nothing to escape
        out += '"';
    }
    out += '}';
}

void string_field(std::string& out, const char* name, std::string_view v) {
    if (v.empty()) return;
    out += ",\"";
    out += name;
    out += "\":\"";
    out += v;
    out += '"';
}

void request_json(std::string& out, const member_state& s, const request& r) {
    out += "{\"member\":{\"mypage\":\"";
    out += to_string(s.page);
    out += "\",\"levels\":";
    levels(out, s.levels);
    string_field(out, "municipal", s.municipal);
    string_field(out, "prefectural", s.prefectural);
    out += ",\"categories\":";
    categories(out, s.categories);
    out += "},\"request\":{\"operation\":\"";
    out += to_string(r.op);
    out += "\",\"levels\":";
    levels(out, r.levels);
    string_field(out, "municipal", r.municipal);
    out += ",\"categories\":";
    categories(out, r.categories);
    string_field(out, "reason", r.reason);
    out += r.cascade ? ",\"cascade\":true" : ",\"cascade\":false";
    out += r.proxy ? ",\"proxy\":true}}\n" : ",\"proxy\":false}}\n";
}

bool write_out(const std::string& out, std::FILE* f) {
    return std::fwrite(out.data(), 1, out.size(), f) == out.size();
}

bool write_file(const std::string& path, const char* text) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    const bool ok = std::fputs(text, f) >= 0;
    return std::fclose(f) == 0 && ok;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--count") == 0) {
        std::printf("%zu\n", case_count);
        return 0;
    }
    const bool files_only = argc == 3 && std::strcmp(argv[1], "--files") == 0;
    unsigned part = 1, parts = 1;
    const bool partial = (argc == 4 || argc == 6) && std::strcmp(argv[1], "--part") == 0 &&
                         std::sscanf(argv[2], "%u/%u", &part, &parts) == 2 && part >= 1 &&
                         part <= parts;
    std::FILE* also = nullptr; // --also-fd
    if (partial && argc == 6) {
        char* end = nullptr;
        const long fd = std::strtol(argv[4], &end, 10);
        if (std::strcmp(argv[3], "--also-fd") == 0 && *end == '\0' && fd > 2 && fd < 1024)
            also = fdopen(static_cast<int>(fd), "wb");
    }
    if ((argc != 2 && !files_only && !partial) || (partial && argc == 6 && !also)) {
        std::fprintf(
            stderr,
            "usage: exhaustive_requests [--files | --part K/N [--also-fd FD]] DIR | --count\n");
        return 2;
    }
    const std::string dir = argv[argc - 1];
    if (!write_file(dir + "/master.csv", master_csv) ||
        !write_file(dir + "/categories.csv", categories_csv)) {
        std::perror(dir.c_str());
        return 2;
    }
    if (files_only) return 0;
    // This part's cases: [first, last) of the enumeration.
    const std::size_t first = case_count * (part - 1) / parts, last = case_count * part / parts;
    std::string out;
    out.reserve(1 << 20);
    std::size_t n = 0;
    bool ok = true;
    for_each_case([&](const member_state& s, const request& r) {
        const std::size_t i = n++;
        if (i < first || i >= last) return;
        request_json(out, s, r);
        if (out.size() >= (1 << 20) - 1024) {
            ok = ok && write_out(out, stdout) && (!also || write_out(out, also));
            out.clear();
        }
    });
    ok = ok && write_out(out, stdout) && (!also || write_out(out, also));
    if (n != case_count) return 1;
    return ok && std::fflush(stdout) == 0 && (!also || std::fclose(also) == 0) ? 0 : 2;
}
