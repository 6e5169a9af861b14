// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the On-Demand request reader for the target's baseline (json_read_fast.hpp):
// simdjson's fallback kernel on x86-64, whatever the target allows elsewhere.
#define MG_FAST_NS base
#include "json_read_fast_impl.hpp"

namespace mamisguide::json::reading {
const fast_reader& fast_reader_base() noexcept {
    return base::the_reader;
}
} // namespace mamisguide::json::reading
