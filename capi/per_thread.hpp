// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The C ABI's per-thread state that owns memory (a thread's JSON reader, its last refused load):
// one T per thread, made on first use, destroyed when the thread ends.
//
// POSIX: a thread_local. Windows: fiber-local storage (FlsAlloc with a callback), which
// Windows calls when a thread ends, before and outside the loader lock. MinGW-w64 runs a
// thread_local's destructor from the DLL's own TLS callback instead, and with the reader's
// destructor there the process sometimes hung at exit after several threads had planned
// (tests/windows, windows_concurrency, under wine). A thread_local without a destructor (the
// last error's text) needs neither and stays one.
#pragma once

#ifdef _WIN32
#include <windows.h>

#include <new>
#endif

namespace mamisguide::capi_detail {

#ifdef _WIN32
/// One fiber-local slot holding a T* per thread.
template <class T>
class fls_slot {
public:
    fls_slot() noexcept : index_(FlsAlloc(&destroy)) {}
    /// The DLL unloaded, or the process ending: every thread's T is destroyed now (FlsFree calls
    /// the callback), so no callback into unloaded code is left behind.
    ~fls_slot() {
        if (index_ != FLS_OUT_OF_INDEXES) FlsFree(index_);
    }
    fls_slot(const fls_slot&) = delete;
    fls_slot& operator=(const fls_slot&) = delete;

    /// This thread's T, made on first use. Throws std::bad_alloc when it cannot be made or kept.
    T& get() {
        if (index_ == FLS_OUT_OF_INDEXES) throw std::bad_alloc();
        if (void* p = FlsGetValue(index_)) return *static_cast<T*>(p);
        T* made = new T();
        if (!FlsSetValue(index_, made)) {
            delete made;
            throw std::bad_alloc();
        }
        return *made;
    }

private:
    static void WINAPI destroy(void* p) noexcept { delete static_cast<T*>(p); }
    DWORD index_;
};
#endif

/// This thread's T (value-initialized on the thread's first use).
template <class T>
T& per_thread() {
#ifdef _WIN32
    static fls_slot<T> slot;
    return slot.get();
#else
    thread_local T value{};
    return value;
#endif
}

} // namespace mamisguide::capi_detail
