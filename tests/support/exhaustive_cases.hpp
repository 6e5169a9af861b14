// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The exhaustive enumeration of member states × requests, on a small directory (two prefectures
// with two municipal associations each, catalogues for some): test_exhaustive checks every
// answer against an oracle, and tests/wasm/exhaustive_requests writes the same cases as JSON
// Lines, so that the WebAssembly package is compared with the native library on all of them.
#pragma once

#include <mamisguide/mamisguide.hpp>

#include <array>
#include <cstddef>
#include <string_view>

namespace mg_exhaustive {

using namespace mamisguide;

inline constexpr level M = level::municipal;
inline constexpr level P = level::prefectural;
inline constexpr level N = level::national;

// ---- the world: the directory, and the oracle's own copy of what it holds -------------------

inline const char* const master_csv = "code,name,prefecture\n"
                                      "13-a,甲区医師会,13\n"
                                      "13-b,乙区医師会,13\n"
                                      "14-a,丙市医師会,14\n"
                                      "14-b,丁市医師会,14\n";
inline const char* const categories_csv = "association,code,label\n"
                                          "13-a,K1,甲一\n"
                                          "13-a,K2,甲二\n"
                                          "13,P1,東京一\n"
                                          "13,P2,東京二\n"
                                          "14-b,Q1,丁一\n"
                                          "14-b,Q2,丁二\n";

/// What the oracle knows of an association, written out by hand (not read from the directory).
struct known {
    std::string_view code;
    level lvl;
    std::string_view parent;
    std::array<std::string_view, 5> catalogue; ///< empty entries unused; none at all: unchecked
};
inline const known world[] = {
    {"00", N, "", {"A1", "A2B", "A2C", "B", "C"}},
    {"13", P, "00", {"P1", "P2"}},
    {"14", P, "00", {}},
    {"13-a", M, "13", {"K1", "K2"}},
    {"13-b", M, "13", {}},
    {"14-a", M, "14", {}},
    {"14-b", M, "14", {"Q1", "Q2"}},
};

inline const known* lookup(std::string_view code) {
    for (const known& k : world)
        if (k.code == code) return &k;
    return nullptr;
}
inline bool has_catalogue(const known& k) {
    return !k.catalogue[0].empty();
}
inline bool in_catalogue(const known& k, std::string_view code) {
    for (std::string_view c : k.catalogue)
        if (!c.empty() && c == code) return true;
    return false;
}
inline bool is_municipal(std::string_view code) {
    const known* k = lookup(code);
    return k && k->lvl == M;
}
/// The code of the association at level `l` above municipal association `m`.
inline std::string_view at(std::string_view m, level l) {
    if (l == M) return m;
    if (l == P) return lookup(m)->parent;
    return "00";
}

// ---- the enumeration ----------------------------------------------------------------------

inline const std::string_view municipal_options[] = {"",     "13-a", "13-b",      "14-a",
                                                     "14-b", "13",   "zz-unknown"};

/// A valid (kind 0, 1) or invalid (kind 2) category for level `l` above municipal `m`.
inline std::string_view category_for(std::string_view m, level l, int kind) {
    if (kind == 2) return "ZZ";
    if (!is_municipal(m)) return kind == 0 ? "X1" : "X2";
    const known& k = *lookup(at(m, l));
    if (k.lvl == N) return kind == 0 ? "A2B" : "A1";
    if (has_catalogue(k)) return k.catalogue[kind];
    return kind == 0 ? "X1" : "X2";
}

/// How many cases for_each_case enumerates.
inline constexpr std::size_t case_count = 8u * 7u * 3u * 3u * 3u * 6u * 8u * 7u * 22u * 2u * 2u;

/// Calls f(member_state, request) for every member state against every request shape.
template <class F>
void for_each_case(F&& f) {
    for (unsigned mb = 0; mb < 8; ++mb)
        for (std::string_view mm : municipal_options)
            for (int mcats = 0; mcats < 3; ++mcats)
                for (mypage page : {mypage::yes, mypage::no, mypage::unknown})
                    for (int mpref = 0; mpref < 3; ++mpref) {
                        // member categories: none; the current (valid) ones of the levels held; one
                        // for every level, held or not
                        member_state s;
                        s.page = page;
                        s.levels = level_set::from_bits(mb);
                        s.municipal = mm;
                        // member.prefectural: not given, parent(municipal), another prefecture
                        const bool known_m = is_municipal(mm);
                        s.prefectural = mpref == 0 ? std::string_view()
                                        : mpref == 1
                                            ? (known_m ? at(mm, P) : std::string_view("13"))
                                            : (known_m && at(mm, P) == "13" ? "14" : "13");
                        if (mcats > 0)
                            for (level l : all_levels)
                                if (mcats == 2 || s.levels.contains(l))
                                    s.categories[l] = category_for(mm, l, 0);
                        for (operation op : all_operations)
                            for (unsigned rb = 0; rb < 8; ++rb)
                                for (std::string_view rm : municipal_options)
                                    for (int rc = 0; rc < 22; ++rc)
                                        for (bool cascade : {false, true})
                                            for (bool proxy : {false, true}) {
                                                request r;
                                                r.op = op;
                                                r.levels = level_set::from_bits(rb);
                                                r.municipal = rm;
                                                r.cascade = cascade;
                                                r.proxy = proxy;
                                                r.reason = "理由";
                                                // categories: none, or one of three kinds (valid,
                                                // another valid, invalid) on a non-empty set of
                                                // levels
                                                if (rc > 0) {
                                                    const level_set with = level_set::from_bits(
                                                        static_cast<unsigned>((rc - 1) % 7 + 1));
                                                    const int kind = (rc - 1) / 7;
                                                    const std::string_view chain_of =
                                                        op == operation::join ||
                                                                op == operation::transfer
                                                            ? rm
                                                            : mm;
                                                    for (level l : with)
                                                        r.categories[l] =
                                                            category_for(chain_of, l, kind);
                                                }
                                                f(s, r);
                                            }
                    }
}

} // namespace mg_exhaustive
