// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide benchmarks — what the benchmark files share: the workload's directory and engine,
// and a small sample of its requests as typed inputs.
#pragma once

#include "workload.hpp"

#include <mamisguide.h>
#include <mamisguide/mamisguide.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace mg_bench {

/// How many requests the per-call benchmarks cycle through: enough to defeat branch
/// prediction of one case, few enough to stay in cache as a caller's working set would.
inline constexpr std::size_t sample_size = 4096;

/// The built-in directory plus the workload's ~890-association master.
const mamisguide::directory& jma_directory();

/// A C ABI engine with the same master loaded.
const mg_engine* jma_engine();

/// One request, typed for the C++ API.
struct typed_input {
    mamisguide::member_state member;
    mamisguide::request req;
};

/// One request, typed for the C ABI (strings point into the workload).
struct c_input {
    mg_member member;
    mg_request req;
    int lang;
};

/// The first sample_size well-formed requests of the workload (a random mix; about 5% are
/// refused by the rules, as in real input).
const std::vector<typed_input>& typed_sample();
const std::vector<c_input>& c_sample();
/// The first sample_size lines of the workload, bad lines included.
const std::vector<std::string_view>& json_sample();

} // namespace mg_bench
