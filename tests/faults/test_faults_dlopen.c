/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Out of memory in a host that loads the library with dlopen, as Python's ctypes, PHP's FFI and
 * Java do (issue 25): a C program with no C++ runtime of its own, so that libmamisguide.so and
 * libstdc++.so come in with dlopen() and glibc gives them thread-local storage only when a
 * thread first touches it, with malloc, aborting the process ("cannot allocate memory for
 * thread-local data") when that fails. The calls run on new threads, with each allocation of
 * the call failed in turn, and then with every allocation failing from that one on (memory gone
 * for good), each run in a fork()ed child. Every run returns MG_ERR_NOMEM with its output NULL,
 * or the right answer; none dies; once memory is back the same call on another new thread
 * answers right.
 *
 * Its allocator is its own (C only, forwarding with dlsym(RTLD_NEXT)), so that no C++ library
 * is loaded before the one under test. It never fails an allocation the dynamic loader makes:
 * glibc aborts by design when it cannot allocate a thread's block of a dlopen'd library's
 * thread-local storage. libmamisguide has none; libstdc++ has one (32 bytes, for exceptions),
 * which the library has glibc allocate at a thread's first call, right after its own state
 * (capi.cpp, thread_ready()): a thread whose first call finds memory gone gets MG_ERR_NOMEM,
 * before anything is thrown.
 *
 * Usage: test_faults_dlopen LIBMAMISGUIDE_SO SOURCE_DIR
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- the allocator: the n-th allocation of the armed thread fails (or every one from it) --- */
static void* (*next_malloc)(size_t);
static void* (*next_calloc)(size_t, size_t);
static void* (*next_realloc)(void*, size_t);
static void (*next_free)(void*);
static int (*next_posix_memalign)(void**, size_t, size_t);
static void* (*next_aligned_alloc)(size_t, size_t);
static void* (*next_memalign)(size_t, size_t);
static _Alignas(64) char boot[64 * 1024];
static size_t boot_used;
static int resolving;

static __thread int armed;           /* this thread counts */
static __thread unsigned long count; /* allocations counted */
static __thread unsigned long fail_at;
static __thread int sticky; /* every allocation from fail_at on fails */
static __thread int failed;

static void* from_boot(size_t n) {
    n = (n + 63) & ~(size_t)63;
    if (boot_used + n > sizeof boot) return NULL;
    void* p = boot + boot_used;
    boot_used += n;
    return p;
}

static int ready(void) {
    if (next_free) return 1;
    if (resolving) return 0;
    resolving = 1;
    /* (POSIX's way of turning dlsym's void * into a function pointer) */
    *(void**)(&next_malloc) = dlsym(RTLD_NEXT, "malloc");
    *(void**)(&next_calloc) = dlsym(RTLD_NEXT, "calloc");
    *(void**)(&next_realloc) = dlsym(RTLD_NEXT, "realloc");
    *(void**)(&next_posix_memalign) = dlsym(RTLD_NEXT, "posix_memalign");
    *(void**)(&next_aligned_alloc) = dlsym(RTLD_NEXT, "aligned_alloc");
    *(void**)(&next_memalign) = dlsym(RTLD_NEXT, "memalign");
    *(void**)(&next_free) = dlsym(RTLD_NEXT, "free");
    resolving = 0;
    return 1;
}

/* The dynamic loader's code (its allocations are never failed). */
static uintptr_t loader_lo, loader_hi;

static int find_loader(struct dl_phdr_info* info, size_t size, void* data) {
    (void)size;
    (void)data;
    if (!info->dlpi_name || !strstr(info->dlpi_name, "/ld-linux")) return 0;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)* ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X)) continue;
        loader_lo = info->dlpi_addr + ph->p_vaddr;
        loader_hi = loader_lo + ph->p_memsz;
    }
    return 1;
}

static int must_fail_from(uintptr_t caller) {
    if (!armed) return 0;
    if (caller >= loader_lo && caller < loader_hi) return 0;
    ++count;
    if (count == fail_at || (sticky && fail_at && count > fail_at)) {
        failed = 1;
        errno = ENOMEM;
        return 1;
    }
    return 0;
}
#define must_fail() must_fail_from((uintptr_t)__builtin_return_address(0))

void* malloc(size_t n) {
    if (!ready()) return from_boot(n);
    return must_fail() ? NULL : next_malloc(n);
}
void* calloc(size_t a, size_t b) {
    if (!ready()) return from_boot(a * b); /* boot is zeroed */
    return must_fail() ? NULL : next_calloc(a, b);
}
void* realloc(void* p, size_t n) {
    if (!ready()) return NULL;
    if (n && must_fail()) return NULL;
    return next_realloc(p, n);
}
void free(void* p) {
    if (!p || ((char*)p >= boot && (char*)p < boot + sizeof boot)) return;
    if (ready()) next_free(p);
}
int posix_memalign(void** out, size_t a, size_t n) {
    if (!ready() || must_fail()) return ENOMEM;
    return next_posix_memalign(out, a, n);
}
void* aligned_alloc(size_t a, size_t n) {
    if (!ready() || must_fail()) return NULL;
    return next_aligned_alloc(a, n);
}
void* memalign(size_t a, size_t n) {
    if (!ready() || must_fail()) return NULL;
    return next_memalign(a, n);
}

/* ---- the library, loaded with dlopen ---------------------------------------------------- */
#define MG_OK 0
#define MG_ERR_NOMEM (-4)
static int (*mg_engine_new)(void**);
static void (*mg_engine_free)(void*);
static int (*mg_engine_load_directory)(void*, const char*);
static int (*mg_plan_json)(const void*, const char*, size_t, char**);
static int (*mg_directory_json)(const void*, const char*, const char*, const char*, int, char**);
static const char* (*mg_last_error)(void);
static void (*mg_free)(void*);

static char master[4096];
static void* engine; /* made before the threads: the sample master loaded */

typedef struct {
    int scenario;
    unsigned long fail_at;
    int sticky;
    int status;
    char* out;
    unsigned long count;
    int failed;
    char error[128];
} job;

static const char plan_request[] =
    "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\",\"prefectural\","
    "\"national\"]},\"request\":{\"operation\":\"withdraw\",\"levels\":[\"national\"]}}";
static const char refusal_request[] =
    "{\"request\":{\"operation\":\"join\",\"municipal\":\"13-chiyod\",\"levels\":[\"municipal\"]}}";

static const char* const names[] = {"mg_plan_json", "mg_plan_json refusal", "mg_directory_json",
                                    "mg_engine_new + mg_engine_load_directory"};
enum { n_scenarios = 4 };

/* The call under test, on the calling (new) thread. */
static void* run(void* arg) {
    job* j = (job*)arg;
    j->out = NULL;
    count = 0;
    failed = 0;
    fail_at = j->fail_at;
    sticky = j->sticky;
    armed = 1;
    switch (j->scenario) {
    case 0:
        j->status = mg_plan_json(engine, plan_request, sizeof plan_request - 1, &j->out);
        break;
    case 1:
        j->status = mg_plan_json(engine, refusal_request, sizeof refusal_request - 1, &j->out);
        break;
    case 2:
        j->status = mg_directory_json(engine, "chiyoda", NULL, NULL, 1, &j->out);
        break;
    case 3: {
        void* e = (void*)1;
        j->status = mg_engine_new(&e);
        if (j->status == MG_OK) {
            j->status = mg_engine_load_directory(e, master);
            if (j->status == MG_OK)
                j->status = mg_directory_json(e, "chiyoda", NULL, NULL, 1, &j->out);
            armed = 0;
            mg_engine_free(e);
        } else if (e != NULL) {
            j->status = 99; /* the output must be NULL */
        }
        break;
    }
    }
    armed = 0;
    j->count = count;
    j->failed = failed;
    snprintf(j->error, sizeof j->error, "%s", mg_last_error());
    return NULL;
}

static int on_new_thread(job* j) {
    pthread_t t;
    if (pthread_create(&t, NULL, run, j) != 0) return 0;
    pthread_join(t, NULL);
    return 1;
}

/* A child's run. Exit status: 0 fine, 1 wrong. */
static int child(int scenario, unsigned long n, int sticky_mode, const char* expected) {
    job j = {scenario, n, sticky_mode, 0, NULL, 0, 0, ""};
    if (!on_new_thread(&j)) return 1;
    if (j.status == MG_ERR_NOMEM) {
        if (!j.failed || j.out || strcmp(j.error, "out of memory") != 0) {
            printf("    MG_ERR_NOMEM, but failed %d, output %p, mg_last_error() \"%s\"\n", j.failed,
                   (void*)j.out, j.error);
            return 1;
        }
        job again = {scenario, 0, 0, 0, NULL, 0, 0, ""}; /* memory back, another new thread */
        if (!on_new_thread(&again)) return 1;
        j = again;
    }
    const int ok = (j.status == MG_OK || j.status == 2) && j.out && strcmp(j.out, expected) == 0;
    if (!ok) printf("    status %d, output %.200s\n", j.status, j.out ? j.out : "(null)");
    mg_free(j.out);
    return ok ? 0 : 1;
}

int main(int argc, char** argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s LIBMAMISGUIDE_SO SOURCE_DIR\n", argv[0]);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    snprintf(master, sizeof master, "%s/data/sample-municipal.csv", argv[2]);
    dl_iterate_phdr(find_loader, NULL);
    if (!loader_hi) {
        fprintf(stderr, "the dynamic loader's code was not found\n");
        return 2;
    }
    void* lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return 2;
    }
#define LOOK_UP(f) *(void**)(&f) = dlsym(lib, #f)
    LOOK_UP(mg_engine_new);
    LOOK_UP(mg_engine_free);
    LOOK_UP(mg_engine_load_directory);
    LOOK_UP(mg_plan_json);
    LOOK_UP(mg_directory_json);
    LOOK_UP(mg_last_error);
    LOOK_UP(mg_free);
    if (mg_engine_new(&engine) != MG_OK || mg_engine_load_directory(engine, master) != MG_OK) {
        fprintf(stderr, "the sample master: %s\n", mg_last_error());
        return 2;
    }
    int bad = 0;
    unsigned long runs = 0, total = 0;
    for (int s = 0; s < n_scenarios; ++s) {
        /* The counting run and the expected answer, in a child (a first call stays first). */
        int fds[2];
        if (pipe(fds) != 0) return 2;
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            job j = {s, 0, 0, 0, NULL, 0, 0, ""};
            on_new_thread(&j);
            dprintf(fds[1], "%lu\n%s", j.count, j.out ? j.out : "");
            _exit(j.out ? 0 : 1);
        }
        close(fds[1]);
        static char text[1 << 16];
        size_t len = 0;
        ssize_t r;
        while ((r = read(fds[0], text + len, sizeof text - 1 - len)) > 0) len += (size_t)r;
        close(fds[0]);
        text[len] = '\0';
        int st = 0;
        waitpid(pid, &st, 0);
        char* nl = strchr(text, '\n');
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0 || !nl) {
            printf("FAIL %s: the counting run\n", names[s]);
            ++bad;
            continue;
        }
        const unsigned long n_alloc = strtoul(text, NULL, 10);
        const char* expected = nl + 1;
        int bad_here = 0;
        for (int mode = 0; mode < 2; ++mode)
            for (unsigned long n = 1; n <= n_alloc; ++n) {
                fflush(stdout);
                pid = fork();
                if (pid == 0) _exit(child(s, n, mode, expected));
                waitpid(pid, &st, 0);
                ++runs;
                if (WIFSIGNALED(st) || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
                    printf("FAIL %s: allocation %lu of %lu failed%s: %s %d\n", names[s], n, n_alloc,
                           mode ? " and every one after it" : "",
                           WIFSIGNALED(st) ? "killed by signal" : "exit",
                           WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
                    ++bad_here;
                }
            }
        total += n_alloc;
        bad += bad_here;
        printf("%s %-42s %3lu allocations, each failed in turn, and from it on\n",
               bad_here ? "FAIL" : "ok  ", names[s], n_alloc);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("test_faults_dlopen: %d scenarios, %lu allocations, %lu runs, %d bad, %.1f s\n",
           n_scenarios, total, runs, bad,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    return bad ? 1 : 0;
}
