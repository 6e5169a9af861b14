// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide benchmarks — the generated, realistic workload.
//
// One deterministic generator (no std:: distributions, so every platform makes the same bytes)
// feeds both the in-process benchmarks and the command line's end-to-end run
// (`mamisguide_bench --write-workload DIR` writes master.csv and requests.jsonl).
//
// - A municipal master of ~890 associations across the 47 prefectures (rows per prefecture:
//   a base of 8 plus a share of the rest in proportion to population), clearly labelled as
//   generated data.
// - 178,593 requests, one per JMA member, whose JMA categories (会員区分) follow JMA's mix
//   exactly: A1 81,273, A2B 44,294, A2C 5,116, B 43,978, C 3,932. All six operations, proxy
//   applications, English, MyPage no/unknown, cascades, natural refusals (illegal levels,
//   transfer to the same association, join by a member, unchanged category) and ~2.5% bad
//   lines (blank, truncated JSON, unknown operation, unknown field, unknown association code,
//   wrong type).
#pragma once

#include <mamisguide/request.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mg_bench {

/// JMA's categories and how many members hold each (the figures).
inline constexpr std::array<const char*, 5> jma_codes{"A1", "A2B", "A2C", "B", "C"};
inline constexpr std::array<std::size_t, 5> jma_counts{81'273, 44'294, 5'116, 43'978, 3'932};
inline constexpr std::size_t jma_members = 178'593;
inline constexpr std::size_t jma_associations = 890;

/// One request as the generator meant it (before any corruption of its JSON line).
struct request_case {
    // the member
    mamisguide::mypage page = mamisguide::mypage::yes;
    std::string municipal;
    std::string prefectural; ///< the optional cross-check, sometimes given
    unsigned held = 0;       ///< level bits
    std::array<std::string, 3> member_categories;
    // the request
    mamisguide::operation op = mamisguide::operation::join;
    unsigned levels = 0;
    bool levels_given = true; ///< change_category may leave "levels" out
    std::string request_municipal;
    std::array<std::string, 3> request_categories;
    std::string reason;
    bool cascade = false;
    bool proxy = false;
    bool english = false;
    // bookkeeping
    int jma_category = 0;   ///< index into jma_codes: the member's category
    bool corrupted = false; ///< the JSON line was made bad on purpose
};

struct workload {
    std::string master_csv;          ///< code,name,prefecture,name_en
    std::vector<std::string> codes;  ///< the municipal codes of the master
    std::vector<request_case> cases; ///< one per line
    std::vector<std::string> lines;  ///< the JSON Lines, without '\n'
    std::array<std::size_t, 5> category_count{};
    std::array<std::size_t, 6> operation_count{};
    std::size_t bad_lines = 0;

    /// All lines joined with '\n' (a trailing newline too): the batch input file.
    std::string jsonl() const;
};

/// A generated master of `rows` municipal associations (the header comment says so).
std::string make_master(std::size_t rows, std::uint64_t seed,
                        std::vector<std::string>* codes = nullptr);

/// The request's JSON line (contract.md).
std::string to_json(const request_case& c);

/// The JMA-sized workload (890 associations, 178,593 requests), built once.
const workload& jma_workload();

} // namespace mg_bench
