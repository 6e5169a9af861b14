// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide tests — an allocator that fails the n-th allocation (issue 25).
//
// fault_alloc.cpp defines malloc, calloc, realloc, free, posix_memalign, aligned_alloc,
// memalign and every replaceable operator new/delete, and forwards each to the next definition
// (dlsym(RTLD_NEXT, …): glibc's malloc, or the ASan runtime's, which then still sees every
// block). Compiled into a test program, it replaces the allocator of the program and of every
// library it loads; built as libmgfault.so and preloaded (LD_PRELOAD), it does the same for a
// program that knows nothing of it (`mamisguide batch`, `mamisguide serve`, Python).
//
// Two ways of counting:
//  - per thread (arm() … disarm()): the allocations the calling thread makes in between are
//    counted, and the fail_at-th of them fails (returns NULL, or operator new throws
//    std::bad_alloc). What the fault-injection harness uses, one call at a time.
//  - per process, from the environment (for a preloaded libmgfault.so):
//      MGFAULT_FAIL_AT=N   the N-th allocation after the arming point fails (0: none)
//      MGFAULT_EVERY=N     every N-th allocation after the arming point fails
//      MGFAULT_ARM_SIZE=S  the arming point is the first allocation of exactly S bytes (that
//                          one is not counted); default: the start of the process. With
//                          it, counting stops when exit() begins (the finalizers, e.g. gcov
//                          writing a coverage build's counts, are not failed)
//      MGFAULT_SIGNALS=1   start disarmed; SIGUSR1 arms, SIGUSR2 disarms
//      MGFAULT_REPORT=F    at exit, write "<allocations counted> <failures>\n" to file F
#pragma once

#include <cstddef>

extern "C" {
/// Counts this thread's allocations from now on; the `fail_at`-th (1-based) fails. 0: count
/// only.
void mgfault_arm(unsigned long fail_at);
/// Stops counting on this thread; returns the allocations counted since mgfault_arm() (the one
/// that failed included).
unsigned long mgfault_disarm(void);
/// 1 when the armed failure has happened on this thread since the last mgfault_arm().
int mgfault_failed(void);
/// Blocks handed out and not freed yet, process-wide. Exact only when every allocation goes
/// through these functions (not under ASan, whose interceptors allocate strdup's copies and the
/// like directly).
long mgfault_live_blocks(void);
/// Per-process counting (as MGFAULT_FAIL_AT / MGFAULT_EVERY), armed now; 0, 0 disarms.
void mgfault_process(unsigned long fail_at, unsigned long every);
/// Allocations counted and failures made by per-process counting so far.
unsigned long mgfault_process_count(void);
unsigned long mgfault_process_failures(void);
}
