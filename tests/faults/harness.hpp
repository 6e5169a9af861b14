// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide tests — the fault-injection harness (issue 25): every scenario runs once to count
// the allocations of the call it tests, then once per allocation with that allocation failed,
// each run in a process of its own (fork()), so that an abort, a signal or a terminate shows as
// the child's exit status and no run sees another's state.
//
// A scenario does its setup (not counted), then `c.call(f)`: f runs with this thread's
// allocations counted and, in a fault run, the n-th failing. Then it checks what a failed call
// must give (c.fault() says whether the failure happened; MG_ERR_NOMEM and NULL outputs, or a
// success where the allocation had a fallback), gives memory back and checks the engine still
// answers right: `c.same(text)` compares a text with the one the counting run gave (the
// reference). After the scenario the harness checks for leaks: the memory still allocated must
// be no more than after the counting run (under ASan, the bytes its allocator holds, exact;
// otherwise the blocks fault_alloc.cpp handed out), and under ASan LeakSanitizer looks too
// (__lsan_do_recoverable_leak_check) in every counting run, or in every run with
// MG_FAULT_LSAN=all.
//
// Environment: MG_FAULT_JOBS (children at once, default: the cores), MG_FAULT_ONLY (a scenario's
// name, or several separated by '|': run only those), MG_FAULT_AT (with MG_FAULT_ONLY: only that
// allocation), MG_FAULT_INLINE (with both: that run in the harness's own process, for a debugger).
#pragma once

#include "fault_alloc.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define MG_FAULT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MG_FAULT_ASAN 1
#endif
#endif
#ifdef MG_FAULT_ASAN
// (GCC installs lsan_interface.h but not allocator_interface.h: both declared here.)
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
extern "C" int __lsan_do_recoverable_leak_check();
#endif

namespace mg_fault {

/// A check that failed: the child reports it and exits 1.
[[noreturn]] inline void fail_run(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "    %s%s%s\n", what, detail.empty() ? "" : ": ", detail.c_str());
    std::fflush(stderr);
    std::_Exit(1);
}

namespace detail {
inline bool write_all(int fd, const void* p, std::size_t n);
}

/// One run of one scenario, seen from inside.
class context {
public:
    /// `reference`: the counting run's texts (a fault run); `report_fd`: where the counting run
    /// sends them.
    context(unsigned long fail_at, const std::vector<std::string>* reference, int report_fd)
        : fail_at_(fail_at), reference_(reference), report_fd_(report_fd) {}

    /// Runs f with this thread's allocations counted (and the fail_at-th failing).
    template <class F>
    auto call(F&& f) -> decltype(f()) {
        mgfault_arm(fail_at_);
        struct stop {
            context* c;
            ~stop() {
                c->count_ = mgfault_disarm();
                c->fault_ = mgfault_failed() != 0;
                ++c->calls_;
            }
        } s{this};
        return f();
    }

    /// Whether the failure was injected in the last call().
    bool fault() const noexcept { return fault_; }
    /// The allocations the last call() made (the counting run: all of them).
    unsigned long count() const noexcept { return count_; }
    bool counting() const noexcept { return fail_at_ == 0; }
    unsigned long fail_at() const noexcept { return fail_at_; }

    void check(bool ok, const char* what, const std::string& detail = {}) {
        if (!ok) fail_run(what, detail);
    }

    /// A text the scenario ends with must be the counting run's: sent to the parent there (so
    /// that the counting run keeps no block of its own), compared in every fault run.
    void same(const std::string& text) {
        if (counting()) {
            const std::size_t len = text.size();
            if (!detail::write_all(report_fd_, &len, sizeof len) ||
                !detail::write_all(report_fd_, text.data(), len))
                fail_run("cannot report to the parent");
            return;
        }
        if (compared_ >= reference_->size() || (*reference_)[compared_] != text)
            fail_run("the answer differs from the counting run's",
                     text.substr(0, 300) + (text.size() > 300 ? "…" : ""));
        ++compared_;
    }

    int calls() const noexcept { return calls_; }

private:
    unsigned long fail_at_;
    const std::vector<std::string>* reference_;
    int report_fd_;
    unsigned long count_ = 0;
    bool fault_ = false;
    int calls_ = 0;
    std::size_t compared_ = 0;
};

struct scenario {
    const char* name;
    std::function<void(context&)> run;
    /// The allocations its call must make: -1 any; 0 for the functions that allocate nothing.
    long expected_allocations = -1;
};

namespace detail {

/// True when `name` is one of the '|'-separated names of `list`.
inline bool listed(std::string_view list, std::string_view name) {
    for (std::size_t at = 0;;) {
        const std::size_t bar = list.find('|', at);
        if (list.substr(at, bar == std::string_view::npos ? bar : bar - at) == name) return true;
        if (bar == std::string_view::npos) return false;
        at = bar + 1;
    }
}

inline bool write_all(int fd, const void* p, std::size_t n) {
    const char* c = static_cast<const char*>(p);
    while (n > 0) {
        const ssize_t w = ::write(fd, c, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        c += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

inline bool read_all(int fd, void* p, std::size_t n) {
    char* c = static_cast<char*>(p);
    while (n > 0) {
        const ssize_t r = ::read(fd, c, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        c += r;
        n -= static_cast<std::size_t>(r);
    }
    return true;
}

/// What the counting run sends back: the texts of c.same(), then (after a length of SIZE_MAX)
/// the allocations counted and the blocks left.
struct counted {
    unsigned long allocations = 0;
    long leaked_blocks = 0; ///< live memory at the end minus at the start (live_now())
    std::vector<std::string> reference;
};

/// What is allocated now: under ASan, the bytes its allocator holds for the program (exact:
/// every allocation goes through it); otherwise the blocks fault_alloc.cpp handed out.
inline long live_now() {
#ifdef MG_FAULT_ASAN
    return static_cast<long>(__sanitizer_get_current_allocated_bytes());
#else
    return mgfault_live_blocks();
#endif
}

/// LeakSanitizer in every run (MG_FAULT_LSAN=all), or in the counting runs only (the default:
/// it costs ~10 ms a run; the fault runs compare live memory with the counting run's).
inline bool lsan_every_run() {
    const char* v = std::getenv("MG_FAULT_LSAN");
    return v && std::strcmp(v, "all") == 0;
}

/// The body of a child: the scenario, then the leak checks. Never returns.
[[noreturn]] inline void child(const scenario& s, unsigned long fail_at, const counted* ref,
                               int report_fd) {
    const long before = live_now();
    context c(fail_at, ref ? &ref->reference : nullptr, report_fd);
    s.run(c);
    if (c.calls() != 1) fail_run("the scenario must call() exactly once");
    const long leaked = live_now() - before;
    // More memory still allocated than the counting run left is a leak; less is a cache a
    // failed call did not make (e.g. a thread's error state, when describing an error took
    // memory there was not).
    if (ref && leaked > ref->leaked_blocks)
        fail_run("leak: more memory still allocated than after the counting run",
                 std::to_string(leaked) + " > " + std::to_string(ref->leaked_blocks));
#ifdef MG_FAULT_ASAN
    if ((!ref || lsan_every_run()) && __lsan_do_recoverable_leak_check() != 0)
        fail_run("LeakSanitizer found a leak");
#endif
    if (c.counting()) {
        const unsigned long n = c.count();
        const std::size_t end = SIZE_MAX;
        if (!write_all(report_fd, &end, sizeof end) || !write_all(report_fd, &n, sizeof n) ||
            !write_all(report_fd, &leaked, sizeof leaked))
            fail_run("cannot report to the parent");
        if (s.expected_allocations >= 0 && n != static_cast<unsigned long>(s.expected_allocations))
            fail_run("allocations",
                     std::to_string(n) + " instead of " + std::to_string(s.expected_allocations));
    }
    std::fflush(stdout);
    std::fflush(stderr);
#if MAMISGUIDE_COVERAGE
    // A coverage build writes its counts at exit (each library its own): exit() runs that, so
    // that the failure paths the children reach are counted. The counting run, the first and
    // last failed allocation and every MG_FAULT_COVERAGE_EVERY-th (default 1: all; more where
    // writing them costs, as under ASan) write theirs. (Run with LSan's check at exit off: the
    // check above is this run's.)
    {
        const char* every_env = std::getenv("MG_FAULT_COVERAGE_EVERY");
        const unsigned long every = every_env ? std::strtoul(every_env, nullptr, 10) : 1;
        if (c.counting() || fail_at == 1 || (ref && fail_at == ref->allocations) ||
            (every && fail_at % every == 0))
            std::exit(0);
    }
#endif
    std::_Exit(0);
}

inline std::string status_text(int status) {
    if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        return "killed by signal " + std::to_string(sig) + " (" + strsignal(sig) + ")" +
               (sig == SIGABRT ? ": an abort or a terminate" : "");
    }
    return "status " + std::to_string(status);
}

} // namespace detail

/// Runs every scenario: counts, then fails each allocation in turn. Returns the process's exit
/// status (0: every run behaved).
inline int run_all(const char* program, const std::vector<scenario>& all) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    const char* jobs_env = std::getenv("MG_FAULT_JOBS");
    const long cores = ::sysconf(_SC_NPROCESSORS_ONLN);
    const int jobs = jobs_env && std::atoi(jobs_env) > 0 ? std::atoi(jobs_env)
                     : cores > 0                         ? static_cast<int>(cores)
                                                         : 2;
    const char* only = std::getenv("MG_FAULT_ONLY");
    const char* at_env = std::getenv("MG_FAULT_AT");
    std::size_t scenarios = 0, runs = 0, failures = 0, faults_total = 0;
    std::fflush(stdout);

    for (const scenario& s : all) {
        if (only && !detail::listed(only, s.name)) continue;
        ++scenarios;
        // 1. The counting run.
        int fds[2];
        if (::pipe(fds) != 0) return 2;
        std::fflush(stdout);
        const pid_t pid = ::fork();
        if (pid < 0) return 2;
        if (pid == 0) {
            ::close(fds[0]);
            detail::child(s, 0, nullptr, fds[1]);
        }
        ::close(fds[1]);
        detail::counted ref;
        bool got = false;
        for (;;) {
            std::size_t len = 0;
            if (!detail::read_all(fds[0], &len, sizeof len)) break;
            if (len == SIZE_MAX) {
                got = detail::read_all(fds[0], &ref.allocations, sizeof ref.allocations) &&
                      detail::read_all(fds[0], &ref.leaked_blocks, sizeof ref.leaked_blocks);
                break;
            }
            std::string text(len, '\0');
            if (!detail::read_all(fds[0], text.data(), len)) break;
            ref.reference.push_back(std::move(text));
        }
        ::close(fds[0]);
        int status = 0;
        ::waitpid(pid, &status, 0);
        ++runs;
        if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::printf("FAIL %-34s counting run: %s\n", s.name,
                        detail::status_text(status).c_str());
            ++failures;
            continue;
        }

        // 2. One run per allocation, that allocation failed; `jobs` children at a time.
        unsigned long first = 1, last = ref.allocations;
        if (at_env && only) first = last = std::strtoul(at_env, nullptr, 10);
        if (at_env && only && std::getenv("MG_FAULT_INLINE")) // for a debugger: no fork
            detail::child(s, first, &ref, -1);
        std::vector<std::pair<pid_t, unsigned long>> running;
        std::size_t failed_here = 0;
        auto reap = [&] {
            int st = 0;
            const pid_t done = ::wait(&st);
            for (std::size_t i = 0; i < running.size(); ++i)
                if (running[i].first == done) {
                    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
                        std::printf("FAIL %-34s allocation %lu of %lu failed: %s\n", s.name,
                                    running[i].second, ref.allocations,
                                    detail::status_text(st).c_str());
                        ++failed_here;
                    }
                    running.erase(running.begin() + static_cast<long>(i));
                    return;
                }
        };
        for (unsigned long n = first; n <= last && n != 0; ++n) {
            while (static_cast<int>(running.size()) >= jobs) reap();
            std::fflush(stdout);
            const pid_t p = ::fork();
            if (p < 0) return 2;
            if (p == 0) detail::child(s, n, &ref, -1);
            running.emplace_back(p, n);
            ++runs;
        }
        while (!running.empty()) reap();
        faults_total += ref.allocations;
        failures += failed_here;
        std::printf("%s %-34s %4lu allocations, each failed in turn\n",
                    failed_here ? "FAIL" : "ok  ", s.name, ref.allocations);
    }
    const double secs = std::chrono::duration<double>(clock::now() - t0).count();
    std::printf("%s: %zu scenarios, %zu allocations failed one at a time, %zu runs, %zu bad, "
                "%.1f s (%d at a time)\n",
                program, scenarios, faults_total, runs, failures, secs, jobs);
    return failures == 0 && scenarios > 0 ? 0 : 1;
}

} // namespace mg_fault
