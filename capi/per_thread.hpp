// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The C ABI's per-thread state (the last error, the last refused load, a thread's JSON reader)
// lives in thread keys, never in a thread_local (issue 25, docs/decisions.md):
// - POSIX: pthread keys. glibc allocates a dlopen'd library's thread_local block, and registers
//   a thread_local's destructor, on a thread's first use, and aborts the process when that
//   fails; a key's value is stored in the thread itself, and pthread_setspecific reports ENOMEM.
//   The library is linked -z nodelete, so that the keys' destructors are never unloaded.
// - Windows: fiber-local storage (FlsAlloc with a callback), which Windows calls when a thread
//   ends, outside the loader lock. (MinGW-w64 runs a thread_local's destructor from the DLL's
//   own TLS callback instead; with the reader's destructor there, the process sometimes hung at
//   exit after several threads had planned, under wine.) The DLL pins itself when it makes its
//   first key (GetModuleHandleEx's PIN flag, the -z nodelete of Windows), so that no callback is
//   left pointing into unloaded code.
#pragma once

#ifdef _WIN32
#include <windows.h>
#else
#include <pthread.h>
#endif

namespace mamisguide::capi_detail {

#ifdef _WIN32
using thread_key = DWORD;

/// Makes a key whose non-NULL values are passed to `destroy` (may be NULL) when their thread
/// ends. False when the system has no key left.
inline bool thread_key_create(thread_key& key, void (*destroy)(void*)) noexcept {
    HMODULE self = nullptr;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                       reinterpret_cast<LPCWSTR>(&thread_key_create), &self);
    // x86-64 Windows has one calling convention: a plain function is a PFLS_CALLBACK_FUNCTION.
    key = FlsAlloc(reinterpret_cast<PFLS_CALLBACK_FUNCTION>(destroy));
    return key != FLS_OUT_OF_INDEXES;
}
inline void* thread_key_get(thread_key key) noexcept {
    return FlsGetValue(key);
}
/// False when the value could not be stored (out of memory).
inline bool thread_key_set(thread_key key, const void* value) noexcept {
    return FlsSetValue(key, const_cast<void*>(value)) != 0;
}
#else
using thread_key = pthread_key_t;

inline bool thread_key_create(thread_key& key, void (*destroy)(void*)) noexcept {
    return pthread_key_create(&key, destroy) == 0;
}
inline void* thread_key_get(thread_key key) noexcept {
    return pthread_getspecific(key);
}
inline bool thread_key_set(thread_key key, const void* value) noexcept {
    return pthread_setspecific(key, value) == 0;
}
#endif

} // namespace mamisguide::capi_detail
