// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide tests — the failing allocator (fault_alloc.hpp).
#include "fault_alloc.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

namespace {

using malloc_fn = void* (*)(std::size_t);
using calloc_fn = void* (*)(std::size_t, std::size_t);
using realloc_fn = void* (*)(void*, std::size_t);
using free_fn = void (*)(void*);
using memalign_fn = void* (*)(std::size_t, std::size_t);
using posix_memalign_fn = int (*)(void**, std::size_t, std::size_t);

malloc_fn next_malloc;
calloc_fn next_calloc;
realloc_fn next_realloc;
free_fn next_free;
memalign_fn next_memalign;
memalign_fn next_aligned_alloc;
posix_memalign_fn next_posix_memalign;

// dlsym itself allocates (its error state) while the functions above are looked up: such
// blocks come from here and are never given back.
alignas(64) char boot[64 * 1024];
std::atomic<std::size_t> boot_used{0};
std::atomic<int> resolving{0};
std::atomic<bool> resolved{false};

bool from_boot(const void* p) noexcept {
    return p >= static_cast<const void*>(boot) && p < static_cast<const void*>(boot + sizeof boot);
}

void* boot_alloc(std::size_t n) noexcept {
    n = (n + 63) & ~std::size_t(63);
    const std::size_t at = boot_used.fetch_add(n);
    if (at + n > sizeof boot) return nullptr;
    return boot + at;
}

template <class F>
void look_up(F& f, const char* name) noexcept {
    f = reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

/// False while the next allocator is being looked up (the caller then uses the boot block).
bool ready() noexcept {
    if (resolved.load(std::memory_order_acquire)) return true;
    if (resolving.fetch_add(1) != 0) {
        resolving.fetch_sub(1);
        return false;
    }
    look_up(next_malloc, "malloc");
    look_up(next_calloc, "calloc");
    look_up(next_realloc, "realloc");
    look_up(next_free, "free");
    look_up(next_memalign, "memalign");
    look_up(next_aligned_alloc, "aligned_alloc");
    look_up(next_posix_memalign, "posix_memalign");
    resolved.store(true, std::memory_order_release);
    resolving.fetch_sub(1);
    return true;
}

// ---- counting -------------------------------------------------------------------------------

struct per_thread {
    bool armed;
    bool failed;
    unsigned long count;
    unsigned long fail_at;
};
thread_local per_thread me{}; // trivially destructible: no destructor to register

std::atomic<bool> process_armed{false};
std::atomic<unsigned long> process_count{0}, process_fail_at{0}, process_every{0},
    process_failures{0}, arm_size{0};
std::atomic<long> live{0};

extern "C" void disarm_process() {
    process_armed.store(false);
}

/// Called once per allocation request of `n` bytes: true when this one must fail.
bool must_fail(std::size_t n) noexcept {
    bool fail = false;
    if (me.armed) {
        ++me.count;
        if (me.count == me.fail_at) fail = me.failed = true;
    }
    const unsigned long size = arm_size.load(std::memory_order_relaxed);
    if (size != 0 && n == size) {
        // The arming point itself is not counted. It is reached inside the program, after its
        // start-up, so a handler registered now runs at exit() before the destructors of the
        // statics made earlier and before every finalizer: from there on nothing is counted or
        // failed. What allocates then is the runtime's (a coverage build's gcov writing its
        // counts, which does not survive a failed allocation), not the answering of requests.
        arm_size.store(0);
        std::atexit(disarm_process);
        process_armed.store(true);
        return fail;
    }
    if (process_armed.load(std::memory_order_relaxed)) {
        const unsigned long c = process_count.fetch_add(1) + 1;
        const unsigned long at = process_fail_at.load(std::memory_order_relaxed);
        const unsigned long every = process_every.load(std::memory_order_relaxed);
        if (c == at || (every != 0 && c % every == 0)) {
            process_failures.fetch_add(1);
            fail = true;
        }
    }
    return fail;
}

void* counted(void* p) noexcept {
    if (p) live.fetch_add(1, std::memory_order_relaxed);
    return p;
}

void* do_malloc(std::size_t n) noexcept {
    if (!ready()) return boot_alloc(n);
    if (must_fail(n)) {
        errno = ENOMEM;
        return nullptr;
    }
    return counted(next_malloc(n));
}

void do_free(void* p) noexcept {
    if (!p || from_boot(p)) return;
    if (!ready()) return; // cannot happen: a block to free came from an allocator found
    live.fetch_sub(1, std::memory_order_relaxed);
    next_free(p);
}

void* do_aligned(std::size_t align, std::size_t n) noexcept {
    if (!ready()) return nullptr;
    if (must_fail(n)) {
        errno = ENOMEM;
        return nullptr;
    }
    void* p = nullptr;
    if (next_posix_memalign(&p, align < sizeof(void*) ? sizeof(void*) : align, n ? n : 1) != 0)
        return nullptr;
    return counted(p);
}

// ---- the environment, for a preloaded libmgfault.so -----------------------------------------

unsigned long env_number(const char* name) noexcept {
    const char* v = std::getenv(name);
    return v ? std::strtoul(v, nullptr, 10) : 0;
}

const char* report_path = nullptr;

extern "C" void on_usr1(int) {
    process_armed.store(true);
}
extern "C" void on_usr2(int) {
    process_armed.store(false);
}

struct from_environment {
    from_environment() noexcept {
        const unsigned long at = env_number("MGFAULT_FAIL_AT");
        const unsigned long every = env_number("MGFAULT_EVERY");
        const unsigned long size = env_number("MGFAULT_ARM_SIZE");
        report_path = std::getenv("MGFAULT_REPORT");
        process_fail_at.store(at);
        process_every.store(every);
        if (env_number("MGFAULT_SIGNALS")) {
            struct sigaction sa;
            std::memset(&sa, 0, sizeof sa);
            sa.sa_handler = on_usr1;
            ::sigaction(SIGUSR1, &sa, nullptr);
            sa.sa_handler = on_usr2;
            ::sigaction(SIGUSR2, &sa, nullptr);
        } else if (size != 0) {
            arm_size.store(size);
        } else if (at != 0 || every != 0 || report_path) {
            process_armed.store(true);
        }
    }
    ~from_environment() {
        if (!report_path) return;
        char line[64];
        const int n = std::snprintf(line, sizeof line, "%lu %lu\n", process_count.load(),
                                    process_failures.load());
        const int fd = ::open(report_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) return;
        if (::write(fd, line, static_cast<std::size_t>(n)) < 0) {
        }
        ::close(fd);
    }
};
from_environment environment;

} // namespace

// ---- the C allocator ------------------------------------------------------------------------

extern "C" {

void* malloc(std::size_t n) {
    return do_malloc(n);
}

void free(void* p) {
    do_free(p);
}

void* calloc(std::size_t count, std::size_t size) {
    if (!ready()) {
        // dlsym's own allocations while the allocator is looked up: boot_alloc is zeroed.
        if (size != 0 && count > SIZE_MAX / size) return nullptr;
        return boot_alloc(count * size);
    }
    if (must_fail(count * size)) {
        errno = ENOMEM;
        return nullptr;
    }
    return counted(next_calloc(count, size));
}

void* realloc(void* p, std::size_t n) {
    if (!p) return do_malloc(n);
    if (from_boot(p)) { // a boot block: moved to a real one (its size is not known; copy what fits)
        void* q = do_malloc(n);
        if (q) {
            const std::size_t left =
                static_cast<std::size_t>(boot + sizeof boot - static_cast<char*>(p));
            std::memcpy(q, p, n < left ? n : left);
        }
        return q;
    }
    if (n == 0) { // glibc frees the block
        live.fetch_sub(1, std::memory_order_relaxed);
        return next_realloc(p, 0);
    }
    if (must_fail(n)) {
        errno = ENOMEM;
        return nullptr;
    }
    return next_realloc(p, n);
}

int posix_memalign(void** out, std::size_t align, std::size_t n) {
    void* p = do_aligned(align, n);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}

void* aligned_alloc(std::size_t align, std::size_t n) {
    return do_aligned(align, n);
}

void* memalign(std::size_t align, std::size_t n) {
    return do_aligned(align, n);
}

void mgfault_arm(unsigned long fail_at) {
    me.count = 0;
    me.failed = false;
    me.fail_at = fail_at;
    me.armed = true;
}

unsigned long mgfault_disarm(void) {
    me.armed = false;
    return me.count;
}

int mgfault_failed(void) {
    return me.failed ? 1 : 0;
}

long mgfault_live_blocks(void) {
    return live.load();
}

void mgfault_process(unsigned long fail_at, unsigned long every) {
    process_count.store(0);
    process_fail_at.store(fail_at);
    process_every.store(every);
    process_armed.store(fail_at != 0 || every != 0);
}

unsigned long mgfault_process_count(void) {
    return process_count.load();
}

unsigned long mgfault_process_failures(void) {
    return process_failures.load();
}

} // extern "C"

// ---- operator new and delete ----------------------------------------------------------------

namespace {
void* new_or_throw(std::size_t n) {
    if (void* p = do_malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* new_aligned_or_throw(std::size_t n, std::align_val_t a) {
    if (void* p = do_aligned(static_cast<std::size_t>(a), n)) return p;
    throw std::bad_alloc();
}
} // namespace

void* operator new(std::size_t n) {
    return new_or_throw(n);
}
void* operator new[](std::size_t n) {
    return new_or_throw(n);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    return do_malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    return do_malloc(n ? n : 1);
}
void* operator new(std::size_t n, std::align_val_t a) {
    return new_aligned_or_throw(n, a);
}
void* operator new[](std::size_t n, std::align_val_t a) {
    return new_aligned_or_throw(n, a);
}
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    return do_aligned(static_cast<std::size_t>(a), n);
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    return do_aligned(static_cast<std::size_t>(a), n);
}
void operator delete(void* p) noexcept {
    do_free(p);
}
void operator delete[](void* p) noexcept {
    do_free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    do_free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    do_free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    do_free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    do_free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
    do_free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
    do_free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
    do_free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
    do_free(p);
}
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept {
    do_free(p);
}
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
    do_free(p);
}
