// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the On-Demand request reader for AVX2 (json_read_fast.hpp): compiled with
// -mavx2 -mbmi -mpclmul -mlzcnt (capi/CMakeLists.txt), which makes simdjson's On-Demand use its
// haswell kernel; used only where the processor has them (json_read.cpp asks simdjson).
//
// This object comes last in the library's link (capi/CMakeLists.txt): an inline function that
// other objects also define is then taken from one of them, compiled for the baseline, and
// only what is this object's own (the haswell kernel, this reader) runs with AVX2.
#include "json_read_fast.hpp"

#if defined(__AVX2__) && defined(__BMI__) && defined(__PCLMUL__) && defined(__LZCNT__) &&          \
    defined(__x86_64__)
#define MG_FAST_NS haswell_copy
#include "json_read_fast_impl.hpp"
static_assert(std::string_view(MG_FAST_STRING(SIMDJSON_BUILTIN_IMPLEMENTATION)) == "haswell",
              "the AVX2 copy of the reader must use simdjson's haswell kernel");

namespace mamisguide::json::reading {
const fast_reader* fast_reader_haswell() noexcept {
    return &haswell_copy::the_reader;
}
} // namespace mamisguide::json::reading
#else
namespace mamisguide::json::reading {
const fast_reader* fast_reader_haswell() noexcept {
    return nullptr;
}
} // namespace mamisguide::json::reading
#endif
