/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/* mamisguide.dll's per-thread state on Windows (capi/per_thread.hpp): 2,000 threads come and go,
 * one after the other, each planning through JSON and refusing a load; what each made is freed
 * when it ends (the memory in use does not grow with the number of threads), and the process
 * then ends (it used to hang sometimes at exit, tests/windows/run_windows.py runs this with a
 * deadline). Then 4 threads x 2,000 calls on one engine give the answers of one thread.
 *
 *   test_threads MASTER */
#include <mamisguide.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static mg_engine* engine;
static const char* requests[] = {
    "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\",\"prefectural\","
    "\"national\"]},\"request\":{\"operation\":\"withdraw\",\"levels\":[\"national\"]}}",
    "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\",\"prefectural\","
    "\"national\"]},\"request\":{\"operation\":\"withdraw\",\"levels\":[\"municipal\"]},"
    "\"lang\":\"en\"}",
    "{\"member\":{},\"request\":{\"operation\":\"join\",\"municipal\":\"nowhere\"}}",
    "{not json",
};
#define N_REQUESTS (sizeof requests / sizeof requests[0])
static char* expected[N_REQUESTS];
static volatile LONG mismatches = 0;

static char* answer(size_t i) {
    char* out = NULL;
    const int status = mg_plan_json(engine, requests[i], strlen(requests[i]), &out);
    char* copy = malloc(strlen(out) + 16);
    sprintf(copy, "%d:%s", status, out);
    mg_free(out);
    return copy;
}

/* One short-lived thread: a plan through JSON (the thread's reader), a refused load (the
 * thread's last load error), both read back. */
static DWORD WINAPI short_lived(LPVOID arg) {
    const size_t i = (size_t)arg % N_REQUESTS;
    char* got = answer(i);
    mg_engine* fresh = NULL;
    char* error_json = NULL;
    if (strcmp(got, expected[i]) != 0) InterlockedIncrement(&mismatches);
    free(got);
    if (mg_engine_new(&fresh) != MG_OK ||
        mg_engine_load_directory_buffer(fresh, "code,name,prefecture\nx,y,99\n", 27) !=
            MG_ERR_LOAD ||
        mg_last_load_error_json(MG_LANG_EN, &error_json) != MG_OK ||
        !strstr(error_json, "\"line\":2"))
        InterlockedIncrement(&mismatches);
    mg_free(error_json);
    mg_engine_free(fresh);
    return 0;
}

static DWORD WINAPI busy(LPVOID arg) {
    for (size_t k = 0; k < 2000; ++k) {
        const size_t i = (k + (size_t)arg) % N_REQUESTS;
        char* got = answer(i);
        if (strcmp(got, expected[i]) != 0) InterlockedIncrement(&mismatches);
        free(got);
    }
    return 0;
}

/* The private memory committed in the process, in MiB, from the address space itself. */
static double private_mib(void) {
    MEMORY_BASIC_INFORMATION m;
    const char* at = NULL;
    size_t total = 0;
    while (VirtualQuery(at, &m, sizeof m) == sizeof m) {
        if (m.State == MEM_COMMIT && m.Type == MEM_PRIVATE) total += m.RegionSize;
        at = (const char*)m.BaseAddress + m.RegionSize;
    }
    return (double)total / (1 << 20);
}

int main(int argc, char** argv) {
    double at_200 = 0, at_end;
    HANDLE h[4];
    if (argc != 2 || mg_engine_new(&engine) != MG_OK ||
        mg_engine_load_directory(engine, argv[1]) != MG_OK) {
        fprintf(stderr, "usage: test_threads MASTER (%s)\n", mg_last_error());
        return 2;
    }
    for (size_t i = 0; i < N_REQUESTS; ++i) expected[i] = answer(i);

    for (size_t t = 0; t < 2000; ++t) {
        HANDLE one = CreateThread(NULL, 0, short_lived, (LPVOID)t, 0, NULL);
        if (!one) return 2;
        WaitForSingleObject(one, INFINITE);
        CloseHandle(one);
        if (t == 199) at_200 = private_mib();
    }
    at_end = private_mib();
    printf("2,000 threads, one after the other: %.1f MiB in use after 200, %.1f MiB after 2,000\n",
           at_200, at_end);

    for (size_t t = 0; t < 4; ++t) h[t] = CreateThread(NULL, 0, busy, (LPVOID)t, 0, NULL);
    WaitForMultipleObjects(4, h, TRUE, INFINITE);
    for (size_t t = 0; t < 4; ++t) CloseHandle(h[t]);
    printf("4 threads x 2,000 calls on one engine: %ld answers differ from one thread's\n",
           (long)mismatches);

    for (size_t i = 0; i < N_REQUESTS; ++i) free(expected[i]);
    mg_engine_free(engine);
    /* each thread's reader holds a parser of at least 64 KiB: 1,800 of them kept would be
     * over 100 MiB */
    if (at_end - at_200 > 16 || mismatches != 0) {
        fprintf(stderr, "FAIL: %s\n", mismatches ? "answers differ" : "memory grows with threads");
        return 1;
    }
    return 0;
}
