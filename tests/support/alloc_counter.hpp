// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide tests and benchmarks — counting heap use.
//
// alloc_counter.cpp replaces every global operator new/delete with a counting one (plain
// thread-local counters: the allocation test and the benchmarks count on one thread, and
// atomics would distort the figures of the allocating paths). Live bytes are malloc_usable_size()
// of every block that operator new handed out and delete has not taken back, plus glibc's 8-byte
// chunk header per block: what the heap really holds for C++ objects. (mallinfo2() is no good for a
// delta: glibc counts chunks parked in its per-thread cache as in use.)
#pragma once

#include <cstddef>

namespace mg_alloc {

/// operator new calls made by this thread so far.
std::size_t allocations() noexcept;

/// Blocks from operator new not yet deleted (this thread).
std::size_t live_blocks() noexcept;

/// Heap bytes those blocks occupy: usable size plus an 8-byte chunk header each.
std::size_t live_bytes() noexcept;

} // namespace mg_alloc
