// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide benchmarks — the generated, realistic workload (see workload.hpp).
#include "workload.hpp"

#include <mamisguide/directory.hpp>

#include <cstdio>
#include <stdexcept>
#include <string_view>

namespace mg_bench {
namespace {

using mamisguide::mypage;
using mamisguide::operation;

constexpr unsigned M = 1, P = 2, N = 4, ALL = 7;

/// splitmix64: tiny, fast, and the same on every platform.
struct rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n).
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    /// True with probability per_mille / 1000.
    bool chance(unsigned per_mille) { return below(1000) < per_mille; }
};

/// Population of each prefecture (2020 census, in ten thousands), JIS order: the weights
/// that spread municipal associations (and so members) over the country.
constexpr std::array<unsigned, 47> population{
    522, 124, 121, 230, 96,  107, 183, 287, 193, 194, 734, 628, 1405, 924, 220, 103,
    113, 77,  81,  205, 198, 363, 754, 177, 141, 258, 884, 547, 132,  92,  55,  67,
    189, 280, 134, 72,  95,  133, 69,  514, 81,  131, 174, 112, 107,  159, 147};

/// "東京都医師会" → "東京都".
std::string_view pref_stem(const char* name) {
    std::string_view s(name);
    constexpr std::string_view suffix = "医師会";
    if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix)
        s.remove_suffix(suffix.size());
    return s;
}

/// "Tokyo Medical Association" → "Tokyo".
std::string_view pref_stem_en(const char* name) {
    std::string_view s(name);
    return s.substr(0, s.find(' '));
}

/// Rows per prefecture: 8 each, the rest by largest remainder on population.
std::array<std::size_t, 47> rows_per_prefecture(std::size_t rows) {
    std::array<std::size_t, 47> out{};
    const std::size_t base = rows >= 47 * 8 ? 8 : rows / 47;
    std::size_t left = rows - base * 47, total_pop = 0;
    for (unsigned p : population) total_pop += p;
    std::array<std::size_t, 47> rem{};
    std::size_t given = 0;
    for (std::size_t i = 0; i < 47; ++i) {
        out[i] = base + left * population[i] / total_pop;
        rem[i] = left * population[i] % total_pop;
        given += out[i] - base;
    }
    for (std::size_t k = given; k < left; ++k) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < 47; ++i)
            if (rem[i] > rem[best]) best = i;
        ++out[best];
        rem[best] = 0;
    }
    return out;
}

void append_levels(std::string& out, unsigned bits) {
    out += '[';
    bool first = true;
    for (unsigned i = 0; i < 3; ++i) {
        if (!(bits & (1u << i))) continue;
        if (!first) out += ',';
        first = false;
        out += '"';
        out += mamisguide::to_string(static_cast<mamisguide::level>(i));
        out += '"';
    }
    out += ']';
}

void append_categories(std::string& out, const std::array<std::string, 3>& c) {
    out += '{';
    bool first = true;
    for (unsigned i = 0; i < 3; ++i) {
        if (c[i].empty()) continue;
        if (!first) out += ',';
        first = false;
        out += '"';
        out += mamisguide::to_string(static_cast<mamisguide::level>(i));
        out += "\":\"";
        out += c[i];
        out += '"';
    }
    out += '}';
}

bool any(const std::array<std::string, 3>& c) {
    return !c[0].empty() || !c[1].empty() || !c[2].empty();
}

/// A municipal or prefectural category code of the member's own association (unchecked: no
/// catalogue is loaded for them), following the JMA category.
std::string local_category(int jma) {
    return jma == 0 ? "A" : jma == 2 || jma == 4 ? "C" : "B";
}

/// The JMA category a member moves to in a change of category.
int next_category(int jma) {
    static constexpr int to[] = {1, 0, 1, 1, 2}; // A1→A2B, A2B→A1, A2C→A2B, B→A2B, C→A2C
    return to[jma];
}

struct master_index {
    std::vector<std::string> codes;
    std::vector<unsigned> prefecture; // 1…47 per code
};

request_case make_case(rng& r, const master_index& mi, int cat) {
    request_case c;
    c.jma_category = cat;
    const std::string jma = jma_codes[static_cast<std::size_t>(cat)];
    const std::string local = local_category(cat);
    const std::size_t home = r.below(mi.codes.size());
    auto member_all = [&] {
        c.held = ALL;
        c.municipal = mi.codes[home];
        c.member_categories = {local, local, jma};
        if (r.chance(200)) {
            char p[3];
            std::snprintf(p, sizeof p, "%02u", mi.prefecture[home]);
            c.prefectural = p;
        }
    };
    // The operation mix: a year of applications across the country.
    const std::size_t roll = r.below(1000);
    if (roll < 140) { // 新規入会
        c.op = operation::join;
        c.request_municipal = mi.codes[home];
        c.levels = ALL;
        c.request_categories = {local, local, jma};
        if (r.chance(30)) member_all(); // already a member: refused, suggestion none
    } else if (roll < 220) {            // 追加入会
        c.op = operation::additional_join;
        c.municipal = mi.codes[home];
        if (r.chance(300)) {
            c.held = M;
            c.member_categories = {local, "", ""};
            c.levels = P | N;
            c.request_categories = {"", local, jma};
        } else {
            c.held = M | P;
            c.member_categories = {local, local, ""};
            c.levels = N;
            c.request_categories = {"", "", jma};
        }
    } else if (roll < 340) { // 会員区分の変更
        c.op = operation::change_category;
        member_all();
        const bool unchanged = r.chance(20);
        c.request_categories[2] =
            unchanged ? jma : jma_codes[static_cast<std::size_t>(next_category(cat))];
        c.levels = N;
        if (r.chance(150)) { // the municipal category changes too
            c.request_categories[0] = local == "A" ? "B" : "A";
            c.levels |= M;
        }
        c.levels_given = r.chance(500);
    } else if (roll < 560) { // 施設変更 (医師会異動なし)
        c.op = operation::change_facility;
        member_all();
        c.reason = r.chance(500) ? "勤務先の変更" : "診療所の移転";
    } else if (roll < 820) { // 施設変更 (医師会異動あり)
        c.op = operation::transfer;
        member_all();
        std::size_t dest = home;
        if (r.chance(15)) {
            // transfer to the current association: refused, suggests change_facility
        } else if (r.chance(550)) { // within the prefecture
            for (int tries = 0;
                 tries < 16 && (dest == home || mi.prefecture[dest] != mi.prefecture[home]);
                 ++tries)
                dest = r.below(mi.codes.size());
            if (dest == home) dest = (home + 1) % mi.codes.size();
        } else {
            while (dest == home) dest = r.below(mi.codes.size());
        }
        c.request_municipal = mi.codes[dest];
        c.request_categories[0] = local;
        if (mi.prefecture[dest] != mi.prefecture[home]) c.request_categories[1] = local;
        c.reason = "転勤";
    } else { // 退会
        c.op = operation::withdraw;
        member_all();
        const std::size_t w = r.below(1000);
        if (w < 350)
            c.levels = N; // 日医のみ
        else if (w < 550)
            c.levels = P | N; // 都道府県＋日医
        else if (w < 900)
            c.levels = ALL; // 完全退会
        else if (w < 970)
            c.levels = M, c.cascade = true; // 郡市 → everything (cascade)
        else
            c.levels = M; // illegal: refused with a suggestion
    }
    if (r.chance(150)) c.proxy = true;
    if (r.chance(100)) c.english = true;
    if (r.chance(30))
        c.page = mypage::no;
    else if (r.chance(40))
        c.page = mypage::unknown;
    return c;
}

/// Makes a line bad in one of the ways real input goes bad.
std::string corrupt(rng& r, std::string line) {
    switch (r.below(6)) {
    case 0:
        return {}; // blank line
    case 1:
        return line.substr(0, line.size() / 2); // truncated JSON
    case 2: {                                   // unknown operation
        const auto at = line.find("\"operation\":\"");
        return line.substr(0, at) + "\"operation\":\"resign\"," + line.substr(at);
    }
    case 3: { // unknown field (a typo)
        const auto at = line.find("\"request\"");
        return line.substr(0, at) + "\"requets\":{}," + line.substr(at);
    }
    case 4: { // an unknown association code
        const auto at = line.find("\"municipal\":\"");
        if (at == std::string::npos) return {};
        const auto end = line.find('"', at + 13);
        return line.substr(0, at + 13) + "99-9999" + line.substr(end);
    }
    default: { // wrong type
        const auto at = line.find("\"request\":{");
        return line.substr(0, at + 11) + "\"proxy\":\"yes\"," + line.substr(at + 11);
    }
    }
}

} // namespace

std::string make_master(std::size_t rows, std::uint64_t seed, std::vector<std::string>* codes) {
    rng r{seed};
    const auto per = rows_per_prefecture(rows);
    std::string out =
        "# GENERATED BENCHMARK DATA — not a real master: " + std::to_string(rows) +
        " made-up municipal medical associations spread over the 47 prefectures by population.\n"
        "code,name,prefecture,name_en\n";
    out.reserve(rows * 96);
    char code[16], pref[4];
    for (std::size_t p = 0; p < 47; ++p) {
        const auto& row = mamisguide::detail::prefectures[p];
        for (std::size_t k = 1; k <= per[p]; ++k) {
            std::snprintf(code, sizeof code, "%02zu-%04zu", p + 1, k);
            std::snprintf(pref, sizeof pref, "%02zu", p + 1);
            const bool university = r.chance(80);
            out += code;
            out += ',';
            out += pref_stem(row.name);
            out += university ? "第" + std::to_string(k) + "大学医師会"
                              : "第" + std::to_string(k) + "地区医師会";
            out += ',';
            out += pref;
            out += ',';
            if (r.chance(900)) {
                out += pref_stem_en(row.name_en);
                out += university ? " University " : " District ";
                out += std::to_string(k);
                out += " Medical Association";
            }
            out += '\n';
            if (codes) codes->push_back(code);
        }
    }
    return out;
}

std::string to_json(const request_case& c) {
    std::string o;
    o.reserve(320);
    o += "{\"member\":{";
    o += "\"mypage\":\"";
    o += mamisguide::to_string(c.page);
    o += '"';
    if (!c.municipal.empty()) o += ",\"municipal\":\"" + c.municipal + '"';
    if (!c.prefectural.empty()) o += ",\"prefectural\":\"" + c.prefectural + '"';
    o += ",\"levels\":";
    append_levels(o, c.held);
    if (any(c.member_categories)) {
        o += ",\"categories\":";
        append_categories(o, c.member_categories);
    }
    o += "},\"request\":{\"operation\":\"";
    o += mamisguide::to_string(c.op);
    o += '"';
    if (c.levels && c.levels_given) {
        o += ",\"levels\":";
        append_levels(o, c.levels);
    }
    if (!c.request_municipal.empty()) o += ",\"municipal\":\"" + c.request_municipal + '"';
    if (any(c.request_categories)) {
        o += ",\"categories\":";
        append_categories(o, c.request_categories);
    }
    if (!c.reason.empty()) o += ",\"reason\":\"" + c.reason + '"';
    if (c.cascade) o += ",\"cascade\":true";
    if (c.proxy) o += ",\"proxy\":true";
    o += "},\"lang\":\"";
    o += c.english ? "en" : "ja";
    o += "\"}";
    return o;
}

std::string workload::jsonl() const {
    std::size_t n = 0;
    for (const auto& l : lines) n += l.size() + 1;
    std::string out;
    out.reserve(n);
    for (const auto& l : lines) {
        out += l;
        out += '\n';
    }
    return out;
}

const workload& jma_workload() {
    static const workload w = [] {
        workload w;
        w.master_csv = make_master(jma_associations, 890, &w.codes);
        master_index mi;
        mi.codes = w.codes;
        for (const auto& code : w.codes)
            mi.prefecture.push_back(static_cast<unsigned>(std::stoul(code.substr(0, 2))));

        // Exactly JMA's mix of categories, shuffled (Fisher–Yates).
        rng r{178'593};
        std::vector<int> cats;
        cats.reserve(jma_members);
        for (std::size_t i = 0; i < jma_counts.size(); ++i)
            cats.insert(cats.end(), jma_counts[i], static_cast<int>(i));
        if (cats.size() != jma_members) throw std::logic_error("JMA counts do not add up");
        for (std::size_t i = cats.size(); i > 1; --i) std::swap(cats[i - 1], cats[r.below(i)]);

        w.cases.reserve(jma_members);
        w.lines.reserve(jma_members);
        for (int cat : cats) {
            request_case c = make_case(r, mi, cat);
            std::string line = to_json(c);
            if (r.chance(25)) {
                line = corrupt(r, std::move(line));
                c.corrupted = true;
                ++w.bad_lines;
            }
            ++w.category_count[static_cast<std::size_t>(cat)];
            ++w.operation_count[static_cast<std::size_t>(c.op)];
            w.cases.push_back(std::move(c));
            w.lines.push_back(std::move(line));
        }
        if (w.category_count != jma_counts) throw std::logic_error("category mix is off");
        return w;
    }();
    return w;
}

} // namespace mg_bench
