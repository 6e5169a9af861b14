/* SPDX-FileCopyrightText: 2026 The mamisguide authors
 * SPDX-License-Identifier: Apache-2.0
 * mamisguide — every mg_plan_json answer over a set of requests, for comparing two builds of
 * the library byte for byte (scripts/check-json-answers.sh). Loads the library given with
 * dlopen, so that the same program serves both builds.
 *
 *   json_answers LIB MASTER lines FILE    each line of FILE is a request
 *   json_answers LIB MASTER mutate FILE N the first N lines of FILE, each cut at every byte
 *                                         and with each byte replaced in turn by one of
 *                                         " \"{}[],:\\ax\n\x80\xff" and a NUL, and with
 *                                         " \t\r\n" inserted before each byte
 *   json_answers LIB MASTER files F…      each file is one request
 *   json_answers LIB MASTER repeat FILE N R the first N lines of FILE, R rounds, answers not
 *                                         written: for counting instructions per request
 *                                         (valgrind --tool=callgrind, R and R+k rounds)
 * Writes "status<TAB>response" per request. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct mg_engine mg_engine;
static int (*engine_new)(mg_engine**);
static int (*load_dir)(mg_engine*, const char*);
static int (*plan_json)(const mg_engine*, const char*, size_t, char**);
static void (*mg_free_)(void*);
static mg_engine* engine;

static int quiet;

static void answer(const char* p, size_t n) {
    char* r = NULL;
    const int st = plan_json(engine, p, n, &r);
    if (!quiet) printf("%d\t%s\n", st, r ? r : "(null)");
    mg_free_(r);
}

static char* slurp(const char* path, size_t* len) {
    FILE* f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char* b = malloc(cap);
    size_t k;
    while ((k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) b = realloc(b, cap *= 2);
    }
    fclose(f);
    *len = n;
    return b;
}

int main(int argc, char** argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: json_answers LIB MASTER lines|mutate|files …\n");
        return 2;
    }
    void* lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        fprintf(stderr, "%s\n", dlerror());
        return 1;
    }
    *(void**)&engine_new = dlsym(lib, "mg_engine_new");
    *(void**)&load_dir = dlsym(lib, "mg_engine_load_directory");
    *(void**)&plan_json = dlsym(lib, "mg_plan_json");
    *(void**)&mg_free_ = dlsym(lib, "mg_free");
    if (!engine_new || !load_dir || !plan_json || !mg_free_ || engine_new(&engine) != 0 ||
        load_dir(engine, argv[2]) != 0) {
        fprintf(stderr, "cannot load the library or the master\n");
        return 1;
    }
    if (strcmp(argv[3], "files") == 0) {
        for (int i = 4; i < argc; ++i) {
            size_t n;
            char* b = slurp(argv[i], &n);
            if (b) answer(b, n);
            free(b);
        }
        return 0;
    }
    size_t n;
    char* b = slurp(argv[4], &n);
    if (!b) return 1;
    if (strcmp(argv[3], "repeat") == 0 && argc > 6) {
        const long lines = atol(argv[5]), rounds = atol(argv[6]);
        quiet = 1;
        for (long r = 0; r < rounds; ++r) {
            long count = 0;
            for (size_t i = 0; i < n && count < lines; ++count) {
                size_t e = i;
                while (e < n && b[e] != '\n') ++e;
                answer(b + i, e - i);
                i = e + 1;
            }
        }
        free(b);
        return 0;
    }
    const long limit = strcmp(argv[3], "mutate") == 0 && argc > 5 ? atol(argv[5]) : -1;
    static const char subst[] = " \"{}[],:\\ax\n\x80\xff";
    char* tmp = malloc(n + 5);
    long count = 0;
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && b[e] != '\n') ++e;
        const char* line = b + i;
        const size_t len = e - i;
        if (limit < 0) {
            answer(line, len);
        } else {
            if (count++ >= limit) break;
            for (size_t k = 0; k <= len; ++k) answer(line, k);
            for (size_t k = 0; k < len; ++k) {
                for (size_t s = 0; s < sizeof subst; ++s) { /* the last: the NUL */
                    memcpy(tmp, line, len);
                    tmp[k] = subst[s];
                    answer(tmp, len);
                }
                /* White space inserted before the byte (where JSON allows it, and where not). */
                memcpy(tmp, line, k);
                memcpy(tmp + k, " \t\r\n", 4);
                memcpy(tmp + k + 4, line + k, len - k);
                answer(tmp, len + 4);
            }
        }
        i = e + 1;
    }
    free(tmp);
    free(b);
    return 0;
}
